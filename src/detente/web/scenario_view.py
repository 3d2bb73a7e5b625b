"""The scenario as the dashboard shows it: an actors x issues table of values with evidence."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from detente.scenario.schema import Scenario, Value


class IssueOut(BaseModel):
    id: str
    name: str
    description: str
    low: str
    high: str
    key_points: dict[int, str]
    status_quo: Value | None


class ActorOut(BaseModel):
    id: str
    name: str
    country: str | None
    capability: Value


class Cell(BaseModel):
    actor: str
    issue: str
    position: Value
    salience: Value


class ClassOut(BaseModel):
    id: str
    name: str
    description: str
    region: dict[str, tuple[float, float]]
    rule: str


class ShockOut(BaseModel):
    id: str
    name: str
    description: str
    changes: list[dict]


class Edit(BaseModel):
    field: str
    actor: str
    issue: str | None
    value: float
    low: float
    high: float


class ScenarioTable(BaseModel):
    name: str
    description: str
    as_of: dt.date
    horizon: dt.date
    version: int
    edits: list[Edit]
    issues: list[IssueOut]
    actors: list[ActorOut]
    cells: list[Cell]
    outcome_classes: list[ClassOut]
    shocks: list[ShockOut]


def scenario_table(scenario: Scenario, version: int = 0, edits: list[dict] | None = None) -> ScenarioTable:
    """The scenario's values, ranges and citations laid out for the table and the API."""
    return ScenarioTable(
        name=scenario.name, description=scenario.description, as_of=scenario.as_of,
        horizon=scenario.horizon, version=version, edits=[Edit(**e) for e in edits or []],
        issues=[IssueOut(id=i.id, name=i.name, description=i.description, low=i.low, high=i.high,
                         key_points=i.key_points, status_quo=i.status_quo) for i in scenario.issues],
        actors=[ActorOut(id=a.id, name=a.name, country=a.country, capability=a.capability)
                for a in scenario.actors],
        cells=[Cell(actor=s.actor, issue=s.issue, position=s.position, salience=s.salience)
               for s in scenario.stances],
        outcome_classes=[ClassOut(id=c.id, name=c.name, description=c.description,
                                  region=c.region, rule=c.rule) for c in scenario.outcome_classes],
        shocks=[ShockOut(id=s.id, name=s.name, description=s.description,
                         changes=[c.model_dump() for c in s.changes]) for s in scenario.shocks],
    )

"""The scenario record: who wants what on which issue, how much it matters, with evidence.

One pydantic model per part of a scenario file (YAML or JSON); the JSON Schema published in
`docs/scenario.schema.json` is generated from these models (`detente scenario schema`).

Conventions every stage relies on:

* Every issue is a 0-100 scale. Its two ends (`low` = 0, `high` = 100) and key points are
  described in words, so a number can be read back as a political outcome.
* Positions are on that 0-100 scale; saliences are in [0, 1] (how much the issue matters to
  the actor relative to its other concerns, as in Bueno de Mesquita's and KTAB's data);
  capabilities are > 0 on any common scale (see `detente/data/capabilities.yaml`).
* Every number is a `Value`: a best estimate with a range (low <= value <= high) where the
  sources disagree, and citations (article id ``STEM#N`` plus the exact sentence).
* Outcome classes are regions of the issue space, tested against each model's predicted
  outcome per Monte Carlo draw (see `OutcomeClass` and `Scenario.class_mode`).
* Shocks and cycle events change inputs through `Change` records (add, mul or set), after
  which values are clipped back to their domain (position [0, 100], salience [0, 1],
  capability > 0, minimum 1e-9).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

SCALE_MIN = 0.0
SCALE_MAX = 100.0

#: PLOVER event types (Halterman et al., "PLOVER and POLECAT", 2023; as used in the gold data).
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]

Id = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_\-]*$", max_length=64)]
ARTICLE_ID = re.compile(r"^.+#[0-9]+$")


class _Record(BaseModel):
    """Base: unknown keys are errors, so a typo in a field name is caught at load time."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class Citation(_Record):
    """Evidence for a value: the article (``STEM#N``) and one exact sentence copied from it.

    `detente scenario check` verifies that `sentence` is a substring of the stored article
    text (whitespace-normalised) or one of the extraction's sentences.
    """

    article: str = Field(description="Article id STEM#N as stored by `detente ingest`.")
    sentence: str = Field(min_length=3, description="Exact sentence from the article text.")

    @field_validator("article")
    @classmethod
    def _article_id(cls, v: str) -> str:
        if not ARTICLE_ID.match(v):
            raise ValueError(f"article id {v!r} is not of the form STEM#N")
        return v


class Value(_Record):
    """A number with a range and its evidence: best estimate `value`, range [`low`, `high`].

    `low`/`high` default to `value` (no uncertainty). Monte Carlo draws each value from its
    range (the forecast stage decides the distribution, e.g. triangular with mode `value`).
    A bare number in the file is read as ``{value: n}``.
    """

    value: float
    low: float | None = None
    high: float | None = None
    citations: list[Citation] = Field(default_factory=list)
    source: str | None = Field(
        default=None, description="Provenance other than articles, e.g. 'detente/data/capabilities.yaml'."
    )
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare_number(cls, data: Any) -> Any:
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            return {"value": data}
        return data

    @model_validator(mode="after")
    def _ordered(self) -> Value:
        for name in ("value", "low", "high"):
            v = getattr(self, name)
            if v is not None and not math.isfinite(v):
                raise PydanticCustomError("not_finite", "{name} must be a finite number", {"name": name})
        if self.low is None:
            self.low = self.value
        if self.high is None:
            self.high = self.value
        if self.low > self.high:
            raise PydanticCustomError(
                "range_order", "low ({low}) > high ({high})", {"low": self.low, "high": self.high}
            )
        if not self.low <= self.value <= self.high:
            raise PydanticCustomError(
                "range_value",
                "value {value} lies outside its range [{low}, {high}]",
                {"value": self.value, "low": self.low, "high": self.high},
            )
        return self

    def check_domain(self, lo: float, hi: float, *, lo_open: bool = False, what: str = "") -> None:
        """Raise a validation error when any of value/low/high leaves [lo, hi] (or (lo, hi])."""
        for name in ("value", "low", "high"):
            v = getattr(self, name)
            if v > hi or v < lo or (lo_open and v <= lo):
                bracket = "(" if lo_open else "["
                raise PydanticCustomError(
                    "out_of_domain",
                    "{what}{name} = {v} is outside {domain}",
                    {"what": f"{what}." if what else "", "name": name, "v": v, "domain": f"{bracket}{lo:g}, {hi:g}]"},
                )


class Issue(_Record):
    """One issue: a 0-100 scale whose ends and key points are described in words.

    `status_quo` is where the issue stands now (the models' reference point / disagreement
    point where they use one); omit it when there is none.
    """

    id: Id
    name: str
    description: str = ""
    low: str = Field(description="What 0 on the scale means.")
    high: str = Field(description="What 100 on the scale means.")
    key_points: dict[int, str] = Field(
        default_factory=dict, description="Points on the scale (0-100) described in words."
    )
    status_quo: Value | None = None

    @model_validator(mode="after")
    def _scale(self) -> Issue:
        for point in self.key_points:
            if not SCALE_MIN <= point <= SCALE_MAX:
                raise PydanticCustomError(
                    "out_of_domain", "key point {p} is outside [0, 100]", {"p": point}
                )
        if self.status_quo is not None:
            self.status_quo.check_domain(SCALE_MIN, SCALE_MAX, what="status_quo")
        return self


class Actor(_Record):
    """A party to the conflict with its capability (power it can bring to bear, > 0).

    `aliases` are names used to match the actor in extracted claims/events (canonical names
    of the gold guidelines, e.g. ``Vladimir Putin``, ``Russia``); `country` is ISO 3166
    alpha-3 or ``EU``/``NATO``.
    """

    id: Id
    name: str
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    capability: Value
    description: str = ""

    @model_validator(mode="after")
    def _positive(self) -> Actor:
        self.capability.check_domain(0.0, math.inf, lo_open=True, what="capability")
        return self


class Stance(_Record):
    """An actor's position (0-100 on the issue's scale) and salience ([0, 1]) on one issue."""

    actor: str
    issue: str
    position: Value
    salience: Value

    @model_validator(mode="after")
    def _domains(self) -> Stance:
        self.position.check_domain(SCALE_MIN, SCALE_MAX, what="position")
        self.salience.check_domain(0.0, 1.0, what="salience")
        return self


class OutcomeClass(_Record):
    """A named ending, defined as a region of the issue space, with resolution criteria.

    Semantics (shared with the forecast stage): for each model and Monte Carlo draw the
    model's predicted outcome x (one value per issue) is tested against `region`, a map
    issue id -> [lo, hi] (inclusive). With `rule: all` the draw is in the class when every
    listed issue lies in its interval; with `rule: any` when at least one does. Issues not
    listed are unconstrained. How overlapping classes are counted is set by
    `Scenario.class_mode`. A class's probability is the share of draws in it (per model,
    then pooled over models with equal weight); draws in no class count as ``other``.
    """

    id: Id
    name: str
    description: str = ""
    resolution: str = Field(description="How an observer decides at the horizon whether it happened.")
    horizon: dt.date
    region: dict[str, tuple[float, float]]
    rule: Literal["all", "any"] = "all"
    citations: list[Citation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _intervals(self) -> OutcomeClass:
        if not self.region:
            raise PydanticCustomError("empty_region", "region must constrain at least one issue", {})
        for issue, (lo, hi) in self.region.items():
            if lo > hi:
                raise PydanticCustomError(
                    "range_order", "region[{issue}]: low ({lo}) > high ({hi})", {"issue": issue, "lo": lo, "hi": hi}
                )
            if lo < SCALE_MIN or hi > SCALE_MAX:
                raise PydanticCustomError(
                    "out_of_domain", "region[{issue}] = [{lo}, {hi}] leaves [0, 100]",
                    {"issue": issue, "lo": lo, "hi": hi},
                )
        return self

    def contains(self, outcome: np.ndarray, issue_index: dict[str, int]) -> np.ndarray:
        """Boolean mask over the leading axes of `outcome` (..., k): which draws fall in the region."""
        tests = [
            (outcome[..., issue_index[issue]] >= lo) & (outcome[..., issue_index[issue]] <= hi)
            for issue, (lo, hi) in self.region.items()
        ]
        stacked = np.stack(tests, axis=-1)
        return stacked.all(axis=-1) if self.rule == "all" else stacked.any(axis=-1)


class ClassMove(_Record):
    """Which outcome class an indicator makes more (`up`) or less (`down`) likely."""

    outcome_class: str = Field(alias="class")
    direction: Literal["up", "down"]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Indicator(_Record):
    """An observable event (PLOVER-typed) to watch, and which classes it would move.

    `shock` optionally names the shock in this file that models the indicator's effect.
    """

    id: Id
    name: str
    description: str = ""
    type: PloverType
    source: str | None = Field(default=None, description="Actor id that acts.")
    target: str | None = Field(default=None, description="Actor id acted upon.")
    moves: list[ClassMove] = Field(min_length=1)
    shock: str | None = None
    citations: list[Citation] = Field(default_factory=list)


class Change(_Record):
    """One change to the inputs: `field` of `actor` (on `issue`, or every issue when None)
    becomes value+x (`add`), value*x (`mul`) or x (`set`). Applied to the best estimate and
    both ends of the range; results are clipped to the field's domain.

    `actor: "*"` applies to every actor. Capability changes take no issue.
    """

    actor: str
    issue: str | None = None
    field: Literal["capability", "position", "salience"]
    op: Literal["add", "mul", "set"]
    value: float

    @model_validator(mode="after")
    def _capability_has_no_issue(self) -> Change:
        if self.field == "capability" and self.issue is not None:
            raise PydanticCustomError("capability_issue", "a capability change takes no issue", {})
        if not math.isfinite(self.value):
            raise PydanticCustomError("not_finite", "value must be a finite number", {})
        return self


class Shock(_Record):
    """A named what-if: a set of changes re-run through the forecast (e.g. "US delivers Tomahawks")."""

    id: Id
    name: str
    description: str = ""
    changes: list[Change] = Field(min_length=1)
    citations: list[Citation] = Field(default_factory=list)


class Trigger(_Record):
    """A condition on the state of a round under which a cycle event fires.

    `quantity` is read from the current round: ``outcome`` (predicted outcome on `issue`),
    or an actor's ``position``/``salience`` on `issue`, or its ``capability``. The condition
    holds when the quantity is > `above` and < `below` (either may be omitted); a trigger with
    neither always holds. When it holds the event fires with `probability` (drawn with the
    run's seed). `every` fires it only in rounds divisible by `every` (1 = every round).
    """

    quantity: Literal["outcome", "position", "salience", "capability"] = "outcome"
    issue: str | None = None
    actor: str | None = None
    above: float | None = None
    below: float | None = None
    probability: float = Field(default=1.0, ge=0.0, le=1.0)
    every: int = Field(default=1, ge=1)

    @model_validator(mode="after")
    def _needs(self) -> Trigger:
        if self.quantity != "capability" and (self.above is not None or self.below is not None) and self.issue is None:
            raise PydanticCustomError("trigger_issue", "a {q} trigger needs an issue", {"q": self.quantity})
        if self.quantity != "outcome" and self.actor is None and (self.above is not None or self.below is not None):
            raise PydanticCustomError("trigger_actor", "a {q} trigger needs an actor", {"q": self.quantity})
        if self.above is not None and self.below is not None and self.above >= self.below:
            raise PydanticCustomError(
                "range_order", "above ({a}) must be < below ({b})", {"a": self.above, "b": self.below}
            )
        return self


class CycleEvent(_Record):
    """An event between rounds of the multi-round mode (a call, threat, sanction, strike):
    when its trigger holds, its changes apply to the next round's inputs."""

    id: Id
    name: str
    description: str = ""
    type: PloverType
    source: str | None = None
    target: str | None = None
    trigger: Trigger = Field(default_factory=Trigger)
    changes: list[Change] = Field(min_length=1)
    citations: list[Citation] = Field(default_factory=list)


class Cycle(_Record):
    """Rules of the multi-round mode: up to `rounds` rounds, events applied between rounds in
    file order. `exit_classes` are the outcome classes whose reaching ends the loop (the cycle
    stage reports in which round, if any, each draw exits)."""

    rounds: int = Field(default=12, ge=1, le=1000)
    description: str = ""
    events: list[CycleEvent] = Field(default_factory=list)
    exit_classes: list[str] = Field(default_factory=list)


class Settings(_Record):
    """Optional forecast defaults stored with the scenario (the CLI's options override them)."""

    models: list[str] | None = None
    draws: int | None = Field(default=None, ge=1)
    seed: int | None = None


class Scenario(_Record):
    """A whole case: issues, actors, stances, outcome classes, indicators, shocks, cycle rules.

    `class_mode` says how overlapping outcome classes are counted: ``first`` (default) puts
    each draw in the first class in file order whose region contains it, so class
    probabilities plus ``other`` sum to 1; ``overlap`` tests every class independently
    (probabilities may then sum to more than 1).
    """

    name: str
    description: str = ""
    as_of: dt.date
    horizon: dt.date
    issues: list[Issue] = Field(min_length=1)
    actors: list[Actor] = Field(min_length=1)
    stances: list[Stance] = Field(default_factory=list)
    outcome_classes: list[OutcomeClass] = Field(default_factory=list)
    class_mode: Literal["first", "overlap"] = "first"
    indicators: list[Indicator] = Field(default_factory=list)
    shocks: list[Shock] = Field(default_factory=list)
    cycle: Cycle | None = None
    settings: Settings = Field(default_factory=Settings)

    @model_validator(mode="after")
    def _references(self) -> Scenario:
        problems = reference_problems(self)
        if problems:
            path, message = problems[0]
            more = f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
            raise PydanticCustomError("reference", "{path}: {message}{more}", {"path": path, "message": message, "more": more})
        return self

    # convenient look-ups
    def actor_ids(self) -> list[str]:
        return [a.id for a in self.actors]

    def issue_ids(self) -> list[str]:
        return [i.id for i in self.issues]

    def stance(self, actor: str, issue: str) -> Stance | None:
        for s in self.stances:
            if s.actor == actor and s.issue == issue:
                return s
        return None

    def shock(self, ref: str) -> Shock:
        """The shock whose id or name is `ref` (KeyError naming the known ids otherwise)."""
        for s in self.shocks:
            if ref in (s.id, s.name):
                return s
        raise KeyError(f"unknown shock {ref!r}; known shocks: {', '.join(s.id for s in self.shocks) or 'none'}")


def _dupes(ids: list[str]) -> list[str]:
    seen: set[str] = set()
    return [i for i in ids if i in seen or seen.add(i)]  # type: ignore[func-returns-value]


def _check_change(path: str, change: Change, actors: set[str], issues: set[str]) -> list[tuple[str, str]]:
    out = []
    if change.actor != "*" and change.actor not in actors:
        out.append((f"{path}.actor", f"unknown actor {change.actor!r}"))
    if change.issue is not None and change.issue not in issues:
        out.append((f"{path}.issue", f"unknown issue {change.issue!r}"))
    return out


def reference_problems(s: Scenario) -> list[tuple[str, str]]:
    """Every cross-reference that does not resolve, as (field path, message) pairs."""
    actors, issues = set(s.actor_ids()), set(s.issue_ids())
    classes = {c.id for c in s.outcome_classes}
    shocks = {x.id for x in s.shocks}
    out: list[tuple[str, str]] = []
    for name, ids in (("issues", s.issue_ids()), ("actors", s.actor_ids()),
                      ("outcome_classes", [c.id for c in s.outcome_classes]),
                      ("indicators", [i.id for i in s.indicators]), ("shocks", [x.id for x in s.shocks])):
        for d in _dupes(ids):
            out.append((name, f"duplicate id {d!r}"))
    if s.horizon < s.as_of:
        out.append(("horizon", f"horizon {s.horizon} is before as_of {s.as_of}"))
    known_actors = ", ".join(sorted(actors))
    known_issues = ", ".join(sorted(issues))
    seen: set[tuple[str, str]] = set()
    for i, st in enumerate(s.stances):
        path = f"stances[{i}] ({st.actor}/{st.issue})"
        if st.actor not in actors:
            out.append((f"{path}.actor", f"unknown actor {st.actor!r}; known actors: {known_actors}"))
        if st.issue not in issues:
            out.append((f"{path}.issue", f"unknown issue {st.issue!r}; known issues: {known_issues}"))
        if (st.actor, st.issue) in seen:
            out.append((path, "duplicate stance for this actor and issue"))
        seen.add((st.actor, st.issue))
    for i, c in enumerate(s.outcome_classes):
        for issue in c.region:
            if issue not in issues:
                out.append((f"outcome_classes[{i}] ({c.id}).region.{issue}", f"unknown issue {issue!r}; known issues: {known_issues}"))
    for i, ind in enumerate(s.indicators):
        path = f"indicators[{i}] ({ind.id})"
        for role in ("source", "target"):
            a = getattr(ind, role)
            if a is not None and a not in actors:
                out.append((f"{path}.{role}", f"unknown actor {a!r}"))
        for j, mv in enumerate(ind.moves):
            if mv.outcome_class not in classes:
                out.append((f"{path}.moves[{j}].class", f"unknown outcome class {mv.outcome_class!r}"))
        if ind.shock is not None and ind.shock not in shocks:
            out.append((f"{path}.shock", f"unknown shock {ind.shock!r}"))
    for i, sh in enumerate(s.shocks):
        for j, ch in enumerate(sh.changes):
            out += _check_change(f"shocks[{i}] ({sh.id}).changes[{j}]", ch, actors, issues)
    if s.cycle is not None:
        for i, ev in enumerate(s.cycle.events):
            path = f"cycle.events[{i}] ({ev.id})"
            for role in ("source", "target"):
                a = getattr(ev, role)
                if a is not None and a not in actors:
                    out.append((f"{path}.{role}", f"unknown actor {a!r}"))
            t = ev.trigger
            if t.issue is not None and t.issue not in issues:
                out.append((f"{path}.trigger.issue", f"unknown issue {t.issue!r}"))
            if t.actor is not None and t.actor not in actors:
                out.append((f"{path}.trigger.actor", f"unknown actor {t.actor!r}"))
            for j, ch in enumerate(ev.changes):
                out += _check_change(f"{path}.changes[{j}]", ch, actors, issues)
        for c in s.cycle.exit_classes:
            if c not in classes:
                out.append(("cycle.exit_classes", f"unknown outcome class {c!r}"))
    return out


@dataclass(frozen=True)
class ScenarioArrays:
    """A scenario as NumPy arrays for the models (actors in file order, issues in file order).

    capability*: (n,); position*/salience*: (n, k); status_quo: (k,).
    Missing stances (an actor silent on an issue) are NaN in position and salience; the
    forecast stage should treat them as salience 0 (the actor does not weigh in).
    """

    actors: list[str]
    issues: list[str]
    capability: np.ndarray
    capability_low: np.ndarray
    capability_high: np.ndarray
    position: np.ndarray
    position_low: np.ndarray
    position_high: np.ndarray
    salience: np.ndarray
    salience_low: np.ndarray
    salience_high: np.ndarray
    status_quo: np.ndarray


def to_arrays(scenario: Scenario) -> ScenarioArrays:
    """Turn a scenario into arrays: names, capability (n,), position/salience value, low, high (n, k)."""
    actors, issues = scenario.actor_ids(), scenario.issue_ids()
    n, k = len(actors), len(issues)
    ai = {a: i for i, a in enumerate(actors)}
    ii = {x: j for j, x in enumerate(issues)}
    cap = np.array([[a.capability.value, a.capability.low, a.capability.high] for a in scenario.actors], dtype=float)
    pos = np.full((3, n, k), np.nan)
    sal = np.full((3, n, k), np.nan)
    for st in scenario.stances:
        i, j = ai[st.actor], ii[st.issue]
        pos[:, i, j] = (st.position.value, st.position.low, st.position.high)
        sal[:, i, j] = (st.salience.value, st.salience.low, st.salience.high)
    sq = np.array([iss.status_quo.value if iss.status_quo else np.nan for iss in scenario.issues], dtype=float)
    return ScenarioArrays(
        actors=actors, issues=issues,
        capability=cap[:, 0], capability_low=cap[:, 1], capability_high=cap[:, 2],
        position=pos[0], position_low=pos[1], position_high=pos[2],
        salience=sal[0], salience_low=sal[1], salience_high=sal[2],
        status_quo=sq,
    )


def all_citations(scenario: Scenario) -> list[tuple[str, Citation]]:
    """Every citation in the scenario with the field path it supports (for `scenario check`)."""
    out: list[tuple[str, Citation]] = []

    def add(path: str, cites: list[Citation]) -> None:
        out.extend((f"{path}.citations[{i}]", c) for i, c in enumerate(cites))

    for iss in scenario.issues:
        if iss.status_quo is not None:
            add(f"issues.{iss.id}.status_quo", iss.status_quo.citations)
    for a in scenario.actors:
        add(f"actors.{a.id}.capability", a.capability.citations)
    for st in scenario.stances:
        add(f"stances.{st.actor}/{st.issue}.position", st.position.citations)
        add(f"stances.{st.actor}/{st.issue}.salience", st.salience.citations)
    for c in scenario.outcome_classes:
        add(f"outcome_classes.{c.id}", c.citations)
    for ind in scenario.indicators:
        add(f"indicators.{ind.id}", ind.citations)
    for sh in scenario.shocks:
        add(f"shocks.{sh.id}", sh.citations)
    if scenario.cycle is not None:
        for ev in scenario.cycle.events:
            add(f"cycle.events.{ev.id}", ev.citations)
    return out


def scenario_json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of scenario files, generated from these models.

    A `Value` may also be written as a bare number (``salience: 0.5``); pydantic accepts that
    through a before-validator the generated schema cannot see, so it is added here.
    """
    schema = Scenario.model_json_schema(by_alias=True, mode="validation")
    defs = schema["$defs"]
    defs["ValueObject"] = defs.pop("Value")
    defs["Value"] = {
        "title": "Value",
        "description": defs["ValueObject"].get("description", ""),
        "anyOf": [{"type": "number"}, {"$ref": "#/$defs/ValueObject"}],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "detente scenario",
        **{k: v for k, v in schema.items() if k != "title"},
    }

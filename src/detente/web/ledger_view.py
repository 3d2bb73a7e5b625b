"""The forecast ledger as the dashboard shows it: recorded forecasts, resolutions, scores.

Records and scores come from `detente.forecast.ledger` (Brier and log scores, calibration);
forecasts are recorded with `detente forecast SCENARIO --record` or the forecast page's
"Record this forecast", and resolved with `detente resolve CLASS --outcome yes|no --date D`.
A forecast of a scenario edited in the dashboard carries what was changed.
"""

from __future__ import annotations

import datetime as dt

import duckdb
from pydantic import BaseModel

from detente.errors import InputError
from detente.forecast import ledger
from detente.forecast.estimative import likelihood_word
from detente.web.corpus import has_table, rows


class ValueChange(BaseModel):
    actor: str | None
    issue: str | None
    field: str
    old: float | None
    new: float | None


class Edited(BaseModel):
    base_hash: str            # inputs hash of the scenario file the edits were made on
    changes: list[ValueChange]


class Entry(BaseModel):
    id: str
    created_at: dt.datetime
    scenario: str
    scenario_path: str | None
    inputs_hash: str
    edited: Edited | None
    models: dict[str, str]
    seed: int
    draws: int
    classes: dict[str, float]
    words: dict[str, str]
    horizons: dict[str, str]


class Resolution(BaseModel):
    scenario: str
    class_id: str
    outcome: bool
    date: dt.date
    note: str | None


class Calibration(BaseModel):
    bin: str
    n: int
    forecast: float
    observed: float


class Scores(BaseModel):
    n: int
    brier: float
    log: float
    calibration: list[Calibration]


class Ledger(BaseModel):
    forecasts: list[Entry]
    resolutions: list[Resolution]
    scores: Scores | None


def ledger_view(con: duckdb.DuckDBPyConnection) -> Ledger:
    """Every recorded forecast (newest first), every resolution, and scores when any pair is resolved."""
    if not has_table(con, "forecasts"):
        return Ledger(forecasts=[], resolutions=[], scores=None)
    entries = []
    edited = ledger.edits(con)
    for r in reversed(ledger.all_records(con)):
        classes = {c: float(p) for c, p in r.result.get("classes", {}).items()}
        e = edited.get(r.id)
        entries.append(Entry(id=r.id, created_at=r.created_at, scenario=r.scenario_name,
                             scenario_path=r.scenario_path, inputs_hash=r.inputs_hash,
                             edited=None if e is None else Edited(
                                 base_hash=e.base_hash, changes=[ValueChange(**vars(c)) for c in e.changes]),
                             models=r.models,
                             seed=r.seed, draws=r.draws, classes=classes,
                             words={c: likelihood_word(min(max(p, 0.0), 1.0)) for c, p in classes.items()},
                             horizons=r.horizons))
    resolutions = [Resolution(scenario=x["scenario_name"], class_id=x["class_id"], outcome=x["outcome"],
                              date=x["date"], note=x["note"])
                   for x in rows(con, "SELECT scenario_name, class_id, outcome, date, note FROM resolutions "
                                      "ORDER BY date, scenario_name, class_id")]
    scores = None
    try:
        s = ledger.score(ledger.scored_pairs(con))
    except InputError:
        pass  # nothing resolved yet: the page says so
    else:
        scores = Scores(n=len(s.pairs), brier=s.brier, log=s.log,
                        calibration=[Calibration(bin=b, n=n, forecast=f, observed=o) for b, n, f, o in s.calibration])
    return Ledger(forecasts=entries, resolutions=resolutions, scores=scores)

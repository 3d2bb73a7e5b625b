"""The forecast ledger as the dashboard shows it: recorded forecasts, resolutions, scores.

Records and scores come from `detente.forecast.ledger` (Brier and log scores, calibration);
forecasts are recorded with `detente forecast SCENARIO --record` and resolved with
`detente resolve CLASS --outcome yes|no --date D`.
"""

from __future__ import annotations

import datetime as dt

import duckdb
from pydantic import BaseModel

from detente.errors import InputError
from detente.forecast import ledger
from detente.forecast.estimative import likelihood_word
from detente.web.corpus import has_table, rows


class Entry(BaseModel):
    id: str
    created_at: dt.datetime
    scenario: str
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
    for r in reversed(ledger.all_records(con)):
        classes = {c: float(p) for c, p in r.result.get("classes", {}).items()}
        entries.append(Entry(id=r.id, created_at=r.created_at, scenario=r.scenario_name, models=r.models,
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

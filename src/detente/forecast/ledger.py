"""The forecast ledger: frozen, dated forecasts; re-solving them; resolutions; scores.

A recorded forecast keeps everything needed to re-solve it: the scenario itself (as JSON,
so later edits of the file do not matter) and its SHA-256, the seed, the number of draws,
and each model's name and version. `verify` re-solves with exactly those model versions.
`record_forecast` is the one way forecasts get in: `detente forecast SCENARIO --record` and
the dashboard's "Record this forecast" both call it. A forecast of a scenario edited in the
dashboard stores the edited scenario (so `verify` re-solves what was shown) and, in table
`forecast_edits`, the file's inputs hash and every value that differs from the file.

Model versions. A model's `ModelSpec.version` changes whenever its results may change. To
keep an old version runnable, the model's module keeps the old function registered under
the name ``name@version`` (e.g. ``bdm@1``); `current_models` leaves such entries out of new
forecasts, and `verify` uses them when the recorded version is no longer the current one.
If neither is registered, `verify` fails and says which model version is missing.

Scores (Brier 1950, Monthly Weather Review 78:1; Good 1952, JRSS B 14:107). Each
(forecast, outcome class) pair whose class has been resolved is one binary forecast with
probability p and outcome o in {0, 1}, counted when the forecast was made on or before the
resolution date:

* Brier score: mean of (p - o)^2 (0 best, 1 worst);
* log score: mean of -ln(p if o else 1 - p), p clipped to [0.001, 0.999] so one confident
  miss gives 6.9 rather than infinity (0 best).

The calibration table bins p into tenths and compares the mean forecast with the observed
frequency in each bin (Murphy & Winkler 1977, Applied Statistics 26:41).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb

from detente.errors import DetenteError, InputError
from detente.forecast.models.registry import ModelSpec
from detente.scenario.load import scenario_data as _scenario_data
from detente.store.db import transaction

if TYPE_CHECKING:
    from detente.forecast.montecarlo import Forecast
    from detente.scenario.schema import Scenario

LOG_CLIP = 0.001


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def inputs_hash(scenario_data: Mapping[str, Any]) -> str:
    """SHA-256 of the scenario's canonical JSON: equal inputs give equal hashes."""
    return hashlib.sha256(canonical_json(scenario_data).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Record:
    id: str
    created_at: dt.datetime
    scenario_name: str
    scenario_path: str | None
    scenario: dict[str, Any]
    inputs_hash: str
    models: dict[str, str]
    seed: int
    draws: int
    result: dict[str, Any]
    horizons: dict[str, str]


def _new_id(h: str, models: Mapping[str, str], seed: int, draws: int, now: dt.datetime, n: int = 0) -> str:
    fields = {"h": h, "m": dict(models), "s": seed, "d": draws, "t": now.isoformat()}
    key = canonical_json(fields if n == 0 else {**fields, "n": n})
    return f"F-{now:%Y%m%d}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _insert(con: duckdb.DuckDBPyConnection, *, scenario_data: Mapping[str, Any], scenario_name: str,
            scenario_path: str | None, models: Mapping[str, str], seed: int, draws: int,
            result: Mapping[str, Any], horizons: Mapping[str, str], now: dt.datetime) -> str:
    h = inputs_hash(scenario_data)
    fid = _new_id(h, models, seed, draws, now)
    n = 0
    while con.execute("SELECT count(*) FROM forecasts WHERE id = ?", [fid]).fetchone()[0]:
        n += 1  # the same forecast recorded again within the same second
        fid = _new_id(h, models, seed, draws, now, n)
    con.execute(
        "INSERT INTO forecasts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [fid, now, scenario_name, scenario_path, canonical_json(scenario_data), h,
         canonical_json(dict(models)), seed, draws, canonical_json(dict(result)), canonical_json(dict(horizons))],
    )
    return fid


def record(con: duckdb.DuckDBPyConnection, *, scenario_data: Mapping[str, Any], scenario_name: str,
           scenario_path: str | None, models: Mapping[str, str], seed: int, draws: int,
           result: Mapping[str, Any], horizons: Mapping[str, str], now: dt.datetime | None = None) -> str:
    """Store a frozen forecast from its parts; returns its id ``F-YYYYMMDD-xxxxxxxx``.
    (Low level: forecasts of scenarios go through `record_forecast`.)"""
    with transaction(con):
        return _insert(con, scenario_data=scenario_data, scenario_name=scenario_name, scenario_path=scenario_path,
                       models=models, seed=seed, draws=draws, result=result, horizons=horizons,
                       now=now or _now())


# ---------------------------------------------------------------- recording a scenario's forecast


@dataclass(frozen=True)
class ValueChange:
    """One scenario value that differs from the scenario file: `field` is position, salience,
    capability or status_quo, with ``.low``/``.high`` for the ends of its range."""

    actor: str | None    # None for an issue's status quo
    issue: str | None    # None for a capability
    field: str
    old: float | None    # None: the value is not in the file (or no longer in the scenario)
    new: float | None


@dataclass(frozen=True)
class Edited:
    """How a recorded scenario differs from the file it was loaded from."""

    base_hash: str                       # inputs hash of the scenario file as loaded
    changes: tuple[ValueChange, ...]


@dataclass(frozen=True)
class Recorded:
    id: str
    new: bool                            # False: the same forecast was already the latest record
    inputs_hash: str
    edited: Edited | None


def _value_fields(data: Mapping[str, Any]) -> dict[tuple[str | None, str | None, str], Any]:
    out: dict[tuple[str | None, str | None, str], Any] = {}
    for a in data.get("actors", []):
        out[(a["id"], None, "capability")] = a.get("capability")
    for st in data.get("stances", []):
        for f in ("position", "salience"):
            out[(st["actor"], st["issue"], f)] = st.get(f)
    for i in data.get("issues", []):
        if i.get("status_quo") is not None:
            out[(None, i["id"], "status_quo")] = i["status_quo"]
    return out


def value_changes(base: Mapping[str, Any], edited: Mapping[str, Any]) -> list[ValueChange]:
    """Every value (and range end) of `edited` scenario data that differs from `base`, in the
    order actors' capabilities, stances, status quos (scenario data as `scenario_data` gives it)."""
    a, b = _value_fields(base), _value_fields(edited)
    out = []
    for key in [*a, *(k for k in b if k not in a)]:
        old, new = a.get(key) or {}, b.get(key) or {}
        for part, suffix in (("value", ""), ("low", ".low"), ("high", ".high")):
            x, y = old.get(part), new.get(part)
            if x != y:
                out.append(ValueChange(key[0], key[1], key[2] + suffix, x, y))
    return out


def horizons(scenario: Scenario) -> dict[str, str]:
    """{outcome class id: horizon date} of a scenario, as recorded with its forecasts."""
    return {c.id: c.horizon.isoformat() for c in scenario.outcome_classes}


def _same_as_latest(con: duckdb.DuckDBPyConnection, name: str, h: str, models: Mapping[str, str],
                    seed: int, draws: int) -> str | None:
    """The id of the latest record of scenario `name` when it has these very inputs and settings."""
    row = con.execute("SELECT id, inputs_hash, models, seed, draws FROM forecasts WHERE scenario_name = ? "
                      "ORDER BY created_at DESC, rowid DESC LIMIT 1", [name]).fetchone()  # rowid: insertion order
    if row and row[1] == h and json.loads(row[2]) == dict(models) and row[3] == seed and row[4] == draws:
        return str(row[0])
    return None


def record_forecast(con: duckdb.DuckDBPyConnection, scenario: Scenario, forecast: Forecast, *,
                    scenario_path: str | None = None, base: Scenario | None = None, once: bool = False,
                    now: dt.datetime | None = None) -> Recorded:
    """Store `forecast` (a Monte Carlo run of `scenario`) in the ledger, in one transaction.

    `base` is the scenario as loaded from its file when `scenario` is an edited copy: the
    edits are stored beside the record (`forecast_edits`). With `once`, a forecast whose
    inputs hash, seed, draws and model versions equal the latest record of the same scenario
    is not stored again (`Recorded.new` is False and `id` names the earlier record), so a
    double-submitted form records once.
    """
    data = _scenario_data(scenario)
    h = inputs_hash(data)
    models = {m: s.version for m, s in forecast.models.items()}
    edited = None
    if base is not None:
        base_data = _scenario_data(base)
        base_hash = inputs_hash(base_data)
        if base_hash != h:
            edited = Edited(base_hash, tuple(value_changes(base_data, data)))
    with transaction(con):
        if once:
            earlier = _same_as_latest(con, scenario.name, h, models, forecast.seed, forecast.draws)
            if earlier is not None:
                return Recorded(earlier, False, h, edited)
        fid = _insert(con, scenario_data=data, scenario_name=scenario.name, scenario_path=scenario_path,
                      models=models, seed=forecast.seed, draws=forecast.draws, result=forecast.to_json(),
                      horizons=horizons(scenario), now=now or _now())
        if edited is not None:
            con.execute("INSERT INTO forecast_edits VALUES (?, ?, ?)",
                        [fid, edited.base_hash, canonical_json([vars(c) for c in edited.changes])])
    return Recorded(fid, True, h, edited)


def edits(con: duckdb.DuckDBPyConnection) -> dict[str, Edited]:
    """{forecast id: Edited} for every recorded forecast of an edited scenario (empty for a
    store made before `forecast_edits` existed)."""
    if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'forecast_edits'").fetchone()[0]:
        return {}
    return {fid: Edited(base, tuple(ValueChange(**c) for c in json.loads(changes)))
            for fid, base, changes in con.execute("SELECT forecast_id, base_hash, changes FROM forecast_edits").fetchall()}


_COLS = "id, created_at, scenario_name, scenario_path, scenario, inputs_hash, models, seed, draws, result, horizons"


def _row(r: tuple[Any, ...]) -> Record:
    return Record(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], json.loads(r[6]), int(r[7]), int(r[8]),
                  json.loads(r[9]), json.loads(r[10]))


def _query(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    try:
        return con.execute(sql, params or []).fetchall()
    except duckdb.CatalogException:
        raise InputError("this store has no forecast ledger yet; record a forecast with "
                         "`detente forecast SCENARIO --record`") from None


def get(con: duckdb.DuckDBPyConnection, fid: str) -> Record:
    rows = _query(con, f"SELECT {_COLS} FROM forecasts WHERE id = ?", [fid])
    row = rows[0] if rows else None
    if row is None:
        known = [r[0] for r in _query(con, "SELECT id FROM forecasts ORDER BY created_at DESC LIMIT 5")]
        hint = f"; recent forecasts: {', '.join(known)}" if known else "; no forecasts recorded yet (use `detente forecast SCENARIO --record`)"
        raise InputError(f"no recorded forecast {fid!r}{hint}")
    return _row(row)


def all_records(con: duckdb.DuckDBPyConnection) -> list[Record]:
    return [_row(r) for r in _query(con, f"SELECT {_COLS} FROM forecasts ORDER BY created_at, rowid")]


def models_for(recorded: Mapping[str, str], registry: Mapping[str, ModelSpec]) -> dict[str, ModelSpec]:
    """The registered specs for recorded {name: version}: the current model when its version
    matches, else the archived ``name@version``; DetenteError naming what is missing."""
    out: dict[str, ModelSpec] = {}
    for name, version in recorded.items():
        spec = registry.get(name)
        if spec is not None and spec.version == version:
            out[name] = spec
        elif f"{name}@{version}" in registry:
            out[name] = registry[f"{name}@{version}"]
        else:
            now = f"current version {spec.version}" if spec is not None else "no such model now"
            raise DetenteError(f"model {name!r} version {version!r} is no longer available ({now}); "
                               f"keep it registered as '{name}@{version}' to re-solve this forecast")
    return out


def differences(recorded: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """Human-readable differences between two forecast results (empty when identical)."""
    if canonical_json(recorded) == canonical_json(now):
        return []
    out = []
    for c in sorted(set(recorded.get("classes", {})) | set(now.get("classes", {}))):
        a, b = recorded.get("classes", {}).get(c), now.get("classes", {}).get(c)
        if a != b:
            out.append(f"class {c}: recorded {a}, re-solved {b}")
    for i in sorted(set(recorded.get("issues", {})) | set(now.get("issues", {}))):
        a, b = recorded.get("issues", {}).get(i), now.get("issues", {}).get(i)
        if a != b:
            out.append(f"issue {i}: recorded {a}, re-solved {b}")
    return out or ["results differ in model details"]


def resolve(con: duckdb.DuckDBPyConnection, class_id: str, outcome: bool, date: dt.date,
            scenario_name: str | None = None, note: str | None = None) -> tuple[str, bool]:
    """Record what happened to outcome class `class_id`; returns (scenario name, replaced earlier?)."""
    names = sorted({r.scenario_name for r in all_records(con) if class_id in r.result.get("classes", {})})
    if scenario_name is not None:
        if scenario_name not in names:
            raise InputError(f"no recorded forecast of scenario {scenario_name!r} has outcome class {class_id!r}")
        names = [scenario_name]
    if not names:
        raise InputError(f"no recorded forecast has outcome class {class_id!r}; record one with `detente forecast SCENARIO --record`")
    if len(names) > 1:
        raise InputError(f"outcome class {class_id!r} is in forecasts of several scenarios ({', '.join(names)}); name one with --scenario")
    name = names[0]
    with transaction(con):
        replaced = con.execute("SELECT count(*) FROM resolutions WHERE scenario_name = ? AND class_id = ?",
                               [name, class_id]).fetchone()[0] > 0
        con.execute("DELETE FROM resolutions WHERE scenario_name = ? AND class_id = ?", [name, class_id])
        con.execute("INSERT INTO resolutions VALUES (?, ?, ?, ?, ?, ?)",
                    [name, class_id, outcome, date, dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0), note])
    return name, replaced


@dataclass(frozen=True)
class Pair:
    forecast_id: str
    scenario_name: str
    class_id: str
    probability: float
    outcome: bool


@dataclass(frozen=True)
class Scores:
    pairs: tuple[Pair, ...]
    brier: float
    log: float
    calibration: tuple[tuple[str, int, float, float], ...]  # (bin, count, mean forecast, observed freq)


def scored_pairs(con: duckdb.DuckDBPyConnection) -> list[Pair]:
    res = {(r[0], r[1]): (bool(r[2]), r[3]) for r in
           _query(con, "SELECT scenario_name, class_id, outcome, date FROM resolutions")}
    pairs = []
    for rec in all_records(con):
        for c, p in rec.result.get("classes", {}).items():
            hit = res.get((rec.scenario_name, c))
            if hit is not None and rec.created_at.date() <= hit[1]:
                pairs.append(Pair(rec.id, rec.scenario_name, c, float(p), hit[0]))
    return pairs


def score(pairs: list[Pair]) -> Scores:
    """Brier and log scores and a calibration table (see module doc)."""
    if not pairs:
        raise InputError("nothing to score: no recorded forecast has a resolved outcome class "
                         "(use `detente resolve CLASS --outcome yes|no --date D`)")
    brier = sum((p.probability - p.outcome) ** 2 for p in pairs) / len(pairs)
    def loss(p: Pair) -> float:
        q = min(max(p.probability, LOG_CLIP), 1 - LOG_CLIP)
        return -math.log(q if p.outcome else 1 - q)
    log = sum(loss(p) for p in pairs) / len(pairs)
    table = []
    for b in range(10):
        lo, hi = b / 10, (b + 1) / 10
        inside = [p for p in pairs if lo <= p.probability < hi or (b == 9 and p.probability == 1.0)]
        if inside:
            table.append((f"{lo:.1f}-{hi:.1f}", len(inside), sum(p.probability for p in inside) / len(inside),
                          sum(p.outcome for p in inside) / len(inside)))
    return Scores(tuple(pairs), brier, log, tuple(table))

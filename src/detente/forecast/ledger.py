"""The forecast ledger: frozen, dated forecasts; re-solving them; resolutions; scores.

A recorded forecast keeps everything needed to re-solve it: the scenario itself (as JSON,
so later edits of the file do not matter) and its SHA-256, the seed, the number of draws,
and each model's name and version. `verify` re-solves with exactly those model versions.

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
from typing import Any

import duckdb

from detente.errors import DetenteError, InputError
from detente.forecast.models.registry import ModelSpec
from detente.store.db import transaction

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


def record(con: duckdb.DuckDBPyConnection, *, scenario_data: Mapping[str, Any], scenario_name: str,
           scenario_path: str | None, models: Mapping[str, str], seed: int, draws: int,
           result: Mapping[str, Any], horizons: Mapping[str, str], now: dt.datetime | None = None) -> str:
    """Store a frozen forecast; returns its id ``F-YYYYMMDD-xxxxxxxx``."""
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    h = inputs_hash(scenario_data)
    key = canonical_json({"h": h, "m": dict(models), "s": seed, "d": draws, "t": now.isoformat()})
    fid = f"F-{now:%Y%m%d}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"
    with transaction(con):
        con.execute(
            "INSERT INTO forecasts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [fid, now, scenario_name, scenario_path, canonical_json(scenario_data), h,
             canonical_json(dict(models)), seed, draws, canonical_json(dict(result)), canonical_json(dict(horizons))],
        )
    return fid


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
    return [_row(r) for r in _query(con, f"SELECT {_COLS} FROM forecasts ORDER BY created_at, id")]


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

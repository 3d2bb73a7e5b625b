"""Backtest every registered model on data sets with known outcomes.

Sets shipped in ``detente/data/bench`` (provenance in its README): the DEU III development
half (EU legislation, 0-100 scales), the BDM (1994) emission-standards example (years 4-10,
outcome 8.833) and KTAB's two China SOE cases with their near-term outcome codings (25, 25).
Errors are absolute differences on each issue's scale, rescaled to 0-100 so the sets pool;
the interval is a percentile bootstrap over issues with an explicit seed.

Issues run as the batch axis of each model (one array call per model and set).
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable

import numpy as np

from detente.errors import InputError
from detente.forecast.models import registry
from detente.forecast.tables import read_ktab_csv, read_plain_csv

# Council voting weights of the Treaty of Nice (2003-2014 QMV; Croatia from 2013).
NICE_VOTES = {
    "de": 29, "fr": 29, "it": 29, "uk": 29, "es": 27, "pl": 27, "ro": 14, "nl": 13,
    "be": 12, "cz": 12, "el": 12, "hu": 12, "pt": 12, "at": 10, "bu": 10, "se": 10,
    "dk": 7, "ie": 7, "lt": 7, "sk": 7, "fi": 7, "cr": 7,
    "cy": 4, "ee": 4, "lv": 4, "lu": 4, "si": 4, "mt": 3,
}
CAPABILITIES = {
    "equal": "equal capability for every actor",
    "gdp": "blksv's GDP-based weights (not DEU data; Commission, EP and DE at 4.1)",
    "votes": "Council voting weights (Treaty of Nice) for member states; Commission and EP at the mean state weight",
    "procedure": (
        "procedure-aware: member states at Nice voting weights under QMV and equal under unanimity; "
        "under codecision (COD) the EP weighs as much as the whole Council, under consultation (CNS) "
        "it is left out; the Commission at the mean state weight"
    ),
}


@dataclass(frozen=True)
class BacktestSet:
    """Issues with known outcomes, batched: I issues of up to n actors."""

    name: str
    issue_ids: list[str]
    capability: np.ndarray  # (I, n)
    position: np.ndarray  # (I, n), NaN = no position
    salience: np.ndarray  # (I, n) on [0, 1]
    status_quo: np.ndarray  # (I,), NaN = none
    outcome: np.ndarray  # (I,)
    scale: tuple[float, float] = (0.0, 100.0)
    notes: list[str] = field(default_factory=list)

    def args(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Model inputs with issues as the batch axis: (I, n), (I, n, 1), (I, n, 1)."""
        return self.capability, self.position[..., None], self.salience[..., None]


def _data_file(name: str) -> Path:
    return Path(str(resources.files("detente.data") / "bench" / name))


def read_deu(path: Path, capability: str = "equal") -> BacktestSet:
    """Read a table in the DEU layout of bench_data/deu (tab-separated, quoted, header row,
    an optional GDP row with an empty issue id, one row per issue).

    Blank salience where the actor has a position is read as 50 (the bench README's
    convention); issues whose outcome is blank or 999 are skipped; both are counted in notes.
    """
    if capability not in CAPABILITIES:
        raise InputError(f"unknown capability assumption {capability!r}; choose one of {', '.join(CAPABILITIES)}")
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    if not rows:
        raise InputError(f"{path}: empty file")
    head = [h.strip() for h in rows[0]]
    col = {h: i for i, h in enumerate(head)}
    for need in ("isnr", "out"):
        if need not in col:
            raise InputError(f"{path}:1: no {need!r} column; not the DEU layout")
    actors = [h[1:] for h in head if h.startswith("p") and len(h) > 1 and "s" + h[1:] in col and h not in ("prnr", "prname", "prnrnmc", "proc", "proccde")]
    if not actors:
        raise InputError(f"{path}:1: no actor columns (p<actor> with s<actor>)")
    gdp = None
    ids, caps, P, S, SQ, OUT = [], [], [], [], [], []
    blank_sal = skipped = 0
    for r, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        row = [c.strip() for c in row] + [""] * (len(head) - len(row))
        where = f"{path}:{r}"
        if row[col["isnr"]] == "":  # blksv's GDP row
            gdp = np.array([_f(row[col["p" + a]], where, "GDP weight") for a in actors])
            continue
        out = row[col["out"]]
        if out in ("", "999"):
            skipped += 1
            continue
        pos = np.full(len(actors), np.nan)
        sal = np.full(len(actors), np.nan)
        for i, a in enumerate(actors):
            p, s = row[col["p" + a]], row[col["s" + a]]
            if p == "":
                continue
            pos[i] = _f(p, where, f"position of {a}")
            if s == "":
                blank_sal += 1
                sal[i] = 0.5
            else:
                sal[i] = _f(s, where, f"salience of {a}") / 100.0
        for label, v in (("position", pos), ("salience", sal * 100)):
            bad = ~np.isnan(v) & ((v < 0) | (v > 100))
            if np.any(bad):
                raise InputError(f"{where}: {label} of {actors[int(np.argmax(bad))]} is outside 0-100")
        present = ~np.isnan(pos)
        if not np.any(present & (sal > 0)):
            skipped += 1
            continue
        rp = row[col["rp"]] if "rp" in col else ""
        ids.append(row[col["isnr"]])
        P.append(pos)
        S.append(np.where(present, sal, 0.0))
        SQ.append(_f(rp, where, "reference point") if rp else np.nan)
        OUT.append(_f(out, where, "outcome"))
        caps.append(_capability(capability, actors, row, col, gdp, where))
    if not ids:
        raise InputError(f"{path}: no issue with a known outcome")
    notes = [f"{skipped} issue(s) skipped (outcome blank or 999, or no actor with a position)"] if skipped else []
    if blank_sal:
        notes.append(f"{blank_sal} blank salience(s) of actors with a position read as 50")
    return BacktestSet(
        name=Path(path).stem, issue_ids=ids, capability=np.array(caps), position=np.array(P),
        salience=np.array(S), status_quo=np.array(SQ), outcome=np.array(OUT), notes=notes,
    )


def _f(text: str, where: str, what: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise InputError(f"{where}: {what} {text!r} is not a number") from None
    if not np.isfinite(v):
        raise InputError(f"{where}: {what} is not finite")
    return v


def _capability(kind: str, actors: list[str], row: list[str], col: dict[str, int], gdp: np.ndarray | None, where: str) -> np.ndarray:
    n = len(actors)
    if kind == "equal":
        return np.ones(n)
    if kind == "gdp":
        if gdp is None:
            raise InputError(f"{where}: capability 'gdp' needs the GDP row (row 2 of blksv's file)")
        if np.any(gdp <= 0):
            raise InputError(f"{where}: the GDP row has a weight <= 0")
        return gdp
    states = [a for a in actors if a not in ("com", "ep")]
    missing = [a for a in states if a not in NICE_VOTES]
    if missing:
        raise InputError(f"{where}: no Council voting weight for {', '.join(missing)}")
    mean_state = float(np.mean([NICE_VOTES[a] for a in states]))
    unanimity = kind == "procedure" and "counvte" in col and row[col["counvte"]].lower().startswith("un")
    proc = row[col["proc"]].upper() if "proc" in col else ""
    cap = np.empty(n)
    for i, a in enumerate(actors):
        if a == "com":
            cap[i] = mean_state
        elif a == "ep":
            if kind == "procedure" and proc == "COD":
                cap[i] = sum(NICE_VOTES[s] for s in states)
            elif kind == "procedure" and proc == "CNS":
                cap[i] = 1e-9  # consulted only: left out (a zero would fail validation)
            else:
                cap[i] = mean_state
        else:
            cap[i] = mean_state if unanimity else NICE_VOTES[a]
    return cap


def _from_table(name: str, t, outcome: np.ndarray) -> BacktestSet:
    k = len(t.issues)
    return BacktestSet(
        name=name, issue_ids=[f"{name}:{i}" for i in t.issues],
        capability=np.broadcast_to(t.capability, (k, len(t.actors))).copy(),
        position=t.position.T.copy(), salience=t.salience.T.copy(),
        status_quo=t.status_quo if t.status_quo is not None else np.full(k, np.nan),
        outcome=np.asarray(outcome, float), scale=t.scale,
    )


def default_sets(capability: str = "equal") -> list[BacktestSet]:
    """The shipped sets: DEU III development half, emission standards, KTAB SOE cases."""
    sets = [read_deu(_data_file("deu3_dev.tsv"), capability)]
    emission = read_plain_csv(_data_file("emission_standards_bdm1994.csv"), scale=(4.0, 10.0))
    sets.append(_from_table("emission", emission, [8.833]))  # BDM (1994): actual outcome 8.833 years
    outcomes = json.loads(_data_file("schelling_ktab_china_2014_with_outcomes.json").read_text(encoding="utf-8"))
    near = {c["case_id"]: c["outcomes"]["near_term_by_2017"]["proposed_value"] for c in outcomes["cases"]}
    for file, case in (("SOE-Policy.csv", "KTAB-CHINA-2014-POLICY"), ("SOE-Competitive.csv", "KTAB-CHINA-2014-CNPC")):
        t = read_ktab_csv(_data_file(file))
        sets.append(_from_table(Path(file).stem, t, [near[case]]))
    return sets


def bootstrap_ci(errors: np.ndarray, *, seed: int, draws: int = 2000, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean absolute error, resampling issues."""
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, errors.size, size=(draws, errors.size))
    means = errors[idx].mean(axis=1)
    a = (1 - level) / 2
    return float(np.quantile(means, a)), float(np.quantile(means, 1 - a))


Predictor = Callable[[BacktestSet], np.ndarray]


# Predictors are small frozen dataclasses, not closures, so an executor can pickle them to
# worker processes or a Dask cluster (detente.execution).
@dataclass(frozen=True)
class RegistryModel:
    """A registered model with fixed parameters; the set's status quo is passed unless told not to."""

    name: str
    params: tuple[tuple[str, Any], ...] = ()
    status_quo: bool = True

    def __call__(self, s: BacktestSet) -> np.ndarray:
        sq = s.status_quo[:, None] if self.status_quo else None
        return registry.get(self.name).predict(*s.args(), status_quo=sq, **dict(self.params)).outcome[:, 0]


@dataclass(frozen=True)
class AnchoredOneActor:
    """Compromise with the status quo as one more actor of average weight: (m * mean + sq) / (m + 1)."""

    def __call__(self, s: BacktestSet) -> np.ndarray:
        m = (~np.isnan(s.position) & (s.salience > 0)).sum(axis=1)
        base = RegistryModel("compromise")(s)
        sq = s.status_quo
        return np.where(np.isnan(sq), base, (m * base + np.nan_to_num(sq)) / (m + 1))


@dataclass(frozen=True)
class Shrunk:
    """A model's outcome moved the fraction `toward` of the way to the compromise point."""

    name: str
    toward: float = 0.5

    def __call__(self, s: BacktestSet) -> np.ndarray:
        return (1 - self.toward) * RegistryModel(self.name)(s) + self.toward * RegistryModel("compromise")(s)


def variants() -> dict[str, Predictor]:
    """The honest improvements tried against the compromise model (docs/decisions.md, D-T*).

    Each is fixed in advance (no parameter fitted to an issue): Nash and KS with each
    actor's worst point as disagreement instead of the reference point; BDM's weighted mean
    of final positions instead of the median; BDM with Q = 0.5 (BDM's usual setting);
    status-quo anchoring with the status quo weighing as one average actor or as all actors
    together; shrinking a model halfway toward the compromise point.
    """
    out: dict[str, Predictor] = {
        "nash (worst-point d)": RegistryModel("nash", status_quo=False),
        "ks (worst-point d)": RegistryModel("ks", status_quo=False),
        "bdm outcome=mean": RegistryModel("bdm", (("outcome", "mean"),)),
        "bdm q=0.5": RegistryModel("bdm", (("q", 0.5),)),
        "compromise+sq(one actor)": AnchoredOneActor(),
        "compromise+sq(equal)": RegistryModel("compromise", (("sq_weight", 1.0),)),
    }
    for name in ("median", "nash", "bdm"):
        if name in registry.models():
            out[f"{name}~compromise(0.5)"] = Shrunk(name)
    return out


def score(errors: np.ndarray, seed: int, baseline: np.ndarray | None = None) -> dict[str, Any]:
    """MAE, median error, bootstrap CI; with a baseline, the paired difference in MAE
    (negative = better than the baseline) and its bootstrap CI over the same resamples."""
    lo, hi = bootstrap_ci(errors, seed=seed)
    out: dict[str, Any] = {"mae": float(errors.mean()), "median_ae": float(np.median(errors)), "n": int(errors.size), "ci": [lo, hi]}
    if baseline is not None:
        diff = errors - baseline
        dlo, dhi = bootstrap_ci(diff, seed=seed)
        out["diff_vs_compromise"] = {"mean": float(diff.mean()), "ci": [dlo, dhi]}
    return out


def run_backtest(
    sets: list[BacktestSet], *, seed: int = 0, with_variants: bool = True, models: list[str] | None = None,
    executor: Any = None,
) -> dict[str, Any]:
    """Errors of every registered model (and the variants) per set and pooled on 0-100.
    Each (set, model) prediction is a chunk on `executor` (detente.execution; default here)."""
    from detente.execution.tasks import map_named

    predictors: dict[str, Predictor] = {n: RegistryModel(n) for n in (models or list(registry.models()))}
    if with_variants:
        predictors.update(variants())
    pooled: dict[str, list[np.ndarray]] = {n: [] for n in predictors}
    per_set: dict[str, Any] = {}
    for s in sets:
        width = s.scale[1] - s.scale[0]
        with warnings.catch_warnings():
            # models may warn about actors without a position; the set's notes already count them
            warnings.simplefilter("ignore", UserWarning)
            predictions = map_named(predictors, s, "backtest", s.name, s.issue_ids, s.capability, s.position,
                                    s.salience, s.status_quo, s.outcome, executor=executor)
        per_set[s.name] = {"n": len(s.issue_ids), "scale": list(s.scale), "notes": s.notes, "models": {}}
        for name, pred in predictions.items():
            err = np.abs(pred - s.outcome) * (100.0 / width)
            pooled[name].append(err)
        base = np.abs(predictions["compromise"] - s.outcome) * (100.0 / width) if "compromise" in predictions else None
        for name in predictions:
            per_set[s.name]["models"][name] = score(pooled[name][-1], seed, base)
    base_all = np.concatenate(pooled["compromise"]) if "compromise" in pooled else None
    result = {"models": {n: score(np.concatenate(e), seed, base_all) for n, e in pooled.items()}, "sets": per_set}
    return result

"""Monte Carlo over a scenario's input ranges: draw inputs, run every model once, classify.

Draws. Every uncertain input (capability, position, salience, status quo) is given as
(low, value, high). We draw it from the beta-PERT distribution on that triple (Malcolm et
al. 1959; Vose, *Risk Analysis*, 3rd ed. 2008, sec. 9.1.5): ``low + (high - low) * Beta(a, b)``
with ``a = 1 + 4 (value - low) / (high - low)`` and ``b = 1 + 4 (high - value) / (high - low)``.
Unlike the triangular distribution it puts most weight near the stated value and little on
the ends, which matches how analysts give a value "with a range". A point value
(low == high) is drawn as itself. Inputs are drawn independently (no correlation model).

Streams. Draws are made in blocks of ``BLOCK`` draws; block ``b`` uses the random stream of
``SeedSequence(seed).spawn(...)[b]`` (NumPy's recommended way to make independent
parallel streams). So a run split into chunks of whole blocks (e.g. by Dask) gives exactly
the numbers of the one-process run: see `block_seed` and `draw_block`.

Classes. Each outcome class is a region of the issue space (a box: per issue a closed
interval; issues not named are unconstrained). A model's outcome in one draw belongs to the
*first* class, in the scenario's order, whose region contains it (`class_mode: first`, the
default); an outcome in no region is "other". So per model the class probabilities plus
"other" sum to exactly 1, and so do the pooled ones. With `class_mode: overlap` every class
is tested on its own and the probabilities may sum to more than 1.

Pooling. The pooled probability of a class is the equal-weight mean of the models'
probabilities (a linear opinion pool; Clemen & Winkler 1999, "Combining probability
distributions from experts in risk analysis", Risk Analysis 19(2)). Its interval runs from
the lowest to the highest 95% Wilson score interval (Wilson 1927; Agresti & Coull 1998) of
any model, so it covers both the sampling error of the draws and the disagreement between
models; with 10,000 draws it is almost all model disagreement.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from detente.errors import InputError
from detente.forecast.models.base import Outcome
from detente.forecast.models.registry import ModelSpec

BLOCK = 1024  # draws per independent random stream
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
OTHER = "other"  # share of draws in no outcome class
Z95 = 1.959963984540054  # standard normal 97.5% quantile


@dataclass(frozen=True)
class InputRanges:
    """The uncertain inputs of a scenario as (low, value, high) arrays.

    capability: ``(3, n)`` > 0; position: ``(3, n, k)`` on the issue scale;
    salience: ``(3, n, k)`` in [0, 1]; status_quo: ``(3, k)`` or None.
    Axis 0 is (low, value, high). `silent` ``(n, k)`` marks actors without a stance on an
    issue: their drawn position is NaN (the models' convention for "no position": they skip
    the actor on that issue) and their salience 0. NaN in status_quo: no status quo there.
    """

    actors: tuple[str, ...]
    issues: tuple[str, ...]
    capability: np.ndarray
    position: np.ndarray
    salience: np.ndarray
    status_quo: np.ndarray | None = None
    silent: np.ndarray | None = None

    def __post_init__(self) -> None:
        n, k = len(self.actors), len(self.issues)
        shapes = {"capability": (3, n), "position": (3, n, k), "salience": (3, n, k)}
        if self.status_quo is not None:
            shapes["status_quo"] = (3, k)
        for name, shape in shapes.items():
            arr = getattr(self, name)
            if getattr(self, name).shape != shape:
                raise InputError(f"{name}: shape {getattr(self, name).shape}, expected {shape} (low, value, high)")
            bad = np.argwhere(~((arr[0] <= arr[1]) & (arr[1] <= arr[2])))
            if bad.size:
                raise InputError(f"{name}{self._where(name, bad[0])}: need low <= value <= high, got "
                                 f"{arr[(slice(None), *bad[0])].tolist()}")

    def _where(self, name: str, idx: np.ndarray) -> str:
        if name == "status_quo":
            return f" of issue {self.issues[idx[0]]!r}"
        if name == "capability":
            return f" of {self.actors[idx[0]]!r}"
        return f" of {self.actors[idx[0]]!r} on {self.issues[idx[1]]!r}"

    def modes(self) -> InputRanges:
        """The same inputs with every range collapsed to its stated value."""
        def point(a: np.ndarray | None) -> np.ndarray | None:
            return None if a is None else np.broadcast_to(a[1], a.shape).copy()
        return replace(self, capability=point(self.capability), position=point(self.position),
                       salience=point(self.salience), status_quo=point(self.status_quo))


@dataclass(frozen=True)
class Draws:
    """One Monte Carlo sample of the inputs: capability ``(d, n)``, position and salience
    ``(d, n, k)``, status quo ``(d, k)`` or None."""

    capability: np.ndarray
    position: np.ndarray
    salience: np.ndarray
    status_quo: np.ndarray | None = None

    @property
    def size(self) -> int:
        return self.capability.shape[0]


def _pert(rng: np.random.Generator, rng_triple: np.ndarray, size: int) -> np.ndarray:
    """``size`` beta-PERT draws of each element of a (low, value, high) triple array.

    Only elements with a range consume random numbers (point values are copied), so adding
    or removing a point value elsewhere does not change these draws' order."""
    low, mode, high = rng_triple
    out = np.broadcast_to(mode, (size, *mode.shape)).copy()
    wide = high > low
    if wide.any():
        lo, md, hi = low[wide], mode[wide], high[wide]
        width = hi - lo
        u = rng.beta(1.0 + 4.0 * (md - lo) / width, 1.0 + 4.0 * (hi - md) / width, size=(size, lo.size))
        out[:, wide] = lo + width * u
    return out


def block_seed(seed: int, block: int) -> np.random.SeedSequence:
    """The SeedSequence of draw block `block` (same as ``SeedSequence(seed).spawn(block + 1)[block]``)."""
    return np.random.SeedSequence(seed, spawn_key=(block,))


def draw_block(ranges: InputRanges, seed_seq: np.random.SeedSequence, size: int) -> Draws:
    """`size` draws of all inputs from one stream; the order of draws within is fixed."""
    rng = np.random.default_rng(seed_seq)
    cap = np.maximum(_pert(rng, ranges.capability, size), 1e-9)  # models need c > 0
    pos = _pert(rng, ranges.position, size)
    sal = np.clip(_pert(rng, ranges.salience, size), 0.0, 1.0)
    if ranges.silent is not None:
        pos[:, ranges.silent] = np.nan
        sal[:, ranges.silent] = 0.0
    sq = None
    if ranges.status_quo is not None:
        missing = np.isnan(ranges.status_quo[1])
        sq = _pert(rng, np.nan_to_num(ranges.status_quo, nan=0.0), size)
        sq[:, missing] = np.nan
    return Draws(cap, pos, sal, sq)


def draw(ranges: InputRanges, seed: int, draws: int) -> Draws:
    """`draws` draws of all inputs: blocks of BLOCK draws, block b from `block_seed(seed, b)`."""
    if draws < 1:
        raise InputError(f"--draws must be at least 1, got {draws}")
    parts = []
    for b, start in enumerate(range(0, draws, BLOCK)):
        parts.append(draw_block(ranges, block_seed(seed, b), min(BLOCK, draws - start)))
    if len(parts) == 1:
        return parts[0]
    cat = lambda name: np.concatenate([getattr(p, name) for p in parts])  # noqa: E731
    return Draws(cat("capability"), cat("position"), cat("salience"),
                 None if ranges.status_quo is None else cat("status_quo"))


# ---------------------------------------------------------------- classes


@dataclass(frozen=True)
class ClassRegion:
    """An outcome class as a region of issue space: issue index -> (low, high), bounds inclusive.
    `rule` "all": every listed issue in its interval; "any": at least one."""

    name: str
    bounds: Mapping[int, tuple[float, float]]
    rule: str = "all"


def membership(outcome: np.ndarray, regions: Sequence[ClassRegion], mode: str = "first") -> np.ndarray:
    """Boolean ``(..., C + 1)``: which classes each outcome ``(..., k)`` is in; the last column
    is "other" (in no class). Mode "first" keeps only the first class in order that matches,
    so each row has exactly one True; "overlap" keeps every match."""
    lead = outcome.shape[:-1]
    cols = []
    for reg in regions:
        tests = [(outcome[..., j] >= lo) & (outcome[..., j] <= hi) for j, (lo, hi) in reg.bounds.items()]
        if not tests:
            cols.append(np.ones(lead, dtype=bool))
            continue
        st = np.stack(tests, axis=-1)
        cols.append(st.all(axis=-1) if reg.rule == "all" else st.any(axis=-1))
    m = np.stack(cols, axis=-1) if cols else np.zeros((*lead, 0), dtype=bool)
    if mode == "first":
        m = m & (np.cumsum(m, axis=-1) == 1)
    elif mode != "overlap":
        raise InputError(f"unknown class_mode {mode!r}; use 'first' or 'overlap'")
    return np.concatenate([m, ~m.any(axis=-1, keepdims=True)], axis=-1)


def classify(outcome: np.ndarray, regions: Sequence[ClassRegion]) -> np.ndarray:
    """Index of the first region containing each outcome ``(..., k)``; ``len(regions)`` if none."""
    return membership(outcome, regions, "first").argmax(axis=-1)


def wilson(p: np.ndarray, n: int, z: float = Z95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for a proportion p out of n (Wilson 1927, JASA 22:209)."""
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    # min/max with p: at p = 0 or 1 rounding would otherwise leave p a hair outside
    return np.clip(np.minimum(centre - half, p), 0, 1), np.clip(np.maximum(centre + half, p), 0, 1)


# ---------------------------------------------------------------- running models


def current_models(specs: Mapping[str, ModelSpec] | None = None) -> dict[str, ModelSpec]:
    """The registered models at their current versions (archived ``name@version`` entries left out)."""
    if specs is None:
        from detente.forecast.models.registry import models

        specs = models()
    return {name: spec for name, spec in specs.items() if "@" not in name}


def select_models(names: Sequence[str] | None, specs: Mapping[str, ModelSpec] | None = None) -> dict[str, ModelSpec]:
    """The models to run: all current ones, or the named ones (an unknown name is an InputError)."""
    known = current_models(specs)
    if not known:
        raise InputError("no bargaining models are registered; nothing to forecast with")
    if not names:
        return known
    unknown = [n for n in names if n not in known]
    if unknown:
        raise InputError(f"unknown model {unknown[0]!r}; known models: {', '.join(known)}")
    return {n: known[n] for n in names}


def run_models(specs: Mapping[str, ModelSpec], sample: Draws, notes: list[str] | None = None,
               keep_trajectory: bool = False) -> dict[str, Outcome]:
    """Each model once on the whole batch of draws (models vectorise over the leading axis).

    Warnings the models raise (e.g. an actor skipped on an issue) are collected once each
    into `notes` when it is given, so a CLI can print them as data-quality lines.
    Trajectories (draws x rounds x actors x issues: 0.4 GB for SMP on 10,000 draws of the
    example) are dropped unless `keep_trajectory`; Monte Carlo needs only the outcomes, so
    models whose spec has `optional_trajectory` are asked not to build them."""
    out: dict[str, Outcome] = {}
    for name, spec in specs.items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            skip = {"trajectory": False} if spec.optional_trajectory and not keep_trajectory else {}
            res = spec.predict(sample.capability, sample.position, sample.salience, status_quo=sample.status_quo,
                               **skip)
        for w in caught:
            msg = str(w.message)
            if notes is None:
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            elif msg not in notes:
                notes.append(msg)
        if res.outcome.shape != sample.position.shape[:1] + sample.position.shape[2:]:
            raise InputError(f"model {name!r} returned outcome shape {res.outcome.shape}, "
                             f"expected {sample.position.shape[:1] + sample.position.shape[2:]}")
        out[name] = res if keep_trajectory else replace(res, trajectory=None)
    return out


# ---------------------------------------------------------------- summary


@dataclass(frozen=True)
class ModelSummary:
    name: str
    version: str
    classes: dict[str, float]          # includes OTHER
    issue_means: dict[str, float]
    agreement: float                   # share of draws where this model picks the majority class


@dataclass(frozen=True)
class Forecast:
    """Everything one Monte Carlo run yields; `to_json` is the stable machine-readable form."""

    seed: int
    draws: int
    issues: tuple[str, ...]
    class_names: tuple[str, ...]
    classes: dict[str, float]                       # pooled, includes OTHER
    intervals: dict[str, tuple[float, float]]
    issue_stats: dict[str, dict[str, object]]       # {"mean", "quantiles": {q: v}}
    models: dict[str, ModelSummary]
    agreement: float                                # share of draws in which all models agree
    outcomes: dict[str, np.ndarray] = field(repr=False, compare=False)   # model -> (d, k)
    labels: dict[str, np.ndarray] = field(repr=False, compare=False)     # model -> (d,)

    def to_json(self) -> dict[str, object]:
        r = lambda x: round(float(x), 4)  # noqa: E731  -- 4 decimals: far below Monte Carlo error
        return {
            "classes": {c: r(p) for c, p in self.classes.items()},
            "intervals": {c: [r(lo), r(hi)] for c, (lo, hi) in self.intervals.items()},
            "issues": {i: {"mean": r(s["mean"]),
                           "quantiles": {f"{q:g}": r(v) for q, v in s["quantiles"].items()}}
                       for i, s in self.issue_stats.items()},
            "models": {m: {"version": s.version,
                           "classes": {c: r(p) for c, p in s.classes.items()},
                           "issues": {i: r(v) for i, v in s.issue_means.items()},
                           "agreement": r(s.agreement)}
                       for m, s in self.models.items()},
            "seed": self.seed,
            "draws": self.draws,
        }

    @property
    def main_class(self) -> str:
        """The most probable named class (ties: scenario order)."""
        return max(self.class_names, key=lambda c: self.classes[c])


def summarise(specs: Mapping[str, ModelSpec], results: Mapping[str, Outcome], regions: Sequence[ClassRegion],
              issues: Sequence[str], seed: int, draws: int, class_mode: str = "first") -> Forecast:
    """Per model and pooled class probabilities, intervals, issue distributions, agreement."""
    names = tuple(r.name for r in regions)
    all_names = (*names, OTHER)
    C = len(all_names)
    outcomes = {m: np.asarray(res.outcome, dtype=float) for m, res in results.items()}
    member = {m: membership(o, regions, class_mode) for m, o in outcomes.items()}
    labels = {m: mem.argmax(axis=-1) for m, mem in member.items()}  # first class, else other
    per_model = {m: mem.mean(axis=0) for m, mem in member.items()}
    stacked = np.stack([per_model[m] for m in results])          # (M, C)
    pooled = stacked.mean(axis=0)
    lo, hi = wilson(stacked, draws)
    lab = np.stack([labels[m] for m in results])                  # (M, d)
    counts = np.stack([(lab == c).sum(axis=0) for c in range(C)])  # (C, d)
    majority = counts.argmax(axis=0)                               # ties: scenario order
    all_agree = float((counts.max(axis=0) == len(results)).mean())
    pooled_out = np.concatenate([outcomes[m] for m in results])  # (M*d, k)
    qs = np.quantile(pooled_out, QUANTILES, axis=0)
    issue_stats = {i: {"mean": float(pooled_out[:, j].mean()),
                       "quantiles": {q: float(qs[a, j]) for a, q in enumerate(QUANTILES)}}
                   for j, i in enumerate(issues)}
    models = {m: ModelSummary(m, specs[m].version,
                              {c: float(per_model[m][a]) for a, c in enumerate(all_names)},
                              {i: float(outcomes[m][:, j].mean()) for j, i in enumerate(issues)},
                              float((labels[m] == majority).mean()))
              for m in results}
    return Forecast(seed=seed, draws=draws, issues=tuple(issues), class_names=names,
                    classes={c: float(pooled[a]) for a, c in enumerate(all_names)},
                    intervals={c: (float(lo[:, a].min()), float(hi[:, a].max())) for a, c in enumerate(all_names)},
                    issue_stats=issue_stats, models=models, agreement=all_agree,
                    outcomes=outcomes, labels=labels)


def forecast_arrays(ranges: InputRanges, regions: Sequence[ClassRegion], specs: Mapping[str, ModelSpec],
                    seed: int, draws: int, class_mode: str = "first") -> Forecast:
    """The whole Monte Carlo run on arrays: draw, run each model once, summarise."""
    sample = draw(ranges, seed, draws)
    return summarise(specs, run_models(specs, sample), regions, ranges.issues, seed, draws, class_mode)

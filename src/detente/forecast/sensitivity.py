"""Sensitivity (tornado) table: which uncertain inputs move the main outcome most.

One input at a time (Howard 1988, "Decision analysis: practice and promise", Management
Science 34(6); the usual tornado diagram): every input with a range (low < high) is pinned
to its low end and then to its high end in every Monte Carlo draw while all other inputs
keep their drawn values (common random numbers), and the probability of the target class
(by default the most probable class of the baseline) is re-estimated, pooled over models.
The swing |p(high) - p(low)| orders the table. The same draws serve every input, so the
differences between rows are not Monte Carlo noise of separate runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from detente.errors import InputError
from detente.forecast.models.registry import ModelSpec
from detente.forecast.montecarlo import Draws, InputRanges, draw, membership, run_models
from detente.forecast.scenario_inputs import ScenarioInputs

MAX_ROWS = 250_000  # draws x pinned copies per model call; bounds memory


@dataclass(frozen=True)
class InputRef:
    field: str            # capability, position, salience
    actor: str
    issue: str | None
    index: tuple[int, ...]
    low: float
    high: float

    @property
    def label(self) -> str:
        return f"{self.actor} {self.field}" + (f" on {self.issue}" if self.issue else "")


@dataclass(frozen=True)
class TornadoRow:
    input: InputRef
    p_low: float
    p_high: float

    @property
    def swing(self) -> float:
        return abs(self.p_high - self.p_low)


@dataclass(frozen=True)
class Tornado:
    target: str
    base: float
    rows: tuple[TornadoRow, ...]
    draws: int


def uncertain_inputs(ranges: InputRanges) -> list[InputRef]:
    """Every input whose range has width > 0 (silent actors have none)."""
    out = []
    for i, a in enumerate(ranges.actors):
        if ranges.capability[2, i] > ranges.capability[0, i]:
            out.append(InputRef("capability", a, None, (i,), float(ranges.capability[0, i]), float(ranges.capability[2, i])))
    for fname in ("position", "salience"):
        arr = getattr(ranges, fname)
        for i, a in enumerate(ranges.actors):
            for j, x in enumerate(ranges.issues):
                if arr[2, i, j] > arr[0, i, j]:
                    out.append(InputRef(fname, a, x, (i, j), float(arr[0, i, j]), float(arr[2, i, j])))
    return out


def _pinned(sample: Draws, refs: list[tuple[InputRef, float]]) -> Draws:
    """Copies of the sample stacked on the draw axis, one per (input, value) pinned."""
    reps = len(refs)
    cap = np.tile(sample.capability, (reps, 1))
    pos = np.tile(sample.position, (reps, 1, 1))
    sal = np.tile(sample.salience, (reps, 1, 1))
    d = sample.size
    for r, (ref, v) in enumerate(refs):
        rows = slice(r * d, (r + 1) * d)
        target = {"capability": cap, "position": pos, "salience": sal}[ref.field]
        target[(rows, *ref.index)] = v
    sq = None if sample.status_quo is None else np.tile(sample.status_quo, (reps, 1))
    return Draws(cap, pos, sal, sq)


def _pin(ref: InputRef, v: float) -> Callable[[Draws], Draws]:
    def f(s: Draws) -> Draws:
        getattr(s, ref.field)[(slice(None), *ref.index)] = v
        return s
    return f


def tornado(inputs: ScenarioInputs, specs: Mapping[str, ModelSpec], seed: int, draws: int,
            target: str | None = None, executor: Any = None) -> Tornado:
    """Tornado table for the probability of class `target` (default: the baseline's most likely).
    The baseline and every pinned input are variants of the same draw chunks on `executor`."""
    from detente.execution.montecarlo import run_variants

    names = [r.name for r in inputs.regions]
    refs = uncertain_inputs(inputs.ranges)
    jobs = [(ref, v) for ref in refs for v in (ref.low, ref.high)]
    runs = run_variants(specs, inputs.ranges, seed, draws, [None, *[_pin(ref, v) for ref, v in jobs]], executor)
    base_out = runs[0]
    base_p = np.mean([membership(o.outcome, inputs.regions, inputs.class_mode).mean(axis=0)
                      for o in base_out.values()], axis=0)
    if target is None:
        target = names[int(np.argmax(base_p[: len(names)]))]
    elif target not in names:
        raise InputError(f"unknown outcome class {target!r}; known classes: {', '.join(names)}")
    c = names.index(target)
    probs = np.zeros(len(jobs))
    for q, res in enumerate(runs[1:]):
        p = np.mean([membership(o.outcome, inputs.regions, inputs.class_mode)[:, c] for o in res.values()], axis=0)
        probs[q] = p.mean()
    rows = [TornadoRow(ref, float(probs[2 * r]), float(probs[2 * r + 1])) for r, ref in enumerate(refs)]
    rows.sort(key=lambda row: (-row.swing, row.input.label))
    return Tornado(target, float(base_p[c]), tuple(rows), draws)

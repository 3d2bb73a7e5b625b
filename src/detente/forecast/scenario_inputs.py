"""From a validated `Scenario` to the arrays Monte Carlo draws from, and back to words.

Silent actors. An actor with no stance on an issue gets salience 0 and a NaN position there
in every draw: the models' convention for "no position" (they skip the actor on that
issue). Shocks cannot make a silent actor speak: give it a stance in the file instead.

Status quo. Issues without one get NaN (the models then use their no-reference-point rule
on that issue); a status quo is passed only when at least one issue has one.

Changes (shocks, cycle events) follow `schema.Change`: add, mul or set applied to the value
and both ends of its range, then clipped to the field's domain (position [0, 100],
salience [0, 1], capability >= 1e-9).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from detente.errors import InputError
from detente.forecast.models.registry import ModelSpec
from detente.forecast.montecarlo import ClassRegion, Draws, Forecast, InputRanges, draw, run_models, summarise
from detente.scenario.schema import Change, Scenario, all_citations, to_arrays

CAP_MIN = 1e-9
DOMAIN = {"capability": (CAP_MIN, np.inf), "position": (0.0, 100.0), "salience": (0.0, 1.0)}


@dataclass(frozen=True)
class ScenarioInputs:
    """What the forecast needs from a scenario: input ranges, class regions, data warnings."""

    ranges: InputRanges
    regions: tuple[ClassRegion, ...]
    class_mode: str
    warnings: tuple[str, ...]


def input_ranges(scenario: Scenario) -> tuple[InputRanges, list[str]]:
    """The scenario's (low, value, high) arrays with silent actors filled in (see module doc)."""
    arr = to_arrays(scenario)
    warnings: list[str] = []
    cap = np.stack([arr.capability_low, arr.capability, arr.capability_high])
    pos = np.stack([arr.position_low, arr.position, arr.position_high])
    sal = np.stack([arr.salience_low, arr.salience, arr.salience_high])
    silent = np.isnan(pos[1])
    for j, issue in enumerate(arr.issues):
        if silent[:, j].all():
            raise InputError(f"issue {issue!r}: no actor has a stance on it; add stances or drop the issue")
        if not (sal[1, ~silent[:, j], j] > 0).any():
            raise InputError(f"issue {issue!r}: every stance has salience 0; no model has anything to weigh")
    pos[:, silent] = 50.0   # placeholder for drawing; the draws set it to NaN
    sal[:, silent] = 0.0
    sq = arr.status_quo
    status_quo = None
    if not np.isnan(sq).all():
        status_quo = np.array([[i.status_quo.low, i.status_quo.value, i.status_quo.high] if i.status_quo
                               else [np.nan] * 3 for i in scenario.issues], dtype=float).T
        missing = [i for i, v in zip(arr.issues, sq, strict=True) if np.isnan(v)]
        if missing:
            warnings.append(f"no status quo on issue(s) {', '.join(missing)}: models use no reference point there")
    ranges = InputRanges(tuple(arr.actors), tuple(arr.issues), cap, pos, sal, status_quo, silent)
    return ranges, warnings


def class_regions(scenario: Scenario) -> tuple[ClassRegion, ...]:
    idx = {i: j for j, i in enumerate(scenario.issue_ids())}
    return tuple(ClassRegion(c.id, {idx[i]: (lo, hi) for i, (lo, hi) in c.region.items()}, c.rule)
                 for c in scenario.outcome_classes)


def scenario_inputs(scenario: Scenario) -> ScenarioInputs:
    if not scenario.outcome_classes:
        raise InputError(f"scenario {scenario.name!r} defines no outcome_classes; nothing to forecast")
    ranges, warnings = input_ranges(scenario)
    return ScenarioInputs(ranges, class_regions(scenario), scenario.class_mode, tuple(warnings))


def cited_share(scenario: Scenario) -> float:
    """Share of the scenario's input values (capabilities, positions, saliences) with evidence:
    a citation, or a named non-article source (e.g. the capability table)."""
    values = [a.capability for a in scenario.actors]
    values += [v for st in scenario.stances for v in (st.position, st.salience)]
    return sum(bool(v.citations or getattr(v, "source", None)) for v in values) / len(values) if values else 0.0


def citation_count(scenario: Scenario) -> int:
    return len(all_citations(scenario))


def _apply(arr: np.ndarray, op: str, x: float, lo: float, hi: float) -> np.ndarray:
    out = arr + x if op == "add" else arr * x if op == "mul" else np.full_like(arr, x)
    return np.clip(out, lo, hi)


def apply_changes(ranges: InputRanges, changes: Iterable[Change]) -> InputRanges:
    """Inputs after `changes`, applied in order to value and both ends of each range.

    The range stays ordered because every end moves by the same monotone map (a `mul` by a
    negative number is re-sorted).
    """
    actors = {a: i for i, a in enumerate(ranges.actors)}
    issues = {x: j for j, x in enumerate(ranges.issues)}
    cap, pos, sal = ranges.capability.copy(), ranges.position.copy(), ranges.salience.copy()
    for ch in changes:
        if ch.actor != "*" and ch.actor not in actors:
            raise InputError(f"change on unknown actor {ch.actor!r}; known actors: {', '.join(ranges.actors)}")
        if ch.issue is not None and ch.issue not in issues:
            raise InputError(f"change on unknown issue {ch.issue!r}; known issues: {', '.join(ranges.issues)}")
        rows = slice(None) if ch.actor == "*" else actors[ch.actor]
        lo, hi = DOMAIN[ch.field]
        if ch.field == "capability":
            cap[:, rows] = _apply(cap[:, rows], ch.op, ch.value, lo, hi)
        else:
            target = pos if ch.field == "position" else sal
            cols = slice(None) if ch.issue is None else issues[ch.issue]
            target[:, rows, cols] = _apply(target[:, rows, cols], ch.op, ch.value, lo, hi)
    # a `mul` by a negative number would reverse low and high; put them back in order
    for a in (cap, pos, sal):
        a.sort(axis=0)
    return replace(ranges, capability=cap, position=pos, salience=sal)


def apply_changes_drawn(cap: np.ndarray, pos: np.ndarray, sal: np.ndarray, changes: Sequence[Change],
                        mask: np.ndarray, actors: Sequence[str], issues: Sequence[str]) -> None:
    """Apply `changes` in place to drawn inputs (cap ``(d, n)``, pos/sal ``(d, n, k)``) in the
    draws where `mask` ``(d,)`` is True; used between rounds of the cycle."""
    ai = {a: i for i, a in enumerate(actors)}
    ii = {x: j for j, x in enumerate(issues)}
    for ch in changes:
        rows = np.arange(len(actors)) if ch.actor == "*" else np.array([ai[ch.actor]])
        lo, hi = DOMAIN[ch.field]
        if ch.field == "capability":
            sub = cap[np.ix_(mask, rows)]
            cap[np.ix_(mask, rows)] = _apply(sub, ch.op, ch.value, lo, hi)
        else:
            target = pos if ch.field == "position" else sal
            cols = np.arange(len(issues)) if ch.issue is None else np.array([ii[ch.issue]])
            idx = np.ix_(mask, rows, cols)
            target[idx] = _apply(target[idx], ch.op, ch.value, lo, hi)


def shocked_sample(sample: Draws, ranges: InputRanges, changes: Sequence[Change]) -> Draws:
    """The same draws with `changes` applied to every draw (common random numbers).

    Shifting or scaling a beta-PERT variable shifts or scales its (low, value, high) the same
    way, so this has the distribution of drawing from the changed ranges, and it pairs every
    shocked draw with its baseline draw, which makes the differences precise.
    """
    cap, pos, sal = sample.capability.copy(), sample.position.copy(), sample.salience.copy()
    mask = np.ones(sample.size, dtype=bool)
    apply_changes_drawn(cap, pos, sal, changes, mask, ranges.actors, ranges.issues)
    return Draws(cap, pos, sal, sample.status_quo)


def run_forecast(scenario: Scenario, specs: Mapping[str, ModelSpec], seed: int, draws: int,
                 changes: Sequence[Change] = (), notes: list[str] | None = None, executor: Any = None) -> Forecast:
    """Monte Carlo forecast of a scenario, optionally after `changes` (a shock); model
    warnings go to `notes` when given. Draws run in chunks on `executor` (detente.execution;
    default this process): the numbers are the same on any executor."""
    from detente.execution.montecarlo import run_models_chunked

    inputs = scenario_inputs(scenario)
    check_changes(changes, inputs.ranges)
    ranges, changes = inputs.ranges, tuple(changes)
    shock = (lambda s: shocked_sample(s, ranges, changes)) if changes else None
    results = run_models_chunked(specs, ranges, seed, draws, shock, executor, notes)
    return summarise(specs, results, inputs.regions, inputs.ranges.issues, seed, draws, inputs.class_mode)


def check_changes(changes: Sequence[Change], ranges: InputRanges) -> None:
    for ch in changes:
        if ch.actor != "*" and ch.actor not in ranges.actors:
            raise InputError(f"change on unknown actor {ch.actor!r}; known actors: {', '.join(ranges.actors)}")
        if ch.issue is not None and ch.issue not in ranges.issues:
            raise InputError(f"change on unknown issue {ch.issue!r}; known issues: {', '.join(ranges.issues)}")

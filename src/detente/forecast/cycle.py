"""The multi-round mode: events between rounds change the inputs as the scenario's rules say.

The 001 columns describe a loop: Trump talks to Putin, the Europeans push back, Trump
threatens, Putin calls, and everything starts again. A `schema.Cycle` writes such a loop
down as events (a call, a threat, sanctions, a strike) with triggers on the state of a
round and changes to the inputs. This module runs it, draw by draw, and reports whether and
when each draw leaves the loop.

Round r (1..rounds), for every Monte Carlo draw at once:

1. every model predicts the outcome from the draw's current inputs; the *ensemble outcome*
   is the mean over models (the state the triggers read);
2. if the ensemble outcome lies in one of `cycle.exit_classes` (classified as in
   `montecarlo.membership`), the draw exits in round r and its inputs stay frozen;
3. otherwise each event in file order fires when its trigger holds (quantity > above and
   < below, round divisible by `every`) and a uniform draw is below its `probability`;
   its changes then apply to that draw's inputs for round r + 1.

Randomness: the inputs come from `montecarlo.draw`; the events' coin flips of draw block b
come from ``SeedSequence(seed, spawn_key=(b, 1))``, in a fixed order (round, event).

Execution: draws are independent, so the run is cut into the Monte Carlo chunks of
`detente.execution.montecarlo` (`BLOCKS_PER_CHUNK` blocks each; the same draws and coin
flips as one pass over all draws). A chunk runs the loop and its ablations on its blocks
and returns counts and sums, which the client adds up in chunk order: a seed gives
byte-identical results in this process, on 2 workers or on a Dask cluster.

Exit conditions: the loop is re-run once per event with that event switched off (same
draws, same coin flips); the drop in the exit share is what the event contributes to
leaving the loop (an ablation with common random numbers).

Each round is a fresh solve of the models on the changed inputs (positions do not carry
over from the models' own trajectories): the loop is driven by the events, which is what
the columns describe.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from detente.errors import InputError
from detente.execution.chunks import chunk_id
from detente.execution.executor import Executor, LocalExecutor
from detente.execution.montecarlo import BLOCKS_PER_CHUNK, chunk_draws
from detente.forecast.models.registry import ModelSpec
from detente.forecast.montecarlo import BLOCK, OTHER, membership, run_models, Draws
from detente.forecast.scenario_inputs import ScenarioInputs, apply_changes_drawn
from detente.scenario.schema import Cycle, CycleEvent


@dataclass(frozen=True)
class RoundState:
    round: int
    classes: dict[str, float]        # share of draws whose ensemble outcome is in each class
    exited: float                    # cumulative share of draws that have left the loop
    fired: dict[str, float]          # event id -> share of draws in which it fired after this round
    issue_means: dict[str, float]    # mean ensemble outcome per issue


@dataclass(frozen=True)
class CycleResult:
    rounds: tuple[RoundState, ...]
    exit_share: dict[str, float]      # exit class -> share of draws exiting into it
    never_exit: float                 # share of draws still in the loop after the last round
    median_exit_round: float | None   # among draws that exit
    event_exit: dict[str, tuple[float, float, float]]   # event -> (share of draws it fired in, exit share, exit share without it)
    draws: int
    seed: int


def _event_rngs(seed: int, draws: int, first_block: int, stop_block: int) -> list[tuple[np.random.Generator, int]]:
    return [(np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(b, 1))), min(BLOCK, draws - b * BLOCK))
            for b in range(first_block, stop_block)]


def _quantity(ev: CycleEvent, cap: np.ndarray, pos: np.ndarray, sal: np.ndarray, xbar: np.ndarray,
              actors: dict[str, int], issues: dict[str, int]) -> np.ndarray | None:
    t = ev.trigger
    if t.above is None and t.below is None:
        return None
    if t.quantity == "outcome":
        return xbar[:, issues[t.issue]]  # type: ignore[index]
    if t.quantity == "capability":
        return cap[:, actors[t.actor]]  # type: ignore[index]
    arr = pos if t.quantity == "position" else sal
    return arr[:, actors[t.actor], issues[t.issue]]  # type: ignore[index]


@dataclass(frozen=True)
class _Chunk:
    """Blocks [first_block, stop_block) of a cycle run (what a worker needs to run them)."""

    inputs: ScenarioInputs
    cycle: Cycle
    specs: dict[str, ModelSpec]
    seed: int
    draws: int
    rounds: int
    first_block: int
    stop_block: int


def _simulate(ch: _Chunk, sample: Draws, disabled: str | None = None):
    """One run of the loop on a chunk's draws; the event `disabled` draws its coin flips but
    never fires. Per round: draws per class, draws exited so far, draws each event fired in,
    sum of the ensemble outcome per issue; and per draw its exit round (0: none) and class."""
    inputs, cycle = ch.inputs, ch.cycle
    r_in = inputs.ranges
    names = [g.name for g in inputs.regions]
    exit_idx = np.array([names.index(c) for c in cycle.exit_classes], dtype=int)
    cap, pos, sal = sample.capability.copy(), sample.position.copy(), sample.salience.copy()
    draws = len(cap)
    actors = {a: i for i, a in enumerate(r_in.actors)}
    issues = {x: j for j, x in enumerate(r_in.issues)}
    rngs = _event_rngs(ch.seed, ch.draws, ch.first_block, ch.stop_block)
    exit_round = np.zeros(draws, dtype=np.int32)          # 0: still in the loop
    exit_class = np.full(draws, -1, dtype=int)
    ever_fired = {ev.id: np.zeros(draws, dtype=bool) for ev in cycle.events}
    classes, exited, fired, issue_sums = [], [], [], []
    for rnd in range(1, ch.rounds + 1):
        res = run_models(ch.specs, Draws(cap, pos, sal, sample.status_quo))
        xbar = np.mean([o.outcome for o in res.values()], axis=0)                     # (d, k)
        mem = membership(xbar, inputs.regions, "first")                                # (d, C+1)
        label = mem.argmax(axis=1)
        active = exit_round == 0
        leaving = active & np.isin(label, exit_idx)
        exit_round[leaving] = rnd
        exit_class[leaving] = label[leaving]
        active &= ~leaving
        counts = []
        for ev in cycle.events:
            u = np.concatenate([g.random(size) for g, size in rngs])   # drawn every round: fixed stream order
            t = ev.trigger
            mask = active & (u < t.probability) & (rnd % t.every == 0) & (ev.id != disabled)
            q = _quantity(ev, cap, pos, sal, xbar, actors, issues)
            if q is not None:
                if t.above is not None:
                    mask &= q > t.above
                if t.below is not None:
                    mask &= q < t.below
            apply_changes_drawn(cap, pos, sal, ev.changes, mask, r_in.actors, r_in.issues)
            ever_fired[ev.id] |= mask
            counts.append(int(mask.sum()))
        classes.append(mem.sum(axis=0))
        exited.append(int((exit_round > 0).sum()))
        fired.append(counts)
        issue_sums.append(xbar.sum(axis=0))
    return np.array(classes), np.array(exited), np.array(fired, dtype=np.int64).reshape(ch.rounds, len(cycle.events)), \
        np.array(issue_sums), exit_round, exit_class, ever_fired


def run_chunk(ch: _Chunk) -> dict[str, np.ndarray]:
    """A chunk's loop with all events and once per event switched off (same draws and coin
    flips): counts and sums the client adds up (see `run_cycle`)."""
    sample = chunk_draws(ch.inputs.ranges, ch.seed, ch.first_block, ch.stop_block, ch.draws)
    classes, exited, fired, issue_sums, exit_round, exit_class, ever_fired = _simulate(ch, sample)
    names = [g.name for g in ch.inputs.regions]
    without = [int((_simulate(ch, sample, disabled=ev.id)[4] > 0).sum()) for ev in ch.cycle.events]
    return {"classes": classes, "exited": exited, "fired": fired, "issue_sums": issue_sums,
            "exit_round": exit_round.astype(np.int32),
            "exit_class": np.array([int((exit_class == names.index(c)).sum()) for c in ch.cycle.exit_classes]),
            "ever_fired": np.array([int(ever_fired[ev.id].sum()) for ev in ch.cycle.events], dtype=np.int64),
            "without": np.array(without, dtype=np.int64)}


def run_cycle(inputs: ScenarioInputs, cycle: Cycle, specs: Mapping[str, ModelSpec], seed: int, draws: int,
              rounds: int | None = None, executor: Executor | None = None) -> CycleResult:
    """Run the loop for `rounds` (default: the scenario's) over `draws` Monte Carlo draws, and
    once more per event with that event switched off (same draws and coin flips), which
    says how much each event drives the exit: the exit conditions. The draws run in chunks
    on `executor` (default: this process); any executor gives the same result."""
    names = [g.name for g in inputs.regions]
    for c in cycle.exit_classes:
        if c not in names:
            raise InputError(f"cycle.exit_classes: unknown outcome class {c!r}; known classes: {', '.join(names)}")
    rounds = rounds or cycle.rounds
    if rounds < 1:
        raise InputError(f"--rounds must be at least 1, got {rounds}")
    if draws < 1:
        raise InputError(f"--draws must be at least 1, got {draws}")
    executor = executor or LocalExecutor(1)
    specs = dict(specs)
    n_blocks = -(-draws // BLOCK)
    bounds = [(b, min(b + BLOCKS_PER_CHUNK, n_blocks)) for b in range(0, n_blocks, BLOCKS_PER_CHUNK)]
    r = inputs.ranges
    run_key = (tuple((m, sp.version) for m, sp in specs.items()), r.capability, r.position, r.salience,
               r.status_quo if r.status_quo is not None else b"", repr(inputs.regions), cycle.model_dump_json(),
               seed, draws, rounds)
    parts = executor.map(run_chunk, [_Chunk(inputs, cycle, specs, seed, draws, rounds, lo, hi) for lo, hi in bounds],
                         [chunk_id("cycle", run_key, lo, hi) for lo, hi in bounds])
    total = {k: functools.reduce(operator.add, [p[k] for p in parts]) for k in parts[0] if k != "exit_round"}  # chunk order
    exit_round = np.concatenate([p["exit_round"] for p in parts])
    exited = exit_round > 0
    labels = [*names, OTHER]
    states = tuple(RoundState(rnd + 1, {c: float(total["classes"][rnd][k] / draws) for k, c in enumerate(labels)},
                              float(total["exited"][rnd] / draws),
                              {ev.id: float(total["fired"][rnd][e] / draws) for e, ev in enumerate(cycle.events)},
                              {x: float(total["issue_sums"][rnd][j] / draws) for j, x in enumerate(r.issues)})
                   for rnd in range(rounds))
    n_exit = int(exited.sum())
    return CycleResult(
        rounds=states,
        exit_share={c: float(total["exit_class"][i] / draws) for i, c in enumerate(cycle.exit_classes)},
        never_exit=float((draws - n_exit) / draws),
        median_exit_round=float(np.median(exit_round[exited])) if n_exit else None,
        event_exit={ev.id: (float(total["ever_fired"][e] / draws), float(n_exit / draws),
                            float(total["without"][e] / draws)) for e, ev in enumerate(cycle.events)},
        draws=draws, seed=seed,
    )

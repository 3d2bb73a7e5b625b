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
come from ``SeedSequence(seed, spawn_key=(b, 1))``, in a fixed order (round, event), so a
chunked run gives the same numbers as a one-process run.

Exit conditions: the loop is re-run once per event with that event switched off (same
draws, same coin flips); the drop in the exit share is what the event contributes to
leaving the loop (an ablation with common random numbers).

Each round is a fresh solve of the models on the changed inputs (positions do not carry
over from the models' own trajectories): the loop is driven by the events, which is what
the columns describe.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from detente.errors import InputError
from detente.forecast.models.registry import ModelSpec
from detente.forecast.montecarlo import BLOCK, OTHER, draw, membership, run_models, Draws
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


def _event_rngs(seed: int, draws: int) -> list[tuple[np.random.Generator, int]]:
    return [(np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(b, 1))), min(BLOCK, draws - start))
            for b, start in enumerate(range(0, draws, BLOCK))]


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


def _simulate(inputs: ScenarioInputs, cycle: Cycle, specs: Mapping[str, ModelSpec], seed: int, draws: int,
              rounds: int, disabled: str | None = None):
    """One run of the loop; the event `disabled` draws its coin flips but never fires."""
    r_in = inputs.ranges
    names = [g.name for g in inputs.regions]
    exit_idx = np.array([names.index(c) for c in cycle.exit_classes], dtype=int)
    sample = draw(r_in, seed, draws)
    cap, pos, sal = sample.capability.copy(), sample.position.copy(), sample.salience.copy()
    actors = {a: i for i, a in enumerate(r_in.actors)}
    issues = {x: j for j, x in enumerate(r_in.issues)}
    rngs = _event_rngs(seed, draws)
    exit_round = np.zeros(draws, dtype=int)          # 0: still in the loop
    exit_class = np.full(draws, -1, dtype=int)
    ever_fired = {ev.id: np.zeros(draws, dtype=bool) for ev in cycle.events}
    states = []
    for rnd in range(1, rounds + 1):
        res = run_models(specs, Draws(cap, pos, sal, sample.status_quo))
        xbar = np.mean([o.outcome for o in res.values()], axis=0)                     # (d, k)
        mem = membership(xbar, inputs.regions, "first")                                # (d, C+1)
        label = mem.argmax(axis=1)
        active = exit_round == 0
        leaving = active & np.isin(label, exit_idx)
        exit_round[leaving] = rnd
        exit_class[leaving] = label[leaving]
        active &= ~leaving
        fired: dict[str, float] = {}
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
            fired[ev.id] = float(mask.mean())
        states.append(RoundState(rnd, {c: float(mem[:, k].mean()) for k, c in enumerate([*names, OTHER])},
                                 float((exit_round > 0).mean()), fired,
                                 {x: float(xbar[:, j].mean()) for j, x in enumerate(r_in.issues)}))
    return states, exit_round, exit_class, ever_fired


def run_cycle(inputs: ScenarioInputs, cycle: Cycle, specs: Mapping[str, ModelSpec], seed: int, draws: int,
              rounds: int | None = None) -> CycleResult:
    """Run the loop for `rounds` (default: the scenario's) over `draws` Monte Carlo draws, and
    once more per event with that event switched off (same draws and coin flips), which
    says how much each event drives the exit: the exit conditions."""
    names = [g.name for g in inputs.regions]
    for c in cycle.exit_classes:
        if c not in names:
            raise InputError(f"cycle.exit_classes: unknown outcome class {c!r}; known classes: {', '.join(names)}")
    rounds = rounds or cycle.rounds
    if rounds < 1:
        raise InputError(f"--rounds must be at least 1, got {rounds}")
    states, exit_round, exit_class, ever_fired = _simulate(inputs, cycle, specs, seed, draws, rounds)
    exited = exit_round > 0
    event_exit = {}
    for ev in cycle.events:
        _, without, _, _ = _simulate(inputs, cycle, specs, seed, draws, rounds, disabled=ev.id)
        event_exit[ev.id] = (float(ever_fired[ev.id].mean()), float(exited.mean()), float((without > 0).mean()))
    return CycleResult(
        rounds=tuple(states),
        exit_share={c: float((exit_class == names.index(c)).mean()) for c in cycle.exit_classes},
        never_exit=float((~exited).mean()),
        median_exit_round=float(np.median(exit_round[exited])) if exited.any() else None,
        event_exit=event_exit, draws=draws, seed=seed,
    )

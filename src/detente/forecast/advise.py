"""Advice for one actor: which of its levers move the outcome its way, robustly across draws.

Levers of actor A (each applied to every Monte Carlo draw, the same draws as the baseline):

* own position on issue j moved `step` points up or down (a harder or softer stance);
* own salience on issue j raised or lowered by `salience_step` (caring more or less);
* persuading actor B to move its position on issue j `step` points towards A's stated
  position (not beyond it), and, to say "by how much", all the way to A's position.

A's gain is measured with A's *stated* (modal) position and salience as its ideal, not the
moved ones: utility u_A(x) = -sum_j s_Aj |x_j - p_Aj| / sum_j s_Aj, the salience-weighted
distance loss of spatial bargaining models (Bueno de Mesquita 1994; KTAB's SMP uses the
same weighting, see KTAB.md 1.2a). A lever's effect is the mean change of u_A over draws and
models (in scale points), with the change in each class probability. Robustness is the
share of draws in which the lever does not make A worse off (averaged over models): 1.0
means it never hurts, 0.5 means it is a coin toss.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from detente.errors import InputError
from detente.forecast.models.registry import ModelSpec
from detente.forecast.montecarlo import Draws, draw, membership, run_models
from detente.forecast.scenario_inputs import ScenarioInputs

MAX_ROWS = 250_000


@dataclass(frozen=True)
class Lever:
    label: str
    kind: str            # own-position, own-salience, persuade
    actor: str           # whose input moves
    issue: str
    amount: str          # e.g. "+10", "to 80"
    apply: Callable[[Draws], None]


@dataclass(frozen=True)
class LeverEffect:
    lever: Lever
    gain: float                      # mean change of A's utility (scale points; > 0 is better for A)
    robustness: float                # share of draws where A is not worse off
    delta: dict[str, float]          # class -> change of pooled probability
    issue_delta: dict[str, float]    # issue -> change of pooled mean outcome


@dataclass(frozen=True)
class Advice:
    actor: str
    base_utility: float
    base_classes: dict[str, float]
    effects: tuple[LeverEffect, ...]
    draws: int


def levers(inputs: ScenarioInputs, actor: str, step: float, salience_step: float) -> list[Lever]:
    r = inputs.ranges
    if actor not in r.actors:
        raise InputError(f"unknown actor {actor!r}; known actors: {', '.join(r.actors)}")
    a = r.actors.index(actor)
    out: list[Lever] = []

    def shift(i: int, j: int, dv: float) -> Callable[[Draws], None]:
        def f(s: Draws) -> None:
            s.position[:, i, j] = np.clip(s.position[:, i, j] + dv, 0, 100)
        return f

    def sal(i: int, j: int, dv: float) -> Callable[[Draws], None]:
        def f(s: Draws) -> None:
            s.salience[:, i, j] = np.clip(s.salience[:, i, j] + dv, 0, 1)
        return f

    def toward(i: int, j: int, target: float, amount: float | None) -> Callable[[Draws], None]:
        def f(s: Draws) -> None:
            x = s.position[:, i, j]
            gap = target - x
            move = gap if amount is None else np.sign(gap) * np.minimum(np.abs(gap), amount)
            s.position[:, i, j] = x + move
        return f

    for j, issue in enumerate(r.issues):
        if r.salience[1, a, j] <= 0:
            continue  # A is silent on this issue: it has no stated stance to defend
        ideal = float(r.position[1, a, j])
        for sign in (+1, -1):
            out.append(Lever(f"{actor} moves its position on {issue} {sign * step:+g}", "own-position", actor, issue,
                             f"{sign * step:+g}", shift(a, j, sign * step)))
            out.append(Lever(f"{actor} {'raises' if sign > 0 else 'lowers'} its salience on {issue} by {salience_step:g}",
                             "own-salience", actor, issue, f"{sign * salience_step:+g}", sal(a, j, sign * salience_step)))
        for b, other in enumerate(r.actors):
            if b == a or r.salience[1, b, j] <= 0 or abs(r.position[1, b, j] - ideal) < 1e-9:
                continue
            out.append(Lever(f"persuade {other} {step:g} points towards {actor} on {issue}", "persuade", other, issue,
                             f"{step:g} points", toward(b, j, ideal, step)))
            out.append(Lever(f"persuade {other} to adopt {actor}'s position {ideal:g} on {issue}", "persuade", other,
                             issue, f"to {ideal:g}", toward(b, j, ideal, None)))
    return out


def _utility(outcome: np.ndarray, ideal: np.ndarray, weight: np.ndarray) -> np.ndarray:
    return -(np.abs(outcome - ideal) * weight).sum(axis=-1) / weight.sum()


def _lever_variant(lv: Lever) -> Callable[[Draws], Draws]:
    def f(s: Draws) -> Draws:
        lv.apply(s)
        return s
    return f


def advise(inputs: ScenarioInputs, actor: str, specs: Mapping[str, ModelSpec], seed: int, draws: int,
           step: float = 10.0, salience_step: float = 0.2, executor: Any = None) -> Advice:
    """Every lever of `actor`, its effect on the actor's utility and the class probabilities.
    The baseline and every lever are variants of the same draw chunks on `executor`."""
    from detente.execution.montecarlo import run_variants

    lev = levers(inputs, actor, step, salience_step)
    r = inputs.ranges
    a = r.actors.index(actor)
    ideal, weight = r.position[1, a], r.salience[1, a]
    if weight.sum() <= 0:
        raise InputError(f"actor {actor!r} has no stance with salience > 0; nothing to advise on")
    names = [*[g.name for g in inputs.regions], "other"]
    runs = run_variants(specs, r, seed, draws, [None, *[_lever_variant(lv) for lv in lev]], executor)
    base = runs[0]
    base_u = np.mean([_utility(o.outcome, ideal, weight) for o in base.values()], axis=0)    # (d,)
    base_p = np.mean([membership(o.outcome, inputs.regions, inputs.class_mode).mean(axis=0) for o in base.values()], axis=0)
    base_x = np.mean([o.outcome.mean(axis=0) for o in base.values()], axis=0)
    effects = []
    for lv, res in zip(lev, runs[1:], strict=True):
        u = np.mean([_utility(o.outcome, ideal, weight) for o in res.values()], axis=0)
        p = np.mean([membership(o.outcome, inputs.regions, inputs.class_mode) for o in res.values()], axis=0).mean(axis=0)
        x = np.mean([o.outcome for o in res.values()], axis=0).mean(axis=0)
        du = u - base_u
        effects.append(LeverEffect(lv, float(du.mean()), float((du >= -1e-9).mean()),
                                   {c: float(p[k] - base_p[k]) for k, c in enumerate(names)},
                                   {i: float(x[j] - base_x[j]) for j, i in enumerate(r.issues)}))
    effects.sort(key=lambda e: (-e.gain, -e.robustness, e.lever.label))
    return Advice(actor, float(base_u.mean()), {c: float(base_p[k]) for k, c in enumerate(names)}, tuple(effects), draws)

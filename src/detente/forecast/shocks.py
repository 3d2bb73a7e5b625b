"""What-if shocks: named changes to the inputs, re-forecast, and the difference per class.

A shock is a `schema.Shock` from the scenario file, named by id or name, or written inline
on the command line as ``ACTOR.FIELD[.ISSUE] OP NUMBER`` with OP one of ``+ - * =``, e.g.
``UKR.capability*1.3`` or ``RUS.salience.oil_sanctions+0.2``; several inline changes are
separated by ``;``.

Baseline and shocked forecasts use the *same* draws (common random numbers; see
`scenario_inputs.shocked_sample`), so the change in a class probability is measured draw by
draw. Its interval is the pooled mean of the models' paired differences +- 1.96 standard
errors (the models' errors combined as independent), plus nothing for model disagreement:
the per-model deltas are reported beside it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from detente.errors import InputError
from detente.forecast.models.registry import ModelSpec
from detente.forecast.montecarlo import Z95, Forecast, draw, membership, run_models, summarise
from detente.forecast.scenario_inputs import ScenarioInputs, check_changes, scenario_inputs, shocked_sample
from detente.scenario.schema import Change, Scenario, Shock

_INLINE = re.compile(
    r"^\s*(?P<actor>[A-Za-z*][A-Za-z0-9_\-]*)\.(?P<field>capability|position|salience)"
    r"(?:\.(?P<issue>[A-Za-z][A-Za-z0-9_\-]*))?\s*(?P<op>[-+*=])\s*(?P<value>[-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*$"
)
_OPS = {"+": "add", "-": "add", "*": "mul", "=": "set"}


def parse_shock(scenario: Scenario, text: str) -> Shock:
    """The scenario's shock with id or name `text`, or an inline shock; InputError otherwise."""
    try:
        return scenario.shock(text)
    except KeyError:
        pass
    changes = []
    for part in text.split(";"):
        m = _INLINE.match(part)
        if not m:
            known = ", ".join(s.id for s in scenario.shocks) or "none in this scenario"
            raise InputError(f"unknown shock {text!r}: not a shock id or name of {scenario.name!r} (known: {known}) "
                             "and not an inline change like 'UKR.capability*1.3' or 'RUS.salience.oil_sanctions+0.2'")
        value = float(m["value"]) * (-1 if m["op"] == "-" else 1)
        try:
            changes.append(Change(actor=m["actor"], issue=m["issue"], field=m["field"], op=_OPS[m["op"]], value=value))
        except ValueError as exc:
            raise InputError(f"shock {text!r}: {str(exc).splitlines()[-1].strip()}") from None
    shock = Shock(id="inline", name=text.strip(), changes=changes)
    ids = set(scenario.actor_ids())
    issues = set(scenario.issue_ids())
    for ch in changes:
        if ch.actor != "*" and ch.actor not in ids:
            raise InputError(f"shock {text!r}: unknown actor {ch.actor!r}; known actors: {', '.join(scenario.actor_ids())}")
        if ch.issue is not None and ch.issue not in issues:
            raise InputError(f"shock {text!r}: unknown issue {ch.issue!r}; known issues: {', '.join(scenario.issue_ids())}")
    return shock


@dataclass(frozen=True)
class ShockEffect:
    shock: Shock
    forecast: Forecast
    delta: dict[str, tuple[float, float, float]]          # class -> (delta, low, high)
    model_delta: dict[str, dict[str, float]]               # model -> class -> delta
    issue_delta: dict[str, float]                          # issue -> change of pooled mean


@dataclass(frozen=True)
class WhatIf:
    base: Forecast
    effects: tuple[ShockEffect, ...]


def _paired(base_mem: Mapping[str, np.ndarray], new_mem: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    diffs = {m: new_mem[m].astype(float) - base_mem[m].astype(float) for m in base_mem}   # (d, C+1)
    stacked = np.stack(list(diffs.values()))                                               # (M, d, C+1)
    M, d = stacked.shape[:2]
    mean = stacked.mean(axis=(0, 1))
    se = np.sqrt(stacked.var(axis=1, ddof=1).sum(axis=0) / max(d, 2)) / M if d > 1 else np.zeros_like(mean)
    return mean, se, {m: x.mean(axis=0) for m, x in diffs.items()}


def whatif(scenario: Scenario, shocks: Sequence[Shock], specs: Mapping[str, ModelSpec], seed: int, draws: int,
           inputs: ScenarioInputs | None = None, executor: Any = None) -> WhatIf:
    """Baseline forecast and, for each shock, the forecast after it and the paired differences.
    Baseline and shocks are variants of the same draw chunks on `executor` (detente.execution)."""
    from detente.execution.montecarlo import run_variants

    inputs = inputs or scenario_inputs(scenario)
    for sh in shocks:
        check_changes(sh.changes, inputs.ranges)
    ranges = inputs.ranges
    shock_fns = [(lambda s, ch=tuple(sh.changes): shocked_sample(s, ranges, ch)) for sh in shocks]
    all_res = run_variants(specs, ranges, seed, draws, [None, *shock_fns], executor)
    base_res = all_res[0]
    base = summarise(specs, base_res, inputs.regions, inputs.ranges.issues, seed, draws, inputs.class_mode)
    base_mem = {m: membership(o, inputs.regions, inputs.class_mode) for m, o in base.outcomes.items()}
    names = (*base.class_names, *[c for c in base.classes if c not in base.class_names])
    effects = []
    for sh, res in zip(shocks, all_res[1:], strict=True):
        fc = summarise(specs, res, inputs.regions, inputs.ranges.issues, seed, draws, inputs.class_mode)
        new_mem = {m: membership(o, inputs.regions, inputs.class_mode) for m, o in fc.outcomes.items()}
        mean, se, per_model = _paired(base_mem, new_mem)
        delta = {c: (float(mean[a]), float(mean[a] - Z95 * se[a]), float(mean[a] + Z95 * se[a])) for a, c in enumerate(names)}
        model_delta = {m: {c: float(v[a]) for a, c in enumerate(names)} for m, v in per_model.items()}
        issue_delta = {i: fc.issue_stats[i]["mean"] - base.issue_stats[i]["mean"] for i in base.issues}  # type: ignore[operator]
        effects.append(ShockEffect(sh, fc, delta, model_delta, issue_delta))
    return WhatIf(base, tuple(effects))

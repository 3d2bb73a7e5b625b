"""Forecast and what-if results as the dashboard shows them.

The numbers come from the forecast stage (`run_forecast`, Monte Carlo with common random
numbers for shocks); this module only arranges them for charts and tables and adds the
ICD 203 likelihood words and confidence (`detente.forecast.estimative`), and times each
model of a run (`ModelClock`) so the page can say where the time went.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from pydantic import BaseModel

from detente.errors import InputError
from detente.forecast.estimative import confidence, likelihood_word
from detente.forecast.ledger import inputs_hash
from detente.forecast.models.registry import ModelSpec
from detente.forecast.montecarlo import OTHER, Forecast, select_models
from detente.forecast.scenario_inputs import cited_share, run_forecast, scenario_inputs
from detente.forecast.shocks import parse_shock
from detente.forecast.shocks import whatif as shocks_whatif
from detente.scenario.load import scenario_data
from detente.scenario.schema import Change, Scenario, Shock

BINS = np.linspace(0.0, 100.0, 51)  # 2-point bins on the 0-100 issue scale


class ClassOut(BaseModel):
    id: str
    name: str
    probability: float
    low: float
    high: float
    word: str
    confidence: str
    reasons: list[str]
    per_model: dict[str, float]


class IssueOut(BaseModel):
    id: str
    name: str
    low: str
    high: str
    mean: float
    quantiles: dict[str, float]
    per_model: dict[str, float]


class ModelOut(BaseModel):
    name: str
    version: str
    agreement: float
    seconds: float | None = None        # wall time of this model's calls in the run
    cpu_seconds: float | None = None    # CPU time of the server process during those calls


class Histogram(BaseModel):
    issue: str
    model: str
    edges: list[float]
    counts: list[int]


class ForecastOut(BaseModel):
    scenario: str
    inputs_hash: str                    # sha256 of the scenario forecast (as the ledger records it)
    seed: int
    draws: int
    seconds: float
    cached: bool = False                # served from the server's forecast cache, not re-computed
    agreement: float
    models: list[ModelOut]
    classes: list[ClassOut]
    issues: list[IssueOut]
    histograms: list[Histogram]
    warnings: list[str]


class ModelClock:
    """Wraps a model's `predict` and adds up the wall and CPU seconds of its calls (one per
    chunk of draws). The forecast stage does not time its models; wrapping the callable
    times exactly the model calls without touching the Monte Carlo code. CPU time is the
    process's (`time.process_time`), so it includes other requests served meanwhile."""

    def __init__(self, predict: Any) -> None:
        self.predict = predict
        self.seconds = 0.0
        self.cpu_seconds = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return self.predict(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - wall
            self.cpu_seconds += time.process_time() - cpu


def timed(specs: Mapping[str, ModelSpec]) -> tuple[dict[str, ModelSpec], dict[str, ModelClock]]:
    """The specs with their `predict` wrapped in a `ModelClock` each (runs in this process
    only: the web app uses the default in-process executor)."""
    clocks = {m: ModelClock(s.predict) for m, s in specs.items()}
    return {m: replace(s, predict=clocks[m]) for m, s in specs.items()}, clocks


@dataclass(frozen=True)
class Run:
    """One forecast of the working scenario: the page's layout, and the forecast itself
    (outcome arrays dropped) for recording it in the ledger."""

    out: ForecastOut
    forecast: Forecast
    scenario: Scenario


def run(scenario: Scenario, *, seed: int, draws: int, models: Sequence[str] | None = None) -> Run:
    """Run the Monte Carlo forecast of `scenario`, timing each model, and lay it out."""
    specs, clocks = timed(select_models(models or scenario.settings.models))
    started = time.perf_counter()
    result = run_forecast(scenario, specs, seed, draws)
    seconds = time.perf_counter() - started
    out = layout(scenario, result, seconds, list(scenario_inputs(scenario).warnings), clocks)
    # the arrays are only needed for the histograms already in `out`; keep the cache small
    return Run(out, replace(result, outcomes={}, labels={}), scenario)


def forecast(scenario: Scenario, *, seed: int, draws: int, models: Sequence[str] | None = None) -> ForecastOut:
    """Run the Monte Carlo forecast of `scenario` and lay it out."""
    return run(scenario, seed=seed, draws=draws, models=models).out


def layout(scenario: Scenario, result: Forecast, seconds: float, warnings: list[str],
           clocks: Mapping[str, ModelClock] | None = None) -> ForecastOut:
    names = {c.id: c.name for c in scenario.outcome_classes} | {OTHER: "other (no class)"}
    cited = cited_share(scenario)
    classes = []
    for cid in (*result.class_names, OTHER):
        p = result.classes[cid]
        lo, hi = result.intervals[cid]
        per_model = {m: s.classes[cid] for m, s in result.models.items()}
        spread = max(per_model.values()) - min(per_model.values())
        conf = confidence(spread, hi - lo, cited)
        classes.append(ClassOut(id=cid, name=names[cid], probability=p, low=lo, high=hi,
                                word=likelihood_word(min(max(p, 0.0), 1.0)), confidence=conf.level,
                                reasons=list(conf.reasons), per_model=per_model))
    issues = []
    for issue in scenario.issues:
        stats = result.issue_stats[issue.id]
        issues.append(IssueOut(
            id=issue.id, name=issue.name, low=issue.low, high=issue.high, mean=float(stats["mean"]),
            quantiles={f"{q:g}": float(v) for q, v in stats["quantiles"].items()},  # type: ignore[union-attr]
            per_model={m: s.issue_means[issue.id] for m, s in result.models.items()}))
    histograms = [
        Histogram(issue=issue, model=m, edges=BINS.tolist(),
                  counts=np.histogram(np.clip(out[:, j], 0, 100), bins=BINS)[0].tolist())
        for m, out in result.outcomes.items() for j, issue in enumerate(result.issues)
    ]
    clocks = clocks or {}
    return ForecastOut(
        scenario=scenario.name, inputs_hash=inputs_hash(scenario_data(scenario)), seed=result.seed,
        draws=result.draws, seconds=round(seconds, 4), agreement=result.agreement,
        models=[ModelOut(name=m, version=s.version, agreement=s.agreement,
                         seconds=round(clocks[m].seconds, 4) if m in clocks else None,
                         cpu_seconds=round(clocks[m].cpu_seconds, 4) if m in clocks else None)
                for m, s in result.models.items()],
        classes=classes, issues=issues, histograms=histograms, warnings=warnings)


class ClassDelta(BaseModel):
    id: str
    name: str
    before: float
    after: float
    change: float
    low: float
    high: float
    word_before: str
    word_after: str
    per_model: dict[str, float]


class IssueDelta(BaseModel):
    id: str
    name: str
    before: float
    after: float
    change: float


class Effect(BaseModel):
    shock: str
    name: str
    changes: list[Change]
    classes: list[ClassDelta]
    issues: list[IssueDelta]


class WhatIfOut(BaseModel):
    scenario: str
    seed: int
    draws: int
    seconds: float
    baseline: ForecastOut
    effects: list[Effect]


def chosen_shocks(scenario: Scenario, refs: Sequence[str]) -> list[Shock]:
    """The shocks named (by id or name) or written inline ('UKR.capability*1.3', see
    `detente.forecast.shocks.parse_shock`), each alone, then (when several) all together."""
    shocks = [parse_shock(scenario, ref) for ref in refs]
    if len(shocks) > 1:
        shocks.append(Shock(id="combined", name="all chosen shocks together",
                            changes=[c for s in shocks for c in s.changes]))
    return shocks


def whatif(scenario: Scenario, refs: Sequence[str], *, seed: int, draws: int,
           models: Sequence[str] | None = None) -> WhatIfOut:
    """Baseline and each chosen shock on the same draws (`detente.forecast.shocks.whatif`)."""
    if not refs:
        raise InputError("choose at least one shock")
    shocks = chosen_shocks(scenario, refs)
    specs = select_models(models or scenario.settings.models)
    started = time.perf_counter()
    result = shocks_whatif(scenario, shocks, specs, seed, draws)
    seconds = time.perf_counter() - started
    warnings = list(scenario_inputs(scenario).warnings)
    base = layout(scenario, result.base, seconds, warnings)
    names = {c.id: c.name for c in base.classes}
    issue_names = {i.id: i.name for i in scenario.issues}
    effects = []
    for eff in result.effects:
        after = eff.forecast
        classes = []
        for c in base.classes:
            delta, lo, hi = eff.delta[c.id]
            p = after.classes[c.id]
            classes.append(ClassDelta(id=c.id, name=names[c.id], before=c.probability, after=p, change=delta,
                                      low=lo, high=hi, word_before=c.word,
                                      word_after=likelihood_word(min(max(p, 0.0), 1.0)),
                                      per_model={m: d[c.id] for m, d in eff.model_delta.items()}))
        issues = [IssueDelta(id=i, name=issue_names[i], before=float(result.base.issue_stats[i]["mean"]),
                             after=float(after.issue_stats[i]["mean"]), change=float(d))
                  for i, d in eff.issue_delta.items()]
        effects.append(Effect(shock=eff.shock.id, name=eff.shock.name, changes=eff.shock.changes,
                              classes=classes, issues=issues))
    return WhatIfOut(scenario=scenario.name, seed=seed, draws=draws, seconds=round(seconds, 4),
                     baseline=base, effects=effects)

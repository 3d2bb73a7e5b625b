"""Assemble everything the HTML report shows (pure: no files, no database, no printing).

The report follows the analytic-writing conventions of ICD 203 (bottom line up front, key
judgments with estimative words and a separate confidence level, sources cited) and of
scenario analysis (indicators to watch, what would change the judgment).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente.forecast.cycle import CycleResult
from detente.forecast.montecarlo import OTHER, Forecast
from detente.forecast.scenario_inputs import ScenarioInputs, cited_share
from detente.forecast.sensitivity import Tornado
from detente.forecast.shocks import WhatIf
from detente.report import charts
from detente.scenario.forecast_cli import judgment_line, judgments
from detente.scenario.schema import Change, Citation, Scenario

TORNADO_ROWS = 15


@dataclass(frozen=True)
class StoreData:
    """What the report reads from the store; empty parts when a stage has not run."""

    articles: dict[str, dict[str, Any]] = field(default_factory=dict)    # id -> title, source, author, date, url, warnings
    timeline: list[dict[str, Any]] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    citation_problems: list[str] = field(default_factory=list)
    citations_checked: int = 0
    notes: list[str] = field(default_factory=list)                       # e.g. "no store at ..."
    ledger: list[dict[str, Any]] = field(default_factory=list)           # recorded forecasts of these inputs


def _cite(c: Citation, articles: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    a = articles.get(c.article, {})
    return {"article": c.article, "sentence": c.sentence, "title": a.get("title"), "source": a.get("source"),
            "author": a.get("author"), "date": a.get("date"), "url": a.get("url")}


def _value(v, articles) -> dict[str, Any]:
    return {"value": v.value, "low": v.low, "high": v.high, "ranged": v.low < v.high,
            "citations": [_cite(c, articles) for c in v.citations], "note": v.note, "source": getattr(v, "source", None)}


def change_words(ch: Change, scenario: Scenario) -> str:
    who = "every actor" if ch.actor == "*" else ch.actor
    where = f" on {ch.issue}" if ch.issue else (" on every issue" if ch.field != "capability" else "")
    how = {"add": f"{ch.value:+g}", "mul": f"x {ch.value:g}", "set": f"set to {ch.value:g}"}[ch.op]
    return f"{who} {ch.field}{where} {how}"


def build_context(sc: Scenario, inputs: ScenarioInputs, fc: Forecast, *, whatif: WhatIf | None, tornado: Tornado | None,
                  cycle: CycleResult | None, store: StoreData, model_notes: Sequence[str], timings: Mapping[str, float],
                  scenario_path: str, generated: dt.datetime) -> dict[str, Any]:
    """The template's context: numbers, words, quotes and chart SVGs."""
    names = {c.id: c.name for c in sc.outcome_classes}
    js = judgments(sc, fc)
    main = js[0]
    bluf = (f"The most likely ending by {main.horizon} is \"{main.name}\": {main.word} ({main.probability:.0%}; "
            f"{main.interval[0]:.0%}-{main.interval[1]:.0%} across models), {main.confidence.level} confidence.")
    runner_up = js[1] if len(js) > 1 else None
    if runner_up is not None:
        bluf += f" Next: \"{runner_up.name}\", {runner_up.word} ({runner_up.probability:.0%})."
    if whatif is not None and whatif.effects:
        best = max(whatif.effects, key=lambda e: abs(e.delta[main.class_id][0]))
        d = best.delta[main.class_id][0]
        bluf += (f" Of the shocks tried, \"{best.shock.name}\" would change it most "
                 f"({d:+.0%} in the chance of \"{main.name}\").")
    class_rows = [(j.name, j.probability, j.interval[0], j.interval[1]) for j in js]
    class_ids = [j.class_id for j in js]
    model_probs = {m: s.classes for m, s in fc.models.items()}
    pooled = np.concatenate([o for o in fc.outcomes.values()])
    issue_charts = []
    for j, iss in enumerate(sc.issues):
        sq = iss.status_quo.value if iss.status_quo else None
        issue_charts.append(charts.histogram(pooled[:, j], iss.name, sq, low_label=iss.low, high_label=iss.high))
    issues = []
    for iss in sc.issues:
        st = fc.issue_stats[iss.id]
        q = st["quantiles"]
        stances = []
        for a in sc.actors:
            s = sc.stance(a.id, iss.id)
            if s is not None:
                stances.append({"actor": a.name, "actor_id": a.id, "position": _value(s.position, store.articles),
                                "salience": _value(s.salience, store.articles),
                                "disputed": s.position.high - s.position.low >= 30})
        issues.append({"id": iss.id, "name": iss.name, "description": iss.description, "low": iss.low, "high": iss.high,
                       "key_points": sorted(iss.key_points.items()),
                       "status_quo": _value(iss.status_quo, store.articles) if iss.status_quo else None,
                       "mean": st["mean"], "q05": q[0.05], "q50": q[0.5], "q95": q[0.95],  # type: ignore[index]
                       "models": {m: s.issue_means[iss.id] for m, s in fc.models.items()}, "stances": stances})
    actors = [{"id": a.id, "name": a.name, "country": a.country, "description": a.description,
               "capability": _value(a.capability, store.articles)} for a in sc.actors]
    classes = [{"id": c.id, "name": c.name, "description": c.description, "resolution": c.resolution,
                "horizon": c.horizon.isoformat(), "region": [(i, lo, hi) for i, (lo, hi) in c.region.items()],
                "rule": c.rule, "citations": [_cite(x, store.articles) for x in c.citations]} for c in sc.outcome_classes]
    shocks_ctx, whatif_chart = [], None
    if whatif is not None:
        for e in whatif.effects:
            shocks_ctx.append({"name": e.shock.name, "description": e.shock.description,
                               "changes": [change_words(ch, sc) for ch in e.shock.changes],
                               "delta": [(names.get(c, "(no class)"), *e.delta[c]) for c in (*fc.class_names, OTHER)],
                               "issues": e.issue_delta,
                               "citations": [_cite(x, store.articles) for x in e.shock.citations]})
        whatif_chart = charts.delta_bars([(e.shock.name, {c: d[0] for c, d in e.delta.items()}) for e in whatif.effects],
                                         list(fc.class_names), names)
    tornado_ctx, tornado_chart = None, None
    if tornado is not None:
        rows = tornado.rows[:TORNADO_ROWS]
        tornado_ctx = {"target": names.get(tornado.target, tornado.target), "base": tornado.base, "draws": tornado.draws,
                       "rows": rows, "total": len(tornado.rows)}
        tornado_chart = charts.tornado_chart([(r.input.label, r.p_low, r.p_high) for r in rows], tornado.base,
                                             f"Sensitivity of P({names.get(tornado.target, tornado.target)})")
    cycle_ctx = None
    if cycle is not None and sc.cycle is not None:
        series = {"left the loop": [r.exited for r in cycle.rounds]}
        for c in sc.outcome_classes:
            series[c.name] = [r.classes[c.id] for r in cycle.rounds]
        cycle_ctx = {"description": sc.cycle.description, "result": cycle,
                     "events": [{"id": e.id, "name": e.name, "type": e.type, "source": e.source, "target": e.target,
                                 "changes": [change_words(ch, sc) for ch in e.changes],
                                 "effect": cycle.event_exit[e.id]} for e in sc.cycle.events],
                     "exit_names": {c: names.get(c, c) for c in sc.cycle.exit_classes},
                     "chart": charts.cycle_lines([r.round for r in cycle.rounds], series,
                                                 "Share of draws by round")}
    indicators = []
    for ind in sc.indicators:
        eff = None
        if ind.shock and whatif is not None:
            for e in whatif.effects:
                if e.shock.id == ind.shock:
                    eff = [(names.get(m.outcome_class, m.outcome_class), e.delta[m.outcome_class][0]) for m in ind.moves]
        indicators.append({"name": ind.name, "description": ind.description, "type": ind.type, "source": ind.source,
                           "target": ind.target, "moves": [(names.get(m.outcome_class, m.outcome_class), m.direction)
                                                           for m in ind.moves],
                           "effect": eff, "citations": [_cite(x, store.articles) for x in ind.citations]})
    share = cited_share(sc)
    warnings: list[str] = list(store.notes) + list(inputs.warnings) + list(model_notes)
    warnings += [f"citation problem: {p}" for p in store.citation_problems]
    if share < 1:
        warnings.append(f"{1 - share:.0%} of the input values have neither a citation nor a named source")
    if fc.classes[OTHER] > 0.05:
        warnings.append(f"{fc.classes[OTHER]:.0%} of draws x models fall in no outcome class: the classes do not "
                        "cover every outcome the models predict")
    for m, s in fc.models.items():
        if s.classes.get(OTHER, 0) > 0.5:
            warnings.append(f"model {m} puts {s.classes[OTHER]:.0%} of its outcomes in no class")
    if fc.agreement < 0.5:
        warnings.append(f"the models put a draw in the same class in only {fc.agreement:.0%} of draws: "
                        "the pooled probabilities average genuinely different answers")
    for aid, a in sorted(store.articles.items()):
        for w in a.get("warnings") or []:
            warnings.append(f"article {aid}: {w.get('message', w) if isinstance(w, dict) else w}")
    return {
        "scenario": sc, "scenario_path": scenario_path, "generated": generated.strftime("%Y-%m-%d %H:%M UTC"),
        "bluf": bluf, "judgments": js, "judgment_lines": [judgment_line(sc, j) for j in js],
        "class_chart": charts.class_bars(class_rows, model_probs, class_ids,
                                         [charts.class_color(fc.class_names.index(c)) for c in class_ids]),
        "issue_charts": issue_charts, "fc": fc, "names": names, "issues": issues, "actors": actors, "classes": classes,
        "other": fc.classes[OTHER], "shocks": shocks_ctx, "whatif_chart": whatif_chart,
        "whatif_draws": whatif.base.draws if whatif is not None else None,
        "tornado": tornado_ctx, "tornado_chart": tornado_chart, "cycle": cycle_ctx,
        "timeline": store.timeline, "contradictions": store.contradictions, "indicators": indicators,
        "warnings": warnings, "cited_share": share, "citations_checked": store.citations_checked,
        "articles": store.articles, "timings": timings,
        "ledger": [r for r in store.ledger if r["seed"] == fc.seed and r["draws"] == fc.draws
                   and r["models"] == {m: s.version for m, s in fc.models.items()}],
        "models": [{"name": m, "version": s.version, "agreement": s.agreement, "classes": s.classes} for m, s in fc.models.items()],
    }

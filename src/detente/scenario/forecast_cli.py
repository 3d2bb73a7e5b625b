"""`detente forecast SCENARIO.yaml`: Monte Carlo forecast of a scenario file (the CLI edge).

The `forecast` command (detente.forecast.commands) hands YAML/JSON scenario files to `run`.
Computing lives in detente.forecast (montecarlo, estimative, ledger); this module reads the
file, prints tables or JSON and writes the ledger.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from detente.clitools import DEFAULT_DB, console, err_console, warn
from detente.errors import InputError
from detente.forecast import ledger
from detente.forecast.estimative import Confidence, confidence, likelihood_word
from detente.forecast.models.registry import ModelSpec
from detente.forecast.montecarlo import OTHER, Forecast, select_models
from detente.forecast.scenario_inputs import cited_share, run_forecast, scenario_inputs
from detente.scenario.load import load_scenario
from detente.scenario.schema import Scenario

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 0


@dataclass(frozen=True)
class Setup:
    """A loaded scenario with the run settings resolved (CLI option > scenario settings > default)."""

    path: Path
    scenario: Scenario
    specs: dict[str, ModelSpec]
    seed: int
    draws: int


def setup(path: Path, *, draws: int | None = None, seed: int | None = None,
          models: Sequence[str] | None = None) -> Setup:
    sc = load_scenario(path)
    st = sc.settings
    names = list(models) if models else st.models
    draws = draws if draws is not None else st.draws if st.draws is not None else DEFAULT_DRAWS
    if draws < 1:
        raise InputError(f"--draws must be at least 1, got {draws}")
    seed = seed if seed is not None else st.seed if st.seed is not None else DEFAULT_SEED
    if seed < 0:
        raise InputError(f"--seed must be >= 0, got {seed}")
    specs = select_models(names)
    scenario_inputs(sc)  # validate the arrays before any work (e.g. an issue nobody speaks to)
    return Setup(Path(path), sc, specs, seed, draws)


@dataclass(frozen=True)
class Judgment:
    class_id: str
    name: str
    probability: float
    interval: tuple[float, float]
    word: str
    confidence: Confidence
    horizon: str
    resolution: str


def judgments(sc: Scenario, fc: Forecast) -> list[Judgment]:
    """One key judgment per outcome class, most likely first."""
    share = cited_share(sc)
    out = []
    for c in sc.outcome_classes:
        p = fc.classes[c.id]
        lo, hi = fc.intervals[c.id]
        per_model = [m.classes[c.id] for m in fc.models.values()]
        conf = confidence(max(per_model) - min(per_model), hi - lo, share)
        out.append(Judgment(c.id, c.name, p, (lo, hi), likelihood_word(p), conf, c.horizon.isoformat(), c.resolution))
    out.sort(key=lambda j: -j.probability)
    return out


def judgment_line(sc: Scenario, j: Judgment) -> str:
    return (f"{j.name}: {j.word} ({j.probability:.0%}; {j.interval[0]:.0%}-{j.interval[1]:.0%} across models) "
            f"by {j.horizon}; {j.confidence.level} confidence ({'; '.join(j.confidence.reasons)})")


def _tables(sc: Scenario, fc: Forecast) -> None:
    names = {c.id: c.name for c in sc.outcome_classes}
    models = ", ".join(f"{m} v{s.version}" for m, s in fc.models.items())
    console.print(f"[bold]{escape(sc.name)}[/bold]  as of {sc.as_of}  |  {fc.draws:,} draws, seed {fc.seed}  |  models: {models}")
    horizons = sorted({c.horizon.isoformat() for c in sc.outcome_classes})
    t = Table(title=f"Outcome classes by {', '.join(horizons)} (share of draws x models in each class)")
    for col in ("class", "probability", "interval", "likelihood", "confidence"):
        t.add_column(col, justify="right" if col in ("probability", "interval") else "left",
                     no_wrap=col in ("likelihood", "confidence"))
    for j in judgments(sc, fc):
        t.add_row(escape(names[j.class_id]), f"{j.probability:.1%}", f"{j.interval[0]:.1%}-{j.interval[1]:.1%}", j.word,
                  j.confidence.level)
    if fc.classes[OTHER] > 0:
        t.add_row("(no class)", f"{fc.classes[OTHER]:.1%}", f"{fc.intervals[OTHER][0]:.1%}-{fc.intervals[OTHER][1]:.1%}",
                  "", "")
    console.print(t)
    t = Table(title="Issues: predicted outcome (0-100), pooled over models")
    for col in ("issue", "mean", "5%", "median", "95%", *fc.models):
        t.add_column(col, justify="left" if col == "issue" else "right")
    for i in fc.issues:
        s = fc.issue_stats[i]
        q = s["quantiles"]
        t.add_row(i, f"{s['mean']:.1f}", f"{q[0.05]:.1f}", f"{q[0.5]:.1f}", f"{q[0.95]:.1f}",  # type: ignore[index]
                  *[f"{m.issue_means[i]:.1f}" for m in fc.models.values()])
    console.print(t)
    t = Table(title="Models: class probabilities and agreement with the majority")
    t.add_column("model")
    for c in fc.class_names:
        t.add_column(c, justify="right")
    t.add_column("agreement", justify="right")
    for m, s in fc.models.items():
        t.add_row(m, *[f"{s.classes[c]:.1%}" for c in fc.class_names], f"{s.agreement:.0%}")
    console.print(t)
    console.print(f"All models put a draw in the same class in {fc.agreement:.0%} of draws.")


def run(path: Path, *, draws: int | None = None, seed: int | None = None, models: Sequence[str] | None = None,
        json_output: bool = False, record: bool = False, db: Path = DEFAULT_DB, executor: object = None) -> Forecast:
    """Forecast the scenario at `path`; print tables (or JSON); optionally record it in the ledger."""
    st = setup(path, draws=draws, seed=seed, models=models)
    inputs = scenario_inputs(st.scenario)
    notes: list[str] = []
    fc = run_forecast(st.scenario, st.specs, st.seed, st.draws, notes=notes, executor=executor)  # detente.execution
    result = fc.to_json()
    fid = None
    if record:  # before printing, so a failed write prints nothing
        from detente.store.db import connect

        con = connect(db)
        try:
            fid = ledger.record_forecast(con, st.scenario, fc, scenario_path=str(path)).id
        finally:
            con.close()
    if json_output:
        print(json.dumps(result, ensure_ascii=False))
    else:
        _tables(st.scenario, fc)
    for w in (*inputs.warnings, *notes):
        warn(name_indices(w, inputs.ranges.actors, inputs.ranges.issues))
    if fid is not None:
        (err_console if json_output else console).print(f"recorded forecast {fid} in {db}")
    return fc


_ACTOR_ISSUE = re.compile(r"actor (\d+) issue (\d+)")


def name_indices(message: str, actors: Sequence[str], issues: Sequence[str]) -> str:
    """Models speak of actors and issues by index; the user knows them by name."""

    def named(m: re.Match[str]) -> str:
        a, i = int(m.group(1)), int(m.group(2))
        if a < len(actors) and i < len(issues):
            return f"{actors[a]} on {issues[i]}"
        return m.group(0)

    return _ACTOR_ISSUE.sub(named, message)

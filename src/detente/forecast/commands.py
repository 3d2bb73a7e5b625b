"""`detente forecast` (run one bargaining model on an actor table) and `detente backtest`."""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path
from typing import Annotated, Any, Optional

import numpy as np
import typer
from rich import box
from rich.table import Table

from detente.clitools import DEFAULT_DB, DbOption, console, handle_errors, warn
from detente.errors import InputError
from detente.execution.commands import SchedulerOpt, WorkersOpt
from detente.execution.executor import executor_for
from detente.forecast.models import registry
from detente.forecast.models.base import Outcome
from detente.forecast.tables import ActorTable, read_table


def _scale(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    try:
        lo, hi = (float(v) for v in text.split(","))
    except ValueError:
        raise InputError(f"--scale must be 'low,high', e.g. 0,100; got {text!r}") from None
    if not lo < hi:
        raise InputError(f"--scale needs low < high; got {text!r}")
    return lo, hi


def _rounds_param(spec: registry.ModelSpec, rounds: int) -> dict[str, int]:
    """--rounds maps to the model's own round parameter ('rounds', or SMP's 'max_rounds')."""
    params = inspect.signature(spec.predict).parameters
    return {"rounds": rounds} if "rounds" in params else {"max_rounds": rounds}


def run_model(table: ActorTable, model: str, rounds: int | None = None) -> Outcome:
    """Run one registered model on a table (all issues; joint models see them together)."""
    spec = registry.get(model)
    params: dict[str, Any] = {}
    if rounds is not None:
        if not spec.iterative:
            raise InputError(f"--rounds applies to iterative models; {model} is one-shot")
        if rounds < 1:
            raise InputError(f"--rounds must be >= 1, got {rounds}")
        params = _rounds_param(spec, rounds)
    return spec.predict(table.capability, table.position, table.salience, status_quo=table.status_quo, **params)


def _num(v: float) -> float | None:
    return None if np.isnan(v) else round(float(v), 6)


def outcome_json(table: ActorTable, result: Outcome, trajectory: bool = False) -> dict[str, Any]:
    """The `--json` record of the issue: model, issues, outcome, rounds, actors (+ trajectory)."""
    final = result.trajectory[-1] if result.trajectory is not None else table.position
    actors = []
    for i, name in enumerate(table.actors):
        a: dict[str, Any] = {
            "name": name,
            "initial": [_num(v) for v in table.position[i]],
            "final": [_num(v) for v in final[i]],
        }
        if result.probability is not None:
            a["probability"] = _num(result.probability[i])
        actors.append(a)
    out: dict[str, Any] = {
        "model": result.model,
        "issues": table.issues,
        "outcome": [_num(v) for v in result.outcome],
        "rounds": int(result.rounds),
        "actors": actors,
    }
    if trajectory and result.trajectory is not None:
        out["trajectory"] = [[[_num(v) for v in actor] for actor in rnd] for rnd in result.trajectory]
    return out


def _print_outcome(table: ActorTable, result: Outcome, trajectory: bool) -> None:
    spec = registry.get(result.model)
    title = f"{table.name}: {spec.name}" + (f", {result.rounds} rounds" if result.rounds else "")
    t = Table(title=title, caption=spec.summary)
    t.add_column("Issue")
    t.add_column("Outcome", justify="right")
    for j, issue in enumerate(table.issues):
        t.add_row(issue, f"{result.outcome[j]:.2f}")
    console.print(t)
    if result.trajectory is not None or result.probability is not None:
        a = Table(title="Actors: initial -> final position" + (", final probability" if result.probability is not None else ""))
        a.add_column("Actor")
        for issue in table.issues:
            a.add_column(issue, justify="right")
        if result.probability is not None:
            a.add_column("P", justify="right")
        final = result.trajectory[-1] if result.trajectory is not None else table.position
        for i, name in enumerate(table.actors):
            cells = [
                "-" if np.isnan(table.position[i, j]) else f"{table.position[i, j]:.1f} -> {final[i, j]:.1f}"
                for j in range(len(table.issues))
            ]
            if result.probability is not None:
                cells.append(f"{result.probability[i]:.3f}")
            a.add_row(name, *cells)
        console.print(a)
    if trajectory:
        if result.trajectory is None:
            warn(f"{result.model} is one-shot: it has no rounds to show")
            return
        for j, issue in enumerate(table.issues):
            r = Table(title=f"Trajectory on {issue}: position by round", box=box.SIMPLE_HEAD, pad_edge=False)
            r.add_column("Actor", no_wrap=True)
            for k in range(len(result.trajectory)):
                r.add_column(str(k), justify="right", no_wrap=True, min_width=4)
            for i, name in enumerate(table.actors):
                r.add_row(name, *("-" if np.isnan(v) else f"{v:.1f}" for v in result.trajectory[:, i, j]))
            console.print(r)


def _scenario_forecast(path: Path, model: str | None, json_out: bool, executor: Any = None, **options: Any) -> None:
    """Scenario YAML files belong to the scenario stage; dispatch there if it is installed."""
    try:
        module = importlib.import_module("detente.scenario.forecast_cli")
    except ModuleNotFoundError as exc:
        if exc.name not in ("detente.scenario.forecast_cli", "detente.scenario"):
            raise
        raise InputError(f"{path}: scenario YAML files need the scenario stage (detente.scenario.forecast_cli), which is not installed") from None
    module.run(path, models=[model] if model else None, json_output=json_out, executor=executor, **options)


def register(app: typer.Typer) -> None:
    @app.command("forecast")
    @handle_errors
    def forecast(
        file: Annotated[Path, typer.Argument(help="Actor table: KTAB CSV, plain CSV or JSON; or a scenario YAML.")],
        model: Annotated[Optional[str], typer.Option("--model", "-m", help="Model name (see the registry); default compromise for tables.")] = None,
        rounds: Annotated[Optional[int], typer.Option("--rounds", help="Rounds for iterative models (bdm, smp).")] = None,
        trajectory: Annotated[bool, typer.Option("--trajectory", help="Also print every actor's position by round.")] = False,
        json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
        scale: Annotated[Optional[str], typer.Option("--scale", help="Issue scale 'low,high' for range checks (default 0,100).")] = None,
        salience_scale: Annotated[float, typer.Option("--salience-scale", help="Plain CSV saliences are on [0, 1] (1) or [0, 100] (100).")] = 1.0,
        draws: Annotated[Optional[int], typer.Option("--draws", help="Scenario files: Monte Carlo draws (default 10,000).")] = None,
        seed: Annotated[Optional[int], typer.Option("--seed", help="Scenario files: random seed (default 0).")] = None,
        record: Annotated[bool, typer.Option("--record", help="Scenario files: store the forecast in the ledger (--db).")] = False,
        db: DbOption = DEFAULT_DB,
        scheduler: SchedulerOpt = None,
        workers: WorkersOpt = None,
    ) -> None:
        """Forecast the outcome per issue with one bargaining model."""
        if file.suffix.lower() in (".yaml", ".yml"):
            with executor_for(scheduler, workers) as ex:  # Monte Carlo draws in chunks (detente.execution)
                _scenario_forecast(file, model, json_out, ex, draws=draws, seed=seed, record=record, db=db)
            return
        if draws is not None or seed is not None or record:
            raise InputError(f"{file}: --draws, --seed and --record apply to scenario files (.yaml, .yml)")
        if salience_scale not in (1.0, 100.0):
            raise InputError(f"--salience-scale must be 1 or 100, got {salience_scale:g}")
        table = read_table(file, scale=_scale(scale), salience_scale=salience_scale)
        result = run_model(table, model or "compromise", rounds)
        if json_out:
            typer.echo(json.dumps(outcome_json(table, result, trajectory)))
        else:
            _print_outcome(table, result, trajectory)
        for note in table.notes:
            warn(note)

    @app.command("backtest")
    @handle_errors
    def backtest(
        data: Annotated[Optional[Path], typer.Option("--data", help="A table in the DEU layout (default: the shipped sets).")] = None,
        capability: Annotated[str, typer.Option("--capability", help="DEU capability assumption: equal, gdp, votes or procedure.")] = "equal",
        seed: Annotated[int, typer.Option("--seed", help="Seed of the bootstrap.")] = 0,
        variants: Annotated[bool, typer.Option("--variants/--no-variants", help="Also score the improvement variants.")] = True,
        json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
        scheduler: SchedulerOpt = None,
        workers: WorkersOpt = None,
    ) -> None:
        """Score every model on data sets with known outcomes: MAE, median error, bootstrap CI."""
        from detente.forecast import backtest as bt

        if capability not in bt.CAPABILITIES:
            raise InputError(f"--capability must be one of {', '.join(bt.CAPABILITIES)}, got {capability!r}")
        sets = [bt.read_deu(data, capability)] if data else bt.default_sets(capability)
        with executor_for(scheduler, workers) as ex:
            result = bt.run_backtest(sets, seed=seed, with_variants=variants, executor=ex)
        cap_text = f"{capability}: {bt.CAPABILITIES[capability]} (DEU sets; the other sets carry their own capabilities)"
        result["capability"] = cap_text
        if json_out:
            typer.echo(json.dumps(result))
            return
        base = set(registry.models())
        t = Table(title="Backtest: absolute error on a 0-100 scale, all issues pooled")
        per = Table(title="Mean absolute error per data set")
        for col in ("Model", "MAE", "Median AE", "n", "95% CI", "vs compromise (95% CI)"):
            t.add_column(col, justify="left" if col == "Model" else "right", no_wrap=col == "Model")
        per.add_column("Model", no_wrap=True)
        for col in result["sets"]:
            per.add_column(f"{col} (n={result['sets'][col]['n']})", justify="right")
        first_variant = True
        for name, v in result["models"].items():
            if name not in base and first_variant:
                t.add_section()
                per.add_section()
                first_variant = False
            d = v.get("diff_vs_compromise")
            vs = f"{d['mean']:+.2f} ({d['ci'][0]:+.2f}, {d['ci'][1]:+.2f})" if d and name != "compromise" else ""
            t.add_row(name, f"{v['mae']:.2f}", f"{v['median_ae']:.2f}", str(v["n"]), f"{v['ci'][0]:.1f}-{v['ci'][1]:.1f}", vs)
            per.add_row(name, *(f"{result['sets'][s]['models'][name]['mae']:.2f}" for s in result["sets"]))
        console.print(t)
        console.print(per)
        console.print(f"Capability: {cap_text}", soft_wrap=True)
        for s, info in result["sets"].items():
            for note in info["notes"]:
                console.print(f"{s}: {note}", soft_wrap=True)

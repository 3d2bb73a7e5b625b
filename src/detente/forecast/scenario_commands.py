"""CLI commands on scenarios and the forecast ledger: whatif, advise, cycle, ledger, verify, resolve, score."""

from __future__ import annotations

import datetime as dt
import functools
import json
import warnings
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from detente.clitools import DEFAULT_DB, DbOption, console, handle_errors, warn
from detente.errors import DetenteError, InputError
from detente.execution.commands import SchedulerOpt, WorkersOpt
from detente.execution.executor import executor_for
from detente.forecast import ledger
from detente.forecast.advise import advise as run_advise
from detente.forecast.cycle import run_cycle
from detente.forecast.montecarlo import OTHER
from detente.forecast.scenario_inputs import run_forecast, scenario_inputs
from detente.forecast.sensitivity import tornado as run_tornado
from detente.forecast.shocks import parse_shock, whatif as run_whatif

ScenarioArg = Annotated[Path, typer.Argument(help="Scenario file (.yaml, .yml or .json).")]
DrawsOpt = Annotated[Optional[int], typer.Option("--draws", help="Monte Carlo draws (default: scenario settings, else 10,000).")]
SeedOpt = Annotated[Optional[int], typer.Option("--seed", help="Random seed (default: scenario settings, else 0).")]
ModelOpt = Annotated[Optional[list[str]], typer.Option("--model", "-m", help="Run only this model (repeatable).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def _pct(x: float) -> str:
    return f"{x:+.1%}" if x else "0.0%"


def whatif(
    scenario: ScenarioArg,
    shock: Annotated[Optional[list[str]], typer.Option("--shock", "-s", help="Shock id or name from the file, or inline "
                     "'ACTOR.FIELD[.ISSUE]{+,-,*,=}X' (repeatable; default: every shock in the file).")] = None,
    draws: DrawsOpt = None,
    seed: SeedOpt = None,
    model: ModelOpt = None,
    tornado: Annotated[bool, typer.Option("--tornado/--no-tornado", help="Also print the sensitivity (tornado) table.")] = True,
    tornado_draws: Annotated[int, typer.Option("--tornado-draws", help="Draws per pinned input in the tornado table.")] = 1000,
    target: Annotated[Optional[str], typer.Option("--class", help="Outcome class the tornado explains (default: most likely).")] = None,
    json_output: JsonOpt = False,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """What if: re-run the forecast after shocks and show how each class probability changes."""
    from detente.scenario.forecast_cli import setup

    st = setup(scenario, draws=draws, seed=seed, models=model)
    sc = st.scenario
    if shock:
        shocks = [parse_shock(sc, s) for s in shock]
    elif sc.shocks:
        shocks = list(sc.shocks)
    else:
        raise InputError(f"{scenario}: no shocks in the file; give one with --shock 'UKR.capability*1.3'")
    inputs = scenario_inputs(sc)
    if tornado_draws < 1:
        raise InputError(f"--tornado-draws must be at least 1, got {tornado_draws}")
    with executor_for(scheduler, workers) as ex:
        w = run_whatif(sc, shocks, st.specs, st.seed, st.draws, inputs, executor=ex)
        tor = run_tornado(inputs, st.specs, st.seed, tornado_draws, target, executor=ex) if tornado else None
    if json_output:
        out = {"base": w.base.to_json(),
               "shocks": [{"id": e.shock.id, "name": e.shock.name, "classes": e.forecast.to_json()["classes"],
                           "delta": {c: [round(v, 4) for v in d] for c, d in e.delta.items()},
                           "issues": {i: round(v, 4) for i, v in e.issue_delta.items()}} for e in w.effects]}
        if tor is not None:
            out["tornado"] = {"class": tor.target, "base": round(tor.base, 4), "draws": tor.draws,
                              "rows": [{"input": r.input.label, "low": r.input.low, "high": r.input.high,
                                        "p_low": round(r.p_low, 4), "p_high": round(r.p_high, 4)} for r in tor.rows]}
        print(json.dumps(out, ensure_ascii=False))
        return
    names = {c.id: c.name for c in sc.outcome_classes}
    cols = (*w.base.class_names, OTHER)
    half = max((e.delta[c][2] - e.delta[c][1]) * 50 for e in w.effects for c in cols)
    t = Table(title=f"What if: change in class probability, percentage points ({st.draws:,} paired draws, "
                    f"seed {st.seed}; 95% intervals at most +-{half:.1f} pts, see --json)")
    t.add_column("shock")
    for c in cols:
        t.add_column(c, justify="right")
    t.add_row("[dim](baseline probability)[/dim]", *[f"[dim]{w.base.classes[c]:.1%}[/dim]" for c in cols])
    for e in w.effects:
        t.add_row(escape(e.shock.id), *[f"{e.delta[c][0] * 100:+.1f}" for c in cols])
    console.print(t)
    t = Table(title="Change in the predicted outcome per issue (scale points, pooled mean)")
    t.add_column("shock")
    for i in w.base.issues:
        t.add_column(i, justify="right")
    for e in w.effects:
        t.add_row(escape(e.shock.id), *[f"{e.issue_delta[i]:+.1f}" for i in w.base.issues])
    console.print(t)
    for e in w.effects:
        console.print(f"  {escape(e.shock.id)}: {escape(e.shock.name)}", highlight=False)
    if tor is not None:
        _print_tornado(tor, names)


def _print_tornado(tor, names: dict[str, str], top: int = 15) -> None:
    t = Table(title=f"Sensitivity of P({names.get(tor.target, tor.target)}) = {tor.base:.1%}: each input at the ends "
                    f"of its range ({tor.draws:,} draws)")
    for col in ("input", "range", "P at low", "P at high", "swing"):
        t.add_column(col, justify="left" if col == "input" else "right")
    for r in tor.rows[:top]:
        t.add_row(r.input.label, f"{r.input.low:g}-{r.input.high:g}", f"{r.p_low:.1%}", f"{r.p_high:.1%}", f"{r.swing:.1%}")
    console.print(t)
    if len(tor.rows) > top:
        console.print(f"({len(tor.rows) - top} more inputs with smaller swings; --json lists all)")


def advise(
    scenario: ScenarioArg,
    actor: Annotated[str, typer.Option("--actor", "-a", help="Actor id or name to advise.")],
    draws: Annotated[int, typer.Option("--draws", help="Monte Carlo draws per lever.")] = 500,
    seed: SeedOpt = None,
    model: ModelOpt = None,
    step: Annotated[float, typer.Option("--step", help="Position move per lever, scale points.")] = 10.0,
    salience_step: Annotated[float, typer.Option("--salience-step", help="Salience move per lever.")] = 0.2,
    top_n: Annotated[int, typer.Option("--top", help="Levers to show.")] = 12,
    json_output: JsonOpt = False,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Which levers of ACTOR (own moves, actors worth persuading) shift the outcome its way."""
    from detente.scenario.forecast_cli import setup

    st = setup(scenario, draws=draws, seed=seed, models=model)
    sc = st.scenario
    ids = {a.id: a.id for a in sc.actors} | {a.name: a.id for a in sc.actors}
    if actor not in ids:
        raise InputError(f"unknown actor {actor!r}; known actors: {', '.join(sc.actor_ids())}")
    if step <= 0 or not 0 < salience_step <= 1:
        raise InputError("--step must be > 0 and --salience-step in (0, 1]")
    with executor_for(scheduler, workers) as ex:
        adv = run_advise(scenario_inputs(sc), ids[actor], st.specs, st.seed, st.draws, step, salience_step, executor=ex)
    if json_output:
        print(json.dumps({"actor": adv.actor, "draws": adv.draws, "seed": st.seed,
                          "base_utility": round(adv.base_utility, 4),
                          "levers": [{"lever": e.lever.label, "kind": e.lever.kind, "actor": e.lever.actor,
                                      "issue": e.lever.issue, "amount": e.lever.amount, "gain": round(e.gain, 4),
                                      "robustness": round(e.robustness, 4),
                                      "classes": {c: round(v, 4) for c, v in e.delta.items()}} for e in adv.effects]},
                         ensure_ascii=False))
        return
    console.print(f"[bold]{adv.actor}[/bold]: expected distance of the outcome from its positions "
                  f"{-adv.base_utility:.1f} points (salience-weighted); {adv.draws:,} paired draws per lever")
    top = sorted(sc.outcome_classes, key=lambda c: -adv.base_classes[c.id])[:3]
    t = Table(title=f"Levers of {adv.actor}, best first (gain: points closer to its positions; change in the "
                    f"three most likely classes)")
    for col in ("lever", "issue", "gain", "robust", *[c.id for c in top]):
        t.add_column(col, justify="left" if col in ("lever", "issue") else "right")
    for e in adv.effects[:top_n]:
        lv = e.lever
        short = {"own-position": f"own position {lv.amount}", "own-salience": f"own salience {lv.amount}",
                 "persuade": f"persuade {lv.actor} {'to ' + lv.amount[3:] if lv.amount.startswith('to ') else lv.amount}"}
        t.add_row(escape(short.get(lv.kind, lv.label)), escape(lv.issue), f"{e.gain:+.2f}", f"{e.robustness:.0%}",
                  *[_pct(e.delta[c.id]) for c in top])
    console.print(t)


def cycle(
    scenario: ScenarioArg,
    rounds: Annotated[Optional[int], typer.Option("--rounds", help="Rounds (default: the scenario's cycle.rounds).")] = None,
    draws: Annotated[int, typer.Option("--draws", help="Monte Carlo draws.")] = 2000,
    seed: SeedOpt = None,
    model: ModelOpt = None,
    json_output: JsonOpt = False,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Run the scenario's multi-round cycle: events between rounds, and when draws leave the loop."""
    from detente.scenario.forecast_cli import setup

    st = setup(scenario, draws=draws, seed=seed, models=model)
    sc = st.scenario
    if sc.cycle is None:
        raise InputError(f"{scenario}: the scenario has no `cycle` section (events between rounds)")
    with executor_for(scheduler, workers) as ex:
        res = run_cycle(scenario_inputs(sc), sc.cycle, st.specs, st.seed, st.draws, rounds, executor=ex)
    if json_output:
        print(json.dumps({"draws": res.draws, "seed": res.seed, "never_exit": round(res.never_exit, 4),
                          "exit": {c: round(v, 4) for c, v in res.exit_share.items()},
                          "median_exit_round": res.median_exit_round,
                          "rounds": [{"round": r.round, "classes": {c: round(v, 4) for c, v in r.classes.items()},
                                      "exited": round(r.exited, 4), "fired": {e: round(v, 4) for e, v in r.fired.items()},
                                      "issues": {i: round(v, 2) for i, v in r.issue_means.items()}} for r in res.rounds],
                          "events": {e: {"fired": round(f, 4), "exit": round(a, 4), "exit_without": round(b, 4)}
                                     for e, (f, a, b) in res.event_exit.items()}}, ensure_ascii=False))
        return
    t = Table(title=f"Cycle: share of draws per outcome class by round ({res.draws:,} draws, seed {res.seed})")
    t.add_column("round", justify="right")
    t.add_column("left the loop", justify="right")
    for c in sc.outcome_classes:
        t.add_column(c.name, justify="right")
    for r in res.rounds:
        t.add_row(str(r.round), f"{r.exited:.0%}", *[f"{r.classes[c.id]:.0%}" for c in sc.outcome_classes])
    console.print(t)
    t = Table(title="Events: share of draws in which each fired after the round")
    t.add_column("round", justify="right")
    for e in sc.cycle.events:
        t.add_column(e.name, justify="right")
    for r in res.rounds:
        t.add_row(str(r.round), *[f"{r.fired[e.id]:.0%}" for e in sc.cycle.events])
    console.print(t)
    exits = ", ".join(f"{c} {v:.0%}" for c, v in res.exit_share.items()) or "no exit classes set"
    when = f"; median exit round {res.median_exit_round:g}" if res.median_exit_round is not None else ""
    console.print(f"Left the loop: {exits}{when}; still in the loop after round {len(res.rounds)}: {res.never_exit:.0%}")
    t = Table(title="Exit conditions: share of draws leaving the loop, with each event switched off (same draws)")
    for col in ("event", "fired in", "exit (all events)", "exit without it", "effect"):
        t.add_column(col, justify="left" if col == "event" else "right")
    for ev in sc.cycle.events:
        f, a, b = res.event_exit[ev.id]
        t.add_row(ev.name, f"{f:.0%}", f"{a:.0%}", f"{b:.0%}", f"{a - b:+.0%}")
    console.print(t)


def _ledger_exists(db: Path) -> None:
    if not Path(db).exists():
        raise InputError(f"{db}: no such store; record a forecast first (`detente forecast SCENARIO --record --db {db}`)")


def verify(forecast_id: Annotated[str, typer.Argument(help="Forecast id F-YYYYMMDD-xxxxxxxx.")], db: DbOption = DEFAULT_DB) -> None:
    """Re-solve a recorded forecast with its recorded model versions and confirm the numbers."""
    from detente.forecast.models.registry import models
    from detente.scenario.load import parse_scenario
    from detente.store.db import connect

    _ledger_exists(db)
    con = connect(db, read_only=True)
    try:
        rec = ledger.get(con, forecast_id)
    finally:
        con.close()
    sc = parse_scenario(rec.scenario, f"forecast {rec.id} (frozen scenario)")
    if ledger.inputs_hash(rec.scenario) != rec.inputs_hash:
        raise DetenteError(f"forecast {rec.id}: stored scenario does not match its inputs hash; the ledger was altered")
    specs = ledger.models_for(rec.models, models())
    now = run_forecast(sc, specs, rec.seed, rec.draws).to_json()
    diff = ledger.differences(rec.result, now)
    if diff:
        raise DetenteError(f"forecast {rec.id}: re-solved numbers differ: {'; '.join(diff[:3])}")
    console.print(f"forecast {rec.id} confirmed: {rec.draws:,} draws, seed {rec.seed}, models "
                  f"{', '.join(f'{m} v{v}' for m, v in rec.models.items())}; inputs {rec.inputs_hash[:12]}; "
                  "every number identical")


def ledger_list(
    scenario: Annotated[Optional[str], typer.Option("--scenario", help="Only forecasts of this scenario name.")] = None,
    db: DbOption = DEFAULT_DB,
    json_output: JsonOpt = False,
) -> None:
    """List recorded forecasts: id, when, scenario, seed, draws, models, class probabilities, edits."""
    from detente.store.db import connect

    _ledger_exists(db)
    con = connect(db, read_only=True)
    try:
        records = ledger.all_records(con)
        edited = ledger.edits(con)
        resolved = {p.forecast_id for p in ledger.scored_pairs(con)}
    finally:
        con.close()
    if scenario is not None:
        records = [r for r in records if r.scenario_name == scenario]
        if not records:
            raise InputError(f"no recorded forecast of scenario {scenario!r}")
    if json_output:
        print(json.dumps([{"id": r.id, "created_at": r.created_at.isoformat(), "scenario": r.scenario_name,
                           "scenario_path": r.scenario_path, "inputs_hash": r.inputs_hash, "seed": r.seed,
                           "draws": r.draws, "models": r.models, "classes": r.result.get("classes", {}),
                           "edited": [vars(c) for c in edited[r.id].changes] if r.id in edited else None,
                           "resolved": r.id in resolved} for r in records], ensure_ascii=False))
        return
    if not records:
        console.print("no forecasts recorded yet (use `detente forecast SCENARIO --record`)")
        return
    notes = {r.id: ([f"edited ({len(edited[r.id].changes)} values)"] if r.id in edited else [])
             + (["scored"] if r.id in resolved else []) for r in records}
    t = Table(title=f"Forecast ledger ({len(records)} recorded; `detente ledger --json` for every field)")
    t.add_column("id", no_wrap=True)
    t.add_column("recorded (UTC)", no_wrap=True)
    for col in ("scenario", "draws, seed", "models", "most likely classes") + (("notes",) if any(notes.values()) else ()):
        t.add_column(col)
    for r in records:
        classes = {c: p for c, p in r.result.get("classes", {}).items() if c != OTHER}
        top = ", ".join(f"{escape(c)} {p:.0%}" for c, p in sorted(classes.items(), key=lambda kv: -kv[1])[:2])
        row = [r.id, r.created_at.strftime("%Y-%m-%d %H:%M"), escape(r.scenario_name), f"{r.draws:,}, {r.seed}",
               " ".join(r.models), top]
        t.add_row(*row, *((", ".join(notes[r.id]),) if any(notes.values()) else ()))
    console.print(t)


def resolve(
    class_id: Annotated[str, typer.Argument(metavar="CLASS", help="Outcome class id.")],
    outcome: Annotated[str, typer.Option("--outcome", help="yes if it happened, no if not.")],
    date: Annotated[str, typer.Option("--date", help="Date it was observed (YYYY-MM-DD).")],
    scenario: Annotated[Optional[str], typer.Option("--scenario", help="Scenario name, when several have this class.")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="Evidence or remark.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Record whether an outcome class happened, for scoring the recorded forecasts."""
    from detente.store.db import connect

    if outcome.lower() not in ("yes", "no"):
        raise InputError(f"--outcome must be yes or no, got {outcome!r}")
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise InputError(f"--date must be YYYY-MM-DD, got {date!r}") from None
    _ledger_exists(db)
    con = connect(db)
    try:
        name, replaced = ledger.resolve(con, class_id, outcome.lower() == "yes", day, scenario, note)
    finally:
        con.close()
    console.print(f"resolved {name} / {class_id}: {outcome.lower()} on {day}" + (" (replaces the earlier resolution)" if replaced else ""))


def score(db: DbOption = DEFAULT_DB, json_output: JsonOpt = False) -> None:
    """Brier and log scores and a calibration table over resolved forecasts."""
    from detente.store.db import connect

    _ledger_exists(db)
    con = connect(db, read_only=True)
    try:
        pairs = ledger.scored_pairs(con)
    finally:
        con.close()
    s = ledger.score(pairs)
    if json_output:
        print(json.dumps({"n": len(s.pairs), "brier": round(s.brier, 6), "log": round(s.log, 6),
                          "calibration": [{"bin": b, "n": n, "forecast": round(f, 4), "observed": round(o, 4)}
                                          for b, n, f, o in s.calibration]}))
        return
    forecasts = len({p.forecast_id for p in s.pairs})
    console.print(f"{len(s.pairs)} resolved class forecasts from {forecasts} recorded forecast(s): "
                  f"Brier {s.brier:.4f} (0 best), log score {s.log:.4f} (0 best)")
    t = Table(title="Calibration")
    for col in ("forecast bin", "n", "mean forecast", "observed"):
        t.add_column(col, justify="right")
    for b, n, f, o in s.calibration:
        t.add_row(b, str(n), f"{f:.1%}", f"{o:.1%}")
    console.print(t)


def _model_notes(fn):
    """Print the models' warnings (e.g. an actor skipped on an issue) once each, as warning lines."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                return fn(*args, **kwargs)
            finally:
                for msg in dict.fromkeys(str(w.message) for w in caught):
                    warn(msg)
    return wrapper


def register(app: typer.Typer) -> None:
    app.command("whatif")(handle_errors(_model_notes(whatif)))
    app.command("advise")(handle_errors(_model_notes(advise)))
    app.command("cycle")(handle_errors(_model_notes(cycle)))
    app.command("ledger")(handle_errors(ledger_list))
    app.command("verify")(handle_errors(verify))
    app.command("resolve")(handle_errors(resolve))
    app.command("score")(handle_errors(score))

"""`detente report SCENARIO -o report.html`: one self-contained HTML file (the CLI edge).

Reads the scenario and (when present) the store, runs the forecast, the what-if shocks in
the file, the tornado table and the cycle, renders `templates/report.html.j2` with Jinja2
autoescaping (all article and scenario text is escaped) and writes the file atomically.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import warnings
from pathlib import Path
from typing import Annotated, Optional

import duckdb
import typer
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from detente.clitools import DEFAULT_DB, DbOption, console, handle_errors, warn
from detente.errors import InputError
from detente.report.build import StoreData, build_context


def _env() -> Environment:
    return Environment(loader=PackageLoader("detente.report", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def read_store(db: Path, scenario) -> StoreData:
    """Articles, timeline and contradictions from the store, and the citation check; empty
    parts with a note when the store or a stage's tables are missing."""
    if not Path(db).exists():
        return StoreData(notes=[f"no store at {db}: timeline, contradictions and citation check not shown "
                                f"(run `detente ingest --db {db}` and `detente extract --db {db}`)"])
    from detente.store.db import connect

    con = connect(db, read_only=True)
    notes: list[str] = []
    try:
        articles: dict[str, dict] = {}
        texts: dict[str, str] = {}
        for aid, title, author, date, source, url, warn_json, text in con.execute(
                "SELECT id, title, author, date, source, url, warnings, text FROM articles").fetchall():
            try:
                ws = json.loads(warn_json) if isinstance(warn_json, str) else (warn_json or [])
            except json.JSONDecodeError:
                ws = []
            articles[aid] = {"title": title, "author": author, "date": date.isoformat() if date else None,
                             "source": source, "url": url, "warnings": ws}
            texts[aid] = text
        if not articles:
            notes.append(f"the store {db} has no articles: run `detente ingest` first")
        timeline, contradictions = [], []
        try:
            from detente.extract import contradictions as contra
            from detente.extract import queries

            timeline = queries.timeline(con)
            contradictions = contra.find(queries.events(con), queries.claims(con))
        except (ImportError, duckdb.Error) as exc:
            notes.append(f"no extraction in the store ({str(exc).splitlines()[0]}): run `detente extract`")
        if articles and not timeline:
            notes.append("no extracted events in the store: run `detente extract` for the timeline")
        ledger_rows: list[dict] = []
        try:
            from detente.forecast.ledger import inputs_hash
            from detente.scenario.load import scenario_data

            h = inputs_hash(scenario_data(scenario))
            for fid, created, seed, draws, models in con.execute(
                    "SELECT id, created_at, seed, draws, models FROM forecasts WHERE inputs_hash = ? ORDER BY created_at",
                    [h]).fetchall():
                ledger_rows.append({"id": fid, "created_at": str(created), "seed": int(seed), "draws": int(draws),
                                    "models": json.loads(models)})
        except duckdb.CatalogException:
            pass
        problems, checked = [], 0
        if articles:
            from detente.scenario.check import check_citations

            res = check_citations(scenario, texts)
            problems, checked = res.problems, res.citations
    finally:
        con.close()
    return StoreData(articles, timeline, contradictions, problems, checked, notes, ledger_rows)


def render(context: dict) -> str:
    return _env().get_template("report.html.j2").render(**context)


def report(
    scenario: Annotated[Path, typer.Argument(help="Scenario file (.yaml, .yml or .json).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("report.html"),
    db: DbOption = DEFAULT_DB,
    draws: Annotated[Optional[int], typer.Option("--draws", help="Draws of the main forecast (default: scenario settings, else 10,000).")] = None,
    seed: Annotated[Optional[int], typer.Option("--seed", help="Random seed (default: scenario settings, else 0).")] = None,
    model: Annotated[Optional[list[str]], typer.Option("--model", "-m", help="Run only this model (repeatable).")] = None,
    whatif_draws: Annotated[int, typer.Option("--whatif-draws", help="Paired draws per shock.")] = 2000,
    tornado_draws: Annotated[int, typer.Option("--tornado-draws", help="Draws per pinned input in the tornado (0: skip).")] = 100,
    cycle_draws: Annotated[int, typer.Option("--cycle-draws", help="Draws of the cycle (0: skip).")] = 500,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not print the key judgments.")] = False,
) -> None:
    """Write one self-contained HTML report: bottom line, key judgments, charts, evidence, method."""
    from detente.forecast.cycle import run_cycle
    from detente.forecast.scenario_inputs import run_forecast, scenario_inputs
    from detente.forecast.sensitivity import tornado as run_tornado
    from detente.forecast.shocks import whatif as run_whatif
    from detente.scenario.forecast_cli import judgment_line, setup
    from detente.scenario.load import write_text_atomic

    if output.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"{output}: the report is HTML; give an output file ending in .html")
    if not output.parent.exists():
        raise InputError(f"{output.parent}: no such directory for the report")
    if whatif_draws < 1 or tornado_draws < 0 or cycle_draws < 0:
        raise InputError("--whatif-draws must be >= 1, --tornado-draws and --cycle-draws >= 0")
    st = setup(scenario, draws=draws, seed=seed, models=model)
    sc = st.scenario
    inputs = scenario_inputs(sc)
    store = read_store(db, sc)
    timings: dict[str, float] = {}
    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = time.perf_counter()
        fc = run_forecast(sc, st.specs, st.seed, st.draws, notes=notes)
        timings["forecast"] = time.perf_counter() - t
        wi = None
        if sc.shocks:
            t = time.perf_counter()
            wi = run_whatif(sc, list(sc.shocks), st.specs, st.seed, whatif_draws, inputs)
            timings["what-if"] = time.perf_counter() - t
        tor = None
        if tornado_draws:
            t = time.perf_counter()
            tor = run_tornado(inputs, st.specs, st.seed, tornado_draws)
            timings["tornado"] = time.perf_counter() - t
        cyc = None
        if sc.cycle is not None and cycle_draws:
            t = time.perf_counter()
            cyc = run_cycle(inputs, sc.cycle, st.specs, st.seed, cycle_draws)
            timings["cycle"] = time.perf_counter() - t
    for w in caught:
        if str(w.message) not in notes:
            notes.append(str(w.message))
    ctx = build_context(sc, inputs, fc, whatif=wi, tornado=tor, cycle=cyc, store=store, model_notes=notes,
                        timings=timings, scenario_path=str(scenario),
                        generated=dt.datetime.now(dt.UTC))
    write_text_atomic(output, render(ctx))
    for n in store.notes:
        warn(n)
    if not quiet:
        console.print(f"[bold]Key judgments[/bold] ({sc.name}, {st.draws:,} draws, seed {st.seed}):")
        for line in ctx["judgment_lines"]:
            console.print(f"  - {line}", highlight=False, soft_wrap=True, markup=False)
        console.print(f"Bottom line: {ctx['bluf']}", highlight=False, soft_wrap=True, markup=False)
    console.print(f"wrote {output}")


def register(app: typer.Typer) -> None:
    app.command("report")(handle_errors(report))

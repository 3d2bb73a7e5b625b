"""CLI of the scenario stage: `detente scenario draft|check|show|schema`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Optional

import duckdb
import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from detente.clitools import DEFAULT_DB, DbOption, console, err_console, handle_errors, warn
from detente.errors import InputError, StoreError
from detente.scenario.load import dump_json, dump_yaml, load_scenario, write_text_atomic
from detente.scenario.schema import Scenario
from detente.store.db import connect

app = typer.Typer(help="Scenarios: draft one from the store, check its citations, show it.", no_args_is_help=True)

PIPE_WIDTH = 160
ScenarioArg = Annotated[Path, typer.Argument(help="Scenario file (.yaml, .yml or .json).")]


def _open_read_only(db: Path) -> duckdb.DuckDBPyConnection:
    return connect(db, read_only=True)


def _corpus_articles(scenario: Path, db: Path, corpus: Path | None, db_given: bool):  # type: ignore[no-untyped-def]
    """Articles and sentences to check against: the store, or a corpus folder read in memory
    (explicitly with --corpus, or the `corpus/` beside the scenario when no --db was given
    and the default store does not exist)."""
    from detente.scenario.check import read_claims, read_corpus

    if corpus is None and not db_given and not Path(db).exists() and (scenario.parent / "corpus").is_dir():
        corpus = scenario.parent / "corpus"
        warn(f"no store at {db}: checking against {corpus} read in memory (give --db to use a store)")
    if corpus is not None:
        from detente.corpus.ingest import ingest_paths

        if not corpus.exists():
            raise InputError(f"{corpus}: no such corpus file or folder")
        con = connect(":memory:")
        try:
            ingest_paths(con, [corpus])  # the same reading and splitting as `detente ingest`
            return read_corpus(con), [], f"{corpus} (read in memory)"
        finally:
            con.close()
    con = _open_read_only(db)
    try:
        return read_corpus(con), read_claims(con), str(db)
    finally:
        con.close()


@app.command()
@handle_errors
def check(
    ctx: typer.Context,
    scenario: ScenarioArg,
    db: DbOption = DEFAULT_DB,
    corpus: Annotated[Optional[Path], typer.Option("--corpus", help="Check against these article files instead of a store (read in memory).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Also fail on numbers without any citation or source.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Validate a scenario and verify every citation's sentence against the stored articles."""
    from detente.scenario.check import check_citations, claim_divergences
    from detente.scenario.draft import load_scales

    sc = load_scenario(scenario)
    # compared by name: typer may carry its own copy of click's ParameterSource enum
    db_given = getattr(ctx.get_parameter_source("db"), "name", "DEFAULT") != "DEFAULT"
    (articles, sentences), claims, where = _corpus_articles(scenario, db, corpus, db_given)
    result = check_citations(sc, articles, sentences)
    divergences = claim_divergences(sc, claims, load_scales()["stance_positions"]) if claims else []
    failed = result.problems + ([f"{p}: no citation and no source" for p in result.uncited] if strict else [])
    if as_json:
        print(json.dumps({"ok": not failed, "citations": result.citations, "articles": result.articles,
                          "in_extracted_sentences": result.in_extracted_sentences, "checked_against": where,
                          "problems": failed, "uncited": result.uncited,
                          "claim_divergences": [d.message() for d in divergences]}, ensure_ascii=False, indent=2))
        if failed:
            raise typer.Exit(2)
        return
    if failed:
        for line in failed:
            err_console.print(f"[red]error:[/red] {escape(str(scenario))}: {escape(line)}", soft_wrap=True)
        err_console.print(f"{len(failed)} of {result.citations} citations failed", soft_wrap=True)
        raise typer.Exit(2)
    for path in result.uncited:
        warn(f"{scenario}: {path}: no citation and no source")
    for d in divergences:  # data quality: the analyst's numbers against the extraction's
        warn(f"{scenario}: {d.message()}")
    extracted = (f"; {result.in_extracted_sentences} match an extracted sentence"
                 if any(sentences.values()) else "")
    console.print(
        f"ok: {escape(str(scenario))}: {len(sc.actors)} actors, {len(sc.issues)} issues, {len(sc.stances)} stances; "
        f"{result.citations} citations from {result.articles} articles found in {escape(where)}{extracted}",
        soft_wrap=True,
    )


def _read_claims_events(con: duckdb.DuckDBPyConnection):  # type: ignore[no-untyped-def]
    from detente.scenario.draft import ClaimRow, EventRow

    try:
        claims = [ClaimRow(*r) for r in con.execute(
            "SELECT article_id, sentence_id, sentence, actor, actor_country, issue, stance FROM claims "
            "ORDER BY article_id, start_char, id").fetchall()]
        events = [EventRow(*r) for r in con.execute(
            "SELECT article_id, sentence_id, sentence, type, source, source_country, status FROM events "
            "ORDER BY article_id, start_char, id").fetchall()]
    except duckdb.CatalogException as exc:
        raise StoreError(f"the store has no extraction tables ({str(exc).splitlines()[0]}); run `detente extract` first") from None
    return claims, events


def _as_of(con: duckdb.DuckDBPyConnection, article_ids: set[str]) -> dt.date:
    """The latest article date among the cited articles (the corrected date where ingest flagged one)."""
    try:
        rows = con.execute("SELECT id, coalesce(date_suggested, date) FROM articles").fetchall()
    except duckdb.BinderException:
        rows = con.execute("SELECT id, date FROM articles").fetchall()
    dates = [d for aid, d in rows if aid in article_ids and d is not None]
    return max(dates) if dates else dt.date.today()


@app.command()
@handle_errors
def draft(
    db: DbOption = DEFAULT_DB,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the YAML here (default: print it).")] = None,
    name: Annotated[str, typer.Option("--name", help="Scenario name.")] = "Drafted scenario",
    capabilities: Annotated[Optional[Path], typer.Option("--capabilities", help="Capability table (default: the shipped data/capabilities.yaml).")] = None,
    horizon_days: Annotated[int, typer.Option("--horizon-days", min=1, help="Horizon = the latest article date plus this.")] = 182,
    template: Annotated[Optional[Path], typer.Option("--template", help="Take issue scales, status quo, outcome classes, indicators, shocks and cycle from this scenario.")] = None,
) -> None:
    """Propose a scenario from the stored claims and events, every number with its citations."""
    from detente.scenario.capabilities import load_table
    from detente.scenario.draft import apply_template, draft_scenario

    table = load_table(capabilities)
    tmpl = load_scenario(template) if template is not None else None
    con = _open_read_only(db)
    try:
        claims, events = _read_claims_events(con)
        if not claims:
            raise InputError(f"{db}: the claims table is empty: run `detente extract --db {db}` first (drafting needs stances)")
        as_of = _as_of(con, {c.article for c in claims})
    finally:
        con.close()
    sc, warnings = draft_scenario(claims, events, table, name=name, as_of=as_of,
                                  horizon=as_of + dt.timedelta(days=horizon_days))
    if tmpl is not None:
        sc, more = apply_template(sc, tmpl)
        warnings += more
    for w in warnings:
        warn(w)
    header = (f"# Drafted by `detente scenario draft` from {db} on {dt.date.today().isoformat()}: "
              f"{len(claims)} claims, {len(events)} events.\n"
              "# Method: see docs/scenario.md (draft). Review every value"
              + (f"; classes, shocks and scales from {template}.\n" if template else
                 "; add status_quo, outcome_classes,\n# indicators and shocks before forecasting.\n"))
    text = header + dump_yaml(sc)
    if output is None:
        print(text, end="")
        return
    write_text_atomic(output, text)
    err_console.print(f"wrote {escape(str(output))}: {len(sc.actors)} actors, {len(sc.issues)} issues, "
                      f"{len(sc.stances)} stances", soft_wrap=True)


def _fmt(v) -> str:  # type: ignore[no-untyped-def]
    if v.low == v.high:
        return f"{v.value:.3g}"
    return f"{v.value:.3g} [{v.low:.3g}-{v.high:.3g}]"


def show_tables(sc: Scenario) -> list[Table]:
    """Rich tables of a scenario: actors x issues (position / salience), issues, classes."""
    grid = Table(title=f"{sc.name} (as of {sc.as_of}, horizon {sc.horizon})", box=box.SIMPLE_HEAVY)
    grid.add_column("actor")
    grid.add_column("capability", justify="right")
    for iss in sc.issues:
        grid.add_column(iss.id, justify="right")
    for a in sc.actors:
        cells = []
        for iss in sc.issues:
            st = sc.stance(a.id, iss.id)
            cells.append("" if st is None else f"{_fmt(st.position)}\ns {_fmt(st.salience)}")
        grid.add_row(a.id, _fmt(a.capability), *cells)
    issues = Table(title="issues (0-100)", box=box.SIMPLE)
    for col in ("id", "0 =", "100 =", "status quo"):
        issues.add_column(col)
    for iss in sc.issues:
        issues.add_row(iss.id, escape(iss.low), escape(iss.high), _fmt(iss.status_quo) if iss.status_quo else "")
    classes = Table(title=f"outcome classes (mode: {sc.class_mode})", box=box.SIMPLE)
    for col in ("id", "name", "region", "horizon"):
        classes.add_column(col)
    for c in sc.outcome_classes:
        region = f" {c.rule} ".join(f"{i} in [{lo:g}, {hi:g}]" for i, (lo, hi) in c.region.items())
        classes.add_row(c.id, escape(c.name), region, c.horizon.isoformat())
    return [grid, issues, classes]


@app.command()
@handle_errors
def show(
    scenario: ScenarioArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print the validated scenario as JSON.")] = False,
    as_yaml: Annotated[bool, typer.Option("--yaml", help="Print the validated scenario as YAML.")] = False,
) -> None:
    """Validate a scenario and print it: actors x issues, issue scales, outcome classes."""
    sc = load_scenario(scenario)
    if as_json:
        print(dump_json(sc))
        return
    if as_yaml:
        print(dump_yaml(sc), end="")
        return
    # Rich assumes 80 columns when stdout is not a terminal; the grid needs more
    out = console if console.is_terminal else Console(width=PIPE_WIDTH)
    for t in show_tables(sc):
        out.print(t)
    console.print(f"{len(sc.indicators)} indicators, {len(sc.shocks)} shocks"
                  f"{', cycle of ' + str(sc.cycle.rounds) + ' rounds' if sc.cycle else ''}")


@app.command()
@handle_errors
def schema(
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the JSON Schema here (default: print it).")] = None,
) -> None:
    """Print (or write) the JSON Schema of scenario files, generated from the pydantic models."""
    from detente.scenario.schema import scenario_json_schema

    text = json.dumps(scenario_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        print(text, end="")
    else:
        write_text_atomic(output, text)
        err_console.print(f"wrote {escape(str(output))}")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="scenario")

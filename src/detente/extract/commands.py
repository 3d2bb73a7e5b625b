"""CLI commands of the extraction stage: extract, events, claims, eval, contradictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from detente.clitools import DEFAULT_DB, DbOption, console, err_console, handle_errors
from detente.errors import InputError
from detente.extract import contradictions as contra_mod
from detente.extract import queries
from detente.extract.evaluate import load_gold, score
from detente.execution.commands import SchedulerOpt, WorkersOpt
from detente.execution.executor import executor_for
from detente.execution.extraction import CHUNK_ARTICLES, default_parts_dir, extract_store
from detente.extract.pipeline import load_articles
from detente.store.db import connect

WIDE = 160


def _out() -> Console:
    return console if console.is_terminal else Console(width=WIDE)


def _jsonl(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        typer.echo(json.dumps(r, ensure_ascii=False, default=str))


def extract(
    db: DbOption = DEFAULT_DB,
    article: Annotated[Optional[list[str]], typer.Option("--article", help="Article id (repeatable); default: all.")] = None,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
    chunk_articles: Annotated[int, typer.Option("--chunk-articles", help="Articles per chunk (Parquet partition).")] = CHUNK_ARTICLES,
) -> None:
    """Extract sentences, actor mentions, events and claims from stored articles (resumable)."""
    if chunk_articles < 1:
        raise InputError(f"--chunk-articles must be at least 1, got {chunk_articles}")
    con = connect(db)
    try:
        n = len(load_articles(con, article))
        if n == 0:
            raise InputError(f"{db}: no articles stored; run `detente ingest --db {db} PATH` first")
        with executor_for(scheduler, workers) as ex, Progress(
                TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=err_console, transient=True) as bar:
            task = bar.add_task("extract", total=n)
            rep = extract_store(con, default_parts_dir(db), article_ids=article, executor=ex,
                                chunk_articles=chunk_articles, progress=lambda k: bar.advance(task, k))
            counts = rep.counts  # the executor prints its run report (chunks, resumed, re-run) on exit
    finally:
        con.close()
    console.print(f"{counts['articles']} articles: {counts['sentences']} sentences, {counts['mentions']} mentions, "
                  f"{counts['events']} events, {counts['claims']} claims -> {escape(str(db))}")


def events(
    db: DbOption = DEFAULT_DB,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line, in the gold field layout.")] = False,
    timeline: Annotated[bool, typer.Option("--timeline", help="Date-ordered timeline: date, source -> target, type, status.")] = False,
    article: Annotated[Optional[str], typer.Option("--article", help="Only this article.")] = None,
    type_: Annotated[Optional[str], typer.Option("--type", help="Only this PLOVER type.")] = None,
) -> None:
    """List extracted events (table, --timeline or --jsonl)."""
    con = connect(db, read_only=True)
    try:
        if timeline:
            rows = queries.timeline(con)
            if article:
                rows = [r for r in rows if r["article"] == article]
        else:
            rows = queries.events(con, article, type_)
    finally:
        con.close()
    if jsonl:
        from detente.extract.records import EVENT_FIELDS
        _jsonl([queries.gold_layout(r, EVENT_FIELDS) for r in rows])
        return
    t = Table(box=box.SIMPLE_HEAD)
    if timeline:
        for c in ("date", "source -> target", "type", "status", "location", "article"):
            t.add_column(c)
        for r in rows:
            date = (r["date"] or "-") + ("" if r["dated"] else " ~")
            t.add_row(date, escape(f"{r['source']} -> {r['target'] or '-'}"), r["type"] + (f":{r['mode']}" if r["mode"] else ""),
                      r["status"], escape(r["location"] or ""), escape(r["article"]))
    else:
        for c in ("article", "type", "source -> target", "status", "date", "sentence"):
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(escape(r["article"]), r["type"], escape(f"{r['source']} -> {r['target'] or '-'}"), r["status"],
                      r["date"] or "", escape(r["sentence"][:90]))
    _out().print(t)
    _out().print(f"{len(rows)} events" + ("  (~ = article date, the text gives no day)" if timeline else ""))


def claims(
    db: DbOption = DEFAULT_DB,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line, in the gold field layout.")] = False,
    article: Annotated[Optional[str], typer.Option("--article", help="Only this article.")] = None,
    issue: Annotated[Optional[str], typer.Option("--issue", help="Only this issue.")] = None,
) -> None:
    """List extracted claims: actor stances on the tracked issues."""
    con = connect(db, read_only=True)
    try:
        rows = queries.claims(con, article, issue)
    finally:
        con.close()
    if jsonl:
        from detente.extract.records import CLAIM_FIELDS
        _jsonl([queries.gold_layout(r, CLAIM_FIELDS) for r in rows])
        return
    t = Table(box=box.SIMPLE_HEAD)
    for c in ("article", "actor", "issue", "stance", "sentence"):
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(escape(r["article"]), escape(f"{r['actor']} ({r['actor_country']})"), r["issue"], r["stance"],
                  escape(r["sentence"][:90]))
    _out().print(t)
    _out().print(f"{len(rows)} claims")


def eval_(
    gold: Annotated[Path, typer.Option("--gold", help="Folder with events.jsonl and claims.jsonl (gold layout).")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score the stored extraction against gold files (GUIDELINES.md "Scoring")."""
    gold_events, gold_claims = load_gold(gold)
    con = connect(db, read_only=True)
    try:
        pe, pc = queries.events_gold(con), queries.claims_gold(con)
    finally:
        con.close()
    arts = {e["article"] for e in gold_events} | {c["article"] for c in gold_claims}
    pe = [e for e in pe if e["article"] in arts]
    pc = [c for c in pc if c["article"] in arts]
    if not pe and not pc:
        raise InputError(f"{db}: no extracted events for the gold articles; run `detente extract --db {db}` first")
    rep = score(pe, gold_events, pc, gold_claims)
    if as_json:
        typer.echo(json.dumps(rep, indent=2))
        return
    out = _out()
    ev, cl = rep["events"], rep["claims"]
    out.print(f"events  P {ev['precision']:.3f}  R {ev['recall']:.3f}  F1 {ev['f1']:.3f}  "
              f"({ev['tp']} matched of {ev['pred']} extracted, {ev['gold']} gold)")
    out.print(f"status accuracy {rep['status_accuracy']:.3f}   date accuracy {rep['date_accuracy']:.3f}   (on {rep['matched']} matched pairs)")
    out.print(f"claims  P {cl['precision']:.3f}  R {cl['recall']:.3f}  F1 {cl['f1']:.3f}  ({cl['tp']} matched of {cl['pred']}, {cl['gold']} gold)")
    t = Table(box=box.SIMPLE_HEAD, title="events per type")
    for c in ("type", "P", "R", "F1", "extracted", "gold"):
        t.add_column(c, justify="right" if c != "type" else "left")
    for ty, v in rep["events_per_type"].items():
        t.add_row(ty, f"{v['precision']:.2f}", f"{v['recall']:.2f}", f"{v['f1']:.2f}", str(v["pred"]), str(v["gold"]))
    out.print(t)
    if rep["type_confusion"]:
        out.print("type confusion (gold -> extracted): " + ", ".join(
            f"{c['gold']}->{c['pred']} {c['n']}" for c in rep["type_confusion"][:12]))
    t = Table(box=box.SIMPLE_HEAD, title="claims per issue")
    for c in ("issue", "P", "R", "F1", "extracted", "gold"):
        t.add_column(c, justify="right" if c != "issue" else "left")
    for ty, v in rep["claims_per_issue"].items():
        t.add_row(ty, f"{v['precision']:.2f}", f"{v['recall']:.2f}", f"{v['f1']:.2f}", str(v["pred"]), str(v["gold"]))
    out.print(t)


def contradictions(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the pairs as JSON.")] = False,
) -> None:
    """Pairs of claims or event reports that conflict (same actors and point, opposite stance or status)."""
    con = connect(db, read_only=True)
    try:
        pairs = contra_mod.find(queries.events(con), queries.claims(con))
    finally:
        con.close()
    if as_json:
        typer.echo(json.dumps(pairs, indent=2, ensure_ascii=False, default=str))
        return
    out = _out()
    for i, p in enumerate(pairs, 1):
        a, b = p["first"], p["second"]
        who = (lambda r: r.get("actor") or f"{r.get('source')} -> {r.get('target') or '-'}")
        out.print(f"[bold]{i}. {escape(p['point'])}[/bold]: {p['conflict']}")
        for r in (a, b):
            tag = r.get("stance") or r.get("status")
            out.print(f"   [{escape(r['article'])}] {escape(who(r))} ({tag}): {escape(r['sentence'])}")
    out.print(f"{len(pairs)} conflicting pairs")


def register(app: typer.Typer) -> None:
    app.command("extract")(handle_errors(extract))
    app.command("events")(handle_errors(events))
    app.command("claims")(handle_errors(claims))
    app.command("eval")(handle_errors(eval_))
    app.command("contradictions")(handle_errors(contradictions))

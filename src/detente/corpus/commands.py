"""CLI commands of the corpus stage: `detente ingest` and `detente articles`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import MofNCompleteColumn, Progress
from rich.table import Table

from detente.clitools import DEFAULT_DB, DbOption, console, err_console, handle_errors, warn
from detente.corpus.decode import DEFAULT_MAX_BYTES
from detente.corpus.ingest import FileResult, check_paths, ingest_paths
from detente.errors import InputError, StoreError
from detente.store.db import connect

TITLE_CHARS = 48
PER_FILE_LINES = 20  # more files than this: a progress bar instead of one line per file
PIPE_WIDTH = 150  # when stdout is not a terminal Rich would assume 80 columns


def _parse_size(text: str) -> int:
    """'50MB', '2 KB', '1000' -> bytes."""
    units = {"": 1, "B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}
    t = text.strip().upper().replace(" ", "")
    num = t.rstrip("KMGB")
    unit = t[len(num):]
    try:
        value = float(num)
    except ValueError:
        value = -1
    if unit not in units or value <= 0:
        raise InputError(f"--max-size {text!r}: expected a size such as 50MB, 512KB or 1000")
    return int(value * units[unit])


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to read (.txt .md .html .rss .atom .xml .jsonl).")],
    db: DbOption = DEFAULT_DB,
    max_size: Annotated[str, typer.Option("--max-size", help="Refuse files larger than this (skipped with a warning inside folders).")] = "50MB",
) -> None:
    """Read articles from files and folders into the store (idempotent; one transaction per file)."""
    limit = _parse_size(max_size)
    check_paths(paths)  # a typo in a path must not create an empty store
    con = connect(db)
    progress = Progress(*Progress.get_default_columns(), MofNCompleteColumn(), console=err_console, transient=True)
    task = None

    def start(n_files: int) -> None:
        nonlocal task
        if n_files > PER_FILE_LINES:
            progress.start()
            task = progress.add_task("ingesting", total=n_files)

    def show(r: FileResult) -> None:
        if task is not None:
            progress.advance(task)
        elif r.status != "skipped":
            console.print(f"{r.status:>9}  {escape(str(r.path))}  ({len(r.ids)} article{'s' if len(r.ids) != 1 else ''})")
        if r.status == "replaced" and r.reason and r.reason != "content changed":
            warn(f"{r.path}: {r.reason}")

    try:
        report = ingest_paths(con, paths, max_bytes=limit, on_warning=warn, on_file=show, on_start=start)
    finally:
        progress.stop()
        con.close()
    console.print(
        f"{report.articles_written} articles written from {report.count('added') + report.count('replaced')} files; "
        f"{report.count('unchanged')} files unchanged, {report.count('skipped')} skipped -> {escape(str(db))}"
    )


def _truncate(text: str | None, n: int) -> str:
    if not text:
        return ""
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def articles(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list instead of a table.")] = False,
) -> None:
    """List stored articles: id, date, lang, author, title, words, warnings."""
    con = connect(db, read_only=True)
    try:
        if not con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = 'articles'").fetchone():
            raise StoreError(f"{db}: no articles table; run `detente ingest --db {db} ...` first")
        rows = con.execute(
            "SELECT id, date, lang, author, title, words, warnings, source_file, date_suggested FROM articles "
            "ORDER BY split_part(id, '#', 1), file_index"
        ).fetchall()
    finally:
        con.close()
    records = [
        {"id": r[0], "date": r[1].isoformat() if r[1] else None, "lang": r[2], "author": r[3], "title": r[4],
         "words": r[5], "warnings": json.loads(r[6]), "source_file": r[7],
         "date_suggested": r[8].isoformat() if r[8] else None}
        for r in rows
    ]
    if as_json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    out = console if console.is_terminal else Console(width=PIPE_WIDTH)  # logs, `make demo | tee`
    table = Table(title=f"{len(records)} articles in {escape(str(db))}", box=box.SIMPLE_HEAD)
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("lang")
    table.add_column("author")
    table.add_column("title", max_width=TITLE_CHARS)
    table.add_column("words", justify="right")
    table.add_column("warnings", style="yellow")
    notes = []
    for r in records:
        codes = [w["code"] for w in r["warnings"]]
        table.add_row(escape(r["id"]), r["date"] or "[dim]-[/dim]", r["lang"] or "", escape(r["author"] or ""),
                      escape(_truncate(r["title"], TITLE_CHARS)), str(r["words"]), escape(", ".join(codes)))
        notes += [f"{escape(r['id'])}  [yellow]{w['code']}[/yellow]: {escape(w['message'])}" for w in r["warnings"]]
    out.print(table)
    if notes:
        out.print("[bold]Warnings[/bold]")
        for line in notes:
            out.print(line, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("ingest")(handle_errors(ingest))
    app.command("articles")(handle_errors(articles))

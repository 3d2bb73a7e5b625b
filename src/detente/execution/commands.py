"""CLI of the execution layer: `detente export --parquet DIR`, and the options other
stages' commands share to choose where their chunks run (`--scheduler`, `--workers`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from detente.clitools import DEFAULT_DB, DbOption, console, handle_errors
from detente.errors import InputError
from detente.store.db import connect

SchedulerOpt = Annotated[Optional[str], typer.Option(
    "--scheduler", envvar="DETENTE_SCHEDULER",
    help="Dask scheduler address tcp://HOST:PORT (default: this machine's cores; docs/cluster.md).")]
WorkersOpt = Annotated[Optional[int], typer.Option(
    "--workers", help="Local worker processes: 1 (default) runs in this process; N > 1 starts a Dask LocalCluster of N; 0 = one per core.")]


def export(
    parquet: Annotated[Optional[Path], typer.Option("--parquet", help="Folder to write one <table>.parquet per table into.")] = None,
    table: Annotated[Optional[list[str]], typer.Option("--table", help="Only this table (repeatable).")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export the store's tables (articles, sentences, mentions, events, claims, forecasts, ...) as Parquet."""
    from detente.execution.export import export_parquet

    if parquet is None:
        raise InputError("give the output folder with --parquet DIR")
    con = connect(db, read_only=True)
    try:
        counts = export_parquet(con, parquet, table)
    finally:
        con.close()
    for t, n in counts.items():
        console.print(f"{n:>9,}  {escape(str(parquet / (t + '.parquet')))}")
    console.print(f"{len(counts)} tables exported from {escape(str(db))}")


def register(app: typer.Typer) -> None:
    app.command("export")(handle_errors(export))

"""Shared pieces of the command line: the --db option, consoles, and one-line errors."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Any, Callable, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from detente.errors import DetenteError

console = Console()
err_console = Console(stderr=True)

DEFAULT_DB = Path("detente.duckdb")
DbOption = Annotated[
    Path, typer.Option("--db", help="DuckDB store file.", envvar="DETENTE_DB", show_default=True)
]

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(fn: F) -> F:
    """Turn a DetenteError into one red line on stderr and exit code 2 (no traceback)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DetenteError as exc:
            err_console.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def warn(message: str) -> None:
    """One yellow warning line on stderr."""
    err_console.print(f"[yellow]warning:[/yellow] {escape(message)}", soft_wrap=True)

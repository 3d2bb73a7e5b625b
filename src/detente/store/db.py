"""Open the DuckDB store and run writes in transactions.

Every write a command makes goes through `transaction`, so a failure or a kill midway
leaves the store exactly as it was before (DuckDB's WAL replays only committed work).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

from detente.errors import StoreError


def _schema_sql() -> str:
    return resources.files("detente.store").joinpath("schema.sql").read_text(encoding="utf-8")


def connect(path: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and create or upgrade) the store at `path`; ':memory:' gives a scratch store."""
    path = str(path)
    if read_only and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"{path}: no such store; run `detente ingest --db {path} ...` first")
    try:
        con = duckdb.connect(path, read_only=read_only)
    except (duckdb.IOException, duckdb.InvalidInputException) as exc:
        raise StoreError(f"{path}: cannot open store: {str(exc).splitlines()[0]}") from None
    if not read_only:
        con.execute(_schema_sql())
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All-or-nothing block: commit on success, roll back on any exception."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    else:
        con.execute("COMMIT")

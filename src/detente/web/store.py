"""How the web app shares the DuckDB store with the CLI.

A DuckDB file may be open read-write by one process only, and a process that holds it
read-only still blocks writers in other processes. The server therefore opens a
connection per request and closes it when the request ends: between requests the file
is free, so `detente ingest/extract ... --db FILE` can run while `detente serve` is up.
Inside the server one lock serialises store access, since DuckDB refuses to open one file
twice in one process with different settings (read-only and read-write).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from detente.store.db import connect


class Store:
    """The store file the app serves, opened briefly for each use."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection (creating the store first if it does not exist yet)."""
        with self._lock:
            if not self.path.exists():
                connect(self.path).close()
            con = connect(self.path, read_only=True)
            try:
                yield con
            finally:
                con.close()

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-write connection, for uploads."""
        with self._lock:
            con = connect(self.path)
            try:
                yield con
            finally:
                con.close()

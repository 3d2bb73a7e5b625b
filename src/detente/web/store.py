"""How the web app shares the DuckDB store with the CLI.

A DuckDB file may be open read-write by one process only, and a process that holds it open
(even read-only) blocks writers in other processes. Opening a connection per request would
free the file between requests but costs 50-100 ms each time, a third of the page budget.
So the server keeps one read-only connection while requests come in and closes it after
`idle` seconds without any (1 s by default): while nobody uses the dashboard,
`detente ingest/extract ... --db FILE` can write the same file; a CLI write during active
use fails with DuckDB's lock error and can simply be repeated. Each (re)open sees the
latest committed data.

DuckDB connections are not safe to share between threads, and DuckDB refuses to open one
file twice in one process with different settings (read-only and read-write), so one lock
serialises all store access inside the server; uploads close the read connection and open a
read-write one for their transaction.
"""

from __future__ import annotations

import atexit
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from detente.store.db import connect


class Store:
    """The store file the app serves: one shared read connection, closed when idle."""

    def __init__(self, path: Path, idle: float = 1.0) -> None:
        self.path = Path(path)
        self.idle = idle
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._last = 0.0
        self._closer: threading.Thread | None = None
        self._stop = threading.Event()
        _STORES.add(self)

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The read-only connection (creating the store first if it does not exist yet)."""
        with self._lock:
            if self._con is None:
                if not self.path.exists():
                    connect(self.path).close()
                self._con = connect(self.path, read_only=True)
                self._start_closer()
            try:
                yield self._con
            finally:
                self._last = time.monotonic()

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-write connection for one write (uploads); the read connection reopens after."""
        with self._lock:
            self._close()
            con = connect(self.path)
            try:
                yield con
            finally:
                con.close()

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def _start_closer(self) -> None:
        # The watcher lives only while a connection is open, so idle stores hold no thread.
        if self._closer is not None and self._closer.is_alive():
            return
        self._stop.clear()
        self._closer = threading.Thread(target=self._watch, daemon=True, name="detente-store-closer")
        self._closer.start()

    def _watch(self) -> None:
        while not self._stop.wait(self.idle / 4):
            with self._lock:
                if self._con is None:
                    return
                if time.monotonic() - self._last > self.idle:
                    self._close()
                    return

    def shutdown(self) -> None:
        """Stop the watcher and close the connection. Called at exit: a daemon thread caught
        inside DuckDB's C++ code while the interpreter finalises aborts the whole process."""
        self._stop.set()
        if self._closer is not None:
            self._closer.join(timeout=5)
        self.close()


_STORES: weakref.WeakSet[Store] = weakref.WeakSet()


@atexit.register
def _shutdown_all() -> None:
    for store in list(_STORES):
        store.shutdown()

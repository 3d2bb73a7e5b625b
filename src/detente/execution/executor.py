"""One interface for running chunks: on this machine's cores, or on a Dask cluster.

`Executor.imap(fn, items, keys)` runs ``fn(item)`` for every item and yields
``(index, result)`` as chunks finish; `map` returns the results in item order. Both keep at
most `window` chunks in flight, so memory on the client and the workers stays flat however
many chunks a run has.

* `LocalExecutor(workers)`: one worker (default) or one chunk: in this process, no start-up
  cost. ``workers > 1``: a Dask `LocalCluster` of that many processes on loopback, started
  for the run (a few seconds), so local parallelism is the cluster code path too.
* `DaskExecutor(address)`: a `distributed.Client` on ``tcp://HOST:PORT``. Every chunk is
  submitted under its chunk id as the Dask key, so a chunk submitted twice is computed once.
  When a worker dies the scheduler re-runs the chunks it held on another worker; the run
  asks the scheduler which chunks that happened to (`TaskState.suspicious`, the count of
  workers that died while running it) and reports them in `RunReport.retried`.

`executor_for(scheduler, workers)` picks one: an explicit address, else the
``DETENTE_SCHEDULER`` environment variable, else local.
"""

from __future__ import annotations

import os
import secrets
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


from detente.errors import InputError

ENV_SCHEDULER = "DETENTE_SCHEDULER"


@dataclass
class RunReport:
    """What happened to the chunks of one run (printed by the CLI, kept by tests and bench)."""

    executor: str = ""
    workers: int = 0
    chunks: int = 0                                      # chunks computed in this run
    skipped: int = 0                                     # chunks already done (resumed runs)
    retried: list[str] = field(default_factory=list)     # chunk ids re-run after a worker died
    workers_lost: int = 0

    def line(self) -> str:
        parts = [f"{self.chunks} chunk{'s' if self.chunks != 1 else ''} on {self.executor} ({self.workers} worker"
                 f"{'s' if self.workers != 1 else ''})"]
        if self.skipped:
            parts.append(f"{self.skipped} already done (resumed)")
        if self.retried:
            parts.append(f"{len(self.retried)} re-run after a worker was lost: {', '.join(self.retried[:5])}"
                         + (" ..." if len(self.retried) > 5 else ""))
        return "; ".join(parts)


class Executor:
    """Base: subclasses implement `_run`; `imap` and `map` are shared."""

    name = "executor"

    def __init__(self) -> None:
        self.report = RunReport(executor=self.name)

    @property
    def workers(self) -> int:
        raise NotImplementedError

    def imap(self, fn: Callable[[Any], Any], items: Sequence[Any], keys: Sequence[str],
             window: int | None = None) -> Iterator[tuple[int, Any]]:
        if len(items) != len(keys):
            raise ValueError("one key per item")
        if len(set(keys)) != len(keys):
            raise ValueError("chunk ids must be unique within a run")
        self.report.workers = self.workers
        self.report.chunks += len(items)
        return self._run(fn, items, keys, window or max(2, 2 * self.workers))

    def map(self, fn: Callable[[Any], Any], items: Sequence[Any], keys: Sequence[str],
            window: int | None = None) -> list[Any]:
        out: list[Any] = [None] * len(items)
        for i, res in self.imap(fn, items, keys, window):
            out[i] = res
        return out

    def _run(self, fn: Callable[[Any], Any], items: Sequence[Any], keys: Sequence[str],
             window: int) -> Iterator[tuple[int, Any]]:
        raise NotImplementedError

    def sees(self, folder: Path) -> bool:
        """Whether the workers read and write `folder` as this process does (then chunks can
        be passed as places on disk and write their own output). False: in this process."""
        return False

    def close(self) -> None:
        pass

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.close()
        finally:
            if self.announce is not None and exc[0] is None and self.report.chunks + self.report.skipped and (
                    self.report.executor != "local" or self.report.retried or self.report.skipped):
                self.announce(self.report.line())

    announce: Callable[[str], None] | None = None  # set by `executor_for`: where the CLI prints the report


class LocalExecutor(Executor):
    """This machine. One worker (the default) runs chunks in this process, in order. With
    ``workers > 1`` a Dask `LocalCluster` of that many worker processes (one thread each,
    loopback only, no dashboard) is started on the first run with more than one chunk, so
    local parallel runs use the same Dask machinery as a cluster."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        super().__init__()
        self._workers = 1 if workers is None else workers
        if self._workers < 1:
            raise InputError(f"--workers must be at least 1, got {self._workers}")
        self._dask: DaskExecutor | None = None

    @property
    def workers(self) -> int:
        return self._workers

    def sees(self, folder: Path) -> bool:
        return self._workers > 1  # worker processes on this machine

    def _run(self, fn: Callable[[Any], Any], items: Sequence[Any], keys: Sequence[str],
             window: int) -> Iterator[tuple[int, Any]]:
        if self._workers == 1 or len(items) <= 1:
            for i, item in enumerate(items):
                yield i, fn(item)
            return
        if self._dask is None:
            import dask
            from distributed import LocalCluster

            with dask.config.set(QUIET_WORKERS):
                cluster = LocalCluster(n_workers=self._workers, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None)
            self._dask = DaskExecutor(cluster.scheduler_address, cluster=cluster)
            self._dask.report = self.report  # one report for the run
            self.report.executor = f"local ({self._workers} Dask worker processes)"
        yield from self._dask._run(fn, items, keys, window)

    def close(self) -> None:
        if self._dask is not None:
            self._dask.close()
            self._dask = None


# Dask settings for the clusters detente starts itself (`--workers N`). On a machine whose
# cores all run workers, every periodic callback of the scheduler, nannies and workers takes
# CPU from the chunks. Measured on an idle 2-worker LocalCluster (bench/scale.py's machine):
# 0.96 CPU-s per 10 s with Dask's defaults, 0.10 with these. The profiler samples the running
# task's stack every 10 ms under the GIL (only the dashboard uses it); the event-loop tick
# (20 ms) only feeds "event loop blocked" warnings; memory and system monitors poll psutil;
# work stealing is moot when at most 2 chunks per worker are in flight.
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.scheduler.work-stealing": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def _reads(path: str, token: str) -> bool:
    """Runs on a worker: does `path` hold `token` there too (a folder shared with the client)?"""
    try:
        with open(path, encoding="utf-8") as f:
            return f.read() == token
    except OSError:
        return False


def _suspicious(dask_scheduler: Any, keys: list[str]) -> list[str]:
    """Runs on the scheduler: the keys whose task was on a worker when it died."""
    out = []
    for k in keys:
        ts = dask_scheduler.tasks.get(k)
        if ts is not None and ts.suspicious:
            out.append(k)
    return out


class DaskExecutor(Executor):
    """A dask.distributed cluster at `address` (tcp://HOST:PORT)."""

    name = "dask"

    def __init__(self, address: str, timeout: float = 10.0, cluster: Any = None) -> None:
        super().__init__()
        from distributed import Client

        self.address = address
        self._cluster = cluster  # a LocalCluster this executor started and closes
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"--scheduler {address}: cannot reach a Dask scheduler there "
                             f"({type(exc).__name__}); start one with `dask scheduler` (docs/cluster.md)") from None
        self.report.executor = f"dask {address}"
        self._start_workers = set(self.client.scheduler_info(n_workers=-1)["workers"])
        if not self._start_workers:
            self.client.wait_for_workers(1, timeout=timeout)
            self._start_workers = set(self.client.scheduler_info(n_workers=-1)["workers"])

    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1)["workers"]) or 1

    def sees(self, folder: Path) -> bool:
        """Probe: a random token written to `folder` here must read back the same on every worker."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        token = secrets.token_hex(16)
        probe = folder / f".probe-{token}"
        probe.write_text(token, encoding="utf-8")
        try:  # a worker that cannot answer (e.g. just lost) counts as not seeing it: texts are then sent
            seen = self.client.run(_reads, str(probe.resolve()), token, on_error="return")
        finally:
            probe.unlink(missing_ok=True)
        return bool(seen) and all(v is True for v in seen.values())

    def _run(self, fn: Callable[[Any], Any], items: Sequence[Any], keys: Sequence[str],
             window: int) -> Iterator[tuple[int, Any]]:
        from distributed import as_completed

        index = {k: i for i, k in enumerate(keys)}
        todo = deque(range(len(items)))
        held: list[Any] = []  # finished futures kept until the scheduler is asked about them

        def submit(i: int) -> Any:
            return self.client.submit(fn, items[i], key=keys[i], pure=False)

        first = [submit(todo.popleft()) for _ in range(min(window, len(todo)))]
        seq = as_completed(first, loop=self.client.loop)  # this client, not a global default
        for fut in seq:
            if todo:
                seq.add(submit(todo.popleft()))
            res = fut.result()  # raises the chunk's own error on the client
            held.append(fut)
            yield index[fut.key], res
            if len(held) >= window:
                self._release(held)
        self._release(held)
        lost = self._start_workers - set(self.client.scheduler_info(n_workers=-1)["workers"])
        self.report.workers_lost = len(lost)

    def _release(self, held: list[Any]) -> None:
        if not held:
            return
        keys = [f.key for f in held]
        self.report.retried += self.client.run_on_scheduler(_suspicious, keys=keys)
        for f in held:
            f.release()
        held.clear()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def executor_for(scheduler: str | None = None, workers: int | None = None,
                 announce: Callable[[str], None] | None = None) -> Executor:
    """`DaskExecutor` for `scheduler` (or $DETENTE_SCHEDULER), else `LocalExecutor(workers)`.
    Used as a context manager, it passes the run report line to `announce` at the end when
    the run was parallel, resumed or had chunks re-run (default: stderr, for the CLI)."""
    address = scheduler or os.environ.get(ENV_SCHEDULER) or None
    if address:
        if workers is not None:
            raise InputError("--workers is for local runs; a Dask cluster has the workers it was started with")
        if "://" not in address:
            address = f"tcp://{address}"
        ex: Executor = DaskExecutor(address)
    else:
        ex = LocalExecutor((os.cpu_count() or 1) if workers == 0 else workers)
    ex.announce = announce or _stderr
    return ex


def _stderr(line: str) -> None:
    from rich.markup import escape

    from detente.clitools import err_console

    err_console.print(escape(line), soft_wrap=True)

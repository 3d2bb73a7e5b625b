"""One interface for running chunks: on this machine's cores, or on a Dask cluster.

`Executor.imap(fn, items, keys)` runs ``fn(item)`` for every item and yields
``(index, result)`` as chunks finish; `map` returns the results in item order. Both keep at
most `window` chunks in flight, so memory on the client and the workers stays flat however
many chunks a run has.

* `LocalExecutor(workers)`: one chunk, or ``workers == 1``: in this process (no start-up
  cost). Otherwise a pool of `workers` processes (stdlib `concurrent.futures`, spawn
  start method: safe with DuckDB's and numba's threads); functions travel by cloudpickle
  (the library Dask uses) so closures work the same as on a cluster.
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
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Any

import cloudpickle

from detente.errors import InputError

ENV_SCHEDULER = "DETENTE_SCHEDULER"
MAX_LOCAL_RETRIES = 2  # re-runs of a chunk whose local worker process died


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


def _call_pickled(payload: bytes, item: Any) -> Any:
    """Worker-side trampoline of the local pool: unpickle the function, run it."""
    return cloudpickle.loads(payload)(item)


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

    def close(self) -> None:
        pass

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LocalExecutor(Executor):
    """This machine: in-process for one chunk or one worker, else a process pool."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        super().__init__()
        self._workers = workers or os.cpu_count() or 1
        if self._workers < 1:
            raise InputError(f"--workers must be at least 1, got {self._workers}")
        self._pool: ProcessPoolExecutor | None = None

    @property
    def workers(self) -> int:
        return self._workers

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self._workers, mp_context=get_context("spawn"))
        return self._pool

    def _run(self, fn: Callable[[Any], Any], items: Sequence[Any], keys: Sequence[str],
             window: int) -> Iterator[tuple[int, Any]]:
        if self._workers == 1 or len(items) <= 1:
            for i, item in enumerate(items):
                yield i, fn(item)
            return
        payload = cloudpickle.dumps(fn)
        todo = deque(range(len(items)))
        tries = dict.fromkeys(range(len(items)), 0)
        running: dict[Future[Any], int] = {}
        while todo or running:
            while todo and len(running) < window:
                i = todo.popleft()
                running[self._get_pool().submit(_call_pickled, payload, items[i])] = i
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                i = running.pop(fut)
                try:
                    res = fut.result()
                except BrokenProcessPool:
                    broken = True
                    tries[i] += 1
                    if tries[i] > MAX_LOCAL_RETRIES:
                        raise
                    self.report.retried.append(keys[i])
                    todo.appendleft(i)
                    continue
                yield i, res
            if broken:  # a worker process died: every chunk still running is lost with the pool
                for fut, i in running.items():
                    fut.cancel()
                    self.report.retried.append(keys[i])
                    todo.appendleft(i)
                running.clear()
                self._pool.shutdown(wait=False, cancel_futures=True)  # type: ignore[union-attr]
                self._pool = None
                self.report.workers_lost += 1

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


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

    def __init__(self, address: str, timeout: float = 10.0) -> None:
        super().__init__()
        from distributed import Client

        self.address = address
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

    def _run(self, fn: Callable[[Any], Any], items: Sequence[Any], keys: Sequence[str],
             window: int) -> Iterator[tuple[int, Any]]:
        from distributed import as_completed

        index = {k: i for i, k in enumerate(keys)}
        todo = deque(range(len(items)))
        held: list[Any] = []  # finished futures kept until the scheduler is asked about them

        def submit(i: int) -> Any:
            return self.client.submit(fn, items[i], key=keys[i], pure=False)

        first = [submit(todo.popleft()) for _ in range(min(window, len(todo)))]
        seq = as_completed(first)
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


def executor_for(scheduler: str | None = None, workers: int | None = None) -> Executor:
    """`DaskExecutor` for `scheduler` (or $DETENTE_SCHEDULER), else `LocalExecutor(workers)`."""
    address = scheduler or os.environ.get(ENV_SCHEDULER) or None
    if address:
        if workers is not None:
            raise InputError("--workers is for local runs; a Dask cluster has the workers it was started with")
        if "://" not in address:
            address = f"tcp://{address}"
        return DaskExecutor(address)
    return LocalExecutor(workers)

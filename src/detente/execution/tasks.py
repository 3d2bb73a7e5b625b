"""Small task shapes other stages run through an executor."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import Any

from detente.execution.chunks import chunk_id
from detente.execution.executor import Executor, LocalExecutor


def _call_quiet(job: tuple[Callable[[Any], Any], Any]) -> Any:
    fn, arg = job
    with warnings.catch_warnings():
        # models warn about actors without a position; callers count those themselves
        warnings.simplefilter("ignore", UserWarning)
        return fn(arg)


def map_named(fns: Mapping[str, Callable[[Any], Any]], arg: Any, kind: str, *key_parts: object,
              executor: Executor | None = None) -> dict[str, Any]:
    """``{name: fn(arg)}`` with each call a chunk on `executor` (default: this process); the
    chunk id is `kind`, `key_parts` (what defines `arg`) and the name."""
    executor = executor or LocalExecutor(1)
    names = list(fns)
    keys = [chunk_id(kind, *key_parts, name) for name in names]
    results = executor.map(_call_quiet, [(fns[n], arg) for n in names], keys)
    return dict(zip(names, results, strict=True))

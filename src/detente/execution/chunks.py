"""Cutting work into chunks: fixed spans, per-chunk random streams, idempotent chunk ids.

A chunk's random stream is the `SeedSequence.spawn` child of the run's seed with the
chunk's index (NumPy, "Parallel random number generation": spawned children give
independent streams that do not depend on how many processes consume them). Chunk sizes
are part of a run's definition, never of the cluster, so one seed gives the same numbers on
1 worker, 2 workers or a cluster.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import TypeVar

import numpy as np

T = TypeVar("T")


def spans(total: int, size: int) -> list[tuple[int, int]]:
    """[start, stop) ranges of at most `size` covering range(total), in order."""
    if size < 1:
        raise ValueError(f"chunk size must be >= 1, got {size}")
    return [(a, min(a + size, total)) for a in range(0, total, size)]


def batches(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` cut into consecutive batches of at most `size`."""
    return [items[a:b] for a, b in spans(len(items), size)]


def chunk_seeds(seed: int, n: int) -> list[np.random.SeedSequence]:
    """The first `n` spawned children of `SeedSequence(seed)`: child i seeds chunk i."""
    return np.random.SeedSequence(seed).spawn(n)


def chunk_seed(seed: int, index: int) -> np.random.SeedSequence:
    """Child `index` of `SeedSequence(seed)` without spawning the ones before it
    (identical state: a spawned child is the parent's entropy with spawn_key (index,))."""
    return np.random.SeedSequence(seed, spawn_key=(index,))


def chunk_id(kind: str, *parts: object) -> str:
    """A stable id for a chunk from what defines it (its kind, run definition and inputs):
    resubmitting the same chunk gives the same id, so Dask computes it once and the
    Parquet partition it writes is named once."""
    h = hashlib.sha256(kind.encode())
    for p in parts:
        h.update(b"\x1f")
        h.update(_bytes(p))
    return f"{kind}-{h.hexdigest()[:20]}"


def _bytes(p: object) -> bytes:
    if isinstance(p, bytes):
        return p
    if isinstance(p, np.ndarray):
        return p.tobytes() + str(p.shape).encode() + str(p.dtype).encode()
    if isinstance(p, Iterable) and not isinstance(p, str):
        return b"\x1e".join(_bytes(x) for x in p)
    return repr(p).encode()

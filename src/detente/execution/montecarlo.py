"""Monte Carlo on the execution layer: draw chunks, each run through every model.

The draws of a run are the blocks of `detente.forecast.montecarlo` (``BLOCK`` draws each,
block b from the `SeedSequence.spawn` child b of the run's seed); a chunk is
`BLOCKS_PER_CHUNK` consecutive blocks. A chunk re-draws its own blocks, applies each
variant (baseline, a shock, a lever, a pinned input) to its draws, runs every model once on
all variants stacked on the draw axis and returns only the outcome arrays. The models treat
draws independently (each row of the batch is its own bargaining game), so the outcomes
concatenated in chunk order are byte-identical to one `run_models` call on all draws,
whatever executes the chunks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import cloudpickle
import numpy as np

from detente.execution.chunks import chunk_id
from detente.execution.executor import Executor, LocalExecutor
from detente.forecast.models.base import Outcome
from detente.forecast.models.registry import ModelSpec
from detente.forecast.montecarlo import BLOCK, Draws, InputRanges, block_seed, draw_block, run_models

BLOCKS_PER_CHUNK = 16          # 16,384 draws per chunk: seconds of work, a few MB of outcomes
MAX_ROWS = 250_000             # draws x variants per model call inside a chunk; bounds memory

Variant = Callable[[Draws], Draws] | None   # None: the baseline draws


@dataclass(frozen=True)
class _Chunk:
    specs: dict[str, ModelSpec]
    ranges: InputRanges
    seed: int
    first_block: int
    stop_block: int
    draws: int
    variants: tuple[Variant, ...]


def chunk_draws(ranges: InputRanges, seed: int, first_block: int, stop_block: int, draws: int) -> Draws:
    """The run's draws of blocks [first_block, stop_block) (the last block may be short)."""
    parts = [draw_block(ranges, block_seed(seed, b), min(BLOCK, draws - b * BLOCK))
             for b in range(first_block, stop_block)]
    if len(parts) == 1:
        return parts[0]
    cat = lambda name: np.concatenate([getattr(p, name) for p in parts])  # noqa: E731
    return Draws(cat("capability"), cat("position"), cat("salience"),
                 None if ranges.status_quo is None else cat("status_quo"))


def _stack(samples: Sequence[Draws]) -> Draws:
    if len(samples) == 1:
        return samples[0]
    cat = lambda name: np.concatenate([getattr(s, name) for s in samples])  # noqa: E731
    sq = None if samples[0].status_quo is None else cat("status_quo")
    return Draws(cat("capability"), cat("position"), cat("salience"), sq)


def _copy(s: Draws) -> Draws:
    return Draws(s.capability.copy(), s.position.copy(), s.salience.copy(),
                 None if s.status_quo is None else s.status_quo.copy())


def run_chunk(ch: _Chunk) -> tuple[list[dict[str, np.ndarray]], list[str]]:
    """One chunk: per variant, model -> outcome ``(d_chunk, k)``; and the models' notes."""
    base = chunk_draws(ch.ranges, ch.seed, ch.first_block, ch.stop_block, ch.draws)
    d = base.size
    per_call = max(1, MAX_ROWS // d)
    notes: list[str] = []
    out: list[dict[str, np.ndarray]] = []
    for a in range(0, len(ch.variants), per_call):
        group = ch.variants[a:a + per_call]
        samples = [base if v is None else v(_copy(base)) for v in group]
        res = run_models(ch.specs, _stack(samples), notes)
        for q in range(len(group)):
            out.append({m: np.ascontiguousarray(r.outcome[q * d:(q + 1) * d]) for m, r in res.items()})
    return out, notes


def run_variants(specs: Mapping[str, ModelSpec], ranges: InputRanges, seed: int, draws: int,
                 variants: Sequence[Variant] = (None,), executor: Executor | None = None,
                 notes: list[str] | None = None) -> list[dict[str, Outcome]]:
    """Per variant, model -> `Outcome` over all `draws` (outcome arrays only), computed in
    chunks on `executor` (default: this process). Model warnings go to `notes` when given,
    else are re-raised as warnings here."""
    executor = executor or LocalExecutor(1)
    n_blocks = -(-draws // BLOCK)
    bounds = [(b, min(b + BLOCKS_PER_CHUNK, n_blocks)) for b in range(0, n_blocks, BLOCKS_PER_CHUNK)]
    specs = dict(specs)
    chunks = [_Chunk(specs, ranges, seed, lo, hi, draws, tuple(variants)) for lo, hi in bounds]
    run_key = (tuple((m, s.version) for m, s in specs.items()), ranges.capability, ranges.position,
               ranges.salience, ranges.status_quo if ranges.status_quo is not None else b"",
               ranges.silent if ranges.silent is not None else b"", seed, draws, len(variants))
    # variants are functions: their pickled code and captured values are part of the run
    fingerprint = cloudpickle.dumps(tuple(variants))
    keys = [chunk_id("mc", run_key, fingerprint, lo, hi) for lo, hi in bounds]
    results = executor.map(run_chunk, chunks, keys)
    all_notes: list[str] = []
    for _, n in results:
        all_notes += [x for x in n if x not in all_notes]
    if notes is not None:
        notes += [x for x in all_notes if x not in notes]
    else:
        import warnings

        for x in all_notes:
            warnings.warn(x, stacklevel=2)
    out = []
    for v in range(len(variants)):
        out.append({m: Outcome(m, np.concatenate([r[0][v][m] for r in results])) for m in specs})
    return out


def run_models_chunked(specs: Mapping[str, ModelSpec], ranges: InputRanges, seed: int, draws: int,
                       transform: Variant = None, executor: Executor | None = None,
                       notes: list[str] | None = None) -> dict[str, Outcome]:
    """`run_models(specs, draw(ranges, seed, draws))` (after `transform`), in chunks on `executor`."""
    return run_variants(specs, ranges, seed, draws, (transform,), executor, notes)[0]

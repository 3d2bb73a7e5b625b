"""Near-duplicate detection with MinHash signatures and LSH banding.

MinHash (Broder 1997, "On the resemblance and containment of documents") estimates the
Jaccard similarity of two texts' word 5-shingle sets from the share of equal signature
slots; the signatures come from datasketch. Banding (Leskovec, Rajaraman & Ullman, *Mining
of Massive Datasets*, ch. 3.4) makes candidate pairs share at least one band key. The band
keys and signatures are stored in DuckDB (`article_bands`, `article_minhash`) instead of
datasketch's in-memory MinHashLSH so the index persists across ingest runs and memory stays
flat however large the corpus grows.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.8  # estimated Jaccard at or above which two texts are near-duplicates
# Bands x rows minimising false positives + negatives at THRESHOLD for 128 permutations,
# as datasketch's MinHashLSH optimiser picks them (datasketch.lsh._optimal_param(0.8, 128)).
BANDS, ROWS = 9, 13
MIN_WORDS = 20  # shorter texts give too few shingles for a meaningful estimate
SEED = 1

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """Drawing the permutations is a tenth of the cost of a signature: draw them once."""
    return MinHash(num_perm=NUM_PERM, seed=SEED)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))}


def signature(text: str) -> np.ndarray | None:
    """MinHash signature of `text`, or None when it is too short to compare."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    tpl = _template()
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=tpl.permutations, scheme=tpl.scheme)
    m.update_batch(list(shingles(text)))
    return m.hashvalues.astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, key) pairs; key is a signed 64-bit digest of the band's slots (a BIGINT)."""
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append((b, int.from_bytes(digest, "little", signed=True)))
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash slots."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))

"""Bulk corpora: sharded JSONL and Parquet inputs (``news-00000.parquet``, ``news-00001.jsonl``, ...).

A shard is one file of many articles, one per line (JSONL) or row (Parquet), each with a
`text` and the metadata keys of `.md` front matter (title, author, date, lang, url, source).
Articles are the corpus package's `Article` records with ids ``STEM#N`` (N = line or row
from 1), so a shard is one unit of `ingest_paths` (one transaction, idempotent re-ingest)
and shards of one corpus never share ids as long as their names differ. `detente ingest
FOLDER` reads a folder of shards like any other folder; `read_parquet` is what `read_file`
calls for ``.parquet``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.corpus.decode import DEFAULT_MAX_BYTES
from detente.corpus.readers import META_KEYS, _article, _meta, read_file
from detente.corpus.record import Article
from detente.errors import InputError

SHARD_SUFFIXES = (".jsonl", ".parquet")


def read_parquet(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, data: bytes | None = None) -> list[Article]:
    """The articles of one Parquet shard (the file, or its bytes `data` already read): a string
    column `text` plus optional metadata columns; the row number (from 1) is N in the id.
    Bad rows raise InputError naming the row."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    if data is None:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size:,} bytes is over the size limit of {max_bytes:,} bytes (--max-size)")
    try:
        pf = pq.ParquetFile(path if data is None else pa.BufferReader(data))
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"{path}: not a readable Parquet file: {str(exc).splitlines()[0]}") from None
    names = set(pf.schema_arrow.names)
    if "text" not in names:
        raise InputError(f"{path}: no `text` column (columns: {', '.join(sorted(names)) or 'none'})")
    cols = ["text", *[k for k in META_KEYS if k in names]]
    arts: list[Article] = []
    row = 0
    for batch in pf.iter_batches(columns=cols, batch_size=4096):  # flat memory for big shards
        for rec in batch.to_pylist():
            row += 1
            where = f"{path}: row {row}"
            body = rec.get("text")
            if not isinstance(body, str) or not body.strip():
                raise InputError(f"{where}: missing or empty `text`")
            arts.append(_article(path, row, body, **_meta(rec, where)))
    if not arts:
        raise InputError(f"{path}: no rows")
    return arts


def iter_shards(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Shard files under `paths` (files as given; folders walked in name order)."""
    for p in map(Path, paths):
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
        if p.is_file():
            if p.suffix.lower() not in SHARD_SUFFIXES:
                raise InputError(f"{p}: not a shard ({', '.join(SHARD_SUFFIXES)})")
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and Path(name).suffix.lower() in SHARD_SUFFIXES:
                    yield Path(root) / name


def read_shard(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """One shard's articles with language and quality warnings (the corpus readers' rules)."""
    return read_file(Path(path), max_bytes)

"""Ingest files into the store: one transaction per file, idempotent by content hash.

Rules (docs/corpus.md):
- A file's articles are `STEM#N`. If every id and content hash of a file is already stored,
  the file is `unchanged` and nothing is written (re-ingest is idempotent).
- If the file changed (or another file with the same stem was ingested before), its old
  articles, their near-duplicate index rows and any rows later stages derived from them
  (every table with an `article_id` column) are deleted and the new ones inserted, all in the
  same transaction: a failure or kill midway leaves the store exactly as before that file.
- A text equal to a stored article of another id is kept with a `duplicate` warning; a text
  whose MinHash similarity to a stored one is >= 0.8 is kept with `near_duplicate`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from detente.corpus import neardup
from detente.corpus.decode import DEFAULT_MAX_BYTES
from detente.corpus.readers import SUFFIXES, read_file
from detente.corpus.record import Article
from detente.errors import InputError
from detente.store.db import transaction

SKIP_NAMES = ("readme", "license", "licence", "changelog")  # documentation beside data files
MAX_CANDIDATES = 20  # near-duplicate candidates verified per article; keeps cost flat

Warn = Callable[[str], None]


@dataclass
class FileResult:
    path: Path
    status: str  # added | replaced | unchanged | skipped
    ids: list[str] = field(default_factory=list)
    reason: str | None = None


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def articles_written(self) -> int:
        return sum(len(f.ids) for f in self.files if f.status in ("added", "replaced"))


def check_paths(paths: Iterable[Path | str]) -> list[Path]:
    """The paths, after checking each exists (before anything is opened or written)."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError("no input paths given")
    for p in paths:
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
    return paths


def iter_files(paths: Iterable[Path | str], on_warning: Warn) -> Iterator[tuple[Path, bool]]:
    """(file, named explicitly) for every input file; folders are walked recursively in
    sorted order, skipping hidden files, README/LICENSE files and unsupported types."""
    paths = check_paths(paths)
    for p in paths:
        if p.is_file():
            yield p, True
            continue
        found = False
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                f = Path(root) / name
                if name.startswith(".") or f.stem.lower() in SKIP_NAMES:
                    continue
                if f.suffix.lower() not in SUFFIXES:
                    on_warning(f"{f}: skipped, unsupported file type {f.suffix or '(none)'}")
                    continue
                found = True
                yield f, False
        if not found:
            raise InputError(f"{p}: folder has no readable files ({', '.join(SUFFIXES)})")


def ingest_paths(
    con: duckdb.DuckDBPyConnection,
    paths: Iterable[Path | str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_warning: Warn | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read and store every file under `paths`. A bad file named explicitly raises
    InputError (files before it stay committed, it writes nothing); a bad file found in a
    folder is skipped with a warning. `on_start(n_files)` and `on_file(result)` report progress."""
    warn = on_warning or (lambda _msg: None)
    report = IngestReport()
    files = list(iter_files(paths, warn))  # every path checked before anything is written
    if on_start:
        on_start(len(files))
    stems: dict[str, Path] = {}
    for path, explicit in files:
        if path.stem in stems and stems[path.stem] != path:
            # ids are STEM#N (gold/GUIDELINES.md); a second file with the same stem would
            # silently replace the first one's articles
            msg = f"{path}: same name stem as {stems[path.stem]}, so the same article ids; rename one"
            if explicit:
                raise InputError(msg)
            warn(f"skipped {msg}")
            report.files.append(FileResult(path, "skipped", reason=msg))
            continue
        stems[path.stem] = path
        try:
            articles = read_file(path, max_bytes)
        except InputError as exc:
            if explicit:
                raise
            warn(f"skipped {exc}")
            result = FileResult(path, "skipped", reason=str(exc))
        else:
            result = store_file(con, path, articles)
            if articles and articles[0].encoding != "utf-8":
                warn(f"{path}: not valid UTF-8; read as {articles[0].encoding}")
        report.files.append(result)
        if on_file:
            on_file(result)
    if not any(f.status != "skipped" for f in report.files):
        raise InputError("no readable files: " + "; ".join(f.reason or str(f.path) for f in report.files[:3]))
    return report


def _stored_for_stem(con: duckdb.DuckDBPyConnection, stem: str) -> tuple[dict[str, str], set[str]]:
    """{id: content_hash} of the stored articles `STEM#N`, and the files they came from."""
    rows = con.execute(
        # a range on the primary key ('$' follows '#'), then the exact STEM#N form
        "SELECT id, content_hash, source_file FROM articles WHERE id > ? AND id < ? "
        "AND regexp_full_match(substr(id, ?), '[0-9]+')",
        [stem + "#", stem + "$", len(stem) + 2],
    ).fetchall()
    return {r[0]: r[1] for r in rows}, {r[2] for r in rows}


def store_file(con: duckdb.DuckDBPyConnection, path: Path, articles: list[Article]) -> FileResult:
    """Write one file's articles in one transaction (see module docstring). Also the entry
    point for callers that parsed the file themselves (web upload, bulk ingest)."""
    new = {a.id: a.content_hash for a in articles}
    ids = list(new)
    with transaction(con):  # the check too, so a concurrent writer cannot slip in between
        stored, sources = _stored_for_stem(con, path.stem)
        if stored == new:
            return FileResult(path, "unchanged", ids)
        if stored:
            _delete(con, list(stored))
        for art in articles:
            _check_duplicates(con, art)
            insert_article(con, art)
    if not stored:
        return FileResult(path, "added", ids)
    others = sorted(sources - {str(path)})
    reason = f"replaces the articles of {', '.join(others)} (same name stem)" if others else "content changed"
    return FileResult(path, "replaced", ids, reason=reason)


def _delete(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """Delete articles and every row derived from them: any table with an `article_id`
    column (sentences, mentions, events, claims, and tables later stages add)."""
    tables = [r[0] for r in con.execute(
        "SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'article_id' "
        "AND table_schema = current_schema() ORDER BY 1").fetchall()]
    for table in tables:
        con.execute(f'DELETE FROM "{table}" WHERE article_id IN (SELECT unnest(?))', [ids])
    con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [ids])


def _check_duplicates(con: duckdb.DuckDBPyConnection, art: Article) -> None:
    """Add `duplicate` / `near_duplicate` warnings against what is stored (this file's
    earlier articles included) and, if new, index the article's MinHash signature."""
    # a lone equality filter lets DuckDB use the content_hash index (cost flat in store size)
    row = con.execute("SELECT min(id) FILTER (WHERE id <> ?) FROM articles WHERE content_hash = ?",
                      [art.id, art.content_hash]).fetchone()
    if row and row[0]:
        art.warn("duplicate", f"same text as {row[0]}", of=row[0])
        return  # its signature equals the stored one's, which already indexes this text
    sig = neardup.signature(art.body)
    if sig is None:
        return
    keys = neardup.band_keys(sig)
    # `key IN (...)` uses the article_bands_key index: ~1 ms CPU at 180k band rows, where a
    # scan costs ~5 ms and grows with the store; (band, key) is checked here
    rows = con.execute(
        f"SELECT article_id, band, key FROM article_bands WHERE key IN ({', '.join('?' for _ in keys)}) "
        f"LIMIT {MAX_CANDIDATES * neardup.BANDS}",  # bounded however many near-copies exist
        [k for _, k in keys],
    ).fetchall()
    wanted = set(keys)
    cand_ids = list(dict.fromkeys(aid for aid, b, k in rows if (b, k) in wanted))[:MAX_CANDIDATES]
    if cand_ids:
        cands = con.execute("SELECT article_id, sig FROM article_minhash WHERE article_id IN (SELECT unnest(?))",
                            [cand_ids]).fetchall()
        sims = sorted(((neardup.similarity(sig, s), cid) for cid, s in cands), reverse=True)
        close = [(s, cid) for s, cid in sims if s >= neardup.THRESHOLD]
        if close:
            s, cid = close[0]
            art.warn("near_duplicate", f"near-duplicate of {cid} (similarity {s:.2f})", of=cid)
    con.execute("INSERT INTO article_minhash VALUES (?, ?)", [art.id, sig.tolist()])
    con.execute("INSERT INTO article_bands SELECT ?, unnest(?), unnest(?)",
                [art.id, [b for b, _ in keys], [k for _, k in keys]])


COLUMNS = ("id", "source_file", "file_index", "title", "author", "date", "lang", "url", "source", "text",
           "body_start", "words", "content_hash", "encoding", "warnings", "ingested_at", "date_suggested")


def insert_article(con: duckdb.DuckDBPyConnection, art: Article) -> None:
    values = [art.id, art.source_file, art.file_index, art.title, art.author, art.date, art.lang, art.url,
              art.source, art.text, art.body_start, art.words, art.content_hash, art.encoding,
              json.dumps(art.warnings, ensure_ascii=False), datetime.now(timezone.utc).replace(tzinfo=None),
              art.date_suggested]
    con.execute(f"INSERT INTO articles ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})", values)

"""Extraction in chunks of articles: Parquet partitions, then one merge into the store.

1. Plan: the articles to extract, sorted by id, cut into chunks of `chunk_articles`. A
   chunk's id hashes its articles (id, text, body start, date, language) and the extractor's
   own source, so the same chunk always has the same id (and a changed extractor a new one).
2. Run: each chunk (`extract_chunk`, pure) runs on the executor, largest chunk (in
   characters) first so the run does not end on one long chunk alone. Its tables go to
   ``PARTS/<table>/<chunk id>.parquet`` and then the marker ``PARTS/_done/<chunk id>`` (each
   file written to a temporary name and renamed, so a kill leaves no half file). Chunks with
   a marker are skipped: an interrupted run resumes where it stopped.
   Where the workers see PARTS (a `LocalCluster`, or cluster workers sharing the folder,
   probed at the start of the run), the client writes the planned articles once to a
   Parquet snapshot ``PARTS/_input/<run>.parquet`` with one row group per chunk; a chunk
   is then just (snapshot, row group): the worker reads its articles, extracts and writes
   its partition itself, and returns only row counts, so the client (which shares the
   machine's cores with the workers) stays idle while they work. Otherwise the chunk's
   articles travel to the worker and its tables back to the client, which writes them.
3. Merge: in one store transaction, the old extraction of the planned articles is deleted
   and the partitions of the planned chunks inserted, deduplicated on the tables' ids (a
   chunk re-run after a worker died cannot add a row twice). Then PARTS is removed.

A kill before the merge leaves the store as it was and the finished partitions on disk; a
kill during the merge rolls back (DuckDB's WAL replays only committed work).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from detente.execution.chunks import batches, chunk_id
from detente.execution.executor import Executor, LocalExecutor, RunReport
from detente.extract.pipeline import ArticleIn, extract_article, load_articles
from detente.store.db import transaction

CHUNK_ARTICLES = 250  # articles per chunk: ~0.5 s of work on one core (1.6-2 ms per article),
# so Dask's ~4 ms per task (client + scheduler, measured in bench/scale.py) stays below 1%
INPUT = "_input"
INPUT_SCHEMA = pa.schema([("id", pa.string()), ("text", pa.string()), ("body_start", pa.int32()),
                          ("date", pa.date32()), ("lang", pa.string())])

SCHEMAS: dict[str, pa.Schema] = {
    "sentences": pa.schema([("id", pa.string()), ("article_id", pa.string()), ("idx", pa.int32()),
                            ("start_char", pa.int32()), ("end_char", pa.int32()), ("text", pa.string())]),
    "mentions": pa.schema([("article_id", pa.string()), ("sentence_id", pa.string()), ("start_char", pa.int32()),
                           ("end_char", pa.int32()), ("text", pa.string()), ("actor", pa.string()),
                           ("wikidata", pa.string()), ("country", pa.string()), ("kind", pa.string())]),
    "events": pa.schema([("id", pa.string()), ("article_id", pa.string()), ("sentence_id", pa.string()),
                         ("sentence", pa.string()), ("start_char", pa.int32()), ("end_char", pa.int32()),
                         ("type", pa.string()), ("mode", pa.string()), ("source", pa.string()),
                         ("source_country", pa.string()), ("target", pa.string()), ("target_country", pa.string()),
                         ("date", pa.date32()), ("status", pa.string()), ("location", pa.string()),
                         ("trigger", pa.string()), ("note", pa.string())]),
    "claims": pa.schema([("id", pa.string()), ("article_id", pa.string()), ("sentence_id", pa.string()),
                         ("sentence", pa.string()), ("start_char", pa.int32()), ("end_char", pa.int32()),
                         ("actor", pa.string()), ("actor_country", pa.string()), ("issue", pa.string()),
                         ("stance", pa.string()), ("note", pa.string())]),
}
TABLES = tuple(SCHEMAS)
DONE = "_done"


@dataclass
class ExtractReport:
    counts: dict[str, int]
    run: RunReport
    chunks: list[str] = field(default_factory=list)


def extract_chunk(articles: Sequence[ArticleIn]) -> dict[str, pa.Table]:
    """Extract a chunk of articles (pure); one Arrow table per store table."""
    import datetime as dt

    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
    for art in articles:
        r = extract_article(art)
        rows["sentences"] += [(s.id, s.article_id, s.idx, s.start, s.end, s.text) for s in r.sentences]
        rows["mentions"] += [(m.article_id, m.sentence_id, m.start, m.end, m.text, m.actor, m.wikidata, m.country,
                              m.kind) for m in r.mentions]
        rows["events"] += [(e.id, e.article, e.sentence_id, e.sentence, e.start, e.end, e.type, e.mode, e.source,
                            e.source_country, e.target, e.target_country,
                            dt.date.fromisoformat(e.date) if e.date else None, e.status, e.location, e.trigger,
                            e.note) for e in r.events]
        rows["claims"] += [(c.id, c.article, c.sentence_id, c.sentence, c.start, c.end, c.actor, c.actor_country,
                            c.issue, c.stance, c.note) for c in r.claims]
    out = {}
    for t, schema in SCHEMAS.items():
        cols = list(zip(*rows[t])) if rows[t] else [[] for _ in schema]
        out[t] = pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(cols, schema)], schema=schema)
    return out


@dataclass(frozen=True)
class ArticleSlice:
    """A chunk's articles as a place on disk: row group `row_group` of the Parquet file
    `path` (columns of `INPUT_SCHEMA`), so a worker reads them instead of being sent them."""

    path: str
    row_group: int


@dataclass(frozen=True)
class ChunkTask:
    """One chunk of an extraction run: its id, its articles (in memory, or an `ArticleSlice`)
    and, when the worker writes its own partition, the PARTS folder."""

    cid: str
    articles: Sequence[ArticleIn] | ArticleSlice
    parts: str | None = None


def read_slice(sl: ArticleSlice) -> list[ArticleIn]:
    """The articles of one row group of an input Parquet file."""
    pf = pq.ParquetFile(sl.path)
    rows = pf.read_row_group(sl.row_group, columns=INPUT_SCHEMA.names).to_pylist()
    return [ArticleIn(r["id"], r["text"] or "", int(r["body_start"] or 0), r["date"], r["lang"]) for r in rows]


def input_table(articles: Sequence[ArticleIn]) -> pa.Table:
    """Articles as an Arrow table of `INPUT_SCHEMA` (one row group of a snapshot or shard)."""
    return pa.table([[a.id for a in articles], [a.text for a in articles], [a.body_start for a in articles],
                     [a.date for a in articles], [a.lang for a in articles]], schema=INPUT_SCHEMA)


def write_snapshot(groups: Sequence[Sequence[ArticleIn]], path: Path) -> None:
    """Write `groups` to one Parquet file, group i as row group i (read back by `read_slice`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with pq.ParquetWriter(tmp, INPUT_SCHEMA) as w:
        for g in groups:
            w.write_table(input_table(g), row_group_size=max(1, len(g)))
    os.replace(tmp, path)


def run_task(task: ChunkTask) -> dict[str, pa.Table] | dict[str, int]:
    """Extract one chunk. With `task.parts` the worker writes the partition and returns row
    counts; without, it returns the tables for the client to write."""
    arts = read_slice(task.articles) if isinstance(task.articles, ArticleSlice) else task.articles
    tables = extract_chunk(arts)
    if task.parts is None:
        return tables
    write_partition(Path(task.parts), task.cid, tables)
    return {t: tb.num_rows for t, tb in tables.items()}


def run_chunks(executor: Executor, tasks: Sequence[ChunkTask], parts: Path, weights: Sequence[int] | None = None,
               progress: Callable[[int], None] | None = None, sizes: Sequence[int] | None = None) -> dict[str, int]:
    """Run `tasks` on `executor`, heaviest `weights` first (e.g. characters per chunk), and
    make sure every chunk's partition is in `parts`; returns row counts summed over chunks."""
    parts = Path(parts)
    for t in (*TABLES, DONE):
        (parts / t).mkdir(parents=True, exist_ok=True)
    order = sorted(range(len(tasks)), key=lambda i: -weights[i]) if weights is not None else list(range(len(tasks)))
    totals = dict.fromkeys(TABLES, 0)
    for j, res in executor.imap(run_task, [tasks[i] for i in order], [tasks[i].cid for i in order]):
        task = tasks[order[j]]
        if task.parts is None:
            write_partition(parts, task.cid, res)
            res = {t: tb.num_rows for t, tb in res.items()}
        for t in TABLES:
            totals[t] += res[t]
        if progress:
            progress(sizes[order[j]] if sizes is not None else 0)
    return totals


def extractor_fingerprint() -> str:
    """Hash of the extraction code and its lexicons: partitions from other code are not reused."""
    h = hashlib.sha256()
    for pkg, suffixes in (("detente.extract", (".py",)), ("detente.data", (".yaml", ".yml", ".json", ".tsv", ".txt"))):
        try:
            root = resources.files(pkg)
        except ModuleNotFoundError:
            continue
        for name, data in _walk(root, "", suffixes):
            h.update(name.encode())
            h.update(data)
    return h.hexdigest()[:16]


def _walk(node, prefix: str, suffixes: tuple[str, ...]):
    """(relative path, bytes) of every matching file under node, sub-folders too (data/lang/*.yaml)."""
    for entry in sorted(node.iterdir(), key=lambda e: e.name):
        name = f"{prefix}{entry.name}"
        if entry.is_dir() and entry.name != "__pycache__":
            yield from _walk(entry, name + "/", suffixes)
        elif entry.is_file() and entry.name.endswith(suffixes):
            yield name, entry.read_bytes()


def plan(articles: Sequence[ArticleIn], chunk_articles: int = CHUNK_ARTICLES) -> list[tuple[str, Sequence[ArticleIn]]]:
    """(chunk id, articles) per chunk, articles in id order."""
    fp = extractor_fingerprint()
    arts = sorted(articles, key=lambda a: a.id)
    out = []
    for group in batches(arts, chunk_articles):
        key = [(a.id, hashlib.sha256(a.text.encode()).hexdigest(), a.body_start, a.date, a.lang) for a in group]
        out.append((chunk_id("extract", fp, key), group))
    return out


def _write_atomic(table: pa.Table, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def write_partition(parts: Path, cid: str, tables: dict[str, pa.Table]) -> None:
    """A chunk's tables, then its marker: a chunk counts as done only when all are on disk."""
    for t, table in tables.items():
        (parts / t).mkdir(parents=True, exist_ok=True)
        _write_atomic(table, parts / t / f"{cid}.parquet")
    (parts / DONE).mkdir(parents=True, exist_ok=True)
    marker = parts / DONE / cid
    tmp = marker.with_name(f".{cid}.tmp")
    tmp.write_text(json.dumps({t: tables[t].num_rows for t in tables}))
    os.replace(tmp, marker)


def is_done(parts: Path, cid: str) -> bool:
    return (parts / DONE / cid).is_file() and all((parts / t / f"{cid}.parquet").is_file() for t in TABLES)


def merge(con: Any, parts: Path, chunk_ids: Sequence[str], article_ids: Sequence[str]) -> dict[str, int]:
    """Replace the stored extraction of `article_ids` by the partitions of `chunk_ids`, in one
    transaction, each table deduplicated on its id (mentions on the whole row)."""
    counts = {}
    with transaction(con):
        con.execute("CREATE TEMP TABLE IF NOT EXISTS _merge_ids (id VARCHAR)")
        con.execute("DELETE FROM _merge_ids")
        con.execute("INSERT INTO _merge_ids SELECT unnest(?)", [list(article_ids)])
        for t, schema in SCHEMAS.items():
            con.execute(f"DELETE FROM {t} WHERE article_id IN (SELECT id FROM _merge_ids)")
            if not chunk_ids:
                counts[t] = 0
                continue
            files = [str(parts / t / f"{c}.parquet") for c in chunk_ids]
            cols = ", ".join(schema.names)
            src = "read_parquet(?)"
            if "id" in schema.names:
                sel = f"SELECT DISTINCT ON (id) {cols} FROM {src} ORDER BY id"
            else:
                sel = f"SELECT DISTINCT {cols} FROM {src} ORDER BY article_id, start_char, end_char, text"
            n_before = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            con.execute(f"INSERT INTO {t} ({cols}) {sel}", [files])
            counts[t] = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] - n_before
        con.execute("DROP TABLE _merge_ids")
    return counts


def default_parts_dir(db: Path | str) -> Path:
    """Where a store's extraction partitions live until merged: beside the store file."""
    if str(db) == ":memory:":
        return Path(tempfile.mkdtemp(prefix="detente-extract-"))
    p = Path(db)
    return p.with_name(p.name + ".extract-parts")


def extract_store(con: Any, parts: Path, *, article_ids: Sequence[str] | None = None,
                  executor: Executor | None = None, chunk_articles: int = CHUNK_ARTICLES,
                  progress: Callable[[int], None] | None = None, keep_parts: bool = False) -> ExtractReport:
    """Extract stored articles (all, or `article_ids`) through `executor` and merge (see module doc)."""
    executor = executor or LocalExecutor(1)
    arts = load_articles(con, article_ids)
    chunks = plan(arts, chunk_articles)
    parts = Path(parts)
    parts.mkdir(parents=True, exist_ok=True)
    todo = [(cid, group) for cid, group in chunks if not is_done(parts, cid)]
    executor.report.skipped += len(chunks) - len(todo)
    if progress:
        progress(sum(len(g) for cid, g in chunks if is_done(parts, cid)))
    sizes = [len(g) for _, g in todo]
    weights = [sum(len(a.text) for a in g) for _, g in todo]
    if todo and executor.sees(parts):
        snap = parts / INPUT / f"{chunk_id('input', [cid for cid, _ in todo])}.parquet"
        write_snapshot([g for _, g in todo], snap)
        tasks = [ChunkTask(cid, ArticleSlice(str(snap), i), str(parts)) for i, (cid, _) in enumerate(todo)]
    else:
        tasks = [ChunkTask(cid, list(g)) for cid, g in todo]
    run_chunks(executor, tasks, parts, weights, progress, sizes)
    ids = [cid for cid, _ in chunks]
    merged = merge(con, parts, ids, [a.id for a in arts])
    if not keep_parts:
        shutil.rmtree(parts, ignore_errors=True)
    counts = {"articles": len(arts), **merged}
    return ExtractReport(counts, executor.report, ids)

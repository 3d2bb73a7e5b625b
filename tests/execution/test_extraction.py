"""Partitioned extraction: same rows as the one-process pipeline, resumable, deduplicated."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.execution.extraction import TABLES, extract_store, is_done, plan, write_partition, extract_chunk
from detente.extract.pipeline import extract_articles, load_articles
from detente.store.db import connect

runner = CliRunner()


def rows(db: Path) -> dict[str, list[tuple]]:
    con = connect(db, read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


@pytest.fixture(scope="module")
def reference(small_store, tmp_path_factory):
    """The stored extraction of the one-process pipeline (detente.extract)."""
    import shutil

    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    shutil.copy(small_store, db)
    con = connect(db)
    extract_articles(con)
    con.close()
    return rows(db)


def test_partitioned_run_equals_pipeline(store_copy, reference, tmp_path):
    db = store_copy()
    con = connect(db)
    rep = extract_store(con, tmp_path / "parts", chunk_articles=1)
    con.close()
    assert rep.run.chunks == 3 and rep.run.skipped == 0
    assert rep.counts["events"] == len(reference["events"]) > 0
    assert rows(db) == reference
    assert not (tmp_path / "parts").exists()  # removed after the merge


def test_interrupted_run_resumes_to_the_same_rows(store_copy, reference, tmp_path, frozen_fingerprint):
    db = store_copy()
    parts = tmp_path / "parts"
    con = connect(db)
    seen = []

    def stop_after_first(n):
        seen.append(n)
        if len(seen) == 2:  # first call reports resumed work (0), second the first finished chunk
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_store(con, parts, chunk_articles=1, progress=stop_after_first)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0  # nothing merged
    done = [cid for cid, _ in plan(load_articles(con), 1) if is_done(parts, cid)]
    assert len(done) == 1
    rep = extract_store(con, parts, chunk_articles=1)
    con.close()
    assert rep.run.skipped == 1 and rep.run.chunks == 2
    assert rows(db) == reference


def test_merge_deduplicates_a_chunk_written_twice(store_copy, reference, tmp_path):
    db = store_copy()
    parts = tmp_path / "parts"
    con = connect(db)
    chunks = plan(load_articles(con), 1)
    cid, group = chunks[0]
    tables = extract_chunk(group)
    write_partition(parts, cid, tables)
    write_partition(parts, cid, tables)  # a chunk re-run after a lost worker writes again
    extract_store(con, parts, chunk_articles=1)
    con.close()
    assert rows(db) == reference


def test_cli_extract_then_export_parquet(store_copy, reference, tmp_path):
    import pyarrow.parquet as pq

    db = store_copy()
    res = runner.invoke(app, ["extract", "--db", str(db), "--chunk-articles", "2"])
    assert res.exit_code == 0, res.output
    assert rows(db) == reference
    out = tmp_path / "export"
    res = runner.invoke(app, ["export", "--db", str(db), "--parquet", str(out)])
    assert res.exit_code == 0, res.output
    events = pq.read_table(out / "events.parquet")
    assert events.num_rows == len(reference["events"])
    assert pq.read_table(out / "articles.parquet").num_rows == 3
    assert not (out / "article_bands.parquet").exists()


def test_cli_errors_are_one_line(store_copy, tmp_path):
    db = store_copy()
    res = runner.invoke(app, ["export", "--db", str(db)])
    assert res.exit_code == 2 and "--parquet" in res.output
    res = runner.invoke(app, ["export", "--db", str(db), "--parquet", str(tmp_path / "x"), "--table", "nope"])
    assert res.exit_code == 2 and "no table 'nope'" in res.output
    res = runner.invoke(app, ["extract", "--db", str(db), "--chunk-articles", "0"])
    assert res.exit_code == 2 and "--chunk-articles" in res.output


def test_snapshot_row_groups_read_back_as_the_chunks(tmp_path):
    import datetime as dt

    from detente.execution.extraction import ArticleSlice, read_slice, write_snapshot
    from detente.extract.pipeline import ArticleIn

    groups = [[ArticleIn("a#1", "Putin traf Trump.", 0, dt.date(2025, 8, 15), "de"),
               ArticleIn("a#2", "Titel\n\nRussia rejected the plan.", 7, None, None)],
              [ArticleIn("b#1", "Kyiv welcomed the offer.", 0, dt.date(2025, 1, 2), "en")]]
    snap = tmp_path / "in.parquet"
    write_snapshot(groups, snap)
    assert [read_slice(ArticleSlice(str(snap), i)) for i in range(2)] == groups


def test_chunks_run_heaviest_first_and_workers_can_write_their_partitions(tmp_path):
    from detente.execution import LocalExecutor
    from detente.execution.extraction import ChunkTask, run_chunks
    from detente.extract.pipeline import ArticleIn

    arts = [ArticleIn(f"x#{i}", text, 0, None, "en") for i, text in enumerate(
        ["Russia attacked Ukraine.", "Trump met Putin in Alaska. Zelensky rejected the plan.", "Kyiv thanked Berlin."])]
    shipped = [ChunkTask(f"c{i}", [a]) for i, a in enumerate(arts)]
    written = [ChunkTask(f"c{i}", [a], str(tmp_path / "w")) for i, a in enumerate(arts)]
    order: list[int] = []
    weights = [len(a.text) for a in arts]
    totals = run_chunks(LocalExecutor(1), shipped, tmp_path / "s", weights, order.append, sizes=[0, 1, 2])
    assert order == [1, 0, 2]  # most characters first
    assert run_chunks(LocalExecutor(1), written, tmp_path / "w", weights) == totals
    assert totals["sentences"] == 4
    for t in TABLES:
        for i in range(3):
            a, b = (tmp_path / d / t / f"c{i}.parquet" for d in ("s", "w"))
            assert a.read_bytes() == b.read_bytes()
    assert all(is_done(tmp_path / "w", f"c{i}") for i in range(3))

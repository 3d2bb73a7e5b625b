"""Sharded JSONL/Parquet corpora through `detente ingest` (corpus/bulk.py)."""

import json
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.corpus import ingest_paths
from detente.corpus.bulk import iter_shards, read_parquet
from detente.errors import InputError
from detente.store.db import connect

TEXTS = [
    "Selenskyj lehnt einen Rückzug aus dem Donbass ab. Die Verhandlungen gehen weiter.",
    "Putin fordert den Abzug der ukrainischen Truppen aus Donezk.",
    "The European Union agreed new sanctions on Russian oil on Friday.",
]


@pytest.fixture
def shards(tmp_path):
    d = tmp_path / "shards"
    d.mkdir()
    pq.write_table(pa.table({"text": TEXTS[:2], "title": ["Kiew", "Moskau"],
                             "date": [date(2025, 10, 1), date(2025, 10, 2)], "lang": ["de", "de"]}),
                   d / "news-00000.parquet")
    pq.write_table(pa.table({"text": TEXTS[2:], "source": ["Reuters"]}), d / "news-00001.parquet")
    (d / "news-00002.jsonl").write_text(json.dumps({"text": TEXTS[0] + " Neu.", "date": "2025-10-03"}) + "\n")
    return d


def test_parquet_shard_rows_become_articles(shards):
    arts = read_parquet(shards / "news-00000.parquet")
    assert [a.id for a in arts] == ["news-00000#1", "news-00000#2"]
    assert arts[0].title == "Kiew" and arts[1].date == date(2025, 10, 2) and arts[0].text == TEXTS[0]
    assert [p.name for p in iter_shards([shards])] == ["news-00000.parquet", "news-00001.parquet", "news-00002.jsonl"]


def test_ingest_a_folder_of_shards_is_idempotent(shards, tmp_path):
    con = connect(tmp_path / "s.duckdb")
    rep = ingest_paths(con, [shards])
    assert rep.articles_written == 4
    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    assert ids == ["news-00000#1", "news-00000#2", "news-00001#1", "news-00002#1"]
    assert con.execute("SELECT source FROM articles WHERE id = 'news-00001#1'").fetchone()[0] == "Reuters"
    again = ingest_paths(con, [shards])
    assert again.count("unchanged") == 3 and again.articles_written == 0
    con.close()


def test_bad_shard_names_file_and_row(tmp_path):
    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"body": ["x"]}), bad)
    with pytest.raises(InputError, match=r"bad.parquet: no `text` column"):
        read_parquet(bad)
    empty_row = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"text": ["ok text here", " "]}), empty_row)
    with pytest.raises(InputError, match=r"rows.parquet: row 2: missing or empty `text`"):
        read_parquet(empty_row)
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"not parquet at all")
    res = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "x.duckdb"), str(junk)])
    assert res.exit_code == 2 and "junk.parquet: not a readable Parquet file" in res.output

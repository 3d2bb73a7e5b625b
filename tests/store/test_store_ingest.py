"""Store behaviour of ingest: idempotency, replacement, duplicates, atomicity (fail and kill)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from detente.corpus import ingest as ingest_mod
from detente.corpus import ingest_paths
from detente.store.db import connect

TABLES = ("articles", "article_minhash", "article_bands", "sentences")


def snapshot(con) -> dict[str, list]:
    """Every row of the tables ingest writes, ingest time left out (it changes by design)."""
    out = {}
    for t in TABLES:
        cols = [c[0] for c in con.execute(f"DESCRIBE {t}").fetchall() if c[0] != "ingested_at"]
        out[t] = sorted(con.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall(), key=repr)
    return out


@pytest.fixture()
def corpus(tmp_path: Path, example_corpus: Path) -> Path:
    dst = tmp_path / "corpus"
    shutil.copytree(example_corpus, dst)
    return dst


def _one(corpus: Path, prefix: str) -> Path:
    return next(corpus.glob(f"{prefix}_*.txt"))


def test_reingest_is_idempotent(tmp_path: Path, corpus: Path) -> None:
    con = connect(tmp_path / "s.duckdb")
    first = ingest_paths(con, [corpus])
    before = con.execute("SELECT id, content_hash, ingested_at FROM articles ORDER BY id").fetchall()
    again = ingest_paths(con, [corpus])
    assert first.articles_written == 13 and first.count("added") == 5
    assert again.articles_written == 0 and again.count("unchanged") == 5
    assert con.execute("SELECT id, content_hash, ingested_at FROM articles ORDER BY id").fetchall() == before


def test_changed_file_replaces_its_articles_and_derived_rows(tmp_path: Path, corpus: Path) -> None:
    con = connect(tmp_path / "s.duckdb")
    f = _one(corpus, "001")
    ingest_paths(con, [f])
    stem = f.stem
    con.execute("INSERT INTO sentences VALUES (?, ?, 0, 0, 5, 'Trump')", [f"{stem}#9:s0", f"{stem}#9"])
    # keep only the first two columns, edited
    text = f.read_text(encoding="utf-8")
    cut = text.index("Putin blieb ohne Trump |")
    f.write_text(text[:cut].replace("Budapest", "Wien"), encoding="utf-8")
    report = ingest_paths(con, [f])
    assert report.files[0].status == "replaced"
    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    assert ids == [f"{stem}#1", f"{stem}#2"]
    assert "Wien" in con.execute("SELECT text FROM articles WHERE id = ?", [f"{stem}#1"]).fetchone()[0]
    assert con.execute("SELECT count(*) FROM sentences").fetchone()[0] == 0  # stale derived rows gone


def test_duplicate_and_near_duplicate_are_kept_with_warnings(tmp_path: Path, corpus: Path) -> None:
    src = _one(corpus, "002")
    text = src.read_text(encoding="utf-8")
    folder = tmp_path / "dups"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("\n", "\r\n"), encoding="utf-8")  # same text
    paras = text.split("\n\n")
    paras[-2] = "Ein ganz anderer Absatz steht hier."  # one paragraph of many changed
    (folder / "c.txt").write_text("\n\n".join(paras), encoding="utf-8")
    (folder / "d.txt").write_text(_one(corpus, "003").read_text(encoding="utf-8"), encoding="utf-8")
    con = connect(tmp_path / "s.duckdb")
    ingest_paths(con, [folder])
    warns = {i: json.loads(w) for i, w in con.execute("SELECT id, warnings FROM articles").fetchall()}
    assert len(warns) == 4
    assert [(w["code"], w["of"]) for w in warns["b#1"] if w["code"] == "duplicate"] == [("duplicate", "a#1")]
    near = [w for w in warns["c#1"] if w["code"] == "near_duplicate"]
    assert [w["of"] for w in near] == ["a#1"]
    assert not [w for w in warns["d#1"] + warns["a#1"] if "duplicate" in w["code"]]


def test_failure_mid_file_leaves_store_unchanged(tmp_path: Path, corpus: Path, monkeypatch) -> None:
    con = connect(tmp_path / "s.duckdb")
    ingest_paths(con, [_one(corpus, "000"), _one(corpus, "001")])
    f = _one(corpus, "001")
    f.write_text(f.read_text(encoding="utf-8").replace("Trump", "Tramp"), encoding="utf-8")  # force a rewrite
    before = snapshot(con)
    real = ingest_mod.insert_article
    calls = []

    def failing(con_, art):
        calls.append(art.id)
        if len(calls) == 5:
            raise RuntimeError("disk full (injected)")
        real(con_, art)

    monkeypatch.setattr(ingest_mod, "insert_article", failing)
    with pytest.raises(RuntimeError, match="injected"):
        ingest_paths(con, [f])
    assert len(calls) == 5
    assert snapshot(con) == before
    con.close()
    assert snapshot(connect(tmp_path / "s.duckdb")) == before  # and on disk


KILL_SCRIPT = """
import os, signal, sys
from detente.corpus import ingest as m
from detente.store.db import connect
real, n = m.insert_article, []
def dying(con, art):
    n.append(1)
    if len(n) == 4:
        os.kill(os.getpid(), signal.SIGKILL)
    real(con, art)
m.insert_article = dying
m.ingest_paths(connect(sys.argv[1]), [sys.argv[2]])
"""


def test_kill_mid_file_leaves_store_unchanged(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.duckdb"
    con = connect(db)
    ingest_paths(con, [_one(corpus, "000")])
    before = snapshot(con)
    con.close()
    proc = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(db), str(_one(corpus, "001"))],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    assert snapshot(connect(db)) == before


def test_same_stem_in_two_folders_is_not_silently_merged(tmp_path: Path, corpus: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(_one(corpus, "003"), other / _one(corpus, "000").name)
    warned: list[str] = []
    con = connect(tmp_path / "s.duckdb")
    report = ingest_paths(con, [corpus, other], on_warning=warned.append)
    assert report.count("skipped") == 1 and "same name stem" in warned[0]
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 13


def test_same_stem_in_a_later_run_replaces_and_says_so(tmp_path: Path, corpus: Path) -> None:
    con = connect(tmp_path / "s.duckdb")
    ingest_paths(con, [_one(corpus, "000")])
    other = tmp_path / "other"
    other.mkdir()
    clash = other / _one(corpus, "000").name
    shutil.copy(_one(corpus, "003"), clash)
    report = ingest_paths(con, [clash])
    assert report.files[0].status == "replaced"
    assert str(_one(corpus, "000")) in report.files[0].reason
    assert con.execute("SELECT source_file FROM articles").fetchall() == [(str(clash),)]

"""`detente ingest` / `detente articles` on good and bad input: one clear line, exit 2,
nothing half-written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.store.db import connect

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def count(db: Path) -> int:
    con = connect(db, read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


@pytest.fixture()
def db(tmp_path: Path, example_corpus: Path) -> Path:
    """A store already holding the three single-article seed files 000, 002, 003."""
    path = tmp_path / "store.duckdb"
    files = [next(example_corpus.glob(f"{p}_*.txt")) for p in ("000", "002", "003")]
    assert run("ingest", "--db", path, *files).exit_code == 0
    return path


def test_ingest_and_list_the_seed(tmp_path: Path, example_corpus: Path) -> None:
    db = tmp_path / "seed.duckdb"
    res = run("ingest", "--db", db, example_corpus)
    assert res.exit_code == 0, res.output
    assert "13 articles written from 5 files" in res.output
    res = run("articles", "--db", db, "--json")
    assert res.exit_code == 0
    rows = json.loads(res.stdout)
    assert len(rows) == 13
    assert set(rows[0]) >= {"id", "date", "lang", "author", "title", "words", "warnings", "source_file"}
    fifth = next(r for r in rows if r["id"].endswith("001_326afa099a296fc4#5"))
    assert fifth["date"] == "2026-10-21" and fifth["warnings"][0]["code"] == "date_outlier"
    table = run("articles", "--db", db)
    assert table.exit_code == 0 and "date_outlier" in table.stdout and "Vitaly Portnikov" in table.stdout


def test_articles_on_a_missing_store(tmp_path: Path) -> None:
    res = run("articles", "--db", tmp_path / "none.duckdb")
    assert res.exit_code == 2 and "no such store" in res.output


def test_articles_on_a_store_without_articles(tmp_path: Path) -> None:
    import duckdb

    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    res = run("articles", "--db", tmp_path / "other.duckdb")
    assert res.exit_code == 2 and "no articles table" in res.output


def _bad(tmp_path: Path, name: str, content: bytes) -> Path:
    f = tmp_path / name
    f.write_bytes(content)
    return f


GOOD_MD = "---\ntitle: T\ndate: 2025-10-01\n---\nDer Kreml wies den Vorschlag zurück. Ein zweiter Satz folgt hier.\n"
BAD_INPUTS = [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"\n \n", "empty file"),
    ("bad_front.md", b"---\ntitle: [unclosed\nauthor: X\n---\nText.\n", "bad_front.md:3: malformed front matter"),
    ("open_front.md", b"---\ntitle: X\nText without end\n", "open_front.md:1: malformed front matter: no closing `---`"),
    ("bad_date.md", GOOD_MD.replace("2025-10-01", "soon").encode(), "date 'soon' is not an ISO date"),
    ("lines.jsonl", b'{"text": "Eins zwei drei."}\n{"text": "broken\n', "lines.jsonl:2: malformed JSON line"),
    ("notext.jsonl", b'{"text": "Eins zwei drei."}\n\n{"title": "x"}\n', "notext.jsonl:3: missing or empty `text`"),
    ("notes.pdf", b"%PDF-1.4", "unsupported file type .pdf"),
    ("nofeed.rss", b"<html><body>no feed</body></html>", "not an RSS/Atom feed"),
    ("menu.html", b"<html><body><nav><a href='/'>Start</a> Menu</nav></body></html>", "no main text found"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_file_named_explicitly(tmp_path: Path, db: Path, name: str, content: bytes, message: str) -> None:
    before = count(db)
    res = run("ingest", "--db", db, _bad(tmp_path, name, content))
    assert res.exit_code == 2
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and name in lines[0] and message in lines[0], res.output
    assert count(db) == before


def test_bad_files_in_a_folder_are_skipped_with_warnings(tmp_path: Path, db: Path, example_corpus: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, content, _ in BAD_INPUTS:
        (folder / name).write_bytes(content)
    shutil.copy(next(example_corpus.glob("004_*.txt")), folder)
    res = run("ingest", "--db", db, folder)
    assert res.exit_code == 0, res.output
    warnings = [line for line in res.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == len(BAD_INPUTS)
    assert count(db) == 4


def test_missing_path(tmp_path: Path, db: Path, example_corpus: Path) -> None:
    res = run("ingest", "--db", db, example_corpus, tmp_path / "nope")
    assert res.exit_code == 2 and "nope: no such file or folder" in res.output
    assert count(db) == 3  # checked before anything was written


def test_missing_path_does_not_create_a_store(tmp_path: Path) -> None:
    res = run("ingest", "--db", tmp_path / "new.duckdb", tmp_path / "nope.txt")
    assert res.exit_code == 2 and not (tmp_path / "new.duckdb").exists()


def test_many_files_show_a_progress_bar_and_a_summary(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(25):
        (folder / f"n{i:02d}.txt").write_text(f"Titel {i}\n\nDer Kreml wies am Montag den Vorschlag Nummer {i} zurück.\n",
                                              encoding="utf-8")
    res = run("ingest", "--db", tmp_path / "m.duckdb", folder)
    assert res.exit_code == 0, res.output
    assert "25 articles written from 25 files" in res.output and "added" not in res.output


def test_folder_without_readable_files(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "README.md").write_text("# about\n")
    (folder / "image.png").write_bytes(b"\x89PNG")
    res = run("ingest", "--db", db, folder)
    assert res.exit_code == 2 and "folder has no readable files" in res.output
    assert count(db) == 3


def test_folder_whose_files_are_all_bad(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    res = run("ingest", "--db", db, folder)
    assert res.exit_code == 2 and "no readable files" in res.output and "empty.txt" in res.output


def test_size_limit(tmp_path: Path, db: Path, example_corpus: Path) -> None:
    big = next(example_corpus.glob("001_*.txt"))
    res = run("ingest", "--db", db, "--max-size", "10KB", big)
    assert res.exit_code == 2 and "over the size limit of 10,240 bytes" in res.output and big.name in res.output
    res = run("ingest", "--db", db, "--max-size", "lots", big)
    assert res.exit_code == 2 and "--max-size" in res.output
    assert count(db) == 3


def test_non_utf8_falls_back_to_cp1252_and_says_so(tmp_path: Path, db: Path) -> None:
    text = "Größere Verhandlungen – „Gipfel“ in Budapest\n\nDer Kreml äußerte sich am Montag zu den Gesprächen über einen Waffenstillstand.\n"
    f = _bad(tmp_path, "win.txt", text.encode("cp1252"))
    res = run("ingest", "--db", db, f)
    assert res.exit_code == 0
    assert "not valid UTF-8; read as cp1252" in res.output
    con = connect(db, read_only=True)
    enc, warns, body = con.execute("SELECT encoding, warnings, text FROM articles WHERE id = 'win#1'").fetchone()
    assert enc == "cp1252" and body == text
    assert [w["code"] for w in json.loads(warns)] == ["encoding_fallback", "no_date"]

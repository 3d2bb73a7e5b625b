"""The seed corpus: splitting, headers, warnings, and agreement with the gold annotation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from detente.corpus import ingest_paths, read_file
from detente.store.db import connect


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory, example_corpus: Path):
    db = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    con = connect(db)
    ingest_paths(con, [example_corpus])
    yield con
    con.close()


def _rows(con) -> dict[str, dict]:
    cur = con.execute("SELECT * FROM articles")
    cols = [d[0] for d in cur.description]
    return {r[0]: dict(zip(cols, r)) for r in cur.fetchall()}


def test_001_splits_into_nine_columns(example_corpus: Path) -> None:
    path = next(example_corpus.glob("001_*.txt"))
    arts = read_file(path)
    assert [a.id for a in arts] == [f"{path.stem}#{n}" for n in range(1, 10)]
    assert arts[0].title == "Trump hat Putin eine Abfuhr erteilt. Neue Sanktionen und Absage des Gipfels"
    assert arts[8].title == "Politischer Albtraum Trumps und Putins"
    assert {a.author for a in arts} == {"Vitaly Portnikov"}
    assert [a.date.day for a in arts] == [23, 22, 21, 21, 21, 20, 20, 19, 18]
    # the slices tile the file exactly
    assert "".join(a.text for a in arts) == path.read_text(encoding="utf-8")
    # the pasted second column without a `|` header stays in #9
    assert "Drehen im ovalen Kreis" in arts[8].text


def test_2026_date_is_flagged_with_the_likely_date(example_corpus: Path) -> None:
    arts = read_file(next(example_corpus.glob("001_*.txt")))
    fifth = arts[4]
    assert fifth.date == date(2026, 10, 21)  # stored as printed
    assert fifth.warning_codes() == ["date_outlier"]
    assert fifth.warnings[0]["suggested_date"] == "2025-10-21"
    assert "likely 2025-10-21" in fifth.warnings[0]["message"]
    assert fifth.date_suggested == date(2025, 10, 21)
    assert all(not a.warnings for i, a in enumerate(arts) if i != 4)


def test_seed_layouts_and_warnings(seed_store) -> None:
    rows = _rows(seed_store)
    assert len(rows) == 13
    by_prefix = {k.split("_")[0] + "#" + k.split("#")[1]: v for k, v in rows.items()}
    a000, a002, a003, a004 = (by_prefix[k] for k in ("000#1", "002#1", "003#1", "004#1"))
    assert (a000["title"], a000["author"], a000["date"]) == (None, "Andrew Korybko", date(2025, 10, 20))
    assert a000["text"][a000["body_start"]:].startswith("Der geopolitische Kontext")
    assert (a003["title"], a003["author"], a003["date"]) == (None, None, date(2025, 10, 17))
    assert a003["text"][a003["body_start"]:].startswith("Für Wladimir Putin war bisher")
    assert a002["author"] == "Sergei Poletajew" and a002["date"] is None
    assert a004["author"] == "Thomas Schmidt"
    assert a004["text"][a004["body_start"]:].startswith("Russlands überraschende Annäherung")
    codes = {k: [w["code"] for w in json.loads(v["warnings"])] for k, v in by_prefix.items()}
    assert codes["002#1"] == ["no_date"]
    assert sorted(codes["004#1"]) == ["no_date", "title_repeated"]
    assert codes["001#5"] == ["date_outlier"]
    assert all(v["lang"] == "de" for v in rows.values())
    assert all(v["encoding"] == "utf-8" for v in rows.values())


def test_matches_gold_articles(seed_store, gold_dir: Path) -> None:
    rows = _rows(seed_store)
    gold = [json.loads(line) for line in (gold_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(rows) == sorted(g["article"] for g in gold)
    for g in gold:
        row = rows[g["article"]]
        assert row["title"] == g["title"], g["article"]
        assert row["author"] == g["author"], g["article"]
        stored = row["date_suggested"] or row["date"]
        assert (stored.isoformat() if stored else None) == g["date"], g["article"]
        assert row["text"].split("\n", 1)[0] == g["first_line"]


def test_gold_sentences_are_in_the_body(seed_store, gold_dir: Path) -> None:
    rows = _rows(seed_store)
    for line in (gold_dir / "events.jsonl").read_text(encoding="utf-8").splitlines():
        ev = json.loads(line)
        row = rows[ev["article"]]
        assert row["text"].find(ev["sentence"], row["body_start"]) >= 0, (ev["article"], ev["sentence"])

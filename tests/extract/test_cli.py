"""CLI behaviour on real and bad input: extract, events, claims, contradictions, eval."""
from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from detente.cli import app
from detente.extract.pipeline import ArticleIn, extract_article
from detente.store.db import connect, transaction

runner = CliRunner()


def _store(tmp_path, texts):
    db = tmp_path / "s.duckdb"
    con = connect(db)
    with transaction(con):
        for i, t in enumerate(texts):
            con.execute("INSERT INTO articles (id, source_file, file_index, date, lang, text, body_start, words, "
                        "content_hash, encoding, warnings, ingested_at) VALUES (?, 'x.txt', ?, ?, 'de', ?, 0, 1, ?, "
                        "'utf-8', '[]', now())", [f"x#{i + 1}", i + 1, dt.date(2025, 10, 24), t, str(i)])
    con.close()
    return db


def test_bad_input_does_not_crash(tmp_path):
    texts = ["", "   \n\n  ", "Wort " * 200_000, "<div><p>Trump traf Putin in Budapest.</p></div>&nbsp;",
             "Trump met Putin in Alaska. Danach lehnte Russland die Waffenruhe ab.", "\x00\ufffd" * 50]
    db = _store(tmp_path, texts)
    r = runner.invoke(app, ["extract", "--db", str(db)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["events", "--db", str(db), "--jsonl"])
    rows = [json.loads(l) for l in r.output.splitlines()]
    assert {"x#4", "x#5"} <= {e["article"] for e in rows}
    assert all(set(e) == {"article", "sentence", "type", "mode", "source", "target", "source_country",
                          "target_country", "date", "status", "location", "note"} for e in rows)
    # extracting again replaces, never duplicates
    r = runner.invoke(app, ["extract", "--db", str(db), "--article", "x#5"])
    assert r.exit_code == 0
    r2 = runner.invoke(app, ["events", "--db", str(db), "--jsonl"])
    assert len(r2.output.splitlines()) == len(rows)


def test_unknown_article_and_missing_gold_are_one_line_errors(tmp_path):
    db = _store(tmp_path, ["Trump traf Putin."])
    r = runner.invoke(app, ["extract", "--db", str(db), "--article", "nope#1"])
    assert r.exit_code == 2 and "nope#1" in r.output
    r = runner.invoke(app, ["eval", "--db", str(db), "--gold", str(tmp_path / "none")])
    assert r.exit_code == 2 and "gold folder not found" in r.output


def test_contradictions_report_both_sentences(tmp_path):
    text = ("Kirill Dmitrijew betonte, dass Trump und Putin ein Treffen vereinbart hätten. "
            "Sergei Rjabkow bestritt, dass Moskau und Washington je ein Treffen vereinbart hätten.")
    db = _store(tmp_path, [text])
    assert runner.invoke(app, ["extract", "--db", str(db)]).exit_code == 0
    r = runner.invoke(app, ["contradictions", "--db", str(db), "--json"])
    pairs = json.loads(r.output)
    assert any(p["kind"] == "event" and p["second"]["status"] == "denied" for p in pairs), pairs
    r = runner.invoke(app, ["claims", "--db", str(db)])
    assert r.exit_code == 0


def test_mixed_language_article_uses_each_sentence_language():
    art = ArticleIn("m#1", "Russland lehnte den Vorschlag der USA ab. Ukraine accused Russia of shelling Kharkiv.",
                    0, dt.date(2025, 10, 24), "de")
    types = {e.type for e in extract_article(art).events}
    assert {"REJECT", "ACCUSE"} <= types


def test_timeline_is_date_ordered_and_queries_group_stances(tmp_path):
    from detente.extract import queries
    text = ("Gestern telefonierte Trump mit Putin. Am Montag traf Selenskyj Trump in Washington. "
            "Russland lehnte den Vorschlag der USA für einen Waffenstillstand ab.")
    db = _store(tmp_path, [text])
    assert runner.invoke(app, ["extract", "--db", str(db)]).exit_code == 0
    r = runner.invoke(app, ["events", "--db", str(db), "--timeline"])
    assert r.exit_code == 0 and "Donald Trump -> Vladimir Putin" in r.output
    con = connect(db, read_only=True)
    rows = queries.timeline(con)
    stances = queries.stances(con)
    con.close()
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates) and "2025-10-23" in dates and "2025-10-20" in dates
    assert any(s["issue"] == "ceasefire_first" and s["actor_country"] == "RUS" and s["stance"] == "oppose" for s in stances)


def test_heading_lines_are_not_coded():
    text = "Trump trifft Putin\n\nPutins Gambit: Treffen mit Trump?\n\nTrump traf Putin am Freitag in Alaska."
    x = extract_article(ArticleIn("h#1", text, 0, dt.date(2025, 8, 16), "de"))
    assert len(x.sentences) == 3
    assert {e.sentence for e in x.events} == {"Trump traf Putin am Freitag in Alaska."}
    assert x.events[0].date == "2025-08-15" and x.events[0].location == "Anchorage"


def test_timeline_places_undated_events_at_the_corrected_article_date(tmp_path, example_corpus):
    """001#5 is printed 21.10.2026 (a misprint ingest flags): its undated events belong in 2025."""
    from detente.extract import queries
    db = tmp_path / "seed.duckdb"
    assert runner.invoke(app, ["ingest", "--db", str(db), str(example_corpus)]).exit_code == 0
    assert runner.invoke(app, ["extract", "--db", str(db), "--article", "001_326afa099a296fc4#5"]).exit_code == 0
    con = connect(db, read_only=True)
    rows = queries.timeline(con)
    con.close()
    assert rows and all(r["date"].startswith("2025-") for r in rows)

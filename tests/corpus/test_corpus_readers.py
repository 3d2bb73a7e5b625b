"""Each reader on a small real file (tests/corpus/data/, see the README there)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.corpus import read_data, read_file
from detente.corpus.lang import detect

DATA = Path(__file__).parent / "data"


def test_markdown_front_matter() -> None:
    [a] = read_file(DATA / "column.md")
    assert (a.id, a.title, a.author, a.date) == ("column#1", "Geist von Anchorage", "Test Autorin", date(2025, 10, 17))
    assert (a.source, a.url, a.lang) == ("Beispielzeitung", "https://example.org/anchorage", "de")
    assert a.body.startswith("Der Herrscher im Kreml")  # the `# title` heading is not body
    assert a.text in (DATA / "column.md").read_text(encoding="utf-8")  # exact slice after the front matter
    assert a.warnings == []


def test_markdown_without_front_matter_reads_like_text() -> None:
    [a] = read_file(DATA / "plain.md")
    assert a.title == "Ein Titel ohne Vorspann"
    assert a.warning_codes() == ["no_date"]


def test_html_main_text_and_metadata() -> None:
    [a] = read_file(DATA / "page.html")
    assert (a.title, a.author, a.date, a.source) == ("Putins Strategie enthüllt", "Sergei Poletajew",
                                                       date(2025, 5, 18), "Beispielzeitung")
    assert a.body.startswith("In den vergangenen Wochen")
    assert "Impressum" not in a.text and "Sport" not in a.text  # boilerplate dropped
    assert a.lang == "de"


def test_rss_feed_entries() -> None:
    arts = read_file(DATA / "wire.rss")
    assert [a.id for a in arts] == ["wire#1", "wire#2"]
    assert [a.lang for a in arts] == ["en", "de"]
    assert arts[0].author == "News Desk" and arts[0].source == "Example Wire"
    assert arts[0].date == date(2025, 10, 23) and arts[0].url == "https://example.org/1"
    assert "<p>" not in arts[0].text


def test_atom_feed_entry() -> None:
    [a] = read_file(DATA / "desk.atom")
    assert (a.title, a.author, a.date, a.lang) == ("Trump calls off Budapest summit", "Jane Reporter",
                                                   date(2025, 10, 23), "en")


def test_jsonl_one_article_per_line() -> None:
    arts = read_file(DATA / "articles.jsonl")
    assert [a.id for a in arts] == ["articles#1", "articles#2"]  # the blank line is not an article
    assert arts[0].source == "Example Wire" and arts[0].lang == "en"
    assert arts[1].lang == "de" and arts[1].date is None and arts[1].warning_codes() == ["no_date"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Der Kreml wies den Vorschlag eines Waffenstillstands entlang der Frontlinie zurück.", "de"),
    ("The Kremlin rejected the proposal of a ceasefire along the front line.", "en"),
])
def test_language_detection(text: str, lang: str) -> None:
    assert detect(text) == lang


def test_txt_fallback_title_and_body(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text("Kurzer Titel\n\nErster Absatz mit Text. Zweiter Satz.\n", encoding="utf-8")
    [a] = read_file(f)
    assert a.title == "Kurzer Titel" and a.body.startswith("Erster Absatz")


def test_read_data_for_uploads_matches_read_file() -> None:
    path = DATA / "column.md"
    assert read_data(Path("column.md"), path.read_bytes())[0].text == read_file(path)[0].text

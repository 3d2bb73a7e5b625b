"""Header layouts, decoding and date suggestion as pure functions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.corpus.decode import decode
from detente.corpus.quality import suggest_date
from detente.corpus.split import split_text
from detente.errors import InputError


def test_header_lines_start_articles_and_leading_text_is_its_own_article() -> None:
    text = ("Vorwort ohne Kopf.\n\nEins | Anna Muster. 02.03.2025.\n\nText eins.\n"
            "Zwei | Bert Beispiel. 01.03.2025.\n4 Minuten Lesezeit\n\nText zwei.\n")
    segs = split_text(text)
    assert [(s.title, s.author, s.date) for s in segs] == [
        (None, None, None), ("Eins", "Anna Muster", date(2025, 3, 2)), ("Zwei", "Bert Beispiel", date(2025, 3, 1))]
    assert "".join(text[s.start:s.end] for s in segs) == text
    assert text[segs[2].body_start:].startswith("Text zwei.")  # reading-time line skipped


def test_english_byline() -> None:
    text = "Talks stall in Istanbul\n\nBy Jane Reporter\n\nThe delegations met for two hours.\n"
    [s] = split_text(text)
    assert (s.title, s.author) == ("Talks stall in Istanbul", "Jane Reporter")
    assert text[s.body_start:].startswith("The delegations")


def test_von_inside_the_body_is_not_a_byline() -> None:
    text = "Titel\n\nVon Moskau aus gesehen ist das ein Erfolg für den Kreml.\n"
    [s] = split_text(text)
    assert s.author is None and s.title == "Titel"


def test_impossible_header_date_is_no_date() -> None:
    [s] = split_text("Titel | Autor. 31.02.2025.\n\nText.\n")
    assert s.date is None and s.date_printed == "31.02.2025"


def test_decode_fallbacks() -> None:
    p = Path("x.txt")
    assert decode(p, "Grüße".encode()) == ("Grüße", "utf-8")
    assert decode(p, "„Grüße“".encode("cp1252")) == ("„Grüße“", "cp1252")
    assert decode(p, b"Gr\xfc\xdfe \x81") == ("Grüße \x81", "latin-1")  # 0x81 is undefined in cp1252
    with pytest.raises(InputError, match="binary"):
        decode(p, b"PK\x03\x04\x00\x00")


def test_suggest_date() -> None:
    assert suggest_date(date(2026, 10, 21), date(2025, 10, 20)) == date(2025, 10, 21)
    assert suggest_date(date(2025, 1, 2), date(2025, 12, 30)) == date(2026, 1, 2)
    assert suggest_date(date(2025, 5, 10), date(2025, 10, 20)) is None  # not a year typo

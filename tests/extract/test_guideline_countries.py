"""Countries as GUIDELINES define them: ISO 3166 alpha-3 or EU / NATO. An international body
of another kind (UN, IAEA, African Union, G7) is a party of its own with no country: its name
stays in source/target, its country is null - in events and claims alike."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.extract.pipeline import ArticleIn, extract_article

ON = dt.date(2025, 3, 7)


def _parties(text: str, lang: str) -> set[tuple[str, str, str | None, str | None, str | None]]:
    x = extract_article(ArticleIn("t#1", text, 0, ON, lang))
    return {(e.type, e.source, e.source_country, e.target, e.target_country) for e in x.events}


@pytest.mark.parametrize("text, lang, body", [
    ("Venezuela rejected a demand by the United Nations to free political prisoners.", "en", "United Nations"),
    ("Die Internationale Atomenergiebehörde forderte Nordkorea auf, Inspektoren ins Land zu lassen.", "de", "IAEA"),
    ("Die Afrikanische Union forderte die Militärjunta in Niger auf, die Macht abzugeben.", "de", "African Union"),
    ("The G7 imposed new sanctions on Russia.", "en", "G7"),
])
def test_international_body_has_no_country(text: str, lang: str, body: str) -> None:
    got = _parties(text, lang)
    ends = [(s, sc) for _, s, sc, _, _ in got] + [(t, tc) for _, _, _, t, tc in got]
    named = [c for name, c in ends if name and body.split()[-1] in name]
    assert named and all(c is None for c in named), got
    # the other party keeps its state code
    assert any(c is not None for _, c in ends), got


@pytest.mark.parametrize("text, lang, code", [
    ("Die EU verhängte neue Sanktionen gegen Belarus.", "de", "EU"),
    ("NATO warned Russia against further violations of allied airspace.", "en", "NATO"),
])
def test_eu_and_nato_keep_their_code(text: str, lang: str, code: str) -> None:
    got = _parties(text, lang)
    assert any(sc == code for _, _, sc, _, _ in got), got

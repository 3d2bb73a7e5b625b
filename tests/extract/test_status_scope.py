"""Status cues and their scope: sentences written for these tests (German and English)."""
import datetime as dt

import pytest

from detente.extract.rules import code_sentence

ON = dt.date(2025, 10, 24)


def _ev(s: str, lang: str) -> set[tuple]:
    _, coded = code_sentence(s, lang, ON)
    return {(c.type, frozenset({c.source.country, c.target.country if c.target else None}), c.status) for c in coded}


@pytest.mark.parametrize("lang,sentence,etype,pair,status", [
    # a modal in the clause after the trigger's belongs to that clause: the meeting happened
    ("de", "Beim Treffen mit Erdoğan betonte Merz, dass die Türkei mehr Zeit brauchen würde.", "CONSULT", {"TUR", "DEU"}, "occurred"),
    ("en", "Japan met South Korea on Monday, and officials said they could sign a deal soon.", "CONSULT", {"JPN", "KOR"}, "occurred"),
    # ... but a conditional clause after it still scopes back over it
    ("de", "Frankreich trifft sich mit Polen, falls Warschau die Bedingungen erfüllt.", "CONSULT", {"FRA", "POL"}, "hypothetical"),
    # epistemic hedges (wohl, probably, unlikely) are speculation
    ("de", "Ungarn wird die Ukraine wohl kaum unterstützen.", "REJECT", {"HUN", "UKR"}, "hypothetical"),
    ("en", "India will probably hold talks with Pakistan.", "CONSULT", {"IND", "PAK"}, "hypothetical"),
    ("en", "Brazil is unlikely to sanction Russia.", "SANCTION", {"BRA", "RUS"}, "hypothetical"),
])
def test_status(lang, sentence, etype, pair, status):
    got = _ev(sentence, lang)
    assert (etype, frozenset(pair), status) in got, got

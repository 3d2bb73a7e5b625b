"""Precision rules (fourth pass): what must not be coded, and whose act it is, on sentences
written for these tests (none from the seed corpus)."""
import datetime as dt

import pytest

from detente.extract import coref
from detente.extract.rules import code_sentence

ON = dt.date(2025, 10, 24)


def _ev(s, lang="de"):
    _, coded = code_sentence(s, lang, ON, discourse=coref.Discourse())
    return [(c.type, c.source.country, c.target.country if c.target else None, c.status) for c in coded]


@pytest.mark.parametrize("lang,sentence,kept,dropped", [
    # the party an act noun is aimed at ("Druck auf X") is its target, never its agent
    ("de", "Solange Erdoğan zögert, wird der Druck auf die Türkei wachsen.", [], ("COERCE", "TUR")),
    ("de", "Die Regierung erhöht den Druck auf Serbien weiter.", [], ("COERCE", "SRB")),
    ("en", "As long as Erdogan hesitates, the pressure on Turkey will grow.", [], ("COERCE", "TUR")),
    ("de", "Meloni erhöht den Druck auf Tunesien.", [("COERCE", "ITA", "TUN", "occurred")], None),
    ("en", "Meloni increased the pressure on Tunisia.", [("COERCE", "ITA", "TUN", "occurred")], None),
])
def test_aimed_at(lang, sentence, kept, dropped):
    got = _ev(sentence, lang)
    for e in kept:
        assert e in got, got
    if dropped:
        assert not any(e[0] == dropped[0] and e[1] == dropped[1] for e in got), got

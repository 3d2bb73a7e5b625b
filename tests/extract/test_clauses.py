"""Clause kinds and the scope of status cues (clauses.clause_kinds), on sentences written for these tests."""
import datetime as dt

import pytest

from detente.extract.lexicon import load_lexicon
from detente.extract.rules import clause_kinds, code_sentence, tokenize

ON = dt.date(2025, 10, 24)


def _ev(s, lang="de"):
    _, coded = code_sentence(s, lang, ON)
    return [(c.type, c.source.country, c.target.country, c.status) for c in coded if c.target is not None]


def _kinds(s, lang="de"):
    lex = load_lexicon(lang)
    return list(clause_kinds(tokenize(s, lex), lex).values())


def test_clause_kinds():
    assert _kinds("Trump sagte, dass Putin zustimme.") == ["main", "comp"]
    assert _kinds("Orbán, der oft zögert, traf Fico.") == ["main", "rel", "main"]
    assert _kinds("Nachdem Xi angekommen war, sprach er mit Modi.") == ["adv", "main"]
    assert _kinds("Japan beschloss, die Einfuhr einzustellen.") == ["main", "comp"]
    assert _kinds("Modi, who rarely travels, met Xi.", "en") == ["main", "rel", "main"]


@pytest.mark.parametrize("lang,sentence,expected", [
    # a modal in a relative clause does not make the main clause hypothetical
    ("de", "Orbán, der Selenskyj kritisieren würde, traf gestern Fico.", ("CONSULT", "HUN", "SVK", "occurred")),
    ("en", "Modi, who might visit Moscow later, met Xi on Monday.", ("CONSULT", "IND", "CHN", "occurred")),
    # a zu-infinitive takes the modal of the clause governing it, also with "zu" inside the verb
    ("de", "Trump könnte versuchen, Xi in Seoul zu treffen.", ("CONSULT", "USA", "CHN", "hypothetical")),
    ("de", "Experten vermuten, dass Japan gezwungen sein könnte, die Einfuhr russischen Gases einzustellen.",
     ("SANCTION", "JPN", "RUS", "hypothetical")),
    # the content of a promise or demand has not happened yet
    ("de", "Macron versprach, der Ukraine weitere Raketen zu liefern.", ("AID", "FRA", "UKR", "hypothetical")),
    ("en", "Carney promised to send more drones to Ukraine.", ("AID", "CAN", "UKR", "hypothetical")),
    # an indicative pluperfect inside "wenn" states a fact
    ("de", "Warum glaubte Merz an eine Einigung, wenn Peking Washington bereits abgewiesen hatte?",
     ("REJECT", "CHN", "USA", "occurred")),
    # a coordinated clause without a subject of its own shares the modal
    ("de", "Merz wird mit Macron sprechen müssen – und dies mit Druck auf China untermauern.",
     ("COERCE", "DEU", "CHN", "hypothetical")),
])
def test_status_scope(lang, sentence, expected):
    got = _ev(sentence, lang)
    assert expected in got, got


def test_decision_makes_its_content_planned_and_dependent_subjects_are_no_agents():
    assert ("CONSULT", "TUR", "GRC", "planned") in _ev("Erdogan traf die Entscheidung, Mitsotakis im Mai zu besuchen.") or \
        ("CONSULT", "TUR", "GRC", "planned") in _ev("Erdogan beschloss, Mitsotakis im Mai zu besuchen.")
    # "erwarten Beobachter, dass Putin ...": the complement's subject does not expect anything
    assert not any(e[0] == "REQUEST" for e in _ev("Nach dem Gipfel erwarten Beobachter, dass Xi und Modi sich einigen."))

"""General news sentences (mostly English): reporters, refused talks, 'forces' as troops.
Sentences written for these tests."""
import datetime as dt

import pytest

from detente.extract.rules import code_sentence

ON = dt.date(2025, 10, 24)


def _ev(s: str, lang: str) -> list[tuple]:
    _, coded = code_sentence(s, lang, ON)
    return [(c.type, c.source.country, c.target.country if c.target else None, c.status) for c in coded]


@pytest.mark.parametrize("lang,sentence,expected", [
    # the closing reporting clause names who tells of the act, not a party to it
    ("en", "North Korea fired ballistic missiles into the sea, Japan said.", [("ASSAULT", "PRK", None, "occurred")]),
    ("en", "Putin will meet Trump in Budapest, the Kremlin said.", [("CONSULT", "RUS", "USA", "planned")]),
    ("de", "Russland griff Kiew in der Nacht an, teilte die ukrainische Luftwaffe mit.", [("ASSAULT", "RUS", "UKR", "occurred")]),
    ("de", "Polen und Litauen werden sich bald treffen, so Tusk.", [("CONSULT", "POL", "LTU", "planned")]),
    # talks refused are not talks held
    ("en", "Iran rejected calls by France for new nuclear talks.", [("REJECT", "IRN", "FRA", "occurred")]),
    ("de", "Armenien lehnte Gespräche mit Aserbaidschan ab.", [("REJECT", "ARM", "AZE", "occurred")]),
    # "forces" is troops, not coercion
    ("en", "Ukraine's forces withdrew from the town of Pokrovsk.", [("RETREAT", "UKR", None, "occurred")]),
])
def test_exact(lang, sentence, expected):
    assert _ev(sentence, lang) == expected


@pytest.mark.parametrize("lang,sentence,expected", [
    # the actor or demonym right before a noun trigger owns the act, whoever condemns it
    ("en", "Zelensky condemned the Russian attack on Kyiv.", ("ASSAULT", "RUS", "UKR", "occurred")),
    ("en", "Pakistan condemned India's strikes.", ("ASSAULT", "IND", "PAK", "occurred")),
    ("en", "Beijing criticised Washington's tariffs.", ("SANCTION", "USA", "CHN", "occurred")),
    ("de", "Selenskyj verurteilte den russischen Angriff auf Kiew.", ("ASSAULT", "RUS", "UKR", "occurred")),
    # ... but hyphen-joined demonyms name both parties of the act
    # (the negation on the agreement noun itself: "keine Grundlage für ... Vereinbarungen" negates the basis and
    # refuses nothing, test_speech_acts.test_not_refused)
    ("de", "Es gibt keine chinesisch-amerikanischen Vereinbarungen über Zölle.", ("REJECT", "CHN", "USA", "occurred")),
    # lifting sanctions is a concession, not a sanction
    ("en", "The US lifted sanctions on Syria.", ("CONCEDE", "USA", "SYR", "occurred")),
    ("de", "Die USA hoben die Sanktionen gegen Syrien auf.", ("CONCEDE", "USA", "SYR", "occurred")),
])
def test_owner_and_concession(lang, sentence, expected):
    got = _ev(sentence, lang)
    assert expected in got, got
    assert not (expected[0] == "CONCEDE" and any(t == "SANCTION" for t, *_ in got)), got


@pytest.mark.parametrize("lang,sentence,expected", [
    # a pair that met in a capital met each other, not the host
    ("en", "Emmanuel Macron and Friedrich Merz met in Paris on Tuesday.", ("CONSULT", "FRA", "DEU", "occurred")),
    ("de", "Macron und Merz trafen sich am Dienstag in Paris.", ("CONSULT", "FRA", "DEU", "occurred")),
    # ... but those arriving in a capital visit its country
    ("de", "Politiker aus Frankreich und Polen trafen in Kiew ein.", ("CONSULT", "POL", "UKR", "occurred")),
    # a vow of retaliation is a threat
    ("en", "Iran vowed to retaliate against Israel.", ("THREATEN", "IRN", "ISR", "occurred")),
])
def test_pairs_and_threats(lang, sentence, expected):
    got = _ev(sentence, lang)
    assert expected in got, got


def test_the_content_of_an_accusation_or_warning_is_no_act_of_its_own():
    got = _ev("Pakistan accused India of supporting militants.", "en")
    assert ("ACCUSE", "PAK", "IND", "occurred") in got and not any(e[0] == "SUPPORT" for e in got), got
    got = _ev("Iran accused the United States of sabotaging nuclear talks.", "en")
    assert not any(e[0] == "CONSULT" for e in got), got
    got = _ev("China warned Taiwan against seeking independence.", "en")
    assert not any(e[0] == "REQUEST" for e in got), got


def test_the_object_right_after_the_verb_is_the_addressee():
    assert ("REQUEST", "GBR", "FRA", "occurred") in _ev("Britain urged France to send more aid to Ukraine.", "en")
    # German: a refused act did not happen
    got = _ev("Orbán lehnte es ab, der Ukraine Waffen zu liefern.", "de")
    assert ("REJECT", "HUN", "UKR", "occurred") in got and not any(e[0] == "AID" for e in got), got

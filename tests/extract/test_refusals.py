"""Refusals, demands and warnings: sentences written for these tests (German and English)."""
import datetime as dt

import pytest

from detente.extract.rules import code_sentence

ON = dt.date(2025, 10, 24)


def _ev(s: str, lang: str) -> list[tuple]:
    _, coded = code_sentence(s, lang, ON)
    return [(c.type, c.source.country, c.target.country if c.target else None, c.status) for c in coded]


@pytest.mark.parametrize("lang,sentence,expected", [
    # a refusal phrase carries its own negation: coded, and "bereit"/"ready" is no future cue
    ("de", "Die Türkei ist nicht bereit, ihre Soldaten aus Syrien abzuziehen.", ("REJECT", "TUR", "SYR", "occurred")),
    ("de", "Serbien wird nicht bereit sein, Kosovo anzuerkennen, sagte Vučić.", ("REJECT", "SRB", "XKX", "planned")),
    ("de", "Indien hat keine Absicht, China Zugeständnisse zu machen.", ("REJECT", "IND", "CHN", "occurred")),
    ("de", "Armenien beabsichtigt nicht, Aserbaidschan Gebiete zu überlassen.", ("REJECT", "ARM", "AZE", "occurred")),
    ("en", "Israel is not willing to halt its operations against Iran.", ("REJECT", "ISR", "IRN", "occurred")),
    ("en", "Taiwan ruled out talks with China.", ("REJECT", "TWN", "CHN", "occurred")),
    ("en", "Hungary opposes new sanctions on Iran.", ("REJECT", "HUN", "IRN", "occurred")),
    ("de", "Klar ist: Polen hat nicht vor, dem Plan Ungarns zuzustimmen.", ("REJECT", "POL", "HUN", "occurred")),
    ("en", "Russia doesn't intend to withdraw from Moldova.", ("REJECT", "RUS", "MDA", "occurred")),
    ("en", "Iran isn't willing to negotiate with Israel.", ("REJECT", "IRN", "ISR", "occurred")),
    # demands
    ("de", "Die Türkei pocht auf Gespräche mit Armenien.", ("REQUEST", "TUR", "ARM", "occurred")),
    ("en", "Germany is seeking a ceasefire with Iran.", ("REQUEST", "DEU", "IRN", "occurred")),
    ("en", "France pressed for sanctions against Iran.", ("REQUEST", "FRA", "IRN", "occurred")),
    ("en", "Beijing insisted that Taiwan withdraw its navy.", ("REQUEST", "CHN", "TWN", "occurred")),
    # a warning of sanctions is a threat; a warning that someone plans something is an accusation
    ("de", "Frankreich warnte Iran vor neuen Sanktionen.", ("THREATEN", "FRA", "IRN", "occurred")),
    ("de", "Israel warnte, dass Iran einen Angriff vorbereite.", ("ACCUSE", "ISR", "IRN", "occurred")),
    # an attack being prepared is planned, not carried out
    ("de", "Israel warnte, dass Iran einen Angriff vorbereite.", ("ASSAULT", "IRN", "ISR", "planned")),
    ("en", "Israel fired missiles at Iran.", ("ASSAULT", "ISR", "IRN", "occurred")),
    ("en", "Russia launched drone strikes on Ukraine.", ("ASSAULT", "RUS", "UKR", "occurred")),
])
def test_coded(lang, sentence, expected):
    got = _ev(sentence, lang)
    assert expected in got, got


@pytest.mark.parametrize("lang,sentence,absent", [
    ("en", "Beijing insisted that Taiwan withdraw its navy.", "RETREAT"),     # demanded, not done
    ("de", "Frankreich warnte Iran vor neuen Sanktionen.", "SANCTION"),       # threatened, not imposed
    ("de", "Frankreich warnte Iran vor neuen Sanktionen.", "ACCUSE"),
])
def test_not_coded(lang, sentence, absent):
    assert absent not in {t for t, *_ in _ev(sentence, lang)}

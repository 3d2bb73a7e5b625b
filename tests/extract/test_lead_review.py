"""Faults the lead found on unseen analysis prose after the sixth pass, each as a class of phrasing."""
from __future__ import annotations

import pytest

from sentence_events import events


@pytest.mark.parametrize("text, want", [
    # a present participle of an evasion verb is an adverb ("umgehend" = at once), not evasion
    ("Die USA verhängten umgehend Sanktionen gegen Iran.", ("SANCTION", "USA", "IRN", "occurred")),
    ("Japan antwortete umgehend mit Zöllen auf chinesische Waren.", ("SANCTION", "JPN", "CHN", "occurred")),
])
def test_participle_adverb_is_no_evasion(text, want):
    assert want in events(text, "de")


def test_evasion_verb_still_drops_the_subjects_act():
    assert not any(e[:3] == ("SANCTION", "IND", "RUS") for e in events("Indien umging die Sanktionen gegen Russland.", "de"))


@pytest.mark.parametrize("lang, text, want", [
    # a proposal made in talks named in the other verb phrase is made to the talks' partner
    ("de", "Erdoğan telefonierte am Dienstag mit Putin und schlug vor, eine Verhandlungsrunde in Istanbul auszurichten.",
     ("REQUEST", "TUR", "RUS", "occurred")),
    ("en", "Macron spoke with Xi by phone and proposed a joint peace conference in Geneva.",
     ("REQUEST", "FRA", "CHN", "occurred")),
    ("de", "Scholz traf Modi in Neu-Delhi und bot an, ein Treffen mit Selenskyj auszurichten.",
     ("REQUEST", "DEU", "IND", "occurred")),
])
def test_proposal_in_talks_goes_to_the_partner(lang, text, want):
    assert want in events(text, lang)


def test_public_call_after_talks_has_no_addressee():
    got = events("Modi spoke with Zelensky by phone and called for a peaceful resolution of the conflict.", "en")
    assert not any(e[0] == "REQUEST" for e in got), got


@pytest.mark.parametrize("text, default, want", [
    ("Trump will Xi treffen.", "de", "de"),             # "will" is German too (wollen)
    ("Was Putin will, ist ein Sieg.", "de", "de"),      # and so is "was"
    ("Putin met Trump in Alaska.", "de", "en"),          # an English sentence in a German article
    ("Trump says he will meet Xi.", "de", "en"),
])
def test_sentence_language_ignores_words_of_both_languages(text, default, want):
    from detente.extract.pipeline import sentence_language
    assert sentence_language(text, default) == want


def test_short_german_sentence_with_will_is_coded():
    assert ("CONSULT", "USA", "CHN", "hypothetical") in events("Trump will Xi treffen.", "de")


@pytest.mark.parametrize("lang, text, want", [
    # weighing an act is no act yet; a past wish says nothing of the act
    ("de", "Die EU prüft weitere Sanktionen gegen Iran.", ("SANCTION", "EU", "IRN", "hypothetical")),
    ("de", "Japan überlegt, Zölle auf chinesischen Stahl zu verhängen.", ("SANCTION", "JPN", "CHN", "hypothetical")),
    ("de", "Trump wollte Xi im Oktober treffen.", ("CONSULT", "USA", "CHN", "hypothetical")),
    ("en", "The United States is weighing new sanctions on Russia.", ("SANCTION", "USA", "RUS", "hypothetical")),
    ("en", "Britain is mulling tariffs on Chinese steel.", ("SANCTION", "GBR", "CHN", "hypothetical")),
])
def test_weighing_an_act_is_hypothetical(lang, text, want):
    assert want in events(text, lang)


@pytest.mark.parametrize("lang, text, want", [
    # a negated ruling-out is no refusal; the act it leaves open is hypothetical
    ("de", "Merz schloss eine Lieferung von Taurus-Marschflugkörpern an die Ukraine nicht aus.", ("AID", "DEU", "UKR", "hypothetical")),
    ("en", "Merz did not rule out sending Taurus missiles to Ukraine.", ("AID", "DEU", "UKR", "hypothetical")),
    ("en", "Trump has not ruled out meeting Kim Jong Un.", ("CONSULT", "USA", "PRK", "hypothetical")),
    ("en", "Trump did not rule out imposing sanctions on Russia.", ("SANCTION", "USA", "RUS", "hypothetical")),
    # ruling out is a refusal
    ("de", "Der Kreml schloss ein Treffen zwischen Putin und Selenskyj aus.", ("REJECT", "RUS", "UKR", "occurred")),
    ("en", "Merz ruled out sending Taurus missiles to Ukraine.", ("REJECT", "DEU", "UKR", "occurred")),
])
def test_ruling_out(lang, text, want):
    got = events(text, lang)
    assert want in got, got
    if want[3] == "hypothetical":
        assert not any(e[0] == "REJECT" for e in got), got


@pytest.mark.parametrize("lang, text, want, not_want", [
    # "both sides" after a pair in its own clause refers to another pair, not to the subject
    ("en", "Israel and Hamas have agreed on a ceasefire. Qatar and Egypt are pressing both sides to respect it.",
     ("REQUEST", "QAT", "PSE", "occurred"), ("REQUEST", "QAT", "EGY")),
    ("de", "Serbien und Kosovo verhandeln seit Monaten. Frankreich und Deutschland drängen beide Seiten zu einer Einigung.",
     ("REQUEST", "FRA", "SRB", "occurred"), ("REQUEST", "FRA", "DEU")),
    # ... but after a clause boundary it is the pair named before
    ("en", "Trump and Putin met in Alaska, and both sides agreed to keep talking.",
     ("AGREE", "USA", "RUS", "occurred"), None),
])
def test_both_sides_is_not_the_subject_pair(lang, text, want, not_want):
    got = events(text, lang)
    assert want in got, got
    assert not_want is None or not any(e[:3] == not_want for e in got), got

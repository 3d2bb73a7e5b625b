"""Coordinated verbs of one subject: each conjunct codes its own act with its own status
(clauses.verb_conjuncts; docs/extraction.md, "Sixth pass: coordinated verbs and status")."""
from __future__ import annotations

import pytest

from sentence_events import events


@pytest.mark.parametrize("lang,text,want", [
    # a meeting and a second act of the same subject: both kept (an AGREE verb in another
    # conjunct does not swallow the meeting)
    ("en", "Erdogan met Netanyahu in Ankara and promised him closer trade ties.",
     {("CONSULT", "TUR", "ISR", "occurred")}),
    ("en", "Lula met Milei in Brasilia and promised him more credit.", {("CONSULT", "BRA", "ARG", "occurred")}),
    ("de", "Erdogan traf Netanjahu in Ankara und verurteilte Teheran scharf.",
     {("CONSULT", "TUR", "ISR", "occurred"), ("ACCUSE", "TUR", "IRN", "occurred")}),
    # a strike and a threat: the threat in the second conjunct does not swallow the strike
    ("en", "Russia attacked Kyiv and threatened more strikes.", {("ASSAULT", "RUS", "UKR", "occurred")}),
    ("en", "Israel struck Beirut overnight and threatened further raids.", {("ASSAULT", "ISR", "LBN", "occurred")}),
    ("en", "Pakistan shelled Indian posts in Kashmir and warned of more strikes.", {("ASSAULT", "PAK", "IND", "occurred")}),
])
def test_each_conjunct_keeps_its_act(lang, text, want):
    got = events(text, lang)
    assert want <= got, got


@pytest.mark.parametrize("lang,text,want", [
    # an announcement verb makes only its own object planned; the accusation beside it occurred
    ("en", "Carney announced counter-tariffs and accused Washington of breaking the deal.",
     {("ACCUSE", "CAN", "USA", "occurred")}),
    ("de", "Carney kündigte Gegenzölle an und warf Washington vor, das Abkommen gebrochen zu haben.",
     {("SANCTION", "CAN", "USA", "planned"), ("ACCUSE", "CAN", "USA", "occurred")}),
    ("en", "Tokyo announced new export controls and summoned the Chinese ambassador.",
     {("SANCTION", "JPN", "CHN", "planned")}),
    ("en", "Seoul announced a new aid package and condemned North Korea's missile test.",
     {("ACCUSE", "KOR", "PRK", "occurred")}),
    ("de", "Paris kündigte neue Sanktionen an und verurteilte Moskau scharf.", {("ACCUSE", "FRA", "RUS", "occurred")}),
    # the second conjunct's own future or modal stays its own
    ("en", "Macron met Zelensky on Monday and will travel to Warsaw next week.", {("CONSULT", "FRA", "UKR", "occurred")}),
])
def test_status_stays_in_its_conjunct(lang, text, want):
    got = events(text, lang)
    assert want <= got, got


@pytest.mark.parametrize("lang,text,want", [
    # a pair that met and agreed: one act, the agreement (unchanged)
    ("en", "Macron and Zelensky met and agreed on a ceasefire.", {("AGREE", "FRA", "UKR", "occurred")}),
    ("de", "Macron und Selenskyj trafen sich und einigten sich auf eine Waffenruhe.", {("AGREE", "FRA", "UKR", "occurred")}),
    # a bare verb after "and" shares the first verb's modal: one scope
    ("en", "Macron could meet Zelensky.", {("CONSULT", "FRA", "UKR", "hypothetical")}),
    ("en", "Macron could meet Zelensky and sign a deal.", {("AGREE", "FRA", "UKR", "hypothetical")}),
    ("en", "Trump met Putin but did not agree on a ceasefire.",
     {("CONSULT", "USA", "RUS", "occurred"), ("REJECT", "USA", "RUS", "occurred")}),
    # proposed talks stay a proposal when coordinated with an acceptance
    ("de", "Serbien akzeptierte das Abkommen und schlug Kosovo Gespräche vor.",
     {("AGREE", "SRB", "XKX", "occurred"), ("REQUEST", "SRB", "XKX", "occurred")}),
])
def test_unchanged(lang, text, want):
    assert events(text, lang) == want


@pytest.mark.parametrize("lang,text,want", [
    # travelling to a capital is a visit to its state (as German "reist nach Peking"); its status by its cues
    ("en", "Scholz will travel to Beijing on Monday.", {("CONSULT", "DEU", "CHN", "planned")}),
    ("de", "Scholz wird am Montag nach Peking reisen.", {("CONSULT", "DEU", "CHN", "planned")}),
    ("en", "Modi flew to Washington on Tuesday.", {("CONSULT", "IND", "USA", "occurred")}),
    ("en", "Macron will head to Kyiv next week.", {("CONSULT", "FRA", "UKR", "planned")}),
    ("en", "Zelensky arrived in Washington on Friday.", {("CONSULT", "UKR", "USA", "occurred")}),
    ("en", "Erdogan is due in Tehran on Monday.", {("CONSULT", "TUR", "IRN", "planned")}),
    ("en", "Rubio travelled to Riyadh.", {("CONSULT", "USA", "SAU", "occurred")}),
])
def test_travel_to_a_capital(lang, text, want):
    assert events(text, lang) == want


@pytest.mark.parametrize("lang,text", [
    ("en", "Russian drones headed to Kyiv overnight."),      # weapons on their way: no visit
    ("en", "The talks are due in March."),                   # a time, no place
    ("en", "Erdogan flew back to Ankara after the summit."),  # home again: no other state
])
def test_travel_that_is_no_visit(lang, text):
    assert not any(e[0] == "CONSULT" for e in events(text, lang))


@pytest.mark.parametrize("lang,text,want", [
    # a separable particle before "und" + verb closes the first verb phrase ("lehnte ... ab und drohte")
    ("de", "Putin lehnte den Vorschlag der Ukraine ab und drohte Kiew mit neuen Angriffen.",
     {("REJECT", "RUS", "UKR", "occurred"), ("THREATEN", "RUS", "UKR", "occurred")}),
    ("de", "Orban lehnte die Forderung der EU ab und traf Putin in Moskau.",
     {("REJECT", "HUN", "EU", "occurred"), ("CONSULT", "HUN", "RUS", "occurred")}),
    ("de", "Erdogan sagte Netanjahu ein Treffen ab und rief Abbas an.", {("CONSULT", "TUR", "PSE", "occurred")}),
    ("en", "Putin rejected Ukraine's proposal and threatened Kyiv with new strikes.",
     {("REJECT", "RUS", "UKR", "occurred"), ("THREATEN", "RUS", "UKR", "occurred")}),
])
def test_particle_closes_its_verb_phrase(lang, text, want):
    got = events(text, lang)
    assert want <= got, got


@pytest.mark.parametrize("lang,text,wrong", [
    # the second verb shares the subject, not the first verb's object, and the other way round
    ("de", "Orban lehnte die Forderung der EU ab und traf Putin in Moskau.", ("REJECT", "HUN", "RUS")),
    ("en", "Orban rejected the EU's demand and met Putin in Moscow.", ("REJECT", "HUN", "RUS")),
    ("de", "Erdogan sagte Netanjahu ein Treffen ab und rief Abbas an.", ("CONSULT", "ISR", "PSE")),
    ("de", "Erdogan sagte Netanjahu ein Treffen ab und rief Abbas an.", ("CONSULT", "PSE", "ISR")),
    ("en", "Erdogan cancelled a meeting with Netanyahu and called Abbas.", ("CONSULT", "ISR", "PSE")),
    # a one-sided first act with no party of its own is not aimed at the next conjunct's party
    ("de", "Nordkorea feuerte eine Rakete ab und drohte Südkorea mit weiteren Tests.", ("ASSAULT", "PRK", "KOR")),
    ("en", "North Korea fired a missile and threatened Seoul with more tests.", ("ASSAULT", "PRK", "KOR")),
    ("de", "China verurteilte den Besuch und warnte Washington vor weiteren Waffenlieferungen an Taiwan.", ("ACCUSE", "CHN", "TWN")),
])
def test_conjuncts_keep_their_parties(lang, text, wrong):
    assert not any(e[:3] == wrong for e in events(text, lang))


def test_ab_und_zu_is_no_particle():
    assert ("ASSAULT", "RUS", "UKR", "occurred") in events("Russland greift ab und zu Kiew an.", "de")


@pytest.mark.parametrize("lang,text,want", [
    # a named actor's own one-sided act as the infinitive of an intention is planned
    ("de", "Trump will die Zölle gegen China verdoppeln.", ("SANCTION", "USA", "CHN", "planned")),
    ("en", "Trump wants to double tariffs on China.", ("SANCTION", "USA", "CHN", "planned")),
    ("de", "Erdogan will die Zölle auf Stahl aus der Europäischen Union erhöhen.", ("SANCTION", "TUR", "EU", "planned")),
    ("en", "Erdogan wants to raise tariffs on steel from the European Union.", ("SANCTION", "TUR", "EU", "planned")),
    ("de", "Polen will weitere Panzer an die Ukraine liefern.", ("AID", "POL", "UKR", "planned")),
    ("en", "Poland wants to send more tanks to Ukraine.", ("AID", "POL", "UKR", "planned")),     # (a phrase trigger)
    ("de", "Merz sagte, Polen wolle weitere Panzer an die Ukraine liefern.", ("AID", "POL", "UKR", "planned")),
    # a meeting wished for needs the other side: a wish, in both languages
    ("de", "Trump will den chinesischen Staatschef Xi in Peking treffen.", ("CONSULT", "USA", "CHN", "hypothetical")),
    ("en", "Trump wants to meet Xi in Beijing.", ("CONSULT", "USA", "CHN", "hypothetical")),
    # a punishment intended on a condition is a threat (unchanged); a modal keeps it hypothetical; a past wish is no plan
    ("de", "Trump will die Zölle gegen China verdoppeln, falls Peking nicht einlenkt.", ("THREATEN", "USA", "CHN", "occurred")),
    ("en", "Trump wants to double tariffs on China if Beijing does not back down.", ("THREATEN", "USA", "CHN", "occurred")),
    ("en", "Trump wanted to double tariffs on China.", ("SANCTION", "USA", "CHN", "hypothetical")),
    ("en", "Trump could double tariffs on China.", ("SANCTION", "USA", "CHN", "hypothetical")),
])
def test_intention_is_planned(lang, text, want):
    got = events(text, lang)
    assert want in got, got


def test_wanting_another_to_act_is_no_plan():
    # object control: a demand on another side, not the subject's own plan
    assert not any(e[3] == "planned" for e in events("Erdogan wants the EU to lift its tariffs.", "en"))
    assert not any(e[3] == "planned" for e in events("Trump will, dass Selenskyj auf den Donbas verzichtet.", "de"))


@pytest.mark.parametrize("lang,text", [
    ("en", "Trump spoke with Putin by phone and later met Zelensky at the White House."),
    ("de", "Trump telefonierte mit Putin und traf später Selenskyj im Weißen Haus."),
])
def test_call_then_meeting(lang, text):
    got = {e[:3] for e in events(text, lang)}
    assert {("CONSULT", "USA", "RUS"), ("CONSULT", "USA", "UKR")} <= got, got


@pytest.mark.parametrize("lang,text,want,absent", [
    # an agreement reached beside a meeting is its outcome: the AGREE only, with the partner met
    ("en", "Macron met Zelensky and agreed on a new aid package.", ("AGREE", "FRA", "UKR"), ("CONSULT", "FRA", "UKR")),
    ("de", "Macron traf Selenskyj in Paris und einigte sich mit ihm auf ein neues Hilfspaket.",
     ("AGREE", "FRA", "UKR"), ("CONSULT", "FRA", "UKR")),
    # a pronoun object points back to the partner ("promised him"); a promise is no outcome of the meeting
    ("en", "Macron met Zelensky and promised him aid.", ("AID", "FRA", "UKR"), None),
    ("en", "Macron met Zelensky and promised him aid.", ("CONSULT", "FRA", "UKR"), None),
    ("en", "Modi welcomed Sharif's offer and agreed to talks.", ("AGREE", "IND", "PAK"), None),
])
def test_outcome_and_partner(lang, text, want, absent):
    got = {e[:3] for e in events(text, lang)}
    assert want in got, got
    if absent:
        assert absent not in got, got

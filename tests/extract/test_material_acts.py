"""Material acts stated in other words than the act verb (docs/extraction.md, "Seventh pass:
material acts"): weapons employed against a party, things hit, a war begun against a party,
weapons named by their origin as the means of an attack, warnings of serious harm as threats.
Sentences written for these tests (none from the seed corpus), German and English, several
crises; each class with sentences of the same shape that must give no such event."""
from __future__ import annotations

import pytest

from sentence_events import pairs


# --- 1. weapons employed against a party, things hit ------------------------------------------

@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Die Huthis setzten Drohnen gegen israelische Schiffe ein.", "de", "YEM", "ISR"),
    ("Russland hat Hyperschallraketen gegen Kiew eingesetzt.", "de", "RUS", "UKR"),
    ("Indien setzte Raketen ein, um pakistanische Stellungen zu treffen.", "de", "IND", "PAK"),
    ("Russland setzte Marschflugkörper und Drohnen ein, um ukrainische Kraftwerke zu treffen.", "de", "RUS", "UKR"),
    ("Israel setzte Kampfjets ein, um iranische Stützpunkte zu treffen.", "de", "ISR", "IRN"),
    ("Die sudanesische Armee setzte Drohnen gegen die RSF ein.", "de", "SDN", "SDN"),
    ("Russische Raketen trafen am Montag Kiew.", "de", "RUS", "UKR"),
    ("Ukrainian forces used drones to strike Russian refineries.", "en", "UKR", "RUS"),
])
def test_weapons_employed_against_a_party(text, lang, src, tgt):
    assert ("ASSAULT", src, tgt) in pairs(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Die Ukraine setzt Drohnen zur Aufklärung ein.", "de"),              # no target: surveillance
    ("Polen setzt auf amerikanische Raketen.", "de"),                     # relying on, not employing
    ("Macron will Merz in Paris treffen, um über Ziele der EU zu sprechen.", "de"),
])
def test_weapons_named_without_attack(text, lang):
    assert not any(t == "ASSAULT" for t, _, _ in pairs(text, lang))


def test_weapons_that_hit_are_no_meeting():
    got = pairs("Russische Raketen trafen Kiew.", "de")
    assert ("ASSAULT", "RUS", "UKR") in got and not any(t == "CONSULT" for t, _, _ in got)
    # ... and things hit are no partners
    got = pairs("Indien setzte Raketen ein, um pakistanische Stellungen zu treffen.", "de")
    assert not any(t == "CONSULT" for t, _, _ in got)
    # people met still are
    got = pairs("Macron will Merz in Paris treffen.", "de")
    assert ("CONSULT", "FRA", "DEU") in {(t, s, g) for t, s, g in got} | \
        {("CONSULT", g, s) for t, s, g in got if t == "CONSULT"}


# --- 2. weapons named by their origin are the means of an attack, not its target ---------------

@pytest.mark.parametrize("text, lang, src, tgt, origin", [
    ("Russland setzte iranische Drohnen gegen Kiew ein.", "de", "RUS", "UKR", "IRN"),
    ("Die ukrainische Armee setzte britische Marschflugkörper gegen russische Stellungen ein.", "de", "UKR", "RUS", "GBR"),
    ("Mit iranischen Drohnen griff Russland Kiew an.", "de", "RUS", "UKR", "IRN"),
    ("Ukraine used British missiles to strike Russian refineries.", "en", "UKR", "RUS", "GBR"),
    ("Russia attacked Kyiv with Iranian drones.", "en", "RUS", "UKR", "IRN"),
])
def test_weapon_origin_is_no_party(text, lang, src, tgt, origin):
    got = {(s, g) for t, s, g in pairs(text, lang) if t == "ASSAULT"}
    assert (src, tgt) in got
    assert not any(origin in (s, g) for s, g in got)


@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Russische Raketen trafen Kiew.", "de", "RUS", "UKR"),          # nobody named before: the weapons' side attacks
    ("Iranian drones hit Kyiv overnight.", "en", "IRN", "UKR"),
])
def test_weapon_subject_stays_the_attacker(text, lang, src, tgt):
    assert ("ASSAULT", src, tgt) in pairs(text, lang)


# --- 3. a war begun against a party --------------------------------------------------------------

@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Russland begann im Februar 2022 einen Krieg gegen die Ukraine.", "de", "RUS", "UKR"),
    ("Putin hat einen Krieg gegen die Ukraine entfesselt.", "de", "RUS", "UKR"),
    ("Äthiopien hat 2020 einen Krieg gegen Eritrea begonnen, sagen Kritiker.", "de", "ETH", "ERI"),
])
def test_war_begun_against_a_party(text, lang, src, tgt):
    assert ("ASSAULT", src, tgt) in pairs(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Der Krieg in der Ukraine begann im Februar 2022.", "de"),              # no party it is waged against
    ("Der russische Diktator hat den größten Krieg auf dem europäischen Kontinent entfesselt.", "de"),   # a place, no target
    ("Die Debatte über den Krieg gegen den Terror begann in Washington.", "de"),
])
def test_war_without_a_named_enemy(text, lang):
    got = pairs(text, lang)
    assert not any(t == "ASSAULT" and g is not None for t, _, g in got)


# --- 4. warnings of serious harm are threats ------------------------------------------------------

@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Iran warnte die USA, dass ein Angriff den Beziehungen schweren Schaden zufügen würde.", "de", "IRN", "USA"),
    ("Peking legte Washington dar, dass Waffenlieferungen an Taiwan ernste Konsequenzen hätten.", "de", "CHN", "USA"),
    ("Pakistan machte Indien klar, dass eine Sperre des Indus gravierende Folgen hätte.", "de", "PAK", "IND"),
    ("Iran warned the United States that an attack would seriously damage relations.", "en", "IRN", "USA"),
    ("China warned the United States of serious consequences if it sends weapons to Taiwan.", "en", "CHN", "USA"),
])
def test_warning_of_harm_is_a_threat(text, lang, src, tgt):
    got = pairs(text, lang)
    assert ("THREATEN", src, tgt) in got
    assert not any(t == "ASSAULT" for t, _, _ in got)      # the act warned of is no act of its own


@pytest.mark.parametrize("text, lang", [
    ("Der Minister erklärte, dass die Folgen des Krieges für Europa schwer seien.", "de"),
    ("Macron betonte, dass die Zusammenarbeit mit Deutschland gut sei.", "de"),
    ("Scholz erklärte Selenskyj, dass die Lieferung im Frühjahr beginnen werde.", "de"),
])
def test_statements_without_harm_are_no_threat(text, lang):
    assert not any(t == "THREATEN" for t, _, _ in pairs(text, lang))


# --- 5. economic pressure on a state is a sanction ---------------------------------------------

@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Die USA erhöhen den wirtschaftlichen Druck auf den Iran.", "de", "USA", "IRN"),
    ("China übt wirtschaftlichen Druck auf Litauen aus.", "de", "CHN", "LTU"),
    ("China increased economic pressure on Lithuania.", "en", "CHN", "LTU"),
    ("Washington stepped up economic pressure on Caracas.", "en", "USA", "VEN"),
])
def test_economic_pressure_is_a_sanction(text, lang, src, tgt):
    got = pairs(text, lang)
    assert ("SANCTION", src, tgt) in got
    assert not any(t == "COERCE" for t, _, _ in got)      # one act, not also a coercion


@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Trump übt Druck auf Selenskyj aus.", "de", "USA", "UKR"),        # pressure of no economic kind stays COERCE
    ("Trump increased pressure on Zelensky.", "en", "USA", "UKR"),
])
def test_plain_pressure_stays_coercion(text, lang, src, tgt):
    got = pairs(text, lang)
    assert ("COERCE", src, tgt) in got and not any(t == "SANCTION" for t, _, _ in got)


# --- 6. imports stopped by a state's firms; taking a town, not a stance ---------------------------

@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Indische Firmen stoppten die Ölimporte aus Russland.", "de", "IND", "RUS"),
    ("Chinesische Konzerne haben die Käufe von iranischem Öl eingestellt.", "de", "CHN", "IRN"),
    ("Die Türkei stoppte die Getreideexporte nach Israel.", "de", "TUR", "ISR"),
    ("India ordered its refiners to stop buying Russian oil.", "en", "IND", "RUS"),
    ("Chinese refiners halted purchases of Iranian crude.", "en", "CHN", "IRN"),
])
def test_imports_stopped_are_a_sanction(text, lang, src, tgt):
    assert ("SANCTION", src, tgt) in pairs(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Die Käufe von russischem Gas wurden nicht eingestellt, sagte Orban.", "de"),
    ("Indische Firmen kaufen weiter Öl aus Russland.", "de"),
])
def test_imports_going_on_are_no_sanction(text, lang):
    assert not any(t == "SANCTION" for t, _, _ in pairs(text, lang))


def test_taking_a_stance_is_no_capture():
    assert not any(t == "ASSAULT" for t, _, _ in pairs("Russland hat gegenüber den USA eine harte Haltung eingenommen.", "de"))
    assert not any(t == "ASSAULT" for t, _, _ in pairs("Putin hat gegenüber Trump dieselbe Position eingenommen wie 2022.", "de"))
    assert ("ASSAULT", "RUS", "UKR") in pairs("Russische Truppen nahmen die ukrainische Stadt Pokrowsk ein.", "de")


# --- 7. English: a war launched, started or waged against a party -------------------------------

@pytest.mark.parametrize("text, src, tgt", [
    ("Russia launched a war against Ukraine in 2022.", "RUS", "UKR"),
    ("Putin started the war against Ukraine.", "RUS", "UKR"),
    ("Israel waged war on Hamas.", "ISR", "PSE"),
])
def test_war_launched_against_a_party(text, src, tgt):
    assert ("ASSAULT", src, tgt) in pairs(text, "en")


@pytest.mark.parametrize("text", [
    "Talks on ending the war began in Istanbul.",
    "Kyiv was struck overnight.",                 # a passive with no agent names only the patient
])
def test_war_without_attacker(text):
    assert not any(t == "ASSAULT" and s in ("UKR", "RUS") and g is not None for t, s, g in pairs(text, "en"))


# --- 8. weapons "for" a state: the delivery implied ----------------------------------------------

@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Statt über amerikanische Marschflugkörper für die Ukraine wird nun über Gespräche geredet.", "de", "USA", "UKR"),
    ("Tomahawks für die Ukraine wären ein Wendepunkt.", "de", "USA", "UKR"),          # a named system: its maker
    ("Taurus-Marschflugkörper für die Ukraine sind umstritten.", "de", "DEU", "UKR"),
    ("Iran liefert Drohnen für Russland.", "de", "IRN", "RUS"),
    ("The debate shifted from American missiles for Ukraine to a summit.", "en", "USA", "UKR"),
    ("Washington approved new weapons for Israel.", "en", "USA", "ISR"),
])
def test_weapons_for_a_state(text, lang, src, tgt):
    assert ("AID", src, tgt) in pairs(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Russland produziert Raketen für den Krieg gegen die Ukraine.", "de"),          # for a war, not for a state
    ("Die EU gibt Milliarden für Waffen für den Wiederaufbau aus.", "de"),
    ("Russia builds missiles for its war against Ukraine.", "en"),
    ("The EU is spending billions on weapons for the war.", "en"),
])
def test_weapons_for_no_state(text, lang):
    assert not any(t == "AID" for t, _, _ in pairs(text, lang))

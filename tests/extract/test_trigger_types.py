"""Trigger words for the low-recall PLOVER types, one sentence per rule, German and English (written for these tests)."""
import datetime as dt

import pytest

from detente.extract.rules import code_sentence

ON = dt.date(2025, 10, 24)


def _ev(s, lang):
    _, coded = code_sentence(s, lang, ON)
    return [(c.type, c.source.country, c.target.country if c.target else None) for c in coded]


@pytest.mark.parametrize("lang,sentence,expected", [
    # AID
    ("de", "Kanada leistet der Ukraine humanitäre Hilfe.", ("AID", "CAN", "UKR")),
    ("de", "Die Lieferung von Marschflugkörpern an Kiew durch Frankreich begann im Mai.", ("AID", "FRA", "UKR")),
    ("de", "Norwegen hat Kiew Luftabwehrsysteme zur Verfügung gestellt.", ("AID", "NOR", "UKR")),
    ("en", "Japan sent humanitarian aid to Gaza.", ("AID", "JPN", "PSE")),
    # CONCEDE
    ("de", "Serbien machte Kosovo weitreichende Zugeständnisse.", ("CONCEDE", "SRB", "XKX")),
    ("de", "Im Streit mit China gab Australien schließlich klein bei.", ("CONCEDE", "AUS", "CHN")),
    ("en", "Hungary backed down in its dispute with Ukraine.", ("CONCEDE", "HUN", "UKR")),
    ("en", "Armenia made concessions to Azerbaijan.", ("CONCEDE", "ARM", "AZE")),
    # RETREAT
    ("de", "Armenien wird Aserbaidschan vier Dörfer überlassen.", ("RETREAT", "ARM", "AZE")),
    ("en", "Armenia agreed to cede four villages to Azerbaijan.", ("RETREAT", "ARM", "AZE")),
    # SUPPORT
    ("de", "Dänemark begrüßte die Initiative Norwegens.", ("SUPPORT", "DNK", "NOR")),
    ("de", "Litauen stellte sich demonstrativ hinter Polen.", ("SUPPORT", "LTU", "POL")),
    ("en", "Canada voiced strong support for Ukraine.", ("SUPPORT", "CAN", "UKR")),
    ("en", "Latvia stands with Lithuania in the dispute.", ("SUPPORT", "LVA", "LTU")),
    # COOPERATE
    ("de", "Frankreich und Italien wollen gemeinsam Raketen produzieren.", ("COOPERATE", "FRA", "ITA")),
    ("en", "Russia and Ukraine carried out a prisoner swap.", ("COOPERATE", "RUS", "UKR")),
    ("en", "Sweden works closely with Finland on air defence.", ("COOPERATE", "SWE", "FIN")),
    # THREATEN
    ("de", "Die USA stellten Indien Strafzölle in Aussicht.", ("THREATEN", "USA", "IND")),
    ("de", "Iran kündigte Vergeltung gegen Israel an.", ("THREATEN", "IRN", "ISR")),
    ("en", "Trump said Brazil would face heavy tariffs.", ("THREATEN", "USA", "BRA")),
    # ASSAULT
    ("de", "Russland marschierte 2022 in die Ukraine ein.", ("ASSAULT", "RUS", "UKR")),
    ("de", "Der Raketenbeschuss Charkiws durch Russland dauerte die ganze Nacht.", ("ASSAULT", "RUS", "UKR")),
    ("en", "Israeli forces raided a town in Lebanon.", ("ASSAULT", "ISR", "LBN")),
    # REQUEST (compound nouns), REJECT
    ("de", "Der Friedensvorschlag Brasiliens an Russland blieb ohne Antwort.", ("REQUEST", "BRA", "RUS")),
    ("de", "Ungarn torpedierte die Beitrittsgespräche mit Moldau.", ("REJECT", "HUN", "MDA")),
    ("en", "Ukraine asked for more air defence from Germany.", ("REQUEST", "UKR", "DEU")),
    ("en", "Moldova said no to the Russian offer.", ("REJECT", "MDA", "RUS")),
    # SANCTION
    ("de", "Polen verhängte ein Einreiseverbot gegen belarussische Beamte.", ("SANCTION", "POL", "BLR")),
    ("en", "The EU froze the assets of Russian banks.", ("SANCTION", "EU", "RUS")),
    ("en", "Washington imposed export controls on China.", ("SANCTION", "USA", "CHN")),
    # MOBILIZE
    ("de", "Der Aufmarsch russischer Truppen an der Grenze zu Finnland beunruhigt Helsinki.", ("MOBILIZE", "RUS", "FIN")),
    ("en", "China massed troops near Taiwan.", ("MOBILIZE", "CHN", "TWN")),
])
def test_trigger(lang, sentence, expected):
    got = _ev(sentence, lang)
    assert expected in got, got


@pytest.mark.parametrize("lang,sentence,expected", [
    # recognition is support, refusing it a rejection
    ("en", "Belgrade will never recognise Kosovo, Vucic said.", ("REJECT", "SRB", "XKX")),
    ("de", "Spanien erkennt Palästina an.", ("SUPPORT", "ESP", "PSE")),
    # joint exercises and restored relations are cooperation
    ("en", "South Korea and Japan held a joint naval exercise with the United States.", ("COOPERATE", "KOR", "USA")),
    ("en", "Saudi Arabia and Iran restored diplomatic relations.", ("COOPERATE", "SAU", "IRN")),
    ("de", "Ägypten und Katar nahmen die diplomatischen Beziehungen wieder auf.", ("COOPERATE", "EGY", "QAT")),
    # summoning an ambassador is a protest against that state
    ("en", "Germany summoned the Russian ambassador over the cyberattack.", ("ACCUSE", "DEU", "RUS")),
    ("de", "Polen bestellte den russischen Botschafter ein.", ("ACCUSE", "POL", "RUS")),
    # the newly listed states
    ("en", "Iran's foreign minister met his Omani counterpart in Muscat.", ("CONSULT", "IRN", "OMN")),
])
def test_more_triggers(lang, sentence, expected):
    got = _ev(sentence, lang)
    assert expected in got, got


def test_would_not_meet_is_hypothetical_not_cancelled():
    _, coded = code_sentence("The White House said Trump would not meet Putin without a clear outcome.", "en", ON)
    assert [c.status for c in coded if c.type == "CONSULT"] == ["hypothetical"]


def test_stopping_aid_is_a_sanction_not_aid():
    _, coded = code_sentence("Washington kündigte an, die Militärhilfe für Kiew vorerst auszusetzen.", "de", ON)
    assert [(c.type, c.source.country, c.target.country, c.status) for c in coded] == [("SANCTION", "USA", "UKR", "planned")]
    _, coded = code_sentence("The United States suspended military aid to Ukraine.", "en", ON)
    assert [(c.type, c.source.country, c.target.country, c.status) for c in coded] == [("SANCTION", "USA", "UKR", "occurred")]
    assert ("AID", "DEU", "UKR") in _ev("Germany sent military aid to Ukraine.", "en")


@pytest.mark.parametrize("lang,sentence,expected", [
    # foreign ministries and seats of government stand for their state
    ("de", "Das Auswärtige Amt wies die Vorwürfe Moskaus zurück.", ("REJECT", "DEU", "RUS")),
    ("en", "Downing Street condemned Russia's attack on Kyiv.", ("ACCUSE", "GBR", "RUS")),
    ("en", "The State Department warned Venezuela against further provocations.", ("THREATEN", "USA", "VEN")),
    ("en", "The Pentagon is sending more munitions to Israel.", ("AID", "USA", "ISR")),
    # a visit announced by a government: the genitive visitor's country is no other party
    ("de", "Der Élysée-Palast kündigte einen Besuch Macrons in Peking an.", ("CONSULT", "FRA", "CHN")),
])
def test_institutions(lang, sentence, expected):
    got = _ev(sentence, lang)
    assert expected in got, got


def test_who_condemns_an_attack_is_not_its_attacker():
    got = _ev("Downing Street verurteilte den Angriff auf Kiew.", "de")
    assert not any(e[0] == "ASSAULT" for e in got), got
    got = _ev("Canada condemned the attack on Kyiv.", "en")
    assert not any(e[0] == "ASSAULT" for e in got), got


def test_assuming_is_not_accepting():
    assert not any(e[0] == "AGREE" for e in _ev("Man kann annehmen, dass Japan und China verhandeln werden.", "de"))
    assert ("AGREE", "JPN", "CHN") in _ev("Japan nahm das Angebot Chinas an.", "de")
    assert not any(e[0] == "AGREE" for e in _ev("Japan accepted that China would not change course.", "en"))
    assert ("AGREE", "JPN", "CHN") in _ev("Japan accepted China's offer.", "en")
    # "vereinbarten, dass" stays an agreement
    assert ("AGREE", "JPN", "CHN") in _ev("Japan und China vereinbarten, dass ihre Minister sich treffen.", "de")


def test_umlaut_plurals_of_act_nouns():
    assert ("REQUEST", "BRA", "RUS") in _ev("Die Vorschläge Brasiliens an Russland blieben ohne Antwort.", "de")
    assert ("ASSAULT", "ISR", "IRN") in _ev("Die israelischen Luftschläge gegen Iran dauerten an.", "de")
    assert ("AGREE", "ARM", "AZE") in _ev("Armenien unterzeichnete Verträge mit Aserbaidschan.", "de") or \
        ("SUPPORT", "ARM", "AZE") in _ev("Armenien unterzeichnete Verträge mit Aserbaidschan.", "de")


def test_more_separable_particles():
    assert ("CONCEDE", "RUS", "UKR") in _ev("Russland ließ am Freitag zwei ukrainische Gefangene frei.", "de") or \
        any(e[:2] == ("CONCEDE", "RUS") for e in _ev("Russland gab am Freitag zwei Journalisten an die Ukraine frei.", "de"))
    assert ("COOPERATE", "POL", "LTU") in _ev("Polen und Litauen arbeiten bei der Grenzsicherung eng zusammen.", "de")

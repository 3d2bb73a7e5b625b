"""Events named by nouns and the participants their noun phrase implies (docs/extraction.md,
"Sixth pass"): plural possessives, plural office nouns with coordinated states, a weapon
system's maker as the default supplier, demonyms owning aid nouns. Sentences written for these
tests (none from the seed corpus), German and English, with several crises."""
from __future__ import annotations

import pytest

from sentence_events import events

from detente.extract import systems


def _pairs(text: str, lang: str) -> set[tuple[str, str, str | None]]:
    return {(t, s, g) for t, s, g, _ in events(text, lang)}


# --- 3. a weapon system's maker supplies it when the clause names no agent ---------------------

@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Die Lieferung von Tomahawk-Raketen an die Ukraine ist umstritten.", "de", "USA", "UKR"),
    ("Die Lieferung von Taurus-Marschflugkörpern an Kiew bleibt ein Streitthema.", "de", "DEU", "UKR"),
    ("Die Lieferung von Shahed-Drohnen an Russland wurde bestätigt.", "de", "IRN", "RUS"),
    ("Über die Lieferung weiterer Patriot-Systeme an Israel wird beraten.", "de", "USA", "ISR"),
    ("Die Taurus-Lieferungen an die Ukraine bleiben ein Thema im Bundestag.", "de", "DEU", "UKR"),
    ("The delivery of Tomahawks to Ukraine was discussed.", "en", "USA", "UKR"),
    ("The delivery of F-16 jets to Taiwan began in August.", "en", "USA", "TWN"),
    ("The transfer of S-400 systems to India was completed last year.", "en", "RUS", "IND"),
    ("Storm Shadow deliveries to Ukraine resumed in the spring.", "en", "GBR", "UKR"),
])
def test_maker_is_default_supplier(text, lang, src, tgt):
    assert ("AID", src, tgt) in _pairs(text, lang)


@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Frankreich kündigte die Lieferung von Storm-Shadow-Raketen an die Ukraine an.", "de", "FRA", "UKR"),
    ("Norwegen prüft die Lieferung von Patriot-Systemen an die Ukraine.", "de", "NOR", "UKR"),
    ("Poland announced the delivery of Leopard tanks to Ukraine.", "en", "POL", "UKR"),
    ("The delivery of F-16 jets to Ukraine by Denmark began in August.", "en", "DNK", "UKR"),
    ("Die Lieferung von F-16-Kampfjets an die Ukraine durch Dänemark begann im August.", "de", "DNK", "UKR"),
    ("Dänemark hat der Ukraine die ersten F-16-Kampfjets geliefert.", "de", "DNK", "UKR"),
    ("Germany sent IRIS-T systems to Ukraine.", "en", "DEU", "UKR"),
])
def test_named_agent_wins_over_maker(text, lang, src, tgt):
    got = _pairs(text, lang)
    assert ("AID", src, tgt) in got
    assert not any(t == "AID" and s != src for t, s, _ in got)


@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Die Ukraine hat die ersten F-16-Kampfjets erhalten.", "de", "USA", "UKR"),
    ("Russland erhielt Shahed-Drohnen aus dem Iran.", "de", "IRN", "RUS"),
    ("Polen bekam Leopard-Panzer aus Deutschland.", "de", "DEU", "POL"),
    ("Ukraine received its first F-16 jets in August.", "en", "USA", "UKR"),
    ("Taiwan will receive the first Abrams tanks next year.", "en", "USA", "TWN"),
    ("India received S-400 systems from Russia in 2022.", "en", "RUS", "IND"),
    # a buyer receives too, unless it buys for another
    ("Polen kauft weitere Abrams-Panzer.", "de", "USA", "POL"),
    ("Indien kaufte S-400-Systeme aus Russland.", "de", "RUS", "IND"),
    ("Der Kauf von F-35-Kampfjets durch die Schweiz ist umstritten.", "de", "USA", "CHE"),
    ("Poland is buying more Abrams tanks.", "en", "USA", "POL"),
    ("Turkey's purchase of S-400 missiles from Russia angered Washington.", "en", "RUS", "TUR"),
    ("Switzerland ordered F-35 jets in 2022.", "en", "USA", "CHE"),
    ("Deutschland kauft Patriot-Systeme für die Ukraine.", "de", "DEU", "UKR"),
    ("Germany will buy Patriot systems for Ukraine.", "en", "DEU", "UKR"),
])
def test_receiver_of_a_system_is_the_recipient(text, lang, src, tgt):
    got = _pairs(text, lang)
    assert ("AID", src, tgt) in got and ("AID", tgt, src) not in got


@pytest.mark.parametrize("text, lang", [
    ("Die Tomahawk ist ein Marschflugkörper mit großer Reichweite.", "de"),
    ("Der Taurus gilt als besonders präzise.", "de"),
    ("The Patriot system has a range of 160 kilometres.", "en"),
    ("Leopard tanks were seen near the front in Zaporizhzhia.", "en"),
    # a delivery without a recipient names only the system: nobody is the target
    ("Die Lieferung von Tomahawks ist umstritten.", "de"),
    ("The delivery of Tomahawks remains controversial.", "en"),
    ("Die Ukraine hat keine Taurus-Marschflugkörper erhalten.", "de"),
    ("Ukraine has asked for Tomahawks.", "en"),
])
def test_system_without_delivery_or_recipient_is_no_event(text, lang):
    assert not any(t == "AID" for t, _, _ in _pairs(text, lang))


def test_weapons_file_with_unknown_maker_is_one_clear_error(monkeypatch):
    from detente.errors import InputError
    monkeypatch.setattr(systems, "_read_yaml", lambda *parts: {"systems": [{"name": "Foo", "maker": "XXX", "forms": ["foo"]}]})
    systems._table.cache_clear()
    try:
        with pytest.raises(InputError, match="weapons.yaml: system 1 \\(Foo\\): maker 'XXX'"):
            systems._table()
    finally:
        systems._table.cache_clear()


def test_system_forms_inflected_and_compound():
    low = "tomahawks, tomahawk-marschflugkörper, f-16-kampfjets, leopard-2-panzern, iris-t-systeme, storm-shadow-raketen"
    assert [m.country for _, _, m in systems.find(low)] == ["USA", "USA", "USA", "DEU", "DEU", "GBR"]
    assert systems.find("patriotische gefühle und ein leopardenfell") == []


# --- 4. demonyms and owners of aid nouns; military or financial support is aid -------------------

@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Die amerikanische Militärhilfe für Israel wächst.", "de", "USA", "ISR"),
    ("Die russische Militärhilfe für Sudan wächst.", "de", "RUS", "SDN"),
    ("Die finanzielle Unterstützung der Ukraine durch die EU wird fortgesetzt.", "de", "EU", "UKR"),
    ("Eine wirksame militärische Unterstützung Israels durch die USA bleibt entscheidend.", "de", "USA", "ISR"),
    ("Frankreich will mehr Geld für die Unterstützung der Ukraine ausgeben.", "de", "FRA", "UKR"),
    ("Die deutsche Beteiligung an der Militärhilfe für Israel wächst.", "de", "DEU", "ISR"),
    ("Die britische Rolle bei der militärischen Unterstützung der Ukraine ist groß.", "de", "GBR", "UKR"),
    ("Entscheidend ist die amerikanische Beteiligung an der militärischen Unterstützung Taiwans.", "de", "USA", "TWN"),
    ("Japan will Milliarden für die Unterstützung Armeniens bereitstellen.", "de", "JPN", "ARM"),
    ("American military aid to Israel will continue.", "en", "USA", "ISR"),
    ("British arms deliveries to Kyiv continued.", "en", "GBR", "UKR"),
    ("Russian military support for Sudan's army has grown.", "en", "RUS", "SDN"),
    ("Britain's role in military aid to Kyiv is growing.", "en", "GBR", "UKR"),
    ("US participation in military support for Ukraine is uncertain.", "en", "USA", "UKR"),
    ("France wants to spend more money on supporting Ukraine.", "en", "FRA", "UKR"),
    ("Japan announced a new aid package for Armenia.", "en", "JPN", "ARM"),
    ("Military aid from the United States to Ukraine has stalled.", "en", "USA", "UKR"),
    ("Humanitarian aid from the EU to Sudan was increased.", "en", "EU", "SDN"),
    ("Financial support from Japan for Ukraine has grown.", "en", "JPN", "UKR"),
    ("Die Militärhilfe aus den USA für die Ukraine stockt.", "de", "USA", "UKR"),
    ("Nordkoreas Lieferungen von Artilleriegranaten an Russland nehmen zu.", "de", "PRK", "RUS"),
    ("Die Lieferung iranischer Drohnen an Russland wurde bestätigt.", "de", "IRN", "RUS"),
    ("North Korea's supply of artillery shells to Russia has increased.", "en", "PRK", "RUS"),
    # a demonym on the goods names the supplier, whoever reports the delivery
    ("The shipment of Iranian drones to Russia was confirmed by Kyiv.", "en", "IRN", "RUS"),
    ("Die Lieferung von nordkoreanischen Raketen an Russland wurde von Kiew gemeldet.", "de", "PRK", "RUS"),
    ("Die Lieferung deutscher Panzer an die Ukraine ist beschlossen.", "de", "DEU", "UKR"),
    ("The delivery of American weapons to Taiwan resumed.", "en", "USA", "TWN"),
    ("Washington genehmigte den Verkauf von F-35-Kampfjets an Saudi-Arabien.", "de", "USA", "SAU"),
    ("The sale of Patriot missiles to Poland was approved.", "en", "USA", "POL"),
])
def test_aid_noun_owner(text, lang, src, tgt):
    got = _pairs(text, lang)
    assert ("AID", src, tgt) in got
    assert ("AID", tgt, src) not in got and ("SUPPORT", src, tgt) not in got


@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Deutschland unterstützt die Ukraine politisch.", "de", "DEU", "UKR"),
    ("Germany politically supports Armenia.", "en", "DEU", "ARM"),
    ("Die USA unterstützen Taiwan.", "de", "USA", "TWN"),
    # ... and so does support named by a noun, neither military nor financial
    ("Chinas Unterstützung für Russland wächst.", "de", "CHN", "RUS"),
    ("China's support for Russia is growing.", "en", "CHN", "RUS"),
])
def test_verbal_support_stays_support(text, lang, src, tgt):
    got = _pairs(text, lang)
    assert ("SUPPORT", src, tgt) in got and not any(t == "AID" for t, _, _ in got)


# --- 1. a plural possessive of an act noun refers to the pair named in the clause ----------------

@pytest.mark.parametrize("text, lang, a, b", [
    ("Netanjahu und Biden sprachen nach ihrem Telefonat von Fortschritten.", "de", "ISR", "USA"),
    ("Ein Sprecher sagte, dass Macron und Merz nach ihrem Gespräch eine Einigung über den Haushalt erzielt hätten.", "de", "FRA", "DEU"),
    ("Es ist bekannt, dass Biden Netanjahu bereits in ihrem ersten Telefonat einen Waffenstillstand vorgeschlagen hat.", "de", "USA", "ISR"),
    ("Nach ihrem Telefonat erklärten Xi Jinping und Biden, die Beziehungen verbessern zu wollen.", "de", "CHN", "USA"),
    ("Armenien und Aserbaidschan einigten sich nach ihrem Treffen auf einen Vertragstext.", "de", "ARM", "AZE"),
    ("After their call, Biden and Netanyahu said progress had been made.", "en", "USA", "ISR"),
    ("Macron and Merz agreed on a new budget after their meeting in Paris.", "en", "FRA", "DEU"),
    ("Biden told Netanyahu in their first phone call that a ceasefire was needed.", "en", "USA", "ISR"),
    ("Xi and Biden said after their talks that relations had improved.", "en", "CHN", "USA"),
    ("During their meeting, Xi urged Biden to ease export controls.", "en", "CHN", "USA"),
    ("In their first meeting, Modi told Sharif that talks must resume.", "en", "IND", "PAK"),
])
def test_plural_possessive_names_the_pair(text, lang, a, b):
    got = _pairs(text, lang)
    assert ("CONSULT", a, b) in got or ("CONSULT", b, a) in got


@pytest.mark.parametrize("text, lang", [
    ("Netanyahu said after his meeting that Israel would continue.", "en"),
    ("Netanjahu sagte nach seinem Treffen, Israel werde weitermachen.", "de"),
    ("After his call, Biden said progress had been made.", "en"),
    ("Die Außenminister sprachen nach ihrem Treffen von Fortschritten.", "de"),
    ("The protesters returned home after their meeting.", "en"),
    # a group's own "their", and an owner coreference did not find, make no pair of the clause's actors
    ("After their talks, Hamas accused Israel of violating the truce.", "en"),
    ("Nach ihrem Treffen kritisierten die EU-Staaten Orban.", "de"),
    ("After their meeting in Brussels, EU leaders criticised Orban.", "en"),
])
def test_possessive_with_one_party_is_no_meeting(text, lang):
    assert not any(t == "CONSULT" for t, _, _ in _pairs(text, lang))


# --- 2. plural office nouns with coordinated states in the genitive --------------------------------

@pytest.mark.parametrize("text, lang, a, b", [
    ("Baerbock sagt, das Treffen der Präsidenten der USA und Chinas werde verschoben.", "de", "USA", "CHN"),
    ("Das Treffen der Präsidenten der USA und Chinas findet am Montag statt.", "de", "USA", "CHN"),
    ("Ein Sprecher sagte, das Treffen der Außenminister Armeniens und Aserbaidschans finde am Montag statt.", "de", "ARM", "AZE"),
    ("Die Außenminister der Türkei und Griechenlands trafen sich in Athen.", "de", "TUR", "GRC"),
    ("The meeting of the foreign ministers of Armenia and Azerbaijan was held on Monday.", "en", "ARM", "AZE"),
    ("A meeting of the presidents of the United States and China is planned for Monday.", "en", "USA", "CHN"),
    ("The leaders of Israel and Egypt spoke by phone.", "en", "ISR", "EGY"),
    ("The presidents of the United States and Russia will meet in Budapest.", "en", "USA", "RUS"),
    ("A phone call between the leaders of Egypt and Israel took place on Monday.", "en", "EGY", "ISR"),
    ("Talks between the foreign ministers of India and Pakistan resumed on Monday.", "en", "IND", "PAK"),
    ("Gespräche zwischen den Außenministern der USA und Russlands sind geplant.", "de", "USA", "RUS"),
    ("The summit of the leaders of China and India was cancelled.", "en", "CHN", "IND"),
    ("Der Gipfel der Staats- und Regierungschefs Chinas und Indiens wurde abgesagt.", "de", "CHN", "IND"),
    ("The nuclear talks between Iran and the United States stalled.", "en", "IRN", "USA"),
    ("The visit of the Chinese foreign minister to Moscow was announced.", "en", "CHN", "RUS"),
    ("Der Besuch des chinesischen Außenministers in Moskau wurde angekündigt.", "de", "CHN", "RUS"),
])
def test_office_holders_of_coordinated_states(text, lang, a, b):
    got = _pairs(text, lang)
    assert ("CONSULT", a, b) in got or ("CONSULT", b, a) in got
    assert not any(t == "CONSULT" and {s, g} != {a, b} for t, s, g in got)


@pytest.mark.parametrize("text, lang", [
    ("Das Treffen der Präsidenten wurde verschoben.", "de"),
    ("The meeting of the foreign ministers of the European Union was postponed.", "en"),
])
def test_office_noun_without_two_states_is_no_pair(text, lang):
    assert not any(t == "CONSULT" for t, _, _ in _pairs(text, lang))


@pytest.mark.parametrize("text, lang, a, b", [
    ("Baerbock sagt, das Treffen der Präsidenten der USA und Chinas werde nicht verschoben.", "de", "USA", "CHN"),
    ("Das Treffen zwischen Macron und Merz wird nicht abgesagt.", "de", "FRA", "DEU"),
    ("The summit between Modi and Sharif will not be postponed.", "en", "IND", "PAK"),
])
def test_meeting_not_called_off_is_planned(text, lang, a, b):
    got = events(text, lang)
    assert ("CONSULT", a, b, "planned") in got or ("CONSULT", b, a, "planned") in got


def test_meeting_negated_itself_is_no_meeting():
    assert not events("Macron und Merz trafen sich nicht.", "de")


@pytest.mark.parametrize("text, lang", [
    ("Nach ihrem Treffen mit Selenskyj sprachen Macron und Merz von Fortschritten.", "de"),
    ("After their meeting with Zelensky, Macron and Merz spoke of progress.", "en"),
    ("Macron, Merz und Starmer sprachen nach ihrem Treffen mit Selenskyj von Fortschritten.", "de"),
])
def test_pair_owning_talks_with_a_third_meets_the_third_once(text, lang):
    """The pair of a plural possessive is one side; each of them met the partner after "mit"/"with",
    once (a meeting in either order is one event), and not each other."""
    got = events(text, lang)
    meetings = [(s, g) for t, s, g, _ in got if t == "CONSULT"]
    assert {frozenset(m) for m in meetings} >= {frozenset({"FRA", "UKR"}), frozenset({"DEU", "UKR"})}
    assert len(meetings) == len({frozenset(m) for m in meetings})
    assert frozenset({"FRA", "DEU"}) not in {frozenset(m) for m in meetings}


@pytest.mark.parametrize("text, lang, want", [
    ("Trilateral talks between the United States, Ukraine and Russia began in Abu Dhabi.", "en",
     {frozenset({"USA", "UKR"}), frozenset({"USA", "RUS"}), frozenset({"UKR", "RUS"})}),
    ("Die Gespräche zwischen den USA, der Ukraine und Russland begannen in Abu Dhabi.", "de",
     {frozenset({"USA", "UKR"}), frozenset({"USA", "RUS"}), frozenset({"UKR", "RUS"})}),
    ("Frankreich, Deutschland und Polen trafen sich in Weimar.", "de",
     {frozenset({"FRA", "DEU"}), frozenset({"FRA", "POL"}), frozenset({"DEU", "POL"})}),
])
def test_talks_of_three_parties_are_each_pair(text, lang, want):
    """Talks between three parties are a CONSULT of each pair, between them wherever held (Abu Dhabi
    is no host of talks between others)."""
    assert {frozenset((s, g)) for t, s, g, _ in events(text, lang) if t == "CONSULT"} == want


def test_support_as_a_helper_phrase_is_no_act():
    assert not any(t == "SUPPORT" for t, _, _, _ in events(
        "Mit Unterstützung Katars verhandelten Israel und die Hamas über eine Waffenruhe.", "de"))


@pytest.mark.parametrize("text, lang, src, tgt", [
    ("Selenskyj bat erneut um Tomahawk-Raketen.", "de", "UKR", "USA"),
    ("Zelensky asked again for Tomahawk missiles.", "en", "UKR", "USA"),
    ("Kiew fordert seit Monaten die Lieferung von Taurus-Marschflugkörpern.", "de", "UKR", "DEU"),
    ("Kyiv has long called for the delivery of Taurus missiles.", "en", "UKR", "DEU"),
    ("Taiwan bat um weitere Patriot-Systeme.", "de", "TWN", "USA"),
])
def test_request_for_a_system_is_addressed_to_its_maker(text, lang, src, tgt):
    assert ("REQUEST", src, tgt) in _pairs(text, lang)


def test_request_of_someone_unnamed_is_not_addressed_to_the_maker():
    assert not any(t == "REQUEST" and g is not None for t, _, g in _pairs("Zelensky urges allies to send more Patriots before winter", "en"))

"""Meetings and talks in English articles (eighth pass, docs/extraction.md "Eighth pass: meetings
in English articles"). Wire articles of our own on several crises, their CONSULT events annotated
before the extractor was run; each class both ways - what must be coded and same-shaped text that
must not."""
from __future__ import annotations

from sentence_events import check_kept_wrong, coded_pairs, event_list, events, pairs


# --- a guest named by a state's genitive and an office is received (responses._received_office)

def test_received_a_states_minister_is_a_visit():
    text = ("Mali's junta leader Assimi Goita received Russia's deputy defence minister Yunus-Bek Yevkurov "
            "in Bamako on Thursday. The two men discussed military cooperation, the presidency said.")
    assert ("CONSULT", "MLI", "RUS") in pairs(text, "en")
    text = ("Serbian President Aleksandar Vucic received the European Union's envoy Miroslav Lajcak in Belgrade "
            "on Tuesday. Lajcak had met Kosovo's Prime Minister Albin Kurti in Pristina a day earlier.")
    check_kept_wrong(pairs(text, "en"), {("CONSULT", "SRB", "EU"), ("CONSULT", "EU", "XKX")}, set())
    assert ("CONSULT", "SRB", "HUN") in coded_pairs("Vucic received Hungary's prime minister in Belgrade.", "en")


def test_received_a_states_thing_is_no_visit():
    got = coded_pairs("Kyiv received Russia's proposal in Istanbul.", "en")
    assert not any(t == "CONSULT" for t, _, _ in got), got
    got = coded_pairs("Ukraine received Germany's first Patriot systems in May.", "en")
    assert not any(t == "CONSULT" for t, _, _ in got), got


# --- a meeting said to be possible is hypothetical (status: predicative "possible")

def test_meeting_said_to_be_possible_is_hypothetical():
    text = ("Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met at the White House "
            "on Friday. Aliyev said a meeting with Pashinyan in Abu Dhabi was possible next month.")
    got = events(text, "en")
    assert ("CONSULT", "AZE", "ARM", "hypothetical") in got, got
    assert ("CONSULT", "AZE", "ARM", "planned") not in got, got
    got = events("Putin met Trump in Anchorage, the Kremlin said, adding that a second summit is possible.", "en")
    assert ("CONSULT", "RUS", "USA", "occurred") in got, got


def test_possible_elsewhere_leaves_the_meeting_a_fact():
    # "possible" of another clause, or not predicated of the act noun
    got = events("Xi met Modi in Kazan, which was possible after the border deal.", "en")
    assert ("CONSULT", "CHN", "IND", "occurred") in got, got
    got = events("Erdogan met Putin in Sochi and did everything possible to revive the grain deal.", "en")
    assert ("CONSULT", "TUR", "RUS", "occurred") in got, got


# --- a visit and a meeting there in one sentence are one event (responses.visit_and_meeting)

def _consults(text: str, lang: str = "en") -> list[tuple[str, str | None]]:
    return [(s, g) for t, s, g, _ in event_list(text, lang) if t == "CONSULT"]


def test_visit_and_meeting_with_the_host_is_one_event():
    assert _consults("Petro later travelled to Caracas, where he met President Nicolas Maduro.") == [("COL", "VEN")]
    assert _consults("Indian Prime Minister Narendra Modi flew to Moscow on Monday and held talks with Putin.") \
        == [("IND", "RUS")]
    assert _consults("French President Emmanuel Macron visited Kyiv on Saturday and met Zelensky.") == [("FRA", "UKR")]
    assert _consults("Macron reiste am Samstag nach Kiew und traf dort Selenskyj.", "de") == [("FRA", "UKR")]


def test_visit_and_meeting_in_two_sentences_or_two_talks_stay():
    # each sentence codes its own event; two talks of one sentence are not a visit
    got = _consults("Macron visited Kyiv on Saturday. He met Zelensky at the presidential palace.")
    assert got == [("FRA", "UKR"), ("FRA", "UKR")], got
    got = _consults("Macron visited Kyiv, where he met Zelensky, and later flew to Warsaw.")
    assert ("FRA", "UKR") in got and ("FRA", "POL") in got, got


# --- "the three leaders": as many of the most salient office holders (coref role nouns with a number)

def test_the_three_leaders_are_the_three_named_before():
    text = ("Emmanuel Macron, Friedrich Merz and Keir Starmer met Zelensky in Kyiv on Saturday. "
            "The three leaders later spoke by phone with U.S. President Donald Trump.")
    assert {("CONSULT", "FRA", "USA"), ("CONSULT", "DEU", "USA"), ("CONSULT", "GBR", "USA")} <= pairs(text, "en")
    text = ("Leaders of Egypt, Qatar and Turkey met in Sharm el-Sheikh. Egyptian President Abdel Fattah al-Sisi, "
            "Qatar's Emir Sheikh Tamim bin Hamad Al Thani and Turkish President Tayyip Erdogan signed the declaration. "
            "The three leaders later held talks with Trump.")
    assert {("CONSULT", "EGY", "USA"), ("CONSULT", "QAT", "USA"), ("CONSULT", "TUR", "USA")} <= pairs(text, "en")


def test_the_three_leaders_need_three_holders():
    # two leaders named before: "the three leaders" is nobody the article has named
    got = pairs("Macron and Merz met in Paris. The three leaders later spoke by phone with Trump.", "en")
    assert not any(t == "CONSULT" and "USA" in (s, o) for t, s, o in got), got


# --- the object of "discuss" is its topic, not a partner (responses.discussed_topic)

def test_discussed_state_is_the_topic():
    assert coded_pairs("Xi and Biden discussed Taiwan.", "en") == {("CONSULT", "CHN", "USA")}
    assert coded_pairs("Trump discussed Ukraine with his Russian counterpart.", "en") == {("CONSULT", "USA", "RUS")}
    text = ("Qatar's Emir Tamim bin Hamad Al Thani met Erdogan in Ankara on Monday. "
            "The two leaders discussed Gaza and the situation in Syria.")
    got = pairs(text, "en")
    assert not any("PSE" in (s, o) or "SYR" in (s, o) for _, s, o in got), got
    assert ("CONSULT", "QAT", "TUR") in got, got


def test_discussed_with_a_partner_keeps_the_partner():
    assert coded_pairs("Macron discussed security guarantees with Zelensky.", "en") == {("CONSULT", "FRA", "UKR")}
    assert coded_pairs("Lula and Petro discussed the crisis in Venezuela.", "en") == {("CONSULT", "BRA", "COL")}


# --- a summit of three or more in the capital of one of them: each with each (arguments._host)

def test_summit_in_a_members_capital_is_pairwise():
    text = ("Niger's prime minister Ali Lamine Zeine travelled to Moscow last week. "
            "The leaders of Mali, Burkina Faso and Niger will meet in Niamey next month.")
    got = {frozenset((s, o)) for t, s, o in pairs(text, "en") if t == "CONSULT"}
    assert {frozenset(("MLI", "BFA")), frozenset(("MLI", "NER")), frozenset(("BFA", "NER"))} <= got, got
    got = {frozenset((s, o)) for t, s, o in coded_pairs("Macron, Merz and Starmer met in Paris on Monday.", "en")}
    assert got == {frozenset(("FRA", "DEU")), frozenset(("FRA", "GBR")), frozenset(("DEU", "GBR"))}, got


def test_three_visitors_in_a_capital_visit_its_state():
    # the host is not in the list: each visits the capital's state
    got = coded_pairs("France, Germany and Britain met in Kyiv on Monday.", "en")
    assert got == {("CONSULT", "FRA", "UKR"), ("CONSULT", "DEU", "UKR"), ("CONSULT", "GBR", "UKR")}, got


def test_leaders_of_named_states_are_those_states():
    # "the leaders of X, Y and Z" names its holders; leaders told before are not meant
    text = ("Mali's junta leader Assimi Goita received Russia's deputy defence minister in Bamako on Thursday. "
            "Niger's prime minister Ali Lamine Zeine travelled to Moscow last week. "
            "The leaders of Mali, Burkina Faso and Niger will meet in Niamey next month.")
    got = {frozenset((s, o)) for t, s, o in pairs(text, "en") if t == "CONSULT"}
    assert {frozenset(("MLI", "BFA")), frozenset(("BFA", "NER"))} <= got, got
    # a bare "the leaders" still points back
    got = pairs("Macron met Merz in Berlin. The leaders later called Trump.", "en")
    assert {("CONSULT", "FRA", "USA"), ("CONSULT", "DEU", "USA")} <= got, got

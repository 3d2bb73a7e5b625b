"""Speech acts (issue 3, seventh pass): demands, refusals and approvals, and the types they are
confused with. Sentences written for these tests (German and English, several crises), none
from the seed; each class has sentences that must yield the act and sentences of the same shape
that must not."""
import pytest

from sentence_events import events


def _types(text: str, lang: str) -> set[tuple[str, str, str | None]]:
    return {(t, s, g) for t, s, g, _ in events(text, lang)}


# --- approval: backing a proposal is agreeing to it; backing an actor is support -----------------

@pytest.mark.parametrize("lang,text,want", [
    ("de", "Deutschland unterstützte den Vorschlag Frankreichs.", ("AGREE", "DEU", "FRA")),
    ("de", "Polen hat den Plan Frankreichs sofort unterstützt.", ("AGREE", "POL", "FRA")),
    ("de", "Ägypten befürwortet die Idee Katars.", ("AGREE", "EGY", "QAT")),
    ("de", "Deutschland unterstützt den Plan der Ukraine, der Nato beizutreten.", ("AGREE", "DEU", "UKR")),
    # a proposal made to the one who backs it: the pronoun points back to it
    ("de", "Kairo sei Erdogans Vorschlag gewesen, Netanjahu habe ihn sofort unterstützt.", ("AGREE", "ISR", "TUR")),
    ("en", "Germany backed France's proposal.", ("AGREE", "DEU", "FRA")),
    ("en", "Germany supports Ukraine's plan to join NATO.", ("AGREE", "DEU", "UKR")),
    ("en", "Erdogan proposed Istanbul as the venue and Netanyahu immediately backed the idea.", ("AGREE", "ISR", "TUR")),
])
def test_backing_a_proposal_is_agreeing(lang, text, want):
    got = _types(text, lang)
    assert want in got and ("SUPPORT",) + want[1:] not in got, got


@pytest.mark.parametrize("lang,text,want", [
    ("de", "Frankreich unterstützt die Ukraine.", ("SUPPORT", "FRA", "UKR")),
    ("de", "Die Türkei unterstützt Aserbaidschan politisch.", ("SUPPORT", "TUR", "AZE")),
    ("de", "Die EU begrüßte die Initiative Chinas.", ("SUPPORT", "EU", "CHN")),     # welcoming stays support
    ("en", "Turkey backs Azerbaijan.", ("SUPPORT", "TUR", "AZE")),
    ("en", "The EU welcomed China's initiative.", ("SUPPORT", "EU", "CHN")),
])
def test_backing_an_actor_is_support(lang, text, want):
    got = _types(text, lang)
    assert want in got and ("AGREE",) + want[1:] not in got, got


# --- refusing by stance: opposing, not departing from one's line ---------------------------------

@pytest.mark.parametrize("lang,text,want", [
    ("de", "Russland opponiert gegen die Idee der USA.", ("REJECT", "RUS", "USA")),
    ("de", "Die Türkei hat gegen den Plan Schwedens konsequent opponiert.", ("REJECT", "TUR", "SWE")),
    ("de", "Lawrow betonte, dass Russland nicht von seiner Position gegenüber den USA abrücke.", ("REJECT", "RUS", "USA")),
    ("de", "Iran weicht nicht von seinen Forderungen an die USA ab.", ("REJECT", "IRN", "USA")),
    ("de", "Serbien rückte in den Gesprächen mit dem Kosovo keinen Millimeter von seiner Haltung ab.", ("REJECT", "SRB", "XKX")),
    ("en", "Iran has not budged from its demands in talks with Washington.", ("REJECT", "IRN", "USA")),
    ("en", "Israel stands by its position in the talks with Hamas.", ("REJECT", "ISR", "PSE")),
])
def test_holding_ones_line_is_refusing(lang, text, want):
    assert want in _types(text, lang)


@pytest.mark.parametrize("lang,text,absent", [
    # departing from a line is no refusal; a line held with no counterpart named has no target
    ("de", "Serbien rückte in den Gesprächen mit dem Kosovo von seiner Haltung ab.", "REJECT"),
    ("de", "Die Zahlen weichen nicht von der Prognose ab.", "REJECT"),
    ("en", "Germany stands by Ukraine.", "REJECT"),
    ("en", "The index has not budged since Monday.", "REJECT"),
])
def test_not_refusing(lang, text, absent):
    assert absent not in {t for t, _, _ in _types(text, lang)}


# --- insisting: on another's act it is a demand, on one's own line a refusal ---------------------

@pytest.mark.parametrize("lang,text,want", [
    ("de", "Die Türkei besteht auf dem Abzug der griechischen Truppen.", ("REQUEST", "TUR", "GRC")),
    ("de", "Es ist klar, dass Ankara auf dem Rückzug Griechenlands besteht.", ("REQUEST", "TUR", "GRC")),
    ("de", "Man könnte es verstehen, wenn Israel auf der Freilassung aller Geiseln durch die Hamas bestünde.",
     ("REQUEST", "ISR", "PSE")),
    ("de", "Selenskyj beharrt auf verbindlichen Sicherheitsgarantien der Europäer.", ("REQUEST", "UKR", "EU")),
    ("en", "Turkey insists on the withdrawal of Greek troops.", ("REQUEST", "TUR", "GRC")),
    ("en", "Turkey insisted on talks with Armenia.", ("REQUEST", "TUR", "ARM")),
    # ... one's own position held against a counterpart is a refusal of it
    ("de", "Russland beharrt auf seiner Position gegenüber den USA.", ("REJECT", "RUS", "USA")),
    ("de", "Der Kreml besteht gegenüber den USA weiter auf seiner Haltung.", ("REJECT", "RUS", "USA")),
    ("en", "Russia insists on its position in talks with the US.", ("REJECT", "RUS", "USA")),
])
def test_insisting(lang, text, want):
    got = _types(text, lang)
    other = "REJECT" if want[0] == "REQUEST" else "REQUEST"
    assert want in got and (other,) + want[1:] not in got, got


@pytest.mark.parametrize("lang,text", [
    ("de", "Die Lösung besteht darin, mit Iran zu verhandeln."),
    ("de", "Das Abkommen zwischen Serbien und dem Kosovo besteht aus drei Teilen."),
    ("en", "The deal between Serbia and Kosovo consists of three parts."),
])
def test_not_insisting(lang, text):
    assert not {t for t, _, _ in _types(text, lang)} & {"REQUEST", "REJECT"}


# --- stressing the need for an act is demanding it -----------------------------------------------

@pytest.mark.parametrize("lang,text,want", [
    ("de", "Macron betonte die Notwendigkeit einer Waffenruhe zwischen Israel und der Hamas.", ("REQUEST", "FRA", "ISR")),
    ("de", "Scholz unterstrich gegenüber Peking die Dringlichkeit, die Exporte nach Russland zu stoppen.", ("REQUEST", "DEU", "CHN")),
    ("en", "Rubio stressed the need for a ceasefire between Israel and Hamas.", ("REQUEST", "USA", "PSE")),
    ("en", "Macron underlined the importance of holding talks with Iran.", ("REQUEST", "FRA", "IRN")),
])
def test_stressing_the_need(lang, text, want):
    assert want in _types(text, lang)


@pytest.mark.parametrize("lang,text", [
    # the importance of a relation is a judgement, not a demand; a report is no actor
    ("de", "Scholz betonte die Bedeutung der Partnerschaft mit China."),
    ("de", "Der Bericht unterstreicht die Wichtigkeit von Gesprächen."),
    ("en", "Scholz stressed the importance of the partnership with China."),
    ("en", "The report stresses the need for talks."),
])
def test_no_demand_in_a_judgement(lang, text):
    assert "REQUEST" not in {t for t, _, _ in _types(text, lang)}

"""Speech acts (issue 3, seventh pass): demands, refusals and approvals, and the types they are
confused with. Sentences written for these tests (German and English, several crises), none
from the seed; each class has sentences that must yield the act and sentences of the same shape
that must not."""
import pytest

from sentence_events import events, pairs


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
    got = pairs(text, lang)
    assert want in got and ("SUPPORT",) + want[1:] not in got, got


@pytest.mark.parametrize("lang,text,want", [
    ("de", "Frankreich unterstützt die Ukraine.", ("SUPPORT", "FRA", "UKR")),
    ("de", "Die Türkei unterstützt Aserbaidschan politisch.", ("SUPPORT", "TUR", "AZE")),
    ("de", "Die EU begrüßte die Initiative Chinas.", ("SUPPORT", "EU", "CHN")),     # welcoming stays support
    ("en", "Turkey backs Azerbaijan.", ("SUPPORT", "TUR", "AZE")),
    ("en", "The EU welcomed China's initiative.", ("SUPPORT", "EU", "CHN")),
])
def test_backing_an_actor_is_support(lang, text, want):
    got = pairs(text, lang)
    assert want in got and ("AGREE",) + want[1:] not in got, got


# --- refusing by stance: opposing, not departing from one's line ---------------------------------

HOLDING_ONES_LINE_IS_REFUSING = [
    ("de", "Russland opponiert gegen die Idee der USA.", ("REJECT", "RUS", "USA")),
    ("de", "Die Türkei hat gegen den Plan Schwedens konsequent opponiert.", ("REJECT", "TUR", "SWE")),
    ("de", "Lawrow betonte, dass Russland nicht von seiner Position gegenüber den USA abrücke.", ("REJECT", "RUS", "USA")),
    ("de", "Iran weicht nicht von seinen Forderungen an die USA ab.", ("REJECT", "IRN", "USA")),
    ("de", "Serbien rückte in den Gesprächen mit dem Kosovo keinen Millimeter von seiner Haltung ab.", ("REJECT", "SRB", "XKX")),
    ("en", "Iran has not budged from its demands in talks with Washington.", ("REJECT", "IRN", "USA")),
    ("en", "Israel stands by its position in the talks with Hamas.", ("REJECT", "ISR", "PSE")),
]


@pytest.mark.parametrize("lang,text,absent", [
    # departing from a line is no refusal; a line held with no counterpart named has no target
    ("de", "Serbien rückte in den Gesprächen mit dem Kosovo von seiner Haltung ab.", "REJECT"),
    ("de", "Die Zahlen weichen nicht von der Prognose ab.", "REJECT"),
    ("en", "Germany stands by Ukraine.", "REJECT"),
    ("en", "The index has not budged since Monday.", "REJECT"),
])
def test_not_refusing(lang, text, absent):
    assert absent not in {t for t, _, _ in pairs(text, lang)}


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
    got = pairs(text, lang)
    other = "REJECT" if want[0] == "REQUEST" else "REQUEST"
    assert want in got and (other,) + want[1:] not in got, got


@pytest.mark.parametrize("lang,text", [
    ("de", "Die Lösung besteht darin, mit Iran zu verhandeln."),
    ("de", "Das Abkommen zwischen Serbien und dem Kosovo besteht aus drei Teilen."),
    ("en", "The deal between Serbia and Kosovo consists of three parts."),
])
def test_not_insisting(lang, text):
    assert not {t for t, _, _ in pairs(text, lang)} & {"REQUEST", "REJECT"}


# --- stressing the need for an act is demanding it -----------------------------------------------

STRESSING_THE_NEED = [
    ("de", "Macron betonte die Notwendigkeit einer Waffenruhe zwischen Israel und der Hamas.", ("REQUEST", "FRA", "ISR")),
    ("de", "Scholz unterstrich gegenüber Peking die Dringlichkeit, die Exporte nach Russland zu stoppen.", ("REQUEST", "DEU", "CHN")),
    ("en", "Rubio stressed the need for a ceasefire between Israel and Hamas.", ("REQUEST", "USA", "PSE")),
    ("en", "Macron underlined the importance of holding talks with Iran.", ("REQUEST", "FRA", "IRN")),
]


NO_DEMAND_IN_A_JUDGEMENT = [
    # the importance of a relation is a judgement, not a demand; a report is no actor
    ("de", "Scholz betonte die Bedeutung der Partnerschaft mit China."),
    ("de", "Der Bericht unterstreicht die Wichtigkeit von Gesprächen."),
    ("en", "Scholz stressed the importance of the partnership with China."),
    ("en", "The report stresses the need for talks."),
]


# --- pressure for a concession is a demand; pressure on a party is coercion ----------------------

@pytest.mark.parametrize("lang,text,want,absent", [
    ("de", "Die USA erhöhen den Druck auf Zugeständnisse von Israel.", ("REQUEST", "USA", "ISR"), "COERCE"),
    ("de", "Die EU macht Druck für eine Waffenruhe zwischen Israel und der Hamas.", ("REQUEST", "EU", "PSE"), "COERCE"),
    ("en", "Washington stepped up pressure for concessions from Israel.", ("REQUEST", "USA", "ISR"), "COERCE"),
    ("de", "Die USA erhöhen den Druck auf Israel.", ("COERCE", "USA", "ISR"), "REQUEST"),
    ("en", "Washington stepped up pressure on Israel.", ("COERCE", "USA", "ISR"), "REQUEST"),
])
def test_pressure_for_and_on(lang, text, want, absent):
    got = pairs(text, lang)
    assert want in got and absent not in {t for t, _, _ in got}, got


# --- refusing to cede to an occupier: the occupier is the counterpart -----------------------------

OCCUPIERS_ARE_THEIR_STATE = [
    ("de", "Die Ukraine beabsichtigt nicht, ihre Gebiete an die russischen Besatzer abzutreten.", ("REJECT", "UKR", "RUS")),
    ("en", "The Israeli occupiers attacked Gaza.", ("ASSAULT", "ISR", "PSE")),
]


# --- getting someone to act is asking it of them; a thing moves nobody by speech -----------------

GETTING_SOMEONE_TO_ACT = [
    ("de", "Putin organisierte eine Provokation, indem er die US-Regierung dazu brachte, über die Übergabe von Gebieten an Russland zu sprechen.",
     ("REQUEST", "RUS", "USA")),
    ("de", "Katar brachte die Hamas dazu, einer Waffenruhe mit Israel zuzustimmen.", ("REQUEST", "QAT", "PSE")),
    ("en", "Qatar persuaded Hamas to accept a truce with Israel.", ("REQUEST", "QAT", "PSE")),
]


NO_DEMAND = [
    # the antecedent of the relative clause (steps, leverage) is what moves: no named source
    ("de", "Trump unternahm keine konkreten Schritte, die Putin tatsächlich zum Entgegenkommen hätten bewegen können."),
    ("de", "Trump verfügt nicht über jene Druckmittel, die Xi Jinping dazu bringen könnten, den Kauf russischen Öls einzustellen."),
    ("en", "Washington lacks the leverage that could persuade Xi to stop buying Russian oil."),
    # convincing someone that something is so asks nothing of them
    ("de", "Erdogan überzeugte Aliyev, dass Gespräche nötig seien."),
    ("en", "Putin convinced Trump that concessions were possible."),
    # expecting an outcome from an event is a hope about it, not a demand of its partner
    ("de", "Von dem Treffen mit Putin erwartet Trump ein konkretes Ergebnis."),
    ("de", "Die Krise brachte Deutschland dazu, mehr Gas zu kaufen."),
]


STILL_A_DEMAND = [
    ("de", "Erdogan überzeugte Netanjahu, einer Waffenruhe zuzustimmen.", ("REQUEST", "TUR", "ISR")),
    ("de", "Biden erwartet von Xi konkrete Zusagen.", ("REQUEST", "USA", "CHN")),
]


# --- a negated agreement word that refuses nothing -----------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("de", "In Wirklichkeit existiert keine reale Grundlage für serbisch-kosovarische Vereinbarungen."),
    ("de", "Es gibt keine Chance auf eine Einigung zwischen Serbien und dem Kosovo."),
    ("de", "Vučić und Kurti vertreten Positionen, die sich nicht vereinbaren lassen."),
    ("en", "There is no basis for an agreement between Serbia and Kosovo."),
])
def test_not_refused(lang, text):
    assert "REJECT" not in {t for t, _, _ in pairs(text, lang)}


@pytest.mark.parametrize("lang,text", [
    ("de", "Serbien hat kein Interesse an einem Abkommen mit dem Kosovo."),
    ("de", "Serbien wird dem Abkommen mit dem Kosovo nicht zustimmen."),
    ("de", "Vučić und Kurti konnten sich auf keine Vereinbarung einigen."),
    ("en", "Serbia has no interest in a deal with Kosovo."),
])
def test_still_refused(lang, text):
    assert ("REJECT", "SRB", "XKX") in pairs(text, lang)


# --- a proposal its maker owns was made, whatever the frame of the response to it ----------------

@pytest.mark.parametrize("lang,text,want", [
    ("de", "Trump hoffte, Putin würde sich auf Trumps Vorschlag einlassen.", ("REQUEST", "USA", "RUS", "occurred")),
    ("en", "If Russia accepted Washington's proposal, the war would end.", ("REQUEST", "USA", "RUS", "occurred")),
    ("de", "Ein möglicher Vorschlag Trumps könnte Putin gefallen.", ("REQUEST", "USA", "RUS", "hypothetical")),
    ("en", "Trump could propose talks to Putin.", ("REQUEST", "USA", "RUS", "hypothetical")),
])
def test_owned_proposal_was_made(lang, text, want):
    assert want in events(text, lang)


# --- claims: only a proposal named in the refusal's own clause has an author who supports it ------

def test_refused_party_proposed_nothing():
    from sentence_events import events_and_claims
    _, claims = events_and_claims("Nachdem Trump erkannt hatte, dass die Ukraine nicht die Absicht hat, Russland jene Territorien "
                                  "im Donbass zu überlassen, hielt er an seinen Vorschlägen fest.", "de")
    assert ("RUS", "donetsk_withdrawal", "support") not in claims and ("UKR", "donetsk_withdrawal", "oppose") in claims, claims


# --- the lists above, each sentence alone: the act is coded, or no demand is ----------------------

@pytest.mark.parametrize("lang,text,want", (
    HOLDING_ONES_LINE_IS_REFUSING + STRESSING_THE_NEED + OCCUPIERS_ARE_THEIR_STATE
    + GETTING_SOMEONE_TO_ACT + STILL_A_DEMAND))
def test_act_is_coded(lang, text, want):
    assert want in pairs(text, lang)


@pytest.mark.parametrize("lang,text", NO_DEMAND_IN_A_JUDGEMENT + NO_DEMAND)
def test_no_demand_is_coded(lang, text):
    assert "REQUEST" not in {t for t, _, _ in pairs(text, lang)}

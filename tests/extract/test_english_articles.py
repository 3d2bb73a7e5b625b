"""Seventh pass, English articles: whole short wire and analysis pieces written for these tests
(none from the seed or the check sets), on other crises. Each class of wrong event seen in such
articles is tested by sentences that must keep their event and sentences of the same shape that
must not yield the wrong one (docs/extraction.md, "Seventh pass: English articles")."""
import datetime as dt

import pytest

from sentence_events import check_kept_wrong, coded_pairs, pairs

ON = dt.date(2025, 6, 12)


# --- 1. a non-restrictive relative clause is background: its parties are none of the main act's --

RELATIVE_ASIDES = [
    ("Oman, which has hosted talks between the Houthis and Saudi Arabia, called for de-escalation.",
     {("REQUEST", "OMN", None)}, {("REQUEST", "OMN", "YEM"), ("REQUEST", "OMN", "SAU")}),
    ("Turkey, which borders Syria, called for calm.", {("REQUEST", "TUR", None)}, {("REQUEST", "TUR", "SYR")}),
    ("Qatar, which hosts Hamas leaders, condemned the strike.", {("ACCUSE", "QAT", None)}, {("ACCUSE", "QAT", "PSE")}),
    ("Egypt, which mediated between Israel and Hamas, warned against an offensive.",
     {("THREATEN", "EGY", None)}, {("THREATEN", "EGY", "ISR"), ("THREATEN", "EGY", "PSE")}),
    # a party of the main clause itself stays its target, and the aside keeps its own act
    ("Egypt, which mediated between Israel and Hamas, warned Israel against an offensive.",
     {("THREATEN", "EGY", "ISR"), ("CONSULT", "EGY", "PSE")}, {("THREATEN", "EGY", "PSE")}),
    ("Israel struck Hezbollah, which had fired rockets at Haifa.",
     {("ASSAULT", "ISR", "LBN"), ("ASSAULT", "LBN", "ISR")}, set()),
    # a passive aside: its antecedent is the patient, the by-phrase the agent
    ("The Houthis, who are backed by Iran, said they would continue their attacks.",
     {("SUPPORT", "IRN", "YEM")}, {("SUPPORT", "YEM", "IRN"), ("ASSAULT", "YEM", "IRN")}),
    ("Venezuela, which was sanctioned by the United States in 2019, sells oil to China.",
     {("SANCTION", "USA", "VEN")}, {("SANCTION", "VEN", "USA")}),
]


# --- 2. the state in an "X-led"/"X-brokered" compound leads the talks; it is no party of them ------

LED_COMPOUNDS = [
    ("India and Pakistan returned to the UN-led talks.", {("CONSULT", "IND", "PAK")},
     {("CONSULT", "UNO", "IND"), ("CONSULT", "UNO", "PAK")}),
    ("Egypt welcomed the Qatar-mediated talks.", {("SUPPORT", "EGY", None)}, {("SUPPORT", "EGY", "QAT")}),
    ("Russia and Ukraine swapped 84 prisoners in a UAE-brokered exchange.", {("COOPERATE", "RUS", "UKR")},
     {("COOPERATE", "ARE", "RUS"), ("COOPERATE", "ARE", "UKR")}),
    # before a force or coalition the compound names its leader, the agent
    ("The US-led coalition struck the militia's bases in Iraq.", {("ASSAULT", "USA", "IRQ")}, set()),
]


# --- 3. a clause with a subject of its own that is no actor is no act of the sentence's actor ------

CLAUSE_WITH_ITS_OWN_SUBJECT = [
    ("The United States and Britain struck targets in Yemen, after the group attacked a ship.",
     {("ASSAULT", "USA", "YEM"), ("ASSAULT", "GBR", "YEM")}, {("ASSAULT", "USA", None), ("ASSAULT", "USA", "GBR")}),
    ("France and Germany met on Monday, after the rebels attacked a convoy.",
     {("CONSULT", "FRA", "DEU")}, {("ASSAULT", "FRA", None), ("ASSAULT", "DEU", None)}),
    ("Israel struck Gaza after the militants fired rockets.", {("ASSAULT", "ISR", "PSE")}, set()),
    # a passive clause's subject is its patient: the act stays open to the named agent
    ("The Kremlin denied that a date had been agreed for a Putin-Trump summit.", set(), {("ASSAULT", "RUS", None)}),
    # no subject of its own: the act is still the sentence actor's
    ("Colombia closed the border and then deployed troops.", {("MOBILIZE", "COL", None)}, set()),
]


# --- 4. the owner of an arrest, killing or ouster suffers it (objective genitive) -----------------

OBJECTIVE_GENITIVE = [
    ("The United States offered a reward for Maduro's arrest.", set(), {("COERCE", "VEN", "USA"), ("REQUEST", "USA", "VEN")}),
    ("Iran condemned Nasrallah's killing.", {("ACCUSE", "IRN", None)}, {("ASSAULT", "LBN", "IRN"), ("ACCUSE", "IRN", "LBN")}),
    ("Russia welcomed Assad's ouster.", {("SUPPORT", "RUS", None)}, {("SUPPORT", "RUS", "SYR")}),
    ("The ICC issued a warrant for Netanyahu's arrest.", set(), {("COERCE", "ISR", None)}),
    # with an "of" object the owner is the agent
    ("Israel welcomed Hamas's release of hostages.", {("CONCEDE", "PSE", "ISR"), ("SUPPORT", "ISR", "PSE")}, set()),
    ("Israel's killing of Hezbollah commanders angered Iran.", {("ASSAULT", "ISR", "LBN")}, set()),
]


# --- whole articles --------------------------------------------------------------------------------

RED_SEA = """LONDON, Feb 2 (Reuters) - The United States and Britain carried out new strikes on Houthi targets in Yemen on Friday, the Pentagon said, after the group attacked another merchant vessel in the Red Sea.
Defence Secretary Pete Hegseth said the strikes hit missile launchers and radar sites.
The Houthis, who are backed by Iran, said they would continue their attacks until Israel ended its war in Gaza.
Iran condemned the attack.
Shipping companies have rerouted vessels around Africa, according to industry data.
Oman, which has hosted talks between the Houthis and Saudi Arabia, called for de-escalation."""

SERBIA = """BELGRADE, Sept 4 (Reuters) - Serbia's President Aleksandar Vucic said on Thursday he would not recognise Kosovo's independence, a day after meeting EU envoy Peter Sorensen in Brussels.
Kosovo's prime minister Albin Kurti accused Serbia of arming Serb militants in the north of the country.
The European Union has suspended some funding to Kosovo over its actions in the north.
Germany and France have urged both sides to return to the EU-led talks."""

VENEZUELA = """CARACAS, Oct 3 (AP) - Venezuelan President Nicolas Maduro accused the United States on Friday of preparing a military attack.
"They want our oil," Maduro said in a televised speech.
The Trump administration has offered a $50 million reward for Maduro's arrest.
Russia, a close ally of Caracas, said it stood by Venezuela."""


@pytest.mark.parametrize("text,kept,wrong", [
    (RED_SEA, {("ASSAULT", "USA", "YEM"), ("ASSAULT", "GBR", "YEM"), ("SUPPORT", "IRN", "YEM")},
     {("ASSAULT", "USA", "GBR"), ("SUPPORT", "YEM", "IRN"), ("REQUEST", "OMN", "YEM"), ("REQUEST", "OMN", "SAU")}),
    (SERBIA, {("REJECT", "SRB", "XKX"), ("ACCUSE", "XKX", "SRB"), ("SANCTION", "EU", "XKX")},
     {("CONSULT", "EU", "DEU"), ("CONSULT", "EU", "FRA")}),
    (VENEZUELA, {("ACCUSE", "VEN", "USA"), ("SUPPORT", "RUS", "VEN")}, {("COERCE", "VEN", "USA")}),
])
def test_articles(text, kept, wrong):
    check_kept_wrong(pairs(text, "en", ON), kept, wrong)


# --- 5. pressure or a blockade a demand asks for, or asks to end, is its content --------------------

DEMANDED_PRESSURE = [
    ("Netanyahu urged the United States to keep up pressure on Tehran.", {("REQUEST", "ISR", "USA")},
     {("COERCE", "USA", "IRN")}),
    ("The United States called on China to stop its military pressure on Taiwan.", {("REQUEST", "USA", "CHN")},
     {("COERCE", "USA", "TWN"), ("COERCE", "CHN", "TWN")}),
    ("Japan called on Beijing to end its blockade of the islands.", {("REQUEST", "JPN", "CHN")},
     {("COERCE", "JPN", "CHN")}),
    # pressure exerted, also beside a refusal in another conjunct, stays coercion
    ("China stepped up pressure on Taiwan.", {("COERCE", "CHN", "TWN")}, set()),
    ("Turkey rejected the EU's call and increased pressure on Cyprus.", {("COERCE", "TUR", "CYP")}, set()),
]


# --- 6. "X's support for Y": the beneficiary after "for" is the target -------------------------------

SUPPORT_FOR = [
    ("Poland criticised Hungary's support for Russia.", {("SUPPORT", "HUN", "RUS"), ("ACCUSE", "POL", "HUN")},
     {("SUPPORT", "HUN", "POL")}),
    ("He raised India's concerns over China's support for Pakistan.", {("SUPPORT", "CHN", "PAK")},
     {("SUPPORT", "CHN", "IND")}),
    ("Iran's support for the Houthis angered Riyadh.", {("SUPPORT", "IRN", "YEM")}, {("SUPPORT", "IRN", "SAU")}),
    ("Germany announced new aid for Ukraine.", {("AID", "DEU", "UKR")}, set()),
]


# --- 7. "The meeting comes as ...": an act noun that refers back opens a context clause -------------

ACT_NOUN_REFERRING_BACK = [
    ("The meeting comes as Washington has imposed tariffs on Indian goods.", {("SANCTION", "USA", "IND")},
     {("CONSULT", "USA", "IND")}),
    ("The talks come as Russia keeps up attacks on Ukraine.", {("ASSAULT", "RUS", "UKR")}, {("CONSULT", "RUS", "UKR")}),
    ("The visit came days after Seoul and Tokyo held joint drills.", set(), {("CONSULT", "KOR", "JPN")}),
    # talks that name their parties are an act of their own
    ("The talks between Iran and the US came after weeks of tension.", {("CONSULT", "IRN", "USA")}, set()),
]


# --- 8. what a speaker says another party must do is the demand's content ----------------------------

REPORTED_OBLIGATION_IS_CONTENT = [
    ("Armenia said Baku must withdraw its troops.", {("REQUEST", "ARM", "AZE")}, {("RETREAT", "AZE", "ARM")}),
    ("Trump said Russia must agree to a ceasefire.", {("REQUEST", "USA", "RUS")}, {("AGREE", "RUS", "USA")}),
    ("Merz said Russia should release the prisoners.", {("REQUEST", "DEU", "RUS")}, {("CONCEDE", "RUS", "DEU")}),
    # what the other party has done stays its act
    ("Armenia said Baku had withdrawn its troops.", {("RETREAT", "AZE", "ARM")}, set()),
]


# --- 9. the wire transliteration "Araqchi" is Iran's foreign minister, not Mahmoud Abbas -------------

TRANSLITERATED_NAME = [
    ("Iran's foreign minister Abbas Araqchi dismissed the threat.", {("REJECT", "IRN", None)}, {("REJECT", "IRN", "PSE")}),
    ("Abbas Araqchi met Rubio in Oman.", {("CONSULT", "IRN", "USA")}, {("CONSULT", "PSE", "USA")}),
    ("Abbas met Netanyahu.", {("CONSULT", "PSE", "ISR")}, set()),
]


# --- 10. the terms of a plan or deal named without its owner ------------------------------------------

TERMS_OF_AN_UNOWNED_PLAN = [
    ("Under the deal, Ukraine would cede Donetsk.", set(), {("AGREE", "UKR", None)}),
    ("Under the proposal, Russia would keep Crimea.", set(), {("REQUEST", "RUS", None)}),
    ("The proposal would see Russia withdraw its troops from Kharkiv.", set(), {("REQUEST", "RUS", "UKR")}),
    # a deal signed, and pressure after "under", keep their parties
    ("Ukraine signed the deal under pressure from Washington.", {("AGREE", "UKR", "USA"), ("COERCE", "USA", "UKR")}, set()),
]


# --- the sentences of 1-10, each alone ----------------------------------------------------------------

@pytest.mark.parametrize("sentence,kept,wrong", (
    RELATIVE_ASIDES + LED_COMPOUNDS + CLAUSE_WITH_ITS_OWN_SUBJECT + OBJECTIVE_GENITIVE + DEMANDED_PRESSURE
    + SUPPORT_FOR + ACT_NOUN_REFERRING_BACK + REPORTED_OBLIGATION_IS_CONTENT + TRANSLITERATED_NAME
    + TERMS_OF_AN_UNOWNED_PLAN))
def test_sentence(sentence, kept, wrong):
    check_kept_wrong(coded_pairs(sentence, "en", ON), kept, wrong)

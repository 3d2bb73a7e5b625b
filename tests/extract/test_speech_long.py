"""Speech acts in long news sentences (issue 3, eighth pass: docs/extraction.md, "Eighth pass:
speech acts in long sentences"): a threat that shares the target of the accusation or refusal
before it, vows of countermeasures, talks named as the sentence's occasion. Written for this
pass on several crises (none from the seed or the check sets), with sentences of the same shape
that must not give the event."""
from __future__ import annotations

import pytest

from sentence_events import coded_pairs, event_list, pairs


def _consult(got: set, a: str, b: str) -> bool:
    return ("CONSULT", a, b) in got or ("CONSULT", b, a) in got


# --- a threat or refusal coordinated with a hostile act shares its target (ellipsis of the object)

@pytest.mark.parametrize("sentence,lang,want", [
    ("Iran's foreign minister on Tuesday blamed Israel for the assassination of a nuclear scientist and warned that "
     "the Islamic Republic would respond at a time of its choosing.", "en", ("THREATEN", "IRN", "ISR")),
    ("Iran blamed Israel for the killing and vowed to retaliate.", "en", ("THREATEN", "IRN", "ISR")),
    ("Pakistan rejected India's claims and promised a befitting response.", "en", ("THREATEN", "PAK", "IND")),
    ("China condemned the U.S. arms sale to Taiwan and vowed to take resolute countermeasures.", "en", ("THREATEN", "CHN", "USA")),
    ("Peking verurteilte die Waffenlieferung der USA an Taiwan und kündigte entschlossene Gegenmaßnahmen an.", "de",
     ("THREATEN", "CHN", "USA")),
    ("Pakistan wies die Vorwürfe Indiens zurück und warnte vor einer angemessenen Antwort.", "de", ("THREATEN", "PAK", "IND")),
])
def test_threat_shares_the_target_of_the_hostile_act_before(sentence, lang, want):
    assert want in coded_pairs(sentence, lang)


@pytest.mark.parametrize("sentence,lang,wrong", [
    # a friendly act passes no target on
    ("Iran welcomed Saudi Arabia's offer and warned that the region faced a dangerous moment.", "en", ("THREATEN", "IRN", "SAU")),
    ("China praised Pakistan and vowed to take countermeasures.", "en", ("THREATEN", "CHN", "PAK")),
    # a measure is no reprisal without its word
    ("The government vowed to take measures against inflation.", "en", None),
    ("Die Regierung kündigte Maßnahmen gegen die Inflation an.", "de", None),
])
def test_no_shared_target_without_a_hostile_act(sentence, lang, wrong):
    got = coded_pairs(sentence, lang)
    if wrong is None:
        assert not any(t == "THREATEN" for t, _, _ in got), got
    else:
        assert wrong not in got, got


@pytest.mark.parametrize("sentence,lang,want", [
    ("Iran vowed to take revenge for the killing.", "en", ("THREATEN", "IRN")),
    ("Russland kündigte Gegenmaßnahmen gegen die EU an.", "de", ("THREATEN", "RUS")),
    ("Der Iran schwor Rache.", "de", ("THREATEN", "IRN")),
])
def test_vows_of_countermeasures_are_threats(sentence, lang, want):
    assert want in {(t, s) for t, s, _ in coded_pairs(sentence, lang)}


# --- talks named as the occasion of the sentence's act keep their CONSULT

@pytest.mark.parametrize("sentence", [
    "Bei einem Treffen mit Frankreichs Präsident Emmanuel Macron in Paris sicherte Paschinjan zu, die Reformen fortzusetzen.",
    "Nach einem Gespräch mit Macron in Paris sagte Paschinjan zu, die Reformen fortzusetzen.",
])
def test_talks_opening_the_sentence_are_an_occasion(sentence):
    assert _consult(coded_pairs(sentence, "de"), "ARM", "FRA")


def test_agreeing_to_talks_is_no_meeting():
    got = coded_pairs("Paschinjan stimmte einem Treffen mit Macron in Paris zu.", "de")
    assert not _consult(got, "ARM", "FRA"), got


# --- whole articles written for this pass (annotated before the extractor ran on them)

IRAN = (
    "Iran's foreign minister Abbas Araqchi on Tuesday blamed Israel for the assassination of a nuclear scientist in "
    "Tehran and warned that the Islamic Republic would respond at a time of its choosing. Israel declined to comment on "
    "the accusation. The U.S. State Department urged Iran to return to the table and accused Tehran of holding American "
    "citizens as bargaining chips. Critics at home accused the Iranian government of mishandling the economy.")

CHINA = (
    "China's defence ministry on Monday condemned the latest U.S. arms sale to Taiwan as a serious violation of the "
    "one-China principle and vowed to take resolute countermeasures. Taiwan's president Lai Ching-te urged Beijing to "
    "stop its military intimidation. Analysts said Beijing was unlikely to back down.")

ARMENIA = (
    "Aserbaidschans Präsident Ilham Alijew hat Armenien vorgeworfen, den Friedensprozess zu sabotieren. "
    "Paschinjan forderte Baku auf, die noch festgehaltenen armenischen Gefangenen freizulassen. "
    "Bei einem Treffen mit Frankreichs Präsident Emmanuel Macron in Paris sicherte Paschinjan zu, die Annäherung an "
    "die EU fortzusetzen.")


def test_iran_article():
    got = pairs(IRAN, "en")
    assert {("ACCUSE", "IRN", "ISR"), ("THREATEN", "IRN", "ISR"), ("REQUEST", "USA", "IRN"), ("ACCUSE", "USA", "IRN")} <= got
    # declining to comment refuses nothing; domestic criticism is no act between states
    assert not any(t == "REJECT" and s == "ISR" for t, s, _ in got), got
    assert ("ACCUSE", "IRN", "IRN") not in got and len([e for e in got if e[0] == "ACCUSE"]) == 2, got


def test_china_article():
    got = pairs(CHINA, "en")
    assert {("ACCUSE", "CHN", "USA"), ("THREATEN", "CHN", "USA"), ("REQUEST", "TWN", "CHN")} <= got, got
    assert ("ACCUSE", "CHN", "TWN") not in got, got


def test_armenia_article():
    got = pairs(ARMENIA, "de")
    assert {("ACCUSE", "AZE", "ARM"), ("REQUEST", "ARM", "AZE")} <= got, got
    assert _consult(got, "ARM", "FRA"), got


# --- two charges against the same party in one article, named by different words, are two events

PAKISTAN = (
    "Pakistan's foreign office rejected the allegations as baseless and accused India of trying to divert attention "
    "from its own failures in Kashmir. Islamabad also said New Delhi was behind a bombing in Quetta last week that "
    "killed 14 people.")
PAKISTAN_RESTATED = (
    "Pakistan accused India of backing militants in Balochistan. The foreign office in Islamabad accused India of "
    "backing militants in the province.")


def _count(text: str, lang: str, key: tuple) -> int:
    return [e[:3] for e in event_list(text, lang)].count(key)


def test_another_charge_is_another_accusation():
    assert _count(PAKISTAN, "en", ("ACCUSE", "PAK", "IND")) == 2


def test_a_restated_charge_is_one_accusation():
    assert _count(PAKISTAN_RESTATED, "en", ("ACCUSE", "PAK", "IND")) == 1


# --- a proposal judged unacceptable is refused; a breach named by "sprach von" is a charge

@pytest.mark.parametrize("sentence,lang,want,wrong", [
    ("Moscow called the American proposal a non-starter.", "en", ("REJECT", "RUS", "USA"), None),
    ("Russia described the U.S. peace plan as unrealistic.", "en", ("REJECT", "RUS", "USA"), None),
    ("Der Kreml bezeichnete den Vorschlag der USA als inakzeptabel.", "de", ("REJECT", "RUS", "USA"), ("ACCUSE", "RUS", "USA")),
    ("Peking nannte den Friedensplan der EU realitätsfern.", "de", ("REJECT", "CHN", "EU"), None),
    # another's act so judged stays an accusation
    ("Der Kreml bezeichnete den Angriff der Ukraine als Provokation.", "de", ("ACCUSE", "RUS", "UKR"), ("REJECT", "RUS", "UKR")),
    ("Baerbock sprach von einem Bruch des Völkerrechts durch Russland.", "de", ("ACCUSE", "DEU", "RUS"), None),
])
def test_judgements_of_proposals_and_acts(sentence, lang, want, wrong):
    got = coded_pairs(sentence, lang)
    assert want in got, got
    assert wrong is None or wrong not in got, got


@pytest.mark.parametrize("sentence,lang", [
    ("Iran called the proposal a good basis for talks.", "en"),
    ("Selenskyj sprach von einem Durchbruch bei den Gesprächen mit Russland.", "de"),
])
def test_approval_and_breakthrough_are_no_refusal_or_charge(sentence, lang):
    got = coded_pairs(sentence, lang)
    assert not any(t in ("REJECT", "ACCUSE") for t, _, _ in got), got


# --- welcoming or receiving a person is hosting a visit

@pytest.mark.parametrize("sentence,a,b", [
    ("Erdogan welcomed Putin to Ankara.", "TUR", "RUS"),
    ("Xi welcomed Lula in Beijing.", "CHN", "BRA"),
    ("Saudi Arabia's crown prince received Araqchi in Riyadh on Wednesday.", "SAU", "IRN"),
    ("Xi received his Russian counterpart in Beijing.", "CHN", "RUS"),
])
def test_a_person_welcomed_or_received_is_a_visit(sentence, a, b):
    got = coded_pairs(sentence, "en")
    assert _consult(got, a, b), got
    assert ("SUPPORT", a, b) not in got, got


@pytest.mark.parametrize("sentence,want", [
    ("Kyiv welcomed Trump's decision on Tuesday.", ("SUPPORT", "UKR", "USA")),
    ("Ukraine received Russian gas in winter.", None),
    ("Poland received Ukrainian refugees in large numbers.", None),
])
def test_things_welcomed_or_received_are_no_visit(sentence, want):
    got = coded_pairs(sentence, "en")
    assert not any(t == "CONSULT" for t, _, _ in got), got
    assert want is None or want in got, got


# --- talks with a party in a verbless phrase opening an English sentence: the subject's meeting

@pytest.mark.parametrize("sentence,a,b", [
    ("During a meeting with French President Emmanuel Macron in Paris, Pashinyan pledged to continue the reforms.", "ARM", "FRA"),
    ("At a news conference with Scholz in Berlin, Erdogan accused Israel of genocide.", "TUR", "DEU"),
    ("After talks with Macron, Pashinyan urged Azerbaijan to release the prisoners.", "ARM", "FRA"),
])
def test_fronted_talks_are_the_subjects_meeting(sentence, a, b):
    assert _consult(coded_pairs(sentence, "en"), a, b)


def test_the_partner_of_fronted_talks_is_no_second_subject():
    got = coded_pairs("After talks with Macron, Pashinyan urged Azerbaijan to release the prisoners.", "en")
    assert ("REQUEST", "ARM", "AZE") in got and ("REQUEST", "FRA", "AZE") not in got, got


@pytest.mark.parametrize("sentence,a,b", [
    ("After the talks with Iran collapsed, Israel struck Tehran.", "ISR", "IRN"),     # a clause with its own verb
    ("During the war with Russia, Ukraine lost territory.", "UKR", "RUS"),             # no talks
])
def test_no_meeting_from_other_fronted_phrases(sentence, a, b):
    assert not _consult(coded_pairs(sentence, "en"), a, b)


# --- a pledge of aid or support is that act, not an agreement besides it

@pytest.mark.parametrize("sentence,lang,want", [
    ("Germany pledged more air defence systems to Ukraine.", "en", ("AID", "DEU", "UKR")),
    ("France committed to sending more weapons to Ukraine.", "en", ("AID", "FRA", "UKR")),
    ("Japan sicherte den Philippinen Unterstützung zu.", "de", ("SUPPORT", "JPN", "PHL")),
    ("Macron promised Zelensky France's full support.", "en", ("SUPPORT", "FRA", "UKR")),
])
def test_a_pledge_of_aid_is_aid(sentence, lang, want):
    got = coded_pairs(sentence, lang)
    assert want in got and ("AGREE",) + want[1:] not in got, got


def test_a_promise_of_another_act_stays_an_agreement():
    assert ("AGREE", "RUS", "USA") in coded_pairs("Putin sicherte Trump zu, die Angriffe auszusetzen.", "de")

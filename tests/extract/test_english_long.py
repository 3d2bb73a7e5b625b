"""English long articles: who did what to whom across sentences (eighth pass, docs/extraction.md
"Eighth pass: English long articles"). Articles and sentences of our own in the manner of
Reuters/AP wires, annotated before the extractor was run; each class both ways - what must be
coded and same-shaped text that must not."""
from __future__ import annotations

from sentence_events import check_kept_wrong, pairs


# --- a response whose object is a definite act noun answers an act told before (responses.answered)

def test_condemned_exercises_point_back_to_the_drills():
    text = ("China launched large-scale military drills around Taiwan on Wednesday. "
            "Taiwan's defence ministry said it had dispatched warships to monitor the Chinese vessels. "
            "\"These drills are a serious warning to separatist forces,\" a Chinese military spokesman said. "
            "The United States condemned the exercises and urged Beijing to show restraint.")
    # the drills are China's (the noun's class is told in the first sentence), not Taiwan's warships
    check_kept_wrong(pairs(text, "en"), {("ACCUSE", "USA", "CHN"), ("REQUEST", "USA", "CHN")},
                     {("ACCUSE", "USA", "TWN")})


def test_rejected_claim_answers_the_accuser():
    text = ("Prime Minister Shehbaz Sharif accused New Delhi of targeting mosques. "
            "India rejected the claim.")
    assert ("REJECT", "IND", "PAK") in pairs(text, "en")


def test_rejected_allegations_three_sentences_later():
    text = ("Venezuela's government accused the United States on Wednesday of plotting a coup. "
            "The sanctions have crippled the country's oil industry. "
            "\"We will not accept orders from the empire,\" Foreign Minister Yvan Gil said on state television. "
            "The U.S. State Department rejected the allegations.")
    assert ("REJECT", "USA", "VEN") in pairs(text, "en")


def test_denied_the_accusation_is_a_refusal_of_the_accuser():
    text = ("Estonia accused Russia on Friday of violating its airspace with three fighter jets. "
            "Russia's defence ministry denied the accusation, saying the jets had flown over neutral waters.")
    assert ("REJECT", "RUS", "EST") in pairs(text, "en")


def test_condemned_attack_aimed_at_the_condemner():
    text = ("Israel struck targets in southern Lebanon on Sunday. "
            "The Lebanese army said two soldiers were killed. "
            "Lebanon's prime minister condemned the attack.")
    assert ("ACCUSE", "LBN", "ISR") in pairs(text, "en")


def test_condemned_launch_of_a_missile_fired_at_nobody():
    assert ("ACCUSE", "JPN", "PRK") in pairs("North Korea fired a missile into the sea. Japan condemned the launch.", "en")


def test_no_answer_without_an_act_of_that_kind_or_of_another_country():
    # the noun is no act of the classes ("the violence"): no target
    got = pairs("Russia launched an attack on Kyiv overnight. Brazil condemned the violence.", "en")
    assert not any(t == "ACCUSE" for t, _, _ in got), got
    # nobody answers its own act
    got = pairs("Russia launched drones at Kyiv overnight. The Kremlin condemned the strikes.", "en")
    assert ("ACCUSE", "RUS", "RUS") not in got and not any(t == "ACCUSE" for t, _, _ in got), got
    # an attack on a third party, told in other words, belongs to another story of the article
    got = pairs("Russia struck Kyiv with drones overnight. In Brazil, police clashed with protesters. "
                "Argentina condemned the attack.", "en")
    assert not any(t == "ACCUSE" for t, _, _ in got), got


# --- a contrast clause with a subject of its own is a proposition of its own (arguments._CONTRAST_EN)

def test_while_clause_takes_no_party_from_the_clause_before():
    got = pairs("Egypt offered to mediate, while China urged restraint.", "en")
    assert ("REQUEST", "CHN", "EGY") not in got and ("REQUEST", "EGY", "CHN") not in got, got
    got = pairs("Saudi Arabia and Iran offered to mediate, while Qatar urged restraint.", "en")
    assert not {("REQUEST", "SAU", "QAT"), ("REQUEST", "QAT", "SAU"), ("REQUEST", "QAT", "IRN")} & got, got


def test_after_clause_still_answers_the_party_before():
    # an act after "after" often answers the party named first: kept
    assert ("ASSAULT", "PSE", "ISR") in pairs("Israel struck Gaza after Hamas fired rockets.", "en")


# --- the speaker after a quotation or a report (attribution._REPORTER, rules: tail speaker)

def test_obligation_with_the_speaker_after_the_quote():
    check_kept_wrong(pairs("\"Russia must withdraw its troops,\" Macron said.", "en"),
                     {("REQUEST", "FRA", "RUS")}, {("RETREAT", "RUS", "FRA")})
    assert ("REQUEST", "FRA", "RUS") in pairs("Russia must withdraw its troops from Ukraine, Macron said.", "en")


def test_obligation_with_the_speaker_inverted_after_the_quote():
    check_kept_wrong(pairs("\"Israel must stop its attacks on Lebanon,\" said a spokesman for the French foreign ministry.", "en"),
                     {("REQUEST", "FRA", "ISR")}, {("CONCEDE", "ISR", "LBN")})


def test_said_after_an_aside_is_no_closing_speaker():
    # ", said Russia had launched ...": the verb of an aside's subject, with its content after it
    got = pairs("Zelensky, speaking in Kyiv, said Russia had launched 400 drones at Ukraine.", "en")
    assert ("ASSAULT", "RUS", "UKR") in got, got


def test_quoted_third_party_is_not_the_speaker():
    # the obligation is the speaker's demand; the person he quotes agreeing is no party to it
    got = pairs("\"Russia must withdraw,\" Zelensky said, adding that Macron agreed.", "en")
    assert ("REQUEST", "FRA", "RUS") not in got, got


# --- a person introduced with a state's office in the genitive, then named by the surname (actors._GENITIVE_OFFICE)

def test_genitive_office_then_surname():
    text = ("Kenya's foreign minister Musalia Mudavadi met Somali officials in Nairobi. "
            "Mudavadi urged Ethiopia to withdraw its troops.")
    assert ("REQUEST", "KEN", "ETH") in pairs(text, "en")


# --- whole articles of our own

ARTICLE_INDIA_PAKISTAN = (
    "NEW DELHI, May 8 (AP) - India said on Thursday it had struck militant camps in Pakistan in retaliation "
    "for an attack in Kashmir, and Islamabad vowed to respond.\n"
    "Pakistan's army said Indian missiles had hit six sites and killed 26 civilians.\n"
    "\"This was a cowardly act of war,\" Prime Minister Shehbaz Sharif told parliament.\n"
    "He accused New Delhi of targeting mosques and said Pakistan had shot down five Indian jets.\n"
    "India rejected the claim.\n"
    "Saudi Arabia and Iran offered to mediate, while China called on both sides to exercise restraint.\n"
    "U.S. Secretary of State Marco Rubio spoke with his Indian and Pakistani counterparts on Wednesday, "
    "the State Department said.")


def test_article_india_pakistan():
    got = pairs(ARTICLE_INDIA_PAKISTAN, "en")
    check_kept_wrong(got, {("ASSAULT", "IND", "PAK"), ("ACCUSE", "PAK", "IND"), ("REJECT", "IND", "PAK"),
                           ("CONSULT", "USA", "IND"), ("CONSULT", "USA", "PAK")},
                     {("REQUEST", "SAU", "CHN"), ("REQUEST", "IRN", "CHN")})


ARTICLE_KOREAS = (
    "SEOUL, Oct 9 (Reuters) - North Korea fired several ballistic missiles into the sea off its east coast "
    "on Thursday, South Korea's military said.\n"
    "Japan's defence ministry said one of the missiles fell inside its exclusive economic zone.\n"
    "Kim Yo Jong, the powerful sister of leader Kim Jong Un, said the drills were a rehearsal for invasion.\n"
    "South Korea and the United States condemned the launches and vowed to strengthen their deterrence.\n"
    "Seoul's unification ministry urged Pyongyang to return to dialogue.")


def test_article_koreas():
    got = pairs(ARTICLE_KOREAS, "en")
    check_kept_wrong(got, {("ACCUSE", "KOR", "PRK"), ("ACCUSE", "USA", "PRK"), ("REQUEST", "KOR", "PRK")},
                     {("ACCUSE", "KOR", "USA"), ("ACCUSE", "USA", "KOR"), ("ACCUSE", "KOR", "JPN")})



# --- "the country" names the salient state of the sentences before (coref.Discourse._the_country)

def test_the_country_is_the_state_named_before():
    text = ("Venezuela's government said on Monday that U.S. warships had entered its waters. "
            "The country accused Washington of preparing an invasion.")
    assert ("ACCUSE", "VEN", "USA") in pairs(text, "en")
    text = "Poland said Russian drones had entered its airspace. The country asked NATO for consultations."
    assert ("REQUEST", "POL", "NATO") in pairs(text, "en")


def test_the_country_possessive_and_a_person_named_before():
    # "the country's ...": a possessive stays unresolved (the state of the grid is the one attacked)
    got = pairs("Russia attacked Kyiv overnight. The country's air defence shot down 40 drones.", "en")
    assert not any(s == "RUS" and t in ("ASSAULT", "MOBILIZE") and g != "UKR" for t, s, g in got), got
    # a person named before stands for his state
    text = ("Maduro said on Monday that U.S. warships had entered Venezuelan waters. "
            "The country accused Washington of preparing an invasion.")
    assert ("ACCUSE", "VEN", "USA") in pairs(text, "en")


# --- the owner of a sovereignty or airspace violated is wronged, not accused (responses.wronged_owners)

def test_violation_of_a_states_sovereignty_is_no_charge_against_it():
    got = pairs("Saudi Arabia condemned the Israeli strikes, calling them a violation of Iran's sovereignty.", "en")
    check_kept_wrong(got, {("ACCUSE", "SAU", "ISR")}, {("ACCUSE", "SAU", "IRN")})
    got = pairs("Turkey condemned the attack as a violation of Syria's territorial integrity.", "en")
    assert ("ACCUSE", "TUR", "SYR") not in got, got


def test_an_owner_of_another_noun_stays_accused():
    assert ("ACCUSE", "IRN", "ISR") in pairs("Iran accused Israel's government of war crimes.", "en")
    assert ("ACCUSE", "EST", "RUS") in pairs("Estonia accused Russia of violating Estonia's airspace.", "en")


# --- a Chinese or Korean name, then its family name alone (coref._family_names)

def test_family_name_first_refers_back():
    text = ("Chinese Foreign Minister Wang Yi met his Russian counterpart Sergei Lavrov in Beijing on Tuesday. "
            "Wang urged Washington to stop arming Taiwan. "
            "The U.S. State Department rejected the demand.")
    got = pairs(text, "en")
    assert {("REQUEST", "CHN", "USA"), ("REJECT", "USA", "CHN")} <= got, got


def test_family_name_alone_without_the_full_name_is_nobody():
    got = pairs("Wang urged Washington to lift its sanctions on Chinese firms.", "en")
    assert ("REQUEST", "CHN", "USA") not in got, got


# --- a spokesman with no state named speaks for the side that spoke before (rules._GENERIC_SPEAKER)

def test_ministry_spokesman_after_the_quote():
    text = ("China's foreign ministry said the Philippine vessel had illegally intruded into Chinese waters. "
            "\"The Philippines must stop its provocations,\" ministry spokesman Lin Jian told a news briefing.")
    assert ("REQUEST", "CHN", "PHL") in pairs(text, "en")
    text = ("China's commerce ministry criticised the tariffs. "
            "\"The United States must correct its mistakes,\" a ministry spokesperson said.")
    assert ("REQUEST", "CHN", "USA") in pairs(text, "en")


def test_a_spokesman_with_nobody_before_is_nobody():
    got = pairs("\"Russia must withdraw its troops,\" a spokesman said.", "en")
    assert not any(t == "REQUEST" for t, _, _ in got), got


# --- an act named as the object of a judgement is judged, not done by the judge (rules._JUDGING)

def test_called_the_strike_an_execution_is_no_strike_of_the_speaker():
    text = ("U.S. forces struck a boat from Venezuela in the Caribbean. "
            "Venezuela's interior minister called the strike an extrajudicial execution. "
            "Colombian President Gustavo Petro also condemned the attack.")
    got = pairs(text, "en")
    check_kept_wrong(got, {("ASSAULT", "USA", "VEN")}, {("ASSAULT", "VEN", "USA"), ("ACCUSE", "COL", "VEN")})


def test_an_owned_act_judged_keeps_its_agent():
    got = pairs("Iran called the Israeli strikes a war crime.", "en")
    assert {("ACCUSE", "IRN", "ISR"), ("ASSAULT", "ISR", "IRN")} <= got, got

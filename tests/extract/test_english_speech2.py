"""Accusations and demands in English articles (eighth pass, docs/extraction.md "Eighth pass:
accusations and demands in English articles"). Articles and sentences of our own in the manner
of Reuters/AP wires, annotated before the extractor was run; each class both ways."""
from __future__ import annotations

from sentence_events import check_kept_wrong, pairs


# --- a negation right before the infinitive negates what is asked, not the asking (rules._content_negation)

def test_urged_not_to_is_a_demand():
    assert ("REQUEST", "USA", "IRN") in pairs("The U.S. urged Iran not to retaliate.", "en")
    assert ("REQUEST", "CHN", "IND") in pairs("China urged India not to escalate the conflict.", "en")
    assert ("REQUEST", "EU", "SRB") in pairs("The EU asked Serbia not to deploy troops to the border.", "en")


def test_urged_not_to_after_a_denial_in_the_same_sentence():
    text = ("Iran blamed the United States for the attack on its consulate. "
            "The U.S. State Department denied the accusation and urged Iran not to escalate.")
    assert {("REJECT", "USA", "IRN"), ("REQUEST", "USA", "IRN")} <= pairs(text, "en")


def test_the_content_asked_not_to_is_no_act_of_its_own():
    got = pairs("Germany called on Russia not to attack Moldova.", "en")
    check_kept_wrong(got, {("REQUEST", "DEU", "RUS")}, {("ASSAULT", "RUS", "MDA")})


def test_a_negated_demand_is_still_no_demand():
    assert not any(t == "REQUEST" for t, _, _ in pairs("China did not urge India to escalate the conflict.", "en"))
    assert not any(t == "REQUEST" for t, _, _ in pairs("Russia has not asked Ukraine to withdraw.", "en"))


# --- denying a part in an act answers the accusation before (responses.answered, answers: denied)

def test_denied_any_involvement_rejects_the_accuser():
    text = ("India held Pakistan responsible for the attack in Kashmir that killed 26 tourists. "
            "Islamabad denied any involvement.")
    assert ("REJECT", "PAK", "IND") in pairs(text, "en")
    text = "Russia accused Ukraine of shelling Donetsk. Ukraine denied responsibility."
    assert ("REJECT", "UKR", "RUS") in pairs(text, "en")


def test_denial_with_no_accusation_before_has_no_target():
    got = pairs("A drone struck an oil depot in Russia. Ukraine denied any involvement.", "en")
    assert not any(t == "REJECT" and g is not None for t, _, g in got), got
    # the accusation was of a third country's ally: the denier answers no one it can be sure of
    got = pairs("Israel accused Hezbollah of firing rockets. Iran denied any involvement in the attack.", "en")
    assert ("REJECT", "IRN", "LBN") not in got, got


# --- the act after a state's decision, move or plan is that state's (responses.owned_content)

def test_condemned_decision_to_act_is_the_owners_act():
    got = pairs("Beijing condemned Washington's decision to impose tariffs on Chinese steel.", "en")
    check_kept_wrong(got, {("ACCUSE", "CHN", "USA"), ("SANCTION", "USA", "CHN")}, {("SANCTION", "CHN", "USA")})
    got = pairs("Iran condemned Israel's plan to strike its nuclear sites.", "en")
    check_kept_wrong(got, {("ACCUSE", "IRN", "ISR"), ("ASSAULT", "ISR", "IRN")}, {("ASSAULT", "IRN", "ISR")})
    got = pairs("Pakistan's foreign office condemned India's decision to suspend the Indus Waters Treaty.", "en")
    check_kept_wrong(got, {("ACCUSE", "PAK", "IND")}, {("SANCTION", "PAK", "IND")})
    got = pairs("China criticised the U.S. decision to impose tariffs on Chinese steel.", "en")
    check_kept_wrong(got, {("ACCUSE", "CHN", "USA"), ("SANCTION", "USA", "CHN")}, {("SANCTION", "CHN", "USA")})


def test_own_decision_or_none_named_keeps_the_subject():
    got = pairs("Ukraine condemned its own decision to impose tariffs on Russia.", "en")
    assert ("SANCTION", "UKR", "RUS") in got, got
    got = pairs("Washington's decision to impose tariffs on Chinese steel angered Beijing.", "en")
    assert ("SANCTION", "USA", "CHN") in got, got


# --- a denial whose object is told before it ("a charge X denied": data/lang/en.yaml REJECT phrases)

def test_a_charge_denied_in_apposition_rejects_the_accuser():
    text = "Hamas accused Israel of violating the truce on Sunday, a charge Israel denied."
    assert {("ACCUSE", "PSE", "ISR"), ("REJECT", "ISR", "PSE")} <= pairs(text, "en")
    text = "Russia accused Ukraine of shelling Donetsk, a charge Kyiv has repeatedly denied."
    assert ("REJECT", "UKR", "RUS") in pairs(text, "en")


def test_passive_or_negated_denied_is_no_refusal():
    assert not any(t == "REJECT" for t, _, _ in pairs("Ukraine's request for visas was denied.", "en"))
    got = pairs("Iran accused Israel of striking its consulate, which Israel has neither confirmed nor denied.", "en")
    assert ("REJECT", "ISR", "IRN") not in got, got


# --- what a demand asks between its own two parties is no act of its own (responses.asked_content)

def test_infinitive_asked_for_is_the_demand_alone():
    got = pairs("France urged Israel to respect the agreement.", "en")
    check_kept_wrong(got, {("REQUEST", "FRA", "ISR")}, {("AGREE", "ISR", "FRA")})
    got = pairs("U.S. Treasury Secretary Scott Bessent urged China to return to the negotiating table.", "en")
    check_kept_wrong(got, {("REQUEST", "USA", "CHN")}, {("CONSULT", "CHN", "USA"), ("CONSULT", "USA", "CHN")})
    got = pairs("Iran's foreign minister called on the UN Security Council to condemn Israel.", "en")
    assert not any(t == "ACCUSE" and s == "IRN" for t, s, _ in got), got


def test_asked_act_with_a_third_party_stays():
    got = pairs("Trump urged Putin to agree to a ceasefire with Ukraine.", "en")
    assert {("REQUEST", "USA", "RUS"), ("AGREE", "RUS", "UKR")} <= got, got


# --- "X, which Y accuses of ...": an object relative, X is the one accused (responses.object_relative)

def test_object_relative_turns_the_act_round():
    got = pairs("Maduro, who Washington accuses of stealing last year's election, agreed to take back migrants.", "en")
    check_kept_wrong(got, {("ACCUSE", "USA", "VEN")}, {("ACCUSE", "VEN", "USA")})
    got = pairs("Pakistan, which India blames for the attack, called for a neutral inquiry.", "en")
    check_kept_wrong(got, {("ACCUSE", "IND", "PAK")}, {("ACCUSE", "PAK", "IND")})
    got = pairs("Venezuela, which the United States has sanctioned since 2019, released six Americans.", "en")
    check_kept_wrong(got, {("SANCTION", "USA", "VEN")}, {("SANCTION", "VEN", "USA")})


def test_subject_relative_keeps_the_antecedent_as_agent():
    got = pairs("Iran, which accuses Israel of the attack, vowed revenge.", "en")
    check_kept_wrong(got, {("ACCUSE", "IRN", "ISR")}, {("ACCUSE", "ISR", "IRN")})


# --- a hyphenated or comma'd modifier between "fired" and the weapon (data/lang/en.yaml ASSAULT phrases)

def test_fired_long_range_missiles_and_the_condemned_launches():
    assert ("ASSAULT", "IRN", "ISR") in pairs("Iran fired long-range missiles at Israel.", "en")
    assert ("ASSAULT", "RUS", "UKR") in pairs("Russia fired 1,200 drones at Ukraine last week.", "en")
    text = "North Korea fired two short-range ballistic missiles into the sea. Seoul condemned the launches."
    assert ("ACCUSE", "KOR", "PRK") in pairs(text, "en")


def test_fired_as_dismissed_is_no_attack():
    got = pairs("The minister was fired, and Russia then bought drones from Iran.", "en")
    assert not any(t == "ASSAULT" for t, _, _ in got), got


# --- "released six detained Americans": the participle names the captives (responses.held_captives)

def test_detained_before_the_people_released_is_no_detention():
    got = pairs("Venezuela released six detained Americans.", "en")
    check_kept_wrong(got, {("CONCEDE", "VEN", "USA")}, {("COERCE", "VEN", "USA")})
    got = pairs("The United States eased sanctions on Venezuelan oil in exchange for the release of detained Americans.", "en")
    check_kept_wrong(got, {("CONCEDE", "USA", "VEN")}, {("COERCE", "USA", "VEN")})


def test_detaining_with_its_own_subject_stays():
    assert ("COERCE", "RUS", "USA") in pairs("Russia on Friday detained two Americans.", "en")
    assert ("COERCE", "IRN", "GBR") in pairs("Iran has arrested a British journalist.", "en")


# --- the act an accusation charges is the accused's (responses.charged_act)

def test_blamed_for_the_attack_is_the_accused_attack():
    got = pairs("Israel blamed Hezbollah for the rocket attack.", "en")
    check_kept_wrong(got, {("ACCUSE", "ISR", "LBN")}, {("ASSAULT", "ISR", "LBN")})
    got = pairs("Russia held Ukraine responsible for the drone attack on the Kremlin.", "en")
    check_kept_wrong(got, {("ACCUSE", "RUS", "UKR")}, {("ASSAULT", "RUS", "UKR")})


def test_accused_of_striking_its_consulate_is_the_accused_strike():
    text = ("Iran accused Israel on Monday of striking its consulate in Damascus, killing seven members of the "
            "Revolutionary Guards.")
    got = pairs(text, "en")
    check_kept_wrong(got, {("ACCUSE", "IRN", "ISR"), ("ASSAULT", "ISR", "IRN")}, {("ASSAULT", "IRN", "IRN")})


def test_an_act_of_the_accused_told_in_its_own_clause_stays():
    got = pairs("Russia accused Ukraine of attacking the Zaporizhzhia nuclear plant, and Ukraine launched drones at Moscow.", "en")
    assert ("ASSAULT", "UKR", "RUS") in got, got

"""Claims (actor stances on the tracked issues) from German and English sentences.

Every stance rule of extract/claims.py and data/stances.yaml has sentences of its own here
(written for these tests, not taken from the seed corpus), one German and one English where
the rule is not language-specific. Each text runs through the whole extraction
(`extract_article`), so mentions, events and coreference are the real ones.
"""
from __future__ import annotations

import datetime as dt

import pytest

from detente.extract import claims as claim_mod
from detente.extract.lexicon import load_issues, load_stance_cues
from detente.extract.pipeline import ArticleIn, extract_article


def stances(text: str, lang: str) -> set[tuple[str, str, str]]:
    """(actor country, issue, stance) of every claim extracted from `text`."""
    x = extract_article(ArticleIn("t#1", text, 0, dt.date(2025, 11, 3), lang))
    return {(c.actor_country, c.issue, c.stance) for c in x.claims}


@pytest.mark.parametrize("text, lang, want", [
    # a rejection with the issue between the verb and its particle
    ("Der Kreml lehnt einen Waffenstillstand entlang der aktuellen Frontlinie weiterhin ab.", "de",
     ("RUS", "ceasefire_first", "oppose")),
    ("The Kremlin has again rejected a ceasefire along the current front line.", "en",
     ("RUS", "ceasefire_first", "oppose")),
    # insisting on something is support
    ("Selenskyj besteht auf verbindlichen Sicherheitsgarantien der Europäer.", "de",
     ("UKR", "security_guarantees", "support")),
    ("Zelensky insists on binding security guarantees from Europe.", "en",
     ("UKR", "security_guarantees", "support")),
    # "X ist gegen / X opposes"
    ("Deutschland ist gegen die Lieferung von Marschflugkörpern an Kiew.", "de",
     ("DEU", "long_range_weapons", "oppose")),
    ("Germany opposes sending cruise missiles to Kyiv.", "en", ("DEU", "long_range_weapons", "oppose")),
    # welcoming / backing sanctions on oil companies
    ("Die EU begrüßt die neuen Strafmaßnahmen gegen Rosneft.", "de", ("EU", "sanctions_oil", "support")),
    ("The European Union backs new penalties on Lukoil.", "en", ("EU", "sanctions_oil", "support")),
    # evaluative: "sinnlos", "pointless" (holder: the speaker of the earlier clause)
    ("Lawrow erklärte, eine Feuerpause sei sinnlos.", "de", ("RUS", "ceasefire_first", "oppose")),
    ("Lavrov said that a truce would be pointless.", "en", ("RUS", "ceasefire_first", "oppose")),
    # a refusal that carries its own negation ("will keine", "does not want")
    ("Peking will keine Sanktionen gegen das russische Öl mittragen.", "de", ("CHN", "sanctions_oil", "oppose")),
    ("Beijing does not want sanctions on Russian oil.", "en", ("CHN", "sanctions_oil", "oppose")),
    # "X warnt vor ..." / "X warns against ..."
    ("Moskau warnt vor der Lieferung von Tomahawks an die Ukraine.", "de", ("RUS", "long_range_weapons", "oppose")),
    ("Moscow warned against giving Tomahawks to Ukraine.", "en", ("RUS", "long_range_weapons", "oppose")),
])
def test_stance_expressions_that_are_not_events(text, lang, want):
    assert want in stances(text, lang)


@pytest.mark.parametrize("text, lang, want", [
    # Russia's "comprehensive settlement first" is the other side of ceasefire_first
    ("Moskau pocht auf ein umfassendes Friedensabkommen vor jeder Feuerpause.", "de",
     ("RUS", "ceasefire_first", "oppose")),
    ("Moscow insists on a comprehensive settlement before any truce.", "en", ("RUS", "ceasefire_first", "oppose")),
    # "... without the root causes" qualifies the ceasefire, it is not the side taken
    ("Der Kreml hält eine Waffenruhe ohne Lösung der Ursachen des Konflikts für falsch.", "de",
     ("RUS", "ceasefire_first", "oppose")),
])
def test_the_other_side_of_an_issue_flips_the_stance(text, lang, want):
    got = stances(text, lang)
    assert want in got
    assert (want[0], want[1], "support") not in got


@pytest.mark.parametrize("text, lang, want", [
    ("Kiew stimmt einer Waffenruhe nur zu, wenn es Sicherheitsgarantien erhält.", "de", ("UKR", "ceasefire_first", "conditional")),
    ("Kyiv will accept a truce only if it receives security guarantees.", "en", ("UKR", "ceasefire_first", "conditional")),
    ("Unter der Bedingung, dass Russland zustimmt, unterstützt Deutschland eine Schutztruppe.", "de",
     ("DEU", "security_guarantees", "conditional")),
    # a hedge is a conditional stance in itself
    ("Trump überlegt noch, ob er Putin in Budapest zu einem Gipfel treffen soll.", "de", ("USA", "summit", "conditional")),
    ("Trump is weighing whether to meet Putin at a summit in Budapest.", "en", ("USA", "summit", "conditional")),
    ("Von einem Gipfel mit Putin erwartet Trump konkrete Ergebnisse.", "de", ("USA", "summit", "conditional")),
    # a threat of Tomahawks is leverage (issues.yaml threat: conditional)
    ("Trump drohte, der Ukraine Tomahawks zu liefern.", "de", ("USA", "long_range_weapons", "conditional")),
    ("Trump threatened to send Tomahawks to Ukraine.", "en", ("USA", "long_range_weapons", "conditional")),
])
def test_conditional_stances(text, lang, want):
    assert want in stances(text, lang)


def test_threats_of_oil_tariffs_support_oil_sanctions():
    # issues.yaml: sanctions_oil threat: support; a threat is conditional by nature, so the
    # condition in it does not make it conditional
    assert ("USA", "sanctions_oil", "support") in stances(
        "Washington drohte mit Zöllen gegen Indien, falls es weiter russisches Öl kauft.", "de")
    assert ("USA", "sanctions_oil", "support") in stances(
        "Trump threatened tariffs on India if it keeps buying Russian oil.", "en")


@pytest.mark.parametrize("text, lang, absent", [
    # a stance inside the condition's clause is no claim
    ("Wenn Moskau einem Waffenstillstand zustimmt, will Trump nach Budapest reisen.", "de", ("RUS", "ceasefire_first")),
    ("If Moscow accepts a ceasefire, Trump will travel to Budapest.", "en", ("RUS", "ceasefire_first")),
    # the author speculates about a position
    ("Vielleicht unterstützt Peking inzwischen eine Waffenruhe.", "de", ("CHN", "ceasefire_first")),
    ("Perhaps Beijing now supports a ceasefire.", "en", ("CHN", "ceasefire_first")),
    # a wish about someone else's stance is not that actor's stance
    ("Trump erwartet, dass Putin einer Waffenruhe zustimmt.", "de", ("RUS", "ceasefire_first")),
    ("Trump expects Putin to accept a ceasefire.", "en", ("RUS", "ceasefire_first")),
])
def test_no_claim_for_conditions_speculation_and_wishes(text, lang, absent):
    assert not any(c[:2] == absent for c in stances(text, lang))


def test_a_stance_inside_a_presupposed_or_concessive_clause_stands():
    got = stances("Solange Putin eine Waffenruhe ablehnt, bleiben die Sanktionen in Kraft.", "de")
    assert ("RUS", "ceasefire_first", "oppose") in got
    got = stances("Trump zögert, auch wenn Putin ein Gipfeltreffen mit Trump anstrebt.", "de")
    assert ("RUS", "summit", "support") in got
    got = stances("Trump hesitates, even though Putin is eager to hold a summit with him.", "en")
    assert ("RUS", "summit", "support") in got


def test_an_anaphor_takes_the_issue_named_before():
    got = stances("Trump schlug erneut eine Waffenruhe vor. Der Kreml lehnte diese Idee umgehend ab.", "de")
    assert ("RUS", "ceasefire_first", "oppose") in got
    got = stances("Trump proposed a ceasefire again. The Kremlin dismissed this idea at once.", "en")
    assert ("RUS", "ceasefire_first", "oppose") in got


def test_a_pronoun_subject_is_the_last_person_named():
    got = stances("Putin sprach am Abend mit Journalisten. Er lehnt westliche Sicherheitsgarantien für Kiew ab.", "de")
    assert ("RUS", "security_guarantees", "oppose") in got
    got = stances("Putin spoke to reporters on Tuesday. He rejects Western security guarantees for Kyiv.", "en")
    assert ("RUS", "security_guarantees", "oppose") in got


def test_a_nominal_cue_is_held_by_the_actor_attached_to_it():
    assert ("RUS", "long_range_weapons", "oppose") in stances(
        "Eine russische Warnung vor Tomahawk-Lieferungen zeigte in Washington Wirkung.", "de")
    assert ("USA", "ceasefire_first", "support") in stances(
        "Der Vorschlag Trumps für einen Waffenstillstand liegt auf dem Tisch.", "de")
    assert ("USA", "ceasefire_first", "support") in stances(
        "Trump's proposal for a ceasefire is on the table.", "en")


def test_the_subject_not_an_object_holds_the_stance():
    # "mit dem ... Präsidenten" is an object; the relative clause's holder is the actor before it
    got = stances("Nach dem Treffen mit dem ukrainischen Präsidenten forderte Trump eine sofortige Waffenruhe.", "de")
    assert ("USA", "ceasefire_first", "support") in got and ("UKR", "ceasefire_first", "support") not in got
    got = stances("Lawrow verwarf den Plan Trumps, der betont hatte, dass die Truppen dort stehen bleiben sollten, "
                  "wo sie jetzt sind.", "de")
    assert ("USA", "ceasefire_first", "support") in got


def test_issue_vocabularies_generalise():
    # inflected German forms, synonyms and English equivalents
    assert ("UKR", "donetsk_withdrawal", "oppose") in stances(
        "Kiew ist nicht bereit, seine Truppen aus den verbliebenen Gebieten abzuziehen.", "de")
    assert ("UKR", "donetsk_withdrawal", "oppose") in stances("Kyiv refuses to cede territory in the Donbas.", "en")
    assert ("USA", "ceasefire_first", "support") in stances("Washington calls for freezing the conflict.", "en")
    assert ("FRA", "security_guarantees", "support") in stances(
        "Macron unterstützt eine europäische Friedenstruppe für die Ukraine.", "de")


def test_other_summits_are_not_the_putin_trump_summit():
    assert not any(c[1] == "summit" for c in stances("Modi sagte seine Teilnahme am ASEAN-Gipfel ab.", "de"))
    assert not any(c[1] == "summit" for c in stances("Rutte welcomed the decisions of the NATO summit.", "en"))
    # a meeting noun with one participant after it is the summit only when both are named
    assert ("RUS", "summit", "support") in stances(
        "Putin strebt ein weiteres Treffen mit dem amerikanischen Präsidenten an, sagte Peskow über Trump.", "de")


def test_general_news_without_an_issue_gives_no_claim():
    for text in ("The minister said the plan was pointless and rejected it.",
                 "Die Regierung lehnt die Reform der Rente ab, sagte Merz.",
                 "Shares rose after the central bank backed a rate cut."):
        assert stances(text, "en" if text.startswith(("The", "Shares")) else "de") == set()


def test_headings_give_no_claim():
    x = extract_article(ArticleIn("t#1", "Kreml lehnt Waffenruhe ab\n\nDer Tag begann ruhig.", 0, None, "de"))
    assert x.claims == []


def test_cue_files_load_for_both_languages_and_issues_have_terms():
    for lang in ("de", "en"):
        cues = load_stance_cues(lang)
        assert cues is not None and cues.get("support") and cues.get("oppose") and cues.governing
    assert load_stance_cues("xx") is None
    assert {i.name for i in load_issues()} == {"ceasefire_first", "donetsk_withdrawal", "long_range_weapons",
                                               "sanctions_oil", "security_guarantees", "summit"}


def test_stances_is_pure_per_sentence_without_a_context():
    # no hits, no events: nothing to hold a stance, and no crash
    assert claim_mod.stances("ein waffenstillstand wäre sinnlos.", [], (), "de") == []


def test_a_condition_phrase_makes_the_sentence_conditional():
    # "Ohne ..." / "Without ..." open no clause: the stance in the main clause is conditional
    assert ("UKR", "ceasefire_first", "conditional") in stances(
        "Ohne feste Garantien hat Kiew wenig Interesse an einer Waffenruhe.", "de")
    assert ("UKR", "ceasefire_first", "conditional") in stances(
        "Without firm guarantees, Kyiv has no interest in a truce.", "en")


def test_an_issue_phrase_that_is_set_aside_is_no_side_taken():
    # the clause without a subject of its own reaches back to "dass" for its object; the root
    # causes are what the ceasefire would ignore, so the stance is on the ceasefire itself
    got = stances("Der Kreml erklärte, dass eine Feuerpause, die die Ursachen des Konflikts ignoriert, "
                  "nicht im Interesse Russlands sei.", "de")
    assert ("RUS", "ceasefire_first", "oppose") in got and ("RUS", "ceasefire_first", "support") not in got
    got = stances("The Kremlin said that a truce ignoring the root causes is not in Russia's interest.", "en")
    assert ("RUS", "ceasefire_first", "oppose") in got and ("RUS", "ceasefire_first", "support") not in got


def test_a_bare_summit_is_the_putin_trump_summit_only_in_its_context():
    # another summit in general news is not the issue
    assert not any(c[1] == "summit" for c in stances("Macron welcomed the outcome of the EU-China summit.", "en"))
    assert not any(c[1] == "summit" for c in stances("Xi Jinping begrüßte den Gipfel der Schanghaier Organisation.", "de"))
    # with a participant named, or right after the issue was named, it is
    assert ("USA", "summit", "oppose") in stances("Trump ruled out a summit in Budapest for now.", "en")
    got = stances("Putin und Trump wollen sich in Budapest treffen. Der Kreml begrüßt den Gipfel.", "de")
    assert ("RUS", "summit", "support") in got


def test_coordinated_holders_each_hold_the_stance():
    want = {("FRA", "ceasefire_first", "support"), ("GBR", "ceasefire_first", "support"),
            ("DEU", "ceasefire_first", "support"), ("POL", "ceasefire_first", "support")}
    assert want <= stances("Frankreich, Großbritannien, Deutschland und Polen fordern eine bedingungslose Waffenruhe.", "de")
    assert want <= stances("France, Britain, Germany and Poland demanded an unconditional ceasefire.", "en")


def test_actors_coordinated_with_an_object_are_objects_too():
    got = stances("Nach dem Treffen mit Putin und Trump forderte Macron eine sofortige Waffenruhe.", "de")
    assert ("FRA", "ceasefire_first", "support") in got
    assert not any(c[0] in ("RUS", "USA") for c in got)
    got = stances("After his talks with Putin and Trump, Macron called for an immediate ceasefire.", "en")
    assert ("FRA", "ceasefire_first", "support") in got
    assert not any(c[0] in ("RUS", "USA") for c in got)


def test_partners_of_a_joint_act_share_the_stance():
    got = stances("Paris hat sich mit Berlin und Warschau zusammengetan, um eine europäische Schutztruppe vorzuschlagen.", "de")
    assert {("FRA", "security_guarantees", "support"), ("DEU", "security_guarantees", "support"),
            ("POL", "security_guarantees", "support")} <= got
    got = stances("France teamed up with Germany to propose a European reassurance force.", "en")
    assert {("FRA", "security_guarantees", "support"), ("DEU", "security_guarantees", "support")} <= got


def test_a_ceasefire_in_another_war_is_not_the_issue():
    assert not any(c[1] == "ceasefire_first" for c in stances(
        "Israel und die Hamas stimmten einer Waffenruhe im Gazastreifen zu.", "de"))
    assert not any(c[1] == "ceasefire_first" for c in stances(
        "Trump welcomed the Gaza ceasefire and backed a truce between India and Pakistan.", "en"))
    assert ("USA", "ceasefire_first", "support") in stances(
        "Trump backed a ceasefire along the front line in Ukraine.", "en")


def test_the_author_assuming_is_speculation():
    assert not any(c[0] == "RUS" for c in stances(
        "Man kann annehmen, dass Moskau eine Waffenruhe inzwischen unterstützt.", "de"))
    assert not any(c[0] == "RUS" for c in stances(
        "One might assume that Moscow now supports a truce.", "en"))

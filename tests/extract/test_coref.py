"""Coreference (extract/coref.py) on short texts written for these tests, German and English."""
import datetime as dt

from detente.extract import coref
from detente.extract.lexicon import load_lexicon
from detente.extract.rules import code_sentence

ON = dt.date(2025, 10, 24)


def _run(sentences, lang="de"):
    """Feed sentences in order; per sentence the resolved mentions and the coded events."""
    d = coref.Discourse()
    lex = load_lexicon(lang)
    out = []
    for s in sentences:
        hits, coded = code_sentence(s, lang, ON, discourse=d)
        d.update(s, hits, lex)
        refs = [(h.text, h.actor.name) for h in hits if h.ref]
        evs = [(c.type, c.source.country, c.target.country, c.status) for c in coded if c.target is not None]
        # a resolved mention keeps the pronoun's own characters (traceable evidence)
        assert all(s[h.start:h.end] == h.text for h in hits)
        out.append((refs, evs))
    return out


def test_german_personal_pronouns_and_binding():
    (_, _), (refs, evs) = _run(["Merz reiste am Montag nach Paris.",
                                "Dort traf er Macron und sprach mit ihm über die Lage."])
    assert ("er", "Friedrich Merz") in refs and ("ihm", "Emmanuel Macron") in refs
    assert ("CONSULT", "DEU", "FRA", "occurred") in evs
    # "ihn" is not the subject of its own clause
    _, (refs, _) = _run(["Erdogan lud Putin nach Ankara ein.", "Putin rief ihn am Abend an."])
    assert refs == [("ihn", "Recep Tayyip Erdogan")]


def test_feminine_and_plural_sie():
    _, (refs, evs) = _run(["Meloni landete am Morgen in Athen.", "Dort traf sie den Regierungschef Mitsotakis."])
    assert ("sie", "Giorgia Meloni") in refs
    assert ("CONSULT", "ITA", "GRC", "occurred") in evs
    _, (refs, evs) = _run(["Schweden und Finnland verurteilten den Angriff.",
                           "Sie forderten Moskau auf, die Truppen abzuziehen."])
    assert {n for _, n in refs} == {"Sweden", "Finland"}
    assert ("REQUEST", "SWE", "RUS", "occurred") in evs and ("REQUEST", "FIN", "RUS", "occurred") in evs


def test_relative_pronoun_takes_the_actor_before_the_comma():
    [(refs, evs)] = _run(["Der Vorschlag stammt von Fico, der am Dienstag mit Orbán telefonierte."])
    assert ("der", "Robert Fico") in refs
    assert ("CONSULT", "SVK", "HUN", "occurred") in evs
    # an article after a comma is no relative pronoun
    [(refs, _)] = _run(["Das betonte Fico, der slowakische Regierungschef, in Brüssel."])
    assert not any(t == "der" for t, _ in refs)


def test_role_noun_resolves_to_the_salient_holder():
    _, (refs, evs) = _run(["Der griechische Ministerpräsident Mitsotakis reiste nach Zypern.",
                           "Der Ministerpräsident traf dort den Präsidenten Kroatiens."])
    assert ("Ministerpräsident", "Kyriakos Mitsotakis") in refs
    assert any(e[:3] == ("CONSULT", "GRC", "HRV") for e in evs)
    _, (refs, _) = _run(["Chancellor Merz landed in Ottawa on Monday.", "The chancellor then met Carney."], "en")
    assert ("chancellor", "Friedrich Merz") in refs


def test_possessive_owns_the_act_and_opening_phrase_points_forward():
    [(refs, evs)] = _run(["Nach seinem Telefonat mit Xi sagte Trump, er sei zufrieden."])
    assert ("seinem", "Donald Trump") in refs and ("CONSULT", "USA", "CHN", "occurred") in evs
    # "sein" as the verb is no possessive
    _, (refs, _) = _run(["Sánchez kam nach Rom.", "Das Treffen soll vertraulich sein."])
    assert refs == []


def test_quoted_first_person_is_the_speaker():
    [(refs, evs)] = _run(["Wir werden die Sanktionen gegen Belarus verlängern, sagte Frederiksen."])
    assert ("Wir", "Denmark") in refs and ("SANCTION", "DNK", "BLR", "planned") in evs
    [(refs, evs)] = _run(["We will impose new tariffs on Brazil, Trump said."], "en")
    assert ("We", "USA") in refs and any(e[:3] in {("SANCTION", "USA", "BRA"), ("THREATEN", "USA", "BRA")} for e in evs)


def test_english_pronouns():
    _, (refs, evs) = _run(["Macron met Starmer in London on Monday.", "He later called Zelensky."], "en")
    assert refs == [("He", "Emmanuel Macron")] and ("CONSULT", "FRA", "UKR", "occurred") in evs
    _, (refs, evs) = _run(["Japan and South Korea condemned North Korea.", "They accused Pyongyang of firing missiles."], "en")
    assert {n for _, n in refs} == {"Japan", "South Korea"}
    assert ("ACCUSE", "JPN", "PRK", "occurred") in evs and ("ACCUSE", "KOR", "PRK", "occurred") in evs
    _, (refs, _) = _run(["Sanae Takaichi visited Washington.", "Trump praised her and she thanked him."], "en")
    assert ("she", "Sanae Takaichi") in refs and ("him", "Donald Trump") in refs


def test_salience_fades():
    out = _run(["Kurti traf am Montag Vučić.", "Die Gespräche dauerten lange.", "Das Wetter war schlecht.",
                "Die Presse wartete.", "Er sprach danach mit Serbien."])
    assert out[-1][0] == []          # four sentences later "Er" is no longer resolved


def test_subject_pronoun_in_reported_speech_may_refer_to_the_speaker():
    [(refs, evs)] = _run(["Putin told reporters he was ready to meet Trump in Budapest."], "en")
    assert ("he", "Vladimir Putin") in refs and ("CONSULT", "RUS", "USA", "planned") in evs


def test_plural_possessive_after_two_actors_refers_to_both():
    [(refs, evs)] = _run(["Es ist bekannt, dass Macron Meloni in ihrem ersten Telefonat einen Plan vorgeschlagen hat."])
    assert {n for t, n in refs if t == "ihrem"} == {"Emmanuel Macron", "Giorgia Meloni"}
    assert ("CONSULT", "FRA", "ITA", "occurred") in evs
    [(refs, _)] = _run(["Modi told Xi in their meeting that India wants peace."], "en")
    assert {n for t, n in refs if t == "their"} == {"Narendra Modi", "Xi Jinping"}


def test_the_two_role_holders():
    _, (refs, evs) = _run(["Macron empfing am Montag den ukrainischen Präsidenten Selenskyj in Paris.",
                           "Die beiden Präsidenten unterzeichneten ein Abkommen über Kampfjets."])
    assert {n for t, n in refs} == {"Emmanuel Macron", "Volodymyr Zelensky"}
    assert any(e[1:3] == ("FRA", "UKR") for e in evs), evs
    _, (refs, _) = _run(["Albanese met Carney in Ottawa.", "The two leaders signed a trade pact."], "en")
    assert {n for t, n in refs} == {"Anthony Albanese", "Mark Carney"}


def test_a_quote_of_its_own_continues_the_last_speaker():
    _, (refs, evs) = _run(["Tusk sagte am Montag in Warschau, die Lage sei ernst.",
                           "„Wir werden Belarus mit neuen Sanktionen belegen.“"])
    assert refs == [("Wir", "Poland")] and ("SANCTION", "POL", "BLR", "planned") in evs
    _, (refs, _) = _run(["Carney said on Monday that talks had stalled.", "\"We will not accept new tariffs from Washington.\""], "en")
    assert refs == [("We", "Canada")]
    # without a speaker just before, a quote's "wir" stays unresolved
    _, _, (refs, _) = _run(["Tusk sagte am Montag, die Lage sei ernst.", "Das Wetter war schlecht.", "„Wir bleiben.“"])
    assert refs == []


def test_english_it_refers_to_a_state_but_not_in_it_is():
    _, (refs, evs) = _run(["Beijing has repeatedly called for peace talks.", "It has also refused to condemn Russia's invasion."], "en")
    assert refs == [("It", "China")] and ("REJECT", "CHN", "RUS", "occurred") in evs
    assert not any(e[0] == "ACCUSE" for e in evs)          # the refused act did not happen
    _, (refs, _) = _run(["Beijing called for talks.", "It is clear that nobody listened."], "en")
    assert refs == []


def test_plural_role_noun_needs_two_holders():
    _, (refs, _) = _run(["Starmer hosted European leaders in London.", "The leaders agreed to form a coalition."], "en")
    assert refs == []


def test_both_and_neither_refer_to_the_salient_pair():
    out = _run(["Kurti und Vučić trafen sich am Montag in Brüssel.",
                "Doch keiner konnte sich auf die Forderungen des anderen einigen.",
                "Danach könnten beide Länder ein Abkommen schließen."])
    assert {n for _, n in out[1][0]} == {"Albin Kurti", "Aleksandar Vučić"}
    assert any(e[:3] == ("REJECT", "XKX", "SRB") for e in out[1][1])        # "keiner ... einigen": no agreement
    assert ("AGREE", "XKX", "SRB", "hypothetical") in out[2][1]
    _, (refs, _) = _run(["Armenia and Azerbaijan met in Abu Dhabi.", "Both sides agreed to continue talks."], "en")
    assert {n for _, n in refs} == {"Armenia", "Azerbaijan"}

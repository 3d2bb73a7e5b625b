"""World news beyond the seed's story: office holders of 2024-2025, demonym + office phrases,
appositions naming an unknown person's office, mediators, places that are not actors.
Sentences written for these tests (none from the seed corpus), English wire style and German,
on many crises; each is its own article dated 2025-10-24 unless said otherwise. Both
directions: the phrasing that must yield the event and the same shape that must not."""
import datetime as dt

import pytest

from detente.extract import actors
from detente.extract.lexicon import load_gazetteer, load_lexicon
from sentence_events import events


def _pairs(text: str, lang: str, on: dt.date | None = None) -> set[tuple[str, str, str | None]]:
    return {(t, s, o) for t, s, o, _ in (events(text, lang, on) if on else events(text, lang))}


def _mentions(text: str, lang: str, on: dt.date = dt.date(2025, 10, 24)) -> list[tuple[str, str, str | None]]:
    lex = load_lexicon(lang)
    return [(h.text, h.kind, h.actor.country if h.actor else None)
            for h in actors.find(text, on, lex.location_prepositions, actor_nouns=lex.actor_nouns,
                                 group_nouns=lex.group_nouns)]


# --- demonym + two-word office ---------------------------------------------------------------

@pytest.mark.parametrize("text,lang,want", [
    ("The Indian foreign minister met his Chinese counterpart in Beijing on Monday.", "en",
     ("CONSULT", "IND", "CHN")),
    ("The Japanese defense minister accused China of dangerous provocations near the islands.", "en",
     ("ACCUSE", "JPN", "CHN")),
    ("The Qatari prime minister met Hamas negotiators in Doha on Sunday.", "en",
     ("CONSULT", "QAT", "PSE")),
    ("The Turkish foreign minister held talks with his Egyptian counterpart on Tuesday.", "en",
     ("CONSULT", "TUR", "EGY")),
    ("The Pakistani army chief met Trump at the White House on Wednesday.", "en",
     ("CONSULT", "PAK", "USA")),
    ("Der türkische Verteidigungsminister traf am Dienstag seinen ägyptischen Amtskollegen.", "de",
     ("CONSULT", "TUR", "EGY")),
])
def test_demonym_and_office_names_the_country(text, lang, want):
    assert want in _pairs(text, lang)


def test_two_word_office_is_one_mention():
    got = _mentions("The Brazilian foreign minister and the Kenyan defence minister spoke.", "en")
    assert ("Brazilian foreign minister", "collective", "BRA") in got
    assert ("Kenyan defence minister", "collective", "KEN") in got


def test_demonym_before_other_two_words_stays_an_adjective():
    # "Indian foreign policy", "Chinese prime time": no office, no actor
    got = _mentions("Indian foreign policy shifted as Chinese prime time television ignored it.", "en")
    assert ("Indian", "adjective", "IND") in got and ("Chinese", "adjective", "CHN") in got
    assert _pairs("Indian foreign policy has drifted toward the Gulf monarchies.", "en") == set()

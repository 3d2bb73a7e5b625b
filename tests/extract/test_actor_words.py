"""actors._candidate_words (two Aho-Corasick passes) lists exactly the words the plain loop
would test: every `\\w+` run that starts an alias or whose lower case is a demonym."""

from __future__ import annotations

import re

import pytest

from detente.extract import actors
from detente.extract.lexicon import load_gazetteer

SENTENCES = [
    "Putin und Trump trafen sich in Budapest; die russische Delegation schwieg.",
    "Der ukrainische Präsident Selenskyj reiste nach Washington, sagte die Sprecherin.",
    "RUSSISCHE Truppen, russische_Truppen, Putin2 und 2Putin: keine ganzen Wörter.",
    "Russia's foreign minister met Ukrainian officials in Istanbul and Kyiv.",
    "The Kremlin said French, German and British leaders would call Moscow.",
    "İstanbul: Erdoğan empfing russische und ukrainische Unterhändler.",   # "İ" lowers to two characters
    "ΣΟΦΙΑ meldet: Die Bulgarische Regierung und Putin telefonierten.",     # "Σ" lowers by context
    "",
]


def _plain(sentence: str) -> list[tuple[int, int, str]]:
    gaz = load_gazetteer()
    starts = actors._first_words(gaz)
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+", sentence)
            if m.group() in starts or m.group().lower() in gaz.adj_forms]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_candidate_words_are_the_plain_loops(sentence: str) -> None:
    assert actors._candidate_words(load_gazetteer(), sentence, sentence.lower()) == _plain(sentence)


def test_candidates_are_whole_words_only() -> None:
    got = [w for _, _, w in actors._candidate_words(load_gazetteer(), "xPutin Putin_x Putin2 Putin", "xputin putin_x putin2 putin")]
    assert got == ["Putin"]


def test_find_still_names_the_actors() -> None:
    hits = actors.find("Putin und die russische Armee griffen Kiew an.", None, frozenset({"in", "nach"}),
                       actor_nouns=("armee",))
    assert [(h.text, h.actor.name if h.actor else None) for h in hits][:2] == [
        ("Putin", "Vladimir Putin"), ("russische Armee", hits[1].actor.name)]
    assert hits[1].kind == "collective"

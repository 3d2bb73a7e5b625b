"""scan.finditer finds exactly what pattern.finditer finds (it only skips positions where no
match can start), on the gazetteer's role phrases and on patterns of each construct it reads."""

from __future__ import annotations

import re

import pytest

from detente.extract import scan
from detente.extract.lexicon import load_gazetteer

SENTENCES = [
    "Der russische Präsident traf am Freitag den ukrainischen Präsidenten in Genf.",
    "Kremlsprecher Peskow sagte, der Präsident der Vereinigten Staaten habe angerufen.",
    "US-Präsident und Kreml-Chef sprachen zwei Stunden; der NATO-Generalsekretär schwieg.",
    "Russia's President said the U.S. President would visit; the Kremlin spokesman denied it.",
    "The NATO Secretary General met Ukrainian President officials, said a spokesperson.",
    "präsident PRÄSIDENT Präsidentin Präsidenten-Wahl Ex-Präsident, „Präsident“ (President)",
    "",
    "Kein Amt wird hier genannt, nur Wetter und Zahlen: 12,5 Grad.",
]


def _same(pattern: re.Pattern[str], text: str) -> None:
    assert [m.span() for m in scan.finditer(pattern, text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_role_phrases_found_as_by_finditer(text: str) -> None:
    roles = load_gazetteer().roles
    assert scan.starts(roles) is not None      # the role phrases are read (every one opens with a word)
    _same(roles, text)


def test_role_phrase_found_at_a_word_start() -> None:
    roles = load_gazetteer().roles
    got = [m.group() for m in scan.finditer(roles, "Gestern sagte der russische Präsident, er komme.")]
    assert got == [m.group() for m in roles.finditer("Gestern sagte der russische Präsident, er komme.")]
    assert got and "Präsident" in got[0]


@pytest.mark.parametrize("pattern", [
    r"(?<![\w])(?:Minister(?:in)?|envoy|[Gg]esandte[nr]?)(?![\w])",    # lookbehind, groups, classes
    r"(?<!\w)(?:der|the) (?:Präsident|president)|, (?:der|who)\b",       # alternatives with and without the lookbehind
    r"(?:ab)+c|x?yz",                                                    # repeats, an optional first item
])
@pytest.mark.parametrize("text", SENTENCES + ["ababc xyz yz, the president, who Minister envoy gesandter"])
def test_constructs_found_as_by_finditer(pattern: str, text: str) -> None:
    _same(re.compile(pattern), text)


def test_case_insensitive_pattern_keeps_its_case_folding() -> None:
    p = re.compile(r"(?<!\w)(?:kanzler|chancellor)", re.IGNORECASE)
    _same(p, "Der KANZLER und die Kanzlerin; the Chancellor, chancellor's office")


@pytest.mark.parametrize("pattern", [r"\w*ung", r"(?i:kanzler)", r"a|"])
def test_unread_patterns_fall_back_to_finditer(pattern: str) -> None:
    p = re.compile(pattern)
    assert scan.starts(p) is None
    _same(p, "Die Verhandlung mit dem Kanzler, a b")


@pytest.mark.parametrize("words", [
    ["sie", "sein", "seine", "seinem", "s"], ["er", "ihr", "ihre", "ihrem"], ["he", "his", "him", "they", "their"],
    ["über", "ü", "Kanzler", "kanzlerin"], ["a"],
])
def test_trie_matches_exactly_its_words(words: list[str]) -> None:
    p = re.compile(rf"(?:{scan.trie(words)})")
    probes = words + [w[:-1] for w in words] + [w + "x" for w in words] + ["", "xyz", "seinen", "hi"]
    assert {x for x in probes if p.fullmatch(x)} == set(words)


def test_trie_test_finds_what_the_flat_alternation_finds() -> None:
    words = ["er", "sie", "ihr", "ihre", "seine", "he", "his", "the chancellor", "kanzler"]
    flat = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(words, key=len, reverse=True))})(?!\w)", re.IGNORECASE)
    tree = re.compile(rf"(?<!\w)(?:{scan.trie(words)})(?!\w)", re.IGNORECASE)
    for text in SENTENCES + ["Er sagte, SIE komme; The Chancellor said his plan ...", "Sieger, Ihrer, hisx, Kanzlerin"]:
        assert (flat.search(text) is None) == (tree.search(text) is None)
        assert [m.span() for m in flat.finditer(text)] == [m.span() for m in tree.finditer(text)]

"""Tokens, lookup lemmas and German separable-verb particles (NLP_NOTES §3.2)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import simplemma

from detente.extract.lexicon import Lexicon


_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|[^\w\s]")


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    forms: tuple[str, ...]      # lower-case word, lemma, particle+lemma
    clause: int
    word: bool
    subj: bool = False          # a coordinator opening a clause with its own subject ("oder Trump zwingt ...")


def lemma(word: str, lang: str) -> str:
    """Lower-case lemma (simplemma's dictionary lookup). Not cached here: its one caller,
    `rules.tokenize`, keeps each token text's forms, lemma included (`_TOKEN_FORMS`)."""
    try:
        return simplemma.lemmatize(word, lang=lang).lower()
    except (ValueError, KeyError):
        return word.lower()


def _lower(s: str) -> str:
    low = s.lower()
    if len(low) != len(s):           # e.g. 'İ' lowers to two characters: keep offsets exact
        low = "".join(c.lower()[:1] or c for c in s)
    return low


# German words that may follow a coordinated subject without being its verb
_NOT_VERBS_DE = frozenset("auch selbst noch jedoch aber dagegen hingegen wiederum dann zudem also sowie nicht nur "
                          "bzw oder und sowohl einerseits andererseits ebenfalls".split())


def _attach_particles(toks: list[Tok], lex: Lexicon) -> None:
    """German separable verbs: a particle closing a clause joins the clause's lower-case verbs."""
    by_clause: dict[int, list[int]] = {}
    for i, t in enumerate(toks):
        by_clause.setdefault(t.clause, []).append(i)
    for idxs in by_clause.values():
        words = [i for i in idxs if toks[i].word]
        if len(words) < 2:
            continue
        last = toks[words[-1]]
        if last.low not in lex.particles:
            continue
        # the particle must close the clause (only punctuation after it)
        for i in words[:-1]:
            t = toks[i]
            if t.text[:1].islower():
                t.forms = t.forms + (last.low + t.forms[1], last.low + t.low)

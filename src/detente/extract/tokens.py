"""Tokens, lookup lemmas and German separable-verb particles (NLP_NOTES §3.2)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import simplemma

from detente.extract.lexicon import Lexicon
from detente.extract.triggers import _match


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
    trig: int | None = None     # index of the lexicon trigger the forms match (`triggers._match`), set by tokenize


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
    """German separable verbs: a particle closing a clause joins the clause's lower-case verbs
    (and their trigger is looked up again on the composed forms)."""
    # speed: one backward pass - the first word met of a clause is its last word, the particle
    # if any - instead of listing every clause's token indices and then its words (4.4 -> 3.0 us
    # per seed sentence)
    particles = lex.particles
    last: dict[int, str | None] = {}       # clause -> its closing particle (None: it closes on another word)
    for t in reversed(toks):
        if not t.word:
            continue
        c = t.clause
        if c not in last:
            last[c] = t.low if t.low in particles else None
            continue
        p = last[c]
        if p is not None and t.text[:1].islower():
            t.forms = t.forms + (p + t.forms[1], p + t.low)
            t.trig = _match(lex.language, t.forms)

"""Tokens, lookup lemmas and German separable-verb particles (NLP_NOTES §3.2)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

import simplemma

from detente.extract.lexicon import Lexicon
from detente.extract.lowered import lower
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
    low = lower(s)      # (speed, eighth pass: the sentence's lower case computed once, `lowered`)
    if len(low) != len(s):           # e.g. 'İ' lowers to two characters: keep offsets exact
        low = "".join(c.lower()[:1] or c for c in s)
    return low


# German words that may follow a coordinated subject without being its verb
_NOT_VERBS_DE = frozenset("auch selbst noch jedoch aber dagegen hingegen wiederum dann zudem also sowie nicht nur "
                          "bzw oder und sowohl einerseits andererseits ebenfalls".split())


_CLAUSE_OF = attrgetter("clause")


def clause_runs(toks: list[Tok]) -> dict[int, list[Tok]]:
    """Each clause number's tokens. `rules.tokenize` numbers clauses in token order, so a clause
    is one run of tokens: grouped by `itertools.groupby` in C (speed, seventh pass: a dict
    `setdefault` and `append` per token cost several times as much; with the bisection in
    `groups._groups`, -0.8% of the instructions per article)."""
    return {c: list(run) for c, run in groupby(toks, _CLAUSE_OF)}


def _attach_particles(toks: list[Tok], lex: Lexicon) -> None:
    """German separable verbs: a particle closing a clause (or a coordinated verb phrase) joins
    the clause's lower-case verbs, and their trigger is looked up again on the composed forms."""
    particles = lex.particles
    # speed (seventh pass): only a particle that is its clause's last word or stands right before
    # "und"/"oder"/... can close a verb phrase (`_verb_phrases`); most sentences have none, and
    # then the per-clause word lists are not built (part of the -1.4% noted in `rules.tokenize`)
    n = len(toks)
    for i in [i for i, t in enumerate(toks) if t.low in particles and t.word]:
        if i + 1 == n or toks[i + 1].clause != toks[i].clause or not toks[i + 1].word or toks[i + 1].low in _PARTICLE_COORD:
            break
    else:
        return
    start = 0
    for run in clause_runs(toks).values():
        words = [i for i, t in enumerate(run, start) if t.word]
        start += len(run)
        if len(words) < 2:
            continue
        for a, b in _verb_phrases(toks, words, particles):
            last = toks[words[b]]
            if last.low not in particles:
                continue
            # the particle must close the clause (only punctuation after it) or its verb phrase
            for i in words[a:b]:
                t = toks[i]
                if t.text[:1].islower():
                    t.forms = t.forms + (last.low + t.forms[1], last.low + t.low)
                    t.trig = _match(lex.language, t.forms)


_PARTICLE_COORD = frozenset({"und", "oder", "aber", "sowie"})


def _verb_phrases(toks: list[Tok], words: list[int], particles: frozenset[str]) -> list[tuple[int, int]]:
    """Spans (first, last position in `words`) of a clause's coordinated verb phrases: a particle
    right before "und"/"aber" and a lower-case word closes the first ("lehnte den Vorschlag ab
    und drohte mit Angriffen": "ab" is "lehnte"'s, not "drohte"'s). Not "ab und zu", "auf und ab"."""
    out, a = [], 0
    for n in range(1, len(words) - 2):
        w, c, v = toks[words[n]], toks[words[n + 1]], toks[words[n + 2]]
        if w.low in particles and c.low in _PARTICLE_COORD and words[n + 1] == words[n] + 1 and v.text[:1].islower() \
                and v.low not in particles and v.low != "zu" and toks[words[n - 1]].low not in particles and n > a:
            out.append((a, n))
            a = n + 2
    out.append((a, len(words) - 1))
    return out


_FACTS: tuple[list[Tok] | None, dict[str, object]] = (None, {})      # (token list, its facts)


def sentence_facts(toks: list[Tok]) -> dict[str, object]:
    """A dict for facts about one sentence's tokens that the rules ask for per trigger or per party
    (its word set, whether a cue word occurs at all), kept only for the token list last asked about.

    Speed (seventh pass): the argument and suppression rules rescanned the whole sentence for
    the same words once per trigger and per party; one scan per sentence then answers from here.
    Safe because a token list is never changed after `rules.tokenize` returns it, and the dict
    holds the list itself, so a new list can never be taken for it (no cache across sentences).
    The pair is read and replaced as one object: threads extracting at once may make each other
    recompute, never read another sentence's facts."""
    global _FACTS
    memo = _FACTS
    if memo[0] is not toks:
        memo = _FACTS = (toks, {})
    return memo[1]


def low_set(toks: list[Tok]) -> frozenset[str]:
    """The lower-case token texts of the sentence (one set test instead of a scan over the tokens)."""
    facts = sentence_facts(toks)
    got = facts.get("lows")
    if got is None:
        got = facts["lows"] = frozenset([t.low for t in toks])
    return got  # type: ignore[return-value]


def low_text(toks: list[Tok]) -> str:
    """The lower-case token texts joined by single spaces: a word that occurs inside some token is
    a substring of it (a C substring test instead of a scan over the tokens)."""
    facts = sentence_facts(toks)
    got = facts.get("text")
    if got is None:
        got = facts["text"] = " ".join([t.low for t in toks])
    return got  # type: ignore[return-value]

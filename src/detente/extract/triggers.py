"""Trigger lookup: lemmas, prefixes, compound infixes and phrase patterns of data/lang/*.yaml
mapped to PLOVER types, with the literal anchors that let most phrases be skipped."""

from __future__ import annotations

import ahocorasick_rs
import re
from functools import lru_cache

try:                     # the regex parser, to read literal anchors of phrase patterns
    import re._parser as _sre_parse
except ImportError:      # Python < 3.11
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from detente.extract import systems
from detente.extract.lexicon import Lexicon, Trigger, load_lexicon


@lru_cache(maxsize=300_000)
def _match(lang: str, forms: tuple[str, ...]) -> int | None:
    """Index of the first lexicon trigger this token matches (composed particle forms first)."""
    lex = load_lexicon(lang)
    low = forms[0]
    composed = forms[2:]
    for cands in (composed, forms[:2]):
        if not cands:
            continue
        for i, t in enumerate(lex.triggers):
            if low in t.exclude:
                continue
            if any(c in t.lemmas for c in cands):
                return i
    parts = (low,) + tuple(low.split("-")[1:]) if "-" in low else (low,)
    for i, (pre, inf) in enumerate(_affix_table(lang)):
        if low in lex.triggers[i].exclude:
            continue
        if pre is not None and any(pre.match(p) for p in parts):
            return i
        if inf is not None and inf.search(low):
            return i
    return None


@lru_cache(maxsize=8)
def _affix_table(lang: str) -> tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None], ...]:
    """Per trigger, its prefixes and infixes as one compiled alternation each (one regex
    call instead of a Python loop over every prefix: _match runs once per distinct word)."""
    out = []
    for t in load_lexicon(lang).triggers:
        pre = re.compile("|".join(re.escape(x) for x in sorted(t.prefixes, key=len, reverse=True))) if t.prefixes else None
        inf = re.compile("|".join(re.escape(x) for x in sorted(t.infixes, key=len, reverse=True))) if t.infixes else None
        out.append((pre, inf))
    return tuple(out)


@lru_cache(maxsize=8)
def _phrase_table(lang: str) -> tuple[tuple[Trigger, re.Pattern[str], _AnchorTest | None], ...]:
    """Every phrase pattern with the literal words one of which must occur for it to match
    (read from the parsed pattern: a fast test before the phrase itself; None when the pattern
    does not start with literals)."""
    rows = [(t, p, _anchors(p.pattern)) for t in load_lexicon(lang).triggers for p in map(_expand, t.phrases)]
    present = _Present(sorted({x for _, _, a in rows if a for group in a for x in group}))
    return tuple((t, p, _AnchorTest(tuple(frozenset(g) for g in a), present) if a else None) for t, p, a in rows)


def _expand(p: re.Pattern[str]) -> re.Pattern[str]:
    """A phrase with the placeholder {systems} takes the weapon systems of data/weapons.yaml
    there ("lieferung ... {systems}"): a system is added to the data file, not to each phrase."""
    return re.compile(p.pattern.replace("{systems}", systems.alternation()), p.flags) if "{systems}" in p.pattern else p


class _Present:
    """The anchors occurring in a sentence, found in one Aho-Corasick pass (Aho & Corasick
    1975, CACM 18(6)) and kept for the last sentence. Speed: one regex alternation searched per
    phrase (~60 per sentence) cost ~7% of extraction; this pass plus a set test per phrase ~2%."""
    __slots__ = ("_ac", "_low", "_got", "vocab")

    def __init__(self, vocab: list[str]) -> None:
        self.vocab = tuple(vocab)
        self._ac = ahocorasick_rs.AhoCorasick(vocab, matchkind=ahocorasick_rs.MatchKind.Standard) if vocab else None
        self._low: str | None = None
        self._got: frozenset[str] = frozenset()

    def __call__(self, low: str) -> frozenset[str]:
        if self._low is not low:
            self._low = low      # (a reference: the string stays alive, so identity means same text)
            self._got = frozenset(self._ac.find_matches_as_strings(low, overlapping=True)) if self._ac else frozenset()
        return self._got


class _AnchorTest:
    """Does one anchor of each of a phrase's anchor groups occur in the sentence (`search(low)`,
    as a regex would)?"""
    __slots__ = ("_groups", "_present")

    def __init__(self, groups: tuple[frozenset[str], ...], present: _Present) -> None:
        self._groups, self._present = groups, present

    def search(self, low: str) -> bool:
        got = self._present(low)
        return all(not got.isdisjoint(g) for g in self._groups)


def _anchors(pattern: str) -> tuple[tuple[str, ...], ...] | None:
    """Groups of literal strings: every match holds one string of each group (the leading
    words, and the longest mandatory literal part)."""
    try:
        parsed = _sre_parse.parse(pattern)
        items = list(parsed)
    except Exception:       # noqa: BLE001 - an unparsable pattern just gets no prefilter
        return None
    lead = _lead(items)
    # speed: a literal part every match must contain besides its leading word
    # ("\\b\\w*(?:hilfe|lieferungen)\\w* ...", "auf ... geschossen"): phrases that ran on every
    # sentence or on every "auf" were ~4% of extraction. Not under IGNORECASE (a literal would
    # match other cases).
    inner = None if parsed.state.flags & re.IGNORECASE else _required(items)
    groups = [tuple(sorted(g)) for g in (lead, inner) if g]
    return tuple(dict.fromkeys(groups)) or None


def _required(items) -> set[str] | None:
    """Literal strings one of which every match of this sequence contains: the most selective
    (longest shortest string) of its mandatory parts - a literal run, an alternation each of
    whose branches has such strings, a group, or a repeat of at least one."""
    best: set[str] | None = None

    def consider(cand: set[str] | None) -> None:
        nonlocal best
        if cand and min(map(len, cand)) >= 3 and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    run = ""
    for op, av in list(items) + [(None, None)]:
        name = str(op)
        if name == "LITERAL":
            run += chr(av)
            continue
        if run:
            consider({run})
            run = ""
        if name == "BRANCH":
            alts = [_required(list(alt)) for alt in av[1]]
            if all(alts):
                consider(set().union(*alts))
        elif name == "SUBPATTERN" and not (av[1] | av[2]):      # (no inline flags inside the group)
            consider(_required(list(av[-1])))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            consider(_required(list(av[-1])))
        elif name == "ATOMIC_GROUP":
            consider(_required(list(av)))
        elif name == "ASSERT":
            # speed (eighth pass): what a positive lookbehind or lookahead asserts stands in the text
            # too ("(?:(?<=raketen )|(?<=drohnen )|...)(?:trafen|traf|...)": the weapon nouns), so it
            # is a literal every match needs; such a phrase had no anchor and was tried, lookbehind
            # by lookbehind at every position, on every sentence (~2% of the instructions per article)
            consider(_required(list(av[1])))
    return best


def _lead(items, min_len: int = 2) -> set[str] | None:
    """Literal strings (>= min_len characters) one of which starts every match of this sequence."""
    lit = ""
    for op, av in items:
        name = str(op)
        if name == "AT" and not lit:
            continue
        if name == "LITERAL":
            lit += chr(av)
            continue
        if name in ("BRANCH", "SUBPATTERN"):
            alts = av[1] if name == "BRANCH" else [av[-1]]
            out: set[str] = set()
            for alt in alts:
                sub = _lead(list(alt), 1)
                if not sub:
                    out = set()
                    break
                out |= {lit + x for x in sub}
            if out and min(len(x) for x in out) >= min_len:
                return out
        break
    return {lit} if len(lit) >= min_len else None

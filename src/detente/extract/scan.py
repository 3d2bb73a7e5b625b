"""Regex scans tried only where a match can start.

Python's regex engine skips ahead quickly only for a pattern that opens with a literal or a
character set; a pattern that opens with a lookbehind (`(?<![\\w])`, as the role phrases, the
title pattern and the coreference words do) or an alternation of case-insensitive words is
tried in full at every character. Here the characters a match can open with are read off the
parsed pattern, and the pattern is tried only at those positions (found by one small regex
the engine scans fast): the same matches, for a fraction of the attempts (Friedl 2006,
"Mastering Regular Expressions", ch. 6: "first-character discrimination"). It pays only where
few word starts qualify (the role phrases: 21 -> 9 us per sentence); where most do (the title
pattern, the coreference words) the Python loop over the candidates was slower than the scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

try:
    from re import _constants as _c, _parser
except ImportError:      # Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT) + ((_c.POSSESSIVE_REPEAT,) if hasattr(_c, "POSSESSIVE_REPEAT") else ())
# the lookbehind "not after a word character", as the patterns write it
_NOT_AFTER_WORD = {str(_parser.parse(p).data[0]) for p in (r"(?<!\w)", r"(?<![\w])")}


def _first(items) -> tuple[set[str] | None, bool]:
    """(characters a match of this sequence can open with, or None when unknown; whether the
    sequence can match the empty string). Zero-width assertions are skipped: that only widens
    the set, so every real match still opens with one of its characters."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            chars.add(chr(av))
            return chars, False
        if op is _c.IN:
            for o, a in av:
                if o is _c.LITERAL:
                    chars.add(chr(a))
                elif o is _c.RANGE and a[1] - a[0] < 256:
                    chars.update(chr(x) for x in range(a[0], a[1] + 1))
                else:
                    return None, False
            return chars, False
        if op is _c.BRANCH or op is _c.SUBPATTERN or op in _REPEATS:
            if op is _c.SUBPATTERN and (av[1] or av[2]):
                return None, False          # inline flags inside the group: not read here
            alts = av[1] if op is _c.BRANCH else [av[-1]]
            nullable = op in _REPEATS and av[0] == 0
            for alt in alts:
                got, empty = _first(list(alt))
                if got is None:
                    return None, False
                chars |= got
                nullable = nullable or empty
            if not nullable:
                return chars, False
            continue
        return None, False
    return chars, True


_STARTS: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def starts(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching one character at every position where `pattern` can match (with
    "not after a word character" where the alternatives open with that lookbehind), or None
    when that cannot be read off the pattern (then scan as usual). Kept per pattern object
    (by identity: hashing a compiled pattern hashes its whole code, ~5 us for the roles)."""
    got = _STARTS.get(id(pattern))
    if got is None or got[0] is not pattern:
        got = _STARTS[id(pattern)] = (pattern, _starts(pattern))
    return got[1]


def _starts(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:       # noqa: BLE001 - an unusual construct: no prefilter
        return None
    items = list(parsed)
    alts = [list(a) for a in items[0][1][1]] if len(items) == 1 and items[0][0] is _c.BRANCH else [items]
    by_lead: dict[str, set[str]] = {}
    for alt in alts:
        while len(alt) == 1 and alt[0][0] is _c.SUBPATTERN and not (alt[0][1][1] or alt[0][1][2]):
            alt = list(alt[0][1][-1])      # a named group around the whole alternative
        chars, empty = _first(alt)
        if chars is None or empty:
            return None
        by_lead.setdefault(r"(?<!\w)" if alt and str(alt[0]) in _NOT_AFTER_WORD else "", set()).update(chars)
    # (speed, eighth pass: written to open with the character class and test "not after a word
    # character" behind it - `[ab](?<!\w[\s\S])`, the same positions as `(?<!\w)[ab]` - so the
    # engine skips ahead to the class's characters instead of trying the lookbehind everywhere)
    free, after = by_lead.get("", set()), by_lead.get(r"(?<!\w)", set())

    def cls(chars: set[str]) -> str:
        return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"
    if not after:
        src = cls(free)
    elif not free:
        src = cls(after) + r"(?<!\w[\s\S])"
    else:
        src = cls(free | after) + "(?:(?<=" + cls(free) + r")|(?<!\w[\s\S]))"
    return re.compile(src, pattern.flags & re.IGNORECASE)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, tried only where a match can start. (A match found this way
    is never empty, since it opens with a character, so finditer's rule for empty matches
    does not arise.)"""
    cand = starts(pattern)
    if cand is None:
        yield from pattern.finditer(text)
        return
    yield from finditer_at(pattern, cand, text)


def finditer_at(pattern: re.Pattern[str], cand: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` when every match starts where `cand` matches (the caller's
    guarantee): `pattern` tried only at those positions."""
    last = 0
    for c in cand.finditer(text):
        p = c.start()
        if p >= last:
            m = pattern.match(text, p)
            if m:
                yield m
                last = m.end()



def trie(words) -> str:
    """An alternation matching exactly `words`, written as a prefix tree ("s(?:eine?|ie)" for
    sie|sein|seine). The engine tries an alternation's branches one by one, and under
    IGNORECASE without a quick first-character skip: a tree tries ~20 first letters where a
    flat list tried every word (the coreference words' test, 11 -> 5 us per sentence)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}       # a word ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        one = len(alts) == 1 and ("" not in node or len(alts[0]) == 1)     # no group needed: "ab", "e?"
        return (alts[0] if one else "(?:" + "|".join(alts) + ")") + ("?" if "" in node else "")
    return emit(tree)


def _top_alternatives(source: str) -> list[str] | None:
    """The top-level alternatives of a pattern's source ("a|(b|c)|[|]" -> a, (b|c), [|]), or None
    when it has none. (A small scan of the source: the parsed pattern keeps no source text.)"""
    parts, depth, start, i, n = [], 0, 0, 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 1
            if i < n and source[i] == "^":
                i += 1
            if i < n and source[i] == "]":
                i += 1          # a "]" first in a class is a literal
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts if len(parts) > 1 else None


_BY_FIRST: dict[int, tuple[re.Pattern[str], dict[str, re.Pattern[str]] | None]] = {}


def by_first(pattern: re.Pattern[str]) -> dict[str, re.Pattern[str]] | None:
    """For a pattern that is one alternation (the gazetteer's role phrases, one named group each),
    per character a match can open with: the pattern of only the alternatives that can open with
    it, in their order (None when that cannot be read off the pattern). At a position holding
    that character the other alternatives fail at once, so the first alternative that matches,
    its span and its group name are the same; the engine just does not try the ~30 others."""
    got = _BY_FIRST.get(id(pattern))
    if got is None or got[0] is not pattern:
        got = _BY_FIRST[id(pattern)] = (pattern, _by_first(pattern))
    return got[1]


def _by_first(pattern: re.Pattern[str]) -> dict[str, re.Pattern[str]] | None:
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None      # (a character would stand for its other case too; comments may hold "|")
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:       # noqa: BLE001 - an unusual construct: no table
        return None
    sources = _top_alternatives(pattern.pattern)
    if len(items) != 1 or items[0][0] is not _c.BRANCH or sources is None or len(sources) != len(items[0][1][1]):
        return None
    firsts = []
    for alt in items[0][1][1]:
        chars, empty = _first(list(alt))
        if chars is None or empty:
            return None
        firsts.append(chars)
    return {ch: re.compile("|".join(src for src, chars in zip(sources, firsts) if ch in chars), pattern.flags)
            for ch in set().union(*firsts)}


def finditer_by_first(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`finditer(pattern, text)`, each position tried with only the alternatives that can open
    with its character (`by_first`; speed, eighth pass: the role phrases, 32 alternatives tried
    in turn at ~4 word starts per sentence, -1.5% of the instructions per article)."""
    table = by_first(pattern)
    cand = starts(pattern)
    if table is None or cand is None:
        yield from finditer(pattern, text)
        return
    last = 0
    for c in cand.finditer(text):
        p = c.start()
        if p >= last:
            m = table[text[p]].match(text, p)
            if m:
                yield m
                last = m.end()


_LEADS: dict[int, tuple[re.Pattern[str], tuple[str, ...] | None]] = {}


def leads(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literal strings one of which opens every match of `pattern` (read off the parsed pattern
    by `triggers._lead`, which passes over a leading `\\b`), or None (unknown, or the pattern
    compares without case). Kept per pattern object."""
    got = _LEADS.get(id(pattern))
    if got is None or got[0] is not pattern:
        got = _LEADS[id(pattern)] = (pattern, _leads(pattern))
    return got[1]


def _leads(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or "(?" in pattern.pattern.replace("(?:", ""):
        return None     # (inline flags, lookarounds, named groups: not read here)
    from detente.extract.triggers import _lead     # (here: triggers imports systems -> actors -> this module)
    try:
        got = _lead(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:       # noqa: BLE001 - an unusual construct: no leads
        return None
    # (a word that another one begins is left out: its positions are among the other's)
    return tuple(sorted(w for w in got if not any(o != w and w.startswith(o) for o in got))) if got else None


def finder(pattern: re.Pattern[str]):
    """`pattern.finditer`, or for a pattern that opens with `\\b` and literal words the same
    matches tried only where one of the words occurs (`finditer_leads`). Speed (eighth pass):
    the regex engine skips ahead quickly only to a pattern's literal first characters; a leading
    `\\b` hides them, so such a phrase was tried at every position of the sentence."""
    lits = leads(pattern) if pattern.pattern.startswith(("\\b", "(?:\\b")) else None
    if lits is None:
        return pattern.finditer
    return lambda text: finditer_leads(pattern, lits, text)


def finditer_leads(pattern: re.Pattern[str], lits: tuple[str, ...], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` when every match opens with one of `lits` (`leads`): tried only
    where one occurs (found by `str.find`, which skips ahead in C)."""
    at: list[int] = []
    for lit in lits:
        i = text.find(lit)
        while i >= 0:
            at.append(i)
            i = text.find(lit, i + 1)
    if len(lits) > 1:
        at = sorted(set(at))
    last = 0
    for p in at:
        if p >= last:
            m = pattern.match(text, p)
            if m:
                yield m
                last = m.end()

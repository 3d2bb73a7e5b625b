"""Temporal expressions in a sentence, resolved against the article date.

Own small grammar instead of dateparser.search_dates, which reads German "mit" as Mittwoch
and "Die" as Dienstag (NLP_NOTES §3.3). Covers weekdays ("am Donnerstag", "Donnerstagabend"),
relative words ("gestern", "heute", "yesterday"), day-month ("am 23. Oktober", "October 23"),
numeric dates ("23.10.2025", "2025-10-23") and periods ("Anfang Mai", month precision).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import ahocorasick_rs

from detente.extract import scan
from detente.extract.lexicon import Lexicon
from detente.extract.lowered import lower

_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# (speed, eighth pass: written to open with one digit class, which the regex engine skips ahead to;
# the same matches as \d{4}, which it tried at every position: 2.0 -> 1.2 us per sentence)
_FOUR_DIGITS = re.compile(r"\d\d{3}")
_WORD = re.compile(r"[^\W\d_]+|\d{1,4}\.?")


@dataclass(frozen=True, slots=True)
class When:
    date: dt.date
    precision: str      # day, month
    text: str
    weekday: bool = False


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find(sentence: str, lex: Lexicon, base: dt.date | None) -> list[When]:
    """Temporal expressions in the sentence; weekday dates are resolved towards the past
    (callers flip them forward for planned events with `forward`)."""
    out: list[When] = []
    # speed: both numeric forms hold four digits in a row; testing that first (a scan the regex
    # engine does fast) skips the full pattern, which tries both branches at every character
    # (9 us of a 24 us call on a typical sentence)
    for m in _NUMERIC.finditer(sentence) if _FOUR_DIGITS.search(sentence) else ():
        if m.group(1):
            d = _safe(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        else:
            d = _safe(int(m.group(4)), int(m.group(5)), int(m.group(6)))
        if d:
            out.append(When(d, "day", m.group()))
    if base is None:
        return out                 # relative phrases and words need the article date
    tables = _tables(lex)
    low_s = lower(sentence)      # (speed, eighth pass: computed once per sentence, `lowered`)
    if tables.any_phrase is not None and next(tables.any_phrase(low_s), None):
        # speed: the phrases joined as one alternation rule out most sentences in one search
        # (one search per phrase was ~3% of extraction)
        for pat, days in lex.relative_phrases:       # "an diesem Morgen", "this morning", "earlier today"
            m = pat.search(low_s)
            if m:
                out.append(When(base + dt.timedelta(days=days), "day", sentence[m.start():m.end()]))
    if tables.finder is not None and not tables.finder.find_matches_as_indexes(low_s):
        # speed: a word acted on below is, lower-cased, a substring of the lower-cased sentence
        # (str.lower maps character by character; no date word holds a sigma, the one letter
        # whose lower case depends on its neighbours), so when one Aho-Corasick pass finds none
        # of them the word split below finds nothing: 3% of the calls have one (seed); this
        # function was 63 M of the 1,428 M instructions of a seed pass, mostly the split and its
        # loop (callgrind; with the coreference step of the same commit -2.4% in all)
        return out
    words = _WORD.findall(sentence)
    low = [w.lower().rstrip(".") for w in words]
    # speed: the date words of the lexicon as one dict and set, probed once per word (a
    # weekday test and three dict probes per word were ~40% of this function's CPU time)
    weekdays, keys = tables.weekdays, tables.words
    for i in [i for i, w in enumerate(low) if w in keys]:      # (speed: the date words only, one comprehension)
        w = low[i]
        prev = low[i - 1] if i else ""
        if w in lex.relative and prev not in lex.not_relative_after:
            out.append(When(base + dt.timedelta(days=lex.relative[w]), "day", words[i]))
            continue
        wd = weekdays.get(w)
        if wd is not None:
            back = (base.weekday() - wd) % 7
            out.append(When(base - dt.timedelta(days=back), "day", words[i], weekday=True))
            continue
        if w in lex.months:
            month = lex.months[w]
            year = base.year
            nxt = low[i + 1] if i + 1 < len(low) else ""
            if nxt.isdigit() and len(nxt) == 4:
                year = int(nxt)
            day = None
            if prev.isdigit() and len(prev) <= 2 and words[i - 1].endswith("."):
                day = int(prev)                           # 23. Oktober
            elif nxt.isdigit() and len(nxt) <= 2:
                day = int(nxt)                            # October 23
            if day:
                d = _safe(year, month, day)
                if d:
                    out.append(When(d, "day", words[i]))
            elif prev in lex.periods or w not in ("mai", "may") or nxt.isdigit():
                d = _safe(year, month, 1)
                if d:
                    out.append(When(d, "month", words[i]))
    return out


_DAY_PARTS = ("abend", "morgen", "nachmittag", "mittag", "nacht", "vormittag", "s", "night", "morning", "evening")


@dataclass(frozen=True)
class _Tables:
    """A lexicon's date words spelled out once, so `find` costs a dict probe per word."""
    weekdays: dict[str, int]               # Donnerstag, Donnerstagabend, Montagnachmittag, Monday night ...
    words: frozenset[str]                  # every word `find` acts on (relative words, weekdays, months)
    # finds where some relative phrase matches; None: no phrases (speed, eighth pass: the alternation's
    # words open with "\\b", which hides them from the regex engine's skip-ahead; `scan.finder` tries
    # it only where one occurs - built here once, not per sentence)
    any_phrase: Callable[[str], Iterator[re.Match[str]]] | None
    finder: ahocorasick_rs.AhoCorasick | None   # finds any of `words` as a substring; None: no prefilter


_TABLES: dict[int, tuple[Lexicon, _Tables]] = {}


def _tables(lex: Lexicon) -> _Tables:
    """The tables of a lexicon, built on first use (Lexicon holds dicts, so it is not hashable:
    keyed by identity, with the lexicon kept so its id cannot be reused)."""
    got = _TABLES.get(id(lex))
    if got is None or got[0] is not lex:
        weekdays = {name + part: n for name, n in lex.weekdays.items() for part in _DAY_PARTS}
        weekdays.update(lex.weekdays)
        pats = [p for p, _ in lex.relative_phrases]
        if not pats:
            any_phrase = None
        elif all(p.groups == 0 and p.flags == re.UNICODE for p in pats):
            # their alternation (no groups or flags that joining would renumber or change)
            any_phrase = re.compile("|".join(f"(?:{p.pattern})" for p in pats))
        else:
            any_phrase = re.compile("")       # always matches: no prefilter
        words = frozenset(lex.relative) | frozenset(weekdays) | frozenset(lex.months)
        # (no prefilter for an empty word or one holding a sigma: see `find`)
        finder = None if any(not w or "σ" in w or "ς" in w for w in words) or not words else \
            ahocorasick_rs.AhoCorasick(sorted(words))
        got = _TABLES[id(lex)] = (lex, _Tables(weekdays, words, any_phrase if any_phrase is None else scan.finder(any_phrase), finder))
    return got[1]


def event_date(whens: list[When], forward: bool, base: dt.date | None) -> dt.date | None:
    """The day an event in this sentence is dated, if exactly one day is named."""
    days = {(w.date, w.weekday) for w in whens if w.precision == "day"}
    if len(days) != 1:
        return None
    d, is_weekday = next(iter(days))
    if forward and is_weekday and base is not None and d < base:
        d += dt.timedelta(days=7)     # "am Donnerstag" for a planned event: the coming one
    return d

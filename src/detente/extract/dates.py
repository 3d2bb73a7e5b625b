"""Temporal expressions in a sentence, resolved against the article date.

Own small grammar instead of dateparser.search_dates, which reads German "mit" as Mittwoch
and "Die" as Dienstag (NLP_NOTES §3.3). Covers weekdays ("am Donnerstag", "Donnerstagabend"),
relative words ("gestern", "heute", "yesterday"), day-month ("am 23. Oktober", "October 23"),
numeric dates ("23.10.2025", "2025-10-23") and periods ("Anfang Mai", month precision).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from detente.extract.lexicon import Lexicon

_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_FOUR_DIGITS = re.compile(r"\d{4}")
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
    if base is None and not out:
        return out
    if base is not None:
        low_s = sentence.lower()
        any_phrase = _any_relative_phrase(lex)
        if any_phrase is not None and any_phrase.search(low_s):
            # speed: the phrases joined as one alternation rule out most sentences in one search
            # (one search per phrase was ~3% of extraction)
            for pat, days in lex.relative_phrases:       # "an diesem Morgen", "this morning", "earlier today"
                m = pat.search(low_s)
                if m:
                    out.append(When(base + dt.timedelta(days=days), "day", sentence[m.start():m.end()]))
    if base is None:
        return out
    words = _WORD.findall(sentence)
    low = [w.lower().rstrip(".") for w in words]
    # speed: the date words of the lexicon as one dict and set, probed once per word (a
    # `_weekday` call and three dict probes per word were ~40% of this function's CPU time)
    weekdays = _weekday_forms(lex)
    keys = _date_words(lex, weekdays)
    for i, w in enumerate(low):
        if w not in keys:
            continue
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


_ANY_PHRASE: dict[int, tuple[tuple, re.Pattern[str] | None]] = {}


def _any_relative_phrase(lex: Lexicon) -> re.Pattern[str] | None:
    """One pattern matching where any of the lexicon's relative phrases matches (their
    alternation; the phrases use no backreferences or group names, which this would renumber)."""
    got = _ANY_PHRASE.get(id(lex))
    if got is None or got[0] is not lex.relative_phrases:
        pats = [p for p, _ in lex.relative_phrases]
        joined = re.compile("|".join(f"(?:{p.pattern})" for p in pats)) \
            if pats and all(p.groups == 0 and p.flags == re.UNICODE for p in pats) else None
        got = _ANY_PHRASE[id(lex)] = (lex.relative_phrases, joined)
    return got[1] if got[1] is not None or not lex.relative_phrases else _ALWAYS


_ALWAYS = re.compile("")       # a pattern that always matches: no prefilter


_DAY_PARTS = ("abend", "morgen", "nachmittag", "mittag", "nacht", "vormittag", "s", "night", "morning", "evening")
_WEEKDAY_FORMS: dict[int, tuple[dict[str, int], dict[str, int]]] = {}


def _weekday(w: str, lex: Lexicon) -> int | None:
    """Weekday of a word, also of compounds with a part of the day (Donnerstagabend,
    Montagnachmittag, Donnerstags, Monday night)."""
    return _weekday_forms(lex).get(w)


def _weekday_forms(lex: Lexicon) -> dict[str, int]:
    """All weekday forms of a lexicon, spelled out once, so a word costs one dict lookup."""
    got = _WEEKDAY_FORMS.get(id(lex))
    if got is None or got[0] is not lex.weekdays:
        forms = {name + part: n for name, n in lex.weekdays.items() for part in _DAY_PARTS}
        forms.update(lex.weekdays)
        got = _WEEKDAY_FORMS[id(lex)] = (lex.weekdays, forms)
    return got[1]


_DATE_WORDS: dict[int, tuple[dict[str, int], frozenset[str]]] = {}


def _date_words(lex: Lexicon, weekdays: dict[str, int]) -> frozenset[str]:
    """Every word `find` acts on (relative words, weekday forms, months): the others are skipped."""
    got = _DATE_WORDS.get(id(lex))
    if got is None or got[0] is not weekdays:
        got = _DATE_WORDS[id(lex)] = (weekdays, frozenset(lex.relative) | frozenset(weekdays) | frozenset(lex.months))
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

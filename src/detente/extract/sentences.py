"""German-aware sentence splitting with exact character offsets.

Own splitter rather than spaCy's sentencizer: it has to follow the gold convention
(GUIDELINES / gold README "Sentences": split at ./!/? followed by a capital, never after a
digit as in "10. Mai" or "23.10.2025", never after an abbreviation, and at line breaks; bullet
markers left out) and it is a single regular-expression pass, which keeps extraction far
above 2,000 sentences/s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from detente.extract.lexicon import load_lexicon

# Abbreviations after which a period does not end a sentence (DE + EN), lower case.
ABBREVIATIONS = frozenset("""
dr prof ca bzw vgl usw etc nr st str mio mrd jh jhd abs art bspw ggf inkl evtl sog zb z.b u.a
d.h u.ä o.ä v.a s.o s.u mr mrs ms jr sr gen sen rep gov u.s u.k st no vs approx dept corp inc ltd co
ex bzgl hl min max tel gegr geb verh ehem jan feb mär apr jun jul aug sep sept okt nov dez
""".split())

_END = re.compile(r"[.!?…]+[\"'”“»«’)\]]*(?=\s+[\"'„“«»(\[]?[A-ZÄÖÜ])")
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►◦]|\d{1,2}\))\s+")
_META = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")    # collector's "date YYYY-MM-DD" line prefix
_HTML = re.compile(r"<[^<>\n]{0,300}>|&(?:nbsp|amp|quot|lt|gt|#\d{1,5});")
MAX_SENTENCE = 3000   # longer runs without punctuation are cut at whitespace (bad input, e.g. a 1 MB line)


def mask_html(text: str) -> str:
    """Blank out HTML tags and entities with spaces of the same length (offsets stay exact)."""
    return _HTML.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=1)
def _months_en() -> frozenset[str]:
    """The English month names (data/lang/en.yaml `dates: months`; read when first asked)."""
    return frozenset(load_lexicon("en").months)


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def _number_ends(line: str, j: int) -> bool:
    """Does a period after the number ending at j end the sentence? Not a German ordinal ("am 10.
    Mai", "zum 2. Mal") nor a date "23.10.2025"; but an English date ("... from November 1. China
    said ...", the day after its month) or a year ("im Oktober 2025. Dann ...") does: neither is an
    ordinal before a noun. (The caller has checked that a capital follows.)"""
    k = j
    while k >= 0 and line[k].isdigit():
        k -= 1
    if k >= 0 and not line[k].isspace():
        return False            # "23.10.2025.", "3.5." - parts of a date or a number
    digits = j - k
    if digits == 4:
        return True             # a year
    before = _WORD_BEFORE.search(line, 0, k + 1) if digits <= 2 and k >= 0 else None
    return before is not None and before.group(1).lower() in _months_en()


def _ends_sentence(line: str, i: int) -> bool:
    """Is the period run starting at i a sentence end? Not after a digit or an abbreviation."""
    if line[i] != ".":
        return True
    j = i - 1
    if j < 0:
        return False
    if line[j].isdigit():
        return _number_ends(line, j)
    k = j
    while k >= 0 and (line[k].isalpha() or line[k] == "."):
        k -= 1
    word = line[k + 1:i].lower()
    if not word:
        return True
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    return True


def _cut_long(start: int, end: int, text: str) -> list[tuple[int, int]]:
    spans = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        spans.append((start, end))
    return spans


def split(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in `text` from offset `start`, trimmed of whitespace."""
    work = mask_html(text)
    spans: list[tuple[int, int]] = []
    pos = start
    n = len(work)
    while pos < n:
        nl = work.find("\n", pos)
        line_end = n if nl < 0 else nl
        line = work[pos:line_end]
        off = pos
        m = _META.match(line) or _BULLET.match(line)
        if m:
            off += m.end()
            line = line[m.end():]
        cur = 0
        for e in _END.finditer(line):
            if not _ends_sentence(line, e.start()):
                continue
            spans.extend(_trim(work, off + cur, off + e.end()))
            cur = e.end()
        spans.extend(_trim(work, off + cur, off + len(line)))
        pos = line_end + 1
    return spans


def _trim(text: str, s: int, e: int) -> list[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s or not any(c.isalnum() for c in text[s:e]):
        return []
    return _cut_long(s, e, text)

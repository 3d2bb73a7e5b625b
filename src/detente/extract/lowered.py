"""The lower case of the sentence being extracted, computed once.

Speed (eighth pass): the language guess, the gazetteer, the dates, the coreference update and
the event and claim rules each lowered the same sentence (six `str.lower` calls per sentence,
~1.5% of the instructions per article, callgrind). The result is kept for the last string
asked about, held by reference, so identity means the same text (no cache across sentences).
"""

from __future__ import annotations

_LAST: list = [None, None]


def lower(text: str) -> str:
    """`text.lower()` (the same string object while `text` is the last one asked about)."""
    last = _LAST
    if last[0] is not text:
        last[:] = [text, text.lower()]
    return last[1]

"""Actor mentions: gazetteer names, role phrases resolved by date, places, unknown persons."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from detente.extract.lexicon import Actor, Gazetteer, load_gazetteer

# A title word followed by one to three capitalised words that the gazetteer does not know:
# kept as an unlinked person mention (issue: "unknown persons are kept, not dropped").
_TITLE = re.compile(
    r"(?<![\w])(?:Präsident(?:in|en)?|Minister(?:in)?|Außenminister(?:in)?|Kanzler(?:in)?|Sprecher(?:in)?|Senator(?:in)?|"
    r"Botschafter(?:in)?|Gesandte[nr]?|Berater(?:in)?|Generalsekretär(?:in)?|Premier(?:minister)?(?:in)?|Abgeordnete[nr]?|"
    r"General|President|Minister|Senator|Ambassador|spokes(?:man|woman|person)|envoy|adviser|advisor|Chancellor|"
    r"Secretary|Prime Minister|Governor|Mayor)\s+((?:[A-ZÄÖÜ][\w'’-]+\s?){1,3})")


@dataclass(frozen=True, slots=True)
class Hit:
    """One mention inside a sentence (offsets relative to the sentence)."""
    start: int
    end: int
    text: str
    actor: Actor | None
    kind: str          # person, country, organisation, government, adjective, place, unknown
    place: str | None = None


def find(sentence: str, on: dt.date | None, location_preps: frozenset[str],
         gaz: Gazetteer | None = None) -> list[Hit]:
    """All mentions in one sentence, left to right, non-overlapping."""
    gaz = gaz or load_gazetteer()
    hits: list[Hit] = []
    for m in gaz.pattern.finditer(sentence):
        g = m.lastgroup
        if g is None:
            continue
        what, payload = gaz.groups[g]
        text = m.group()
        if what == "place":
            hits.append(Hit(m.start(), m.end(), text, None, "place", payload))
            continue
        if what == "role":
            actor = gaz.resolve_role(payload, on)
            hits.append(Hit(m.start(), m.end(), text, actor, actor.kind))
            continue
        actor = payload
        if text in gaz.place_names and _prev_word(sentence, m.start()) in location_preps:
            # "in Kiew", "nach Washington": a place, not the government
            hits.append(Hit(m.start(), m.end(), text, None, "place", gaz.place_names[text]))
            continue
        hits.append(Hit(m.start(), m.end(), text, actor, "adjective" if what == "adj" else actor.kind))
    taken = [(h.start, h.end) for h in hits]
    for m in _TITLE.finditer(sentence):
        s, e = m.start(1), m.end(1)
        name = m.group(1).rstrip()
        e = s + len(name)
        if any(a < e and s < b for a, b in taken) or len(name.split()) < 2:
            continue
        hits.append(Hit(s, e, name, None, "unknown"))
    hits.sort(key=lambda h: h.start)
    return hits


def _prev_word(s: str, i: int) -> str:
    j = i - 1
    while j >= 0 and s[j] == " ":
        j -= 1
    k = j
    while k >= 0 and s[k].isalpha():
        k -= 1
    return s[k + 1:j + 1].lower()

"""Actor mentions: gazetteer names, role phrases resolved by date, places, unknown persons."""

from __future__ import annotations

import datetime as dt
import operator
import re
from functools import lru_cache

import ahocorasick_rs
from dataclasses import dataclass

from detente.extract import scan
from detente.extract.lexicon import Actor, Gazetteer, load_gazetteer

# A title word followed by one to three capitalised words that the gazetteer does not know:
# kept as an unlinked person mention (issue: "unknown persons are kept, not dropped").
_TITLE = re.compile(
    r"(?<![\w])(?:Präsident(?:in|en)?|Minister(?:in)?|Außenminister(?:in)?|Kanzler(?:in)?|Sprecher(?:in)?|Senator(?:in)?|"
    r"Botschafter(?:in)?|Gesandte[nr]?|Berater(?:in)?|Generalsekretär(?:in)?|Premier(?:minister)?(?:in)?|Abgeordnete[nr]?|"
    r"General|President|Minister|Senator|Ambassador|spokes(?:man|woman|person)|envoy|adviser|advisor|Chancellor|"
    r"Secretary|Prime Minister|Governor|Mayor)\s+((?:[A-ZÄÖÜ][\w'’-]+\s?){1,3})")


# (speed, seventh pass: not frozen=True - a frozen dataclass's __init__ sets each of the nine
# fields through object.__setattr__, ~5x the time of plain slot stores, and a sentence makes
# several Hits (actors.find, coreference, dataclasses.replace); -1.3% of the instructions per
# article. A Hit is still never changed once made: a changed mention is a new one made with
# `dataclasses.replace`. unsafe_hash keeps it hashable on its fields, as frozen did.)
@dataclass(slots=True, unsafe_hash=True)
class Hit:
    """One mention inside a sentence (offsets relative to the sentence). Treat as immutable."""
    start: int
    end: int
    text: str
    actor: Actor | None
    kind: str          # person, country, organisation, government, adjective, place, unknown
    place: str | None = None
    host: Actor | None = None   # for a capital used as a place: its country ("in Kiew" -> Ukraine)
    ref: str | None = None      # set by coreference: subject, object, possessive, relative, role, quote
    capital: bool = False       # a place that is also the name of its government ("in Kiew")


def find(sentence: str, on: dt.date | None, location_preps: frozenset[str],
         gaz: Gazetteer | None = None, actor_nouns: tuple[str, ...] = (), group_nouns: tuple[str, ...] = ()) -> list[Hit]:
    """All mentions in one sentence, left to right, non-overlapping (roles, then the longest alias).
    `group_nouns` ("officials", "Beamte"): before "in" + a capital they make it the state ("officials
    in Kyiv and Moscow"), not a place."""
    gaz = gaz or load_gazetteer()
    hits: list[Hit] = []
    covered: list[tuple[int, int]] = []
    low = sentence.lower()
    # (speed: the substring tests mapped in C, not a generator step per key)
    if gaz.roles is not None and any(map(low.__contains__, gaz.role_keys)):
        for m in _role_matches(gaz, sentence):
            actor = gaz.resolve_role(gaz.role_groups[m.lastgroup], on)
            hits.append(Hit(m.start(), m.end(), m.group(), actor, actor.kind))
            covered.append((m.start(), m.end()))
    n = len(sentence)
    next_free = 0
    for s, w_end, word in _candidate_words(gaz, sentence, low):
        if s < next_free or (covered and any(a <= s < b for a, b in covered)):
            continue
        done = False
        for alias, what, payload in gaz.by_first.get(word, ()):
            e = s + len(alias)
            if not sentence.startswith(alias, s) or (e < n and (sentence[e].isalnum() or sentence[e] == "_")):
                continue
            if what == "place":
                hits.append(Hit(s, e, alias, None, "place", payload, gaz.place_hosts.get(payload)))
            elif alias in gaz.place_names and _prev_word(sentence, s) in location_preps \
                    and not (group_nouns and _people_in(sentence, s, group_nouns)):
                # "in Kiew", "nach Washington": a place, not the government
                hits.append(Hit(s, e, alias, None, "place", gaz.place_names[alias], payload, capital=True))
            else:
                hits.append(Hit(s, e, alias, payload, payload.kind))
            next_free = e
            done = True
            break
        if done:
            continue
        actor = gaz.adj_forms.get(word.lower())
        if actor is not None:
            # "russische Armee", "amerikanische Beamte", "seinem amerikanischen Kollegen": a
            # demonym before a noun for people or institutions names a collective actor
            nxt = _WORD.match(sentence, w_end + 1) if w_end < n and sentence[w_end] == " " else None
            head = nxt.group().lower() if nxt else ""
            if head and head.startswith(actor_nouns):      # (speed: str.startswith takes the tuple, no generator)
                # "russische und amerikanische Beamte", "French, German and British leaders": the
                # demonyms coordinated before this one share its noun, so each names a group
                k = len(hits)
                while k and hits[k - 1].kind == "adjective" and _ADJ_COORD.fullmatch(
                        sentence, hits[k - 1].end, hits[k].start if k < len(hits) else s):
                    k -= 1
                    hits[k] = Hit(hits[k].start, hits[k].end, hits[k].text, hits[k].actor, "collective")
                hits.append(Hit(s, nxt.end(), sentence[s:nxt.end()], actor, "collective"))
                next_free = nxt.end()
            else:
                hits.append(Hit(s, w_end, word, actor, "adjective"))
    taken = [(h.start, h.end) for h in hits]
    # (speed: the character test mapped in C, not a generator over every character: -0.5% CPU)
    # (speed, seventh pass: the title pattern opens with a lookbehind, so the regex engine tries
    # all ~30 titles at every position; it runs only where one of their literal words occurs, one
    # C substring test each: -0.5% of the instructions per article)
    if any(map(str.isupper, sentence[1:])) and any(map(sentence.__contains__, _title_words())):
        for m in _TITLE.finditer(sentence):
            s, name = m.start(1), m.group(1).rstrip()
            e = s + len(name)
            if any(a < e and s < b for a, b in taken) or len(name.split()) < 2:
                continue
            hits.append(Hit(s, e, name, None, "unknown"))
    hits.sort(key=_START)     # (attrgetter: no Python call per item, unlike a lambda)
    # "die italienische Ministerpräsidentin Giorgia Meloni": the name is the mention, the
    # demonym + office noun before it only its apposition
    if any(h.kind == "collective" for h in hits):
        hits = [h for i, h in enumerate(hits) if not (
            h.kind == "collective" and i + 1 < len(hits) and hits[i + 1].kind == "person"
            and not sentence[h.end:hits[i + 1].start].strip())]
    return hits


@lru_cache(maxsize=1)
def _title_words() -> tuple[str, ...]:
    """The literal words one of which opens every match of `_TITLE` (read from the parsed pattern
    after its lookbehind, `triggers._lead`), so that the list cannot drift from the pattern."""
    from detente.extract.triggers import _lead, _sre_parse     # (here: triggers imports systems, which imports this module)
    items = list(_sre_parse.parse(_TITLE.pattern))
    words = _lead(items[1:]) if items and str(items[0][0]) == "ASSERT_NOT" else None
    if not words:
        raise ValueError("actors._TITLE must open with a lookbehind and then literal title words")
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))   # (one of "General"/"Generalsekretär")


_WORD = re.compile(r"\w+")
_START = operator.attrgetter("start")


def _role_matches(gaz: Gazetteer, sentence: str):
    """`gaz.roles.finditer(sentence)`, tried only where a match can start (scan.finditer: a word
    start whose first character opens some role phrase). Speed: trying every position once took
    a role scan 48 us, every word start 31 us; these positions only, 21 -> 9 us per seed sentence
    (-2.1% of the instructions per article). (For the title pattern and the coreference words such
    positions are most word starts: scan.finditer measured slower there, so they scan as usual.)"""
    return scan.finditer(gaz.roles, sentence)


_STARTS: dict[int, tuple[dict, frozenset[str]]] = {}


def _candidate_words(gaz: Gazetteer, sentence: str, low: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the words (`\\w+` runs) that start an alias (`_first_words`) or are a
    demonym (their lower case in `adj_forms`), left to right: the only words `find` acts on.

    Speed: two Aho-Corasick passes (Aho & Corasick 1975, CACM 18(6)) - the alias first words
    over the sentence, the demonyms over its lower case - keep the matches that are whole words,
    instead of a set probe and a lower() per word (11 -> 9 us per seed sentence, -0.6% of the
    instructions per article). The lower case lines up with the sentence character for character, and
    lowers each word as the word's own lower() would, unless it holds "İ" (lowered to two
    characters) or "Σ" (lowered by context): then the plain loop."""
    auto = _automata(gaz)
    if len(low) != len(sentence) or "Σ" in sentence:
        starts = _first_words(gaz)
        return [(w.start(), w.end(), w.group()) for w in _WORD.finditer(sentence)
                if w.group() in starts or w.group().lower() in gaz.adj_forms]
    n = len(sentence)
    found: dict[int, int] = {}
    for ac, text in zip(auto, (sentence, low)):
        for _, s, e in ac.find_matches_as_indexes(text) if ac is not None else ():
            # a whole word: no word character right before or after it (the patterns are all
            # word characters, so the match is then exactly one `\w+` run)
            # (a word character is `\w` of Python's re for str patterns: alphanumeric or "_"; speed,
            # seventh pass: tested inline, no Python call per match)
            if (s == 0 or not ((c := sentence[s - 1]).isalnum() or c == "_")) \
                    and (e == n or not ((c := sentence[e]).isalnum() or c == "_")):
                found[s] = e
    return [(s, found[s], sentence[s:found[s]]) for s in sorted(found)]


_AUTOMATA: dict[int, tuple[dict, tuple]] = {}


def _automata(gaz: Gazetteer) -> tuple:
    """(automaton of the alias first words, automaton of the demonyms that are one word; None
    for an empty list), kept per gazetteer object."""
    got = _AUTOMATA.get(id(gaz))
    if got is None or got[0] is not gaz.by_first:
        def build(words):
            words = sorted(w for w in words if _WORD.fullmatch(w))
            # (leftmost-longest, not overlapping, seventh pass: every match lies inside one word, so the
            # longest match at a word start is the whole word when it is listed, and the scan skips
            # the pieces inside it; half the matches to test, -0.3% of the instructions per article;
            # same words as the overlapping scan on 25,703 texts: the seed, the test files, random alias strings)
            return ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) if words else None
        got = _AUTOMATA[id(gaz)] = (gaz.by_first, (build(_first_words(gaz)), build(gaz.adj_forms)))
    return got[1]


def _first_words(gaz: Gazetteer) -> frozenset[str]:
    """The first words of all aliases (kept per gazetteer object)."""
    got = _STARTS.get(id(gaz))
    if got is None or got[0] is not gaz.by_first:
        got = _STARTS[id(gaz)] = (gaz.by_first, frozenset(k for k, v in gaz.by_first.items() if v))
    return got[1]


_ADJ_COORD = re.compile(r"\s*(?:,\s*)?(?:(?:und|oder|sowie|and|or)\s+|,\s*)(?:(?:der|die|das|den|dem|des|the)\s+)?")


def _people_in(sentence: str, i: int, group_nouns: tuple[str, ...]) -> bool:
    """Does "<group noun> in" open the sentence right before position i ("Officials in Kyiv ...",
    "Die Beamten in Moskau ...")? Only as the sentence's subject: "ein Besuch der Politiker in Kiew"
    is a place."""
    m = _PEOPLE_IN.search(sentence, max(0, i - 40), i)
    return m is not None and m.end() == i and m.group(1).lower().startswith(group_nouns) \
        and len(sentence[:m.start(1)].split()) <= 2


_PEOPLE_IN = re.compile(r"(\w+)\s+(?:in|im)\s+$")


def _prev_word(s: str, i: int) -> str:
    j = i - 1
    while j >= 0 and s[j] == " ":
        j -= 1
    k = j
    while k >= 0 and s[k].isalpha():
        k -= 1
    return s[k + 1:j + 1].lower()

"""Actor mentions: gazetteer names, role phrases resolved by date, places, unknown persons."""

from __future__ import annotations

import datetime as dt
import operator
import re
from functools import lru_cache

import ahocorasick_rs
from dataclasses import dataclass

from detente.extract import scan
from detente.extract.lowered import lower
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
    low = lower(sentence)      # (speed, eighth pass: computed once per sentence, `lowered`)
    # (speed: the substring tests mapped in C, not a generator step per key)
    if gaz.roles is not None and any(map(low.__contains__, gaz.role_keys)):
        for m in _role_matches(gaz, sentence):
            actor = gaz.resolve_role(gaz.role_groups[m.lastgroup], on)
            if _not_current(sentence, m.start(), actor, gaz):
                continue
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
                if len(hits) > 1 and hits[-2].kind == "adjective" and _ADJ_COORD.fullmatch(sentence, hits[-2].end, s):
                    # "Iranian and US negotiators", "Chinese and US officials": a demonym coordinated with a state's
                    # name before a noun for people shares that noun (a group, as "Iranian and American negotiators")
                    if _noun_end(sentence, e, actor_nouns):
                        hits[-2] = Hit(hits[-2].start, hits[-2].end, hits[-2].text, hits[-2].actor, "collective")
            next_free = e
            done = True
            break
        if done:
            continue
        actor = gaz.adj_forms.get(word.lower())
        if actor is None and word in _TWO_WORD_FIRST:
            # a demonym of two words ("North Korean troops", "South Korean", "Sri Lankan"): the
            # candidate words are single words, so the second is read here (the alias loop above
            # has already turned down "North Korea" before "n")
            m = _NEXT_WORD.match(sentence, w_end)
            if m and (actor := gaz.adj_forms.get(f"{word} {m.group(1)}".lower())) is not None:
                w_end = m.end()
                word = sentence[s:w_end]
        if actor is not None:
            # "russische Armee", "amerikanische Beamte", "seinem amerikanischen Kollegen": a
            # demonym before a noun for people or institutions names a collective actor
            end = _noun_end(sentence, w_end, actor_nouns)
            if end:
                # "russische und amerikanische Beamte", "French, German and British leaders": the
                # demonyms coordinated before this one share its noun, so each names a group
                k = len(hits)
                while k and hits[k - 1].kind == "adjective" and _ADJ_COORD.fullmatch(
                        sentence, hits[k - 1].end, hits[k].start if k < len(hits) else s):
                    k -= 1
                    hits[k] = Hit(hits[k].start, hits[k].end, hits[k].text, hits[k].actor, "collective")
                hits.append(Hit(s, end, sentence[s:end], actor, "collective"))
                next_free = end
            else:
                hits.append(Hit(s, w_end, word, actor, "adjective"))
    taken = [(h.start, h.end) for h in hits]
    # (speed: the character test mapped in C, not a generator over every character: -0.5% CPU)
    # (speed, seventh and eighth pass: the title pattern opens with a lookbehind, so the regex engine
    # tried all ~30 titles at every position; it is tried only where a title word occurs,
    # `scan.finditer_leads`, whose C substring search finds none in most sentences)
    if any(map(str.isupper, sentence[1:])):
        for m in scan.finditer_leads(_TITLE, _title_leads(), sentence):
            s, name = m.start(1), m.group(1).rstrip()
            e = s + len(name)
            if any(a < e and s < b for a, b in taken) or len(name.split()) < 2:
                continue
            hits.append(Hit(s, e, name, None, "unknown"))
    hits.sort(key=_START)     # (attrgetter: no Python call per item, unlike a lambda)
    if hits and (", " in sentence or len(taken) < len(hits)
                 or (("'s " in sentence or "’s " in sentence) and _GENITIVE_OFFICE.search(sentence))):
        # (the English genitive: "Kenya's foreign minister Musalia Mudavadi", a Reuters/AP form with no comma)
        hits = _appositions(sentence, hits)
    # "die italienische Ministerpräsidentin Giorgia Meloni": the name is the mention, the
    # demonym + office noun before it only its apposition
    if any(h.kind == "collective" for h in hits):
        hits = [h for i, h in enumerate(hits) if not (
            h.kind == "collective" and i + 1 < len(hits) and hits[i + 1].kind == "person"
            and not sentence[h.end:hits[i + 1].start].strip())]
    return hits


# An office word inside an apposition ("Norway's foreign minister", "Norwegens Außenministerin",
# "the Kenyan army chief"): a closed class of titles, kept here like _TITLE. Group 1 is the
# German feminine ending (gender of the person).
_OFFICE = re.compile(r"(?:minister|präsident|president|premier|kanzler|chancellor|secretary|sekretär|sprecher|spokes"
                     r"|botschafter|ambassador|envoy|gesandte|chief|chef|adviser|advisor|berater|leader|commander"
                     r"|kommandeur|governor|gouverneur|emir|king|könig|prince|prinz)(in)?(?!\w)", re.IGNORECASE)
# A person's name: two to four capitalised words, Arabic and European particles allowed inside
_NAME = r"[A-ZÄÖÜ][\w'’-]+(?:\s+(?:(?:bin|ibn|al|el|de|da|van|von|der|den|del|la|le|di)\s+)?[A-ZÄÖÜ][\w'’.-]*){1,3}"
_NAME_BEFORE = re.compile(rf"(?<![\w-])({_NAME}),\s*(?:(?:the|der|die)\s+)?$")
_NAME_AFTER = re.compile(rf"(,\s*|\s+)({_NAME})(?![\w-])")
# words that start a capitalised run without being a name ("On Monday", "Die Delegation")
_NOT_NAME = frozenset("""on in at for after before last this next the a an der die das den dem des ein eine am im
    nach vor bei mit laut and but und aber also meanwhile monday tuesday wednesday thursday friday saturday sunday
    montag dienstag mittwoch donnerstag freitag samstag sonntag january february march april may june july august
    september october november december januar februar märz juni juli oktober dezember""".split())
# German office words to the English role names the coreference role nouns use (data/lang/*.yaml coref.role_nouns)
_ROLE_EN = {"außenminister": "foreign minister", "verteidigungsminister": "defence minister", "präsident": "president",
            "kanzler": "chancellor", "bundeskanzler": "chancellor", "premierminister": "prime minister",
            "ministerpräsident": "prime minister", "regierungschef": "prime minister", "sprecher": "spokesman",
            "generalsekretär": "secretary general", "sondergesandter": "special envoy"}


def _appositions(sentence: str, hits: list[Hit]) -> list[Hit]:
    """A name next to an office of a known state names a person of that state: "Erik Larsen,
    Norway's foreign minister, said", "Norwegens Außenminister, Erik Larsen, ...", "Norwegian
    Foreign Minister Erik Larsen". The person is not in the gazetteer: it gets an actor of its
    own (no wikidata id) with the office as its role, so later mentions of the surname and role
    nouns can refer to it (coref.Discourse). Only a name that no linked mention covers."""
    out = hits
    for h in hits:
        if h.actor is None or h.kind not in ("country", "collective", "organisation", "government"):
            continue
        # the office: inside a demonym + office collective, or in the three words after the state
        if h.kind == "collective":
            office = _OFFICE.search(h.text)
            o_end, low_office = h.end, h.text.split(None, 1)[-1].lower()
        else:
            tail = _THREE_WORDS.match(sentence, h.end)
            office = _OFFICE.search(tail.group(1)) if tail else None
            o_end = tail.start(1) + office.end() if office else h.end
            low_office = sentence[tail.start(1):o_end].lower() if office else ""
        if office is None:
            continue
        before = _NAME_BEFORE.search(sentence, max(0, h.start - 80), h.start)
        after = _NAME_AFTER.match(sentence, o_end)
        if before is not None and _APPOSITION_END.match(sentence, o_end):
            s, e = before.span(1)
        elif after is not None and (not after.group(1).strip() or sentence[after.end():after.end() + 1] in (",", ".")):
            s, e = after.span(2)
        else:
            continue
        name = sentence[s:e]
        if name.split()[0].lower() in _NOT_NAME or any(o.actor is not None and o.start < e and s < o.end for o in out):
            continue
        feminine = office.group(1) is not None or "woman" in low_office
        role = _ROLE_EN.get(low_office[:-2] if office.group(1) else low_office, low_office)
        person = Actor(name, None, h.actor.country, "person", role, "f" if feminine else "m")
        out = sorted([o for o in out if not (o.start < e and s < o.end)] + [Hit(s, e, name, person, "person")], key=_START)
    return out


# "Kenya's foreign minister Musalia Mudavadi": a state's office in lower case, then a name
_GENITIVE_OFFICE = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}(?:minister|president|premier|chancellor|secretary|spokes(?:man|woman|person)"
                              r"|ambassador|envoy|chief|adviser|advisor|leader|commander|governor)\s+[A-Z]")
_THREE_WORDS = re.compile(r"(?:['’]s)?\s+((?:[\w-]+\s+){0,2}[\w-]+)")
# the apposition closes within four words ("Norway's foreign minister, said", "the UN envoy for Yemen, urged")
_APPOSITION_END = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s*(?:[,.;]|$)")


_EARLIER = frozenset({"former", "früheren", "frühere", "früherer", "früheres", "ehemalige", "ehemaligen", "ehemaliger",
                      "ehemaliges", "einstige", "einstigen", "einstiger", "late", "verstorbene", "verstorbenen"})


def _not_current(sentence: str, i: int, holder: Actor, gaz: Gazetteer) -> bool:
    """Does the word before a role phrase say it names no current holder: an earlier one
    ("former US President", "der frühere Bundeskanzler", "Ex-Bundeskanzler") or another
    state's office ("der österreichische Bundeskanzler")? (A word test here, not lookbehinds in
    each role pattern: those ran at every candidate position of the role scan.)"""
    if sentence[max(0, i - 3):i].lower() == "ex-":
        return True
    prev = _prev_word(sentence, i)
    if not prev:
        return False
    other = gaz.adj_forms.get(prev)
    return prev in _EARLIER or (other is not None and other.country != holder.country)


def _noun_end(sentence: str, i: int, actor_nouns: tuple[str, ...]) -> int:
    """End of the noun for people or institutions right after the word ending at `i` ("russische
    Armee", "Iranian and US negotiators"), or of a two-word office or body ("the Indian foreign
    minister", "Qatari prime minister", "the Pakistani army chief", "Iranian foreign ministry"), 0
    if none: the actor nouns with a space are tried on the two words (an entry without a space that
    fits them would already fit the first word alone). (speed: str.startswith takes the tuple)"""
    nxt = _WORD.match(sentence, i + 1) if i < len(sentence) and sentence[i] == " " else None
    if nxt is None:
        return 0
    head = nxt.group().lower()
    if head.startswith(actor_nouns):
        return nxt.end()
    if nxt.end() >= len(sentence) or sentence[nxt.end()] != " ":
        return 0
    two = _WORD.match(sentence, nxt.end() + 1)
    if two is None or not f"{head} {two.group().lower()}".startswith(actor_nouns):
        return 0
    return two.end()


@lru_cache(maxsize=1)
def _title_leads() -> tuple[str, ...]:
    """The title words a match of `_TITLE` can open with, a word that another one begins left
    out (its positions are among the other's): where `scan.finditer_leads` tries the pattern. Read
    from the parsed pattern after its lookbehind (`triggers._lead`), so that the list cannot drift
    from the pattern."""
    from detente.extract.triggers import _lead, _sre_parse     # (here: triggers imports systems, which imports this module)
    items = list(_sre_parse.parse(_TITLE.pattern))
    words = _lead(items[1:]) if items and str(items[0][0]) == "ASSERT_NOT" else None
    if not words:
        raise ValueError("actors._TITLE must open with a lookbehind and then literal title words")
    return tuple(sorted(w for w in words if not any(o != w and w.startswith(o) for o in words)))


_WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(r" (\w+)")
# the first words of the gazetteer's two-word demonyms (actors.yaml: North/South Korean, South African,
# South Sudanese, North Macedonian, Sri Lankan)
_TWO_WORD_FIRST = frozenset({"North", "South", "Sri"})
_START = operator.attrgetter("start")


def _role_matches(gaz: Gazetteer, sentence: str):
    """`gaz.roles.finditer(sentence)`, tried only where a match can start (scan.finditer: a word
    start whose first character opens some role phrase). Speed: trying every position once took
    a role scan 48 us, every word start 31 us; these positions only, 21 -> 9 us per seed sentence
    (-2.1% of the instructions per article). (For the title pattern and the coreference words such
    positions are most word starts: scan.finditer measured slower there, so they scan as usual.)"""
    # (eighth pass: each position tried with only the role phrases that can open with its
    # character, `scan.finditer_by_first`)
    return scan.finditer_by_first(gaz.roles, sentence)


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

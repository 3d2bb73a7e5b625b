"""Coreference for event coding: pronouns, possessives, relative pronouns, role nouns and the
first person of a reported quote, resolved to recently named actors.

A sentence often names its actor only as "er", "sie", "der Präsident", "they" or "his"
(about a third of the events the seed annotation codes). This module keeps a small discourse
model per article and turns such words into ordinary mentions (`actors.Hit`) at the
pronoun's own offsets, so the event rules use them like names and the evidence stays
traceable to the characters of the sentence.

Salience follows a simplified Lappin & Leass (1994, "An algorithm for pronominal anaphora
resolution", Computational Linguistics 20(4), section 2): every mention gets a weight from
sentence recency (100), subject position (+80: first actor of its clause) and
non-prepositional position (+50); weights halve with each new sentence. A pronoun takes the
best candidate that agrees in gender and number (persons carry `gender` in actors.yaml;
coordinated actors, collectives and plural aliases such as "die Europäer" are plural) and
that is not bound in its own clause (a personal pronoun does not refer to another actor of
the same clause: "Putin rief ihn an"). Possessives may refer inside their clause and, in a
sentence-opening phrase ("Nach seinem Telefonat mit X traf Y ..."), forward to the subject.
Relative pronouns ("Trump, der ...", "Lavrov, who ...") take the actor right before the
comma. Role nouns after an article ("der Präsident", "the chancellor") take the most salient
person holding that role. The words are data (`coref:` in data/lang/XX.yaml).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from detente.extract import scan
from detente.extract.actors import Hit
from detente.extract.attribution import reporter, tail_speaker
from detente.extract.lexicon import Actor, Lexicon, load_gazetteer, load_lexicon
from detente.extract.tokens import lemma
from detente.extract.lowered import lower
from detente.extract.wordsets import _KONJUNKTIV_I

RECENCY, SUBJECT, NON_PREP = 100.0, 80.0, 50.0
DECAY, FLOOR = 0.5, 30.0        # weight halves per sentence; a subject is forgotten after two sentences

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# clause cuts for binding and subject position: punctuation and coordinating conjunctions
# (speed: written to open with one character class - punctuation or a space, then what a space needs
# after it - so the regex engine skips ahead to those characters instead of trying both branches at
# every position; the same matches as [,;:()–—]|\s-\s|\s(?:und|...)\s, -40% of this scan's instructions)
_CLAUSE_PUNCT = re.compile(r"[,;:()–—\s](?:(?<=[,;:()–—])|(?<=\s)(?:-|und|aber|oder|doch|and|but|or)\s)")
_COORD = re.compile(r"^\s*(?:,\s*)?(?:und|and|sowie|&|,|als auch|wie auch|as well as|sondern auch|but also|noch|nor"
                    r"|along with|together with|zusammen mit|gemeinsam mit)\s*"
                    r"(?:(?:der|die|den|dem|des|the)\s+)?$")
_FIRST_PERSON = {"de": {"ich": "person", "wir": "country"}, "en": {"i": "person", "we": "country"}}
# ", sagte er." / ", he said." closing a quote: its first person is the speaker
# words for "the two of them" (German and English; few and closed-class, so kept here)
# (speed: written to open with one character class, the first letters, so the regex engine skips
# ahead to them instead of trying the leading lookbehind at every position; the same matches as
# (?<!\w)(?:[Bb]eide...|[Tt]he two...|[Kk]einer...|[Bb]oth...|[Nn]either...)(?!\w), checked on the
# seed and shared corpus texts: -50% of this scan's instructions)
_PAIR = re.compile(r"[BbTtKkNn](?<!\w[BbTtKkNn])"
                   r"(?:(?<=[Bb])(?:eide[n]?(?:\s+(?:Länder|Ländern|Seiten|Staaten|Regierungen|Parteien|Präsidenten|Staatschefs"
                   r"|Nachbarländer|Nachbarn|Nationen))?"
                   r"|oth(?:\s+(?:countries|sides|governments|leaders|presidents|parties|nations|neighbou?rs|states))?)"
                   r"|(?<=[Tt])he two\s+(?:sides|countries|governments|leaders|nations|parties|neighbou?rs|states)"
                   r"|(?<=[Kk])einer(?=\s+(?:von beiden|der beiden|konnte|kann|wollte|will|hat|hatte|war))"
                   r"|(?<=[Nn])either(?=\s+(?:side|country|leader|of them)))(?!\w)")
# an apposition naming a group's members: a dash, colon or comma, "including"/"darunter", a title
MEMBERS = re.compile(r"\s*(?:[–—:,(]|-\s)\s*(?:(?:including|among them|darunter|unter ihnen|namentlich)\s+)?"
                     r"(?:[\w.-]+\s+){0,3}$")
GENITIVE_OF = re.compile(r"\s+of\s+(?:the\s+)?$")
_THE_COUNTRY = re.compile(r"(?<![\w-])[Tt]he country(?![\w'’-])")     # (not "the country's": a possessive is an owner)
_STATE_NOUNS = re.compile(r"Länder|Ländern|Staaten|Nachbarländer|Nationen|countries|states|nations")
_EXPLETIVE_NEXT = frozenset({"is", "was", "seems", "seemed", "appears", "appeared", "remains", "remained", "would",
                             "will", "could", "might", "may", "must", "should", "takes", "took", "means", "meant"})
_OPEN_QUOTES = frozenset("„“\"»«‚'")

_REPORT_TAIL = re.compile(r"[,“”\"»«]\s*(?:(?:sagte|sagt|erklärte|erklärt|betonte|fügte|so)\s+(\w+)"
                          r"|(\w+)\s+(?:said|says|added|told \w+|stressed))[^\w]*$")


# (speed, eighth pass: not frozen=True - a frozen dataclass's __init__ sets each field through
# object.__setattr__; coreference makes ~2,200 per seed pass. A Referent is never changed once
# made; unsafe_hash keeps it hashable on its fields, as frozen did - as `actors.Hit`.)
@dataclass(slots=True, unsafe_hash=True)
class Referent:
    """What a pronoun can point to: one actor or a coordinated group."""
    actors: tuple[Actor, ...]
    plural: bool

    @property
    def gender(self) -> str | None:
        a = self.actors[0]
        return a.gender if len(self.actors) == 1 and a.kind == "person" and not self.plural else None

    def agrees(self, code: str) -> bool:
        """code: m, f (one person), p (plural), fp (German "sie"/"ihr": feminine or plural), * (any)."""
        if code == "*":
            return True
        if "p" in code and self.plural:
            return True
        if "n" in code:      # English "it": one country, government or organisation
            return len(self.actors) == 1 and self.actors[0].kind != "person" and not self.plural
        return self.gender is not None and self.gender in code


@dataclass(slots=True)
class _Cand:
    ref: Referent
    weight: float
    start: int = -1          # offset in the current sentence (-1: an earlier sentence)
    clause: int = -1
    end: int = -1


class Discourse:
    """Salience of the actors named so far in one article (feed sentences in order)."""

    def __init__(self) -> None:
        self._ents: dict[tuple[str, ...], _Cand] = {}
        self.speaker: Actor | None = None      # who spoke last (for quotes continued in the next sentence)
        self._names: dict[str, Actor] = {}      # surname -> a person named with an office, not in the gazetteer
        self._names_re: re.Pattern[str] | None = None

    def resolve(self, sentence: str, hits: list[Hit], lex: Lexicon) -> list[Hit]:
        """Mentions for the pronouns, relative pronouns and role nouns of `sentence`, given the
        gazetteer `hits` of that sentence (new Hits only; the caller merges them)."""
        named = self._surnames(sentence, hits) if self._names_re is not None else []
        if named:
            hits = sorted(hits + named, key=lambda h: h.start)
        out = named + self._resolve(sentence, hits, lex)
        if lex.language == "en" and ("the country" in sentence or "The country" in sentence):
            out += self._the_country(sentence, hits + out)
        return out

    def _the_country(self, sentence: str, hits: list[Hit]) -> list[Hit]:
        """English wires name a state again as "the country" ("Venezuela's government said ...
        The country accused Washington of ..."): the most salient state of the sentences before (a
        person stands for the state; Lappin & Leass 1994 salience as for pronouns)."""
        out = []
        for m in _THE_COUNTRY.finditer(sentence):
            s, e = m.span()
            if any(h.start < e and s < h.end for h in hits):
                continue
            cands = [(c.weight, _country_actor(c.ref.actors[0])) for c in self._ents.values()
                     if len(c.ref.actors) == 1 and not c.ref.plural and c.ref.actors[0].country]
            cands = [(w, a) for w, a in cands if a is not None and a.kind == "country"]
            if cands:
                a = max(cands, key=lambda x: x[0])[1]
                out.append(Hit(s, e, m.group(), a, a.kind, ref="role"))
        return out

    def _surnames(self, sentence: str, hits: list[Hit]) -> list[Hit]:
        """Later mentions of a person the article introduced with an office ("Erik Larsen,
        Norway's foreign minister, ..." -> "Larsen said"; actors._appositions): the surname,
        also with a genitive s, where no other mention stands."""
        out = []
        for m in self._names_re.finditer(sentence):
            if not any(h.start < m.end() and m.start() < h.end for h in hits):
                out.append(Hit(m.start(), m.end(), m.group(), self._names[m.group(1)], "person", ref="name"))
        return out

    def _learn(self, hits: list[Hit]) -> None:
        """Remember the surnames of the persons named with an office in this sentence."""
        new = {h.actor.name.split()[-1]: h.actor for h in hits
               if h.kind == "person" and h.ref is None and h.actor.wikidata is None
               and h.actor.name not in load_gazetteer().actors and len(h.actor.name.split()) > 1}
        new.update(_family_names(hits))
        if new and any(self._names.get(k) != v for k, v in new.items()):
            self._names.update(new)
            self._names_re = re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, sorted(self._names, key=len, reverse=True)))})"
                                        r"(?:s|['’]s)?(?![\w-])")

    def _resolve(self, sentence: str, hits: list[Hit], lex: Lexicon) -> list[Hit]:
        if not lex.coref or not (_trigger_words(lex.language).search(sentence) or _PAIR.search(sentence)):
            return []          # no pronoun, role noun, first person or ", der": nothing to resolve
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]
        if not words:
            return []
        kind_of = _kind_of(lex.language)
        roles = _role_pattern(lex.language)
        low_words = [w[2].lower() for w in words]
        clause_of = _clauses(sentence)
        linked = [h for h in hits if h.actor is not None and h.kind != "place"]
        here = _mentions(sentence, linked, lex, clause_of)
        taken = [(h.start, h.end) for h in hits]
        out: list[Hit] = []
        rel: tuple[int, Referent] | None = None     # the last relative pronoun resolved: its end, its antecedent
        # (speed: only the pronouns, listed in one comprehension: role nouns and the first person
        # are found below; a relative pronoun counts only after a comma (`_relative`), so one
        # elsewhere - most German articles - is passed over before any other test; 1,216 words
        # visited per seed pass, 275 of them pronouns; with the dates prefilter -2.4% of the
        # instructions per article, callgrind)
        for i in [i for i, lw in enumerate(low_words) if lw in kind_of]:
            s, e, w = words[i]
            lw = low_words[i]
            kind = kind_of[lw]
            if kind == "relative":
                comma = _comma_before(sentence, s)
                if comma < 0:
                    continue
            if any(a <= s < b for a, b in taken):
                continue
            code = lex.coref[kind][lw]
            if code == "fp" and kind == "subject":
                code = _verb_number(low_words, i, sentence, words) or code
            if code == "n" and (i + 1 >= len(words) or low_words[i + 1] in _EXPLETIVE_NEXT):
                continue            # "it is clear that", "it seems": no referent
            if kind == "possessive" and (i + 1 >= len(words) or sentence[e:words[i + 1][0]].strip()
                                         or (lw == "sein" and not words[i + 1][2][:1].isupper())):
                continue            # no noun follows ("wird ... sein" is the verb)
            if kind == "relative":
                ref = _relative(sentence, comma, words, i, linked, lw, lex)
                if ref is not None:
                    rel = (e, ref)
            elif kind != "object" and rel is not None and not _REL_CUT.search(sentence, rel[0], s) \
                    and rel[1].agrees(code) and not (lw == "sie" and w[0].isupper()):
                # "der Vorschlag Trumps, der nach seinem Telefonat mit Putin ...", "Macron, who
                # said he ...": inside a relative clause a possessive or subject pronoun that
                # agrees refers to the relative pronoun's antecedent (its clause's subject)
                ref = rel[1]
            else:
                cl = clause_of(s)
                before = [c for c in here if c.start < s]
                if kind != "possessive":
                    # binding: a personal pronoun is not its clause's subject ("Putin rief ihn an")
                    # nor an actor named before it in its clause ("Trump und er")
                    mine = sorted([(c.start, c.ref) for c in here if c.clause == cl]
                                  + [(h.start, Referent((h.actor,), False)) for h in out
                                     if h.actor is not None and clause_of(h.start) == cl], key=lambda x: x[0])
                    if kind == "object":
                        # an object pronoun is not its clause's subject nor an actor before it there
                        bound = {a.name for st, r in mine if st < s or st == mine[0][0] for a in r.actors}
                    else:
                        # a subject pronoun is not coordinated with its referent ("Trump und er");
                        # "Putin told reporters he was ready" is fine (an embedded clause)
                        bound = {a.name for c in here if c.start < s and c.end <= s and _COORD.match(sentence[c.end:s])
                                 for a in c.ref.actors}
                    pool = [c for c in before + list(self._ents.values())
                            if not bound & {a.name for a in c.ref.actors}]
                    # "sie" in lower case mid-sentence is rarely the polite "Sie"; capitalised
                    # "Sie" mid-sentence is: skip it
                    if w[0].isupper() and s > 0 and lw == "sie":
                        continue
                else:
                    pool = before + list(self._ents.values())
                    mates = list(dict.fromkeys(a for c in before if c.clause == cl and len(c.ref.actors) == 1
                                               for a in c.ref.actors))
                    if "p" in code and len(mates) >= 2:
                        # "Trump hat Putin in ihrem ersten Telefonat ...": a plural possessive
                        # after two actors of its clause refers to both (split antecedent)
                        out.extend(_hits(s, e, w, Referent(tuple(mates), True), "possessive"))
                        continue
                    if not before and i <= 2 and i > 0 and low_words[i - 1] in lex.prepositions:
                        ref = _cataphor(sentence, words, i, here, code, lex)
                        if ref is not None:
                            out.extend(_hits(s, e, w, ref, "possessive"))
                            continue
                ref = _best(pool, code)
            if ref is not None:
                out.extend(_hits(s, e, w, ref, kind))
        if roles is not None:
            for m in scan.finditer_at(roles, _role_starts(lex.language), sentence):
                s, e = m.start("key"), m.end("key")
                if any(a < e and s < b for a, b in taken) or any(h.start < e and s < h.end for h in out):
                    continue
                nxt = next((h for h in linked if 0 <= h.start - m.end() <= 2), None)
                if nxt is not None and nxt.kind == "person":
                    continue           # "der Präsident Emmanuel Macron": the name is the mention
                if sentence.startswith(" of ", m.end()) and any(h.start == m.end() + 4 for h in linked):
                    continue           # "the leaders of Mali, Burkina Faso and Niger": the states named are the holders
                want = lex.role_nouns[m.group("key").lower()]
                country = nxt.actor.country if nxt is not None and nxt.actor is not None else None
                pool = [c for c in [c for c in here if c.start < s] + list(self._ents.values())
                        if len(c.ref.actors) == 1 and c.ref.actors[0].kind == "person"
                        and _holds(c.ref.actors[0].role, want)
                        and (country is None or c.ref.actors[0].country == country)]
                if m.group("many"):
                    # "the three leaders", "die drei Staatschefs": as many of the most salient holders
                    n = _MANY[m.group("many").lower()]
                    pool.sort(key=lambda c: -c.weight)
                    many = tuple(dict.fromkeys(c.ref.actors[0] for c in pool))[:n]
                    ref = Referent(many, True) if len(many) == n else None
                elif m.group("two") or (lex.language == "en" and m.group("key").lower().endswith("s")):
                    # "die beiden Präsidenten", "the two leaders": the two most salient holders
                    pool.sort(key=lambda c: -c.weight)
                    two = tuple(dict.fromkeys(c.ref.actors[0] for c in pool))[:2]
                    ref = Referent(two, True) if len(two) == 2 else None
                else:
                    ref = _best(pool, "*")
                if ref is not None:
                    out.extend(_hits(s, e, m.group("key"), ref, "role"))
        out.extend(_quoted_first_person(sentence, words, linked + out, lex, self.speaker))
        if lex.language == "de" and "man" in low_words:
            out.extend(self._reported_man(sentence, words, low_words, hits))
        # "beide Länder", "beide Seiten", "keiner", "both sides", "neither": the salient pair
        for m in _PAIR.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken) or any(h.start < m.end() and m.start() < h.end for h in out):
                continue
            if " " not in m.group() and sentence[m.end():m.end() + 2].lstrip()[:1] in _OPEN_QUOTES:
                continue      # "diese beiden „Siege“": it qualifies the quoted word that follows, no pair of actors
            states = _STATE_NOUNS.search(m.group()) is not None
            # a pair named before it in its own clause is the clause's subject, not what it refers to
            # ("Qatar and Egypt pressed both sides to accept": the sides are another pair)
            cl = clause_of(m.start())
            pairs = [c for c in [c for c in here if c.start < m.start() and c.clause != cl] + list(self._ents.values())
                     if c.ref.plural and len({a.country for a in c.ref.actors}) == 2 and len(c.ref.actors) == 2
                     # "beide Länder", "both countries": two states (or their leaders), not an alliance
                     and not (states and any(a.kind == "organisation" for a in c.ref.actors))]
            if pairs:
                best = max(pairs, key=lambda c: c.weight)
                out.extend(_hits(m.start(), m.end(), m.group(), best.ref, "pair"))
            elif " " in m.group() and (two := self._two_sides({a.country for c in here if c.start < m.start()
                                                                for a in c.ref.actors})):
                # (only with its noun, "beide Seiten", "both countries": a bare "beiden" may qualify any
                # noun, "in beiden Kammern", "both chambers")
                out.extend(_hits(m.start(), m.end(), m.group(), two, "pair"))
        return out

    def prior_speaker(self) -> Actor | None:
        """Whose words a report with no speaker named goes on with ("Man werde ...", ", sagte ein
        Sprecher."): the one who spoke last, else the subject of the sentence before ("Abu Dhabi
        wies die Vorwürfe zurück. Man unterstütze keine der Konfliktparteien ...")."""
        if self.speaker is not None:
            return self.speaker
        top = max((c for c in self._ents.values() if len(c.ref.actors) == 1), key=lambda c: c.weight, default=None)
        return top.ref.actors[0] if top is not None and top.weight >= RECENCY else None

    def _reported_man(self, sentence: str, words, low_words: list[str], hits: list[Hit]) -> list[Hit]:
        """German reported speech says "man" for the speaker's side ("Man werde die Verhandlungen
        fortsetzen, sagte Araghtschi"; "Teheran sei bereit. Man werde ..."): in a report - a closing
        reporting clause, or a Konjunktiv I verb next to "man" - it is the speaker's state: the
        speaker of the closing clause, else the one who spoke last, else the subject of the sentence
        before. A generic "man" in the indicative ("man sagt", "man sollte") is nobody."""
        tail = reporter(sentence)
        spoken = tail is not None or any(
            w == "man" and any(0 <= j < len(low_words) and _konjunktiv(low_words[j]) for j in (i - 1, i + 1))
            for i, w in enumerate(low_words))
        if not spoken:
            return []
        speaker = (tail_speaker(hits, tail.start()) if tail is not None else None) or self.prior_speaker()
        country = _country_actor(speaker) if speaker is not None else None
        if country is None:
            return []
        end = tail.start() if tail is not None else len(sentence)
        return [Hit(s, e, w, country, country.kind, ref="quote") for (s, e, w), lw in zip(words, low_words)
                if lw == "man" and s < end]

    def _two_sides(self, named: set) -> Referent | None:
        """With no coordinated pair named before, "beide Seiten" / "both sides" are the two parties
        of the last sentences named apart ("Indien griff Pakistan an. ... riefen beide Länder zur
        Mäßigung auf"): the single actors of exactly two countries that the sentence has not named
        before the words (those are who speaks to the sides), mentioned in the last sentence or the
        one before (weight above a halved subject mention); with three countries in view, none. An
        international body named there (the UN Security Council) is no side."""
        states = _state_codes()
        cands = sorted((c for c in self._ents.values() if len(c.ref.actors) == 1     # (a collective, "die türkische Armee", is one)
                        and c.weight >= RECENCY / 2 and c.ref.actors[0].country in states
                        and c.ref.actors[0].country not in named), key=lambda c: -c.weight)
        if len({c.ref.actors[0].country for c in cands}) != 2:
            return None      # three parties or more in view: which two are meant is not clear
        first = cands[0]
        second = next(c for c in cands if c.ref.actors[0].country != first.ref.actors[0].country)
        return Referent((first.ref.actors[0], second.ref.actors[0]), True)

    def update(self, sentence: str, hits: list[Hit], lex: Lexicon) -> None:
        """Add the actors named in `sentence` (gazetteer and resolved mentions) to the model."""
        for c in self._ents.values():
            c.weight *= DECAY
        self._ents = {k: c for k, c in self._ents.items() if c.weight >= FLOOR}
        linked = [h for h in hits if h.actor is not None and h.kind != "place"]
        if not linked:
            if sentence.lstrip()[:1] not in _OPEN_QUOTES:
                self.speaker = None
            return
        self._learn(linked)
        tail = _report_tail(sentence)
        if tail:
            pos = tail.start(1) if tail.group(1) else tail.start(2)
            self.speaker = next((h.actor for h in linked if h.start == pos), self.speaker)
        elif not lex.speech_verbs.isdisjoint(low_words := lower(sentence).split()):
            self.speaker = next((h.actor for h in linked if h.actor.kind == "person"), linked[0].actor)
        elif sentence.lstrip()[:1] not in _OPEN_QUOTES and not (
                lex.language == "de" and not _KONJUNKTIV_I.isdisjoint(low_words)):
            self.speaker = None      # (a Konjunktiv report goes on: "Teheran sei bereit. Man werde ...")
        for c in _mentions(sentence, linked, lex, _clauses(sentence)):
            key = tuple(a.name for a in c.ref.actors)
            old = self._ents.get(key)
            if old is None or old.weight <= c.weight:
                self._ents[key] = _Cand(c.ref, c.weight)


# states whose names put the family name first ("Wang Yi" ... "Wang said"; Lee Jae-myung, Lai Ching-te)
_FAMILY_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK"})


def _family_names(hits: list[Hit]) -> dict[str, Actor]:
    """A gazetteer person named in full whose family name alone is no alias ("Chinese Foreign
    Minister Wang Yi met ..." then "Wang urged Washington ..."): the family name, first in Chinese
    and Korean names, refers to that person for the rest of the article."""
    gaz = load_gazetteer()
    out = {}
    for h in hits:
        if h.kind != "person" or h.ref is not None or h.actor is None or h.actor.country not in _FAMILY_FIRST:
            continue
        parts = h.text.split()
        if len(parts) > 1 and len(parts[0]) > 1 and parts[0][:1].isupper() \
                and not any(alias == parts[0] for alias, _, _ in gaz.by_first.get(parts[0], ())):
            out[parts[0]] = h.actor
    return out


_COMMA_COORD = re.compile(r"^\s*,\s*(?:(und|oder)|and|or)\s")


def clause_coord(between: str, members: int) -> bool:
    """Does ", und" / ", and" between two actors join clauses rather than list items ("China
    kritisierte Japan, und die USA drohten Russland")? German puts no comma before the last item
    of a list, so ", und" always joins clauses; English does (the serial comma), but only after
    a list of two or more ("France, Germany, and Britain")."""
    m = _COMMA_COORD.match(between)
    return m is not None and (m.group(1) is not None or members < 2)


# German finite auxiliaries by number (for "sie": she or they)
_PLURAL_AUX = frozenset("sind waren haben hatten werden wurden können konnten wollen wollten müssen mussten sollen "
                        "sollten dürfen durften würden hätten wären".split())
_SINGULAR_AUX = frozenset("ist war hat hatte wird wurde kann konnte will wollte muss musste soll sollte darf durfte "
                          "würde hätte wäre".split())


def _verb_number(low_words: list[str], i: int, sentence: str, words) -> str | None:
    """German "sie" is "she" or "they": the finite verb next to it tells which ("sie kritisierte"
    she, "sie kritisierten" / "kritisierten sie" they). Only a lower-case word right after it or
    (inverted order) right before it, directly adjacent; None when neither is a verb form."""
    for j in (i + 1, i - 1):
        if not 0 <= j < len(words) or not words[j][2][:1].islower():
            continue
        between = sentence[words[j][1]:words[i][0]] if j < i else sentence[words[i][1]:words[j][0]]
        if between.strip():
            continue              # punctuation between: not the clause's verb
        w = low_words[j]
        if w in _PLURAL_AUX:
            return "p"
        if w in _SINGULAR_AUX:
            return "f"
        if w.endswith(("ten", "ierten")) or (j > i and w.endswith("en") and len(w) > 4):
            return "p"            # (before "sie", an infinitive-like form may be the preceding clause's verb)
        if w.endswith(("te", "t")) and len(w) > 3:
            return "f"
    return None


def _hits(s: int, e: int, text: str, ref: Referent, how: str) -> list[Hit]:
    return [Hit(s, e, text, a, a.kind, ref=how) for a in ref.actors]


def _holds(role: str | None, wanted: tuple[str, ...]) -> bool:
    """Does an actor's role match a role noun? "president" names a president, not a vice
    president or a former one."""
    role = (role or "").lower()
    for r in wanted:
        if role == r or (role.endswith(" " + r) and role.split()[0] not in ("vice", "former", "deputy")):
            return True
    return False


def _best(pool: list[_Cand], code: str) -> Referent | None:
    best: _Cand | None = None
    for c in pool:
        if c.ref.agrees(code) and (best is None or c.weight > best.weight
                                   or (c.weight == best.weight and c.start > best.start)):
            best = c
    return best.ref if best else None


def _clauses(sentence: str):
    if _LAST_CLAUSES[0] is sentence:
        return _LAST_CLAUSES[1]
    cuts = [m.start() for m in _CLAUSE_PUNCT.finditer(sentence)]

    def clause_of(pos: int) -> int:
        return bisect.bisect_left(cuts, pos)
    _LAST_CLAUSES[:] = [sentence, clause_of]
    return clause_of


# speed: `resolve` and `update` (and `_quoted_first_person`) read the same sentence one after
# the other; its clause cuts and reporting tail are kept for the last sentence (held by
# reference, so identity means the same text) instead of scanning it twice (~2% of extraction)
_LAST_CLAUSES: list = [None, None]
_LAST_TAIL: list = [None, None]


def _report_tail(sentence: str) -> re.Match[str] | None:
    if _LAST_TAIL[0] is not sentence:
        _LAST_TAIL[:] = [sentence, _REPORT_TAIL.search(sentence)]
    return _LAST_TAIL[1]


# speed: `update` asks for the mentions `resolve` just weighed when the sentence gained no resolved
# mention (same text, same Hit objects): the last result is reused - read-only in both, `update`
# stores copies - instead of weighing them twice (_mentions was ~6% of extraction)
_LAST_MENTIONS: list = [None, None, (), []]


def _mentions(sentence: str, linked: list[Hit], lex: Lexicon, clause_of) -> list[_Cand]:
    """Weighted candidates for the mentions of one sentence, coordinated ones also as a group."""
    last = _LAST_MENTIONS
    if last[0] is sentence and last[1] is lex and len(last[2]) == len(linked) \
            and all(a is b for a, b in zip(last[2], linked)):
        return last[3]
    out = _weigh_mentions(sentence, linked, lex, clause_of)
    last[:] = [sentence, lex, tuple(linked), out]
    return out


def _weigh_mentions(sentence: str, linked: list[Hit], lex: Lexicon, clause_of) -> list[_Cand]:
    """`_mentions`, computed."""
    gaz = load_gazetteer()
    out: list[_Cand] = []
    seen_clause: set[int] = set()
    group: list[Hit] = []
    prev: Hit | None = None
    lead: Hit | None = None        # the mention before the current group

    def flush() -> None:
        if len(group) < 2:
            return          # (speed: a single mention makes no group; most calls are such)
        acts = tuple(dict.fromkeys(h.actor for h in group if h.actor is not None))
        if len(acts) >= 2:
            starts = {h.start for h in group}      # (speed: built once, not per candidate)
            w = max(c.weight for c in out if c.start in starts)
            if lead is not None and (lead.kind == "collective" or lead.kind == "organisation" and lead.text in gaz.plural_aliases) and (
                    {a.country for a in acts} == {lead.actor.country} and MEMBERS.match(sentence, lead.end, group[0].start)
                    or GENITIVE_OF.match(sentence, lead.end, group[0].start)
                    or not sentence[lead.end:group[0].start].strip() and group[0].text.endswith("s")):
                # "russische Beamte – Lawrow und Peskow –", "die Staats- und Regierungschefs
                # Frankreichs, Deutschlands und ...": the members stand for the group noun
                coll = next(c for c in out if c.start == lead.start)
                w = max(w, coll.weight)
                out.remove(coll)
            out.append(_Cand(Referent(acts, True), w, group[-1].start, clause_of(group[-1].start), group[-1].end))

    for h in linked:
        cl = clause_of(h.start)
        w = RECENCY
        # (speed: one set test over the two words before, not a generator)
        prep = not lex.prepositions.isdisjoint([x.lower() for x in sentence[max(0, h.start - 30):h.start].split()[-2:]])
        if not prep:
            w += NON_PREP
            if cl not in seen_clause:
                w += SUBJECT
        seen_clause.add(cl)
        plural = h.text in gaz.plural_aliases or h.kind == "collective" or (h.ref is not None and _plural_pronoun(h, lex))
        out.append(_Cand(Referent((h.actor,), plural), w, h.start, cl, h.end))
        if prev is not None and (prev.start == h.start or _COORD.match(sentence[prev.end:h.start])
                                 and not clause_coord(sentence[prev.end:h.start], len({x.actor for x in group}))):
            group.append(h)
        else:
            if group:
                flush()
            group, lead = [h], prev
        prev = h
    if group:
        flush()
    return out


def _plural_pronoun(h: Hit, lex: Lexicon) -> bool:
    w = h.text.lower()
    return any(lex.coref.get(k, {}).get(w) == "p" for k in ("subject", "object", "possessive"))


def _comma_before(sentence: str, s: int) -> int:
    """The position of the comma right before the word at `s` (spaces between), -1 if none: a
    relative pronoun counts only there (`_relative`)."""
    j = s - 1
    while j >= 0 and sentence[j] == " ":
        j -= 1
    return j if j >= 0 and sentence[j] == "," else -1


def _relative(sentence: str, j: int, words, i: int, linked: list[Hit], lw: str, lex: Lexicon) -> Referent | None:
    """"Trump, der nach seinem Telefonat ...": the actor right before the comma at `j`."""
    if lw not in _REL_POSSESSIVE and i + 1 < len(words) and not (
            # "Iran, das Russland Drohnen lieferte", "Merz, der Kiew Waffen zusagte": no article
            # before a country's bare name or a capital standing for its state
            any(h.start == words[i + 1][0] and h.kind == "country" and (
                lex.coref["relative"][lw] == "n" or h.text in load_gazetteer().place_names) for h in linked)) and (
            lex.language == "de" and words[i + 1][2][:1].isupper()
            or any(words[i + 1][0] <= h.start < words[i + 1][1] for h in linked)):
        return None            # "…, der Präsident …", "…, der russische Präsident": an article
    prev = [h for h in linked if h.end <= j and not sentence[h.end:j].strip(" »«“”\"'")]
    across = False
    if not prev:
        # "Ungarns, eines Landes, das ...", "Hungary, a country that ...": the state noun in
        # apposition stands for the actor before it
        prev = [h for h in linked if h.end <= j and h.kind == "country" and _STATE_APPOSITION.fullmatch(sentence, h.end, j)]
    if not prev and lex.language == "de":
        # a relative clause extraposed after the verb that closes the main clause: "wies den
        # Vorschlag des Präsidenten Macron zurück, der ..." (a person of the pronoun's gender only)
        prev = [h for h in linked if h.end <= j and _CLAUSE_END_VERB.fullmatch(sentence, h.end, j)]
        across = True
    if not prev:
        return None
    last = prev[-1]
    if across and (last.actor is None or last.actor.kind != "person" or last.actor.gender is None
                   or last.actor.gender not in lex.coref["relative"][lw]):
        return None
    code = lex.coref["relative"][lw]
    first = last
    if not across and ("p" in code or lex.language == "en"):
        # "Frankreich und Deutschland, die ...", "France and Germany, which ...": a pronoun that
        # can be plural takes the whole coordinated group before the comma
        for h in reversed([h for h in linked if h.end <= first.start]):
            between = sentence[h.end:first.start]
            if h.start == first.start or not _COORD.match(between) or clause_coord(between, 1):
                break
            first = h
    acts = tuple(dict.fromkeys(h.actor for h in linked if first.start <= h.start <= last.start and h.actor is not None))
    ref = Referent(acts, len(acts) > 1 or last.text in load_gazetteer().plural_aliases)
    g = ref.gender
    if g is not None and code != "*" and g not in code:
        return None
    if g is None and code == "m" and ref.plural:
        return None
    return ref


_STATE_APPOSITION = re.compile(r"(?:\s+[a-zäöüß]+)?,\s+(?:eines|ein|einem|einen|a|an)\s+(?:[\w-]+\s+)?(?:Landes|Land|Lande|Staates|Staat|Staats|"
                               r"country|state|nation)\s*")
_REL_POSSESSIVE = frozenset({"dessen", "deren", "whose"})     # relative possessives: a noun follows, no article
_CLAUSE_END_VERB = re.compile(r"\s+[a-zäöüß]+\s*")
_REL_CUT = re.compile(r"[,;:()–—]")


def _cataphor(sentence: str, words, i: int, here: list[_Cand], code: str, lex: Lexicon) -> Referent | None:
    """A possessive in a sentence-opening phrase points forward to the clause's subject:
    "Nach seinem Telefonat mit Putin kehrte Trump zurück" (the first actor not after a preposition)."""
    s = words[i][0]
    for n, c in enumerate(here):
        if c.start <= s or len(c.ref.actors) != 1:
            continue
        # (the words before it in its own phrase: "After their meeting with Zelensky, Macron and Merz ...")
        before = sentence[max(0, c.start - 30):c.start].split(",")[-1].split()
        if any(x.lower() in lex.prepositions for x in before[-2:]):
            continue
        nxt = here[n + 1] if n + 1 < len(here) else None
        if "p" in code and nxt is not None and len(nxt.ref.actors) == 1 and nxt.ref.actors[0] != c.ref.actors[0] \
                and (_PAIR_JOIN.fullmatch(sentence[c.end:nxt.start])
                     or (not c.ref.plural and c.ref.actors[0].kind == "person" and _VERB_BETWEEN.fullmatch(sentence[c.end:nxt.start]))):
            # "After their call, Biden and Netanyahu said ...", "Nach ihrem Treffen erklärten X und Y": a
            # plural possessive points forward to a coordinated pair, or to a subject and its object
            # ("In their first meeting, Modi told Sharif ...": one or two lower-case words between; a person
            # as subject: a group's "their" is its own, "After their talks, Hamas accused Israel ...")
            return Referent((c.ref.actors[0], nxt.ref.actors[0]), True)
        if c.ref.agrees(code):
            return c.ref
    return None


_PAIR_JOIN = re.compile(r"\s*(?:und|and)\s*")
_VERB_BETWEEN = re.compile(r"\s+[a-zäöüß]+(?:\s+[a-zäöüß]+)?\s+")


def _quoted_first_person(sentence: str, words, mentions: list[Hit], lex: Lexicon,
                         last_speaker: Actor | None = None) -> list[Hit]:
    """"Wir werden Kiew nicht im Stich lassen, sagte er." / "We will respond, he said.": the
    first person of the quote is the speaker named (or resolved) in the closing reporting
    clause; a sentence that is a quote of its own ("„Wir geben nicht nach.“") continues the
    last speaker's quote."""
    fp = _FIRST_PERSON.get(lex.language)
    if not fp:
        return []
    tail = _report_tail(sentence)
    if tail:
        spk_pos = tail.start(1) if tail.group(1) else tail.start(2)
        speaker = next((h.actor for h in mentions if h.start == spk_pos and h.actor is not None), None)
        end = tail.start()
    elif last_speaker is not None and sentence.lstrip()[:1] in _OPEN_QUOTES:
        speaker, end = last_speaker, len(sentence)
    else:
        return []
    if speaker is None:
        return []
    out = []
    for s, e, w in words:
        if s >= end:
            break
        what = fp.get(w.lower())
        if what == "person" and speaker.kind == "person":
            out.append(Hit(s, e, w, speaker, speaker.kind, ref="quote"))
        elif what == "country":
            country = _country_actor(speaker)
            if country is not None:
                out.append(Hit(s, e, w, country, country.kind, ref="quote"))
    return out


@lru_cache(maxsize=8)
def _trigger_words(lang: str) -> re.Pattern[str]:
    """A quick test: does the sentence hold any word that can start a resolution (relative
    pronouns only after a comma)?"""
    lex = load_lexicon(lang)
    rel = set(lex.coref.get("relative", {}))
    # (speed: the words as a prefix tree, scan.trie - the same words, tried by first letter)
    alts = [rf"(?<!\w)(?:{scan.trie(_vocabulary(lang) - rel)})(?!\w)"]
    if rel:
        alts.append(rf",\s*(?:{scan.trie(rel)})(?!\w)")
    return re.compile("|".join(alts), re.IGNORECASE)


@lru_cache(maxsize=8)
def _kind_of(lang: str) -> dict[str, str]:
    """Word -> its first kind in the order relative, subject, object, possessive."""
    coref = load_lexicon(lang).coref
    out: dict[str, str] = {}
    for k in ("possessive", "object", "subject", "relative"):      # (later writes win: the first kind last)
        out.update(dict.fromkeys(coref.get(k, {}), k))
    return out


@lru_cache(maxsize=8)
def _vocabulary(lang: str) -> frozenset[str]:
    """Every word that can start a resolution: pronouns, role nouns (first word), first person."""
    lex = load_lexicon(lang)
    words = {w for k in lex.coref.values() for w in k}
    words |= {r.split()[0] for r in lex.role_nouns}
    words |= set(_FIRST_PERSON.get(lang, {}))
    if lang == "de":
        words.add("man")      # the speaker's side in a report (Discourse._reported_man)
    return frozenset(words)


@lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    """Codes a side of a conflict can have: states, and the EU and NATO (not the UN, the AU ...)."""
    from detente.extract.arguments import _states      # (here: arguments -> groups -> this module)
    return _states() | {"EU", "NATO"}


@lru_cache(maxsize=None)
def _country_by_code() -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    for a in load_gazetteer().actors.values():
        if a.kind in ("country", "organisation") and a.country not in out:
            out[a.country] = a
    return out


def _konjunktiv(word: str) -> bool:
    """A Konjunktiv I form next to "man": an auxiliary, or a verb's stem + e, its infinitive
    without the -n ("man unterstütze", "man leiste", "warne man"; not the past "man sagte")."""
    return word in _KONJUNKTIV_I or (word.endswith("e") and len(word) > 3 and lemma(word, "de") == word + "n")


def _country_actor(a: Actor) -> Actor | None:
    return a if a.kind != "person" else _country_by_code().get(a.country)


_MANY = {"three": 3, "four": 4, "five": 5, "drei": 3, "vier": 4, "fünf": 5}     # (also the role phrase's "many" words)


@lru_cache(maxsize=8)
def _role_pattern(lang: str) -> re.Pattern[str] | None:
    lex = load_lexicon(lang)
    if not lex.role_nouns or not lex.articles:
        return None
    # (speed: articles and role nouns as prefix trees, scan.trie - the same words; a case-insensitive
    # alternation is tried branch by branch at every word start)
    return re.compile(rf"(?<!\w)(?i:{scan.trie(lex.articles)})\s+(?:(?P<two>(?i:beiden|both|two))\s+|(?P<many>(?i:{'|'.join(_MANY)}))\s+)?"
                      rf"(?P<key>(?i:{scan.trie(lex.role_nouns)}))(?!\w)")


@lru_cache(maxsize=8)
def _role_starts(lang: str) -> re.Pattern[str]:
    """Where a role phrase can start: a word start whose character opens an article, compared
    without case as the phrase does (scan.finditer_at). Speed (eighth pass): the phrase opens with
    a lookbehind, so the engine tried it at every position of the sentence; at these (~4 per
    sentence) -1% of the instructions per article."""
    firsts = sorted({a[0] for a in load_lexicon(lang).articles if a})
    # (the class first, "not after a word character" behind it: the engine skips ahead to the class)
    return re.compile(rf"(?i:[{''.join(re.escape(c) for c in firsts)}])(?<!\w[\s\S])")

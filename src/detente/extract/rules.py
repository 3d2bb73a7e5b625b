"""Rule-based event coding of one sentence: triggers, arguments, status, date, location.

A deterministic pipeline as recommended by NLP_NOTES §0.3 (no German parser or event model
can be installed offline): tokens with lookup lemmas (simplemma), German separable-verb
particles re-attached at the clause end ("lehnte ... ab" -> ablehnen, NLP_NOTES §3.2),
trigger lexicons from data/lang/*.yaml mapped to PLOVER types (Halterman et al. 2023,
PLOVER manual), source = subject-side actor and target = object/prepositional actor by
position rules over clauses, status from modal/Konjunktiv II/conditional/question/negation
cues (PLOVER's auxiliary modes future, hypothetical, negation).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

try:                     # the regex parser, to read literal anchors of phrase patterns
    import re._parser as _sre_parse
except ImportError:      # Python < 3.11
    import sre_parse as _sre_parse  # type: ignore[no-redef]

import ahocorasick_rs
import simplemma

from detente.extract import actors as actor_mod
from detente.extract import coref
from detente.extract import dates as date_mod
from detente.extract.lexicon import Lexicon, Trigger, load_lexicon

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|[^\w\s]")
_CLAUSE = frozenset({",", ";", ":", "–", "—", "(", ")", "-"})
_COORD = re.compile(r"^\s*(?:,\s*)?(?:und|and|sowie|oder|or|&|,|als auch|wie auch|as well as|sondern auch|but also|noch|nor"
                    r"|along with|together with|zusammen mit|gemeinsam mit)"
                    r"\s*(?:(?:die|der|den|dem|des|the)\s+)?"
                    r"(?:[A-ZÄÖÜ][\w-]*\s+)?$")
# (an article opens an apposition only after a comma: "in Maskat den omanischen Außenminister" is
# a place and then the verb's object, not one mention)
_APPOS = re.compile(r"^\s*(?:,\s*(?:(?:der|die|den|dem|des|the)\s+)?)?$")
_TARGET_PREPS = frozenset({"mit", "gegen", "an", "auf", "gegenüber", "von", "zu", "with", "against", "to", "on",
                           "toward", "towards", "at", "from", "beim", "vom", "zum"})
_BETWEEN = frozenset({"zwischen", "between"})
_IN_PLACE = frozenset({"in", "im"})
# verbs whose zu-/to-infinitive is done by their subject, not by their object (Huddleston &
# Pullum 2002, ch. 14: subject vs. object control)
_SUBJECT_CONTROL = frozenset("versuchen beabsichtigen planen beschließen versprechen geloben ankündigen "
                             "try attempt plan decide promise vow intend seek".split())
_DASHES = frozenset({"–", "—"})
_INVITED_TO = frozenset({"zu", "zum", "zur", "an", "to", "for"})
_MUTUAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_GENITIVE = frozenset({"der", "des", "of", "seitens"})
_CONDITIONALS = frozenset({"wenn", "falls", "sofern", "if", "unless"})
_PUNITIVE = frozenset({"SANCTION", "ASSAULT", "COERCE"})     # acts that, announced on a condition, threaten
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "wurde", "wurden", "worden"})
_AGENT_PREPS = frozenset({"by", "von", "vom", "durch"})
_ARTICLES = frozenset({"the", "der", "dem", "den", "die", "das"})


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    forms: tuple[str, ...]      # lower-case word, lemma, particle+lemma
    clause: int
    word: bool
    subj: bool = False          # a coordinator opening a clause with its own subject ("oder Trump zwingt ...")


@dataclass(slots=True)
class Coded:
    """An event found in a sentence (offsets relative to the sentence)."""
    type: str
    mode: str | None
    source: actor_mod.Actor
    target: actor_mod.Actor | None
    status: str
    date: dt.date | None
    location: str | None
    trigger: str
    trigger_start: int


@lru_cache(maxsize=300_000)
def lemma(word: str, lang: str) -> str:
    try:
        return simplemma.lemmatize(word, lang=lang).lower()
    except (ValueError, KeyError):
        return word.lower()


def _lower(s: str) -> str:
    low = s.lower()
    if len(low) != len(s):           # e.g. 'İ' lowers to two characters: keep offsets exact
        low = "".join(c.lower()[:1] or c for c in s)
    return low


_TOKEN_FORMS: dict[str, dict[str, tuple[str, tuple[str, ...], bool]]] = {}


def tokenize(sentence: str, lex: Lexicon, actors: dict[int, int] | None = None,
             spans: list[tuple[int, int]] | None = None) -> list[Tok]:
    """Tokens with lemmas and clause numbers. `actors` (start -> end of the actor mentions) and
    `spans` (all mentions, places included) let a coordinator open a clause of its own when a
    new subject follows it (`_split_coordinated`)."""
    toks: list[Tok] = []
    clause = 0
    # speed: a token's lower case, forms and word flag depend on its text only: kept per
    # language in one dict (one probe instead of lower(), isalnum() and the lemma cache per token)
    known = _TOKEN_FORMS.setdefault(lex.language, {})
    if len(known) > 300_000:
        known.clear()
    clause_words = lex.clause_words
    for m in _TOKEN.finditer(sentence):
        t = m.group()
        s, e = m.span()
        if t in _CLAUSE and not (t == "-" and toks and toks[-1].end == s and toks[-1].word):
            # (a hyphen attached to the word before is an elision, "Staats- und Regierungschefs",
            # "Öl- und Gasexporte": no clause break)
            clause += 1
            toks.append(Tok(s, e, t, t, (t,), clause, False))
            continue
        got = known.get(t)
        if got is None:
            w = t[0].isalnum()
            low = t.lower()
            got = known[t] = (low, (low, lemma(t, lex.language)) if w else (low,), w)
        low = got[0]
        if low in clause_words and toks and toks[-1].word:
            clause += 1          # a subordinator opens a clause (unless a comma just did)
        toks.append(Tok(s, e, t, low, got[1], clause, got[2]))
    if actors:
        _split_coordinated(toks, actors, spans or [], lex)
    if lex.particles:
        _attach_particles(toks, lex)
    return toks


_CLAUSE_COORDINATORS = frozenset({"und", "oder", "aber", "sondern", "and", "or", "but"})
_SUBJECT_DETS = frozenset({"der", "die", "das", "den", "dem", "des", "the", "a", "an"})


def _split_coordinated(toks: list[Tok], actors: dict[int, int], spans: list[tuple[int, int]], lex: Lexicon) -> None:
    """Coordinated clauses with their own subjects ("entweder Putin friert die Front ein oder
    Trump zwingt Selenskyj ...", "Israel halts the strikes or Biden forces Netanyahu ..."): a
    coordinator after a word that names no actor, followed by an actor acting as a subject, opens
    a clause, so each trigger takes the arguments of its own conjunct (Huddleston & Pullum 2002,
    ch. 15: clause coordination). Marks the coordinator `subj`, also after a comma (", und die USA
    drohten ..."). A coordinator right after an actor joins actors ("Putin und Trump")."""
    cuts = []
    n = len(toks)
    for i in range(1, n):
        t = toks[i]
        if t.low not in _CLAUSE_COORDINATORS:
            if (t.low == "," or t.low == ";") and i + 1 < n and toks[i + 1].start in actors \
                    and toks[i - 1].word and not any(a <= toks[i - 1].start < b for a, b in spans) \
                    and _own_subject(toks, i + 1, actors, lex, True, True):
                # asyndetic coordination: "Russia rejected the plan; Ukraine accepted it", "Russland
                # lehnte ab, Kiew stimmte zu" (a name right after the comma, so no relative pronoun;
                # not after a name: "Putin, Trump agree to meet" lists the two)
                t.subj = True
            continue
        prev = toks[i - 1]
        k = i
        while k and toks[k - 1].clause == t.clause:
            k -= 1
        opener = toks[k].low if toks[k].word else (toks[k + 1].low if k + 1 < len(toks) else "")
        if opener in lex.clause_words:
            continue       # (a subordinate clause keeps its conjuncts: with the verb last, "dass X ... und Y
            #               ..." gives no reliable sign of a subject of its own)
        after_object = False
        pw = prev if prev.word else (toks[i - 2] if i >= 2 and prev.text == "," and toks[i - 2].word else None)
        if pw is not None and any(a <= pw.start < b for a, b in spans):
            # "Russia attacked Kyiv and Ukraine struck ...": after an actor that is a verb's object
            # (a verb, not a preposition or article, right before it), a new subject with its
            # own finite verb right after it still opens a clause; otherwise the actors are
            # coordinated ("France, Germany, and Britain condemned"). German verb-second order
            # leaves "traf Putin und Selenskyj ..." ambiguous, but ", und" never joins list items there
            if lex.language == "de":
                if prev.word:
                    continue
            else:
                k0 = next((j for j in range(i - 1, -1, -1) if toks[j].start in actors), None)
                if k0 is None or not any(a <= pw.start < b for a, b in actors.items() if a == toks[k0].start):
                    continue
                while k0 and toks[k0 - 1].low in _SUBJECT_DETS:
                    k0 -= 1
                verb = toks[k0 - 1] if k0 else None
                if verb is None or not verb.word or not verb.text[:1].islower() or verb.low in _CLAUSE_COORDINATORS \
                        or verb.low in _BETWEEN or verb.low in ("mit", "with") and not _says(toks, i + 1, actors, lex):
                    continue      # ("talks with Iran and the US resumed"; but "spoke with Putin and Zelensky said")
                if verb.low in lex.prepositions and not _says(toks, i + 1, actors, lex) and not any(
                        toks[j].word and toks[j].text[:1].islower() and (toks[j].low in lex.finite_aux or toks[j].low.endswith("ed")
                                                                         or _match(lex.language, toks[j].forms) is not None)
                        for j in range(k0) if toks[j].clause == t.clause):
                    continue      # a phrase with no verb before it belongs to the subject ("Officials in Kyiv and Moscow accused ...")
                after_object = True
        if not _own_subject(toks, i + 1, actors, lex, after_object):
            continue
        t.subj = True
        if prev.word:
            cuts.append(i)
    if cuts:
        shift, nxt = 0, 0
        for i, t in enumerate(toks):
            if nxt < len(cuts) and i == cuts[nxt]:
                shift += 1
                nxt += 1
            t.clause += shift


def _says(toks: list[Tok], j: int, actors: dict[int, int], lex: Lexicon) -> bool:
    """Is the actor at token j (after an optional article) followed at once by a verb of saying?"""
    if j < len(toks) and toks[j].low in _SUBJECT_DETS:
        j += 1
    if j >= len(toks) or toks[j].start not in actors:
        return False
    end = actors[toks[j].start]
    k = next((m for m in range(j, len(toks)) if toks[m].start >= end), len(toks))
    return k < len(toks) and toks[k].low in lex.speech_verbs


def _own_subject(toks: list[Tok], j: int, actors: dict[int, int], lex: Lexicon, adjacent: bool = False,
                 strict: bool = False) -> bool:
    """Is the actor at token j (after an optional article) the subject of a verb of its own? A
    finite verb or auxiliary right after it (German verb second: "und die USA verhängten ...";
    English: "or Biden forces ..."), or (German verb-final conjunct) a second actor before the
    verb: "oder Trump Selenskyj dazu zwingen müssen". Not an object coordinated into a shared
    verb phrase: "will Putin treffen und Selenskyj anrufen", "talks with officials and Putin"."""
    if j < len(toks) and toks[j].low in _SUBJECT_DETS:
        j += 1
    if j >= len(toks) or toks[j].start not in actors:
        return False
    end = actors[toks[j].start]
    k = j
    while k < len(toks) and toks[k].start < end:
        k += 1
    second = False
    for m in range(k, min(len(toks), k + 12)):
        x = toks[m]
        if not x.word:
            if x.text in _CLAUSE:
                return False
            continue
        if x.start in actors:
            second = True
            continue
        verb = x.low in lex.finite_aux or (x.text[:1].islower() and _match(lex.language, x.forms) is not None)
        if lex.language != "de":
            if verb or m == k and x.text[:1].islower() and x.low.endswith(("ed", "es", "ts", "ds", "ns", "ks")):
                return True       # (an English finite verb by its ending: "Biden forces", "Tehran warned")
            if m - k >= 1 or adjacent:
                return False      # English subject-verb order: the verb within two words (right after, after an object)
            continue
        if m == k and not verb and x.text[:1].islower() and x.low not in _ARTICLES and x.low not in lex.prepositions \
                and x.low not in _NOT_VERBS_DE and x.low.endswith(("te", "ten") if strict else ("t", "te", "ten", "en")) \
                and not x.low.startswith(("da", "wo", "hier")) and m + 1 < len(toks) and toks[m + 1].word \
                and not any(toks[y].low == "zu" and toks[y + 1].word and toks[y + 1].text[:1].islower()
                            for y in range(m + 1, _clause_end(toks, m) - 1)):
            verb = True       # verb second: a finite form right after the subject ("oder Washington verhängt ...")
        if verb and (second and not strict or m == k and (x.low in lex.finite_aux or m + 1 < len(toks) and toks[m + 1].word
                                                          or not x.low.endswith("en"))):
            return True
        if verb:
            return False
    return False


@lru_cache(maxsize=8)
def _ultimatum_pattern(lang: str) -> re.Pattern[str]:
    """The penalty phrases of `clauses: ultimatum` as one alternation (one search per sentence)."""
    return re.compile("|".join(re.escape(p) for p in load_lexicon(lang).ultimatum) or r"(?!x)x")


_EITHER = frozenset({"entweder", "either"})
_EACH_OTHER = frozenset({"einander", "gegenseitig"})


def _each_other(clause_toks: list[Tok]) -> bool:
    """A reciprocal in the clause: "einander", "gegenseitig", "each other", "one another"."""
    return any(t.low in _EACH_OTHER or (t.low in ("each", "one") and i + 1 < len(clause_toks)
                                        and clause_toks[i + 1].low in ("other", "another"))
               for i, t in enumerate(clause_toks))


def _clause_end(toks: list[Tok], i: int) -> int:
    """Index of the first punctuation token after i (or the end)."""
    return next((j for j in range(i, len(toks)) if not toks[j].word), len(toks))


# German words that may follow a coordinated subject without being its verb
_NOT_VERBS_DE = frozenset("auch selbst noch jedoch aber dagegen hingegen wiederum dann zudem also sowie nicht nur "
                          "bzw oder und sowohl einerseits andererseits ebenfalls".split())


def _attach_particles(toks: list[Tok], lex: Lexicon) -> None:
    """German separable verbs: a particle closing a clause joins the clause's lower-case verbs."""
    by_clause: dict[int, list[int]] = {}
    for i, t in enumerate(toks):
        by_clause.setdefault(t.clause, []).append(i)
    for idxs in by_clause.values():
        words = [i for i in idxs if toks[i].word]
        if len(words) < 2:
            continue
        last = toks[words[-1]]
        if last.low not in lex.particles:
            continue
        # the particle must close the clause (only punctuation after it)
        for i in words[:-1]:
            t = toks[i]
            if t.text[:1].islower():
                t.forms = t.forms + (last.low + t.forms[1], last.low + t.low)


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
    rows = [(t, p, _anchors(p.pattern)) for t in load_lexicon(lang).triggers for p in t.phrases]
    present = _Present(sorted({x for _, _, a in rows if a for group in a for x in group}))
    return tuple((t, p, _AnchorTest(tuple(frozenset(g) for g in a), present) if a else None) for t, p, a in rows)


@lru_cache(maxsize=8)
def _phrase_index(lang: str):
    """The phrase table indexed by anchor: (rows without their tests, rows with no anchors,
    anchor -> rows having it in their first group, each row's further groups, the anchor finder)."""
    rows = _phrase_table(lang)
    by_anchor: dict[str, list[int]] = {}
    for n, (_, _, test) in enumerate(rows):
        for x in test._groups[0] if test is not None else ():
            by_anchor.setdefault(x, []).append(n)
    present = next((test._present for _, _, test in rows if test is not None), None)
    return (tuple((t, p, None) for t, p, _ in rows), frozenset(n for n, r in enumerate(rows) if r[2] is None),
            by_anchor, tuple(test._groups[1:] if test is not None else () for _, _, test in rows), present)


def _phrase_candidates(lang: str, low: str) -> list[tuple[Trigger, re.Pattern[str], None]]:
    """The phrases (in table order) whose anchors all occur in the sentence: the only ones that
    can match. Speed: looked up from the anchors found instead of a test per phrase (~80 per
    sentence; those calls were ~5% of extraction)."""
    plain, always, by_anchor, more, present = _phrase_index(lang)
    got = present(low) if present is not None else frozenset()
    ids = set(always)
    for x in got:
        ids.update(by_anchor.get(x, ()))
    return [plain[n] for n in sorted(ids) if all(not got.isdisjoint(g) for g in more[n])]


class _Present:
    """The anchors occurring in a sentence, found in one Aho-Corasick pass (Aho & Corasick
    1975, CACM 18(6)) and kept for the last sentence. Speed: one regex alternation searched per
    phrase (~60 per sentence) cost ~7% of extraction; this pass plus a set test per phrase ~2%."""
    __slots__ = ("_ac", "_low", "_got")

    def __init__(self, vocab: list[str]) -> None:
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


@dataclass(slots=True)
class _Group:
    """Coordinated mentions ("Putin und Trump", "Frankreich, Großbritannien und Polen")."""
    actors: list[actor_mod.Actor]
    start: int
    end: int
    first_tok: int
    clause: int
    last_tok: int
    adj: bool
    poss: bool = False      # a possessive resolved by coreference ("seinem Treffen", "his call")
    coll: bool = False      # a group noun ("russische Beamte", "Iranian officials") its members may replace


def _groups(hits: list[actor_mod.Hit], sentence: str, toks: list[Tok]) -> list[_Group]:
    out: list[_Group] = []
    plural = actor_mod.load_gazetteer().plural_aliases
    tok_at = {t.start: i for i, t in enumerate(toks)}
    for h in hits:
        if h.actor is None:
            continue
        ti = tok_at.get(h.start)
        if ti is None:   # mention starts inside a token (compound): find it
            ti = next((i for i, t in enumerate(toks) if t.start <= h.start < t.end), 0)
        if out and h.start == out[-1].start:
            out[-1].actors.append(h.actor)       # one pronoun for several actors ("sie" = France and Poland)
            continue
        if out:
            g = out[-1]
            between = sentence[g.end:h.start]
            last = next((i for i in range(ti, len(toks)) if toks[i].end >= h.end), ti)
            if any(toks[j].subj for j in range(g.last_tok + 1, ti)):
                between = "|"      # a coordinator opening a clause of its own: no list ("attacked Kyiv and Ukraine struck")
            if h.actor in g.actors and h.ref is None and (_APPOS.match(between) or _COORD.match(between)):
                g.end, g.last_tok = h.end, last
                g.adj = g.adj and h.kind == "adjective"
                continue
            if g.coll and h.kind == "person" and h.ref is None and h.actor.country == g.actors[0].country \
                    and coref.MEMBERS.match(between):
                # "russische Beamte – Außenminister Lawrow, Sprecher Peskow und ... –", "Iranian
                # officials, including Foreign Minister Araghchi, ...": the members named in
                # apposition are the actors (the gold codes one event per member)
                g.actors, g.end, g.last_tok, g.coll = [h.actor], h.end, last, False
                continue
            if g.coll and h.ref is None and h.kind in ("country", "person") and (
                    coref.GENITIVE_OF.match(between) or not between.strip() and h.text.endswith("s")):
                # "die Staats- und Regierungschefs Frankreichs, Deutschlands und ...", "the leaders of
                # France, Germany and ...": a group noun with its members in the genitive
                g.actors, g.end, g.last_tok, g.coll = [h.actor], h.end, last, False
                continue
            if _COORD.match(between) and (h.kind == "adjective") == g.adj and not (h.ref and h.actor in g.actors) \
                    and h.ref != "possessive" and not g.poss and not coref.clause_coord(between, len(g.actors)):
                g.actors.append(h.actor)
                g.end, g.last_tok = h.end, last
                continue
        last = next((i for i in range(ti, len(toks)) if toks[i].end >= h.end), ti)
        out.append(_Group([h.actor], h.start, h.end, ti, toks[ti].clause, last, h.kind == "adjective",
                          h.ref == "possessive", h.kind == "collective" or h.kind == "organisation" and h.text in plural))
    for g in [g for g in out if g.first_tok >= 2]:
        k = g.first_tok - 1
        while k > 1 and toks[k].low in _ARTICLES:
            k -= 1
        if (toks[k - 1].low, toks[k].low) in _COMITATIVE:
            # "Merz traf sich gemeinsam mit Macron mit Selenskyj", "met Putin together with Rubio":
            # the companion acts with the clause's subject
            subj = next((x for x in out if x is not g and x.clause == g.clause and x.first_tok < k - 1 and not x.adj
                         and not _right_after_prep(toks, x.first_tok)), None)
            if subj is not None:
                subj.actors.extend(a for a in g.actors if a not in subj.actors)
                out.remove(g)
    return out


_COMITATIVE = frozenset({("gemeinsam", "mit"), ("zusammen", "mit"), ("together", "with"), ("along", "with")})


def _has(forms_window: list[Tok], words: frozenset[str]) -> bool:
    return any(f in words for t in forms_window for f in t.forms)


def _cue(t: Tok) -> tuple[str, ...]:
    """Forms a status cue is looked up by: the word and particle compositions, not the bare
    lemma ("wurde" is no future "werden", "sagte ... ab" is "absagen")."""
    return (t.forms[0],) + t.forms[2:]


_NOT_ONLY = frozenset({"nur", "bloß", "allein", "zuletzt", "only", "just", "merely", "least"})


def _negated(window: list[Tok], lex: Lexicon) -> bool:
    """A negation in the window, not counting "nicht nur" / "not only" / "nicht zuletzt" (additive, not negating)."""
    for i, t in enumerate(window):
        if t.low in lex.negation and not (i + 1 < len(window) and window[i + 1].low in _NOT_ONLY):
            return True
    return False


def _cue_set(toks: list[Tok]) -> frozenset[str]:
    """All cue forms of a sentence, computed once per token list (a quick test before the scans)."""
    key = id(toks)
    hit = _CUE_CACHE.get(key)
    if hit is not None and hit[0] is toks:
        return hit[1]
    out = frozenset(f for t in toks for f in _cue(t))
    _CUE_CACHE.clear()
    _CUE_CACHE[key] = (toks, out)
    return out


_CUE_CACHE: dict[int, tuple[list[Tok], frozenset[str]]] = {}


def _has_cue(window: list[Tok], words: frozenset[str]) -> bool:
    return any(f in words for t in window for f in _cue(t))


def _status(lex: Lexicon, toks: list[Tok], clause: int, sentence_low: str, sentence: str, ti: int = -1,
            kinds: dict[int, str] | None = None) -> str:
    """Status of an event whose trigger is in `clause`: denial and cancellation cues within a
    clause of the trigger (a negated cancellation, "nicht verschoben", means planned), then
    hypothetical cues (modals, Konjunktiv II, conditionals, questions), then future cues."""
    cues = _cue_set(toks)
    denied, cancelled = lex.status_words.get("denied", frozenset()), lex.status_words.get("cancelled", frozenset())
    if cues & denied and cues & cancelled:
        return "planned"        # a cancellation denied ("reports of a postponement are rumours")
    for st in ("denied", "cancelled"):
        words = denied if st == "denied" else cancelled
        for i, t in enumerate(toks if cues & words else ()):
            if abs(t.clause - clause) <= 1 and any(f in words for f in _cue(t)):
                if st == "cancelled" and any(toks[j].low in lex.negation for j in range(max(0, i - 2), i)):
                    return "planned"
                return st
        if any(p.search(sentence_low) for p in lex.status_phrases.get(st, ())):
            return st
    first = next((t for t in toks if t.word), None)
    if any(p.match(sentence_low) for p in lex.status_phrases.get("hypothetical", ())):
        return "hypothetical"       # "Denkbar wäre, dass ...": the author's scenario, every clause of it
    hyp = lex.status_words.get("hypothetical", frozenset())
    own = [t for t in toks if t.clause == clause]
    if kinds is None:
        kinds = clause_kinds(toks, lex)
    factual = any(t.low in lex.factual_aux for t in own) and not _has_cue(own, hyp - _CONDITIONALS)
    # cues scope over their own clause; a complement clause ("dass ...", "ob ...", a
    # zu-infinitive, "..., er werde ...") also takes those of the clause governing it. A
    # relative or adverbial clause neither lends its modals to the main clause nor takes
    # the main clause's (Huddleston & Pullum 2002, ch. 11-12: complement vs. adjunct and
    # relative clauses). A modal in the clause after the trigger's belongs to that clause
    # ("betonte beim Treffen, dass sie ... benötigen würden"); a conditional there still
    # scopes back ("..., wenn ..."). A pluperfect indicative ("wenn Putin ... abgelehnt
    # hatte") states a fact whatever governs it.
    gov = _governor(toks, clause, kinds) if kinds.get(clause) == "comp" else None
    if gov is not None and lex.factive and _has([t for t in toks if t.clause == gov], lex.factive):
        # "bemerken, dass ...", "die Erkenntnis, dass ...", "knows that ...": a factive governor
        # presupposes its complement; its own modals and conditions do not reach into it
        # (Kiparsky & Kiparsky 1970, "Fact")
        gov = None
    scope = own + ([t for t in toks if t.clause == gov] if gov is not None else [])
    if clause >= 2 and own and own[0].text in _DASHES:
        opened = [t for t in toks if t.clause == clause - 1]
        if opened and opened[0].text in _DASHES and not any(t.text in ",;:" for t in opened):
            # "sollen X und Y die Agenda für dieses – seit ... – zweite Treffen ausarbeiten": a clause
            # resumed after a parenthesis between dashes keeps the cues of its first part
            scope = scope + [t for t in toks if t.clause == clause - 2]
    if factual:
        scope = [t for t in own if t.low not in _CONDITIONALS]
    backshift = False
    if lex.backshift_modals and any(t.low in lex.backshift_modals for t in own) \
            and not any(t.low in _CONDITIONALS for t in toks) and not _negated(own, lex):
        # "He said Washington would impose tariffs": a reported "will", not a conditional "would"
        # ("would not meet Putin without ..." keeps its condition: negated ones are left alone)
        mod = next(t for t in own if t.low in lex.backshift_modals)
        said = [t for t in own if t.start < mod.start] + ([t for t in toks if t.clause == gov] if gov is not None else [])
        if lex.language == "en" and kinds.get(clause) == "comp" and kinds.get(clause - 1) == "adv":
            said += [t for t in toks if t.clause == clause - 1]   # "When Trump announced that he would meet ..."
        if _has(said, lex.backshift_verbs):
            rest = [t for t in scope if t.low not in lex.backshift_modals]
            backshift = not _has_cue(rest, hyp)
            if backshift:
                scope = rest
    if _has_cue(scope, hyp) or (not factual and kinds.get(clause + 1) == "cond"):
        return "hypothetical"
    if gov is not None and kinds.get(clause) == "comp" and ti >= 0 and _governed_by_act(toks, gov, lex, len(toks)):
        return "hypothetical"      # the content of a demand, threat or promise has not happened
    if ti > 0 and (toks[ti - 1].low in ("to", "zu") or lex.language == "en" and _to_before(toks, ti)) \
            and _governed_by_act(toks, clause, lex, ti):
        return "hypothetical"      # "promised to send", "urged ... to meet" within one clause
    # an attributive "mögliche(s)" / "possible" makes only the noun it qualifies hypothetical
    attr = lex.hypothetical_attributive
    if ti > 0 and (toks[ti - 1].low in attr or (ti > 1 and toks[ti - 2].low in attr and toks[ti - 1].text[:1].islower()
                                                 and toks[ti].text[:1].isupper())):
        return "hypothetical"
    # an open question about what will happen ("Wann wird ...?", "Will they ...?"); rhetorical
    # questions about what happened ("Ist es nicht so, dass ...?") keep their status
    if first is not None and first.low in lex.question_openers and sentence.rstrip().rstrip("“”\"»«'").endswith("?"):
        return "hypothetical"
    if first is not None and first.low in lex.conditional_openers and not factual:
        return "hypothetical"
    if own and any(p.search(sentence_low, own[0].start, own[-1].end) for p in lex.status_phrases.get("planned", ())):
        return "planned"            # "next week", "next round": a time ahead named in the clause
    if lex.language == "en" and ti > 1 and toks[ti - 1].low == "to" and toks[ti - 2].text[:1].isupper() and all(
            not t.word or t.text[:1].isupper() or t.low == "and" for t in own if t.start < toks[ti - 1].start):
        return "planned"            # headline future: "Netanyahu, Trump to meet on Monday"
    if backshift or _has_cue(scope, lex.status_words.get("planned", frozenset())):
        return "planned"
    if lex.content_nouns and ti > 1 and toks[ti - 1].low in ("to", "zu"):
        st = _content_of(toks, ti, lex)
        if st is not None:
            return st           # "die Entscheidung, sich mit X zu treffen", "the possibility of ... to"
    return "occurred"


def _to_before(toks: list[Tok], ti: int) -> bool:
    """English "to" + verb + modifiers before an act noun ("urged them to start direct talks")."""
    if toks[ti].low.endswith(("ing", "ed")):
        return False     # "to keep arming": a verb form, its own infinitive rules apply
    for k in range(ti - 1, max(-1, ti - 5), -1):
        if toks[k].low == "to":
            return k < ti - 1
        if not toks[k].word or not toks[k].text[:1].islower():
            return False
    return False


def _governed_by(toks: list[Tok], clause: int, kinds: dict[int, str], words: frozenset[str]) -> bool:
    """Does the clause governing this complement clause hold one of the words?"""
    gov = _governor(toks, clause, kinds)
    return gov is not None and _has([t for t in toks if t.clause == gov], words)


def _failed(toks: list[Tok], ti: int, clause: int, inf_clauses: set[int], kinds: dict[int, str], lex: Lexicon) -> bool:
    """Is the act at ti the infinitive content of a failure ("scheiterte daran, ... zu", "failed
    to") or of a negated success ("es gelang ihm nicht, ... zu", "did not manage to")? These
    implicative verbs entail that their content did not happen (Karttunen 1971)."""
    if clause in inf_clauses:
        gov = _governor(toks, clause, kinds)
        # (an infinitive right after an adverbial or relative clause depends on it: "als es ihm
        # nicht gelang, sich mit X zu einigen"; _governor skips such clauses)
        window = [t for t in toks if t.clause == gov or (t.clause == clause - 1 and kinds.get(clause - 1) in ("adv", "rel"))] \
            if gov is not None else []
    elif ti > 0 and toks[ti - 1].low in ("zu", "to") or lex.language == "en":
        window = [t for t in toks[:ti] if t.clause == clause]
    else:
        return False
    if not window:
        return False
    if _has(window, lex.failure):
        return True
    return _has(window, lex.success) and _negated(window, lex)


def _content_of(toks: list[Tok], ti: int, lex: Lexicon) -> str | None:
    """The status an infinitive at ti takes from a content noun before it ("die Entscheidung
    Trumps, sich in Rom mit X zu treffen": planned; "die Möglichkeit, Raketen zu liefern":
    hypothetical). Appositions ("mit dem Präsidenten, Putin, zu treffen") may cut the stretch
    into several clauses, so look back over up to 25 tokens, stopping at a finite clause
    opener (dass, that, weil, ...)."""
    for j in range(ti - 2, max(-1, ti - 26), -1):
        t = toks[j]
        st = lex.content_nouns.get(t.low)
        if st is not None:
            return st
        if t.low in lex.complementizers or t.low in lex.adverbial_openers or t.low in (";", ":"):
            return None
    return None


def clause_kinds(toks: list[Tok], lex: Lexicon) -> dict[int, str]:
    """Kind of each clause: comp (complement: "dass", "ob", "that", a zu-infinitive, or a
    clause after a verb of saying without complementizer), rel (relative), cond, adv
    (adverbial: "nachdem", "weil", "because"), or main. Cheap cues standing in for a parser."""
    by: dict[int, list[Tok]] = {}
    for t in toks:
        by.setdefault(t.clause, []).append(t)
    out: dict[int, str] = {}
    prev_last: Tok | None = None
    for c in sorted(by):
        ws = [t for t in by[c] if t.word]
        while ws and ws[0].low in _COORDINATORS:
            ws = ws[1:]
        kind = "main"
        coordinated = len(ws) < len([t for t in by[c] if t.word])
        if ws:
            f = ws[0].low
            if f in lex.conditional_openers and (f not in _V1_CONDITIONALS or _verb_first_condition(toks, by, c, ws, lex)):
                kind = "cond"
            elif (f == "dass" and prev_last is not None and prev_last.low in ("fall", "falle")) \
                    or (f == "in" and len(ws) > 2 and ws[1].low == "case"):
                kind = "cond"              # "Für den Fall, dass ...", "In case Iran attacks, ..."
            elif f in lex.complementizers or _infinitive(ws, lex):
                kind = "comp"
            elif (f in lex.relative_words and not coordinated) \
                    or (len(ws) > 1 and f in _TARGET_PREPS | _AGENT_PREPS and ws[1].low in lex.relative_words):
                # (", und der russische Geheimdienst enthüllte ...": after a coordinator "der" is an article)
                kind = "rel" if c > 0 else "main"
            elif f in lex.adverbial_openers and not (lex.language == "de" and f in _V2_ADVERBS and len(ws) > 1
                                                      and ws[1].text[:1].islower() and ws[1].low not in _ARTICLES):
                kind = "adv"               # ("Da waren seine Versprechen ...": adverb + finite verb, a main clause)
            elif c > 0 and prev_last is not None and prev_last.low in lex.speech_verbs:
                kind = "comp"              # "Trump sagte, er werde ..." / "Putin hoffe, ..."
            elif coordinated and lex.language == "de" and ws[-1].text[:1].islower() and ws[-1].low.endswith(("en", "rn", "ln")) \
                    and not any(t.low in _SUBJECT_PRONOUNS for t in ws):
                kind = "comp"              # "... sprechen müssen – und dies mit Druck untermauern": shares the modal
        first = by[c][0]
        if first.subj and c - 1 in out and first.low in _COORDINATORS:
            # a conjunct split off by `_split_coordinated` continues the clause it was cut from
            # ("wenn X zustimmt und Y ... liefert": both conditional)
            kind = out[c - 1]
        out[c] = kind
        if ws:
            prev_last = ws[-1]
    return out


_COORDINATORS = frozenset({"und", "oder", "aber", "doch", "sondern", "and", "or", "but"})
_V1_CONDITIONALS = frozenset({"sollte", "sollten", "should"})
# the finite verb (or "dann"/"then") that opens the main clause after a fronted condition ("..., würden die USA ...")
_AFTER_CONDITION = frozenset({"werde", "werden", "wird", "würde", "würden", "dann", "so", "müsse", "müssten", "müsste",
                              "könnte", "könnten", "wolle", "wollen", "drohen", "droht", "then"})


def _verb_first_condition(toks: list[Tok], by: dict[int, list[Tok]], c: int, ws: list[Tok], lex: Lexicon) -> bool:
    """Is the clause opened by "sollte"/"should" a condition ("Sollte Russland nicht zustimmen,
    würden die USA ...", "Should Russia refuse, the US will ...")? The verb-first conditional
    (Duden-Grammatik 2016, §1614; Huddleston & Pullum 2002, ch. 11 §4.2 "inverted conditionals")
    is followed by its main clause; a deontic "sollte" after a subject or a question is not."""
    nxt = by.get(c + 1)
    if len(ws) < 3 or toks[-1].text == "?" or not ws[1].text[:1].isupper() and ws[1].low not in _SUBJECT_DETS:
        return False
    if not nxt or nxt[0].text == "," and len(nxt) > 1 and nxt[1].low in lex.speech_verbs:
        # after its main clause: "Die USA würden Zölle verhängen, sollte Russland nicht zustimmen(, sagte X)."
        return c > 0 and any(t.low in _WILL for t in by.get(c - 1, ()))
    first = next((t for t in nxt if t.word), None)
    if first is None:
        return False
    if c == 0 or first.low in _AFTER_CONDITION:
        return True
    return False


# German subordinators that are also adverbs: followed at once by the finite verb they open a
# main clause ("Da waren ...", "Als Nächstes ..." is a noun, "Seitdem ist ..."), as a
# subordinator the verb comes last ("da er ... war")
_V2_ADVERBS = frozenset({"da", "seitdem", "während", "seit"})
_SUBJECT_PRONOUNS = frozenset({"er", "sie", "es", "wir", "ich", "man"})


def _infinitive(ws: list[Tok], lex: Lexicon) -> bool:
    """A zu-infinitive clause ("..., Putin in Budapest zu treffen"; "um ... zu"); English
    "to" + verb opening the clause ("..., to meet Putin")."""
    if lex.language == "de":
        last = ws[-1]
        if last.text[:1].islower() and _zu_infix(lex.language).match(last.low):
            return True            # the particle verbs take "zu" inside: "abzuziehen", "einzustellen"
        return any(ws[i].low == "zu" and ws[i + 1].text[:1].islower() for i in range(len(ws) - 1)) \
            and (last.text[:1].islower() or ws[0].low == "um")
    return len(ws) > 1 and ws[0].low == "to"


@lru_cache(maxsize=8)
def _zu_infix(lang: str) -> re.Pattern[str]:
    parts = "|".join(sorted(load_lexicon(lang).particles, key=len, reverse=True))
    return re.compile(rf"^(?:{parts})zu\w{{3,}}$")


# the future of a stated refusal ("would not", "werde nicht"); "did not meet" is no refusal
_WILL = frozenset({"would", "will", "wo", "werde", "werden", "wird", "würde", "würden"})
# words that make a refusal to talk conditional ("would not meet Putin without a clear outcome")
_CONDITION_WORDS = frozenset({"without", "unless", "if", "until", "ohne", "sofern", "falls", "wenn", "solange", "bevor"})


def _stated_refusal(toks: list[Tok], ti: int, clause: int, kinds: dict[int, str], lex: Lexicon,
                    clause_toks: list[Tok], groups: list[_Group]) -> set[str]:
    """Countries of the speaker when the talk at ti is refused in a reported statement ("X said
    Tehran would not negotiate with Washington", "X sagte, Iran werde nicht mit den USA
    verhandeln"); empty when it is not. The refusal was stated, so it is a REJECT that occurred
    (PLOVER REJECT: refuse to negotiate); one on a condition ("without", "unless") or a guess
    ("might not") stays hypothetical."""
    if not (_has(toks[max(0, ti - 5):ti], lex.negation) and any(t.low in _WILL for t in toks[max(0, ti - 6):ti])):
        return set()
    if kinds.get(clause + 1) == "cond" or any(t.low in _CONDITION_WORDS - {"until"} for t in toks if t.clause >= clause):
        return set()
    if lex.speculative and _has(clause_toks, lex.speculative):
        return set()
    if kinds.get(clause) == "comp" and _governed_by(toks, clause, kinds, lex.speech_verbs):
        gov = _governor(toks, clause, kinds)
        return {a.country for g in groups if g.clause == gov for a in g.actors}
    # English without a comma: "the minister said Tehran would not ..." in one clause
    sv = next((j for j in range(ti) if toks[j].clause == clause and toks[j].low in lex.speech_verbs), None)
    if sv is None:
        return set()
    return {a.country for g in groups if g.clause == clause and g.last_tok < sv for a in g.actors}


# words that make a one-sided act of a coordinated pair mutual ("lieferten sich Gefechte", "attacked each other")
_RECIPROCAL_WORDS = frozenset({"sich", "einander", "gegenseitig", "other", "another", "themselves"})
_RECIPROCAL = frozenset({"exchanged", "exchanging", "traded", "trading"})
# a refusal "until" something happens is stated now, not conditional on it
_UNTIL = frozenset({"until", "bevor"})
# present "trade"/"exchange" (headlines) only before these hostile nouns ("trade accusations", not "trade sanctions")
_RECIPROCAL_NOUNS = frozenset({"accusations", "threats", "insults", "barbs", "blows", "strikes", "fire", "warnings"})


def _reciprocal(toks: list[Tok], ti: int) -> bool:
    """"India and Pakistan traded fire", "Israel and Hamas exchanged accusations": each side did
    it to the other, so the act runs both ways (a phrase trigger may start at the verb itself)."""
    if toks[ti].low in _RECIPROCAL or toks[ti].low in ("trade", "trades", "exchange", "exchanges"):
        return True
    return any(toks[j].low in _RECIPROCAL or (toks[j].low in ("trade", "trades", "exchange", "exchanges")
                                              and toks[ti].low in _RECIPROCAL_NOUNS) for j in range(max(0, ti - 2), ti))


# verbs whose particle "over" is no preposition ("handed over", "took over")
_OVER_VERBS = frozenset("hand hands handed handing take takes took taken taking turn turns turned turning win won pass passed "
                        "fight fought fighting".split())


def _over_cause(toks: list[Tok], ti: int) -> bool:
    """Is the trigger at ti the noun of an "over ..." phrase naming a cause ("protested over the
    incursion", "sanctions over coast guard incursions"), with no name between?"""
    for j in range(ti - 1, max(-1, ti - 5), -1):
        t = toks[j]
        if t.low == "over":
            return j > 0 and toks[j - 1].low not in _OVER_VERBS
        if not t.word or t.text[:1].isupper():
            return False
    return False


_EN_OPENERS = frozenset("and but or nor because although though whereas".split())


def _continues(toks: list[Tok], clause: int) -> bool:
    """Does an English clause continue the one before (a participle, an apposition, a phrase after
    a comma) rather than open a clause of its own with a coordinator or subordinator?"""
    first = next((t for t in toks if t.clause == clause and t.word), None)
    return first is not None and first.low not in _EN_OPENERS


def _own_objects(pairs, found, groups: list[_Group], toks: list[Tok], ti: int):
    """English coordinated verbs share their subject, not their objects ("Aoun condemned the attacks
    and called on the United States ...": the United States are called on, not condemned): a
    party named only after the next "and/but" + verb of the clause is not this verb's target."""
    c = toks[ti].clause
    nxt = next((j for j, _, _, _ in found if j > ti + 1 and toks[j].clause == c and toks[j - 1].low in ("and", "but")
                and toks[j].text[:1].islower()), None)
    if nxt is None:
        return pairs
    own = {a.name for g in groups if ti < g.first_tok < nxt for a in g.actors}
    late = {a.name for g in groups if g.first_tok > nxt for a in g.actors} - own
    return list(dict.fromkeys((a, None if b is not None and b.name in late else b) for a, b in pairs))


_SETTING_PREPS = frozenset({"bei", "während", "auf", "nach", "during", "on", "after", "at"})
_VISITS = ("besuch", "staatsbesuch", "antrittsbesuch", "reise", "visit", "trip", "tour")
_SETTING_OWNERS = frozenset({"seinem", "seiner", "seines", "ihrem", "ihrer", "ihres", "his", "her", "their", "its"})


def _setting(toks: list[Tok], ti: int) -> bool:
    """Is the act noun at ti the occasion of the clause's act ("sagte bei seinem Besuch in Kiew
    Hilfe zu", "during his visit to Kyiv, promised ...")? Then it is an act of its own, not
    the content of the other ("einigten sich auf ein Treffen")."""
    # (only with a possessive owner: "beim Gipfel in Anchorage" inside another act's content is
    # that content's occasion, tried and worse on the seed's status and claims)
    return ti > 1 and toks[ti - 2].low in _SETTING_PREPS and toks[ti - 1].low in _SETTING_OWNERS \
        and toks[ti].low.startswith(_VISITS)


_CONJUNCTS = frozenset({"und", "and", "sowie"})


def _conjoined(toks: list[Tok], a: _Group, b: _Group) -> bool:
    """Is b joined to a by a conjunction alone ("die USA und die EU", "the US and the EU")?"""
    between = toks[a.last_tok + 1:b.first_tok]
    return bool(between) and any(t.low in _CONJUNCTS for t in between) \
        and all(t.low in _CONJUNCTS or t.low in _ARTICLES or t.text == "," for t in between)


_IMPERSONAL = frozenset({"man", "wir"})


def _impersonal_speaker(groups: list[_Group], toks: list[Tok], clause: int, s: int, kinds: dict[int, str],
                        speech: frozenset[str]) -> _Group | None:
    """The speaker whose reported clause has "man"/"wir" as its subject before the act at s
    ("X sagte, man habe ... angegriffen"), or None."""
    if kinds.get(clause) != "comp" or not any(t.clause == clause and t.start < s and t.low in _IMPERSONAL for t in toks):
        return None
    gov = _governor(toks, clause, kinds)
    if gov is None or not any(t.clause == gov and t.low in speech for t in toks):
        return None
    return next((g for g in groups if g.clause == gov and not g.poss), None)


def _fronted_condition(groups: list[_Group], clause: int, kinds: dict[int, str]) -> _Group | None:
    """The subject (first named party) of the condition clause(s) right before `clause`, or None."""
    c = clause - 1
    if kinds.get(c) != "cond":
        return None
    while kinds.get(c - 1) == "cond":
        c -= 1
    return next((g for g in groups if c <= g.clause < clause), None)


def _governing(toks: list[Tok], clause: int, kinds: dict[int, str]) -> list[Tok]:
    """The tokens of the clause governing a complement clause (none for other clauses)."""
    gov = _governor(toks, clause, kinds) if kinds.get(clause) == "comp" else None
    return [t for t in toks if t.clause == gov] if gov is not None else []


def _governor(toks: list[Tok], clause: int, kinds: dict[int, str]) -> int | None:
    """The clause a complement clause depends on: the nearest earlier clause that is not a
    relative or adverbial clause (those are skipped: "Trump, der ..., sagte, dass ...")."""
    for c in range(clause - 1, -1, -1):
        if kinds.get(c) not in ("rel", "adv"):
            return c
    return None


# (and the topic of a dispute or debate: "Im Streit um die Zölle setzt die EU auf Verhandlungen", and an
# act restricted or banned: "die Beschränkungen für ukrainische Angriffe auf Russland aufheben")
_BACKGROUND = frozenset({"hintergrund", "angesichts", "inmitten", "amid", "amidst", "streit", "streits", "debatte",
                         "diskussion", "dispute", "debate", "beschränkung", "beschränkungen", "restrictions", "verbot"})


def _background(toks: list[Tok], ti: int) -> bool:
    """Is the act noun at ti the setting of the clause ("vor dem Hintergrund eines zunehmenden
    Drucks", "angesichts der Sanktionen", "amid new sanctions") rather than an act in it?"""
    for j in range(ti - 1, max(-1, ti - 6), -1):
        t = toks[j]
        if t.low in _BACKGROUND:
            return True
        if not t.word or (t.text[:1].isupper() and t.low not in _ARTICLES) and j < ti - 1 and t.low not in _BACKGROUND:
            return False
    return False


def _refused_content(toks: list[Tok], ti: int, reject_at: list[tuple[int, int]], inf_clauses: set[int],
                     kinds: dict[int, str]) -> bool:
    """Is the trigger at ti the infinitive content of an earlier refusal?"""
    c = toks[ti].clause
    if ti > 0 and toks[ti - 1].low in ("to", "zu") and any(j < ti and jc == c for j, jc in reject_at):
        return True
    if c in inf_clauses:
        gov = _governor(toks, c, kinds)
        return any(jc == gov for _, jc in reject_at)
    return False


def _governed_by_act(toks: list[Tok], gov: int, lex: Lexicon, before: int) -> bool:
    """Does the governing clause (up to token `before`) hold a demand, threat or promise
    ("forderte, ... zu", "seine Versprechen, ... zu liefern", "urged ... to")?"""
    for t in toks[:before]:
        if t.clause == gov and t.word:
            k = _match(lex.language, t.forms)
            if k is not None and lex.triggers[k].type in ("REQUEST", "THREATEN", "AGREE"):
                return True
    return False


_ATTRIB = re.compile(r"^\W*(?:according to|laut|nach angaben (?:von|des|der|aus)|angaben (?:von|des|der) )\s*", re.IGNORECASE)
_ATTRIB_WORD = re.compile(r"\S+")


def _navigation(head: str, openers: tuple[str, ...]) -> bool:
    """Does the sentence open with a link-teaser word followed by a colon or dash ("Weitere
    Informationen – ...", "Read more: ...")? The punctuation keeps "Related talks ..." apart."""
    head = head.lstrip(" \t-–•*»«\"“„")
    for o in openers:
        if head.startswith(o) and head[len(o):].lstrip()[:1] in (":", "–", "—", "-", "|", "»", ">"):
            return True
    return False


def _hyphen_partners(pairs, groups: list[_Group], toks: list[Tok], sentence: str):
    """"North Korea slams US-South Korea drills": a target joined by a hyphen to the next name
    brings that name along as a second target."""
    out = list(pairs)
    for a, b in pairs:
        g = next((g for g in groups if b is not None and b in g.actors), None)
        h = next((h for h in groups if g is not None and h.start > g.end and sentence[g.end:h.start] == "-"), None)
        if h is not None:
            out += [(a, x) for x in h.actors if x.country != a.country and (a, x) not in out]
    return out


def _object_controller(toks: list[Tok], ti: int, groups: list[_Group]) -> _Group | None:
    """The object right before "to" + the verb at ti, itself right after a verb ("push Kyiv to give up")."""
    if ti < 3 or toks[ti - 1].low != "to":
        return None
    g = next((g for g in groups if g.last_tok == ti - 2 and not g.adj and not g.poss), None)
    if g is None or g.first_tok == 0:
        return None
    v = toks[g.first_tok - 1]
    if v.low in _ARTICLES and g.first_tok > 1:
        v = toks[g.first_tok - 2]
    return g if v.word and v.text[:1].islower() and v.low not in _CONTROL_NOT_VERBS else None


_CONTROL_NOT_VERBS = _TARGET_PREPS | _AGENT_PREPS | frozenset("of in at for from between and or but that which who as than".split())


def _matrix_conjunct(toks: list[Tok], ti: int, groups: list[_Group], speech: frozenset[str]):
    """The subject of the verb of saying when the past verb at ti follows "and" after a reported
    clause under a modal ("Merz said Europe would keep up the pressure and called for ..."): a past
    verb cannot follow "would", so it is coordinated with the verb of saying, not the reported one."""
    if ti < 3 or toks[ti - 1].low != "and" or not toks[ti].low.endswith("ed"):
        return None
    sv = next((j for j in range(ti - 2, -1, -1) if toks[j].low in speech), None)
    if sv is None or not any(t.low in ("would", "will", "could", "might", "can", "should") for t in toks[sv + 1:ti]):
        return None
    return next((g for g in reversed(groups) if g.last_tok < sv and not g.adj), None)


def _participle_clause(toks: list[Tok], c: int) -> bool:
    """Does clause c open with a past participle (", imposed by Washington last month")?"""
    first = next((t for t in toks if t.clause == c and t.word), None)
    return first is not None and first.low.endswith("ed") and first.text[:1].islower()


def _reduced_relative(toks: list[Tok], ti: int) -> bool:
    """"a missile launched from Yemen": a participle right after a common noun, not a finite verb
    after its subject or an auxiliary; the party after "from" is its agent."""
    prev = toks[ti - 1] if ti > 0 else None
    return toks[ti].low.endswith("ed") and prev is not None and prev.word and prev.text[:1].islower() \
        and prev.low not in _PASSIVE_AUX and prev.low not in ("had", "has", "have", "is", "are", "be", "it", "they", "he", "she")


# an English headline or quote opening with its speaker and a colon ("Trump: Putin 'not ready' ...")
_COLON_SPEAKER = re.compile(r"^\W*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}:\s")


def _attribution(sentence: str) -> int:
    """End of an opening attribution phrase, or 0. English: up to the first comma; German
    (verb second, often no comma): articles, adjectives and nouns up to the finite verb."""
    m = _ATTRIB.match(sentence)
    if not m:
        c = _COLON_SPEAKER.match(sentence)
        return c.end() if c else 0
    if "according" in m.group().lower():
        c = sentence.find(",", m.end())
        return c + 1 if 0 < c - m.end() <= 80 else 0
    noun = False
    for w in _ATTRIB_WORD.finditer(sentence, m.end()):
        t = w.group().strip(",")
        if t[:1].islower() and t.lower() not in _ARTICLES and t.lower() not in _GENITIVE_PREPS \
                and (noun or not t.endswith(("e", "en", "er", "em", "es", "s"))):
            return w.start()     # (an adjective stands before its noun: a lower-case word after one is the verb, "griffen")
        if w.group().endswith(","):
            return w.end()
        noun = t[:1].isupper()
    return 0


_GENITIVE_PREPS = frozenset({"von", "vom", "aus", "in", "im"})     # "nach Angaben von Beamten in Kiew"
_MID_ATTRIB = re.compile(r"\b(?:nach (?:offiziellen |übereinstimmenden |ersten )?(?:angaben|informationen|darstellung) (?:von|des|der|aus)"
                         r"|laut)\s+", re.IGNORECASE)
_MID_ATTRIB_ADJ = re.compile(r"\bnach [a-zäöü]+(?:en|er) (?:angaben|informationen|darstellung)\b")     # "nach philippinischen Angaben"
_ZUFOLGE = re.compile(r"(?:\S+\s+){1,3}?zufolge\b")


def _mid_attributions(sentence: str) -> list[tuple[int, int]]:
    """Character spans of German source phrases after the sentence start ("nach Angaben des
    südkoreanischen Militärs", "laut Kiew", "dem Kreml zufolge"): who tells of the act, not a party."""
    out = []
    for m in _MID_ATTRIB.finditer(sentence, 1):
        end = m.end()
        for w in _ATTRIB_WORD.finditer(sentence, m.end()):
            t = w.group().strip(",.;:")
            if t[:1].islower() and t.lower() not in _ARTICLES and not t.endswith(("e", "en", "er", "em", "es", "s")):
                break
            end = w.end()
            if w.group()[-1:] in ",.;:" or w.end() - m.end() > 60:
                break
        out.append((m.start(), end))
    for m in _ZUFOLGE.finditer(sentence):
        out.append((m.start(), m.end()))
    for m in _MID_ATTRIB_ADJ.finditer(sentence):
        out.append((m.start(), m.end()))
    return out


# a reporting clause closing the sentence: ", X said." / ", sagte X." / ", so X." / ", according to X."
# (English may add when or how: ", Trump said on Wednesday." / ", the ministry said in a statement.")
_REPORTER = re.compile(r",\s+(?:(?:[^\s,]+\s+){1,6}(?:said|says|say|told \w+|reported|announced|added|claimed|stated|believe|believes|think|thinks|fear|fears|noted|confirmed)"
                       r"(?:\s+(?:on|in|at|late|early|last|this|earlier|today|yesterday)\b(?:\s+[\w-]+){0,3})?"
                       r"|(?:sagte|sagt|erklärte|erklärt|betonte|teilte|hieß es|so|according to|laut)\s+(?:\S+\s*){1,6})"
                       r"[\s\W]*$")
_PAREN_REPORTER = re.compile(r",\s+(?:[\w.'’-]+\s+){1,5}?(?:said|says|say|believe|believes|think|thinks|fear|fears|argue|argues|noted|told \w+)\s*,")


# an English dateline: "KYIV, Oct 22 (Reuters) -", "DEIR AL-BALAH, Gaza Strip (AP) -"
_DATELINE = re.compile(r"^\s*[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*(?:,[^()\n–—-]{1,40}?)?"
                       r"(?:\s*\((?:AP|Reuters|AFP|dpa|Bloomberg|ANI|PTI|Xinhua|UPI|CNN|BBC)\))?\s*[-–—]{1,2}\s+")


def _helped(clause_toks: list[Tok], s: int) -> bool:
    """Does the clause say its subject helped others reach the act ("helped negotiate/broker the deal")?"""
    return any(t.low in ("help", "helps", "helped", "helping") and t.start < s for t in clause_toks) \
        and any(t.low.startswith(("negotiat", "broker", "mediat", "secur")) for t in clause_toks)


def code_sentence(sentence: str, lang: str, on: dt.date | None,
                  discourse: coref.Discourse | None = None) -> tuple[list[actor_mod.Hit], list[Coded]]:
    """Mentions (named and resolved by coreference) and events of one sentence.

    `discourse` holds the actors named before in the article (extract/coref.py); the caller
    feeds it each sentence's mentions afterwards (`discourse.update`)."""
    lex = load_lexicon(lang)
    hits = actor_mod.find(sentence, on, lex.location_prepositions, actor_nouns=lex.actor_nouns, group_nouns=lex.group_nouns)
    if discourse is not None:
        extra = discourse.resolve(sentence, hits, lex)
        if extra:
            hits = sorted(hits + extra, key=lambda h: h.start)
    linked = [h for h in hits if h.actor is not None]
    if lex.navigation and _navigation(_lower(sentence[:60]), lex.navigation):
        return hits, []     # "Weitere Informationen – ...", "Read more: ...": a pointer to another article
    dateline = _DATELINE.match(sentence) if lex.language == "en" else None
    if dateline and any(h.start >= dateline.end() for h in linked):
        # "DEIR AL-BALAH, Gaza Strip (AP) - Hamas handed over ...": where the report was filed
        linked = [h for h in linked if h.start >= dateline.end()]
    opener = _attribution(sentence)
    if opener and any(h.start >= opener for h in linked):
        # an opening attribution ("According to Ukrainian officials, ...", "Laut Kiew griff
        # Russland ... an") names who tells of the act, not a party to it
        linked = [h for h in linked if h.start >= opener]
    tail = _REPORTER.search(sentence)
    if tail and any(h.start < tail.start() for h in linked):
        # the closing reporting clause (", Japan said." / ", sagte Uschakow.") names who
        # tells of the act, not a party to it
        linked = [h for h in linked if h.start < tail.start()]
    if lex.language == "de" and ("ngaben" in sentence or "aut " in sentence or "zufolge" in sentence):
        # ... and so does a German source phrase inside the sentence ("Nordkorea feuerte nach Angaben
        # des südkoreanischen Militärs eine Rakete ab", "Russland griff laut Kiew ... an", "dem Kreml zufolge")
        for a, b in _mid_attributions(sentence):
            linked = [h for h in linked if not (a <= h.start < b)] or linked
    if lex.language == "en" and "," in sentence:
        # ... and so does one set off by commas inside the sentence ("..., European diplomats believe, would ...")
        for m in _PAREN_REPORTER.finditer(sentence):
            linked = [h for h in linked if not (m.start() <= h.start < m.end())] or linked
    if not linked:
        return hits, []
    toks = tokenize(sentence, lex, {h.start: h.end for h in linked if h.kind not in ("adjective", "place")},
                    [(h.start, h.end) for h in hits if h.kind != "place"])
    low = _lower(sentence)
    found: list[tuple[int, Trigger, int, int]] = []     # (token index, trigger, start, end)
    seen_tok: set[int] = set()
    # phrases that carry their own negation ("nicht bereit", "not ready to") are the act
    # itself (a refusal), not a negated statement
    self_negated: dict[int, tuple[int, int]] = {}
    for i, t in enumerate(toks):
        if not t.word:
            continue
        k = _match(lang, t.forms)
        if k is not None:
            found.append((i, lex.triggers[k], t.start, t.end))
            seen_tok.add(i)
    phrase_tok: set[int] = set()
    phrase_span: dict[int, tuple[int, int]] = {}
    for trig, p, anchors in _phrase_candidates(lang, low):
        if anchors is not None and not anchors.search(low):
            continue          # the phrase cannot match without one of its leading words (cheap test)
        if True:
            for m in p.finditer(low):
                i = next((j for j, t in enumerate(toks) if t.start <= m.start() < t.end or t.start >= m.start()), None)
                if i is None or i in phrase_tok:
                    continue
                if i in seen_tok:
                    if " " not in m.group().strip():
                        continue
                    # a multi-word phrase is more specific than its first word alone
                    # ("backed down" is no "back", "gab ... klein bei" no "geben")
                    found = [f for f in found if f[0] != i]
                seen_tok.add(i)
                phrase_tok.add(i)
                phrase_span[i] = m.span()
                negs = [w for w in re.findall(r"\w+", m.group()) if w in lex.negation] + (["n't"] if "n't" in m.group() else [])
                if any(w in p.pattern for w in negs):
                    # the negation is written in the pattern ("nicht bereit"), not caught in one of
                    # its gaps ("mit niemandem sprach" is no talk at all)
                    self_negated[i] = m.span()
                # the span of the first word only: the phrase may include its own object
                found.append((i, trig, toks[i].start, toks[i].end))
    # a trigger word inside a name is part of the name ("Rapid Support Forces", "Peace Corps")
    names = [(h.start, h.end) for h in linked if h.kind in ("organisation", "company", "government") and " " in h.text]
    if names:
        found = [f for f in found if not any(a <= f[2] < b for a, b in names)]
    if not found and not any(t.low in lex.deontic for t in toks):
        return hits, []
    found.sort(key=lambda x: x[0])
    if any(h.ref == "possessive" for h in linked):
        # a resolved possessive is an actor only as the owner of an act noun ("seine Drohungen",
        # "his call with"): within three words before a trigger
        trig_starts = sorted(toks[i].start for i, _, _, _ in found)
        linked = [h for h in linked if h.ref != "possessive" or any(
            0 < ts - h.end and len(_TOKEN.findall(sentence[h.end:ts])) <= 2 and not re.search(r"[,;:()]", sentence[h.end:ts])
            for ts in trig_starts)]
    groups = _groups(linked, sentence, toks)
    kinds = clause_kinds(toks, lex)
    inf_clauses = {c for c, k in kinds.items() if k == "comp" and _infinitive(_clause_words(toks, c), lex)}
    places = [h for h in hits if h.kind == "place" and not (tail and h.start >= tail.start())
              and not (dateline and h.start < dateline.end())]
    # (", diplomats in Vienna believe.": where the reporters sit is not where the act happens)
    # places with a country, as candidate targets after the trigger ("attack on a hospital in Kyiv")
    place_groups = [_Group([p.host], p.start, p.end, i, toks[i].clause, i, False)
                    for p in places if p.host is not None
                    for i in [_tok_index(toks, p.start)] if i < len(toks)]
    whens = date_mod.find(sentence, lex, on)
    out: list[Coded] = []
    keys: set[tuple[str, str, str | None]] = set()
    types_before: set[str] = set()
    # English: a gerund after a preposition that follows an act ("accused X of supporting ...",
    # "warned Y against seeking ...") opens that act's content; acts named from there to the
    # clause end are what is alleged or warned about, not acts of their own
    content_from: dict[int, int] = {}
    if lex.language == "en":
        for i, t in enumerate(toks):
            c = t.clause
            if c not in content_from and t.low.endswith("ing") and i > 0 and toks[i - 1].low in _GERUND_PREPS \
                    and any(j < i - 1 and toks[j].clause == c for j, _, _, _ in found):
                content_from[c] = i
    reject_at = [(j, toks[j].clause) for j, t2, _, _ in found if t2.type == "REJECT"]
    talk_topics = _talk_topics(found, toks) if any(t2.type == "CONSULT" for _, t2, _, _ in found) else {}
    # which word lists of the clause-level rules occur at all (one pass; most sentences have none)
    forms_all = frozenset(f for t in toks for f in t.forms)
    has_hope, has_fail = bool(forms_all & lex.hope), bool(forms_all & (lex.failure | lex.success))
    has_recv = bool(forms_all & lex.receiving)
    accuse_at = [(j, toks[j].clause) for j, t2, _, _ in found if t2.type == "ACCUSE" and toks[j].text[:1].islower()
                 and any(f in lex.allegation for f in toks[j].forms)]
    rejected: list[int] = []      # request nouns that are the object of a rejection
    cond_threat = False           # a punishment announced on a fronted condition was coded as a threat
    for ti, trig, s, e in found:
        tok = toks[ti]
        if tok.clause in content_from and ti >= content_from[tok.clause]:
            continue
        if lex.language == "en" and ti > 0 and toks[ti - 1].text == "-" and toks[ti - 1].end == tok.start:
            continue      # "a U.S.-backed proposal": the second half of a compound modifier, no act of its own
        if accuse_at and kinds.get(tok.clause) == "comp" and trig.type != "ACCUSE":
            gov = _governor(toks, tok.clause, kinds)
            if gov is not None and any(c == gov and j < ti for j, c in accuse_at):
                continue  # "enthüllte, dass französische Truppen ... stationiert sind": what is alleged is no act of
                #           its own (a warning's content is: "warnte, dass Iran einen Angriff vorbereite")
        if has_hope and ((tok.clause in inf_clauses and _governed_by(toks, tok.clause, kinds, lex.hope))
                         or (ti > 1 and toks[ti - 1].low == "to" and _has(toks[ti - 2:ti - 1], lex.hope))):
            continue      # "Er hofft, die Ukrainer davon zu überzeugen, ...": a hope, not an act (GUIDELINES)
        if has_fail and _failed(toks, ti, tok.clause, inf_clauses, kinds, lex):
            continue      # "es gelang ihm nicht, sich mit X zu einigen", "failed to reach a deal": it did not happen
        if trig.type != "REJECT" and reject_at and _refused_content(toks, ti, reject_at, inf_clauses, kinds):
            continue      # "refused to condemn", "lehnte es ab, ... zu liefern": the act refused did not happen
        clause_toks = [t for t in toks if t.clause == tok.clause]
        etype = trig.type
        # a relative clause states its own act of its antecedent: an act before it does not
        # suppress one inside ("wies den Vorschlag Macrons zurück, der nach seinem Treffen mit X ...")
        earlier = set() if _in_relative(toks, tok.clause, kinds, lex.relative_words) else set(types_before)
        types_before.add(trig.type)
        in_clause = {t2.type for j, t2, _, _ in found if toks[j].clause == tok.clause and j != ti}
        if lex.language == "en" and trig.suppressed_by & in_clause:
            # a noun with no actor near it is a topic ("held talks on the future of the nuclear
            # deal"), which suppresses nothing
            in_clause = {t2.type for j, t2, _, _ in found if toks[j].clause == tok.clause and j != ti
                         and not (j > 0 and _english_noun(toks, j, groups) and not _near_actor(groups, toks, j))}
        if talk_topics and etype == "CONSULT":
            # what talks are about does not make them something else ("Gespräche über ein Abkommen")
            in_clause -= {t2.type for j, t2, _, _ in found if j in talk_topics and toks[j].clause == tok.clause}
            earlier = earlier if not earlier & trig.suppressed_by else {
                t2.type for j, t2, _, _ in found if j < ti and j not in talk_topics}
        if trig.suppressed_by & earlier and kinds.get(tok.clause) != "cond":
            # an act in a condition does not suppress the main clause's act ("If Hamas refuses to
            # disarm, Israel is likely to resume the war": the war is no content of the refusal)
            earlier = {t2.type for j, t2, _, _ in found if j < ti and not (
                kinds.get(toks[j].clause) == "cond" and toks[j].clause != tok.clause)}
        if trig.suppressed_by & (earlier | in_clause) and not _setting(toks, ti):
            if etype == "REQUEST" and "REJECT" in (earlier | in_clause):
                rejected.append(ti)     # "ignorierte die Appelle der UN": the appeal is still its owner's request
            continue
        if lex.language == "en" and etype in _MUTUAL and _helped(clause_toks, s) \
                and not any(t.low == "between" for t in toks[ti + 1:ti + 4]):
            continue      # "Egypt and Qatar, which helped negotiate the deal": mediators, not parties
        if trig.veto and _has(clause_toks, trig.veto):
            continue
        if tok.text[:1].isupper() and _means_of(toks, ti, found, etype):
            continue      # "drohten den Huthis mit Vergeltung": the threat's content, not a threat of its own
        if etype in _DEMANDABLE and tok.text[:1].isupper() and _demanded(toks, ti, found):
            continue      # "drängte auf greifbare Vereinbarungen", "drängten X zu einer Einigung": what is demanded
        if etype == "THREATEN" and tok.text[:1].islower() and any(t.low == "es" for t in toks[max(0, ti - 1):ti + 2]):
            continue      # "oder es drohen neue Sanktionen": something looms, nobody named threatens
        if trig.not_before and any(t.low in trig.not_before for t in toks[ti + 1:ti + 3]):
            continue      # "annehmen, dass" is assuming, not accepting; "agree that" a statement
        status = _status(lex, toks, tok.clause, low, sentence, ti, kinds)
        if ti in talk_topics and status == "occurred":
            status = "hypothetical"     # the subject of talks has not happened ("Gespräche über die mögliche Lieferung")
        if etype == "ACCUSE" and status != "occurred" and lex.language == "en":
            # "accused Washington of preparing an invasion, a charge Washington denies": the cues of
            # what is alleged (from its gerund on) and of a later reply belong to them, not to the accusation
            cut = min(content_from.get(tok.clause, len(toks)) if content_from.get(tok.clause, 0) > ti else len(toks),
                      next((j for j in range(ti, len(toks)) if toks[j].clause > tok.clause), len(toks)))
            status = _status(lex, toks[:cut], tok.clause, low[:toks[cut - 1].end], sentence[:toks[cut - 1].end], ti, kinds)
        if status == "cancelled":
            # "suspended military aid", "solche Absagen": the cancellation word is the act itself
            a, b = phrase_span.get(ti, (s, e))
            cancel = lex.status_words.get("cancelled", frozenset())
            if not any(abs(t.clause - tok.clause) <= 1 and not (a <= t.start < b) and any(f in cancel for f in _cue(t))
                       for t in toks) and not any(p.search(low) for p in lex.status_phrases.get("cancelled", ())):
                status = "occurred"
        if etype in _PUNITIVE and status == "hypothetical" and lex.speculative and kinds.get(tok.clause + 1) == "cond" \
                and not _has(clause_toks + _governing(toks, tok.clause, kinds), lex.speculative) \
                and any(t.start > e for t in toks if t.clause == tok.clause + 1):
            # "ready to impose further sanctions if Russia does not agree": a punishment announced
            # on a condition is a threat (PLOVER THREATEN; GUIDELINES: threats of sanctions), which occurred
            etype, status = "THREATEN", "occurred"
        threatened, unnamed_condition = None, False
        if (etype in _PUNITIVE or etype == "THREATEN") and status in ("hypothetical", "planned") and kinds.get(tok.clause) == "main" \
                and not _has(clause_toks, lex.speculative):
            threatened = _fronted_condition(groups, tok.clause, kinds)
            # ("Sollten die Gespräche scheitern, will Trump Zölle gegen China verhängen": aimed at its own target)
            unnamed_condition = threatened is None and kinds.get(tok.clause - 1) == "cond"
            if threatened is not None:
                # "Sollte Russland nicht zustimmen, würden die USA Zölle verhängen", "If Russia does not
                # agree, the EU will impose sanctions": the same threat with its condition fronted,
                # aimed at the condition's subject
                etype, status, cond_threat = "THREATEN", "occurred", True
        if cond_threat and threatened is None and etype in ("ACCUSE", "THREATEN") and tok.text[:1].islower() \
                and all(t.clause == tok.clause for t in toks[ti:]) and len(clause_toks) <= 7 and clause_toks[0].text == ",":
            continue      # "..., warnte Kallas.", "..., Kallas warned.": the warning is the threat just coded
        if etype == "THREATEN" and status == "hypothetical" and kinds.get(tok.clause + 1) == "cond" \
                and any(t.start > e for t in toks if t.clause == tok.clause + 1):
            # "threatened to resume the war if the hostages are not returned": the condition is the
            # threat's content (a threat is conditional by nature), not a condition on the threat
            status = _status(lex, toks, tok.clause, low, sentence, ti, {**kinds, tok.clause + 1: "adv"})
        if status == "planned" and ti in self_negated:
            # "nicht bereit" / "not ready to": the readiness word is part of the refusal, no future cue
            a, b = self_negated[ti]
            rest = [t for t in clause_toks if not (a <= t.start < b)]
            if not _has_cue(rest, lex.status_words.get("planned", frozenset())):
                status = "occurred"
        speakers = _stated_refusal(toks, ti, tok.clause, kinds, lex, clause_toks, groups) \
            if (etype == "CONSULT" or trig.negated) and status != "denied" else set()
        if ti not in self_negated and _negated(clause_toks, lex) and status not in ("denied", "cancelled"):
            if any(t.low in _CONDITIONALS for t in clause_toks) or kinds.get(tok.clause) == "cond":
                continue                  # "if it did not agree", "Sollte X nicht zustimmen": a condition, not an act
            if trig.negated:
                etype = trig.negated
                if status == "planned" and any(t.low in _WILL for t in toks[max(0, ti - 4):ti]) \
                        and not any(t.low in _CONDITION_WORDS - _UNTIL for t in toks if t.clause >= tok.clause):
                    status = "occurred"   # "will not accept", "wird nicht zustimmen": a refusal stated now
            elif etype == "CONSULT" and _has(toks[max(0, ti - 5):ti], lex.negation):
                if status != "hypothetical":
                    status = "cancelled"     # "kein Treffen" / "no meeting"; "would not meet" stays hypothetical
            else:
                continue                  # purely negated statement: not coded
        if etype == "CONSULT" and lex.invitation and any(toks[j].low in _INVITED_TO for j in range(max(0, ti - 3), ti)) \
                and any(t.start < s and any(f in lex.invitation for f in t.forms) for t in clause_toks):
            continue      # "lud Kiew zu Gesprächen ein", "invited Kyiv to talks": invited, not held
        nominal = ti > 0 and (tok.text[:1].isupper() if lex.language == "de" else _english_noun(toks, ti, groups))
        if lex.language == "en" and ti not in phrase_tok and _over_cause(toks, ti) \
                and _noun_owner(groups, toks, ti, True) is None:
            continue      # "lodged a protest with China over the incursion": the cause named, no act of the protester
        if nominal and _background(toks, ti):
            continue      # "vor dem Hintergrund zunehmenden Drucks auf Moskau", "amid sanctions": setting, not act
        if NOUN_WINDOW and nominal and not _near_actor(groups, toks, ti) \
                and not (ti in talk_topics and _near_actor(groups, toks, talk_topics[ti])):
            continue          # a nominal trigger with no actor attached is a topic, not an act (the
            #                   subject of talks has the talks' parties: "X und Y führten Gespräche über die Lieferung")
        if lex.language == "en" and (
                (kinds.get(tok.clause) == "adv" and not any(g.clause == tok.clause for g in groups)
                 and (nominal or not tok.low.endswith(("ed", "ing"))))
                or (nominal and any(toks[k].low == "in" and toks[k + 1].low in ("a", "an") for k in range(max(0, ti - 3), ti - 1))
                    and any(j < ti and toks[j].clause == tok.clause and t2.type == etype for j, t2, _, _ in found))):
            # "suspended the treaty after the attack in Pahalgam": an act noun naming a time, with no
            # party of its own; "killed a commander in a drone strike": the manner of the act just coded
            continue
        if not nominal and lex.language == "de" and _unnamed_subject(toks, ti, groups):
            continue      # "Die Arabische Liga forderte Israel ... auf" with the League unknown: Israel is the object
        closing = None if nominal else _closing_speaker(groups, toks, ti, kinds)
        if closing is not None and not closing:
            continue      # "..., warnen Diplomaten.": the one who warns is not named
        pairs = closing or _arguments(groups, toks, ti, s, e, etype in _MUTUAL, nominal, tok.clause in inf_clauses, kinds,
                           lex.speech_verbs if etype != "THREATEN" else frozenset(), place_groups, lex.language == "en",
                           nominal and any(j < ti and toks[j].clause == tok.clause and toks[j].text[:1].islower()
                                           and t2.type in _ACT_ON_ACTS for j, t2, _, _ in found),
                           etype in _PUNITIVE or etype == "THREATEN",
                           trig.type not in _MUTUAL and not _has(clause_toks, _RECIPROCAL_WORDS) and ti not in talk_topics
                           and not ((tok.clause in inf_clauses or toks[ti - 1].low in ("to", "zu"))
                                    and any(j < ti and t2.type in _MUTUAL for j, t2, _, _ in found)))   # (what a pair agreed to do)
        spk = _impersonal_speaker(groups, toks, tok.clause, s, kinds, lex.speech_verbs) if lex.language == "de" else None
        if spk is not None:
            # "Ein Sprecher der israelischen Armee sagte, man habe Ziele der Hamas angegriffen": the
            # impersonal "man"/"wir" of reported speech is the speaker's side, the clause's parties its targets
            tgts = [a for g in groups if g.clause == tok.clause for a in g.actors]
            pairs = _pairs(spk.actors, tgts) or [(a, None) for a in spk.actors]
        recv = [t for t in clause_toks if any(f in lex.receiving for f in t.forms)] \
            if has_recv and etype not in _MUTUAL else []
        if recv and (recv[0].start < s if lex.language == "en" else nominal):
            # German fronts the object ("Solche Absagen hörte X von Y"); English puts it after the verb
            pairs = _received(groups, toks, tok.clause) or pairs
        elif lex.language == "en" and etype not in _MUTUAL and etype != "RETREAT" and (nominal or not tok.low.endswith(("ed", "ing")) or _reduced_relative(toks, ti)) \
                and ti + 1 < len(toks) and toks[ti + 1].low == "from":
            # "after pressure from the United States", "threats from Pyongyang": the party after
            # "from" is the act noun's agent, the clause's other party (else the sentence's first) its target
            pairs = _received(groups, toks, tok.clause) or _from_agent(groups, toks, ti) or pairs
        if etype == "CONSULT" and trig.mode == "in-person":
            pairs = _host(pairs, places, groups, toks, ti, e)
        elif pairs and all(t is None for _, t in pairs):
            # no party after the act but a place in another country: aid "to Gaza", strikes "on Kharkiv"
            host = next((p.host for p in places if p.host is not None and p.start >= e and p.start - e < 80
                         and toks[ti].clause == _clause_at(toks, p.start)), None)
            if host is not None:
                pairs = _pairs([a for a, _ in pairs], [host]) or pairs
        if threatened is not None:
            # the act's own target in its clause, else the condition's subject (not a closing speaker:
            # "..., kündigte Macron an")
            inside = {a for g in groups if kinds.get(g.clause) == "cond" for a in g.actors}
            own = {a for g in groups if g.clause == tok.clause for a in g.actors}
            pairs = list(dict.fromkeys(p for a, b in pairs for p in (
                [(a, b)] if b is not None and b in own and b not in inside and b.country != a.country
                else _pairs([a], threatened.actors))))
        elif unnamed_condition and any(b is not None for _, b in pairs):
            etype, status, cond_threat = "THREATEN", "occurred", True
            pairs = [(a, b) for a, b in pairs if b is not None]
        if etype != trig.type and trig.type in _MUTUAL and len(pairs) == 1 and pairs[0][1] is not None and {
                pairs[0][0], pairs[0][1]} <= {h.actor for h in linked if h.ref == "pair"}:
            # "keiner der beiden konnte sich ... einigen", "neither side agreed": a mutual act
            # refused by each of a pair is each one's refusal of the other
            pairs = pairs + [(pairs[0][1], pairs[0][0])]
        elif etype not in _MUTUAL and len(pairs) == 1 and pairs[0][1] is not None \
                and (_each_other(clause_toks) or (etype == "ASSAULT" and ti + 1 < len(toks) and toks[ti + 1].low == "sich")) \
                and any(pairs[0][0] in g.actors and pairs[0][1] in g.actors for g in groups):
            # "beide Seiten warfen einander Verstöße vor", "both sides accused each other": a
            # reciprocal act of a pair goes both ways
            pairs = pairs + [(pairs[0][1], pairs[0][0])]
        if speakers and any(a.country in speakers for a, _ in pairs):
            # the refusal is the speaker's own side's; a third party's guess about it is not
            etype, status = "REJECT", "occurred"
            pairs = [(a, b) for a, b in pairs if a.country in speakers]
        if lex.language == "en" and etype not in _MUTUAL and _reciprocal(toks, ti):
            srcs = list(dict.fromkeys(a for a, _ in pairs))
            if len({a.country for a in srcs}) >= 2:
                # "China, Japan trade barbs over Taiwan remarks": a pair trading acts acts on each other
                pairs = [(a, b) for a in srcs for b in srcs if a.country != b.country]
            else:
                pairs = pairs + [(b, a) for a, b in pairs if b is not None and (b, a) not in pairs]
        if lex.language == "en" and etype not in _MUTUAL and any(b is not None for _, b in pairs):
            pairs = _hyphen_partners(pairs, groups, toks, sentence)
        ctl = _object_controller(toks, ti, groups) if lex.language == "en" and not nominal else None
        if ctl is not None and not any(a in ctl.actors for a, _ in pairs):
            # "Washington might push Kyiv to give up the Donbas": the object of the verb before
            # "to" does the infinitive's act (object control, Huddleston & Pullum 2002, ch. 14)
            pairs = list(dict.fromkeys((a, b if b is not None and b.country != a.country else None)
                                       for a in ctl.actors for _, b in pairs))
        subj = _matrix_conjunct(toks, ti, groups, lex.speech_verbs) if lex.language == "en" and not nominal else None
        if subj is not None:
            # "Merz said Europe would keep up the pressure and called for new sanctions": a past verb
            # cannot follow "would", so it is the speaker's own second act, which occurred
            own = {a.country for a in subj.actors}
            obj = next((g for g in groups if g.first_tok > ti and g.clause == tok.clause
                        and {a.country for a in g.actors} - own), None)
            pairs = _pairs(subj.actors, obj.actors) if obj is not None else [(a, None) for a in subj.actors]
            if status in ("planned", "hypothetical"):
                status = "occurred"
        if lex.language == "en" and not nominal and any(b is not None for _, b in pairs):
            pairs = _own_objects(pairs, found, groups, toks, ti)
        date = date_mod.event_date(whens, status in ("planned", "hypothetical"), on)
        loc = _location(places, s, e, etype)
        for src, tgt in pairs:
            # companies stand for their country: sanctions on Rosneft and Lukoil are one event
            key = (etype, src.name, (tgt.country if tgt.kind == "company" else tgt.name) if tgt else None)
            # ... and the country named with them ("on Rosneft and Lukoil, Russia's two largest oil companies")
            by_country = (etype, src.name, tgt.country) if tgt is not None and tgt.kind in ("company", "country") else None
            if key in keys or by_country in keys:
                continue
            keys.add(key)
            if by_country is not None:
                keys.add(by_country)
            out.append(Coded(etype, trig.mode, src, tgt, status, date, loc, sentence[s:e], s))
    if cond_threat:
        # "Should Russia refuse, ...": the condition of a threat is what it demands; nothing was refused yet
        out = [c for c in out if not (c.type == "REJECT" and kinds.get(_clause_at(toks, c.trigger_start)) == "cond")]
    if rejected:
        out.extend(_rejected_requests(rejected, out, groups, toks, keys, lex.language == "en"))
    _refrained_targets(out, toks)
    _owned_objects(out, found, groups, toks, lex.language == "en")
    _goods_origin(out, groups, toks)
    if reject_at:
        _rejected_acts(out, groups, toks, lex.language == "en")
    _content_targets(out, groups, toks)
    out.extend(_reported_demands(lex, toks, groups, kinds, keys, low, sentence, whens, on))
    if lex.ultimatum:
        out = _ultimatum(out, lex, hits, toks, low, sentence, kinds, whens, on)
    either = next((t.start for t in toks if t.low in _EITHER), None)
    if either is not None and any(t.subj and t.low in ("oder", "or") and t.start > either for t in toks):
        # "Entweder X friert die Front ein, oder Y zwingt ...", "Either Russia accepts ... or
        # Washington will impose ...": alternatives, neither of which is asserted (GUIDELINES: speculation)
        out = [replace(c, status="hypothetical") if c.trigger_start > either and c.status in ("occurred", "planned")
               else c for c in out]
    # (the argument rules above pick parties of two sides; this is the last guard for the
    # rules that retarget an event afterwards: nobody acts on its own side)
    return hits, [c for c in _pledged_aid(out, lang, whens, on) if c.target is None or _pairs([c.source], [c.target])]


def _ultimatum(out: list[Coded], lex: Lexicon, hits: list[actor_mod.Hit], toks: list[Tok], low: str,
               sentence: str, kinds: dict[int, str], whens, on) -> list[Coded]:
    """A demand with its penalty attached ("Ihre Botschaft an Russland lautete: Stimme einer
    Waffenruhe zu, oder es drohen neue Sanktionen", "told Iran to halt enrichment or face
    sanctions", "Russia must agree ... or face new sanctions"): the demander requests and
    threatens (PLOVER REQUEST and THREATEN: an ultimatum is both); the penalty after "oder es
    drohen"/"or face" is what is threatened, no act of its own. The demand is a REQUEST coded
    before the penalty, else one carried by a message noun ("Botschaft an X", "message to X") or
    a modal of obligation; the demander is its source, else the sentence's first actor that is
    not after a preposition (a possessive "Ihre" included), the addressee the next actor of
    another country. Words: `clauses: ultimatum, message_nouns` in data/lang."""
    m = _ultimatum_pattern(lex.language).search(low)
    if m is None or m.start() == 0:
        return out
    at = m.start()
    kept = [c for c in out if c.trigger_start < at]
    cues = lex.status_words.get("cancelled", frozenset()) | lex.status_words.get("denied", frozenset())
    penalty_only = not any(f in cues for t in toks if t.end <= at for f in _cue(t))
    if penalty_only:
        # a cancellation in the penalty ("otherwise talks would be suspended") is threatened, not done
        kept = [replace(c, status="occurred") if c.status in ("cancelled", "denied") else c for c in kept]
    pairs = [(c.source, c.target, c.status) for c in kept if c.type == "REQUEST" and c.target is not None]
    before = [t for t in toks if t.end <= at]
    if not pairs and any(t.low in lex.message_nouns or t.low in lex.deontic or t.low in ("to", "zu")
                         or lex.particles and _zu_infix(lex.language).match(t.low) is not None for t in before):
        # (a demand: a message noun, a modal of obligation or an infinitive to be done: "gave Tehran
        # two weeks to accept ... or face", "Zeit, dem Abkommen zuzustimmen, sonst ...")
        actors = [h for h in hits if h.actor is not None and h.kind not in ("place", "adjective") and h.end <= at]
        starts = sorted({h.start for h in actors})
        src = next((st for st in starts if not _right_after_prep(toks, _tok_index(toks, st))), None)
        if src is not None:
            srcs = [h.actor for h in actors if h.start == src]
            countries = {a.country for a in srcs}
            tgt = next((st for st in starts if st > src and {h.actor.country for h in actors if h.start == st} - countries), None)
            if tgt is not None:
                status = _status(lex, toks, toks[_tok_index(toks, src)].clause, low, sentence, -1, kinds)
                if penalty_only and status in ("cancelled", "denied"):
                    status = "occurred"
                pairs = [(a, b, status) for a in srcs for b in {h.actor for h in actors if h.start == tgt}
                         if a.country != b.country]
                kept += [Coded("REQUEST", None, a, b, st, date_mod.event_date(whens, False, on), None,
                               sentence[at:at + 1], at) for a, b, st in pairs]
    # what the addressee is to do ("Russia must agree to ...") is the demand's content: not done yet
    addressees = {b.name for _, b, _ in pairs}
    kept = [replace(c, status="hypothetical") if c.source.name in addressees and c.type not in ("REQUEST", "THREATEN")
            and c.status in ("occurred", "planned") else c for c in kept]
    done = {(c.source.name, c.target.name) for c in kept if c.type == "THREATEN" and c.target is not None}
    for a, b, st in pairs:
        if (a.name, b.name) not in done:
            done.add((a.name, b.name))
            kept.append(Coded("THREATEN", None, a, b, st, date_mod.event_date(whens, False, on), None,
                              sentence[at:at + 1], at))
    return kept


_NOMINATIVE_ARTICLES = frozenset({"der", "die", "das"})


def _unnamed_subject(toks: list[Tok], ti: int, groups: list[_Group]) -> bool:
    """Does a German sentence open with a noun phrase that names no actor ("Die Zeitung", "Der
    Bericht", an organisation missing from the gazetteer) right before the verb trigger at ti
    (verb second)? Then that phrase is the subject and an actor after the verb is its object:
    the act has no named source."""
    if ti < 2 or ti > 6 or toks[0].low not in _NOMINATIVE_ARTICLES or not toks[1].text[:1].isupper():
        return False
    if any(g.first_tok < ti for g in groups):
        return False
    # the phrase: capitalised nouns and lower-case adjectives only, no verb or comma before the trigger
    return all(t.word and (t.text[:1].isupper() or t.low.endswith(("e", "en", "er", "es", "em"))) for t in toks[1:ti])


def _closing_speaker(groups: list[_Group], toks: list[Tok], ti: int, kinds: dict[int, str]):
    """A verb trigger opening a short closing clause after a comma ("Russland bereitet einen
    Angriff vor, warnte Merz.", "..., warned the chancellor."): its subject is right after it and
    the party it speaks of is named before. Pairs from that speaker; [] when the speaker is no
    actor ("..., warnen Diplomaten."); None when the trigger opens no such clause."""
    if ti == 0 or toks[ti - 1].text != "," or not toks[ti].text[:1].islower():
        return None
    clause = toks[ti].clause
    rest = [t for t in toks[ti + 1:] if t.word]
    if len(rest) > 6 or any(t.clause != clause for t in toks[ti + 1:]) or not any(t.clause < clause for t in toks) \
            or kinds.get(clause - 1) in ("rel", "adv", "cond") or kinds.get(toks[0].clause) in ("adv", "cond"):
        return None     # not after a relative or fronted adverbial clause: "Da X zögerte, lieferte Y ..."
    if any(g.clause < clause - 1 and toks[g.last_tok].clause == clause - 1 for g in groups):
        return None     # the comma closes an apposition of the subject: "Iranian officials, including X, condemned"
    k = ti + 1
    while k < len(toks) and toks[k].low in _ARTICLES:
        k += 1
    spk = next((g for g in groups if g.first_tok == k and g.clause == clause), None)
    if spk is None:
        return [] if k < len(toks) and toks[k].text[:1].isupper() else None
    if any(g.clause == clause and g.first_tok > spk.last_tok for g in groups) \
            or sum(1 for t in toks[spk.last_tok + 1:] if t.word) > 3:
        return None     # more than a time phrase after the subject: a clause of its own ("traf Scholz Selenskyj")
    countries = {a.country for a in spk.actors}
    tgt = next((g for g in groups if g.clause < clause and {a.country for a in g.actors} - countries), None)
    return _pairs(spk.actors, tgt.actors) if tgt is not None else [(a, None) for a in spk.actors]


_CONTENT_ACTS = frozenset({"THREATEN", "ACCUSE", "REQUEST"})


_TOPIC_PREPS = frozenset({"über", "about", "on"})


def _talk_topics(found, toks: list[Tok]) -> dict[int, int]:
    """Act nouns that are the subject of talks: right after a meeting noun and "über"/"about"/"on"
    (articles and adjectives between: "Gespräche über ein Freihandelsabkommen", "talks on a
    ceasefire deal"). The gold codes them as hypothetical acts and the talks as talks. Maps the
    topic's token to the meeting noun's."""
    talks = {j for j, t2, _, _ in found if t2.type == "CONSULT"}
    out: dict[int, int] = {}
    for j, t2, _, _ in found:
        if t2.type == "CONSULT":
            continue
        k = j - 1
        while k > 0 and j - k <= 4 and toks[k].word and toks[k].text[:1].islower() and toks[k].low not in _TOPIC_PREPS:
            k -= 1
        if k > 0 and toks[k].low in _TOPIC_PREPS and k - 1 in talks:
            out[j] = k - 1
    return out


_MEANS_PREPS = frozenset({"mit", "with"})


def _means_of(toks: list[Tok], ti: int, found, etype: str) -> bool:
    """Is the (German, capitalised) act noun at ti the means of a verb trigger of its own type
    before it in its clause ("drohte den USA mit Vergeltung"; articles and adjectives between
    "mit" and the noun)?"""
    k = ti - 1
    while k > 0 and ti - k <= 3 and toks[k].word and toks[k].text[:1].islower() and toks[k].low not in _MEANS_PREPS:
        k -= 1
    if k <= 0 or toks[k].low not in _MEANS_PREPS:
        return False
    return any(j < k and t2.type == etype and toks[j].clause == toks[ti].clause and toks[j].text[:1].islower()
               for j, t2, _, _ in found)


_DEMAND_PREPS = frozenset({"auf", "zu", "zur", "zum"})
# acts a demand asks the other side to perform (RETREAT and CONCEDE are suppressed by REQUEST in the
# lexicon; a call to resistance, "zum Widerstand gegen X", stays the caller's own REJECT)
_DEMANDABLE = frozenset({"AGREE", "COOPERATE"})


def _demanded(toks: list[Tok], ti: int, found) -> bool:
    """Is the (German) act noun at ti what a request verb of its clause asks for ("drängte auf
    greifbare Vereinbarungen", "pocht auf einen Abzug", "drängten Israel und die Hamas zu einer
    Einigung"; articles and adjectives between the preposition and the noun)? Then it is the
    REQUEST's content, not an act of its own (as a withdrawal demanded is REQUEST, not RETREAT)."""
    k = ti - 1
    while k > 0 and ti - k <= 3 and toks[k].word and toks[k].text[:1].islower() and toks[k].low not in _DEMAND_PREPS:
        k -= 1
    if k <= 0 or toks[k].low not in _DEMAND_PREPS:
        return False
    return any(t2.type == "REQUEST" and toks[j].clause == toks[ti].clause and toks[j].text[:1].islower()
               for j, t2, _, _ in found)


def _content_targets(out: list[Coded], groups: list[_Group], toks: list[Tok]) -> None:
    """A warning, accusation or demand noun owned by the actor right before it ("eine russische
    Warnung, in der betont wurde, dass ... die amerikanische Armee ...", "die iranische Warnung,
    dass ..., richtete sich an Israel") with no party of its own clause is aimed at the first
    party of another country named after it in the sentence (its content or its addressee)."""
    for c in out:
        if c.target is not None or c.type not in _CONTENT_ACTS or not c.trigger[:1].isupper():
            continue
        ti = _tok_index(toks, c.trigger_start)
        if not any(ti - 2 <= g.last_tok < ti and c.source in g.actors for g in groups):
            continue
        tgt = next((g for g in groups if g.first_tok > ti and toks[g.first_tok].clause > toks[ti].clause
                    and any(a.country != c.source.country for a in g.actors)), None)
        if tgt is not None:
            c.target = next(a for a in tgt.actors if a.country != c.source.country)


def _compound_owner(inner: list[_Group], others: list[_Group], toks: list[Tok], ti: int, clause: int,
                    punitive: bool):
    """Pairs for an act noun whose own word names its owner (`_arguments`): two named parties are
    its two sides; one is the source, and the target is the party it is aimed at by a preposition
    after it, else the next other party of its clause after it, else (a punitive act: "Peking
    reagierte auf die US-Exportkontrollen") the subject before it, who bears it."""
    acts = [a for g in inner for a in g.actors]
    if len(acts) >= 2:
        return _pairs([acts[0]], [acts[1]]) or [(acts[0], None)]
    src = acts[0]
    other = [g for g in others if g.clause == clause and any(a.country != src.country for a in g.actors)]
    after = [g for g in other if g.first_tok > ti]
    tgt = next((g for g in after if _prep_before(toks, g.first_tok)), None) or next(iter(after), None) \
        or (next((g for g in reversed(other) if g.first_tok < ti and not g.adj), None) if punitive else None)
    return (_pairs([src], tgt.actors) if tgt is not None else []) or [(src, None)]


def _goods_origin(out: list[Coded], groups: list[_Group], toks: list[Tok]) -> None:
    """A sanction on goods from a country ("Zölle auf Stahl aus der EU", "ein Einfuhrverbot für
    Waren aus Serbien", "tariffs on steel from China") is aimed at that country."""
    for c in out:
        if c.type != "SANCTION":
            continue
        ti = _tok_index(toks, c.trigger_start)
        j = ti + 1
        if j >= len(toks) or toks[j].low not in ("auf", "für", "gegen", "on", "against", "for"):
            continue
        k = j + 1
        while k < len(toks) and k - j <= 4 and toks[k].word and toks[k].low not in ("aus", "from"):
            k += 1
        if k >= len(toks) or toks[k].low not in ("aus", "from") or any(j < g.first_tok < k for g in groups):
            continue
        g = next((g for g in groups if k < g.first_tok <= k + 2), None)
        if g is not None and any(a.country != c.source.country for a in g.actors):
            c.target = next(a for a in g.actors if a.country != c.source.country)


def _rejected_acts(out: list[Coded], groups: list[_Group], toks: list[Tok], english: bool) -> None:
    """An accusation or threat noun with a named owner that is the object of a rejection
    ("Teheran, das die Vorwürfe der IAEA zurückweist", "wies die Drohungen Washingtons zurück")
    runs from its owner to the one who rejects it, whatever other party the clause names."""
    for c in out:
        if c.type not in ("ACCUSE", "THREATEN") or not c.trigger[:1].isupper():
            continue
        ti = _tok_index(toks, c.trigger_start)
        owner = _noun_owner(groups, toks, ti, english) if ti < len(toks) else None
        if owner is None:
            continue
        rej = next((d for d in out if d.type == "REJECT" and _clause_at(toks, d.trigger_start) == toks[ti].clause), None)
        if rej is None:
            continue
        src = next((a for a in owner.actors if a.country != rej.source.country), None)
        if src is not None:
            c.source, c.target = src, rej.source


def _owned_objects(out: list[Coded], found, groups: list[_Group], toks: list[Tok], english: bool) -> None:
    """A refusal, condemnation or endorsement of another act takes that act's owner as its target
    ("Ungarn blockierte neue EU-Sanktionen gegen Russland": Hungary against the EU, not Russia;
    "lehnte die Vorschläge Washingtons für Kiew ab"): the owner is named in the act noun itself
    (a compound "EU-Sanktionen"), by a possessive or genitive, or by a demonym before it."""
    for c in out:
        if c.type not in _ACT_ON_ACTS or not c.trigger[:1].islower():
            continue
        ti = _tok_index(toks, c.trigger_start)
        clause = toks[ti].clause if ti < len(toks) else -1
        j = next((j for j, t2, _, _ in found if j > ti and toks[j].clause == clause and toks[j].text[:1].isupper()
                  and t2.type not in _ACT_ON_ACTS), None)
        if j is None or english:
            continue
        owner = next((g for g in groups if g.first_tok == j), None) or _noun_owner(groups, toks, j, english) \
            or next((g for g in groups if g.adj and j - 2 <= g.last_tok < j), None)
        if owner is None:
            continue
        other = next((a for a in owner.actors if a.country != c.source.country), None)
        if other is not None:
            c.target = other


def _refrained_targets(out: list[Coded], toks: list[Tok]) -> None:
    """Refraining from an act ("verzichtete ... auf Angriffe auf ukrainische Städte", "refrained from
    strikes on Iranian sites") is a retreat toward the act's target, not toward a party named
    elsewhere in the clause ("nach dem Telefonat mit Trump"): the RETREAT verb takes the target of
    the act noun after it in its clause, same source country."""
    for c in out:
        if c.type != "RETREAT" or not c.trigger[:1].islower():
            continue
        clause = _clause_at(toks, c.trigger_start)
        act = next((d for d in out if d.type in _PUNITIVE and d.trigger_start > c.trigger_start and d.target is not None
                    and d.source.country == c.source.country and _clause_at(toks, d.trigger_start) == clause), None)
        if act is not None:
            c.target = act.target


_OWNER_AFTER = _GENITIVE | {"by", "von", "vom"}     # "calls by the UN", "die Forderung von Trump"


def _noun_owner(groups: list[_Group], toks: list[Tok], ti: int, english: bool) -> _Group | None:
    """The named owner of an act noun: a possessive or genitive -s right before it ("seine
    Appelle", "Trumps Vorschlag", "Trump's calls"; one adjective may stand between) or a genitive
    or agent right after it ("die Appelle der Vereinten Nationen", "die Forderung Washingtons",
    "the demands of the United States", "calls by the UN", "die Forderung von Trump"). Not a
    demonym ("the European proposal"): it tells where a proposal comes from, not who made it to whom."""
    clause = toks[ti].clause
    for g in groups:
        if g.clause != clause or g.adj:
            continue
        if ti - 2 <= g.last_tok < ti and (g.poss or toks[g.last_tok].low.endswith(("'s", "’s"))
                                          or (not english and toks[g.last_tok].text[:1].isupper()
                                              and toks[g.last_tok].low.endswith("s"))):
            return g
        if ti < g.first_tok <= ti + 3 and (toks[g.first_tok - 1].low in _OWNER_AFTER or (
                g.first_tok > ti + 1 and toks[g.first_tok - 2].low in _OWNER_AFTER and not toks[g.first_tok - 1].text[:1].isupper())
                or (g.first_tok == ti + 1 and not g.adj and not english and toks[g.last_tok].low.endswith("s"))):
            return g
    return None


def _rejected_requests(rejected: list[int], out: list[Coded], groups: list[_Group], toks: list[Tok],
                       keys: set, english: bool) -> list[Coded]:
    """A request noun that is the object of a rejection ("Putin ignoriert seine Appelle",
    "lehnte den Vorschlag des Präsidenten ab", "ignored Trump's calls") was still made: a
    REQUEST from its named owner to the party who rejects it (the gold codes both acts)."""
    add: list[Coded] = []
    done: set[tuple[str, str]] = set()
    for ti in rejected:
        if not (toks[ti].text[:1].isupper() or english):
            continue            # a verb ("forderte"), not a noun
        owner = _noun_owner(groups, toks, ti, english)
        if owner is None:
            continue
        clause = toks[ti].clause
        rej = [c for c in out if c.type == "REJECT" and _clause_at(toks, c.trigger_start) == clause]
        for c in rej:
            for src, tgt in _pairs(owner.actors, [c.source]):
                key = ("REQUEST", src.name, tgt.name)
                if key not in keys and (src.country, tgt.country) not in done:
                    keys.add(key)
                    done.add((src.country, tgt.country))     # one request, however many name its rejecter
                    # the request was made, whatever becomes of its rejection ("would reject", "denied rejecting")
                    add.append(Coded("REQUEST", None, src, tgt, "occurred", c.date if c.status == "occurred" else None,
                                     None, toks[ti].text, toks[ti].start))
    return add


# verbs of pledging: what is pledged is promised, not yet given ("sagte ... zu" is only an
# AGREE trigger with its particle, so "sagte" here is "zusagen")
_PLEDGE = ("pledg", "promis", "versprach", "versprech", "versproch", "zugesagt", "zusag")
_PLEDGE_DE = frozenset({"sagte", "sagten", "sagt", "sagen"})


def _pledged_aid(out: list[Coded], lang: str, whens, on: dt.date | None) -> list[Coded]:
    """"Germany pledged 2 billion euros in military aid to Ukraine", "Deutschland sagte der
    Ukraine ... Militärhilfe zu": the aid is the pledge's content, so one AID event of the
    pledger to the pledge's addressee whose delivery is planned (PLOVER AID; GUIDELINES: a
    promise codes the act promised as planned), not an AID that occurred plus an AGREE."""
    # (an aid phrase led by the pledge verb, "sagte Kiew weitere Luftabwehrsysteme zu", is its own pledge)
    pledges = [c for c in out if c.type in ("AGREE", "AID") and c.target is not None and (
        c.trigger.lower().startswith(_PLEDGE) or (lang == "de" and c.trigger.lower() in _PLEDGE_DE))]
    if not pledges:
        return out
    drop: set[int] = set()
    fixed: dict[int, Coded] = {}
    for p in pledges:
        parties = {p.source.name, p.target.name}
        # only aid named as the pledge's object ("pledged ... aid"); an infinitive content
        # ("versprach, ... zu liefern") is already a hypothetical act of its own (test_clauses)
        aids = [i for i, c in enumerate(out) if c.type == "AID" and c.status == "occurred" and i not in fixed
                and c.source.name in parties
                and (c.target is None or c.target.name in parties)]
        if not aids:
            continue
        if p.type == "AGREE":
            drop.add(id(p))
        status = "planned" if p.status == "occurred" else p.status
        for i in aids:
            fixed[i] = replace(out[i], source=p.source, target=p.target, status=status,
                               date=date_mod.event_date(whens, True, on))
    seen: set[tuple] = set()
    result = []
    for i, c in enumerate(out):
        if id(c) in drop:
            continue
        c = fixed.get(i, c)
        key = (c.type, c.source.name, c.target.name if c.target else None)
        if c.type == "AID" and key in seen:
            continue
        seen.add(key)
        result.append(c)
    return result


def _clause_words(toks: list[Tok], c: int) -> list[Tok]:
    ws = [t for t in toks if t.clause == c and t.word]
    while ws and ws[0].low in _COORDINATORS:
        ws = ws[1:]
    return ws


def _reported_demands(lex: Lexicon, toks: list[Tok], groups: list[_Group], kinds: dict[int, str],
                      keys: set, low: str, sentence: str, whens, on) -> list[Coded]:
    """A report of what another actor should or must do is a demand by the speaker
    ("Trump betonte, dass Russland und die Ukraine dort stehen bleiben sollten" -> REQUEST
    USA -> RUS, UKR; "Merz said Russia must withdraw"). The speaker is the first actor of the
    clause holding the verb of saying; the addressees are the actors before the deontic modal
    in the reported clause. Words: `deontic` and `clauses: speech_verbs` in data/lang."""
    out: list[Coded] = []
    if not lex.deontic:
        return out
    for mi, m in enumerate(toks):
        if m.low not in lex.deontic or kinds.get(m.clause) == "cond":
            continue      # "sofern sie Frieden bringen sollte": a condition, not an obligation
        c = m.clause
        subj = [g for g in groups if g.clause == c and g.last_tok < mi]
        while not subj and c > 0 and kinds.get(c) != "comp" and c > m.clause - 3:
            c -= 1       # "dass Russland und die Ukraine stehenbleiben, ..., nach Hause gehen müssten"
            subj = [g for g in groups if g.clause == c]
        if not subj:
            continue
        speaker = None
        if kinds.get(c) == "comp":
            gov = _governor(toks, c, kinds)
            if gov is not None and any(t.clause == gov and t.low in lex.speech_verbs for t in toks):
                speaker = next((g for g in groups if g.clause == gov), None)
        else:        # English without "that": "Merz said Russia must ..."
            sv = next((i for i in range(mi - 1, -1, -1) if toks[i].clause == c and toks[i].low in lex.speech_verbs), None)
            if sv is not None:
                speaker = next((g for g in groups if g.clause == c and g.last_tok < sv), None)
                subj = [g for g in subj if g.first_tok > sv]
        if speaker is None:
            continue
        addressees = [a for g in subj if g is not speaker for a in g.actors]
        status = "hypothetical" if _has_cue([t for t in toks if t.clause == speaker.clause],
                                            lex.status_words.get("hypothetical", frozenset())) else "occurred"
        for src, tgt in _pairs(speaker.actors, addressees):
            key = ("REQUEST", src.name, tgt.name)
            if key in keys:
                continue
            keys.add(key)
            out.append(Coded("REQUEST", None, src, tgt, status, date_mod.event_date(whens, False, on), None,
                             m.text, m.start))
    return out


def _arguments(groups: list[_Group], toks: list[Tok], ti: int, s: int, e: int, mutual: bool = False,
               nominal: bool = False, inf_clause: bool = False,
               kinds: dict[int, str] | None = None, speech: frozenset[str] = frozenset(),
               place_groups: list[_Group] | None = None, english: bool = False,
               object_of_verb: bool = False, punitive: bool = False,
               one_sided: bool = False) -> list[tuple[actor_mod.Actor, actor_mod.Actor | None]]:
    """Source and target actors for a trigger at token ti (character span s..e).

    Position rules standing in for a parser (none is available offline for German):
    - "zwischen/between X und Y" right after the trigger: X -> Y;
    - a demonym adjective counts only next to the trigger ("russische Warnung") or after a
      preposition ("Angriff auf ukrainische Städte"), not as any stray modifier;
    - zu-infinitive clauses have no subject of their own: the source is the actor of the
      clause before ("Trump begann, Putin zu drohen");
    - two actors before a clause-final trigger (German verb-final order) are source and
      target ("dass Russland den USA zustimme");
    - otherwise the source is the first actor of the trigger's clause (else the nearest one
      before, else the first after: verb-first order), the target the first actor after the
      trigger in this or the next clause, preferring one after a preposition (mit, gegen, an,
      with, against, on, ...).
    """
    if not groups:
        return []
    clause = toks[ti].clause
    if nominal:
        inner = [g for g in groups if g.start < e and s < g.end and not (g.start == s and g.end >= e)]
        if inner:
            # "US-Zölle", "EU-Sanktionen gegen Russland", "Israel-Hamas-Gespräche", "russische
            # Drohnenangriffe" (a demonym and the act noun read as one collective): the actors named
            # in the act noun's own word own it
            return _compound_owner(inner, [g for g in groups if not (g.start < e and s < g.end)], toks, ti, clause, punitive)
    gs = [g for g in groups if not (g.start < e and s < g.end)]     # not the trigger itself
    gs = [g for g in gs if not g.adj or (g.end <= s and g.last_tok >= ti - 2) or (g.start >= e and g.first_tok <= ti + 2)
          or (g.clause == clause and g.first_tok > 0 and _prep_before(toks, g.first_tok))
          # the object of a verb-final trigger: "Die Ukraine hat eine russische Raffinerie angegriffen"
          or (not nominal and g.clause == clause and g.end <= s and toks[ti].text[:1].islower()
              and any(h.clause == clause and not h.adj and h.end <= g.start for h in gs))]
    if not gs:
        return []
    where = [g for g in gs if not g.adj and g.first_tok > 0 and (toks[g.first_tok - 1].low in _IN_PLACE or (
        g.first_tok > 1 and toks[g.first_tok - 1].low in _ARTICLES and toks[g.first_tok - 2].low in _IN_PLACE))
        and not (g.first_tok > 1 and toks[g.first_tok - 2].low.startswith(_SEAT_NOUNS))]     # "die Regierung in Caracas": the state
    if where and len(where) < len(gs):
        # "traf sich in Albanien mit Macron", "der Zwischenfall in Polen": a country after "in"
        # is where the act happened; it is a party only when no other actor is named
        gs = [g for g in gs if g not in where]
    helpers = [g for g in gs if g.first_tok > 1 and _witness(toks, g.first_tok)]
    for g in [g for g in helpers if len(g.actors) > 1 and english]:
        # "Under the auspices of the UN, Russia and Ukraine signed ...": the comma closes the mediator
        # phrase; the names after it are the parties
        k = next((j for j in range(g.first_tok, g.last_tok) if toks[j].text == ","), None)
        if k is not None and k + 1 <= g.last_tok:
            gs = [x for x in gs if x is not g] + [
                replace(g, actors=g.actors[:1], end=toks[k - 1].end, last_tok=k - 1),
                replace(g, actors=g.actors[1:], start=toks[k + 1].start, first_tok=k + 1, clause=toks[k + 1].clause)]
            gs.sort(key=lambda x: x.first_tok)
            helpers = [x for x in gs if x.first_tok > 1 and _witness(toks, x.first_tok)]
    if helpers and len(helpers) < len(gs):
        # "Unter Vermittlung Katars vereinbarten Israel und die Hamas ...", "mediated by Qatar": a
        # mediator, witness or helper names no party of the act
        gs = [g for g in gs if g not in helpers]
    before = [g for g in gs if g.end <= s]
    after = [g for g in gs if g.start >= e]
    # "Treffen zwischen Putin und Trump"
    for j in range(ti + 1, min(len(toks), ti + 4)):
        if toks[j].low in _BETWEEN:
            nxt = [g for g in after if g.start >= toks[j].end]
            if nxt:
                acts = list(nxt[0].actors)
                if len(acts) == 1 and len(nxt) > 1:
                    acts.append(nxt[1].actors[0])
                if len(acts) >= 2:
                    return _pairs([acts[0]], [acts[1]])
            break
    # passive voice: "Kyiv was hit by Russia", "Kiew wurde von Russland angegriffen"
    clause_groups = [g for g in gs if g.clause == clause]
    if any(t.low in _PASSIVE_AUX for t in toks if t.clause == clause):
        agent = next((g for g in clause_groups if g.first_tok > 0 and toks[g.first_tok - 1].low in _AGENT_PREPS
                      or (g.first_tok > 1 and toks[g.first_tok - 2].low in _AGENT_PREPS and toks[g.first_tok - 1].low in _ARTICLES)), None)
        patient = next((g for g in clause_groups if g is not agent), None) if agent else None
        if agent and patient:
            return _pairs(agent.actors, patient.actors)
    if not nominal and not mutual and _agentless_passive(toks, ti) and not any(
            g.first_tok > 0 and toks[g.first_tok - 1].low in _AGENT_PREPS for g in clause_groups):
        return []      # "Indien könnte gezwungen sein", "Kyiv was hit": the actor named is the patient
    # genitive agent of a noun trigger: "Verhandlungen der EU mit der Ukraine", "talks of X with Y"
    # the agent of an act noun in a "durch"/"by" phrase: "die Lieferung von Raketen an Kiew
    # durch Paris", "the attack on Kyiv by Russia"
    if nominal:
        agent = next((g for g in after if (g.clause == clause or (english and g.clause == clause + 1 and _participle_clause(toks, g.clause)))
                      and g.first_tok <= ti + 12 and not g.poss and _agent_phrase(toks, g.first_tok)), None)
        if agent is not None:
            others = [g for g in gs if g is not agent and g.clause == clause
                      and {a.country for a in g.actors} - {a.country for a in agent.actors}]
            others.sort(key=lambda g: (g.start < e, abs(g.first_tok - ti)))
            if others:
                return _pairs(agent.actors, others[0].actors)
    # ... and a genitive name right after the noun: "das Treffen Selenskyjs mit Trump"
    if nominal and after and after[0].first_tok <= ti + 3 and (
            toks[after[0].first_tok - 1].low in _GENITIVE
            or (after[0].first_tok == ti + 1 and not after[0].adj and toks[ti].text[:1].isupper()
                and toks[after[0].last_tok].low.endswith("s"))):
        gen = after[0]
        tgt = next((g for g in after[1:] if g.clause == clause and _prep_before(toks, g.first_tok)
                    and {a.country for a in g.actors} - {a.country for a in gen.actors}), None)
        if tgt is not None:
            return _pairs(gen.actors, tgt.actors)
    same_before = [g for g in before if g.clause == clause]
    earlier = [g for g in before if g.clause < clause]
    # "The Philippines said Chinese vessels rammed ...": who speaks is not who acts (a threat
    # reported as "X said Y would face ..." is the speaker's, so the caller passes no speech verbs)
    sv = next((j for j in range(ti - 1, -1, -1) if toks[j].clause == clause and toks[j].low in speech), None)
    if sv is not None and any(g.first_tok > sv for g in same_before):
        earlier = earlier + [g for g in same_before if g.last_tok < sv]
        same_before = [g for g in same_before if g.first_tok > sv]
    owner = False
    # a noun coordinated with a possessed one shares its owner: "nach seinem Telefonat mit X und
    # Gesprächen mit Y"
    if nominal and len(same_before) >= 2 and not same_before[-1].poss and ti > 0 and toks[ti - 1].low in ("und", "and", "sowie"):
        poss = [g for g in same_before if g.poss and g.last_tok >= ti - 10]
        if poss:
            same_before = [g for g in same_before if g is not poss[-1]] + [poss[-1]]
    if nominal and len(same_before) >= 2 and same_before[-1].last_tok >= ti - 10 and same_before[-1].poss \
            and (same_before[-1].last_tok >= ti - 3 or toks[ti - 1].low in ("und", "and", "sowie")):
        # "der nach seinem Telefonat mit Putin und seinem Treffen mit Selenskyj ...": the
        # possessive owns the act, the party after the preposition is the other side
        same_before = [same_before[-1]] + [g for g in same_before[:-1]]
        owner = True
    elif nominal and len(same_before) >= 2 and same_before[-1].last_tok >= ti - 2 \
            and ((same_before[-1].adj and not _joint(same_before, toks))
                 or toks[same_before[-1].last_tok].low.endswith(("'s", "’s", "s"))
                 or (english and same_before[-1].last_tok == ti - 1 and same_before[-1].first_tok > 0
                     and toks[same_before[-1].first_tok - 1].low in _DETERMINERS)
                 or (english and _attributive(same_before[-1], toks, ti))):
        # "Beijing criticised Washington's tariffs", "Selenskyj verurteilte den russischen
        # Angriff auf Kiew": the actor (or demonym) right before a noun trigger owns it
        same_before = [same_before[-1]] + [g for g in same_before[:-1]]
        owner = True
    kinds = kinds or {}
    if nominal and object_of_verb and not owner:
        # "Downing Street verurteilte den Angriff auf Kiew": whoever condemns an attack is not
        # its attacker; an act noun that is the object of another act has no agent of its own here
        return []
    # (an act in a condition takes no party from the main clause after it: "Sollten die Huthis Schiffe
    # angreifen, würden die USA zuschlagen")
    near_after = [g for g in after if g.clause <= clause + (kinds.get(clause) != "cond")]
    if english:
        # English: the next clause holds a party of the act only when it continues the phrase
        # ("..., targeting Kyiv"), not when a coordinator or subordinator opens a clause of its own
        # ("has welcomed the sanctions but remains divided over how to finance Ukraine")
        near_after = [g for g in near_after if g.clause == clause or _continues(toks, g.clause)]
    if near_after and near_after[-1].clause > clause and any(t.subj and t.clause > clause for t in toks[ti:]):
        # the subject of a coordinated clause is no party to the act before it ("entweder Putin
        # friert die Front ein, oder Trump zwingt Selenskyj ...")
        near_after = [g for g in near_after if g.clause == clause or not _subject_clause(toks, g.clause)]
    tgt_g = None
    # a zu-infinitive clause has no subject of its own: it is the actor of the clause before
    # (the subject, or the object of "zwingen", "drängen": the last actor named there)
    infinitive = (ti > 0 and toks[ti - 1].low == "zu" and toks[ti].text[:1].islower()) or inf_clause
    if infinitive and earlier:
        # "um ... zu" (purpose) is controlled by the subject; other zu-infinitives by the last
        # actor named (the object of "zwingen", "drängen", or the subject when it is the only one)
        first = next((t for t in toks if t.clause == clause and t.word), None)
        gov = [g for g in earlier if g.clause == max(x.clause for x in earlier)]
        subject_control = any(t.clause == gov[0].clause and any(f in _SUBJECT_CONTROL for f in t.forms) for t in toks) if gov else False
        if gov and subject_control:
            # "Moskau hatte versucht, nach dem Telefonat zwischen Putin und Trump auf Angriffe zu
            # verzichten": verbs of trying, planning, promising are controlled by their subject
            gov = [g for g in gov if not _right_after_prep(toks, g.first_tok) and not g.adj] or gov
        src_g = gov[0] if first is not None and (first.low in ("um", "in") or subject_control) and gov else earlier[-1]
        if mutual:
            # "die Entscheidung Trumps, sich mit dem Präsidenten, Putin, zu treffen": the partner
            # after "mit" (and its apposition) is the other side, not the one who meets
            partner = {a.name for g in before if _partner_phrase(toks, g.first_tok) for a in g.actors}
            if partner and {a.name for a in src_g.actors} <= partner:
                src_g = next((g for g in reversed(earlier) if not {a.name for a in g.actors} <= partner), src_g)
        pool = same_before + near_after
    elif len(same_before) >= 2:
        # the subject is not inside a fronted prepositional phrase ("Im Streit mit China gab
        # Australien nach"): the first actor not right after a preposition
        src_g = same_before[0] if owner else \
            next((g for g in same_before if not _right_after_prep(toks, g.first_tok)), same_before[0])
        pool = [g for g in same_before if g is not src_g] + near_after
        if one_sided and not nominal:
            # "Die USA und die EU verhängten neue Sanktionen": a subject coordinated with the source
            # shares its one-sided act, it is not its target
            pool = [g for g in pool if not _conjoined(toks, src_g, g)]
        if english and not nominal and ti > 0 and toks[ti - 1].low in ("and", "but"):
            # English is subject-verb-object: the second of two coordinated verbs takes a party after
            # it, never the first verb's object ("thanked Germany and urged the United States to ...",
            # "spoke with Zelensky and called for a peaceful resolution")
            pool = near_after
    elif same_before and not nominal and not english and all(g.poss for g in same_before) \
            and (inv := _inverted_subject(groups, toks, ti, clause)) is not None:
        # "Ihren Vorschlag lehnte Israel ab": a possessed object fronted before the verb (German
        # verb second); the actor right after the verb is its subject, the owner its target
        src_g = inv
        pool = same_before + [g for g in near_after if g is not inv]
    elif same_before:
        src_g = same_before[0]
        pool = near_after
    elif before and not nominal and kinds.get(clause - 1) in ("adv", "cond") and kinds.get(clause) == "main" \
            and next((t for t in toks if t.clause == clause and t.word), None) is toks[ti] \
            and any(g.clause == clause and not g.adj and not _right_after_prep(toks, g.first_tok) for g in after):
        # "Da Macron zögerte, lieferte Scholz ...", "Wenn X zustimmt, trifft Y ...": after a fronted
        # adverbial clause the verb comes first and its subject right after it
        src_g = next(g for g in after if g.clause == clause and not g.adj and not _right_after_prep(toks, g.first_tok))
        pool = [g for g in near_after if g is not src_g]
    elif before:
        # no subject in this clause: the sentence's first actor (tried: the subject of the
        # nearest main clause before; worse on the development split)
        src_g = before[0]
        pool = near_after
    elif after:
        src_g = after[0]
        if english and src_g.first_tok > 1 and (toks[src_g.first_tok - 1].low in _AIMED_PREPS or (
                toks[src_g.first_tok - 1].low in _ARTICLES and toks[src_g.first_tok - 2].low in _AIMED_PREPS)):
            # "the Treasury imposed sanctions on Rosneft": English puts the agent before the act; a
            # party after a preposition is its target, and the agent is not named
            return []
        if src_g.clause != clause and kinds.get(src_g.clause) in ("comp", "rel"):
            # "..., erwarten Beobachter, dass Putin ...": the subject of a clause that depends on the
            # trigger's is no agent of the trigger
            return []
        pool = [g for g in near_after if g is not src_g]
    else:
        return []
    src_countries = {a.country for a in src_g.actors}
    if nominal and not mutual and _aimed_at_thing(toks, ti, after, clause):
        return []
    if nominal and not mutual:
        aimed = _aimed_at(toks, ti, after, clause)
        if aimed is not None and (aimed is src_g or not _pairs(src_g.actors, aimed.actors)):
            # "Druck auf Russland", "sanctions against Moscow": the party the act noun is aimed at
            # is its target; a source of the same country is a misreading (nobody presses itself)
            return []
        if aimed is not None:
            # ... and it is the target before any other party of the clause ("verzichtete nach dem
            # Telefonat zwischen Putin und Trump auf Angriffe auf ukrainische Städte": Ukraine)
            return _pairs(src_g.actors, aimed.actors)
    if mutual and len(src_countries) == 1 and any(t.low in ("sich", "themselves") for t in toks if t.clause == clause) \
            and not any(g.clause == clause and g is not src_g and _prep_before(toks, g.first_tok)
                        and any(toks[j].low in ("mit", "with") for j in range(max(0, g.first_tok - 3), g.first_tok)) for g in gs):
        # "Die EU hat sich auf Sanktionen gegen Russland geeinigt": an agreement among the
        # subject's members, not with the party its content is aimed at
        return [(a, None) for a in src_g.actors]
    disjunct = any(toks[j].low in ("oder", "or", "noch", "nor") for j in range(src_g.first_tok, src_g.last_tok + 1))
    if len(src_countries) >= 2 and mutual and not disjunct and not any(
            g.clause == clause and (g.start >= e or not english and g.first_tok > src_g.last_tok and _verb_final_party(toks, g, src_g))
            and {a.country for a in g.actors} - src_countries
            and not _witness(toks, g.first_tok) for g in pool):
        # (German verb-final: the other party may stand before the verb, "die Kiew ... zugesagt hatten")
        return _pairs([src_g.actors[0]], [src_g.actors[1]])   # "Putin und Trump telefonierten / vereinbarten"
    if pool is near_after or len(same_before) < 2 or owner:
        marked = [g for g in pool if g.clause == clause and g.start >= e and g.first_tok > 0 and _prep_before(toks, g.first_tok)]
        if not marked and owner and place_groups and not mutual:
            # "Canada condemned Russia's attack on a hospital in Kyiv": the place's country (not for
            # a meeting: "bei ihren Gesprächen in Genf" is neutral ground, not a party)
            marked = [g for g in place_groups if g.clause == clause and g.start >= e]
        pools = (marked, pool)
        if not english and not nominal and src_g in same_before and toks[ti].text[:1].islower():
            # German: an actor right after the finite verb, its subject before it, is the verb's object
            # ("China warnte die USA vor Waffenlieferungen an Taiwan": the USA are warned, not Taiwan)
            direct = [g for g in pool if g.clause == clause and not g.adj and (g.first_tok == ti + 1 or (
                g.first_tok == ti + 2 and toks[ti + 1].low in _ARTICLES))]
            if direct:
                pools = (direct,) + pools
        if english and not nominal:
            # English: the object right after a verb is its addressee ("urged them to send aid to
            # Ukraine", "asked Berlin for ...") before any prepositional party
            direct = [g for g in pool if g.clause == clause and (g.first_tok == ti + 1 or (g.first_tok == ti + 2
                      and toks[ti + 1].low in _DETERMINERS))]
            if direct:
                pools = (direct,) + pools
            elif _unnamed_object(toks, ti, gs):
                # "called on allies to send air defence to Ukraine": the addressee is a party not
                # named; the actors of the infinitive are not it
                return [(a, None) for a in src_g.actors]
    else:
        pools = (pool,)
    # a party of another country first; one of the source's own country (an armed group, the
    # army it fights) only when there is none ("Hamas rief die Palästinenser zum Widerstand
    # gegen Israel auf" is aimed at Israel)
    for other in (lambda g: {a.country for a in g.actors} - src_countries, lambda g: _pairs(src_g.actors, g.actors)):
        for p in pools:
            tgt_g = next((g for g in p if other(g) and not _witness(toks, g.first_tok)), None)
            if tgt_g:
                break
        if tgt_g:
            break
    if tgt_g is None:
        to_place = not mutual and any(p.start >= e and p.clause == clause and not {a.country for a in p.actors} & src_countries
                                      for p in place_groups or ())
        # (English "struck" may read as a noun: right after its subject it is the verb)
        # ... or a noun object after the pair's own verb ("Die USA und die EU verhängten neue Sanktionen")
        joined = one_sided and (not nominal or (english and src_g.last_tok == ti - 1) or (
            src_g.last_tok + 1 < ti and toks[src_g.last_tok + 1].word and toks[src_g.last_tok + 1].text[:1].islower()
            and toks[src_g.last_tok + 1].low not in _ARTICLES and all(t.clause == toks[ti].clause for t in toks[src_g.first_tok:ti]))) and any(toks[j].low in ("und", "and", "sowie") for j in range(src_g.first_tok, src_g.last_tok + 1))
        if len(src_countries) >= 2 and not disjunct and not to_place and not joined:
            # "Putin und Trump telefonierten"; not "X, Y oder Z könnten ...": alternatives, not
            # partners; not a one-sided act of the pair aimed at a place ("France and Germany
            # supply weapons to Kyiv": the caller takes the place's country); not a one-sided act
            # with its other party unnamed ("Südkorea und Japan verurteilten den Test": no event; a
            # bare comma may join a clause's subject to the next clause's actor, "Trump beginnt, Putin ...")
            return _pairs([src_g.actors[0]], [src_g.actors[1]])
        # no party but a country where the act happened, after it: "bombardierte Ziele im Libanon"
        tgt_g = next((g for g in where if g.start >= e and g.clause == clause
                      and {a.country for a in g.actors} - src_countries), None)
        if tgt_g is not None and not mutual:
            return _pairs(src_g.actors, tgt_g.actors)
        if to_place:
            return [(a, None) for a in src_g.actors]      # the caller takes the place's country
        # the addressee named before ("sagte Rubio, dass Russland keinem ... zustimme")
        tgt_g = next((g for g in reversed(earlier) if g is not src_g and _pairs(src_g.actors, g.actors)
                      and not (english and not {a.country for a in g.actors} - src_countries)), None)
        if tgt_g is None:
            # no second party: kept for claims (a stance needs no target), not coded as an event
            return [(a, None) for a in src_g.actors]
    return _pairs(src_g.actors, tgt_g.actors)


def _in_relative(toks: list[Tok], c: int, kinds: dict[int, str], relative: frozenset[str]) -> bool:
    """Is clause c a relative clause opened by a relative pronoun ("der ...", "who ..."), or a
    subordinate clause opened right inside one without punctuation ("who after his meeting ...")?"""
    if kinds.get(c) != "rel" and kinds.get(c - 1) != "rel":
        return False
    first = next((t for t in toks if t.clause == c), None)
    if first is not None and first.word and c > 0 and kinds.get(c) in ("adv", "cond", "comp"):
        c -= 1
    return kinds.get(c) == "rel" and next((t.low for t in toks if t.clause == c and t.word), None) in relative


def _inverted_subject(groups: list[_Group], toks: list[Tok], ti: int, clause: int) -> _Group | None:
    """The actor right after a verb (an article between allowed): the subject of a German
    verb-second clause whose first place holds something else ("Ihren Vorschlag lehnte Israel ab")."""
    j = ti + 1
    if j < len(toks) and toks[j].low in _ARTICLES:
        j += 1
    return next((g for g in groups if g.first_tok == j and g.clause == clause and not g.poss and not g.adj), None)


def _verb_final_party(toks: list[Tok], g: _Group, src_g: _Group) -> bool:
    """Is g, between a German subject and its verb-final trigger, the other party: a partner after
    "mit", or a bare name right after the subject ("die Kiew ... zugesagt hatten")? Not a genitive
    or a mediator ("unter Vermittlung der EU")."""
    if g.poss or g.adj:
        return False          # an owner of a noun ("zur Normalisierung ihrer Beziehungen"), a demonym
    prev = toks[g.first_tok - 1]
    return g.first_tok - 1 == src_g.last_tok or prev.low == "mit" or (prev.low not in _ARTICLES and not _prep_before(toks, g.first_tok))


def _subject_clause(toks: list[Tok], c: int) -> bool:
    """Does clause c open with a coordinator and a subject of its own (`_split_coordinated`)?"""
    return any(t.subj for t in toks if t.clause == c)


_AIMED_PREPS = frozenset({"auf", "gegen", "gegenüber", "on", "against", "toward", "towards"})


def _aimed_at(toks: list[Tok], ti: int, after: list[_Group], clause: int) -> _Group | None:
    """The actor an act noun is aimed at by a preposition right after it ("Druck auf die
    Russische Föderation", "pressure on Moscow"): at most an article or adjective between."""
    if ti + 1 >= len(toks) or toks[ti + 1].low not in _AIMED_PREPS:
        return None
    g = next((g for g in after if g.clause == clause), None)
    if g is None or g.first_tok > ti + 4:
        return None
    if any(not toks[j].word or (toks[j].low not in _ARTICLES and toks[j].text[:1].isupper())
           for j in range(ti + 2, g.first_tok)):
        return None       # a noun in between ("Druck auf die Sponsoren Russlands") is what it aims at
    return g


def _received(groups: list[_Group], toks: list[Tok], clause: int):
    """"Solche Absagen hörte Trump von Putin", "Macron received threats from Erdogan": with a
    verb of receiving, the act noun's agent is the party after "von"/"from" and the subject
    its target. None when the clause has no such party."""
    gs = [g for g in groups if g.clause == clause]
    frm = next((g for g in gs if g.first_tok > 0 and (toks[g.first_tok - 1].low in ("von", "vom", "from") or (
        g.first_tok > 1 and toks[g.first_tok - 1].low in _ARTICLES and toks[g.first_tok - 2].low in ("von", "from")))), None)
    if frm is None:
        return None
    countries = {a.country for a in frm.actors}
    other = next((g for g in gs if g is not frm and {a.country for a in g.actors} - countries), None)
    return _pairs(frm.actors, other.actors) if other is not None else None


def _unnamed_object(toks: list[Tok], ti: int, groups: list[_Group]) -> bool:
    """English "urged/called on <lower-case noun phrase> to <verb>": an object that names no actor
    ("allies", "member states", "both sides") controls the infinitive."""
    j = ti + 1
    if j < len(toks) and toks[j].low in ("on", "upon"):
        j += 1
    k = j
    while k < len(toks) and k - j < 4 and toks[k].word and toks[k].text[:1].islower() and toks[k].low != "to":
        k += 1
    if k == j or k + 1 >= len(toks) or toks[k].low != "to":
        return False
    if j == ti + 1 and not toks[k - 1].low.endswith("s"):
        return False     # without "on", only a plural noun ("urged allies to"), not "doesn't intend to"
    nxt = toks[k + 1]
    if not nxt.word or not nxt.text[:1].islower() or nxt.low in _DETERMINERS or nxt.low in _ARTICLES:
        return False
    return not any(j <= g.first_tok <= k for g in groups)


def _witness(toks: list[Tok], i: int) -> bool:
    """"signed a peace agreement in the presence of Trump", "witnessed by Trump": a witness or
    mediator of a mutual act is not a party to it."""
    window = " ".join(t.low for t in toks[max(0, i - 4):i])
    if i > 0 and toks[i - 1].low == "under" and any(t.low in ("mediation", "auspices", "supervision") for t in toks[i + 1:i + 4]):
        return True      # "agreed ... under EU mediation"
    return bool(_WITNESS.search(window))


# (German: "unter/auf/durch Vermittlung Katars", "vermittelt von Ägypten", "mit Hilfe der USA", "im Beisein Trumps")
# (German right before the name, at most an article between: "unter Vermittlung Katars vereinbarten Israel ..." names no mediator Israel)
_WITNESS = re.compile(r"\b(?:presence of|witnessed by|mediated by|brokered by|hosted by|auspices of|mediation (?:of|from|by)|help of)\b"
                      r"|\b(?:(?:unter|auf|durch|nach) (?:der )?vermittlung(?: durch)?|vermittelt (?:von|durch)|mit (?:der )?(?:hilfe|unterstützung)"
                      r"|im beisein|in (?:der )?anwesenheit|unter (?:der )?schirmherrschaft)(?: von| vom| der| des| dem| den)?$")


def _from_agent(groups: list[_Group], toks: list[Tok], ti: int):
    """"Israel allowed aid into Gaza after pressure from the United States": the party right after
    "from" (and its article) acts on the sentence's first other party."""
    frm = next((g for g in groups if g.first_tok in (ti + 2, ti + 3) and all(
        toks[j].low in _ARTICLES for j in range(ti + 2, g.first_tok))), None)
    if frm is None:
        return None
    countries = {a.country for a in frm.actors}
    other = next((g for g in groups if g is not frm and not g.adj and {a.country for a in g.actors} - countries), None)
    return _pairs(frm.actors, other.actors) if other is not None else None


def _partner_phrase(toks: list[Tok], i: int) -> bool:
    """Is token i inside a "mit"/"with" phrase, its apposition included ("mit dem Kanzler,
    Merz", "with the chancellor, Merz")? Only articles, nouns, adjectives and commas between."""
    for j in range(i - 1, max(-1, i - 7), -1):
        t = toks[j]
        if t.low in ("mit", "with"):
            return True
        if t.text == "," or t.low in _ARTICLES or t.text[:1].isupper() or t.low.endswith(("e", "en", "er", "em", "es")):
            continue
        return False
    return False


# who stands for the state whose capital follows "in" ("die Regierung in Caracas", "officials in Kyiv")
_SEAT_NOUNS = ("regierung", "führung", "beamte", "behörde", "machthaber", "offizielle", "diplomaten", "regime", "staatsführung",
               "government", "leadership", "officials", "authorities", "administration", "diplomats", "regime", "rulers")
_OFFICE_NOUNS = ("regierung", "führung", "präsident", "armee", "truppen", "streitkräfte", "behörde", "ministerium", "staat",
                 "government", "leadership", "president", "army", "troops", "forces", "ministry", "state")


def _aimed_at_thing(toks: list[Tok], ti: int, after: list[_Group], clause: int) -> bool:
    """Is a German act noun aimed at a thing, not an actor ("Sanktionen gegen die Energiesponsoren
    Russlands")? Then the actor in the genitive after that thing is neither side of the act."""
    if ti + 2 >= len(toks) or toks[ti + 1].low not in _AIMED_PREPS:
        return False
    j = ti + 2
    while j < len(toks) and toks[j].low in _ARTICLES:
        j += 1
    if j >= len(toks) or not toks[j].text[:1].isupper() or toks[j].low.startswith(_OFFICE_NOUNS):
        return False
    return not any(g.first_tok <= j <= g.last_tok for g in after) and any(
        g.clause == clause and g.first_tok in (j + 1, j + 2) and toks[g.last_tok].low.endswith("s") for g in after)


def _english_noun(toks: list[Tok], ti: int, groups: list[_Group]) -> bool:
    """English marks nouns by what precedes them: a determiner ("the attack"), a possessive
    ("India's strikes") or a demonym after a determiner ("the Russian attack")."""
    prev = toks[ti - 1]
    if prev.low in _DETERMINERS or prev.low.endswith(("'s", "’s")):
        return True
    # ... and a demonym or attributive country right before it ("American tariffs", "the U.S. tariffs",
    # "new U.S. export controls"): an adjective or a name in modifier position qualifies a noun
    if any(g.last_tok == ti - 1 and (g.adj or (g.first_tok > 0 and toks[g.first_tok - 1].low in _DETERMINERS
                                                and not toks[ti].low.endswith("ed")))
           for g in groups):
        return True      # (not "The EU asked China ...": a past verb after its subject)
    # ... and the names English uses as adjectives, also with one modifier between ("under U.S.
    # pressure", "EU sanctions", "US military buildup"); other country names before a noun
    # are as often its target ("Russia sanctions") and stay unread
    return not toks[ti].low.endswith(("ed", "ing")) and any(_attributive(g, toks, ti) for g in groups)


_ATTRIB_NAMES = frozenset({"U.S", "US", "EU", "UN", "NATO", "UK", "U.N"})


def _attributive(g: _Group, toks: list[Tok], ti: int) -> bool:
    """Is g a name English uses as an adjective ("U.S.", "EU", "UN", "NATO") right before the noun
    at ti, with at most one lower-case modifier between ("U.S. sanctions", "the U.S. naval buildup")?"""
    name = toks[g.last_tok - 1] if toks[g.last_tok].text == "." and g.last_tok > g.first_tok else toks[g.last_tok]
    if name.text.rstrip(".") not in _ATTRIB_NAMES:      # ("U.S." ends in a token of its own for the period)
        return False
    between = [t for t in toks[g.last_tok + 1:ti] if t.text != "."]
    return len(between) == 0 or (len(between) == 1 and between[0].word and between[0].text[:1].islower())


def _joint(same_before: list[_Group], toks: list[Tok]) -> bool:
    """"russisch-amerikanische Vereinbarungen": hyphen-joined demonyms name both parties."""
    a, b = same_before[-2], same_before[-1]
    return b.first_tok - a.last_tok <= 2 and any(toks[j].text == "-" for j in range(a.last_tok + 1, b.first_tok)) \
        or b.first_tok == a.last_tok


NOUN_WINDOW = 4
# verbs whose object can be another act ("condemned the attack", "lehnte den Vorschlag ab")
_ACT_ON_ACTS = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST", "CONCEDE"})
_GERUND_PREPS = frozenset({"of", "against", "for", "from", "about"})
# English has no capitalised nouns: a trigger after one of these words is read as a noun
_DETERMINERS = frozenset("a an the this that these those its their his her our new further latest recent another any "
                         "massive major fresh first second more additional".split())


def _near_actor(groups: list[_Group], toks: list[Tok], ti: int) -> bool:
    """Is an actor (or a possessive pointing to one) within NOUN_WINDOW tokens of token ti?"""
    for g in groups:
        if g.first_tok - NOUN_WINDOW <= ti <= g.last_tok + NOUN_WINDOW:
            return True
    return any(toks[j].low in _POSSESSIVE for j in range(max(0, ti - 3), ti))


_POSSESSIVE = frozenset({"sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"})


# verbs of arriving or travelling: "X und Y trafen in Kiew ein" visit the host, not each other
_ARRIVAL = frozenset("eintreffen reisen besuchen visit travel arrive".split())


def _host(pairs, places, groups, toks, ti, e):
    """A visit to a capital with no other party named in the clause is a visit to that
    country ("Politiker aus Frankreich ... trafen in Kiew ein" -> France -> Ukraine)."""
    clause = toks[ti].clause
    # only a capital stands for its government as host; a meeting in Istanbul or Geneva is on neutral ground
    # the capital after the trigger, or (verb-final German: "ist nach Washington gereist") before a verb trigger in its clause
    verb = toks[ti].text[:1].islower()
    host = next((p.host for p in places if p.host is not None and p.capital and (p.start >= e and p.start - e < 150
                 or verb and p.end <= toks[ti].start and _clause_at(toks, p.start) == clause)), None)
    if host is None:
        return pairs
    if pairs and all(t is not None for _, t in pairs) and any(
            g.start < e and toks[ti].start < g.end and any(t in g.actors for _, t in pairs) for g in groups):
        return pairs        # "Israel-Hamas-Gespräche in Kairo": both sides are named in the noun itself
    first = pairs[0][0] if pairs else None
    if first is not None and toks[ti].low.startswith(_VISITS) and ti + 2 < len(toks) and toks[ti + 1].low in ("in", "nach", "to") \
            and any(p.host is host and p.capital and p.start == toks[ti + 2].start for p in places):
        # "kritisierte bei seinem Besuch in Peking die Unterstützung für Russland": a visit to a capital
        # is a visit to its state, whoever else the clause names
        return _pairs(list(dict.fromkeys(a for a, _ in pairs)), [host]) or pairs
    src_g = next((g for g in groups if first in g.actors), None) if first else None
    # another party in the clause makes it a meeting with that party, unless it is named only
    # well after the place ("Besuch ... in Kiew und gipfelte in einem Telefonat zwischen ...")
    place = next(p for p in places if p.host is host and p.capital)
    src_c = {a.country for a in (src_g.actors if src_g else [])}
    if any(g.clause == clause and (g.start >= e or verb) and g is not src_g and not (first is not None and first in g.actors)
           and {a.country for a in g.actors} - src_c
           and (g.start < place.start or g.first_tok - _tok_index(toks, place.end) <= 3) for g in groups):
        return pairs
    if src_g and len(src_g.actors) == 2 and not set(toks[ti].forms) & _ARRIVAL \
            and any(t is not None and t in src_g.actors for _, t in pairs):
        return pairs        # "Macron und Merz trafen sich in Paris": the pair met each other
    srcs = src_g.actors if src_g else [g.actors[0] for g in groups if g.end <= toks[ti].start][:1]
    return _pairs(srcs, [host])


def _agent_phrase(toks: list[Tok], i: int) -> bool:
    """Is token i the head of a "durch ..." / "by ..." phrase (up to four modifiers between)?"""
    for j in range(i - 1, max(-1, i - 6), -1):
        if toks[j].low in ("durch", "by"):
            return True
        if not toks[j].word or (toks[j].text[:1].isupper() and j < i - 1) or toks[j].low in _TARGET_PREPS:
            return False      # (a title noun right before the name is allowed: "durch seinen Verbündeten Trump")
    return False


_PASSIVE_NEAR = frozenset({"wurde", "wurden", "worden", "werden", "wird", "sein", "ist", "sind", "war", "waren",
                           "was", "were", "been", "being", "be", "is", "are"})
_PARTICIPLE_DE = re.compile(r"^(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|zu|zurück|weg|los|statt|teil|fort|hinzu|durch|über|unter)?ge\w{2,}(?:t|en)$")


def _agentless_passive(toks: list[Tok], ti: int) -> bool:
    """A participle trigger with a passive auxiliary beside it ("gezwungen sein", "wurde
    angegriffen", "was forced"): its named actor is the patient."""
    t = toks[ti]
    if not t.text[:1].islower():
        return False
    participle = bool(_PARTICIPLE_DE.match(t.low)) or t.low.endswith("ed") or t.low in ("hit", "struck", "shot", "taken")
    if not participle:
        return False
    return any(toks[j].low in _PASSIVE_NEAR for j in range(max(0, ti - 2), min(len(toks), ti + 3)) if j != ti)


def _right_after_prep(toks: list[Tok], i: int) -> bool:
    """Is token i the head of a prepositional phrase ("mit China", "mit dem russischen Präsidenten")?"""
    j = i - 1
    while j >= 0 and i - j <= 3 and (toks[j].low in _ARTICLES or (toks[j].word and toks[j].text[:1].islower()
                                                                   and toks[j].low not in _TARGET_PREPS)):
        if toks[j].low not in _ARTICLES and not toks[j].low.endswith(("e", "en", "er", "em", "es")):
            return False      # a verb or adverb, not an article or adjective
        j -= 1
    return j >= 0 and toks[j].low in _TARGET_PREPS


def _clause_at(toks: list[Tok], pos: int) -> int:
    return next((t.clause for t in toks if t.start >= pos), toks[-1].clause if toks else 0)


def _tok_index(toks: list[Tok], pos: int) -> int:
    return next((i for i, t in enumerate(toks) if t.start >= pos), len(toks))


def _prep_before(toks: list[Tok], i: int) -> bool:
    for j in range(i - 1, max(-1, i - 4), -1):
        if toks[j].low in _TARGET_PREPS:
            return True
        if not toks[j].word:
            return False
    return False


def _pairs(srcs: list[actor_mod.Actor], tgts: list[actor_mod.Actor]):
    """Source-target pairs of different countries, or of one country when one side is a
    non-state organisation (armed group, party) and the other a distinct actor: "the Sudanese
    army accused the RSF" is an event, "Trump -> USA" (an actor on its own state) is not."""
    return [(a, b) for a in srcs for b in tgts
            if a.country != b.country or (a != b and "organisation" in (a.kind, b.kind) and not _own_institution(a, b))]


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    """Codes of states in the gazetteer (an organisation with any other code, EU, NATO, UNO,
    is an international body: its code names the body itself)."""
    from detente.extract.lexicon import load_gazetteer
    return frozenset(a.country for a in load_gazetteer().actors.values() if a.kind == "country")


def _own_institution(a: actor_mod.Actor, b: actor_mod.Actor) -> bool:
    """Is one of the pair an international body and the other its own official ("EU" and
    Kallas): one side, not two parties. A group inside a state (Hamas, RSF) stays distinct
    from that state's people."""
    return any(x.kind == "organisation" and y.kind != "organisation" and x.country not in _states()
               for x, y in ((a, b), (b, a)))


def _location(places: list[actor_mod.Hit], s: int, e: int, etype: str) -> str | None:
    if etype not in ("CONSULT", "AGREE", "ASSAULT", "PROTEST", "MOBILIZE") or not places:
        return None
    inside = [p for p in places if p.start < e and s < p.end]
    if inside:
        return inside[0].place
    after = [p for p in places if p.start >= e]
    if after and after[0].start - e < 80:
        return after[0].place
    if len({p.place for p in places}) == 1:
        return places[0].place
    return None

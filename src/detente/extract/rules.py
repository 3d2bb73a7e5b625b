"""Rule-based event coding of one sentence: triggers, arguments, status, date, location.

A deterministic pipeline as recommended by NLP_NOTES §0.3 (no German parser or event model
can be installed offline): tokens with lookup lemmas (simplemma), German separable-verb
particles re-attached at the clause end ("lehnte ... ab" -> ablehnen, NLP_NOTES §3.2),
trigger lexicons from data/lang/*.yaml mapped to PLOVER types (Halterman et al. 2023,
PLOVER manual), source = subject-side actor and target = object/prepositional actor by
position rules over clauses, status from modal/Konjunktiv II/conditional/question/negation
cues (PLOVER's auxiliary modes future, hypothetical, negation).

`code_sentence` runs the steps in order; each lives in its own module: tokens (tokens.py),
triggers (triggers.py), clauses (clauses.py), actor groups (groups.py), who reports rather than
acts (attribution.py), source and target (arguments.py), status (status.py), sentence-wide
passes over the coded acts (passes.py); closed-class words shared by them in wordsets.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from detente.extract import actors as actor_mod
from detente.extract import coref
from detente.extract import dates as date_mod
from detente.extract.arguments import (
    NOUN_WINDOW, _ACT_ON_ACTS, _BENEFICIARY_PREPS as _FOR, _GERUND_PREPS, _arguments, _clause_at, _english_noun, _from_agent,
    _default_supplier, _forces_owner, _goods_supplier, _REL_OPEN, supplier_role, _relative_parties, _host, _requested_from_maker, _location, _near_actor, _pairs, _received, _system_after, _tok_index,
)
from detente.extract.attribution import (
    _DATELINE, _PAREN_REPORTER, _REPORTER, _attribution, _mid_attributions, _navigation, reporter,
    accusation_cues, reported_accusations, tail_speaker,
)
from detente.extract.clauses import (
    _clause_words, _each_other, _governing, _governor, _in_relative, _infinitive,
    _SPLITTERS, _VP_COORDINATORS, _reduced_relative, _split_coordinated, clause_kinds, verb_conjuncts,
)
from detente.extract.coded import Coded
from detente.extract.groups import _Group, _groups, instruments, weapons_for
from detente.extract.lexicon import Lexicon, Trigger, load_lexicon
from detente.extract.passes import (
    _attributive_participle, _content_targets, _demanded, _evaded, _generic_subject, _goods_origin, _left_or_generic,
    _means_of, _noun_owner, _owned_objects, _rhetorical_belief,
    _pledged_aid, _refrained_targets, _rejected_acts, _rejected_requests, _reported_demands,
    _pointless, _talk_topics, _ultimatum, _unnamed_members, _idea_content, _idea_given_up,
    _relation_sides, _position_taken, _enabled_by_thing,
)
from detente.extract.responses import conceded_requests, opposed_owner, respond
from detente.extract.status import (
    _failed, _governed_by, _has, _has_cue, _negated, _stated_refusal, _status,
)
from detente.extract import scan, systems
from detente.extract.tokens import Tok, _TOKEN, _attach_particles, _lower, clause_runs, lemma, low_set
from detente.extract.triggers import _match, _phrase_table
from detente.extract.wordsets import (
    _AGENT_PREPS, _ARTICLES, _CLAUSE, _CONDITIONALS, _CONDITION_WORDS, _KONJUNKTIV_I, _MUTUAL, _PUNITIVE,
    _SUBJECT_DETS, _TARGET_PREPS, _VISITS, _WILL,
)


_INVITED_TO = frozenset({"zu", "zum", "zur", "an", "to", "for"})
_FROM_DE = frozenset({"aus", "seitens"})
# a capital right after these is the act noun's agent, not a place ("a warning from Beijing", "Druck aus Washington")
_AGENT_FROM = _FROM_DE | {"from"}      # "Druck aus Washington", "Drohungen seitens Pekings": the agent
_VOICED = frozenset({"COERCE", "THREATEN", "ACCUSE", "REQUEST"})   # "Vorwürfe von Peking": "von" the agent too


_TOKEN_FORMS: dict[str, dict[str, tuple[str, tuple[str, ...], bool, int | None, int]]] = {}
# a token's clause role (`tokenize`), bits: punctuation that breaks a clause, a subordinator, a
# coordinator or comma that may open a coordinated clause (`clauses._split_coordinated`)
_BREAK, _OPENER, _SPLIT = 1, 2, 4


def tokenize(sentence: str, lex: Lexicon, actors: dict[int, int] | None = None,
             spans: list[tuple[int, int]] | None = None) -> list[Tok]:
    """Tokens with lemmas and clause numbers. `actors` (start -> end of the actor mentions) and
    `spans` (all mentions, places included) let a coordinator open a clause of its own when a
    new subject follows it (`_split_coordinated`)."""
    toks: list[Tok] = []
    append = toks.append
    clause = 0
    # speed: a token's lower case, forms, word flag and trigger depend on its text only: kept per
    # language in one dict (one probe instead of lower(), isalnum() and the lemma cache per token;
    # the trigger, `Tok.trig`, read here instead of a `_match` call per word in code_sentence:
    # with the particle and clause-split changes, -1.9% of the instructions per article)
    # (speed, seventh pass: the clause role - punctuation that breaks a clause, a subordinator, a
    # possible clause coordinator - is kept in the same entry, and the previous token's end and word
    # flag in locals: one dict probe per token instead of two set probes and two attribute reads of
    # toks[-1], and no second pass for `_split_coordinated`; with `_attach_particles` returning at once
    # when no particle can close a verb phrase, -1.4% of the instructions per article)
    known = _TOKEN_FORMS.setdefault(lex.language, {})
    if len(known) > 300_000:
        known.clear()
    clause_words = lex.clause_words
    prev_end, prev_word = -1, False
    splits: list[int] = []      # indices of the possible clause coordinators after the first token
    for m in _TOKEN.finditer(sentence):
        t = m.group()
        got = known.get(t)
        if got is None:
            w = t[0].isalnum()
            low = t.lower()
            forms = (low, lemma(t, lex.language)) if w else (low,)
            if w and lex.language == "de" and t[0].islower() and forms[1] != low and "ge" in forms[1] \
                    and forms[1].endswith(("t", "en")):
                # an inflected participle lemmatises to the bare participle ("angegriffenen" -> "angegriffen"):
                # its verb too ("angreifen"), so that "von Israel angegriffene Ziele" is an act (once per word form);
                # attacks only - weapons "von den USA gelieferten" in an attack are its means, no delivery to its target
                verb = lemma(forms[1], lex.language)
                if verb != forms[1] and (vt := _match(lex.language, (verb,))) is not None \
                        and lex.triggers[vt].type == "ASSAULT":
                    forms = forms + (verb,)
            role = (_BREAK if t in _CLAUSE else _OPENER if low in clause_words else 0) | (_SPLIT if low in _SPLITTERS else 0)
            got = known[t] = (low, forms, w, _match(lex.language, forms) if w else None, role)
        s, e = m.span()
        low, forms, w, trig, role = got
        if role:
            if role & _BREAK:
                # (a hyphen attached to the word before is an elision, "Staats- und Regierungschefs",
                # "Öl- und Gasexporte": no clause break)
                if not (t == "-" and prev_end == s and prev_word):
                    clause += 1
            elif role & _OPENER and prev_word:
                clause += 1      # a subordinator opens a clause (unless a comma just did)
            if role & _SPLIT and toks:
                splits.append(len(toks))
        append(Tok(s, e, t, low, forms, clause, w, False, trig))
        prev_end, prev_word = e, w
    if actors:
        _split_coordinated(toks, actors, spans or [], lex, splits)
    if lex.particles:
        _attach_particles(toks, lex)
    return toks


_EITHER = frozenset({"entweder", "either"})


@lru_cache(maxsize=8)
def _phrase_index(lang: str):
    """The phrase table indexed by anchor: ((trigger, pattern) rows, rows with no anchors,
    anchor -> rows having it in their first group, each row's further groups, the anchor finder)."""
    rows = _phrase_table(lang)
    present = next((test._present for _, _, test in rows if test is not None), None)
    # (every anchor the finder knows has an entry, empty for those of no first group)
    by_anchor: dict[str, list[int]] = {x: [] for x in present.vocab} if present is not None else {}
    for n, (_, _, test) in enumerate(rows):
        for x in test._groups[0] if test is not None else ():
            by_anchor[x].append(n)
    return (tuple((t, p, _finder(p)) for t, p, _ in rows), frozenset(n for n, r in enumerate(rows) if r[2] is None),
            by_anchor, tuple(test._groups[1:] if test is not None else () for _, _, test in rows), present)


def _finder(p: re.Pattern[str]):
    """`p.finditer`, or for a phrase opening with lookbehinds ("(?:(?<=raketen )|(?<=drohnen )|...)
    (?:trafen|...)") the same matches tried only where its first word can start (`scan.finditer`).
    Speed (eighth pass): the engine tried each lookbehind at every position of the sentence; that
    search was ~1.5% of the instructions per article."""
    if p.pattern.startswith(("(?<", "(?:(?<")) and scan.starts(p) is not None:
        return partial(scan.finditer, p)
    return scan.finder(p)      # (a phrase opening with "\\b" and literal words: tried where one occurs)


def _phrase_candidates(lang: str, low: str) -> list[tuple[Trigger, re.Pattern[str], object]]:
    """The phrases (in table order) whose anchors all occur in the sentence: the only ones that
    can match. Speed: looked up from the anchors found instead of a test per phrase (~80 per
    sentence; those calls were ~5% of extraction)."""
    plain, always, by_anchor, more, present = _phrase_index(lang)
    got = present(low) if present is not None else frozenset()
    # (speed, seventh pass: every anchor found has an entry, so the rows are one C-level union
    # over a map, not a loop step and a default per anchor)
    ids = sorted(always.union(*map(by_anchor.__getitem__, got))) if got else sorted(always)
    # (a row is kept when none of its further groups is disjoint from the anchors found; speed: a
    # C-level map over the groups, no generator per row)
    return [plain[n] for n in ids if not any(map(got.isdisjoint, more[n]))]


# words that make a one-sided act of a coordinated pair mutual ("lieferten sich Gefechte", "attacked each other")
_RECIPROCAL_WORDS = frozenset({"sich", "einander", "gegenseitig", "other", "another", "themselves"})
_RECIPROCAL = frozenset({"exchanged", "exchanging", "traded", "trading"})
# a refusal "until" something happens is stated now, not conditional on it
_UNTIL = frozenset({"until", "bevor"})
# present "trade"/"exchange" (headlines) only before these hostile nouns ("trade accusations", not "trade sanctions")
_TRADE = frozenset({"trade", "trades", "exchange", "exchanges"})
_RECIPROCAL_NOUNS = frozenset({"accusations", "threats", "insults", "barbs", "blows", "strikes", "fire", "warnings"})


def _reciprocal(toks: list[Tok], ti: int) -> bool:
    """"India and Pakistan traded fire", "Israel and Hamas exchanged accusations": each side did
    it to the other, so the act runs both ways (a phrase trigger may start at the verb itself)."""
    if toks[ti].low in _RECIPROCAL or toks[ti].low in _TRADE:
        return True
    return any(toks[j].low in _RECIPROCAL or (toks[j].low in _TRADE and toks[ti].low in _RECIPROCAL_NOUNS)
               for j in range(max(0, ti - 2), ti))


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
_SETTING_OWNERS = frozenset({"seinem", "seiner", "seines", "ihrem", "ihrer", "ihres", "his", "her", "their", "its"})


def _setting(toks: list[Tok], ti: int) -> bool:
    """Is the act noun at ti the occasion of the clause's act ("sagte bei seinem Besuch in Kiew
    Hilfe zu", "during his visit to Kyiv, promised ...")? Then it is an act of its own, not
    the content of the other ("einigten sich auf ein Treffen")."""
    # (only with a possessive owner: "beim Gipfel in Anchorage" inside another act's content is
    # that content's occasion, tried and worse on the seed's status and claims)
    if ti > 1 and toks[ti - 2].low in _SETTING_PREPS and toks[ti - 1].low in _SETTING_OWNERS \
            and toks[ti].low.startswith(_VISITS):
        return True
    # ... and so are talks with a named party opening the sentence ("Bei einem Treffen mit Macron sicherte
    # Paschinjan zu, ...", "During a meeting with Xi, Lula urged ...", "Speaking after talks with Macron, ..."):
    # the phrase is set off before the main clause, so it is the occasion, not the content
    k = ti - 2 if ti > 1 and toks[ti - 1].low in _SETTING_ARTICLES else ti - 1
    if 0 <= k <= 1 and toks[k].low in _SETTING_PREPS and (k == 0 or toks[0].low in _SETTING_LEADS) \
            and ti + 1 < len(toks) and toks[ti + 1].low in ("mit", "with") and toks[ti].low.startswith(_TALKS + _VISITS):
        return True
    # ... and so are a pair's own talks ("einigten sich nach ihrem Gespräch auf ...", "agreed on a
    # budget after their meeting"): a plural possessive, one modifier allowed ("in ihrem ersten Telefonat")
    k = ti - 2 if ti > 2 and toks[ti - 1].text[:1].islower() and toks[ti - 2].low in _PAIR_OWNERS else ti - 1
    return k > 0 and toks[k].low in _PAIR_OWNERS and toks[k - 1].low in _SETTING_PREPS | _OCCASION_PREPS \
        and toks[ti].low.startswith(_TALKS)


_UNORDERED = frozenset({"CONSULT"})     # acts whose two sides are one event in either order


def _content_negation(clause_toks: list[Tok], start: int) -> list[Tok]:
    """The clause without a "not"/"never" after the trigger right before "to" ("urged Iran not to
    retaliate", "called on X never to ..."): it negates the content asked for, not the asking
    (Huddleston & Pullum 2002, ch. 9: the negation of a to-infinitival complement is inside it)."""
    return [t for i, t in enumerate(clause_toks)
            if not (t.start > start and t.low in ("not", "never") and i + 1 < len(clause_toks) and clause_toks[i + 1].low == "to")]


def _negated_cancellation(clause_toks: list[Tok], lex: Lexicon) -> bool:
    """Does every negation of the clause negate a cancellation word right after it ("das Treffen
    werde nicht verschoben", "the summit was not called off")? Then the act is planned, not negated
    (`status._status` gives it "planned")."""
    cancel = lex.status_words.get("cancelled", frozenset())
    negs = [i for i, t in enumerate(clause_toks) if t.low in lex.negation]
    return bool(negs) and all(_has_cue(clause_toks[i + 1:i + 3], cancel) for i in negs)


# a speaker named by office alone in a closing reporting clause (", sagte ein Sprecher.", ", hieß es weiter.")
_GENERIC_SPEAKER = re.compile(r"\b(?:eine?\s+\w*sprecher(?:in)?\b|hieß es weiter\b"
                              # (English: ", a ministry spokesperson said.", ", ministry spokesman Lin Jian told ...";
                              # only whether one occurs is read, so no article or word before it is spelled out)
                              r"|spokes(?:man|woman|person)\b)", re.IGNORECASE)
_PAIR_OWNERS = frozenset({"ihrem", "ihrer", "ihren", "their"})
# English verbs that name or judge an act as their object ("called the strike an execution", "described the move as illegal")
_JUDGING = frozenset({"called", "calls", "calling", "described", "describes", "describing", "labelled", "labeled", "branded",
                      "termed", "dubbed"})
_JUDGED_DETS = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_SETTING_ARTICLES = frozenset({"einem", "einer", "dem", "der", "den", "a", "an", "the"})
_SETTING_LEADS = frozenset({"speaking", "writing", "addressing", "sprechend"})     # "Speaking after talks with X, ..."
_OCCASION_PREPS = frozenset({"in", "seit", "since"})
_TALKS = ("gespräch", "telefonat", "treffen", "unterredung", "gipfel", "verhandlung", "call", "phone call", "meeting", "talks",
          "conversation", "summit", "negotiation")


_IMPERSONAL = frozenset({"man", "wir"})


def _impersonal_speaker(groups: list[_Group], toks: list[Tok], clause: int, s: int, kinds: dict[int, str],
                        speech: frozenset[str]) -> _Group | None:
    """The speaker whose reported clause has "man"/"wir" as its subject before the act at s
    ("X sagte, man habe ... angegriffen"), or None."""
    if kinds.get(clause) != "comp" or _IMPERSONAL.isdisjoint(low_set(toks)) \
            or not any(t.clause == clause and t.start < s and t.low in _IMPERSONAL for t in toks):
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


_MEDIATION = ("mediat", "broker", "vermittl", "vermittel")
_MEDIATION_DETS = _SUBJECT_DETS | {"ein", "eine", "einer", "einen", "einem"}     # ("the mediator", "ein Vermittler")


def _mediators(pairs, groups: list[_Group], toks: list[Tok], ti: int):
    """Talks between two parties that the clause's subject mediates or brokers are also the
    subject's talks with each of them ("Qatar and Egypt mediated between Israel and Hamas", "The US
    brokered talks between Armenia and Azerbaijan", "Katar vermittelte zwischen Israel und der
    Hamas"): the sentence states what the mediator did toward both, coded pairwise as the gold
    codes multi-party meetings (GUIDELINES: one event per source and target). A mediator named
    only in a circumstance of the parties' act ("unter Vermittlung Katars", "mediated by Oman",
    "the US-brokered talks") names no party of it (tests/extract/test_news_check.py, class 4)."""
    clause = toks[ti].clause
    med = next((k for k, t in enumerate(toks) if t.clause == clause and t.word and t.text[:1].islower()
                and "-" not in t.text and t.low.startswith(_MEDIATION)), None)
    if not med or toks[med - 1].low in _MEDIATION_DETS:
        return pairs
    a, b = pairs[0]
    subj = next((g for g in groups if g.clause == clause), None)
    # the subject right before the mediation verb, no other act word between them
    if subj is None or subj.last_tok >= med or not {x.country for x in subj.actors}.isdisjoint({a.country, b.country}) \
            or any(t.trig is not None for t in toks[subj.last_tok + 1:med]):
        return pairs
    return list(dict.fromkeys(pairs + [(m, p) for m in subj.actors for p in (a, b)]))


def _helped(clause_toks: list[Tok], s: int) -> bool:
    """Does the clause say its subject helped others reach the act ("helped negotiate/broker the deal")?"""
    return any(t.low in ("help", "helps", "helped", "helping") and t.start < s for t in clause_toks) \
        and any(t.low.startswith(("negotiat", "broker", "mediat", "secur")) for t in clause_toks)


_REL_NOUN_TYPES = frozenset({"SANCTION", "ASSAULT", "AID"})
# verbs by which an act noun draws a reaction (lemmas and forms)
_REACTION_VERBS = frozenset({"draw", "drew", "drawn", "prompt", "prompted", "trigger", "triggered", "spark", "sparked",
                             "provoke", "provoked", "auslösen", "hervorrufen", "provozieren"})
# verbs of hitting that a sanction noun before them takes as its effect, not an attack or a meeting
_HIT_VERBS = frozenset({"hit", "hits", "hitting", "treffen", "trifft", "traf", "trafen", "getroffen"})


def code_sentence(sentence: str, lang: str, on: dt.date | None,
                  discourse: coref.Discourse | None = None) -> tuple[list[actor_mod.Hit], list[Coded]]:
    """Mentions (named and resolved by coreference) and events of one sentence.

    `discourse` holds the actors named before in the article (extract/coref.py); the caller
    feeds it each sentence's mentions afterwards (`discourse.update`)."""
    lex = load_lexicon(lang)
    hits = _unnamed_members(sentence, actor_mod.find(sentence, on, lex.location_prepositions, actor_nouns=lex.actor_nouns,
                                                     group_nouns=lex.group_nouns))    # "in einem Nato-Land": no NATO party
    if discourse is not None:
        extra = discourse.resolve(sentence, hits, lex)
        if extra:
            hits = sorted(hits + extra, key=actor_mod._START)     # (attrgetter: no Python call per item)
    linked = [h for h in hits if h.actor is not None]
    low = _lower(sentence)      # (once: the navigation test reads its head, the rules below all of it)
    if lex.navigation and _navigation(low[:60], lex.navigation):
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
    tail = reporter(sentence)
    speaker, charges = None, []
    if tail:
        # who speaks after the report (", sagte Lawrow.", ", so Kurti.", ", hieß es aus Washington."):
        # the demands and charges of the report are that speaker's (attribution.reported_accusations)
        speaker = tail_speaker(hits, tail.start())
        if speaker is None and discourse is not None and _GENERIC_SPEAKER.search(sentence, tail.start()):
            speaker = discourse.prior_speaker()      # ", erklärte ein Sprecher.": of the side that spoke before
        charges = accusation_cues(low, lang, tail.start()) if speaker is not None else []
    colon = -1
    if not tail and lex.language == "de" and ":" in sentence:
        # ... or before a colon opening the report ("Baku stellte eine Bedingung: Eriwan müsse zuvor seine
        # Verfassung ändern", "Peking warnte: Taiwan sei eine rote Linie"): the report's subject comes after it
        colon = sentence.find(":")
        head = [h for h in hits if h.end <= colon and h.actor is not None and h.kind not in ("adjective", "place")] \
            if 0 < colon <= 80 else []
        if head and len(_TOKEN.findall(sentence[:colon])) <= 8:
            speaker = head[0].actor
            charges = [m for m in accusation_cues(low, lang, len(sentence)) if m.start() > colon]
        else:
            colon = -1
    if speaker is None and lex.language == "de" and discourse is not None and discourse.speaker is not None \
            and not _KONJUNKTIV_I.isdisjoint(low.split()):
        # a Konjunktiv I chain goes on with the speaker named before ("Peskow sagte am Montag, ... .
        # Die ukrainische Seite sei nicht interessiert."): the report's charges and demands are his
        speaker = discourse.speaker
        charges = accusation_cues(low, lang, len(sentence))
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
    # phrases that carry their own negation ("nicht bereit", "not ready to") are the act
    # itself (a refusal), not a negated statement
    self_negated: dict[int, tuple[int, int]] = {}
    triggers = lex.triggers
    # (tokenize looked the trigger up: `Tok.trig`; speed: one comprehension, not a loop appending)
    found: list[tuple[int, Trigger, int, int]] = [      # (token index, trigger, start, end)
        (i, triggers[t.trig], t.start, t.end) for i, t in enumerate(toks) if t.trig is not None]
    seen_tok: set[int] = {i for i, _, _, _ in found}
    phrase_tok: set[int] = set()
    phrase_span: dict[int, tuple[int, int]] = {}
    for trig, p, finditer in _phrase_candidates(lang, low):
        for m in finditer(low):
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
    # (speed, seventh pass: the sentence's word set, `tokens.low_set`, built once and asked by
    # the rules below and the argument rules, instead of scans over the tokens)
    lows = low_set(toks)
    if not found and lex.deontic.isdisjoint(lows) and not charges:
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
    if lex.language == "en" and found and not _GERUND_PREPS.isdisjoint(lows):
        for i, t in enumerate(toks):
            c = t.clause
            if c not in content_from and t.low.endswith("ing") and i > 0 and toks[i - 1].low in _GERUND_PREPS \
                    and any(j < i - 1 and toks[j].clause == c for j, _, _, _ in found):
                content_from[c] = i
    reject_at = [(j, toks[j].clause) for j, t2, _, _ in found if t2.type == "REJECT"]
    runs = clause_runs(toks)      # (speed, seventh pass: each clause's tokens grouped once, not rescanned per trigger)
    # "did not rule out sending troops", "schloss eine Lieferung nicht aus": a negated ruling-out is
    # no refusal (no event: `negated` unset), and the act it leaves open is hypothetical
    open_ended = {c for j, c in reject_at if _rules_out(toks[j]) and _negated(runs[c], lex)} if reject_at else set()
    if open_ended:
        reject_at = [(j, c) for j, c in reject_at if c not in open_ended]
    talk_topics = _talk_topics(found, toks) if any(t2.type == "CONSULT" for _, t2, _, _ in found) else {}
    # which word lists of the clause-level rules occur at all (one pass; most sentences have none)
    # (speed: one C-level union of the tokens' form tuples, not a generator over every form)
    forms_all = frozenset().union(*[t.forms for t in toks])
    has_hope, has_fail = bool(forms_all & lex.hope), bool(forms_all & (lex.failure | lex.success))
    has_recv = bool(forms_all & lex.receiving)
    rhetorical = bool(lex.wh_words) and "?" in sentence[-3:] and not forms_all.isdisjoint(lex.wh_words)
    accuse_at = [(j, toks[j].clause) for j, t2, _, _ in found if t2.type == "ACCUSE" and toks[j].text[:1].islower()
                 and any(f in lex.allegation for f in toks[j].forms)]
    # weapon systems named (data/weapons.yaml): the default supplier of a delivery with no agent
    arms = systems.find(low) if any(t2.type in ("AID", "REQUEST") for _, t2, _, _ in found) else []
    # coordinated verb phrases of one subject ("met X and promised Y"): each its own scope (clauses.verb_conjuncts)
    conj = verb_conjuncts(toks, {j for j, _, _, _ in found if toks[j].text[:1].islower()}, lex) \
        if not forms_all.isdisjoint(_VP_COORDINATORS) else []
    # weapons named by their origin are the means of an attack, no party to it ("setzte iranische Drohnen gegen Kiew ein")
    armed = instruments(groups, toks) if any(t2.type == "ASSAULT" for _, t2, _, _ in found) else []
    rejected: list[int] = []      # request nouns that are the object of a rejection
    cond_threat = False           # a punishment announced on a fronted condition was coded as a threat
    for ti, trig, s, e in found:
        tok = toks[ti]
        if tok.clause in content_from and ti >= content_from[tok.clause]:
            continue
        if lex.language == "en" and ti > 0 and toks[ti - 1].text == "-" and toks[ti - 1].end == tok.start:
            continue      # "a U.S.-backed proposal": the second half of a compound modifier, no act of its own
        if tok.low in _HIT_VERBS and trig.type in ("ASSAULT", "CONSULT") and any(
                j < ti and t2.type == "SANCTION" and (toks[j].clause == tok.clause or ti - j <= 3) for j, t2, _, _ in found):
            continue      # "Beijing's export controls hit European carmakers", "Die Sanktionen treffen auch chinesische Firmen":
            #               a measure that hits someone is neither an attack nor a meeting
        if accuse_at and kinds.get(tok.clause) == "comp" and trig.type != "ACCUSE":
            gov = _governor(toks, tok.clause, kinds)
            if gov is not None and any(c == gov and j < ti for j, c in accuse_at):
                continue  # "enthüllte, dass französische Truppen ... stationiert sind": what is alleged is no act of
                #           its own (a warning's content is: "warnte, dass Iran einen Angriff vorbereite")
        if has_hope and ((tok.clause in inf_clauses and _governed_by(toks, tok.clause, kinds, lex.hope))
                         or (ti > 1 and toks[ti - 1].low == "to" and _has(toks[ti - 2:ti - 1], lex.hope))):
            continue      # "Er hofft, die Ukrainer davon zu überzeugen, ...": a hope, not an act (GUIDELINES)
        if rhetorical and _rhetorical_belief(toks, tok.clause, kinds, lex):
            continue      # "Wer glaubt ernsthaft, dass X mit Y verhandeln wird?": asserted by nobody
        if has_fail and _failed(toks, ti, tok.clause, inf_clauses, kinds, lex):
            continue      # "es gelang ihm nicht, sich mit X zu einigen", "failed to reach a deal": it did not happen
        if trig.type != "REJECT" and reject_at and _refused_content(toks, ti, reject_at, inf_clauses, kinds):
            continue      # "refused to condemn", "lehnte es ab, ... zu liefern": the act refused did not happen
        clause_toks = list(runs[tok.clause])
        skip, joint, outcome = frozenset(), False, set()
        if conj and any(toks[c].clause == tok.clause for c in conj):
            lo, hi, skip, joint = _conjunct(toks, ti, conj, groups, found)
            clause_toks = toks[lo:hi]
        etype = trig.type
        # a relative clause states its own act of its antecedent: an act before it does not
        # suppress one inside ("wies den Vorschlag Macrons zurück, der nach seinem Treffen mit X ...")
        earlier = set() if _in_relative(toks, tok.clause, kinds, lex.relative_words) else set(types_before)
        types_before.add(trig.type)
        in_clause = {t2.type for j, t2, _, _ in found if toks[j].clause == tok.clause and j != ti}
        if skip and not joint and tok.text[:1].islower() and (lex.language == "de" or not _english_noun(toks, ti, groups)):
            # the verb of one conjunct is not suppressed by an act of another ("met X and promised aid");
            # a pair's joint acts stay one scope ("X and Y met and agreed on ...": the meeting's outcome),
            # and so do act nouns ("akzeptierte das Abkommen und schlug Gespräche vor": proposed talks)
            # ... but an agreement reached is the outcome of the meeting beside it ("met Zelensky and agreed
            # on ...": the AGREE only, as for a pair)
            outcome = {t2.type for j, t2, _, _ in found if j in skip and t2.type in _MUTUAL
                       and not _OUTCOME.isdisjoint(toks[j].forms)}
            in_clause = {t2.type for j, t2, _, _ in found if toks[j].clause == tok.clause and j != ti and j not in skip} | outcome
            earlier = ({t2.type for j, t2, _, _ in found if j < ti and j not in skip} | outcome) if earlier else earlier
        if lex.language == "en" and trig.suppressed_by & in_clause:
            # a noun with no actor near it is a topic ("held talks on the future of the nuclear
            # deal"), which suppresses nothing
            in_clause = {t2.type for j, t2, _, _ in found if toks[j].clause == tok.clause and j != ti
                         and not (j > 0 and _english_noun(toks, j, groups) and not _near_actor(groups, toks, j))
                         and not (skip and not joint and tok.text[:1].islower() and j in skip)} | outcome
        if trig.suppressed_by & in_clause and tok.text[:1].isupper() == (lex.language == "de") \
                and not _REACTION_VERBS.isdisjoint(forms_all):
            # an act noun that draws a reaction is not that reaction's content ("Poland's expulsion of Russian
            # diplomats drew a warning from the Kremlin", "Die Ausweisung ... löste eine Warnung des Kremls aus")
            # (speed: the scan below only where a reaction verb occurs at all, not per suppressed trigger)
            r = next((k for k in range(ti + 1, len(toks)) if toks[k].clause == tok.clause
                      and not _REACTION_VERBS.isdisjoint(toks[k].forms)), None)
            if r is not None:
                in_clause = {t2.type for j, t2, _, _ in found if toks[j].clause == tok.clause and j != ti and j < r}
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
        if etype == "CONCEDE" and "REQUEST" in in_clause and "REQUEST" not in earlier \
                and conceded_requests(toks, ti, found, groups, lex):
            in_clause = in_clause - {"REQUEST"}     # "gab den Forderungen der USA nach": the demand is what is conceded
        left_open = etype != "REJECT" and (tok.clause in open_ended or tok.clause - 1 in open_ended)
        if left_open:
            earlier, in_clause = earlier - {"REJECT"}, in_clause - {"REJECT"}
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
        status = _status(lex, toks, tok.clause, low, sentence, ti, kinds, skip, trig.type)
        if left_open:
            status = "hypothetical"     # "did not rule out sending troops": possible, not done
        if ti in talk_topics and status == "occurred":
            status = "hypothetical"     # the subject of talks has not happened ("Gespräche über die mögliche Lieferung")
        if etype == "ACCUSE" and status != "occurred" and lex.language == "en":
            # "accused Washington of preparing an invasion, a charge Washington denies": the cues of
            # what is alleged (from its gerund on) and of a later reply belong to them, not to the accusation
            cut = min(content_from.get(tok.clause, len(toks)) if content_from.get(tok.clause, 0) > ti else len(toks),
                      next((j for j in range(ti, len(toks)) if toks[j].clause > tok.clause), len(toks)))
            status = _status(lex, toks[:cut], tok.clause, low[:toks[cut - 1].end], sentence[:toks[cut - 1].end], ti, kinds,
                             skip)
        if status == "cancelled":
            # "suspended military aid", "solche Absagen": the cancellation word is the act itself
            a, b = phrase_span.get(ti, (s, e))
            cancel = lex.status_words.get("cancelled", frozenset())
            if not any(abs(t.clause - tok.clause) <= 1 and not (a <= t.start < b) and _has_cue([t], cancel)
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
            status = _status(lex, toks, tok.clause, low, sentence, ti, {**kinds, tok.clause + 1: "adv"}, skip)
        if status == "planned" and ti in self_negated:
            # "nicht bereit" / "not ready to": the readiness word is part of the refusal, no future cue
            a, b = self_negated[ti]
            rest = [t for t in clause_toks if not (a <= t.start < b)]
            if not _has_cue(rest, lex.status_words.get("planned", frozenset())):
                status = "occurred"
        speakers = _stated_refusal(toks, ti, tok.clause, kinds, lex, clause_toks, groups) \
            if (etype == "CONSULT" or trig.negated) and status != "denied" else set()
        if ti not in self_negated and not left_open and status not in ("denied", "cancelled") \
                and _negated(_content_negation(clause_toks, tok.start) if etype == "REQUEST" and "to" in lows
                             else clause_toks, lex) \
                and not _negated_cancellation(clause_toks, lex):
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
        if ((nominal or lex.language == "en") and lex.pointless and _pointless(toks, ti, lex.pointless)) \
                or ((not nominal or lex.language == "en") and _attributive_participle(toks, ti, found, groups)) \
                or (nominal and _left_or_generic(toks, ti, etype, lex)) \
                or (ti == 0 and len(toks) > 1 and toks[1].text == "," and not any(g.first_tok == 0 for g in groups)):
            continue      # "das Treffen verlor jeglichen Sinn": a topic judged; "das lang erwartete Treffen": the noun is the act;
            #               "Angenommen, Iran greift an", "Granted, ...": a sentence adverb, no act
        if lex.language == "en" and ti not in phrase_tok and _over_cause(toks, ti) \
                and _noun_owner(groups, toks, ti, True) is None:
            continue      # "lodged a protest with China over the incursion": the cause named, no act of the protester
        if (nominal and _idea_content(toks, ti)) or (etype == "CONCEDE" and _idea_given_up(toks, ti)) \
                or (etype == "ASSAULT" and not nominal and _position_taken(toks, ti)):
            continue      # "die Idee einer Zusammenarbeit zwischen X und Y", "gave up the idea of talks": thought of, not done
        if nominal and _background(toks, ti):
            continue      # "vor dem Hintergrund zunehmenden Drucks auf Moskau", "amid sanctions": setting, not act
        # (a measure, attack or aid noun whose parties a relative clause after it names: "the sanctions that Washington imposed on Moscow")
        rel = _relative_parties(groups, toks, ti) if nominal and etype in _REL_NOUN_TYPES and any(
            t.low in _REL_OPEN for t in toks[ti + 1:ti + 4]) else None
        if NOUN_WINDOW and nominal and rel is None and not _near_actor(groups, toks, ti) \
                and not (ti in talk_topics and _near_actor(groups, toks, talk_topics[ti])) \
                and not (place_groups and ti + 1 < len(toks) and toks[ti + 1].low in _AGENT_FROM
                         and any(g.first_tok in (ti + 2, ti + 3) for g in place_groups)) \
                and not (arms and trig.type == "AID" and _system_after(arms, toks, ti) is not None):
            continue          # a nominal trigger with no actor attached is a topic, not an act (the
            #                   subject of talks has the talks' parties: "X und Y führten Gespräche über die Lieferung")
        if lex.language == "en" and (
                (kinds.get(tok.clause) == "adv" and not any(g.clause == tok.clause for g in groups)
                 and (nominal or not tok.low.endswith(("ed", "ing")))
                 and not (ti + 1 < len(toks) and toks[ti + 1].low == "from"))   # "after pressure from Washington": its agent
                or (nominal and any(toks[k].low == "in" and toks[k + 1].low in ("a", "an") for k in range(max(0, ti - 3), ti - 1))
                    and any(j < ti and toks[j].clause == tok.clause and t2.type == etype for j, t2, _, _ in found))):
            # "suspended the treaty after the attack in Pahalgam": an act noun naming a time, with no
            # party of its own; "killed a commander in a drone strike": the manner of the act just coded
            continue
        if not nominal and lex.language == "de" and _unnamed_subject(toks, ti, groups):
            continue      # "Die Arabische Liga forderte Israel ... auf" with the League unknown: Israel is the object
        if not nominal and not (ti + 1 < len(toks) and toks[ti + 1].low == "by") \
                and _generic_subject(toks, ti, groups, lex.language):     # ("targets struck by Israel": its agent)
            continue      # "Critics accuse Washington of ...", "Viele Beobachter kritisieren Peking": Washington is the object
        closing = None if nominal else _closing_speaker(groups, toks, ti, kinds)
        if closing is not None and not closing:
            continue      # "..., warnen Diplomaten.": the one who warns is not named
        parties = [g for g in groups if g not in armed] if armed and etype == "ASSAULT" else groups
        pairs = closing or _arguments(parties, toks, ti, s, e, etype in _MUTUAL, nominal, tok.clause in inf_clauses, kinds,
                           lex.speech_verbs if etype != "THREATEN" else frozenset(), place_groups, lex.language == "en",
                           nominal and any(j < ti and toks[j].clause == tok.clause and toks[j].text[:1].islower()
                                           and t2.type in _ACT_ON_ACTS and not (left_open and t2.type == "REJECT")
                                           for j, t2, _, _ in found)    # ("did not rule out new sanctions": the subject's possible act)
                           # ... or of a judgement ("called the strike an extrajudicial execution": the strike is judged, not done)
                           or (nominal and ti > 1 and toks[ti - 1].low in _JUDGED_DETS and toks[ti - 2].low in _JUDGING),
                           etype in _PUNITIVE or etype == "THREATEN",
                           trig.type not in _MUTUAL and not _has(clause_toks, _RECIPROCAL_WORDS) and ti not in talk_topics
                           and not ((tok.clause in inf_clauses or toks[ti - 1].low in ("to", "zu"))
                                    and any(j < ti and t2.type in _MUTUAL for j, t2, _, _ in found)))   # (what a pair agreed to do)
        if not pairs and etype == "REJECT" and nominal and lex.language == "de":
            pairs = opposed_owner(toks, ti, groups)     # "legte ein Veto gegen den Beitritt Finnlands ein"
        if etype == "CONCEDE" and not nominal and _enabled_by_thing(groups, toks, ti, pairs):
            continue      # "Gerade diese Abfolge, so Putin, erlaube es ihm, ...": a means, no party concedes
        if etype == "CONSULT" and pairs and ("mit" in low or "with" in low):
            sides = _relation_sides(groups, toks, ti)
            if sides:     # "mit einem Gipfel ... in seinem Konflikt mit der EU": the relation's other side, no partner
                pairs = list(dict.fromkeys((a, None if b in sides and a not in sides[b] else b) for a, b in pairs))
        spk = _impersonal_speaker(groups, toks, tok.clause, s, kinds, lex.speech_verbs) if lex.language == "de" else None
        if spk is not None:
            # "Ein Sprecher der israelischen Armee sagte, man habe Ziele der Hamas angegriffen": the
            # impersonal "man"/"wir" of reported speech is the speaker's side, the clause's parties its targets
            tgts = [a for g in groups if g.clause == tok.clause for a in g.actors]
            pairs = _pairs(spk.actors, tgts) or [(a, None) for a in spk.actors]
        role = supplier_role(groups, toks, ti, low[s:phrase_span[ti][1]] if ti in phrase_span else tok.low) \
            if etype == "AID" and nominal else None
        if rel is not None:
            pairs = rel
        elif role is not None:
            pairs = role
        elif etype == "AID" and nominal:
            pairs = _goods_supplier(pairs, groups, toks, ti)
        elif etype == "MOBILIZE" and nominal:
            pairs = _forces_owner(pairs, groups, toks, ti)
        elif etype == "AID" and tok.low in _FOR:
            # "amerikanische Marschflugkörper für die Ukraine": a delivery named, not stated to happen (a verb of
            # delivering beside it is its own trigger)
            pairs, status = weapons_for(pairs, groups, toks, ti, arms), "hypothetical"
            if any(j < ti and t2.type == "AID" and toks[j].clause == tok.clause for j, t2, _, _ in found):
                pairs = []      # "to buy more Patriots for Ukraine": the verb's own AID is the act
        if arms and etype == "AID":
            pairs = _default_supplier(pairs, arms, groups, toks, ti, lex.receiving)
        elif arms and etype == "REQUEST":
            pairs = _requested_from_maker(pairs, arms, toks, ti)
        recv = [t for t in clause_toks if any(f in lex.receiving for f in t.forms)] \
            if has_recv and etype not in _MUTUAL else []
        if recv and (recv[0].start <= s if lex.language == "en" else (nominal or recv[0].start == s)):
            # German fronts the object ("Solche Absagen hörte X von Y"); English puts it after the verb; a
            # phrase may start at the verb itself ("erhielt Munition aus Dänemark", "received shells from")
            # (a capital after von/from is read as a place: the giver too, "received aid from Washington")
            pairs = _received(groups + place_groups, toks, tok.clause) or pairs
        elif lex.language == "en" and etype not in _MUTUAL and etype != "RETREAT" and (nominal or not tok.low.endswith(("ed", "ing")) or _reduced_relative(toks, ti)) \
                and ti + 1 < len(toks) and toks[ti + 1].low == "from":
            # "after pressure from the United States", "threats from Pyongyang": the party after
            # "from" is the act noun's agent, the clause's other party (else the sentence's first) its target
            # (a capital after "from" is read as a place: the agent too, "pressure from Washington"; not
            # where one withdraws from, also refused: "will not withdraw from Gaza")
            pairs = _received(groups, toks, tok.clause) or _from_agent(
                groups + place_groups if trig.type != "RETREAT" else groups, toks, ti) or pairs
        elif lex.language == "de" and nominal and etype not in _MUTUAL and etype != "RETREAT" and ti + 1 < len(toks) \
                and (toks[ti + 1].low in _FROM_DE or (toks[ti + 1].low == "von" and etype in _VOICED)):
            # "unter Druck aus Washington getroffen", "Drohungen seitens Nordkoreas", "Vorwürfe von Peking":
            # as English "from", the party after it is the act noun's agent (a capital after "von" is not
            # one for material acts: "die Bombardierung von Charkiw"); a capital there is read as a place
            pairs = _from_agent(groups + place_groups, toks, ti) or pairs
        if etype == "CONSULT" and len(pairs) == 1 and pairs[0][1] is not None:
            pairs = _mediators(pairs, groups, toks, ti)     # "Qatar mediated between Israel and Hamas"
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
        ctl = _object_controller(toks, ti, parties) if lex.language == "en" and not nominal else None
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
        if skip and not joint and pairs:
            # (a one-sided act noun with no party of its own is aimed at the next conjunct's: "kündigte
            # Gegenzölle an und warf Washington vor"; talks are with their own partner)
            # (a proposal made in talks named in the other conjunct is made to their partner:
            # "telefonierte mit Putin und schlug vor, ...", "met Xi and proposed ..."; a public call
            # is not: "spoke with Zelensky and called for a peaceful resolution")
            talked = etype == "REQUEST" and not _PROPOSING.isdisjoint(tok.forms) \
                and any(j in skip and t2.type == "CONSULT" for j, t2, _, _ in found)
            pairs = _conjunct_pairs(pairs, groups, toks, ti, skip, etype in _MUTUAL or talked) if not nominal else \
                _outside_conjunct(pairs, groups, skip) if etype in _MUTUAL else pairs
        date = date_mod.event_date(whens, status in ("planned", "hypothetical"), on)
        loc = _location(places, s, e, etype)
        for src, tgt in pairs:
            # companies stand for their country: sanctions on Rosneft and Lukoil are one event
            key = (etype, src.name, (tgt.country if tgt.kind == "company" else tgt.name) if tgt else None)
            # ... and the country named with them ("on Rosneft and Lukoil, Russia's two largest oil companies")
            by_country = (etype, src.name, tgt.country) if tgt is not None and tgt.kind in ("company", "country") else None
            if key in keys or by_country in keys:
                continue
            if etype in _UNORDERED and tgt is not None and (etype, tgt.name, src.name) in keys:
                continue      # a meeting is one event whichever side is named first (GUIDELINES: CONSULT pairs unordered)
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
    if out and not forms_all.isdisjoint(lex.evasion):
        out = _evaded(out, groups, toks, lex.evasion)      # (speed: only where a verb of evading occurs)
    out = respond(out, toks, groups, lex, found)
    demands = _reported_demands(lex, toks, groups, kinds, keys, low, sentence, whens, on, speaker)
    if charges:
        made = reported_accusations(charges, speaker, [g for g in groups if g.start > colon], toks, lex.negation, keys,
                                    date_mod.event_date(whens, False, on))
        if made:
            # what is charged is no act of its own ("Eritrea plane einen Angriff auf Tigray, sagte Abiy": the ACCUSE only)
            out = [c for c in out if not any(m.start() <= c.trigger_start < m.end() for m in charges)]
        demands += made
    if demands and (lex.language == "en" or speaker is not None):
        # "Armenia said Baku must withdraw its troops", "Trump said Russia must agree to a ceasefire":
        # what the addressee must do is the demand's content, no act of its own (GUIDELINES: demands
        # -> REQUEST; as a withdrawal demanded is REQUEST, not RETREAT)
        owed = {(d.target.name, toks[_tok_index(toks, d.trigger_start)].clause, d.trigger_start)
                for d in demands if d.target is not None}
        out = [c for c in out if c.type in ("REQUEST", "THREATEN") or not any(
            c.source.name == who and c.trigger_start > at and toks[_tok_index(toks, c.trigger_start)].clause == cl
            for who, cl, at in owed)]
    out.extend(demands)
    if lex.ultimatum:
        out = _ultimatum(out, lex, hits, toks, low, sentence, kinds, whens, on)
    either = next((t.start for t in toks if t.low in _EITHER), None) if not _EITHER.isdisjoint(lows) else None
    if either is not None and any(t.subj and t.low in ("oder", "or") and t.start > either for t in toks):
        # "Entweder X friert die Front ein, oder Y zwingt ...", "Either Russia accepts ... or
        # Washington will impose ...": alternatives, neither of which is asserted (GUIDELINES: speculation)
        out = [replace(c, status="hypothetical") if c.trigger_start > either and c.status in ("occurred", "planned")
               else c for c in out]
    # (the argument rules above pick parties of two sides; this is the last guard for the
    # rules that retarget an event afterwards: nobody acts on its own side)
    return hits, [c for c in _pledged_aid(out, lang, whens, on) if c.target is None or _pairs([c.source], [c.target])]


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "ihm", "ihn", "ihr", "ihnen"})
# verbs of reaching an agreement (lemmas): the outcome of talks coordinated with them, not a promise
_OUTCOME = frozenset({"agree", "einigen", "vereinbaren", "sign", "unterzeichnen", "agreed", "einigte", "einigten"})


_RULE_OUT = frozenset({"rule", "rules", "ruled", "ruling"})


def _rules_out(t: Tok) -> bool:
    """Is the refusal trigger a ruling-out ("rule out", "ausschließen"), which negated leaves its act open?"""
    return t.low in _RULE_OUT or "ausschließen" in t.forms or t.low == "ausgeschlossen"


# verbs of proposing: made in talks, a proposal goes to the talks' partner (code_sentence, conjuncts)
_PROPOSING = frozenset({"vorschlagen", "unterbreiten", "anbieten", "propose", "suggest", "offer"})


def _conjunct(toks: list[Tok], ti: int, conj: list[int], groups: list[_Group], found) -> tuple[int, int, frozenset[int], bool]:
    """The verb conjunct of the clause holding the trigger at ti (clauses.verb_conjuncts): its token
    range, the clause's other token indices (outside its scope), and whether the clause's subject is
    a coordinated pair acting jointly ("X and Y met and agreed"), whose conjuncts stay one act."""
    c = toks[ti].clause
    cuts = [k for k in conj if toks[k].clause == c]
    first = next(j for j, t in enumerate(toks) if t.clause == c)
    end = next((j for j in range(ti, len(toks)) if toks[j].clause != c), len(toks))
    lo = max((k for k in cuts if k < ti), default=first)
    hi = min((k for k in cuts if k > ti), default=end)
    skip = frozenset(j for j in range(first, end) if not lo <= j < hi)
    verb = next((j for j, _, _, _ in found if toks[j].clause == c and toks[j].text[:1].islower()), end)
    subj = next((g for g in groups if g.clause == c and g.first_tok < verb), None)
    return lo, hi, skip, subj is not None and len(subj.actors) >= 2


def _conjunct_pairs(pairs, groups: list[_Group], toks: list[Tok], ti: int, skip: frozenset[int], mutual: bool):
    """The verb of a coordinated verb phrase shares the clause's subject, not its objects ("Erdogan
    sagte das Treffen ab und rief Abbas an": Erdogan called Abbas; "lehnte die Forderung der EU ab
    und traf Putin": Putin was met, not rejected): a later conjunct's verb takes the clause's first
    party as its source; each verb's target is the first party of another country in its own conjunct."""
    c = toks[ti].clause
    first_conj = ti < min(skip)
    if first_conj:
        srcs = list(dict.fromkeys(a for a, _ in pairs))      # (its own subject: "said Putin would agree and ...")
    else:
        first = next(j for j, t in enumerate(toks) if t.clause == c)
        verb = next((j for j in range(first, ti) if toks[j].word and toks[j].text[:1].islower()), ti)
        subj = next((g for g in groups if g.clause == c and g.first_tok < verb), None)
        srcs = subj.actors if subj is not None else list(dict.fromkeys(a for a, _ in pairs))
    own = [g for g in groups if g.first_tok > ti and g.first_tok not in skip and toks[g.first_tok].clause == c]
    mine = {a for g in own for a in g.actors}
    kept = _pairs(srcs, list(dict.fromkeys(b for _, b in pairs if b in mine)))
    if kept:
        return kept     # the argument rules' target is in the verb's own conjunct ("traf sich in Albanien mit Macron")
    for g in own:
        got = _pairs(srcs, g.actors)
        if got:
            return got
    back = not first_conj and any(t.low in _OBJECT_PRONOUNS for t in toks[ti + 1:ti + 4])
    if mutual or back:
        # a mutual act with no party of its own: its partner is implicit, the other conjunct's party
        # the likeliest ("akzeptierte das Abkommen und schlug Kosovo Gespräche vor", "met Zelensky and
        # agreed on ..."), and so is a pronoun's ("met Zelensky and promised him aid"); a one-sided act
        # is not aimed at it ("feuerte eine Rakete ab und drohte Südkorea", "met Zelensky and threatened
        # new attacks")
        if first_conj:
            return pairs
        prev = next((g for g in reversed(groups) if g.last_tok < ti and toks[g.first_tok].clause == c
                     and _pairs(srcs, g.actors)), None)
        return _pairs(srcs, prev.actors) if prev is not None else pairs
    return [(a, None) for a in srcs]


def _outside_conjunct(pairs, groups: list[_Group], skip: frozenset[int]):
    """An act noun's parties come from its own conjunct or before the clause's verbs, not from a
    later conjunct ("sagte Netanjahu ein Treffen ab und rief Abbas an": no meeting with Abbas)."""
    late = {a for g in groups if g.first_tok in skip for a in g.actors} - \
        {a for g in groups if g.first_tok not in skip for a in g.actors}
    kept = [(a, b) for a, b in pairs if a not in late and b not in late]
    if kept or not pairs:
        return kept
    return list(dict.fromkeys((a, None) for a, _ in pairs if a not in late))


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


# acts a demand asks the other side to perform (RETREAT and CONCEDE are suppressed by REQUEST in the
# lexicon; a call to resistance, "zum Widerstand gegen X", stays the caller's own REJECT)
_DEMANDABLE = frozenset({"AGREE", "COOPERATE"})

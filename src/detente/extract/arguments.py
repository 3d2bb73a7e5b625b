"""Source and target of an act by position rules over clauses and actor groups (docs/extraction.md,
'source and target'): subjects, prepositions, possessive and genitive owners, agents, passives."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from detente.extract import actors as actor_mod
from detente.extract.clauses import _continues, _participle_clause, _subject_clause, contrast_clause
from detente.extract.groups import _Group, _right_after_prep
from detente.extract.lexicon import load_lexicon
from detente.extract.triggers import _match
from detente.extract.tokens import Tok, low_set, low_text, sentence_facts
from detente.extract.wordsets import (
    _AGENT_PREPS, _ARTICLES, _BETWEEN, _DASHES, _GENITIVE, _IN_PLACE, _PASSIVE_AUX, _TARGET_PREPS, _VISITS,
)


# verbs whose zu-/to-infinitive is done by their subject, not by their object (Huddleston &
# Pullum 2002, ch. 14: subject vs. object control)
_SUBJECT_CONTROL = frozenset("versuchen beabsichtigen planen beschließen versprechen geloben ankündigen zusagen zusichern "
                             "try attempt plan decide promise vow intend seek".split())


_CONJUNCTS = frozenset({"und", "and", "sowie"})
_REFLEXIVES = frozenset({"sich", "themselves"})


def _conjoined(toks: list[Tok], a: _Group, b: _Group) -> bool:
    """Is b joined to a by a conjunction alone ("die USA und die EU", "the US and the EU")?"""
    between = toks[a.last_tok + 1:b.first_tok]
    return bool(between) and any(t.low in _CONJUNCTS for t in between) \
        and all(t.low in _CONJUNCTS or t.low in _ARTICLES or t.text == "," for t in between)


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
          or (nominal and _share_of(toks, g, ti))
          # a demonym in the genitive of a noun: "the visit of the Chinese foreign minister to Moscow"
          or (nominal and g.start >= e and g.first_tok <= ti + 3 and ti + 1 < len(toks) and toks[ti + 1].low in _GENITIVE)
          # the object of a verb-final trigger: "Die Ukraine hat eine russische Raffinerie angegriffen"
          or (not nominal and g.clause == clause and g.end <= s and toks[ti].text[:1].islower()
              and any(h.clause == clause and not h.adj and h.end <= g.start for h in gs))]
    if not gs:
        return []
    if english and nominal and ti < 2 and ti + 1 < len(toks) and toks[ti + 1].low in _COMES \
            and (ti == 0 or toks[0].low in ("the", "this", "that")):
        # "The meeting comes as Washington has imposed tariffs", "The talks came days after ...": the
        # noun refers back to an act the article has already named; the clause after it is context
        return []
    if english and nominal and (ti > 1 and toks[ti - 2].low == "under" and toks[ti - 1].low in ("the", "this", "that")
                                and ti + 1 < len(toks) and toks[ti + 1].text == ","
                                or ti + 2 < len(toks) and toks[ti + 1].low in ("would", "will") and toks[ti + 2].low == "see"):
        # "Under the deal, Ukraine would cede Donetsk", "The proposal would see Russia withdraw": the
        # terms of a plan or deal named without its owner; the party in them is no owner of the noun
        # ("will withdraw under the deal with Ukraine" names the deal's party and stays an agreement)
        return []
    if english and nominal and toks[ti].low in _PATIENT_NOUNS and _patient_owner(gs, toks, ti):
        # "a reward for Maduro's arrest", "condemned Nasrallah's killing", "his detention": the owner
        # of such a noun suffers the act (Quirk et al. 1985, 17.41: objective genitive); its agent is
        # not named ("Israel's killing of X" keeps the owner as agent)
        return []
    lows = low_set(toks)      # (speed, seventh pass: the per-party tests below run only where their words occur)
    if english and not _PATIENT_NOUNS.isdisjoint(lows):
        # ... and it is no party of the act that governs the noun ("Russia welcomed Assad's ouster")
        gs = [g for g in gs if not (g.last_tok + 1 < len(toks) and toks[g.last_tok + 1].low in _PATIENT_NOUNS
                                    and _patient_owner([g], toks, g.last_tok + 1))]
        if not gs:
            return []
    if english and not load_lexicon("en").relative_words.isdisjoint(lows):
        asides = _relative_asides(toks)      # (speed: no scan of the sentence per trigger where it has no relative pronoun)
        if asides:
            gs = _outside_aside(gs, asides, toks, ti)
            if not gs:
                return []
            if ti > 3 and toks[ti - 3].text == "," and toks[ti - 2].low in load_lexicon("en").relative_words \
                    and toks[ti - 1].low in _BE_PASSIVE:
                # "the Houthis, who are backed by Iran": a passive aside; its antecedent is the patient
                agent = next((g for g in gs if ti < g.first_tok <= ti + 3 and toks[g.first_tok - 1].low == "by"
                              or g.first_tok == ti + 3 and toks[ti + 1].low == "by"), None)
                patient = next((g for g in gs if g.last_tok == ti - 4), None)
                if agent is not None and patient is not None:
                    return _pairs(agent.actors, patient.actors)
    where = [g for g in gs if not g.adj and g.first_tok > 0 and (toks[g.first_tok - 1].low in _IN_PLACE or (
        g.first_tok > 1 and toks[g.first_tok - 1].low in _ARTICLES and toks[g.first_tok - 2].low in _IN_PLACE))
        and not (g.first_tok > 1 and toks[g.first_tok - 2].low.startswith(_SEAT_NOUNS))]     # "die Regierung in Caracas": the state
    if where and len(where) < len(gs):
        # "traf sich in Albanien mit Macron", "der Zwischenfall in Polen": a country after "in"
        # is where the act happened; it is a party only when no other actor is named
        gs = [g for g in gs if g not in where]
    if not _COMPARE_WORDS.isdisjoint(lows) and any(_compared(toks, g.first_tok) for g in gs):
        # "Anders als Macron lehnt Merz Gespräche mit Putin ab", "Unlike Macron, Merz rejects ...", "Ähnlich
        # wie Russland droht auch Iran den USA": an actor compared with is no party to the act (after
        # "Unlike Macron," the comma may have joined the subject to it in one group: that part stays)
        kept = []
        for g in gs:
            if not _compared(toks, g.first_tok):
                kept.append(g)
                continue
            k = next((j for j in range(g.first_tok, g.last_tok) if toks[j].text == ","), None)
            if k is not None and len(g.actors) > 1:
                kept.append(replace(g, actors=g.actors[1:], start=toks[k + 1].start, first_tok=k + 1, clause=toks[k + 1].clause))
        gs = kept
        if not gs:
            return []
    if not punitive and not _SCOPE_WORDS.isdisjoint(lows) and any(_scope(toks, g.first_tok) for g in gs):
        # "unterstützt in ganz Europa Populisten", "backs populists across Europe": a region the act
        # spreads over is no party to a political act (strikes "across Ukraine" still hit it)
        gs = [g for g in gs if not _scope(toks, g.first_tok)]
        if not gs:
            return []
    # (speed, seventh pass: no call per party where the sentence has no witness word)
    helpers = [g for g in gs if g.first_tok > 1 and _witness(toks, g.first_tok)] if _witness_cue(toks) else []
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
                    return _all_pairs(acts)      # ("talks between the US, Ukraine and Russia": each pair)
            break
    if nominal and mutual:
        # "das Treffen der Präsidenten der USA und Russlands", "the meeting of the foreign ministers of
        # India and Pakistan": the office holders of the coordinated states in the genitive are the parties
        og = _office_genitive(after, toks, ti)
        if og is not None:
            return _pairs([og[0]], [og[1]])
        if not before and _unresolved_owner(groups, toks, ti) and not (ti + 1 < len(toks) and toks[ti + 1].low in ("mit", "with")):
            # "Nach ihrem Treffen kritisierten die EU-Staaten Orban": the talks are those of whoever "ihr"
            # is, which coreference did not find; the actors after it are not their pair
            return []
    # passive voice: "Kyiv was hit by Russia", "Kiew wurde von Russland angegriffen"
    clause_groups = [g for g in gs if g.clause == clause]
    if not _PASSIVE_AUX.isdisjoint(lows) and any(t.low in _PASSIVE_AUX for t in toks if t.clause == clause):
        agent = next((g for g in clause_groups if g.first_tok > 0 and toks[g.first_tok - 1].low in _AGENT_PREPS
                      or (g.first_tok > 1 and toks[g.first_tok - 2].low in _AGENT_PREPS and toks[g.first_tok - 1].low in _ARTICLES)), None)
        patient = next((g for g in clause_groups if g is not agent), None) if agent else None
        if agent and patient:
            return _pairs(agent.actors, patient.actors)
    if not nominal and not mutual and _agentless_passive(toks, ti, english) and not any(
            g.first_tok > 0 and toks[g.first_tok - 1].low in _AGENT_PREPS for g in clause_groups):
        return []      # "Indien könnte gezwungen sein", "Kyiv was hit": the actor named is the patient
    if nominal and _topic_of_noun(toks, ti, gs):
        # "Beijing's silence on the attacks on Israel", "Pekings Schweigen zu den Angriffen": an act noun
        # that is the topic of another noun has no agent in its clause (the owner is the other noun's)
        return []
    led = _led_into(gs, toks, ti, clause, english) if (nominal or english) and not mutual else None
    if led is not None:
        # "flatter Putin into concessions", "drängte Putin zu Zugeständnissen": the object led into an
        # act noun does it (object control), aimed at a party named after the noun, never at who leads
        countries = {a.country for a in led.actors}
        tgt = next((g for g in gs if g.first_tok > ti and g.clause == clause and {a.country for a in g.actors} - countries), None)
        return (_pairs(led.actors, tgt.actors) if tgt is not None else []) or [(a, None) for a in led.actors]
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
    sv = next((j for j in range(ti - 1, -1, -1) if toks[j].clause == clause and toks[j].low in speech), None) \
        if not speech.isdisjoint(lows) else None      # (speed, seventh pass: no scan without a verb of saying)
    if sv is not None and any(g.first_tok > sv for g in same_before):
        earlier = earlier + [g for g in same_before if g.last_tok < sv]
        same_before = [g for g in same_before if g.first_tok > sv]
    owner = False
    # a noun coordinated with a possessed one shares its owner: "nach seinem Telefonat mit X und
    # Gesprächen mit Y"
    if nominal and len(same_before) >= 2 and not same_before[-1].poss and ti > 0 and toks[ti - 1].low in _CONJUNCTS:
        poss = [g for g in same_before if g.poss and g.last_tok >= ti - 10]
        if poss:
            same_before = [g for g in same_before if g is not poss[-1]] + [poss[-1]]
    if nominal and len(same_before) >= 2 and same_before[-1].last_tok >= ti - 10 and same_before[-1].poss \
            and (same_before[-1].last_tok >= ti - 3 or toks[ti - 1].low in _CONJUNCTS):
        # "der nach seinem Telefonat mit Putin und seinem Treffen mit Selenskyj ...": the
        # possessive owns the act, the party after the preposition is the other side
        same_before = [same_before[-1]] + [g for g in same_before[:-1]]
        owner = True
    elif nominal and len(same_before) >= 2 and _share_of(toks, same_before[-1], ti):
        # "forderte die amerikanische Beteiligung an der militärischen Unterstützung der Ukraine": the
        # owner of a share in an act owns the act
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
    coerced = False
    # a zu-infinitive clause has no subject of its own: it is the actor of the clause before
    # (the subject, or the object of "zwingen", "drängen": the last actor named there)
    infinitive = (ti > 0 and toks[ti - 1].low == "zu" and toks[ti].text[:1].islower()) or inf_clause
    first = next((t for t in toks if t.clause == clause and t.word), None) if infinitive else None
    purpose = first is not None and first.low == "um" and clause > 0 and not english
    subj = _purpose_subjects(toks, earlier) if purpose else None
    if purpose and not subj:
        # a purpose clause's act is done by its governing clause's subject; none is named ("Die
        # Kommentatoren nutzten den Vorfall, um Macron ... zu drängen", "der Vorfall in Polen, der
        # ... instrumentalisiert wurde, um ..."): no source, and the purpose clause's own actors
        # are its objects, not its agent
        return []
    if english and not nominal and not mutual and ti > 1 and toks[ti - 1].low == "to" and (
            toks[ti - 2].low in ("order", "as") or any(
                g.clause == clause and g.last_tok < ti - 1 and _partner_phrase(toks, g.first_tok)
                and not any(h.clause == clause and g.last_tok < h.first_tok < ti for h in gs) for g in gs)):
        # English purpose: "in order to", "so as to", or "to" after the governing clause's partner
        # ("France teamed up with Italy to propose ..."): the act's target is named after the "to"
        purpose = True
        if not any(g.clause == clause and g.last_tok < ti - 1 and not g.adj and not g.poss
                   and not _right_after_prep(toks, g.first_tok) for g in gs):
            return []       # "Hardliners exploited the incident in order to push the president ...": no named agent
        near_after = [g for g in near_after if g.clause == clause]
        same_before = [g for g in same_before if g.last_tok < ti - 1]
    if infinitive and not english and not nominal and not purpose and clause > 0 and _noun_governed(toks, clause, groups) \
            and not any(not g.adj and not g.poss and not _after_preposition(toks, g.first_tok) for g in earlier):
        # "ein Druckmittel für Trump gegenüber Putin - ein Versuch, den Präsidenten zu Verhandlungen zu
        # zwingen", "Für Putin gibt es keinen Grund, mit Kiew zu verhandeln": an infinitive after a noun
        # with no owner of its own, and no subject named before, is done by the one it is "für"; with
        # none, it has no named agent (its actors are its objects, never its source)
        fuer = next((g for g in reversed(earlier) if _after_preposition(toks, g.first_tok, _FOR)), None)
        if fuer is None:
            return []
        countries = {a.country for a in fuer.actors}
        tgt = next((g for g in gs if g.clause == clause and {a.country for a in g.actors} - countries), None)
        return (_pairs(fuer.actors, tgt.actors) if tgt is not None else []) or [(a, None) for a in fuer.actors]
    if infinitive and earlier and not _PAREN_DASHES.isdisjoint(lows):
        # "dass es – um neuen Druck seitens der USA zu vermeiden – besser wäre, zuzustimmen": a party
        # named inside a parenthesis between dashes does not control an infinitive outside it
        earlier = [g for g in earlier if not _dash_parenthesis(toks, g.clause)] or earlier
    if infinitive and earlier:
        # "um ... zu" (purpose) is controlled by the subject; other zu-infinitives by the last
        # actor named (the object of "zwingen", "drängen", or the subject when it is the only one)
        gov = [g for g in earlier if g.clause == max(x.clause for x in earlier)]
        subject_control = any(t.clause == gov[0].clause and any(f in _SUBJECT_CONTROL for f in t.forms) for t in toks) if gov else False
        if gov and subject_control:
            # "Moskau hatte versucht, nach dem Telefonat zwischen Putin und Trump auf Angriffe zu
            # verzichten": verbs of trying, planning, promising are controlled by their subject
            gov = [g for g in gov if not _right_after_prep(toks, g.first_tok) and not g.adj] or gov
        src_g = gov[0] if first is not None and (first.low in ("um", "in") or subject_control) and gov else earlier[-1]
        if purpose:
            # ... the subject: an actor not after a preposition ("tat sich mit Italien zusammen, um ...")
            if subj is None:      # (English purpose: not listed above)
                subj = _purpose_subjects(toks, earlier)
            if not subj:
                return []       # (no actor before it can be its subject: no named agent)
            last = max(x.clause for x in subj)
            src_g = next(g for g in subj if g.clause == last)
            gov_toks = [t for t in toks if t.clause == src_g.clause]
            if _passive_clause([t for t in gov_toks if t.word]):
                # a passive governing clause: its agent ("von"/"durch" X) pursues the purpose, not
                # its subject ("der Vorfall, der von Hardlinern instrumentalisiert wurde, um ...")
                src_g = next((g for g in earlier if g.clause == src_g.clause and _agent_after(toks, g)), None)
                if src_g is None:
                    return []
        if mutual:
            # "die Entscheidung Trumps, sich mit dem Präsidenten, Putin, zu treffen": the partner
            # after "mit" (and its apposition) is the other side, not the one who meets
            partner = {a.name for g in before if _partner_phrase(toks, g.first_tok) for a in g.actors}
            if partner and {a.name for a in src_g.actors} <= partner:
                src_g = next((g for g in reversed(earlier) if not {a.name for a in g.actors} <= partner), src_g)
        pool = same_before + near_after
        coerced = any(t.clause == src_g.clause and t.word and _coercion(t, english) for t in toks[:ti])
        if purpose and not mutual:
            # the target of a purpose clause's act is one of its own arguments, not an actor of a
            # relative clause after it ("um Garantien vorzuschlagen, die Russland provozierten")
            pool = [g for g in pool if g.clause == clause]
    elif len(same_before) >= 2:
        # the subject is not inside a fronted prepositional phrase ("Im Streit mit China gab
        # Australien nach"): the first actor not right after a preposition
        src_g = same_before[0] if owner else \
            next((g for g in same_before if not _right_after_prep(toks, g.first_tok)), same_before[0])
        pool = ([] if purpose else [g for g in same_before if g is not src_g]) + near_after
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
    elif same_before and not nominal and len(same_before) == 1 and _noun_aimed(toks, same_before[0]):
        # "Putins Mitbürger, die den Krieg gegen die Ukraine unterstützen": the party an act noun
        # before the verb is aimed at belongs to that noun, never the verb's subject (nor its target:
        # supporting a war against Ukraine is no support of Ukraine); the subject is the actor before
        subj = [g for g in earlier if not g.adj and not _right_after_prep(toks, g.first_tok)]
        inv = _inverted_subject(groups, toks, ti, clause) if not subj else None
        if not subj and inv is None:
            return []
        src_g = subj[-1] if subj else inv     # ("Den Angriff auf Kiew verurteilte Macron": after the verb)
        pool = [g for g in near_after if g is not src_g]
    elif same_before and not nominal and not english and all(_right_after_prep(toks, g.first_tok) for g in same_before) \
            and (inv := _inverted_subject(groups, toks, ti, clause)) is not None:
        # "Bei jedem Treffen mit Putin lobte Trump den Kremlchef", "Im Streit mit China gab Australien
        # nach": a fronted prepositional phrase holds no subject (German verb second); the subject is
        # right after the verb, the phrase's actor a party only when the clause names no other
        src_g = inv
        pool = [g for g in near_after if g is not inv] + same_before
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
    elif before and english and not nominal and _named_thing_subject(toks, ti, clause):
        # "..., after the group attacked a ship", "when the rebels fired": the clause has a subject
        # of its own that names no actor; the sentence's first actor did not do it
        return []
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
    if mutual and len(src_countries) == 1 and not _REFLEXIVES.isdisjoint(lows) \
            and any(t.low in _REFLEXIVES for t in toks if t.clause == clause) \
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
        return _all_pairs(src_g.actors)   # "Putin und Trump telefonierten / vereinbarten", "X, Y und Z trafen sich"
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
            if direct and not mutual and not any(_pairs(src_g.actors, g.actors) for g in direct) and _object_head(toks, direct[0]):
                # "Hardliner in Moskau drängen Putin zu einem Angriff auf Kiew": the object is of the
                # subject's own side, so the act stays inside it; the party the content names is not its target
                return [(a, None) for a in src_g.actors]
            if direct:
                pools = (direct,) + pools
        if english and not nominal:
            # English: the object right after a verb is its addressee ("urged them to send aid to
            # Ukraine", "asked Berlin for ...") before any prepositional party
            direct = [g for g in pool if g.clause == clause and (g.first_tok == ti + 1 or (g.first_tok == ti + 2
                      and toks[ti + 1].low in _DETERMINERS))]
            if direct and not mutual and not any(_pairs(src_g.actors, g.actors) for g in direct) and _object_head(toks, direct[0]):
                return [(a, None) for a in src_g.actors]     # (an object of the subject's own side, as above)
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
            and toks[src_g.last_tok + 1].low not in _ARTICLES and all(t.clause == toks[ti].clause for t in toks[src_g.first_tok:ti]))) and any(toks[j].low in _CONJUNCTS for j in range(src_g.first_tok, src_g.last_tok + 1))
        if len(src_countries) >= 2 and not disjunct and not to_place and not joined:
            # "Putin und Trump telefonierten"; not "X, Y oder Z könnten ...": alternatives, not
            # partners; not a one-sided act of the pair aimed at a place ("France and Germany
            # supply weapons to Kyiv": the caller takes the place's country); not a one-sided act
            # with its other party unnamed ("Südkorea und Japan verurteilten den Test": no event; a
            # bare comma may join a clause's subject to the next clause's actor, "Trump beginnt, Putin ...")
            return _pairs([src_g.actors[0]], [src_g.actors[1]])
        # no party but a country where the act happened, after it: "bombardierte Ziele im Libanon"
        # (German verb-final: the place stands between the subject and the participle, "hat Ziele im
        # Iran angegriffen")
        tgt_g = next((g for g in where if (g.start >= e or (not english and src_g.last_tok < g.first_tok < ti))
                      and g.clause == clause and {a.country for a in g.actors} - src_countries), None)
        if tgt_g is not None and not mutual:
            return _pairs(src_g.actors, tgt_g.actors)
        if to_place:
            return [(a, None) for a in src_g.actors]      # the caller takes the place's country
        if (purpose or coerced) and not mutual:
            # (nor a partner of the governing clause; nor the coercer: "zwang Selenskyj, sich aus dem
            # Donbass zurückzuziehen" is no retreat from Trump)
            return [(a, None) for a in src_g.actors]
        if kinds.get(clause) == "comp" and _believed(toks, clause, kinds, english):
            # "Merz glaubt, dass Putin verhandeln wird": who believes it is no party to the act believed
            return [(a, None) for a in src_g.actors]
        # the addressee named before ("sagte Rubio, dass Russland keinem ... zustimme"); not across an
        # English contrast ("Egypt offered to mediate, while China urged restraint": two propositions,
        # Quirk et al. 1985, 15.20 - unlike "after Hamas fired rockets", whose earlier party is the target)
        tgt_g = next((g for g in reversed(earlier) if g is not src_g and _pairs(src_g.actors, g.actors)
                      and not (english and not {a.country for a in g.actors} - src_countries)), None) \
            if not (english and src_g.clause == clause and contrast_clause(toks, clause)) else None
        if tgt_g is None:
            # no second party: kept for claims (a stance needs no target), not coded as an event
            return [(a, None) for a in src_g.actors]
    if nominal and src_g.poss and len(src_g.actors) > 1:
        # "After their meeting with Zelensky, Macron and Merz ...": the pair a plural possessive stands
        # for is one side, named again after it, not the other
        return _pairs(src_g.actors, [a for a in tgt_g.actors if a not in src_g.actors] or tgt_g.actors)
    return _pairs(src_g.actors, tgt_g.actors)


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


_AIMED_PREPS = frozenset({"auf", "gegen", "gegenüber", "on", "against", "toward", "towards"})
# nouns whose beneficiary follows "for" ("Hungary's support for Russia", "aid for Gaza")
_FOR_NOUNS = frozenset({"support", "backing", "aid", "assistance", "help", "praise"})


def _aimed_at(toks: list[Tok], ti: int, after: list[_Group], clause: int) -> _Group | None:
    """The actor an act noun is aimed at by a preposition right after it ("Druck auf die
    Russische Föderation", "pressure on Moscow"): at most an article or adjective between."""
    if ti + 1 >= len(toks) or toks[ti + 1].low not in _AIMED_PREPS and not (
            toks[ti + 1].low == "for" and toks[ti].low in _FOR_NOUNS):
        return None
    g = next((g for g in after if g.clause == clause), None)
    if g is None or g.first_tok > ti + 4:
        return None
    if any(not toks[j].word or (toks[j].low not in _ARTICLES and toks[j].text[:1].isupper())
           for j in range(ti + 2, g.first_tok)):
        return None       # a noun in between ("Druck auf die Sponsoren Russlands") is what it aims at
    return g


def _received(groups: list[_Group], toks: list[Tok], clause: int):
    """"Solche Absagen hörte Trump von Putin", "Macron received threats from Erdogan", "erhielt Munition aus
    Dänemark": with a
    verb of receiving, the act noun's agent is the party after "von"/"from" and the subject
    its target. None when the clause has no such party."""
    gs = [g for g in groups if g.clause == clause]
    frm = next((g for g in gs if g.first_tok > 0 and (toks[g.first_tok - 1].low in ("von", "vom", "aus", "from") or (
        g.first_tok > 1 and toks[g.first_tok - 1].low in _ARTICLES and toks[g.first_tok - 2].low in ("von", "aus", "from")))), None)
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


_COMES = frozenset(("comes", "came", "come", "follows", "followed"))
_PATIENT_NOUNS = frozenset(("arrest", "detention", "killing", "assassination", "extradition", "capture", "abduction",
                            "kidnapping", "execution", "ouster", "overthrow", "removal", "release", "imprisonment",
                            "jailing", "expulsion", "deportation", "murder"))


def _patient_owner(gs: list, toks: list[Tok], ti: int) -> bool:
    """Is the party right before a noun its possessive owner ("Maduro's", "his") with no "of" object after it?"""
    if ti + 1 < len(toks) and toks[ti + 1].low in ("of", "by"):
        return False
    return any(g.last_tok == ti - 1 and (g.poss or toks[ti - 1].low.endswith(("'s", "’s", "s'"))) for g in gs)


_SUBJ_DETS = frozenset(("the", "a", "an", "some", "several", "two", "three", "many"))
_CLAUSE_OPENERS = frozenset(("after", "before", "when", "while", "as", "since", "because", "until", "once", "and", "but", "that"))
_AUX_EN = frozenset(("had", "has", "have", "will", "would", "could", "might", "also", "then",
                     "later", "reportedly", "allegedly", "again", "did"))
_BE_EN = frozenset(("was", "were", "is", "are", "be", "been", "being"))


def _named_thing_subject(toks: list[Tok], ti: int, clause: int) -> bool:
    """Does an English clause open with a subject noun phrase of its own that is no actor ("after the
    group attacked", "when two militias clashed", "as mediators pressed"): determiner (or a
    subordinator and a bare plural), lower-case words, auxiliaries, verb."""
    j = ti - 1
    while j >= 0 and toks[j].clause == clause and toks[j].low in _AUX_EN:
        j -= 1
    if j >= 0 and toks[j].low in _BE_EN:
        return False     # "that a date had been agreed": a passive's subject is its patient
    nouns = 0
    while j >= 0 and toks[j].clause == clause and toks[j].word and toks[j].text[:1].islower() \
            and toks[j].low not in _SUBJ_DETS and toks[j].low not in _CLAUSE_OPENERS and nouns < 3:
        j -= 1
        nouns += 1
    if nouns and j >= 0 and toks[j].clause == clause and toks[j].low in _CLAUSE_OPENERS and toks[j + 1].low.endswith("s") \
            and toks[j].low not in ("and", "but", "that"):
        return True      # a bare plural after a subordinator: "as mediators pressed for a truce", "after militants attacked"
    if not nouns or j < 0 or toks[j].clause != clause or toks[j].low not in _SUBJ_DETS:
        return False
    return j == 0 or toks[j - 1].clause != clause or toks[j - 1].low in _CLAUSE_OPENERS


_BE_PASSIVE = frozenset(("is", "are", "was", "were"))


def _relative_asides(toks: list[Tok]) -> list[tuple[int, int]]:
    """Token spans (comma, closing comma or end) of non-restrictive relative clauses: "Oman, which
    has hosted talks between the Houthis and Saudi Arabia, called for calm" (Quirk et al. 1985,
    17.3: a non-restrictive relative clause adds background to its antecedent, apart from the
    main clause's act). Found once per sentence, not per trigger (`tokens.sentence_facts`)."""
    facts = sentence_facts(toks)
    out = facts.get("asides")
    if out is not None:
        return out  # type: ignore[return-value]
    out = []
    relative = load_lexicon("en").relative_words      # (clauses: relative)
    for k in range(len(toks) - 1):
        if toks[k].text == "," and toks[k + 1].low in relative:
            end = next((j for j in range(k + 2, len(toks)) if toks[j].text in (",", ";", ".", "–", "—")), len(toks))
            out.append((k, end))
    facts["asides"] = out      # (stored whole: a thread never reads it half built)
    return out


def _outside_aside(gs: list, asides: list[tuple[int, int]], toks: list[Tok], ti: int) -> list:
    """The parties an act can have across relative asides: an act of the main clause none named
    inside an aside; an act inside an aside those of the aside, and its antecedent (the party
    right before the comma, "The Houthis, who are backed by Iran"), which the aside is about."""
    own = next(((a, b) for a, b in asides if a < ti < b), None)
    if own is None:
        return [g for g in gs if not any(a < g.first_tok < b for a, b in asides)]
    a, b = own
    return [g for g in gs if a < g.first_tok < b or g.last_tok == a - 1]


def _witness(toks: list[Tok], i: int) -> bool:
    """"signed a peace agreement in the presence of Trump", "witnessed by Trump": a witness or
    mediator of a mutual act is not a party to it."""
    if not _witness_cue(toks):
        return False
    if toks[i].low.endswith(_LED_BY) and i + 1 < len(toks) and toks[i + 1].low in _LED_TALKS:
        return True      # "the UN-led talks", "a Qatar-mediated truce": the name in the compound led them
    window = " ".join([t.low for t in toks[max(0, i - 4):i]])     # (speed: a list, not a generator, for join)
    if i > 0 and toks[i - 1].low == "under" and any(t.low in ("mediation", "auspices", "supervision") for t in toks[i + 1:i + 4]):
        return True      # "agreed ... under EU mediation"
    return bool(_WITNESS.search(window))


# ("the US-led coalition struck ...": a compound before a force is its leader, the agent)
_LED_BY = ("-led", "-brokered", "-mediated", "-hosted", "-sponsored")
_LED_TALKS = frozenset(("talks", "negotiations", "meeting", "meetings", "summit", "process", "truce", "ceasefire",
                        "deal", "agreement", "accord", "exchange", "swap", "dialogue", "peace", "conference"))
# (German: "unter/auf/durch Vermittlung Katars", "vermittelt von Ägypten", "mit Hilfe der USA", "im Beisein Trumps")
# (German right before the name, at most an article between: "unter Vermittlung Katars vereinbarten Israel ..." names no mediator Israel)
_WITNESS = re.compile(r"\b(?:presence of|witnessed by|mediated by|brokered by|hosted by|auspices of|mediation (?:of|from|by)|help of)\b"
                      r"|\b(?:(?:unter|auf|durch|nach) (?:der )?vermittlung(?: durch)?|vermittelt (?:von|durch)|mit (?:der )?(?:hilfe|unterstützung)"
                      r"|im beisein|in (?:der )?anwesenheit|unter (?:der )?schirmherrschaft)(?: von| vom| der| des| dem| den)?$")

def _witness_cue(toks: list[Tok]) -> bool:
    """Does a word of `_WITNESS_WORDS` occur in the sentence (kept per sentence: `tokens.sentence_facts`)?
    Speed (seventh pass): every phrase `_witness` looks for holds one of these words inside a token;
    most sentences have none, and then no window is built per party and trigger (with the passive
    and reflexive tests of `_arguments` answered from `low_set`, -0.4% of the instructions per article)."""
    facts = sentence_facts(toks)
    cue = facts.get("witness")
    if cue is None:
        cue = facts["witness"] = any(map(low_text(toks).__contains__, _WITNESS_WORDS))
    return cue  # type: ignore[return-value]


# (substring tests in C: a regex alternation of them tried each branch at every position)
_WITNESS_WORDS = ("presence", "witnessed", "mediat", "brokered", "hosted", "auspices", "help", "supervision", "vermitt",
                  "hilfe", "unterstützung", "beisein", "anwesenheit", "schirmherrschaft", "-led", "-sponsored")


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


_PAREN_DASHES = _DASHES | {"-"}


def _dash_parenthesis(toks: list[Tok], clause: int) -> bool:
    """Is `clause` a parenthesis between dashes (it opens with a dash and the next clause does)?"""
    first = next((t for t in toks if t.clause == clause), None)
    nxt = next((t for t in toks if t.clause == clause + 1), None)
    return first is not None and nxt is not None and first.text in _PAREN_DASHES and nxt.text in _PAREN_DASHES


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
               # (a government's offices, as data/lang/de.yaml group_nouns: "das Außenministerium in Manila")
               "außenministerium", "verteidigungsministerium", "handelsministerium", "innenministerium",
               "wirtschaftsministerium", "präsidialamt", "militärregierung", "militärjunta", "junta", "armeeführung", "generalstab",
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
                         "massive major fresh first second more additional "
                         # (the adjectives of aid and talks nouns: "Military aid from the United States ...", "bilateral talks")
                         "military financial economic humanitarian bilateral trilateral diplomatic "
                         # (and the nouns that name what talks or a deal are about: "the ceasefire deal between Israel and
                         # Hamas", "nuclear talks"; not "peace": "to secure a peace deal" is the verb's content)
                         "ceasefire nuclear".split())


def _near_actor(groups: list[_Group], toks: list[Tok], ti: int) -> bool:
    """Is an actor (or a possessive pointing to one) within NOUN_WINDOW tokens of token ti?"""
    for g in groups:
        if g.first_tok - NOUN_WINDOW <= ti <= g.last_tok + NOUN_WINDOW:
            return True
    return any(toks[j].low in _POSSESSIVE for j in range(max(0, ti - 3), ti)) or _office_genitive(groups, toks, ti) is not None


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
    if any(t.low in _BETWEEN for t in toks[ti + 1:ti + 4]):
        return pairs        # "talks between the US, Ukraine and Russia in Abu Dhabi": between them, wherever held
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
    if src_g and len(src_g.actors) > 2 and host.country in src_c and not set(toks[ti].forms) & _ARRIVAL \
            and any(t is not None and t in src_g.actors for _, t in pairs):
        # "The leaders of Mali, Burkina Faso and Niger will meet in Niamey": a summit of a list that
        # holds the host is a meeting of each with each (the gold codes multi-party meetings pairwise)
        return [(a, b) for i, a in enumerate(src_g.actors) for b in src_g.actors[i + 1:] if a.country != b.country]
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


_TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "zu", "zum", "zur", "über"})
_TOPIC_DETS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "der", "die", "das", "den", "dem",
                         "des", "sein", "seine", "seinem", "seinen", "ihr", "ihre", "ihrem", "ihren", "dieses", "diese"})


def _topic_of_noun(toks: list[Tok], ti: int, gs: list[_Group]) -> bool:
    """Is the act noun at ti, with no demonym or owner of its own right before it, the topic of
    another noun ("[X's|the] silence/report/position on the attacks", "[Pekings] Schweigen zu den
    Angriffen")? The other noun stands after a determiner or an actor's possessive and names no act."""
    j = ti - 1
    while j > 0 and toks[j].low in _TOPIC_DETS:
        j -= 1
    if j < 2 or toks[j].low not in _TOPIC_PREPS or any(g.last_tok == ti - 1 for g in gs):
        return False
    n, d = toks[j - 1], toks[j - 2]
    if not n.word or any(g.first_tok <= j - 1 <= g.last_tok for g in gs) \
            or _match("de" if n.text[:1].isupper() else "en", n.forms) is not None:
        return False      # (the other noun is itself an act: "talks on the sanctions" are the talks' topic, `_talk_topics`)
    # (an actor's possessive or German genitive before the other noun, "Beijing's silence", "Pekings
    # Schweigen", or a determiner; not a subject before a verb: "The EU decided on the sanctions")
    owner = d.low.endswith(("'s", "’s")) or (n.text[:1].isupper() and d.text[:1].isupper() and d.low.endswith("s")
                                               and any(g.last_tok == j - 2 for g in gs))
    return owner or d.low in _TOPIC_DETS


_INTO = frozenset({"into", "zu", "zum", "zur"})
_ROLE_PREPS = _TARGET_PREPS | _AGENT_PREPS
_LED_ACTS = frozenset({"CONCEDE", "RETREAT", "ASSAULT", "AID", "SANCTION"})


def _led_into(gs: list[_Group], toks: list[Tok], ti: int, clause: int, english: bool) -> _Group | None:
    """The object of a verb right before "into"/"zu" heading the act noun at ti ("pushed Kyiv into
    concessions", "Putin zu Zugeständnissen bewegen"; articles and adjectives between), or None."""
    j = ti - 1
    while j > 0 and ti - j <= 3 and toks[j].word and toks[j].text[:1].islower() and toks[j].low not in _INTO:
        j -= 1
    if j <= 0 or toks[j].low not in _INTO:
        return None
    k = toks[ti].trig      # (tokenize's `_match` of the noun's forms)
    if k is None or load_lexicon("en" if english else "de").triggers[k].type not in _LED_ACTS:
        return None       # ("rief die Palästinenser zum Widerstand gegen Israel auf" stays the caller's REJECT)
    obj = next((g for g in gs if g.last_tok == j - 1 and g.clause == clause and not g.adj and not g.poss), None)
    if obj is None or obj.first_tok == 0:
        return None
    v = obj.first_tok - 1
    if toks[v].low in _ARTICLES and v > 0:
        v -= 1
    # (a verb before the object, or another actor before it: "dass er Putin zu ... bewegen kann")
    return obj if (toks[v].word and toks[v].text[:1].islower() and toks[v].low not in _ROLE_PREPS
                   and toks[v].low not in ("und", "and", "oder", "or")) or any(
        g.clause == clause and g.last_tok < obj.first_tok and not g.adj for g in gs) else None


_FOR = frozenset({"für"})


def _after_preposition(toks: list[Tok], i: int, only: frozenset[str] | None = None) -> bool:
    """Is token i the head of a German prepositional phrase of any preposition ("für Biden",
    "gegenüber Xi"; articles and adjectives between), or of one of `only` (`groups._right_after_prep`
    over the lexicon's prepositions; `only` among them)?"""
    return _right_after_prep(toks, i, load_lexicon("de").prepositions, only)


_OBJECT_NEXT = _ROLE_PREPS | frozenset({"of", "for", "into", "zur", "vor", "über", "and", "und", "that", "dass"})


def _object_head(toks: list[Tok], g: _Group) -> bool:
    """Is the actor g a whole object, not a name modifying a noun after it ("retakes Khartoum airport")?"""
    n = g.last_tok + 1
    return n >= len(toks) or not toks[n].word or toks[n].low in _OBJECT_NEXT


def _noun_governed(toks: list[Tok], clause: int, groups: list[_Group]) -> bool:
    """Does a German zu-infinitive clause follow a noun with no owner named in its phrase ("ein
    Versuch, ...", "Pläne, ..."; not "Trumps Versuch, ...")? The noun is the last word before the
    clause's comma."""
    start = next((i for i, t in enumerate(toks) if t.clause == clause), None)
    if start is None or start < 2 or toks[start].text != ",":
        return False
    n = toks[start - 1]
    if not n.word or not n.text[:1].isupper() or any(g.first_tok <= start - 1 <= g.last_tok for g in groups):
        return False
    lex = load_lexicon("de")
    if start + 1 < len(toks) and (toks[start + 1].low in lex.complementizers or toks[start + 1].low in lex.clause_words):
        return False      # a finite clause ("erwarten Beobachter, dass X ... zu Ergebnissen kommen"), no infinitive
    # (an owner in the noun's own phrase: "Trumps Versuch", "seine Pläne", "Russia's attempt")
    return not any(start - 3 <= g.last_tok < start - 1 and all(t.word for t in toks[g.last_tok + 1:start - 1])
                   and (g.poss or toks[g.last_tok].low.endswith(("s", "'s", "’s"))) for g in groups)


def _believed(toks: list[Tok], clause: int, kinds: dict[int, str], english: bool) -> bool:
    """Is the complement clause governed by a verb of believing (`clauses: belief`: "glaubt, dass",
    "believes that")? Scans back to the nearest clause that is not relative or adverbial."""
    words = load_lexicon("en" if english else "de").belief
    gov = next((c for c in range(clause - 1, -1, -1) if kinds.get(c) not in ("rel", "adv")), None)
    return bool(words) and gov is not None and any(t.clause == gov and not words.isdisjoint(t.forms) for t in toks)


def _noun_aimed(toks: list[Tok], g: _Group) -> bool:
    """Is g the party a German act noun is aimed at ("den Krieg gegen die Ukraine", "Druck auf
    Moskau"): right after "gegen"/"auf"/"gegenüber" (an article or adjective between) that follows
    a capitalised noun naming no actor?"""
    j = g.first_tok - 1
    while j > 0 and (toks[j].low in _ARTICLES or (toks[j].word and toks[j].text[:1].islower() and toks[j].low not in _AIMED_PREPS)):
        j -= 1
    return j > 0 and toks[j].low in _AIMED_PREPS and toks[j - 1].word and toks[j - 1].text[:1].isupper()


# the words before an actor compared with: "anders als", "ähnlich wie", "genau wie", "wie schon", "im
# Gegensatz zu", "unlike", "like" (opening a clause), "as with", "in contrast to", "similar to"
_COMPARE_PAIRS = frozenset({("anders", "als"), ("ähnlich", "wie"), ("genau", "wie"), ("wie", "schon"), ("gegensatz", "zu"),
                            ("gegensatz", "zum"), ("gegensatz", "zur"), ("as", "with"), ("contrast", "to"), ("similar", "to")})
# words one of which a sentence holds wherever `_compared` can be true (the first word of a pair)
_COMPARE_WORDS = frozenset({"unlike", "like"} | {a for a, _ in _COMPARE_PAIRS})


def _compared(toks: list[Tok], i: int) -> bool:
    """Is the actor at token i the one an act is compared with (an article between allowed)?"""
    j = i - 1
    if j > 0 and toks[j].low in _ARTICLES:
        j -= 1
    if j < 0:
        return False
    if toks[j].low == "unlike" or (toks[j].low == "like" and (j == 0 or not toks[j - 1].word)):
        return True
    return j > 0 and (toks[j - 1].low, toks[j].low) in _COMPARE_PAIRS


_SCOPE = frozenset({"ganz", "ganze", "ganzen", "gesamte", "gesamten", "across", "throughout"})
_SCOPE_WORDS = _SCOPE | {"over"}      # (wherever `_scope` can be true)


def _scope(toks: list[Tok], i: int) -> bool:
    """Is the actor at token i the region an act spreads over ("in ganz Europa", "auf dem gesamten
    europäischen Kontinent", "across Europe", "throughout the region", "all over Europe")?"""
    j = i - 1
    if j > 0 and toks[j].low in _ARTICLES:
        j -= 1
    return j >= 0 and (toks[j].low in _SCOPE or (j > 0 and toks[j].low == "over" and toks[j - 1].low == "all"))


def _coercion(t: Tok, english: bool) -> bool:
    """Is the word a verb of coercion ("zwang", "forced": a COERCE trigger word of the lexicon)?"""
    k = t.trig      # (tokenize's `_match` of the word's forms)
    return k is not None and t.text[:1].islower() and load_lexicon("en" if english else "de").triggers[k].type == "COERCE"


def _purpose_subjects(toks: list[Tok], earlier: list[_Group]) -> list[_Group]:
    """The actors of the clauses before a purpose clause that may be their subject: not a demonym or
    possessive, and not after a preposition other than an agent's ("von Hardlinern")."""
    return [g for g in earlier if not g.adj and not g.poss and (not _right_after_prep(toks, g.first_tok) or _agent_after(toks, g))]


def _agent_after(toks: list[Tok], g: _Group) -> bool:
    """Is g right after an agent preposition ("von Frankreich", "durch die USA"; an article between)?"""
    j = g.first_tok - 1
    if j > 0 and toks[j].low in _ARTICLES:
        j -= 1
    return j >= 0 and toks[j].low in _AGENT_PREPS


def _passive_clause(words: list[Tok]) -> bool:
    """Is a German clause passive: a passive auxiliary and a participle at the clause end or right
    before the auxiliary ("der ... instrumentalisiert wurde", "wurde von X entworfen"; participles
    of -ieren and inseparable verbs have no "ge-"), not a copula ("wurden zu Hindernissen")?"""
    aux = [i for i, t in enumerate(words) if t.low in _PASSIVE_AUX]
    if not aux:
        return False
    ends = [words[-1]] + [words[i - 1] for i in aux if i > 0]
    return any(t.low not in _PASSIVE_AUX and t.text[:1].islower() and t.low.endswith(("t", "en")) for t in ends)


def _agentless_passive(toks: list[Tok], ti: int, english: bool = False) -> bool:
    """A participle trigger with a passive auxiliary beside it ("gezwungen sein", "wurde
    angegriffen", "was forced"): its named actor is the patient. In English the German auxiliaries
    are other words ("launched a war": the noun)."""
    t = toks[ti]
    if not t.text[:1].islower():
        return False
    participle = bool(_PARTICIPLE_DE.match(t.low)) or t.low.endswith("ed") or t.low in ("hit", "struck", "shot", "taken")
    if not participle:
        return False
    near = _BE_EN if english else _PASSIVE_NEAR
    return any(toks[j].low in near for j in range(max(0, ti - 2), min(len(toks), ti + 3)) if j != ti)


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


def _all_pairs(acts: list[actor_mod.Actor]):
    """Each pair of a mutual act's coordinated parties, in the order named (two parties: one pair)."""
    return [p for i, a in enumerate(acts) for b in acts[i + 1:] for p in _pairs([a], [b])]


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


# prepositions of a delivery's recipient ("an die Ukraine", "für Kiew", "to Israel")
_RECIPIENT_PREPS = frozenset({"an", "für", "nach", "to", "for", "into"})
# ... and of its supplier after a verb of receiving ("aus dem Iran", "von den USA", "from Iran")
_SUPPLIER_PREPS = frozenset({"aus", "von", "vom", "from"})
# stems of the words of buying: the buyer receives the system ("Polen kauft Abrams-Panzer",
# "India bought S-400 systems from Russia"), unless it buys for a beneficiary after für/for
_BUYING = tuple("kauf gekauft ankauf erwerb erwirbt erwarb erworben bestell beschaff "
                "buy bought purchas order procur acquir acquisition".split())
_BENEFICIARY_PREPS = frozenset({"für", "for"})


def _system_after(arms: list[tuple[int, int, actor_mod.Actor]], toks: list[Tok], ti: int, reach: int = 5) -> actor_mod.Actor | None:
    """The maker of a weapon system named in the delivery noun at ti ("Taurus-Lieferungen") or
    within `reach` tokens after it in its clause ("die Lieferung von Tomahawk-Raketen")."""
    c, start = toks[ti].clause, toks[ti].start
    for a, _, maker in arms:
        if a < start:
            continue
        k = _tok_index(toks, a) if a >= toks[ti].end else ti
        if k < len(toks) and (k == ti or toks[k - 1].end <= a) and k - ti <= reach and toks[k].clause == c:
            return maker
    return None


def _requested_from_maker(pairs, arms: list[tuple[int, int, actor_mod.Actor]], toks: list[Tok], ti: int):
    """A request for a named weapon system with no addressee is addressed to its maker ("Selenskyj
    bat erneut um Tomahawk-Raketen", "Kyiv has long called for the delivery of Taurus missiles")."""
    if not pairs or any(b is not None for _, b in pairs):
        return pairs
    maker = _system_after(arms, toks, ti, reach=7)
    if maker is None:
        return pairs
    end = next((k for k in range(ti + 1, min(len(toks), ti + 8)) if any(a <= toks[k].start < b for a, b, _ in arms)), ti + 1)
    if not any(t.low in _ASKED_FOR or t.low.startswith(_DELIVERY_NOUNS) for t in toks[ti + 1:end]):
        return pairs      # "urges allies to send more Patriots": asked of someone unnamed, not of the maker
    return [(a, maker) for a, _ in pairs if a.country != maker.country] or pairs


_ASKED_FOR = frozenset({"um", "for", "nach"})
_DELIVERY_NOUNS = ("lieferung", "deliver", "suppl", "transfer", "weitergabe", "bereitstellung")


def _default_supplier(pairs, arms: list[tuple[int, int, actor_mod.Actor]], groups: list[_Group], toks: list[Tok], ti: int,
                      receiving: frozenset[str] = frozenset()):
    """A delivery of a named weapon system whose clause names no agent comes from the system's
    maker ("die Lieferung von Tomahawk-Raketen an die Ukraine" -> USA -> Ukraine): world knowledge
    standing in for the implicit argument of the noun (Gerber & Chai 2012, implicit arguments of
    nominal predicates). An agent named in the clause always wins; without a recipient after a
    preposition ("an", "to", "für") nothing is added, and the recipient is never the supplier.
    With a verb of receiving the subject is the recipient and the party after "aus"/"von"/"from"
    the supplier ("Die Ukraine hat F-16-Kampfjets erhalten", "Russia received Shahed drones from Iran")."""
    maker = _system_after(arms, toks, ti)
    if maker is None:
        return pairs
    c = toks[ti].clause
    window = [t for t in toks[max(0, ti - 1):ti + 8] if t.clause == c]
    bought = any(t.low.startswith(_BUYING) for t in window) and not any(
        g.clause == c and g.first_tok > ti and _after_prep(toks, g.first_tok, _BENEFICIARY_PREPS) for g in groups)
    if bought or (receiving and any(not receiving.isdisjoint(t.forms) for t in window)):
        # (a buyer is the recipient too, unless it buys for another: "Deutschland kauft Patriots für die Ukraine")
        subj = next((g for g in groups if g.clause == c and g.first_tok < ti and not g.adj and not _right_after_prep(toks, g.first_tok)), None) \
            or next((g for g in groups if g.clause == c and g.first_tok > ti and _agent_phrase(toks, g.first_tok)), None)
        if subj is None:      # (... or the agent of the noun: "der Kauf von F-35-Kampfjets durch die Schweiz")
            return pairs
        frm = next((g for g in groups if g.clause == c and g.first_tok > ti and _after_prep(toks, g.first_tok, _SUPPLIER_PREPS)), None)
        return _pairs(frm.actors if frm is not None else [maker], subj.actors) or pairs
    rcpt = next((g for g in groups if g.clause == c and g.first_tok > ti and not g.adj and _after_prep(toks, g.first_tok, _RECIPIENT_PREPS)), None)
    if rcpt is None or any(b is not None and a not in rcpt.actors for a, b in pairs):
        return pairs
    agents = [a for a, _ in pairs if a not in rcpt.actors and a.country not in {x.country for x in rcpt.actors}]
    return _pairs(agents or [maker], rcpt.actors) or pairs


def _goods_supplier(pairs, groups: list[_Group], toks: list[Tok], ti: int):
    """A demonym on the goods of a delivery noun names the supplier ("die Lieferung iranischer Drohnen
    an Russland", "the shipment of Iranian drones to Russia was confirmed by Kyiv": Iran, not the one
    who confirms), the recipient after an/für/to; else the pairs as they are."""
    g = next((g for g in groups if (g.adj or g.coll) and ti < g.first_tok <= ti + 3 and all(
        t.low in _GENITIVE or t.low in _ARTICLES or t.low in ("von", "of") for t in toks[ti + 1:g.first_tok])), None)
    if g is None or (g.adj and (g.last_tok + 1 >= len(toks) or not toks[g.last_tok + 1].word)):
        return pairs      # (a demonym before its goods noun, or the two read as one collective: "Iranian drones")
    rcpt = next((h for h in groups if h.clause == toks[ti].clause and h.first_tok > g.last_tok and not h.adj
                 and _after_prep(toks, h.first_tok, _RECIPIENT_PREPS)), None)
    return (_pairs(g.actors, rcpt.actors) or pairs) if rcpt is not None else pairs


def _forces_owner(pairs, groups: list[_Group], toks: list[Tok], ti: int):
    """The state of the forces a deployment noun governs is who deploys them ("the deployment of North
    Korean troops to Russia was confirmed by Seoul", "die Verlegung nordkoreanischer Soldaten nach
    Russland": North Korea, not the one who confirms); the state right after an/nach/to/into its target,
    none when the place there is no state ("of American warships to the Caribbean"). Else the pairs."""
    g = next((g for g in groups if g.coll and ti < g.first_tok <= ti + 4 and all(
        t.low in _GENITIVE or t.low in _ARTICLES or t.low in ("von", "of", "a", "an") or (t.word and t.text[:1].islower())
        for t in toks[ti + 1:g.first_tok])), None)
    if g is None:
        return pairs
    dest = next((h for h in groups if h.clause == toks[ti].clause and h.first_tok > g.last_tok and not h.adj
                 and _after_prep(toks, h.first_tok, _RECIPIENT_PREPS)), None)
    if dest is not None:
        return _pairs(g.actors, dest.actors)
    # (a target the position rules found stays: "der Aufmarsch russischer Truppen an der Grenze zu Finnland")
    return [(a, b) for a, b in pairs if a in g.actors] or [(a, None) for a in g.actors]


_COPULAS = frozenset({"is", "are", "was", "were", "remains", "remained", "been", "became", "becomes",
                      "ist", "sind", "war", "waren", "bleibt", "bleiben", "blieb", "wurde", "wurden"})
_ROLE_WORDS = ("supplier", "backer", "donor", "provider", "lieferant")


def supplier_role(groups: list[_Group], toks: list[Tok], ti: int, span: str):
    """The giver named by its role: the subject of "is/remains/ist" gives, the role noun's owner receives
    ("the United States remains Israel's largest supplier of weapons", "Washington has been Kyiv's
    biggest military backer", "die USA sind der größte Waffenlieferant Israels"; the owner would
    otherwise be read as the act's source). None when `span` (the trigger's text) names no such role or
    the clause has no such subject and owner."""
    if not any(w in span for w in _ROLE_WORDS):
        return None
    c = toks[ti].clause
    subj = next((g for g in reversed(groups) if g.clause == c and g.last_tok < ti and not g.adj
                 and any(t.low in _COPULAS for t in toks[g.last_tok + 1:ti])), None)
    if subj is None:
        return None
    owner = next((g for g in groups if g.clause == c and g is not subj and (
        subj.last_tok < g.first_tok and g.last_tok < ti or ti < g.first_tok <= ti + 6)), None)
    return (_pairs(subj.actors, owner.actors) or None) if owner is not None else None


# words that open a relative clause right after a noun, and the prepositions of a measure's or an attack's target in it
_REL_OPEN = frozenset({"that", "which", "die", "der", "das", "welche"})
_REL_TARGET_PREPS = frozenset({"on", "against", "to", "gegen", "auf", "an"})
_BLAME_STEMS = ("blam", "accus", "attribut", "vorwarf", "vorgeworf", "zuschrieb", "zugeschrieb", "verantwortlich")
_PARTICLES_BEFORE = frozenset({"an", "ab", "auf", "aus", "ein", "vor", "zu", "fest"})


def _relative_parties(groups: list[_Group], toks: list[Tok], ti: int):
    """Parties of a measure, attack or aid noun given in the relative clause right after it: "the sanctions
    that Washington imposed on Moscow", "die Sanktionen, die Washington gegen Moskau verhängt hat" (the
    clause's subject acts on the party after on/against/gegen/auf), "neue Sanktionen an, die sich gegen
    Russlands Schattenflotte richten" (the pronoun is the subject: the noun's party before it acts). None
    when the noun opens no relative clause or it names no target."""
    j = ti + 1
    if j + 1 < len(toks) and toks[j].low in _PARTICLES_BEFORE and toks[j + 1].text == ",":
        j += 1      # the particle of a verb-second clause ends it: "kündigte neue Sanktionen an, die ..."
    if j < len(toks) and toks[j].text == ",":
        j += 1
    if j + 1 >= len(toks) or toks[j].low not in _REL_OPEN:
        return None
    c = toks[j + 1].clause
    if any(t.clause == c and t.low.startswith(_BLAME_STEMS) for t in toks[j:j + 12]):
        return None     # "the attacks, which Kyiv blamed on Moscow": who is blamed, not who is hit
    tgt = next((g for g in groups if g.clause == c and g.first_tok > j and _after_prep(toks, g.first_tok, _REL_TARGET_PREPS)), None)
    if tgt is None:
        return None
    subj = next((g for g in groups if g.clause == c and j < g.first_tok < tgt.first_tok and not g.adj
                 and not _after_prep(toks, g.first_tok, _REL_TARGET_PREPS)), None)
    if subj is None:
        subj = next((g for g in reversed(groups) if g.last_tok < ti and g.clause == toks[ti].clause and not g.adj), None)
    return (_pairs(subj.actors, tgt.actors) or None) if subj is not None else None


def _after_prep(toks: list[Tok], i: int, preps: frozenset[str]) -> bool:
    """Is token i the head of a phrase opened by one of `preps`, at most two articles or
    lower-case modifiers between ("an die Ukraine", "to war-torn Sudan")?"""
    for j in range(i - 1, max(-1, i - 4), -1):
        if toks[j].low in preps:
            return True
        if not toks[j].word or toks[j].text[:1].isupper():
            return False
    return False


# office nouns between an act noun and the states it names in the genitive ("der Außenminister",
# "of the heads of state and government of"): stems, lower case
_OFFICES = ("präsident", "außenminister", "aussenminister", "minister", "regierungschef", "staatschef", "staats-", "kanzler",
            "premier", "verteidigungsminister", "vertreter", "delegation", "unterhändler", "chefdiplomat", "spitzen",
            "botschafter", "gesandte", "berater", "generalstabschef", "führer",
            "president", "foreign", "defen", "prime", "leader", "head", "state", "government", "delegat", "negotiator",
            "representative", "envoy", "top", "diplomat", "chief", "ambassador", "adviser", "advisor", "security", "national")


def _office_genitive(after: list[_Group], toks: list[Tok], ti: int) -> list[actor_mod.Actor] | None:
    """The two states (or their office holders) of different countries that a noun at ti names
    through office nouns in the genitive ("das Treffen der Präsidenten der USA und Chinas", "the
    meeting of the foreign ministers of Armenia and Azerbaijan"), at most seven words between."""
    # (the noun may have two words, "phone call", and "zwischen"/"between" may open the pair)
    j = next((k for k in (ti + 1, ti + 2) if k < len(toks) and (toks[k].low in _GENITIVE or toks[k].low in _BETWEEN)), None)
    if j is None or not toks[ti + 1].word:
        return None
    nxt = [g for g in after if g.first_tok > ti][:2]
    if not nxt or nxt[0].first_tok - ti > 8:
        return None
    acts = list(nxt[0].actors)
    if len(acts) == 1 and len(nxt) == 2 and _conjoined(toks, nxt[0], nxt[1]):
        acts += nxt[1].actors      # (a coordinator before a verb may have kept them apart: "... and Azerbaijan was held")
    if len(acts) != 2 or acts[0].country == acts[1].country:
        return None
    between = toks[j:nxt[0].first_tok]
    if not all(t.low in _GENITIVE or t.low in _BETWEEN or t.low in _ARTICLES or t.low in _CONJUNCTS or t.low.startswith(_OFFICES)
               for t in between):
        return None
    return acts


# (plural owners only: "On his visit to Beijing, Macron ..." names its owner after it)
_OWNER_WORDS = frozenset({"ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "their"})


def _unresolved_owner(groups: list[_Group], toks: list[Tok], ti: int) -> bool:
    """Is the noun at ti owned by a possessive ("ihrem Treffen", "their first call") that no actor
    group covers (coreference left it unresolved)?"""
    k = ti - 1 if ti > 0 and toks[ti - 1].low in _OWNER_WORDS else ti - 2
    if k < 0 or toks[k].low not in _OWNER_WORDS or (k == ti - 2 and not toks[ti - 1].text[:1].islower()):
        return False
    return not any(g.first_tok <= k <= g.last_tok for g in groups)


# nouns of taking part in an act: their owner is the act's agent ("die amerikanische Beteiligung an der
# militärischen Unterstützung", "Britain's role in military aid to Kyiv")
_SHARE_NOUNS = frozenset("beteiligung teilnahme mitwirkung engagement anteil rolle beitrag "
                         "participation involvement role share contribution part".split())
_SHARE_PREPS = frozenset({"an", "am", "bei", "beim", "in", "im", "zu", "zur", "zum", "of", "to"})


def _share_of(toks: list[Tok], g: _Group, ti: int) -> bool:
    """Is g the owner (demonym, possessive or genitive -s) of a share noun right after it, whose
    preposition governs the act noun at ti, only articles and lower-case modifiers between?"""
    j = g.last_tok + 1
    if j + 1 >= ti or toks[j].low not in _SHARE_NOUNS or toks[j + 1].low not in _SHARE_PREPS:
        return False
    return all(t.word and (t.low in _ARTICLES or t.text[:1].islower()) for t in toks[j + 2:ti])

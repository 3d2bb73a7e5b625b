"""Passes over all acts coded in a sentence, for what one trigger alone cannot tell: ultimatums,
owners of rejected requests and refused acts, targets of content, pledges, reported demands."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from detente.extract import actors as actor_mod
from detente.extract import dates as date_mod
from detente.extract.arguments import _ACT_ON_ACTS, _DETERMINERS, _POSSESSIVE, _clause_at, _pairs, _tok_index
from detente.extract.clauses import _CLAUSE_COORDINATORS, _governor, _zu_infix
from detente.extract.coded import Coded
from detente.extract.groups import _Group, _right_after_prep
from detente.extract.lexicon import Lexicon, Trigger, load_lexicon
from detente.extract.status import _has_cue, _status
from detente.extract.tokens import Tok
from detente.extract.wordsets import _DASHES, _GENITIVE, _PUNITIVE


@lru_cache(maxsize=8)
def _ultimatum_pattern(lang: str) -> re.Pattern[str]:
    """The penalty phrases of `clauses: ultimatum` as one alternation (one search per sentence)."""
    return re.compile("|".join(re.escape(p) for p in load_lexicon(lang).ultimatum) or r"(?!x)x")


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
    # (speed, eighth pass: the phrases are literals, so one occurs only where it is a substring; a C
    # substring test per phrase rules out most sentences before the alternation, which the regex
    # engine tried phrase by phrase at every position: ~1% of the instructions per article)
    m = _ultimatum_pattern(lex.language).search(low) if any(map(low.__contains__, lex.ultimatum)) else None
    if m is None or m.start() == 0:
        return out
    at = m.start()
    kept = [c for c in out if c.trigger_start < at]
    cues = lex.status_words.get("cancelled", frozenset()) | lex.status_words.get("denied", frozenset())
    before = [t for t in toks if t.end <= at]
    penalty_only = not _has_cue(before, cues)
    if penalty_only:
        # a cancellation in the penalty ("otherwise talks would be suspended") is threatened, not done
        kept = [replace(c, status="occurred") if c.status in ("cancelled", "denied") else c for c in kept]
    pairs = [(c.source, c.target, c.status) for c in kept if c.type == "REQUEST" and c.target is not None]
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


_CONTENT_ACTS = frozenset({"THREATEN", "ACCUSE", "REQUEST"})


_TOPIC_PREPS = frozenset({"über", "about", "on"})


def _prep_of_noun(toks: list[Tok], ti: int, preps: frozenset[str], reach: int) -> int:
    """The token index of a preposition in preps heading the noun at ti, at most reach tokens
    before it with only lower-case words (articles, adjectives) between; -1 when there is none.
    One scan for the three noun-phrase tests below (topic, means, demanded content)."""
    k = ti - 1
    while k > 0 and ti - k <= reach and toks[k].word and toks[k].text[:1].islower() and toks[k].low not in preps:
        k -= 1
    return k if k > 0 and toks[k].low in preps else -1


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
        k = _prep_of_noun(toks, j, _TOPIC_PREPS, 4)
        if k > 0 and k - 1 in talks:
            out[j] = k - 1
    return out


_MEANS_PREPS = frozenset({"mit", "with"})


def _means_of(toks: list[Tok], ti: int, found, etype: str) -> bool:
    """Is the (German, capitalised) act noun at ti the means of a verb trigger of its own type
    before it in its clause ("drohte den USA mit Vergeltung"; articles and adjectives between
    "mit" and the noun)?"""
    k = _prep_of_noun(toks, ti, _MEANS_PREPS, 3)
    if k <= 0:
        return False
    return any(j < k and t2.type == etype and toks[j].clause == toks[ti].clause and toks[j].text[:1].islower()
               for j, t2, _, _ in found)


_DEMAND_PREPS = frozenset({"auf", "zu", "zur", "zum"})


def _demanded(toks: list[Tok], ti: int, found) -> bool:
    """Is the (German) act noun at ti what a request verb of its clause asks for ("drängte auf
    greifbare Vereinbarungen", "pocht auf einen Abzug", "drängten Israel und die Hamas zu einer
    Einigung"; articles and adjectives between the preposition and the noun)? Then it is the
    REQUEST's content, not an act of its own (as a withdrawal demanded is REQUEST, not RETREAT)."""
    if _prep_of_noun(toks, ti, _DEMAND_PREPS, 3) <= 0:
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
_PLEDGE = ("pledg", "promis", "versprach", "versprech", "versproch", "zugesagt", "zusag", "zugesichert", "zusicher")
_PLEDGE_DE = frozenset({"sagte", "sagten", "sagt", "sagen", "sicherte", "sicherten", "sichert", "sichern"})   # ("sicherte ... zu")


def _pledging(c: Coded, lang: str) -> bool:
    """Is the event's trigger a verb or noun of pledging (`_PLEDGE`, German "sagte ... zu")?"""
    w = c.trigger.lower()
    return w.startswith(_PLEDGE) or (lang == "de" and w in _PLEDGE_DE)


# acts a promise may name as its content (a delivery, a concession, a withdrawal, support; an agreed
# cooperation, "pledged to deepen their partnership", stays an agreement)
_PROMISABLE = frozenset({"AID", "CONCEDE", "RETREAT", "SUPPORT"})
# deliveries: agreeing to them is no AGREE with their recipient. (Not SANCTION: an agreement about
# sanctions or tariffs is often a deal with their target - "agreed to cut tariffs on each other's
# goods", "agreed to ease sanctions on Damascus" - measured: it cost a check-set match.)
_DECIDED = frozenset({"AID"})


def _promised_content(out: list[Coded], lang: str) -> list[Coded]:
    """"Er versprach, Taiwan Raketen zu liefern", "seine Versprechen, der Ukraine Raketen zu
    liefern", "his promise to send Kyiv missiles": the promise is coded as the act promised (its
    infinitive content, an act of its own from the same source to the same target after it;
    GUIDELINES type hints: a delivery is AID), not also as an AGREE between promiser and recipient."""
    agrees = [c for c in out if c.type == "AGREE" and c.target is not None]
    if not agrees:
        return out
    # ... and any agreement or decision whose infinitive content is a delivery to the same party
    # ("Japan agreed to supply Ukraine with ammunition", "Washington agreed to provide Kyiv with
    # missiles"): the delivery is the event (GUIDELINES type hints: deliveries -> AID); nothing was
    # agreed WITH the supplied party (an agreement on a noun, "einigte sich mit ihm auf ein
    # Hilfspaket", stays the AGREE with the partner)
    drop = {id(p) for p in agrees if any(
        d.trigger_start > p.trigger_start and d.source.country == p.source.country
        and d.target is not None and d.target.country == p.target.country
        and d.status != "occurred" and d.trigger[:1].islower()
        and (d.type in _DECIDED or (d.type in _PROMISABLE and _pledging(p, lang))) for d in out)}
    return [c for c in out if id(c) not in drop]


def _pledged_aid(out: list[Coded], lang: str, whens, on: dt.date | None) -> list[Coded]:
    """"Germany pledged 2 billion euros in military aid to Ukraine", "Deutschland sagte der
    Ukraine ... Militärhilfe zu": the aid is the pledge's content, so one AID event of the
    pledger to the pledge's addressee whose delivery is planned (PLOVER AID; GUIDELINES: a
    promise codes the act promised as planned), not an AID that occurred plus an AGREE."""
    # (an aid phrase led by the pledge verb, "sagte Kiew weitere Luftabwehrsysteme zu", is its own pledge)
    out = _promised_content(out, lang)
    pledges = [c for c in out if c.type in ("AGREE", "AID") and c.target is not None and _pledging(c, lang)]
    if not pledges:
        return out
    drop: set[int] = set()
    fixed: dict[int, Coded] = {}
    for p in pledges:
        parties = {p.source.name, p.target.name}
        # only aid named as the pledge's object ("pledged ... aid"); an infinitive content
        # ("versprach, ... zu liefern") is already a hypothetical act of its own (test_clauses)
        # ... and support so pledged ("sicherte den Philippinen ihre Unterstützung zu", "sagte der Ukraine
        # weitere Unterstützung zu"): the pledger's SUPPORT of the addressee, given by the pledge itself
        # (the dative before the noun is no owner of it)
        aids = [i for i, c in enumerate(out) if c.type in ("AID", "SUPPORT") and c.status == "occurred" and i not in fixed
                and c.source.name in parties
                and (c.target is None or c.target.name in parties)]
        if not aids:
            continue
        if p.type == "AGREE":
            drop.add(id(p))
        status = "planned" if p.status == "occurred" else p.status
        for i in aids:
            aid = out[i].type == "AID"
            fixed[i] = replace(out[i], source=p.source, target=p.target, status=status if aid else p.status,
                               date=date_mod.event_date(whens, True, on) if aid else p.date)
    seen: set[tuple] = set()
    result = []
    for i, c in enumerate(out):
        if id(c) in drop:
            continue
        c = fixed.get(i, c)
        key = (c.type, c.source.name, c.target.name if c.target else None)
        if c.type in ("AID", "SUPPORT") and key in seen:
            continue
        seen.add(key)
        result.append(c)
    return result


def _reported_demands(lex: Lexicon, toks: list[Tok], groups: list[_Group], kinds: dict[int, str],
                      keys: set, low: str, sentence: str, whens, on, tail_speaker=None) -> list[Coded]:
    """A report of what another actor should or must do is a demand by the speaker
    ("Trump betonte, dass Russland und die Ukraine dort stehen bleiben sollten" -> REQUEST
    USA -> RUS, UKR; "Merz said Russia must withdraw"). The speaker is the first actor of the
    clause holding the verb of saying; the addressees are the actors before the deontic modal
    in the reported clause; with no verb of saying before it, the speaker of a closing reporting
    clause (`tail_speaker`: "Die USA müssten aufhören, ..., sagte Wang"). Words: `deontic` and
    `clauses: speech_verbs` in data/lang."""
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
        if speaker is None and tail_speaker is not None and kinds.get(c) != "comp":
            speaker = _Group([tail_speaker], -1, -1, -1, toks[-1].clause, len(toks) - 1, False)
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


_DETERMINERS_ATTR = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                               "the", "a", "an", "this", "that", "its", "their", "his", "her"})
_INFLECTED = ("e", "en", "es", "er", "em", "ed")


def _attributive_participle(toks: list[Tok], ti: int, found, groups: list[_Group]) -> bool:
    """Is the verb trigger at ti a participle qualifying the act noun right after it ("das lang
    erwartete Treffen", "die geforderten Zugeständnisse", "the proposed talks")? Then the noun is
    the act and the participle says how it is regarded, with no agent of its own named (one
    named as its agent, "das von Trump geforderte Treffen", keeps it). The participle stands
    between a determiner and the noun, with only lower-case modifiers between."""
    t = toks[ti]
    if not t.text[:1].islower() or not t.low.endswith(_INFLECTED) or ti + 1 >= len(toks):
        return False
    nxt = ti + 1
    if not any(j == nxt for j, _, _, _ in found):
        return False
    if t.low.endswith("ed"):       # English: a past participle before a noun trigger
        if toks[nxt].text[:1].isupper():
            return False
    elif not toks[nxt].text[:1].isupper():
        return False
    for j in range(ti - 1, max(-1, ti - 4), -1):
        w = toks[j]
        if w.low in _DETERMINERS_ATTR:
            return not any(j < g.first_tok < ti for g in groups)
        if not w.word and w.text != "-" or w.text[:1].isupper():
            return False
    return False


@lru_cache(maxsize=8)
def _last_words(words: frozenset[str]) -> frozenset[str]:
    """The last word of each judgement phrase: a match must end on one of them."""
    return frozenset(w.split()[-1] for w in words if w.split())


def _pointless(toks: list[Tok], ti: int, words: frozenset[str]) -> bool:
    """Is the act noun at ti the subject of a judgement of its point ("das Treffen verlor jeglichen
    Sinn", "ein Gipfel ergibt keinen Sinn", "the summit made no sense", "talks are pointless")? It
    is then a topic weighed by the author, not an act stated to happen: the judgement words
    (`clauses: pointless`) stand after the noun in its clause."""
    if _last_words(words).isdisjoint([t.low for t in toks[ti + 1:]]):
        return False      # (speed: no judgement word after the noun, no scan of each token's pair)
    c = toks[ti].clause
    # (a single word only as a predicate, a copula before it: "wäre derzeit sinnlos", "are pointless";
    # "a pointless war" is attributive and judges nothing about whether it happened)
    return any(toks[k].clause == c and (f"{toks[k - 1].low} {toks[k].low}" in words or toks[k].low in words
                                        and any(x.low in _COPULAS for x in toks[max(ti + 1, k - 3):k]))
               for k in range(ti + 1, len(toks)))


_COPULAS = frozenset("ist sind war waren wäre wären sei seien bleibt blieb erscheint schien "
                     "is are was were be been being seems seemed remains remained looks".split())


# quantifiers that open a German subject of people named by a common noun ("Viele Beobachter", "Einige Experten")
_QUANTIFIERS_DE = frozenset({"viele", "einige", "manche", "zahlreiche", "mehrere", "andere", "etliche", "wenige", "alle"})
# English words that may open a sentence before its verb without being its subject
_EN_NOT_SUBJECT = frozenset({"to", "not", "never", "also", "then", "now", "only", "just", "why", "how", "when", "where",
                             "what", "who", "whom", "which", "if", "unless", "please", "let", "and", "but", "or"})


# endings of German plural nouns of people ("Kritiker", "Experten", "Analysten", "Diplomaten", "Beobachterinnen")
_AGENT_PLURALS = ("er", "ten", "isten", "innen", "leute")
_LOCATIVE_DE = frozenset({"in", "im", "aus"})     # "Hardliner in Moskau", "Experten aus Brüssel"
# sentence-opening adverbs with those endings, after which the verb's subject follows it ("Später kritisierten die USA ...")
_ADVERBS_DE = frozenset("später wieder immer daher vorher nachher ferner weiter seither bisher eher sicher lieber aber oder "
                        "inzwischen unterdessen indessen oben unten innen außen hinten dagegen entgegen zuerst letzten "
                        "meisten ersten besten spätesten längsten".split())


def _generic_subject(toks: list[Tok], ti: int, groups: list[_Group], lang: str) -> bool:
    """Does the verb trigger at ti follow a sentence-opening subject that names no actor ("Critics
    accuse Washington of ...", "Analysts urged Washington to ...", "Viele Beobachter kritisieren
    Peking")? The actor after the verb is then its object and the act has no named source
    (GUIDELINES: code events of named actors only). English is subject-verb-object: any opening
    words before the first verb, with no actor and no comma among them, are its subject; German
    puts an adverb there as often as a subject, so only a quantifier and a noun count (an article
    and a noun: `rules._unnamed_subject`)."""
    t = toks[ti]
    if ti < 1 or ti > 5 or not t.text[:1].islower() or any(g.first_tok < ti for g in groups) \
            or not all(x.word for x in toks[:ti]):
        return False
    if lang == "en":
        # (not a noun inside the opening phrase itself: "The proposed talks ...", "Related talks ...")
        return not any(x.low in _EN_NOT_SUBJECT or x.low.endswith("ly") for x in toks[:ti]) \
            and not toks[ti - 1].low.endswith(("n't", "'s", "’s", "ed", "ing")) and toks[ti - 1].low not in _DETERMINERS
    if (ti == 1 or ti <= 4 and toks[1].low in _LOCATIVE_DE) and toks[0].low.endswith(_AGENT_PLURALS) \
            and toks[0].low not in _ADVERBS_DE and t.low.endswith("en"):
        return True       # a bare plural of people before a plural verb: "Kritiker werfen Israel vor ...", "Hardliner in Moskau drängen ..."
    return toks[0].low in _QUANTIFIERS_DE and toks[ti - 1].text[:1].isupper() \
        and all(x.text[:1].islower() for x in toks[1:ti - 1])


_PRESENT_PARTICIPLE = ("end", "ende", "enden", "ender", "endes", "endem")


def _evaded(out: list[Coded], groups: list[_Group], toks: list[Tok], words: frozenset[str]) -> list[Coded]:
    """An act noun that is the object of a verb of evading or suffering ("Indien umgeht die
    Sanktionen gegen Russland", "China circumvents Western sanctions on Russia", "Russia suffers
    under the sanctions"): its subject, named before that verb, is not the act's agent. The event
    taken from that subject is dropped; an owner named in the noun ("die US-Sanktionen") keeps it."""
    if not words:
        return out
    # a German present participle is an adverb or adjective, not the verb: "umgehend" (at once)
    # lemmatises to "umgehen" ("verhängten umgehend Sanktionen" is an act)
    verbs = [(i, t.clause) for i, t in enumerate(toks) if t.word and t.text[:1].islower()
             and not words.isdisjoint(t.forms) and not t.low.endswith(_PRESENT_PARTICIPLE)]
    if not verbs:
        return out
    keep = []
    for c in out:
        ti = _tok_index(toks, c.trigger_start)
        clause = toks[ti].clause if ti < len(toks) else -1
        v = next((i for i, vc in verbs if vc == clause and i != ti), None)
        src = next((g for g in groups if c.source in g.actors and g.clause == clause), None)
        if v is not None and src is not None and src.last_tok < min(v, ti) \
                and (c.trigger[:1].isupper() or v < ti) and not any(t.low in _CLAUSE_COORDINATORS for t in toks[min(v, ti) + 1:max(v, ti)]):
            continue      # (the subject before both the verb and the act noun, no clause of its own between)
        keep.append(c)
    return keep


def _left_or_generic(toks: list[Tok], ti: int, etype: str, lex: Lexicon) -> bool:
    """Is the act noun at ti no act of its own: an agreement left or broken ("der Ausstieg der USA aus
    dem Atomabkommen", "pulled out of the nuclear deal", "hat das Abkommen gebrochen": the agreement
    named is the object of leaving it, `clauses: leaving`), or an act qualified by "jede"/"any"
    ("jede Annäherung zwischen X und Y wäre ein Albtraum": generic, `clauses: generic`)?"""
    # (the quantifier right before the noun or before one adjective)
    q = next((j for j in range(ti - 1, max(-1, ti - 3), -1) if toks[j].low in lex.generic), None) if lex.generic else None
    if q is not None and all(toks[j].word and toks[j].text[:1].islower() for j in range(q + 1, ti)) \
            and toks[q + 1].low not in _PARTITIVE:
        return True       # (not a partitive over real acts: "bei jedem ihrer Telefonate", "every one of their calls")
    if etype != "AGREE" or not lex.leaving:
        return False
    c = toks[ti].clause
    for j in range(ti - 1, max(-1, ti - 6), -1):
        # the leaving word before the agreement, only its own phrase between ("withdrawal from the nuclear
        # deal", "Ausstieg der USA aus dem Abkommen"); not "will withdraw its troops under the deal"
        if toks[j].clause != c or toks[j].low in _UNDER:
            return False
        if not lex.leaving.isdisjoint(toks[j].forms):
            return True
    # German verb-final: "hat das Abkommen gebrochen", "ist aus dem Abkommen ausgestiegen"
    return lex.language == "de" and any(toks[j].clause == c and toks[j].text[:1].islower()
                                        and not lex.leaving.isdisjoint(toks[j].forms) for j in range(ti + 1, len(toks)))


_PARTITIVE = frozenset({"ihrer", "seiner", "ihren", "seinen", "deren", "dessen", "unserer", "der", "dieser",
                        "of", "their", "his", "her", "its", "one", "single"})
_UNDER = frozenset({"under", "per", "unter", "gemäß", "laut", "nach", "im", "as", "within", "innerhalb"})


def _rhetorical_belief(toks: list[Tok], clause: int, kinds: dict[int, str], lex: Lexicon) -> bool:
    """Is the clause the content of a belief asked about in a wh-question ("Wer glaubt ernsthaft, dass
    Netanjahu verhandeln wird?", "Warum glaubte Biden, dass Xi zustimmen würde?", "Who believes that
    Putin will ever withdraw?")? A rhetorical question asserts no act: nobody is said to do or
    plan it (GUIDELINES: events are stated acts of named actors)."""
    if kinds.get(clause) != "comp" or not toks or toks[-1].text != "?" and not (len(toks) > 1 and toks[-2].text == "?"):
        return False
    # (the question opens the sentence or follows a colon: "Ich habe eine Frage: Warum glaubte X, dass ...?")
    colon = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].text == ":" and toks[i].clause < clause), -1)
    first = next((t for t in toks[colon + 1:] if t.word), None)
    if first is None or first.low not in lex.wh_words:
        return False
    gov = _governor(toks, clause, kinds)
    return gov is not None and any(t.clause == gov and not lex.belief.isdisjoint(t.forms) for t in toks)


# One unnamed member of a bloc: "in einem Nato-Land", "ein EU-Staat", "a NATO country", "an EU member state".
# The plural ("die EU-Staaten", "EU countries") stands for the members together, the bloc (gold README
# "Collectives"); the singular after an indefinite article names none of them.
_MEMBER_OF = re.compile(r"(?:-(?:land|staat|mitglied(?:sstaat|sland|staat)?|partner)|\s+(?:member\s+)?(?:country|state|member|ally|partner))\b",
                        re.IGNORECASE)
_INDEFINITE = frozenset({"ein", "eine", "einem", "einen", "einer", "eines", "a", "an", "another", "anderen", "anderes", "one"})


def _unnamed_members(sentence: str, hits: list[actor_mod.Hit]) -> list[actor_mod.Hit]:
    """Mentions minus a bloc named only as the kind of an unnamed member state ("könnte in einem
    Nato-Land mit Trump sprechen": a venue, no NATO party; "a NATO country"). Returns `hits`
    itself when there is none (the common case: no organisation before a member noun)."""
    drop = []
    for h in hits:
        if h.kind != "organisation" or h.actor is None:
            continue
        m = _MEMBER_OF.match(sentence, h.end)
        if m is None or sentence[m.end():m.end() + 1].isalpha():
            continue
        before = sentence[max(0, h.start - 12):h.start].split()
        if before and before[-1].lower() in _INDEFINITE:
            drop.append(h)
    return [h for h in hits if h not in drop] if drop else hits


# Ideas, hopes and visions: what they hold is thought of, not done ("die Idee einer Zusammenarbeit
# zwischen Moskau und Washington", "the idea of a deal between Delhi and Beijing"); voicing one is a
# proposal of its own (the verb: "unterbreitete die Idee", "floated the idea"), coded by its verb.
_IDEA_NOUNS = frozenset({"idee", "ideen", "vorstellung", "vorstellungen", "gedanke", "gedanken", "vision", "visionen", "traum",
                         "illusion", "illusionen", "hoffnung", "hoffnungen",
                         "idea", "ideas", "notion", "vision", "dream", "illusion", "illusions", "hope", "hopes"})
_GENITIVE_DETS = frozenset({"einer", "eines", "der", "des"})
_OF_DETS = frozenset({"a", "an", "the", "any", "some"})
_GENITIVE_OR_OF = _GENITIVE_DETS | {"of"}
_OBJECT_DETS = frozenset({"die", "den", "das", "diese", "diesen", "dieses", "jene", "jenen", "seine", "seinen", "ihre", "ihren",
                          "eine", "einen", "jede", "jeden", "jegliche", "jeglichen", "the", "his", "her", "its", "their", "any",
                          "this", "that", "a", "an", "all"})
_GIVING_UP = frozenset({"aufgeben", "give", "abandon", "abandoned", "abandons", "abandoning", "drop", "dropped", "drops"})
_DASH_CHARS = _DASHES | {"-"}     # (the dashes of wordsets and a hyphen standing for one)


def _idea_content(toks: list[Tok], ti: int) -> bool:
    """Is the act noun at ti what an idea holds ("die Idee einer wirtschaftlichen Zusammenarbeit",
    "the idea of a joint patrol")? Then it names no act, whoever holds or voices the idea."""
    j = ti - 1
    if j > 0 and toks[j].text[:1].islower() and toks[j].low not in _GENITIVE_OR_OF and toks[j].low not in _OF_DETS:
        j -= 1                                  # one adjective: "einer wirtschaftlichen Zusammenarbeit"
    if j > 0 and toks[j].low in _OF_DETS:
        j -= 1
    if j < 1 or toks[j].low not in _GENITIVE_OR_OF:
        return False
    return toks[j - 1].low in _IDEA_NOUNS


def _idea_given_up(toks: list[Tok], ti: int) -> bool:
    """Does the giving-up verb at ti take an idea as its object ("die Idee einer Zusammenarbeit –
    ... – aufzugeben", "gab die Hoffnung auf", "gave up the idea of talks", "abandoned hopes of a
    deal")? Abandoning one's own idea yields nothing to anyone: no concession (PLOVER CONCEDE is
    yielding to another's demand). The object is the first noun after a determiner after the verb,
    else (German verb-final) the nearest before it, genitive attributes and a parenthesis between
    dashes skipped."""
    tok = toks[ti]
    if _GIVING_UP.isdisjoint(tok.forms):
        return False
    if tok.low.startswith(("giv", "gave")):
        if not (ti + 1 < len(toks) and toks[ti + 1].low == "up"):
            return False
    for j in range(ti + 1, min(len(toks), ti + 6)):          # verb before its object: "gab die Idee ... auf"
        if toks[j].low in _OBJECT_DETS and j + 1 < len(toks):
            k = j + 1 if toks[j + 1].text[:1].isupper() or toks[j + 1].low in _IDEA_NOUNS else j + 2
            return k < len(toks) and toks[k].low in _IDEA_NOUNS
        if toks[j].text in ",.;:":
            break
    inside = False
    for j in range(ti - 1, max(-1, ti - 25), -1):              # verb-final: "die Idee ... aufzugeben"
        t = toks[j]
        if t.text in _DASH_CHARS:
            inside = not inside
            continue
        if inside:
            continue
        if t.text in ",.;:":
            return False
        if j > 0 and t.text[:1].isupper() and toks[j - 1].low in _OBJECT_DETS:
            return t.low in _IDEA_NOUNS
    return False


# Nouns of a standing relation between two parties: their "mit"/"with" names the other side of the
# relation, not a partner of a meeting named elsewhere in the clause ("mit einem Gipfel dort könnte
# Moskau Ungarn in seinem Konflikt mit der EU unterstützen", "in its dispute with the EU").
_RELATION_ENDINGS = ("konflikt", "konflikts", "konflikte", "streit", "streits", "krieg", "kriegs", "krieges", "beziehungen",
                     "verhältnis", "verhältnisses", "spannungen", "differenzen", "rivalität", "auseinandersetzung",
                     "feindschaft", "freundschaft", "partnerschaft", "handel", "handels",
                     "conflict", "conflicts", "dispute", "disputes", "war", "wars", "relations", "relationship", "ties",
                     "tensions", "rivalry", "row", "feud", "standoff", "trade", "partnership", "friendship")
_NP_FILLERS = frozenset({"der", "die", "das", "dem", "den", "des", "the", "a", "an", "its", "their", "his", "her",
                         "seinem", "seinen", "seiner", "ihrem", "ihren", "ihrer"})


_POSSESSIVES = _POSSESSIVE | {"its", "his", "her", "their"}     # (arguments' German possessives and the English ones)


def _relation_sides(groups: list[_Group], toks: list[Tok], ti: int) -> dict:
    """Actors named as the other side of another party's relation ("Moskau könnte Ungarn in
    seinem Konflikt mit der EU unterstützen", "help Hungary in its dispute with the EU"): actor ->
    the relation's owner, the nearest party named before the possessive. Such a side is no partner
    of a meeting of someone else; one's own relation ("Israel verhandelt über ein Ende seines
    Krieges mit der Hamas") is left alone. Empty when no owned relation noun takes "mit"/"with"."""
    out: dict = {}
    for g in groups:
        j = g.first_tok - 1
        while j > 0 and j > g.first_tok - 4 and toks[j].low in _NP_FILLERS:
            j -= 1
        if not (j > 1 and toks[j].low in ("mit", "with") and j - 1 != ti and toks[j - 1].low.endswith(_RELATION_ENDINGS)):
            continue
        k = j - 2
        while k > 0 and k > j - 4 and toks[k].low not in _POSSESSIVES and toks[k].text[:1].islower():
            k -= 1                                   # adjectives: "seinem langen Streit mit"
        if toks[k].low not in _POSSESSIVES:
            continue
        owner = next((h for h in reversed(groups) if h.last_tok < k), None)
        if owner is not None:
            for a in g.actors:
                out[a] = owner.actors
    return out


# Taking a position or a stance is holding a view or a place, no capture of anything of a party
# ("die Position, die Putin ... eingenommen hat", "nahm eine harte Haltung ein", "took a hard-line stance",
# "troops took up positions").
_POSITION_NOUNS = frozenset({"position", "positionen", "haltung", "standpunkt", "stellung", "stellungen", "rolle", "linie",
                             "positions", "stance", "stances", "view", "line", "role"})
_TAKING = frozenset({"einnehmen", "take", "took", "taken", "takes", "taking"})


def _position_taken(toks: list[Tok], ti: int) -> bool:
    """Is the taking verb at ti taking a position, stance or role? English: the noun within
    four words after it ("took up positions", "took a tough stance"); German: a noun of its own
    clause, or, in a relative clause ("..., die Putin ... eingenommen hat"), the noun the relative
    clause hangs on, before its comma."""
    if _TAKING.isdisjoint(toks[ti].forms):
        return False
    after = toks[ti + 1:ti + 5]
    if any(t.low in _POSITION_NOUNS for t in after):
        return True
    clause = toks[ti].clause
    own = [t for t in toks[max(0, ti - 30):ti] if t.clause == clause]
    if any(t.text[:1].isupper() and t.low in _POSITION_NOUNS for t in own):
        return True
    if own and own[0].text == "," and len(own) > 1 and own[1].low in ("die", "der", "das", "den", "welche", "welchen"):
        k = ti - len(own) - 1
        while k >= 0 and not toks[k].text[:1].isupper():
            k -= 1          # "von jener, die": the pronoun's noun is the one before it
        return k >= 0 and (toks[k].low in _POSITION_NOUNS or any(
            t.low in _POSITION_NOUNS for t in toks[max(0, k - 12):k + 1] if t.text[:1].isupper()))
    return False


# Permission words: granted by a party ("Die Türkei erlaubte Russland die Durchfahrt") they concede;
# a rule, a sequence or a deal that "allows" someone something is a means, and the one it enables
# is no conceding party ("Gerade diese Abfolge, so Putin, erlaube es ihm, den Krieg fortzusetzen",
# "This sequence allows him to continue the war").
_PERMITTING = frozenset({"erlauben", "gestatten", "ermöglichen", "allow", "allows", "allowed", "permit", "permits",
                         "permitted", "enable", "enables", "enabled"})
_THING_DETS = frozenset({"die", "der", "das", "diese", "dieser", "dieses", "jene", "jener", "jenes", "eine", "ein",
                         "the", "this", "that", "these", "those", "a", "an", "such"})


def _enabled_by_thing(groups: list[_Group], toks: list[Tok], ti: int, pairs) -> bool:
    """Is the permission verb at ti said of a thing, its actors all after the verb (the one
    enabled, what it is enabled against)? The thing: a determiner and a noun before the verb that
    name no actor, in its clause or, for a verb that opens its clause after a parenthetical, in the
    sentence's first clause."""
    if _PERMITTING.isdisjoint(toks[ti].forms) or not pairs:
        return False
    if any(g.first_tok < ti and g.clause == toks[ti].clause for g in groups):
        return False       # "Die Türkei erlaubte Russland ...": a party before it grants
    actor_toks = {k for g in groups for k in range(g.first_tok, g.last_tok + 1)}
    own = [k for k in range(ti) if toks[k].clause == toks[ti].clause and toks[k].word]
    zone = own if own else [k for k in range(ti) if toks[k].clause == 0 and toks[k].word]
    if any(k in actor_toks for k in zone):
        return False
    return any(toks[k].low in _THING_DETS and k + 1 < ti and k + 1 not in actor_toks
               and (toks[k + 1].text[:1].isupper() or toks[k + 1].low not in _THING_DETS) for k in zone)

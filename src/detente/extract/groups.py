"""Actor groups of a sentence: mentions joined by coordination or apposition into the units
that act together ('Frankreich, Deutschland und Polen', 'russische Beamte – A, B und C –')."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from operator import attrgetter

from detente.extract import actors as actor_mod
from detente.extract import coref
from detente.extract.tokens import Tok
from detente.extract.wordsets import _ARTICLES, _TARGET_PREPS


_COORD = re.compile(r"^\s*(?:,\s*)?(?:und|and|sowie|oder|or|&|,|als auch|wie auch|as well as|sondern auch|but also|noch|nor"
                    r"|along with|together with|zusammen mit|gemeinsam mit)"
                    r"\s*(?:(?:die|der|den|dem|des|the)\s+)?"
                    r"(?:[A-ZÄÖÜ][\w-]*\s+)?$")
# (an article opens an apposition only after a comma: "in Maskat den omanischen Außenminister" is
# a place and then the verb's object, not one mention)
_APPOS = re.compile(r"^\s*(?:,\s*(?:(?:der|die|den|dem|des|the)\s+)?)?$")


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


_START, _END, _SUBJ = attrgetter("start"), attrgetter("end"), attrgetter("subj")


def _groups(hits: list[actor_mod.Hit], sentence: str, toks: list[Tok]) -> list[_Group]:
    out: list[_Group] = []
    plural = actor_mod.load_gazetteer().plural_aliases
    n = len(toks)
    # (speed, seventh pass: most sentences have no coordinator opening a clause of its own: then no
    # scan between each pair of mentions)
    any_subj = any(map(_SUBJ, toks))
    for h in hits:
        if h.actor is None:
            continue
        # (speed, seventh pass: token starts and ends rise along the sentence, so the mention's first
        # and last tokens are found by bisection, not a dict of every token's start and a scan)
        ti = bisect_left(toks, h.start, key=_START)
        if ti == n or toks[ti].start != h.start:   # mention starts inside a token (compound): find it
            ti = next((i for i, t in enumerate(toks) if t.start <= h.start < t.end), 0)
        if out and h.start == out[-1].start:
            out[-1].actors.append(h.actor)       # one pronoun for several actors ("sie" = France and Poland)
            continue
        last = bisect_left(toks, h.end, ti, key=_END)
        if last == n:
            last = ti
        if out:
            g = out[-1]
            between = sentence[g.end:h.start]
            if any_subj and any(toks[j].subj for j in range(g.last_tok + 1, ti)):
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


def _right_after_prep(toks: list[Tok], i: int, preps: frozenset[str] = _TARGET_PREPS,
                      heads: frozenset[str] | None = None) -> bool:
    """Is token i the head of a prepositional phrase ("mit China", "mit dem russischen Präsidenten")
    of one of `preps` (articles and adjectives between), and of one of `heads` among them where given?"""
    j = i - 1
    while j >= 0 and i - j <= 3 and (toks[j].low in _ARTICLES or (toks[j].word and toks[j].text[:1].islower()
                                                                   and toks[j].low not in preps)):
        if toks[j].low not in _ARTICLES and not toks[j].low.endswith(("e", "en", "er", "em", "es")):
            return False      # a verb or adverb, not an article or adjective
        j -= 1
    return j >= 0 and toks[j].low in (heads or preps)


# the heads of weapon nouns ("Marschflugkörper", "Storm-Shadow-Raketen", "Iranian drones")
_WEAPON_HEADS = ("rakete", "raketen", "drohne", "drohnen", "marschflugkörper", "bomben", "granaten", "munition", "waffen",
                 "missile", "missiles", "drone", "drones", "rockets", "weapons", "munitions", "bombs")
_INSTRUMENT_PREPS = frozenset({"mit", "with", "using"})
# verbs of employing weapons: their object is the means ("shot down Ukrainian drones" is not: the drones are the target)
_EMPLOYING = frozenset({"setzt", "setzte", "setzten", "setzen", "eingesetzt", "einsetzen", "einzusetzen", "feuerte", "feuerten",
                        "abgefeuert", "use", "uses", "used", "using", "employed", "fired", "launched"})


def instruments(groups: list[_Group], toks: list[Tok]) -> list[_Group]:
    """The groups that name weapons by their origin and are the means of an attack, not a party to it:
    a demonym on a weapon noun ("britische Marschflugkörper", "iranische Drohnen", "Iranian drones")
    after "mit"/"with", or in a clause with a verb of employing them after an actor who uses them
    ("Russland setzte iranische Drohnen gegen Kiew ein": Russia attacks Kyiv, not Iran). Weapons
    shot down are the target's ("shot down 50 Ukrainian drones"); a weapon group with nobody named
    before it is the attacker's side ("Russische Raketen trafen Kiew", "struck by Russian missiles").
    Run only for a sentence with an attack."""
    out = []
    for g in groups:
        if not (g.adj or g.coll):
            continue
        if not _weapon_head(toks, g.last_tok):
            continue
        if (g.first_tok > 0 and toks[g.first_tok - 1].low in _INSTRUMENT_PREPS) or (
                any(t.clause == g.clause and t.low in _EMPLOYING for t in toks) and any(
                h is not g and h.clause == g.clause and h.first_tok < g.first_tok and not h.adj for h in groups)):
            out.append(g)
    return out


def _weapon_head(toks: list[Tok], k: int) -> bool:
    """Is the noun a demonym at token k qualifies a weapon noun: k itself ("iranische Drohnen" read as
    one collective), or the next token, past the capitalised words of a name ("britische Storm
    Shadow-Marschflugkörper"); not a noun further on ("eine russische Raffinerie mit Drohnen")."""
    if toks[k].low.endswith(_WEAPON_HEADS):
        return True
    for t in toks[k + 1:k + 4]:
        if t.low.endswith(_WEAPON_HEADS):
            return True
        if not (t.word and t.text[:1].isupper()):
            return False
    return False


def weapons_for(pairs, groups: list[_Group], toks: list[Tok], ti: int, arms) -> list:
    """Weapons "for" a state name a delivery to it ("amerikanische Marschflugkörper für die Ukraine",
    "Tomahawks für Kiew"): the recipient is the actor right after "für"/"for" (an article between),
    the supplier the demonym on the weapons or, for a named system, its maker (data/weapons.yaml);
    with no actor right after "für" ("Raketen für den Krieg gegen die Ukraine") there is no delivery."""
    k = ti + 1
    while k < len(toks) and toks[k].low in _ARTICLES:
        k += 1
    rcpt = next((g for g in groups if g.first_tok == k and not g.adj), None)
    if rcpt is None:
        return []
    origin = next((g for g in groups if (g.adj or g.coll) and ti - 4 <= g.last_tok < ti and _weapon_head(toks, g.last_tok)), None)
    if origin is not None:
        srcs = origin.actors
    else:
        maker = next((m for a, _, m in arms if toks[max(0, ti - 3)].start <= a < toks[ti].start), None)
        srcs = [maker] if maker is not None else [a for a, _ in pairs]
    return [(a, b) for a in srcs for b in rcpt.actors if a.country != b.country]

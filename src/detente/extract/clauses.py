"""Clauses of a sentence: coordinated clauses with their own subjects, clause kinds (main,
complement, relative, conditional, adverbial) and the clause that governs another."""

from __future__ import annotations

import re
from functools import lru_cache

from detente.extract.lexicon import Lexicon, Trigger, load_lexicon
from detente.extract.tokens import Tok, _NOT_VERBS_DE, clause_runs
from detente.extract.triggers import _match
from detente.extract.wordsets import (
    _AGENT_PREPS, _ARTICLES, _BETWEEN, _CLAUSE, _PASSIVE_AUX, _SUBJECT_DETS, _TARGET_PREPS, _WILL,
)


_CLAUSE_COORDINATORS = frozenset({"und", "oder", "aber", "sondern", "and", "or", "but"})
_SPLITTERS = _CLAUSE_COORDINATORS | {",", ";"}


def _split_coordinated(toks: list[Tok], actors: dict[int, int], spans: list[tuple[int, int]], lex: Lexicon,
                       at: list[int]) -> None:
    """Coordinated clauses with their own subjects ("entweder Putin friert die Front ein oder
    Trump zwingt Selenskyj ...", "Israel halts the strikes or Biden forces Netanyahu ..."): a
    coordinator after a word that names no actor, followed by an actor acting as a subject, opens
    a clause, so each trigger takes the arguments of its own conjunct (Huddleston & Pullum 2002,
    ch. 15: clause coordination). Marks the coordinator `subj`, also after a comma (", und die USA
    drohten ..."). A coordinator right after an actor joins actors ("Putin und Trump"). `at`: the
    indices of the coordinators, commas and semicolons after the first token, as `rules.tokenize`
    noted them (speed: only these can open a clause here, so only they are visited)."""
    cuts = []
    n = len(toks)
    for i in at:
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
    k = _after_actor(toks, j, actors)
    return k is not None and k < len(toks) and toks[k].low in lex.speech_verbs


def _after_actor(toks: list[Tok], j: int, actors: dict[int, int]) -> int | None:
    """Index of the first token after the actor at token j (after an optional article), or
    None when no actor starts there."""
    if j < len(toks) and toks[j].low in _SUBJECT_DETS:
        j += 1
    if j >= len(toks) or toks[j].start not in actors:
        return None
    end = actors[toks[j].start]
    return next((m for m in range(j, len(toks)) if toks[m].start >= end), len(toks))


def _own_subject(toks: list[Tok], j: int, actors: dict[int, int], lex: Lexicon, adjacent: bool = False,
                 strict: bool = False) -> bool:
    """Is the actor at token j (after an optional article) the subject of a verb of its own? A
    finite verb or auxiliary right after it (German verb second: "und die USA verhängten ...";
    English: "or Biden forces ..."), or (German verb-final conjunct) a second actor before the
    verb: "oder Trump Selenskyj dazu zwingen müssen". Not an object coordinated into a shared
    verb phrase: "will Putin treffen und Selenskyj anrufen", "talks with officials and Putin"."""
    k = _after_actor(toks, j, actors)
    if k is None:
        return False
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


_EACH_OTHER = frozenset({"einander", "gegenseitig"})


def _each_other(clause_toks: list[Tok]) -> bool:
    """A reciprocal in the clause: "einander", "gegenseitig", "each other", "one another"."""
    return any(t.low in _EACH_OTHER or (t.low in ("each", "one") and i + 1 < len(clause_toks)
                                        and clause_toks[i + 1].low in ("other", "another"))
               for i, t in enumerate(clause_toks))


def _clause_end(toks: list[Tok], i: int) -> int:
    """Index of the first punctuation token after i (or the end)."""
    return next((j for j in range(i, len(toks)) if not toks[j].word), len(toks))


def clause_kinds(toks: list[Tok], lex: Lexicon) -> dict[int, str]:
    """Kind of each clause: comp (complement: "dass", "ob", "that", a zu-infinitive, or a
    clause after a verb of saying without complementizer), rel (relative), cond, adv
    (adverbial: "nachdem", "weil", "because"), or main. Cheap cues standing in for a parser."""
    by = clause_runs(toks)
    out: dict[int, str] = {}
    prev_last: Tok | None = None
    for c in sorted(by):
        words = [t for t in by[c] if t.word]
        ws = _after_coordinators(words)
        kind = "main"
        coordinated = len(ws) < len(words)
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
        lower_last = last.text[:1].islower()
        if lower_last and _zu_infix(lex.language).match(last.low):
            return True            # the particle verbs take "zu" inside: "abzuziehen", "einzustellen"
        # (speed, seventh pass: the cheap tests first, and "zu" looked for in a list of the words
        # before the generator over word pairs)
        return (lower_last or ws[0].low == "um") and "zu" in [t.low for t in ws] \
            and any(ws[i].low == "zu" and ws[i + 1].text[:1].islower() for i in range(len(ws) - 1))
    return len(ws) > 1 and ws[0].low == "to"


@lru_cache(maxsize=8)
def _zu_infix(lang: str) -> re.Pattern[str]:
    parts = "|".join(sorted(load_lexicon(lang).particles, key=len, reverse=True))
    return re.compile(rf"^(?:{parts})zu\w{{3,}}$")


_EN_OPENERS = frozenset("and but or nor because although though whereas".split())


def _continues(toks: list[Tok], clause: int) -> bool:
    """Does an English clause continue the one before (a participle, an apposition, a phrase after
    a comma) rather than open a clause of its own with a coordinator or subordinator?"""
    i = _first_word(toks, clause)
    return i is not None and toks[i].low not in _EN_OPENERS and not _contrast_at(toks, i)


def contrast_clause(toks: list[Tok], clause: int) -> bool:
    """Is an English clause a contrast set off by a comma (", while China urged restraint")? Its
    proposition is apart from the clause before (Quirk et al. 1985, 15.20); "while" with no comma is
    mostly temporal ("would not negotiate while Russia attacks its cities") and stays tied to it."""
    i = _first_word(toks, clause)
    return i is not None and _contrast_at(toks, i)


def _first_word(toks: list[Tok], clause: int) -> int | None:
    """The index of a clause's first word."""
    return next((i for i, t in enumerate(toks) if t.clause == clause and t.word), None)


def _contrast_at(toks: list[Tok], i: int) -> bool:
    """Does the word at i, a clause's first, open a contrast after a comma (`contrast_clause`)? (One
    scan for the first word serves `_continues` and this test.)"""
    return i > 0 and toks[i].low in ("while", "whereas") and toks[i - 1].text == ","


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


def _clause_words(toks: list[Tok], c: int) -> list[Tok]:
    """The words of clause c after any opening coordinators."""
    return _after_coordinators([t for t in toks if t.clause == c and t.word])


def _after_coordinators(words: list[Tok]) -> list[Tok]:
    k = 0
    while k < len(words) and words[k].low in _COORDINATORS:
        k += 1
    return words[k:]


def _in_relative(toks: list[Tok], c: int, kinds: dict[int, str], relative: frozenset[str]) -> bool:
    """Is clause c a relative clause opened by a relative pronoun ("der ...", "who ..."), or a
    subordinate clause opened right inside one without punctuation ("who after his meeting ...")?"""
    if kinds.get(c) != "rel" and kinds.get(c - 1) != "rel":
        return False
    first = next((t for t in toks if t.clause == c), None)
    if first is not None and first.word and c > 0 and kinds.get(c) in ("adv", "cond", "comp"):
        c -= 1
    return kinds.get(c) == "rel" and next((t.low for t in toks if t.clause == c and t.word), None) in relative


def _subject_clause(toks: list[Tok], c: int) -> bool:
    """Does clause c open with a coordinator and a subject of its own (`_split_coordinated`)?"""
    return any(t.subj for t in toks if t.clause == c)


# coordinators that join two verb phrases of one subject ("met X and promised Y", "lehnte ab und drohte");
# "or"/"oder" offer alternatives (neither asserted) and stay one scope
_VP_COORDINATORS = frozenset({"and", "but", "und", "aber", "sowie"})
# words between the coordinator and the second verb ("and then", "und später", "and later")
_VP_FILLERS = frozenset({"then", "later", "also", "subsequently", "dann", "später", "anschließend", "auch", "zudem",
                         "außerdem", "danach", "sofort"})


def verb_conjuncts(toks: list[Tok], verbs: set[int], lex: Lexicon) -> list[int]:
    """Indices of the coordinators that open a second verb phrase of the same subject ("Macron met
    Zelensky and promised him aid", "Putin lehnte den Vorschlag ab und drohte mit Angriffen"):
    each conjunct is its own predication with its own negation, modals and cues (Huddleston &
    Pullum 2002, ch. 15 §4: coordination of verb phrases), so "announced X and accused Y" makes
    only X planned. `verbs` are the trigger tokens read as verbs. The second conjunct must open
    with a finite verb form (inflected: "promised", "traf", "drohte"; or an auxiliary/modal before
    a trigger: "and will travel"); a bare form ("will meet Xi and discuss tariffs") shares the
    first verb's modal and stays in its scope."""
    out = []
    n = len(toks)
    for i in range(1, n - 1):
        if toks[i].low not in _VP_COORDINATORS or toks[i].subj or not toks[i - 1].word:
            continue
        if toks[i - 1].clause != toks[i].clause:
            continue
        k = i + 1
        while k < n and toks[k].low in _VP_FILLERS:
            k += 1
        if k >= n or not toks[k].word or not toks[k].text[:1].islower():
            continue
        if (toks[k].low in lex.finite_aux and k + 1 < n and toks[k + 1].word) or (k in verbs and _finite(toks[k], lex.language)):
            out.append(i)
    return out


def _finite(t: Tok, lang: str) -> bool:
    """An inflected verb form (its lemma differs from it: "met", "promised", "drohte"); English
    "-s" forms are left out ("and sanctions" is mostly a noun)."""
    if t.forms[1] == t.low:
        return False
    return lang != "en" or t.low.endswith("ed") or not t.low.endswith(("s", "ing"))     # ("and fighting")

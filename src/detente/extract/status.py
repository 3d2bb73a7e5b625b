"""Status of a coded act (GUIDELINES 'status'): negation, denial, cancellation, hypothetical
and planned cues scoped over clauses (Huddleston & Pullum 2002, ch. 11-12)."""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter

from detente.extract.clauses import _governor, clause_kinds
from detente.extract.groups import _Group
from detente.extract.lexicon import Lexicon, Trigger, load_lexicon
from detente.extract.tokens import Tok
from detente.extract import scan
from detente.extract.triggers import _anchors, _match
from detente.extract.wordsets import _CONDITIONALS, _CONDITION_WORDS, _DASHES, _SUBJECT_DETS, _WILL


def _has(forms_window: list[Tok], words: frozenset[str]) -> bool:
    # (speed: one set test per token, not a generator step per form; the tests mapped in C, not a
    # generator step per token: ~-0.4% CPU)
    return not all(map(words.isdisjoint, map(_FORMS, forms_window)))


_FORMS = attrgetter("forms")


def _cue(t: Tok) -> tuple[str, ...]:
    """Forms a status cue is looked up by: the word and particle compositions, not the bare
    lemma ("wurde" is no future "werden", "sagte ... ab" is "absagen")."""
    return (t.forms[0],) + t.forms[2:]


_NOT_ONLY = frozenset({"nur", "bloß", "allein", "zuletzt", "only", "just", "merely", "least"})


def _negated(window: list[Tok], lex: Lexicon) -> bool:
    """A negation in the window, not counting "nicht nur" / "not only" / "nicht zuletzt" (additive, not negating)."""
    for i, t in enumerate(window):
        if t.low in lex.negation and not (i + 1 < len(window) and window[i + 1].low in _NOT_ONLY) \
                and not (t.low in _NO_SOONER and i + 1 < len(window) and window[i + 1].low in _NO_SOONER_AUX):
            return True
    return False


# "Kaum hatte Trump Putin angerufen, ...", "Hardly had X ... when": "no sooner", a time, not a negation
_NO_SOONER = frozenset({"kaum", "hardly", "scarcely"})
_NO_SOONER_AUX = frozenset({"hatte", "hatten", "war", "waren", "had"})


def _cue_set(toks: list[Tok]) -> frozenset[str]:
    """All cue forms of a sentence, computed once per token list (a quick test before the scans)."""
    key = id(toks)
    hit = _CUE_CACHE.get(key)
    if hit is not None and hit[0] is toks:
        return hit[1]
    # speed: the words in one comprehension and the particle compositions (few tokens have
    # them) added by one union, instead of a `_cue` tuple per token in a generator
    out = frozenset([t.forms[0] for t in toks]).union(*[t.forms[2:] for t in toks if len(t.forms) > 2])
    _CUE_CACHE.clear()
    _CUE_CACHE[key] = (toks, out)
    return out


_CUE_CACHE: dict[int, tuple[list[Tok], frozenset[str]]] = {}
_MAY = frozenset({"may"})


def _months_only(toks: list[Tok]) -> bool:
    """Is every English "may" of the sentence the month? The modal is written "may" inside a
    sentence, the month "May"; at the sentence start the month has a day after it ("May 10 ...")."""
    return all(t.text == "May" and (i > 0 and toks[i - 1].word or i + 1 < len(toks) and toks[i + 1].text[:1].isdigit())
               for i, t in enumerate(toks) if t.low == "may")


def _has_cue(window: list[Tok], words: frozenset[str]) -> bool:
    # speed: `_cue(t)` read in place (the word, then any particle compositions) instead of a
    # tuple built per token per call in a generator (the status cue scans were ~4% of extraction)
    for t in window:
        f = t.forms
        if f[0] in words or (len(f) > 2 and not words.isdisjoint(f[2:])):
            return True
    return False


@lru_cache(maxsize=16)
def _phrase_plan(pats: tuple[re.Pattern[str], ...]) -> tuple:
    """Each phrase's scan (`scan.finder`: one opening with `\\b` and literal words is tried only
    where one occurs; speed, eighth pass) with its anchor groups (None: no prefilter; under
    IGNORECASE a literal would match other cases)."""
    return tuple((scan.finder(p), None if p.flags & re.IGNORECASE else _anchors(p.pattern)) for p in pats)


def _phrase_search(pats: tuple[re.Pattern[str], ...], low: str) -> bool:
    """Does a status phrase (denied/cancelled) occur in the sentence? Speed: each phrase is
    searched only where its leading word and a literal every match must contain both occur
    (`triggers._anchors`, read off the parsed pattern): the phrases open with `\\b`, so the
    engine tried them at every position of every sentence with an event (~2% of extraction)."""
    # speed (eighth pass): the answer depends on the phrase list and the sentence only, and
    # `_status` asks it once per trigger: kept for the last (list, sentence) pair, held by
    # reference (so identity means the same text; no cache across sentences)
    memo = _LAST_SEARCH.get(id(pats))
    if memo is not None and memo[0] is pats and memo[1] is low:
        return memo[2]
    got = any((groups is None or all(any(x in low for x in g) for g in groups)) and next(finditer(low), None)
              for finditer, groups in _phrase_plan(pats))
    _LAST_SEARCH[id(pats)] = (pats, low, got)
    return got


def _phrase_match(pats: tuple[re.Pattern[str], ...], low: str) -> bool:
    """Does a status phrase match at the start of the sentence? (kept as `_phrase_search`: the
    hypothetical openers, ~7 patterns tried once per trigger, were ~1% of the instructions)"""
    memo = _LAST_MATCH.get(id(pats))
    if memo is not None and memo[0] is pats and memo[1] is low:
        return memo[2]
    got = any(p.match(low) for p in pats)
    _LAST_MATCH[id(pats)] = (pats, low, got)
    return got


# (phrase list id -> (the list, the last sentence, the answer); one entry per status phrase list)
_LAST_SEARCH: dict[int, tuple] = {}
_LAST_MATCH: dict[int, tuple] = {}


# (wordsets' definite and English articles plus the German indefinite ones)
_ARTICLES = _SUBJECT_DETS | {"ein", "eine", "einem", "einen", "einer", "eines"}


def _first(toks: list[Tok], clause: int) -> int:
    """Index of the first token of `clause`."""
    return next((i for i, t in enumerate(toks) if t.clause == clause), len(toks))


def _status(lex: Lexicon, toks: list[Tok], clause: int, sentence_low: str, sentence: str, ti: int = -1,
            kinds: dict[int, str] | None = None, skip: frozenset[int] = frozenset(), etype: str | None = None) -> str:
    """Status of an event whose trigger is in `clause`: denial and cancellation cues within a
    clause of the trigger (a negated cancellation, "nicht verschoben", means planned), then
    hypothetical cues (modals, Konjunktiv II, conditionals, questions), then future cues. `skip`:
    token indices of the clause's other verb conjuncts ("announced X and accused Y"), whose cues
    are theirs (clauses.verb_conjuncts)."""
    cues = _cue_set(toks)
    denied, cancelled = lex.status_words.get("denied", frozenset()), lex.status_words.get("cancelled", frozenset())
    if cues & denied and cues & cancelled:
        return "planned"        # a cancellation denied ("reports of a postponement are rumours")
    for st in ("denied", "cancelled"):
        words = denied if st == "denied" else cancelled
        for i, t in enumerate(toks if cues & words else ()):
            if abs(t.clause - clause) <= 1 and _has_cue([t], words) and not (st == "denied" and i == ti) and i not in skip:
                # (a denial word that is the trigger itself denies nothing of it: "dismissed the proposal")
                if st == "cancelled" and any(toks[j].low in lex.negation for j in range(max(0, i - 2), i)):
                    return "planned"
                return st
        if _phrase_search(lex.status_phrases.get(st, ()), sentence_low):
            return st
    first = next((t for t in toks if t.word), None)
    if _phrase_match(lex.status_phrases.get("hypothetical", ()), sentence_low):
        return "hypothetical"       # "Denkbar wäre, dass ...": the author's scenario, every clause of it
    hyp = lex.status_words.get("hypothetical", frozenset())
    if "may" in cues and lex.language == "en" and _months_only(toks):
        hyp = hyp - _MAY      # "talks in Istanbul on May 10": the month, not the modal
    own = [t for i, t in enumerate(toks) if t.clause == clause and i not in skip] if skip else \
        [t for t in toks if t.clause == clause]
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
    gov_toks = [t for t in toks if t.clause == gov] if gov is not None else []
    if gov is not None and lex.factive and _has(gov_toks, lex.factive):
        # "bemerken, dass ...", "die Erkenntnis, dass ...", "knows that ...": a factive governor
        # presupposes its complement; its own modals and conditions do not reach into it
        # (Kiparsky & Kiparsky 1970, "Fact")
        gov, gov_toks = None, []
    scope = own + gov_toks
    if clause >= 2 and own and own[0].text in _DASHES:
        opened = [t for t in toks if t.clause == clause - 1]
        if opened and opened[0].text in _DASHES and not any(t.text in ",;:" for t in opened):
            # "sollen X und Y die Agenda für dieses – seit ... – zweite Treffen ausarbeiten": a clause
            # resumed after a parenthesis between dashes keeps the cues of its first part
            scope = scope + [t for t in toks if t.clause == clause - 2]
    elif clause >= 1 and own and own[0].text in _DASHES and kinds.get(clause - 1) == "main" \
            and any(t.clause == clause + 1 and t.text in _DASHES for t in toks) \
            and not any(t.text in ",;:" for t in own) and not _has(own, lex.clause_words):
        # "Zweitens könnte die Entscheidung – zudem unter Druck aus Washington getroffen – die Lage
        # destabilisieren": a parenthesis without a clause of its own belongs to the clause it
        # interrupts and shares its cues (a supplement, Huddleston & Pullum 2002, ch. 15 §5); the
        # interrupted clause is resumed after the second dash
        scope = scope + [t for t in toks if t.clause in (clause - 1, clause + 1)]
    elif clause >= 1 and len(own) > 2 and own[0].text == "," and own[1].low in _ARTICLES \
            and any(t.clause == clause - 1 and t.low == own[1].low for t in toks[max(0, _first(toks, clause) - 5):]):
        # "könnte in einem EU-Land, einem Nato-Land mit Trump sprechen": a noun phrase in apposition
        # (its determiner repeated after the comma) continues the clause before, with its modal
        scope = scope + [t for t in toks if t.clause == clause - 1]
    if factual:
        scope = [t for t in own if t.low not in _CONDITIONALS]
    backshift = False
    if lex.backshift_modals and any(t.low in lex.backshift_modals for t in own) \
            and not any(t.low in _CONDITIONALS for t in toks) and not _negated(own, lex):
        # "He said Washington would impose tariffs": a reported "will", not a conditional "would"
        # ("would not meet Putin without ..." keeps its condition: negated ones are left alone)
        mod = next(t for t in own if t.low in lex.backshift_modals)
        said = [t for t in own if t.start < mod.start] + gov_toks
        if lex.language == "en" and kinds.get(clause) == "comp" and kinds.get(clause - 1) == "adv":
            said += [t for t in toks if t.clause == clause - 1]   # "When Trump announced that he would meet ..."
        if _has(said, lex.backshift_verbs):
            rest = [t for t in scope if t.low not in lex.backshift_modals]
            backshift = not _has_cue(rest, hyp)
            if backshift:
                scope = rest
    later = bool(skip) and max(skip) > ti      # a later conjunct: a condition after it is its own
    kind = _act_kind(toks[ti], lex, etype) if ti >= 0 and kinds.get(clause) != "cond" else None
    intent = _intent(toks, clause, ti, lex.language) if kind is not None else None
    if intent is not None and not _has_cue([t for t in scope if t is not intent], hyp) \
            and not (kinds.get(clause + 1) == "cond" and not later) and not _negated(own, lex) \
            and not sentence.rstrip().rstrip("“”\"»«'").endswith("?"):
        # "Trump will die Zölle verdoppeln", "Trump wants to double tariffs": planned; "Trump will Xi
        # treffen" is a wish, as "wants to meet" (the other side has to agree)
        return "planned" if kind == "own" else "hypothetical"
    if _has_cue(scope, hyp) or (not factual and kinds.get(clause + 1) == "cond" and not later):
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
    # ... and a predicative one the act noun its subject ("a meeting with Putin was possible next
    # month"): a copula then the adjective, after the trigger in its own clause (speed: the pairs
    # of the clause walked only where such an adjective occurs in the sentence, `cues`)
    if ti >= 0 and not attr.isdisjoint(cues) and any(t.start > toks[ti].start and t.low in attr and p.low in _COPULAS for p, t in zip(own, own[1:])):
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


# copulas before a predicative "possible" (English; the German "möglich" is no attributive form)
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "remains", "remained", "seems", "seemed", "looks", "looked"})


# verbs of intention in the present: a named subject's own act as their infinitive is planned
# (GUIDELINES: status planned = an act announced or intended); past "wollte"/"wanted" stays a wish
_INTENT = {"de": frozenset({"will", "wollen", "wolle", "willst"}), "en": frozenset({"want", "wants", "aims", "aim"})}


# acts an intention does not make planned: a meeting or a deal needs the other side ("Putin wants to
# meet Trump" is a wish), and a refusal or insistence is stated now ("will an ihren Forderungen festhalten")
_WISHED = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def _act_kind(t: Tok, lex: Lexicon, etype: str | None = None) -> str | None:
    """"own" for an act its actor can carry out alone (a sanction, a delivery, an attack), "mutual"
    for one that needs the other side, None for a refusal (left alone). `etype`: the trigger's type
    when known (a phrase trigger: "send ... tanks"), else read from the word."""
    if etype is None:
        k = _match(lex.language, t.forms)
        etype = lex.triggers[k].type if k is not None else None
    if etype is None or etype == "REJECT":
        return None
    return "mutual" if etype in _WISHED else "own"


def _intent(toks: list[Tok], clause: int, ti: int, lang: str) -> Tok | None:
    """The intention verb whose own subject's act is the one at ti: German "Trump will die Zölle
    verdoppeln" / "Nächste Woche will Trump Xi treffen" (a named, capitalised subject right before
    or after "will", the clause closing with its infinitive); English "Trump wants to double
    tariffs" ("to" right after: "wants Kyiv to give up" is a demand on another, object control).
    Not "Trump will, dass ..." (a demand, its own clause) nor a wish in the past. None otherwise."""
    words = _INTENT.get(lang)
    if not words:
        return None
    for k in range(max(1, ti - 12), ti):
        t = toks[k]
        if t.clause != clause or t.low not in words:
            continue
        before, after = toks[k - 1], toks[k + 1]
        if lang == "en":
            if before.word and before.text[:1].isupper() and after.low == "to" and k + 1 < ti:
                return t
            continue
        if not (before.word and before.text[:1].isupper() or after.word and after.text[:1].isupper()):
            continue
        last = next((toks[j] for j in range(len(toks) - 1, k, -1) if toks[j].clause == clause and toks[j].word), None)
        if last is not None and last.text[:1].islower() and last.low.endswith(("en", "ern", "eln")) \
                and not any(toks[j].low == "zu" for j in range(k + 1, len(toks)) if toks[j].clause == clause):
            return t
    return None


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


def _governed_by_act(toks: list[Tok], gov: int, lex: Lexicon, before: int) -> bool:
    """Does the governing clause (up to token `before`) hold a demand, threat or promise
    ("forderte, ... zu", "seine Versprechen, ... zu liefern", "urged ... to")?"""
    for t in toks[:before]:
        if t.clause == gov and t.word:
            k = _match(lex.language, t.forms)
            if k is not None and lex.triggers[k].type in ("REQUEST", "THREATEN", "AGREE"):
                return True
    return False

"""Actor stances (claims) on the tracked issues, one sentence at a time.

A claim is an actor's stated or reported stance on an issue (GUIDELINES "Claim fields"). Two
sources, both ending in (actor, country, issue, stance):

1. Stance expressions (data/stances.yaml, per language, which documents every category):
   "X lehnt ... ab", "X besteht auf ...", "X is against ...", "X rules out ...", "warnt vor",
   "sinnlos", hedges such as "überlegt, ob", nominal cues ("Trumps Vorschlag"), threats.
2. The events coded in the sentence (rules.py): demanding, agreeing, supporting -> support;
   rejecting, calling off -> oppose; a threat takes the issue's `threat` stance (issues.yaml).
   An explicit stance expression for the same actor and issue wins over the event type.

The issue is the nearest issue term (data/issues.yaml) in the cue's or trigger's scope, or, for
an anaphor ("diese Idee", "the proposal"), the issue named just before it (a minimal discourse
memory per article, `Context`). An issue's `oppose` phrases state the other side of it (Russia's
"comprehensive settlement first" against a ceasefire first) and flip the stance of the cue that
takes them as object. A condition ("nur wenn", "sofern", "only if") makes a voiced stance
conditional; a stance inside a condition's clause, speculation by the author ("denkbar wäre",
"perhaps") and wishes about someone else ("erwartet, dass Putin zustimmt") give no claim (gold
README "Claims"). A dictionary-and-position method in the spirit of rule-based stance detection
(Küçük & Can 2020, "Stance Detection: A Survey", ACM Computing Surveys 53(1), §3.1); no parser for
German is available offline (NLP_NOTES §0.2), so scopes are clauses cut at punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from re import _constants, _parser

import ahocorasick_rs

from detente.extract import scan
from detente.extract.actors import Hit
from detente.extract.lexicon import Actor, Issue, StanceCues, languages, load_issues, load_stance_cues
from detente.extract.rules import Coded
from detente.extract.status import _ARTICLES

_SUPPORT_TYPES = {"REQUEST", "AGREE", "SUPPORT", "AID", "SANCTION", "COOPERATE", "CONCEDE"}
_PROPOSAL = re.compile(r"\b(?:vorschlag|vorschläge|idee|initiative|forderung|plan|angebot|proposal|idea|initiative|plan|offer|demand)\w*")
_BOUNDARY = re.compile(r"[,;:–—()]|\s-\s")
# a new main clause after a boundary: the scope of a cue before it ends there
_NEW_CLAUSE = re.compile(r"\s*(?:und|aber|doch|sondern|denn|jedoch|während|and|but|while|whereas|yet)\b")
_INFINITIVE = re.compile(r"\bzu \w+(?:en|ern|eln)\b|\bto \w+\b")
_WORDS = re.compile(r"[\w’'-]+")
_ADJECTIVE = re.compile(r"\w+(?:en|e|er|es|em)$")
_LITERAL, _SUBPATTERN, _BRANCH = _constants.LITERAL, _constants.SUBPATTERN, _constants.BRANCH
SCOPE_BEFORE = 120    # characters of the cue's own clause before it (German verb-final objects)
SCOPE_AFTER = 160     # characters after the cue (its object and complement clauses)
SCOPE_CLAUSES = 2     # clause boundaries the scope after a cue may cross
HOLDER_BEFORE = 200   # how far back a holder may stand
HOLDER_AFTER = 45     # how far after the cue an inverted subject may stand
NOUN_GAP = 4          # characters between a nominal cue and its attached actor ("Trumps Vorschlag")
MEMORY = 2            # sentences an anaphor may reach back

Claim4 = tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class IssueHit:
    issue: Issue
    start: int
    end: int
    flip: bool           # an `oppose` phrase of the issue: the other side of it


@dataclass
class Context:
    """What a sentence needs to know of the article before it: the issues named recently (for
    anaphors) and the last person named (for "er", "he")."""
    recent: list[tuple[int, str]] = field(default_factory=list)   # (sentence number, issue)
    n: int = 0
    last_person: Actor | None = None


def stances(sentence_low: str, events: list[Coded], hits: list[Hit] | tuple[Hit, ...] = (), lang: str = "de",
            context: Context | None = None, heading: bool = False) -> list[Claim4]:
    """(actor name, actor country, issue, stance) for one sentence (lower-cased, offsets kept).

    `hits` are the sentence's actor mentions, `context` carries the article so far (pass one
    `Context` per article, sentence by sentence, headings included with `heading=True`)."""
    ctx = context if context is not None else Context()
    ctx.n += 1
    antecedent = ctx.last_person
    persons = [h.actor for h in hits if h.actor is not None and h.kind == "person"]
    if persons:
        ctx.last_person = persons[-1]
    issue_hits = find_issues(sentence_low, events, hits, frozenset(i for _, i in ctx.recent))
    cues = load_stance_cues(lang)
    if cues is not None:
        issue_hits = _unflip(sentence_low, issue_hits, cues)
    holder_possible = bool(events) or any(h.actor is not None for h in hits) or antecedent is not None
    anaphors = _anaphors(sentence_low, cues, issue_hits, ctx) if cues is not None and holder_possible else []
    ctx.recent = [(n, i) for n, i in ctx.recent if ctx.n - n < MEMORY]
    ctx.recent += [(ctx.n, h.issue.name) for h in issue_hits if not h.flip]
    if heading or not (issue_hits or anaphors):
        return []
    out: list[Claim4] = []
    read: list[tuple[int, int, str]] = []      # cue spans that gave a claim, with the issue
    if cues is not None:
        out += _cue_stances(sentence_low, cues, issue_hits, anaphors, hits, antecedent, read)
    # an explicit stance expression says more than the type of an act around it: an event
    # adds nothing for an actor and issue a cue covers, nor for a trigger inside such a cue
    # (the same word read twice; the cue's holder rules take precedence over the event's source)
    claimed = {(a, i) for a, _, i, _ in out}
    out += [c for c, at in _event_stances(sentence_low, events, issue_hits, anaphors, cues, hits)
            if (c[0], c[2]) not in claimed and not any(a <= at < b and i == c[2] for a, b, i in read)]
    return list(dict.fromkeys(out))


def find_issues(low: str, events: list[Coded] = (), hits: list[Hit] | tuple[Hit, ...] = (),
                recent: frozenset[str] = frozenset()) -> list[IssueHit]:
    """Issue terms in the sentence (and issues defined by who meets whom), left to right.
    `recent`: issues named in the sentences just before (for the `weak` terms)."""
    out: list[IssueHit] = []
    for i in load_issues():
        # speed: when no anchor of any of the issue's pattern lists occurs, each of its scans
        # finds nothing; one set test per issue replaces ~3 `_spans` calls (~2% of extraction)
        spans_of = _spans if _may_match(i, low) else _no_spans
        if spans_of is _no_spans and not (i.participants and events):
            continue        # (then only a meeting of its participants could name it)
        spans = [(a, b, False) for a, b in spans_of(low, i.terms)] + [(a, b, True) for a, b in spans_of(low, i.oppose)]
        if i.weak and (i.name in recent or any(h.actor is not None and h.actor.name in i.participants for h in hits)):
            # "der Gipfel", "the summit": this summit only where its participants or the issue
            # were just named (a G20 or EU summit is another one)
            spans += [(a, b, False) for a, b in spans_of(low, i.weak)]
        if i.participants:
            # a meeting noun with one of the participants right after it ("ein Treffen mit dem
            # amerikanischen Präsidenten", the other one named in the sentence too), and a meeting
            # or an agreement to meet between them
            who = [h for h in hits if h.actor is not None and h.actor.name in i.participants]
            meetings = spans_of(low, i.meeting)
            if {h.actor.name for h in who} == set(i.participants):
                spans += [(a, b, False) for a, b in meetings
                          if any(0 <= h.start - b <= 40 and not _BOUNDARY.search(low, b, h.start) for h in who)]
            spans += [(ev.trigger_start, ev.trigger_start + len(ev.trigger), False) for ev in events
                      if ev.type in i.event_types and ev.target is not None
                      and (ev.mode in i.modes if ev.type == "CONSULT" and i.modes else ev.type == "CONSULT" or meetings)
                      and {ev.source.name, ev.target.name} == set(i.participants)]
        if spans and i.exclude:
            bad = spans_of(low, i.exclude)
            spans = [s for s in spans if not any(a <= s[0] < b or s[0] <= a < s[1] for a, b in bad)]
        out += [IssueHit(i, s, e, f) for s, e, f in dict.fromkeys(spans)]
    out.sort(key=lambda h: h.start)
    return out


def _unflip(low: str, issue_hits: list[IssueHit], cues: StanceCues) -> list[IssueHit]:
    """An `oppose` phrase right after "ohne" / "without" is not the side taken but a qualifier
    of the issue ("ein Waffenstillstand ohne Klärung der Ursachen ... sinnlos")."""
    if not any(h.flip for h in issue_hits):
        return issue_hits
    neg = _spans(low, cues.get("negators"))
    after = cues.get("negators_after")
    return [IssueHit(h.issue, h.start, h.end, False)
            if h.flip and (any(0 <= h.start - b <= 30 for _, b in neg) or any(p.match(low, h.end) for p in after))
            else h for h in issue_hits]


_LAST_BOUNDARIES: list = [None, ()]


def _boundaries(low: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of `_BOUNDARY.finditer(low, lo, hi)`. Speed (eighth pass): the claim rules scan
    the same sentence for boundaries once per cue, trigger and mention; the whole sentence is
    scanned once (kept for the last sentence, held by reference) and the spans inside lo..hi
    taken from it. The same spans: a match never holds a character another match could start
    with, so a scan from lo finds the whole sentence's matches after lo, unless one of them
    straddles lo (then scanned as before); and one ending after hi is not found by either."""
    last = _LAST_BOUNDARIES
    if last[0] is not low:
        last[:] = [low, [m.span() for m in _BOUNDARY.finditer(low)]]
    out = []
    for a, b in last[1]:
        if b > hi:
            break
        if a >= lo:
            out.append((a, b))
        elif b > lo:
            return [m.span() for m in _BOUNDARY.finditer(low, lo, hi)]
    return out


def _clause_start(low: str, pos: int) -> int:
    """Start of the clause holding `pos` (after the last punctuation boundary before it)."""
    spans = _boundaries(low, 0, pos)
    return spans[-1][1] if spans else 0


def _scope_end(low: str, e: int) -> int:
    """End of the scope after a cue: SCOPE_AFTER characters, at most SCOPE_CLAUSES boundaries,
    and never into a new main clause ("..., und ...", "..., but ...")."""
    end = min(len(low), e + SCOPE_AFTER)
    for k, (a, b) in enumerate(_boundaries(low, e, end)):
        if k + 1 > SCOPE_CLAUSES or _NEW_CLAUSE.match(low, b):
            return a
    return end


def _in_scope(low: str, hits: list[IssueHit], s: int, e: int, openers=()) -> list[IssueHit]:
    """Issue terms a stance cue or trigger at s..e can take as its object: in its own clause
    before it (German verb-final; back to the clause's subordinator, "dass X ..., der ..., nicht
    im Interesse Russlands ist"), inside it, or after it up to the scope end; the nearest first
    (the object of "lehnt ... ab" is the issue named between the two parts)."""
    lo = max(_clause_start(low, s), s - SCOPE_BEFORE)
    for p in openers:
        ms = [m for m in p.finditer(low, max(0, s - 2 * SCOPE_BEFORE), lo) if not re.search(r"[;:–—]", low[m.end():s])]
        if ms:
            lo = min(lo, ms[-1].start())
    hi = _scope_end(low, e)
    cands = [h for h in hits if lo <= h.start < hi]
    if not cands:
        return []

    def dist(h: IssueHit) -> int:
        return 0 if s <= h.start <= e else (s - h.end if h.start < s else h.start - e)
    best = min(dist(h) for h in cands)
    # issues named together ("Waffenstillstand und Sicherheitsgarantien") are all objects
    return [h for h in cands if dist(h) <= best + 40]


def _anaphors(low: str, cues: StanceCues, issue_hits: list[IssueHit], ctx: Context) -> list[IssueHit]:
    """Anaphoric issue references ("diese Idee") resolved to the nearest issue named before
    them in this sentence, else to the latest one in the last MEMORY sentences."""
    salience: dict[str, float] = {}
    for n, name in ctx.recent:      # later mentions and the sentence just before weigh more
        salience[name] = salience.get(name, 0.0) + 1.0 / (ctx.n - n) + 0.001 * n
    out = []
    present = _present(low)
    pats = [p for p, a in _plan(cues.get("anaphora"))[0] if a is None or not present.isdisjoint(a)]
    for p, m in ((p, m) for p in pats for m in p.finditer(low)):
        # the shortest match ending at the noun: "der Kreml lehnte diese Idee" -> "diese Idee"
        starts = [w.start() for w in _WORDS.finditer(low, m.start(), m.end())]
        m = next((x for x in (p.fullmatch(low, st, m.end()) for st in reversed(starts)) if x), m)
        before = [h for h in issue_hits if h.end <= m.start() and not h.flip]
        after = [h for h in issue_hits if 0 <= h.start - m.end() <= 250 and not h.flip]
        if before:
            name = before[-1].issue.name
        elif after:                # "den Vorschlag Trumps, der betont hatte, dass ... stehen bleiben"
            name = after[0].issue.name
        elif salience and any(d.match(m.group()) for d in cues.get("demonstrative")):
            name = max(salience, key=salience.get)
        else:
            continue
        # (the issue looked up only here: a dict of the issues per sentence was ~0.3% of extraction;
        # the names are the keys of issues.yaml, so the first match is the only one)
        out.append(IssueHit(next(i for i in load_issues() if i.name == name), m.start(), m.end(), False))
    return out


@lru_cache(maxsize=None)
def _anchors(p: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literal strings one of which every match of `p` contains (None: unknown).

    A pre-check with `in` skips most of the ~200 cue and issue scans per sentence (they took a
    third of the extraction time). Python's regex engine has no multi-pattern prefilter and
    no library for it is installed, so the anchors are read off the parsed pattern: the
    longest run of literals at its top level, or the literal prefixes of a top-level
    alternation."""
    try:
        items = _parser.parse(p.pattern).data
    except Exception:       # an unusual construct: always scan
        return None
    best: tuple[str, ...] | None = None

    def consider(cand: tuple[str, ...]) -> None:
        nonlocal best
        if min(map(len, cand)) >= 3 and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    def prefix(seq) -> str:
        out = []
        for op, av in seq:
            if op is not _LITERAL:
                break
            out.append(chr(av))
        return "".join(out)

    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is _LITERAL:
            run.append(chr(av))
            continue
        lead = "".join(run)
        if run:
            consider((lead,))
            run = []
        if op is _SUBPATTERN and len(av[-1].data) == 1 and av[-1].data[0][0] is _BRANCH:
            op, av = av[-1].data[0]
        if op is _BRANCH:
            alts = tuple(lead + prefix(alt.data) for alt in av[1])   # "-" + (trump|putin)
            if all(a != lead for a in alts):
                consider(alts)
    return best


_PLANS: dict[int, tuple] = {}


def _plan(pats: tuple[re.Pattern[str], ...]):
    """(patterns with their anchors, every anchor of the list, whether some pattern has none,
    anchor -> positions of the patterns having it, positions of the patterns with none).

    Keyed by identity: the pattern tuples live as long as the cached lexicons (hashing a tuple
    of patterns on every call cost more than the scans it saved). Anchors outside the
    automaton's vocabulary (a list it was not built from) count as unknown: always scanned."""
    got = _PLANS.get(id(pats))
    if got is None or got[0] is not pats:
        vocab = _automaton()[1]
        items = tuple((p, frozenset(a) if a and set(a) <= vocab else None) for p in pats for a in [_anchors(p)])
        every = frozenset(x for _, a in items if a for x in a)
        by_anchor: dict[str, list[int]] = {}
        for n, (_, a) in enumerate(items):
            for x in a or ():
                by_anchor.setdefault(x, []).append(n)
        unanchored = tuple(n for n, (_, a) in enumerate(items) if a is None)
        # (the last entry: each pattern's scan, `scan.finder`; speed, eighth pass: a pattern opening with
        # `\\b` and literal words is tried only where one occurs, not at every position)
        got = _PLANS[id(pats)] = (pats, items, every, any(a is None for _, a in items), by_anchor, unanchored,
                                  tuple(scan.finder(p) for p, _ in items))
    return got[1:]


@lru_cache(maxsize=1)
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, frozenset[str]]:
    """One Aho-Corasick automaton (Aho & Corasick 1975, CACM 18(6)) over the anchors of every
    issue and stance pattern of every language: a single pass per sentence tells which anchors
    occur, instead of one substring search per anchor."""
    lists = [ls for i in load_issues() for ls in (i.terms, i.oppose, i.support, i.exclude, i.meeting, i.weak)]
    for lang in languages():
        cues = load_stance_cues(lang)
        if cues is not None:
            lists += list(cues.patterns.values())
    vocab = sorted({x for ls in lists for p in ls for x in (_anchors(p) or ())})
    return ahocorasick_rs.AhoCorasick(vocab, matchkind=ahocorasick_rs.MatchKind.Standard), frozenset(vocab)


_PRESENT: list = [None, frozenset()]


def _present(low: str) -> frozenset[str]:
    """The anchors occurring in the sentence (kept for the last sentence: one sentence meets
    ~40 pattern lists in a row)."""
    if _PRESENT[0] is not low:
        ac, _ = _automaton()
        _PRESENT[0], _PRESENT[1] = low, frozenset(ac.find_matches_as_strings(low, overlapping=True))
    return _PRESENT[1]


_ISSUE_PLANS: dict[int, tuple[Issue, frozenset[str], bool]] = {}


def _may_match(issue: Issue, low: str) -> bool:
    """Can any pattern list of the issue match the sentence (an anchor of it occurs, or a
    pattern has no known anchor)?"""
    got = _ISSUE_PLANS.get(id(issue))
    if got is None or got[0] is not issue:
        plans = [_plan(ls) for ls in (issue.terms, issue.oppose, issue.weak, issue.meeting, issue.exclude)]
        got = _ISSUE_PLANS[id(issue)] = (issue, frozenset().union(*(pl[1] for pl in plans)), any(pl[2] for pl in plans))
    return got[2] or not _present(low).isdisjoint(got[1])


def _no_spans(low: str, pats: tuple[re.Pattern[str], ...]) -> list[tuple[int, int]]:
    return []


def _spans(low: str, pats: tuple[re.Pattern[str], ...]) -> list[tuple[int, int]]:
    # speed: the two caches read inline (this runs ~25 times per sentence; the calls were ~2%)
    got = _PLANS.get(id(pats))
    items, every, always, by_anchor, unanchored, finders = got[1:] if got is not None and got[0] is pats else _plan(pats)
    present = _PRESENT[1] if _PRESENT[0] is low else _present(low)
    hit = present & every
    if not hit and not always:
        return []               # the usual case: no anchor of the list in the sentence
    # speed: the patterns to scan looked up from the anchors present (in list order) instead of
    # a set test per pattern of the list (~150 tests per sentence; with the status cue union
    # -0.7% of the instructions per article)
    ids = set(unanchored)
    for x in hit:
        ids.update(by_anchor[x])
    out: list[tuple[int, int]] = []
    for n in sorted(ids):
        out += [m.span() for m in finders[n](low)]
    return out


def _cue_stances(low: str, cues: StanceCues, issue_hits: list[IssueHit], anaphors: list[IssueHit],
                 hits, antecedent: Actor | None, read: list[tuple[int, int, str]]) -> list[Claim4]:
    opp = _spans(low, cues.get("oppose"))
    found = [(s, e, "oppose", False) for s, e in opp]
    found += [(s, e, "support", False) for s, e in _spans(low, cues.get("support"))
              if not any(a < e and s < b for a, b in opp)]
    found += [(s, e, "hedge", False) for s, e in _spans(low, cues.get("hedge"))]
    found += [(s, e, "threat", False) for s, e in _spans(low, cues.get("threat"))]
    found += [(s, e, "support", True) for s, e in _spans(low, cues.get("support_nouns"))]
    found += [(s, e, "oppose", True) for s, e in _spans(low, cues.get("oppose_nouns"))]
    if not found:
        return []
    conds = [(s, e, any(p.match(low, s) for p in cues.get("presupposed"))) for s, e in _spans(low, cues.get("conditions"))]
    conds += [(s, e, True) for s, e in _spans(low, cues.get("presupposed")) if not any(a <= s < b for a, b, _ in conds)]
    concessive = _spans(low, cues.get("concessive"))
    joint = _spans(low, cues.get("joint"))
    phrases = _spans(low, cues.get("condition_phrases"))
    conds = [c for c in conds if not any(a <= c[0] < b for a, b in concessive)]
    spec = _spans(low, cues.get("speculation"))
    irrealis = _spans(low, cues.get("irrealis"))
    actors = [h for h in hits if h.actor is not None and h.kind != "place"]
    res: dict[tuple[str, str, str], set[str]] = {}
    for s, e, polarity, nominal in sorted(found):
        if any(a < s for a, _ in spec):
            continue                   # the author speculates about the position
        if nominal:
            found_holder = _noun_holder(low, actors, s, e)
        else:
            found_holder = _holder(low, actors, s, e, cues, antecedent)
        if found_holder is None:
            continue
        holder, at = found_holder
        holders = [holder] + _coordinated(low, actors, at, holder, cues)
        for a, b in joint:            # "mit den Briten und Selenskyj zusammentaten, um ... vorzuschlagen"
            if at < b <= s:
                holders += [h.actor for h in actors if a <= h.start < b and h.actor not in holders and h.kind != "adjective"]
        # a clause without a subject of its own ("..., nicht im Interesse Russlands ist") takes
        # its object back to the clause's subordinator ("dass jedweder Waffenstillstand ...")
        op = cues.get("openers") if at < _clause_start(low, s) else ()
        objs = _in_scope(low, issue_hits, s, e, op) or _in_scope(low, anaphors, s, e, op)
        objs = [h for h in objs if not (nominal and s <= h.start < e)]
        if not objs:
            continue
        inside = [c for c in conds if c[0] <= s and not _BOUNDARY.search(low, c[1], s)]
        if inside and not inside[-1][2]:
            continue                   # "wenn Putin zustimmt": a condition, not a stance
        granted = any(a <= s and not _BOUNDARY.search(low, b, s) for a, b in concessive)
        if not nominal and any(a < at and b <= s for a, b in irrealis):
            continue                   # "erwartet, dass Putin zustimmt": a wish, not Putin's stance
        # a stance voiced under a condition elsewhere in the sentence is conditional; one stated
        # inside a presupposed or concessive clause ("solange Putin sich weigert") stands
        conditional = not granted and (bool(phrases) or (not inside and bool(conds)))
        for h in objs:
            if polarity == "hedge":
                stance = "conditional"
            elif polarity == "threat":
                stance = h.issue.threat   # a threat is conditional by nature: no condition test
            else:
                pos = (polarity == "support") != h.flip
                stance = "conditional" if conditional else ("support" if pos else "oppose")
            if stance:
                read.append((s, e, h.issue.name))
                for x in holders:
                    res.setdefault((x.name, x.country, h.issue.name), set()).add(stance)
    out = []
    for (name, country, issue), st in res.items():
        # a negated support cue is also matched as support ("stimmt nicht zu"): oppose wins
        stance = next(x for x in ("oppose", "conditional", "support") if x in st)
        out.append((name, country, issue, stance))
    return out


_CONJ_GAP = re.compile(r"\s*(?:,\s*)?(?:und|and|sowie|oder|or|&)\s+(?:(?:die|der|den|dem|das|the)\s+)?")
_COORD_GAP = re.compile(r"\s*(?:,|und|and|sowie|&|oder|or|, und|, and)?\s*(?:(?:die|der|den|das|the)\s+)?")


def _coordinated(low: str, actors, at: int, holder: Actor, cues: StanceCues) -> list[Actor]:
    """Actors coordinated with the holder's mention ("Frankreich, Großbritannien, Deutschland und
    Polen fordern ..."): each holds the stance (as rules.py gives each its own event); an object
    in the chain ("mit dem Präsidenten Putin und seinem ...") does not."""
    idx = next((n for n, h in enumerate(actors) if h.start == at), None)
    if idx is None:
        return []
    out: list[Actor] = []
    for step in (-1, 1):
        n = idx
        while 0 <= n + step < len(actors):
            a, b = (actors[n + step], actors[n]) if step < 0 else (actors[n], actors[n + step])
            if a.kind == "adjective" or b.kind == "adjective" or not _COORD_GAP.fullmatch(low, a.end, b.start):
                break
            n += step
            if actors[n].actor != holder and actors[n].actor not in out and _usable(actors[n], low, cues, actors):
                out.append(actors[n].actor)
    return out


def _governed(low: str, start: int, cues: StanceCues) -> bool:
    """Is the mention at `start` an object: a governing word right before it, or before its
    article and adjectives ("mit dem amerikanischen Präsidenten")?"""
    lo = max(0, start - 50)
    for _, b in _boundaries(low, lo, start):
        lo = b                         # only the mention's own clause ("..., indem sie ...")
    words = _WORDS.findall(low[lo:start])[-4:][::-1]
    i = 0
    while i < len(words) and i < 2 and words[i] not in _ARTICLES and words[i] not in cues.governing \
            and _ADJECTIVE.match(words[i]):
        i += 1                         # adjectives between the article and the name
    if i < len(words) and words[i] in cues.governing:
        return True
    return i + 1 < len(words) and words[i] in _ARTICLES and words[i + 1] in cues.governing


def _usable(h: Hit, low: str, cues: StanceCues, actors=()) -> bool:
    # a demonym adjective is an actor only as a noun's owner ("russische Warnung"): nominal cues
    if h.kind == "adjective":
        return False
    start = h.start
    for a in reversed(actors):
        # an apposition shares its head's case ("dem Präsidenten Wladimir Putin"), and so does a
        # coordinated actor ("mit Putin und Trump")
        if a.end <= start and ((a.actor == h.actor and start - a.end <= 2)
                               or (a.kind != "adjective" and _CONJ_GAP.fullmatch(low, a.end, start))):
            start = a.start
    return not _governed(low, start, cues)


def _holder(low: str, actors, s: int, e: int, cues: StanceCues,
            antecedent: Actor | None) -> tuple[Actor, int] | None:
    """Who voices the verbal cue at s..e, and where it is named (see stances.yaml)."""
    clause = _clause_start(low, s)
    same = [h for h in actors if clause <= h.start and h.end <= s and _usable(h, low, cues, actors)]
    if same:
        return same[0].actor, same[0].start      # the first actor of the clause: its subject
    if clause > 0 and any(p.match(low, clause) for p in cues.get("relative")):
        prev = [h for h in actors if h.end <= clause and _clause_start(low, h.start) == _clause_start(low, clause - 1)
                and _usable(h, low, cues, actors)]
        if prev:                                  # "..., der betont hatte": the actor before the comma
            return prev[-1].actor, prev[-1].start
    first = _WORDS.match(low, s)
    e1 = first.end() if first else e              # after the verb: "hielt der US-Präsident ... fest"
    after = [h for h in actors if e1 <= h.start <= e1 + HOLDER_AFTER and _usable(h, low, cues, actors)
             and not _BOUNDARY.search(low, e1, h.start) and len(_WORDS.findall(low[e1:h.start])) <= 3]
    if after:
        return after[0].actor, after[0].start
    if antecedent is not None:
        for p in cues.get("pronouns"):
            m = p.search(low, clause, e1 + 8)
            if m:
                return antecedent, m.start()
    # an earlier clause: its first actor (the speaker of "X betonte, dass ..."), skipping
    # infinitive clauses, whose actors are objects ("..., Russland Gebiete zu überlassen, ...")
    before = [h for h in actors if h.end <= clause and clause - h.end <= HOLDER_BEFORE and _usable(h, low, cues, actors)]
    by_clause: dict[int, list[Hit]] = {}
    for h in before:
        by_clause.setdefault(_clause_start(low, h.start), []).append(h)
    for start in sorted(by_clause, reverse=True):
        end = _BOUNDARY.search(low, by_clause[start][0].end)
        if _INFINITIVE.search(low, start, end.start() if end else len(low)):
            continue
        return by_clause[start][0].actor, by_clause[start][0].start
    return None


def _noun_holder(low: str, actors, s: int, e: int) -> tuple[Actor, int] | None:
    """The actor attached to a nominal cue: right before it (possessive, demonym) or right
    after it (genitive, "by"/"von"/"of" phrase)."""
    for h in actors:
        if 0 <= s - h.end <= NOUN_GAP:
            return h.actor, h.start
    for h in actors:
        gap = low[e:h.start]
        if 0 <= h.start - e <= 30 and re.fullmatch(r"\s+(?:(?:des|der|by|von|of|from)\s+)?(?:\w+\s+){0,2}?", gap + " "):
            return h.actor, h.start
    return None


def _event_stances(low: str, events: list[Coded], issue_hits: list[IssueHit], anaphors: list[IssueHit],
                   cues: StanceCues | None, hits) -> list[tuple[Claim4, int]]:
    """Claims from the events of the sentence, each with its trigger's position."""
    out: list[tuple[Claim4, int]] = []
    conditional = cues is not None and bool(_spans(low, cues.get("conditions")) or _spans(low, cues.get("condition_phrases")))
    spec = _spans(low, cues.get("speculation")) if cues is not None else []
    irrealis = _spans(low, cues.get("irrealis")) if cues is not None else []
    for ev in events:
        s, e = ev.trigger_start, ev.trigger_start + len(ev.trigger)
        if any(a < s for a, _ in spec):
            continue                   # the author speculates
        src = [h.start for h in hits if h.actor == ev.source]
        if any(b <= s and any(x > a for x in src) for a, b in irrealis):
            continue                   # "erwartet, dass Putin zustimmt": wished for, not Putin's stance
        for h in _in_scope(low, issue_hits, s, e) or _in_scope(low, anaphors, s, e):
            issue = h.issue
            if ev.target is None and ev.type not in ("REJECT", "REQUEST") and not h.flip:
                continue       # a source-only act says too little about a stance
            stance = _stance(ev, issue, conditional, h.flip)
            if stance is None:
                continue
            out.append(((ev.source.name, ev.source.country, issue.name, stance), s))
            if stance == "oppose" and ev.type == "REJECT" and ev.target is not None and _proposal_rejected(low, s, e):
                # rejecting someone's proposal on the issue: its author supports it
                out.append(((ev.target.name, ev.target.country, issue.name, "support"), -1))
            if issue.participants and ev.type in ("AGREE", "CONSULT") and ev.target is not None \
                    and stance == "support" and ev.target.kind == "person":
                out.append(((ev.target.name, ev.target.country, issue.name, stance), -1))
    return out


def _proposal_rejected(low: str, s: int, e: int) -> bool:
    """Is a proposal named in the refusal's own clause ("wies den Vorschlag Trumps zurück"), not
    elsewhere in the sentence ("dass die Ukraine nicht beabsichtigt, Russland Gebiete zu überlassen,
    ... hielt Trump an seinen Vorschlägen fest": Russia proposed nothing)?"""
    end = _BOUNDARY.search(low, e)
    return _PROPOSAL.search(low, _clause_start(low, s), end.start() if end else len(low)) is not None


def _stance(ev: Coded, issue: Issue, conditional: bool, flip: bool) -> str | None:
    if ev.status == "denied":
        return None
    if ev.status == "hypothetical" and ev.type != "THREATEN":
        return None          # speculation about a position is no claim (GUIDELINES "Claims")
    if ev.type == "REJECT":
        return "oppose"
    if ev.type == "THREATEN":
        return issue.threat
    if issue.participants:
        if ev.type not in ("CONSULT", "AGREE", "REQUEST"):
            return None
        if ev.status == "cancelled":
            return "oppose"
        if conditional:
            return "conditional"
        if ev.type == "CONSULT":
            return "support" if ev.status == "planned" else None
        return "support"
    if ev.type in _SUPPORT_TYPES:
        if ev.status == "cancelled" or flip:
            return "oppose"     # calling it off, or demanding the other side of the issue
        return "conditional" if conditional else "support"
    return None

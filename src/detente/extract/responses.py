"""Responses to another party's act: accepting its terms, blocking its application, and an
agreed date denied (issue 3; see docs/extraction.md, "Sixth pass: responses").

Runs over the acts `rules.code_sentence` coded for one sentence and retypes or retargets them:

- accepting the other side's terms, demands, a ceasefire or guarantees is CONCEDE (PLOVER
  CONCEDE: "accede to demands", "accept terms"); accepting an invitation, a deal or a meeting
  stays AGREE (PLOVER AGREE);
- blocking, vetoing or boycotting an accession or membership is a REJECT of the applicant
  ("blockierte den Beitritt der Ukraine", "Verhandlungen der EU mit Moldau über einen Beitritt",
  "vetoed Sweden's accession"), not of the organisation that hosts the process;
- a date for a meeting that was not agreed ("kein Datum vereinbart", "no date has been set") is
  the parties' AGREE denied, not a refusal of either of them.

The words are data: the `responses:` section of data/lang/XX.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from detente.extract import scan
from detente.extract.arguments import _english_noun, _tok_index
from detente.extract.coded import Coded
from detente.extract.groups import _Group
from detente.extract.lexicon import Lexicon, _read_yaml, load_lexicon
from detente.extract.passes import _PLEDGE, _noun_owner
from detente.extract.status import _has
from detente.extract.tokens import Tok, low_set, low_text


@dataclass(frozen=True, slots=True)
class Words:
    accept: frozenset[str]          # verbs (lemmas) of accepting
    terms: tuple[str, ...]          # nouns (stems, also inside compounds) of the other side's terms
    agreements: tuple[str, ...]     # ... and of deals, invitations and meetings, which stay AGREE
    accession: tuple[str, ...]      # nouns (stems) of joining an organisation
    dates: tuple[str, ...]          # nouns (stems) of a date or time agreed for a meeting
    date_verbs: frozenset[str]      # verbs (lemmas and forms) of fixing a date
    insist: frozenset[str]          # verbs (lemmas and forms) of holding to one's own line
    accede: frozenset[str]          # verbs (lemmas) of agreeing to something: only another's demands make them CONCEDE
    demands: tuple[str, ...]        # nouns (stems) of another's demands or conditions
    reports: frozenset[str]         # nouns of a report ("diese Information", "the reports") a denial points back to
    report_content: frozenset[str]  # words after a report noun that give its content in the same sentence
    back: frozenset[str]            # verbs (lemmas and forms) of backing: a proposal backed is agreed to
    proposals: tuple[str, ...]      # nouns (stems) of a proposal, a plan or an idea


@lru_cache(maxsize=8)
def words(lang: str) -> Words:
    raw = (_read_yaml("lang", f"{lang}.yaml") or {}).get("responses") or {}

    def stems(key: str) -> tuple[str, ...]:
        return tuple(str(x).lower() for x in raw.get(key) or [])
    return Words(frozenset(stems("accept")), stems("terms"), stems("agreements"), stems("accession"), stems("dates"),
                 frozenset(stems("date_verbs")), frozenset(stems("insist")), frozenset(stems("accede")), stems("demands"),
                 frozenset(stems("reports")),
                 frozenset(stems("report_content")), frozenset(stems("back")), stems("proposals"))


def _noun(t: Tok, lang: str) -> bool:
    return t.word and (t.text[:1].isupper() if lang == "de" else True)


def _object_words(toks: list[Tok], ti: int, lex: Lexicon, actor_toks: set[int]) -> list[Tok]:
    """The words that name what an accepting verb takes: in English the few words after it up
    to a preposition ("accepted the ceasefire terms", not "... an invitation to talks on a
    truce"); in German the first noun after it in its clause, else (verb-final) the last noun
    before it ("akzeptierte die Bedingungen", "dass Russland ... Sicherheitsgarantien ... akzeptiert")."""
    clause = toks[ti].clause
    if lex.language == "en":
        out = []
        for t in toks[ti + 1:ti + 6]:
            if t.clause != clause or t.low in lex.prepositions or not t.word:
                break
            out.append(t)
        return out
    skip = _date_words(lex.language)

    def ok(j: int) -> bool:
        t = toks[j]
        return t.clause == clause and j not in actor_toks and _noun(t, "de") and t.low not in skip \
            and not (j > 0 and toks[j - 1].clause != clause)
    after = next((j for j in range(ti + 1, len(toks)) if toks[j].clause == clause and ok(j)), None)
    if after is not None:
        return [toks[after]]
    before = next((j for j in range(ti - 1, -1, -1) if toks[j].clause == clause and ok(j)), None)
    return [toks[before]] if before is not None else []


@lru_cache(maxsize=8)
def _date_words(lang: str) -> frozenset[str]:
    lex = load_lexicon(lang)
    return frozenset(lex.weekdays) | frozenset(lex.months)


def _has_stem(ws: list[Tok], stems: tuple[str, ...]) -> bool:
    return any(s in t.low for t in ws for s in stems)


def accepted_terms(out: list[Coded], toks: list[Tok], groups: list[_Group], lex: Lexicon) -> list[Coded]:
    """AGREE of an accepting verb whose object is the other side's terms -> CONCEDE."""
    w = words(lex.language)
    verbs = w.accept | w.accede
    at = {k: _tok_index(toks, c.trigger_start) for k, c in enumerate(out) if c.type == "AGREE"} if verbs else {}
    accepting = {k: ti for k, ti in at.items() if not verbs.isdisjoint(toks[ti].forms)}    # act -> its token
    if not accepting:
        return out
    actor_toks = {j for g in groups for j in range(g.first_tok, g.last_tok + 1)}
    res = []
    for k, c in enumerate(out):
        if k in accepting:
            ti = accepting[k]
            accept = not w.accept.isdisjoint(toks[ti].forms)
            # ("agreed to Armenia's demands": the object after "to"; agreeing to a ceasefire stays AGREE)
            at = ti + 1 if not accept and ti + 1 < len(toks) and toks[ti + 1].low in ("to", "with") else ti
            obj = _object_words(toks, at, lex, actor_toks)
            if _has_stem(obj, w.terms if accept else w.demands) and not _has_stem(obj, w.agreements):
                c = replace(c, type="CONCEDE", mode=None)
        res.append(c)
    return res


def blocked_applicants(out: list[Coded], toks: list[Tok], groups: list[_Group], lex: Lexicon) -> list[Coded]:
    """A REJECT whose object is an accession ("den Beitritt der Ukraine", "über einen Beitritt",
    "Sweden's accession", "from joining NATO"), in its clause or an infinitive or complement
    clause right after it, is aimed at the states named from the trigger to that noun's clause
    end (the applicants), not at the organisation."""
    w = words(lex.language)
    if not w.accession or not any(c.type == "REJECT" for c in out):
        return out
    res: list[Coded] = []
    done: set[tuple[int, str, str]] = set()
    for c in out:
        if c.type != "REJECT":
            res.append(c)
            continue
        ti = _tok_index(toks, c.trigger_start)
        clause = toks[ti].clause if ti < len(toks) else -1
        acc = next((j for j in range(ti + 1, len(toks)) if toks[j].clause <= clause + 1
                    and any(s in toks[j].low for s in w.accession)), None)
        if acc is None:
            res.append(c)
            continue
        end = max(j for j in range(len(toks)) if toks[j].clause == toks[acc].clause)
        applicants = list(dict.fromkeys(
            a for g in groups if ti < g.first_tok <= end for a in g.actors
            if a.kind != "organisation" and a.country != c.source.country))
        if not applicants:
            res.append(c)
            continue
        for a in applicants:
            key = (c.trigger_start, c.source.name, a.country)
            if key not in done:
                done.add(key)
                res.append(replace(c, target=a))
    return res


def denied_dates(out: list[Coded], toks: list[Tok], groups: list[_Group], lex: Lexicon) -> list[Coded]:
    """"Zwischen X und Y sei kein Datum für ein Treffen besprochen worden", "no date has been set
    for a meeting between X and Y": a date noun with a verb of fixing it, negated or denied in its
    clause, is the parties' AGREE (to meet), denied - not a refusal by either (a negated
    "vereinbart" would code REJECT) nor a meeting cancelled. The parties are a pair named in the
    clause, else those of a meeting coded in the sentence."""
    w = words(lex.language)
    if not w.dates:
        return out
    if not any(map(low_text(toks).__contains__, w.dates)):
        return out      # (speed, seventh pass: no token can start with a date noun)
    denial = lex.status_words.get("denied", frozenset())
    # (speed, seventh pass: the date nouns listed by one comprehension, not a loop step per token)
    for j in [j for j, t in enumerate(toks) if t.low.startswith(w.dates)]:
        t = toks[j]
        if lex.language == "de" and not t.text[:1].isupper():
            continue
        own = [x for x in toks if x.clause == t.clause]
        if not _has(own, w.date_verbs) or not (any(x.low in lex.negation for x in own) or _has(toks, denial)):
            continue        # (a denial anywhere: "Moscow denied that Putin and Trump had discussed a summit date")
        pair = next((g.actors[:2] for g in groups if g.clause == t.clause and len({a.country for a in g.actors}) >= 2), None)
        if pair is None:
            met = next((c for c in out if c.type in ("CONSULT", "AGREE", "REJECT") and c.target is not None), None)
            pair = [met.source, met.target] if met is not None else None
        if pair is None:
            return out
        both = {pair[0].country, pair[1].country}
        date_at = toks[j].start
        kept = [c for c in out if not (c.type in ("CONSULT", "AGREE", "REJECT") and c.target is not None
                                       and {c.source.country, c.target.country} == both)]
        return kept + [Coded("AGREE", None, pair[0], pair[1], "denied", None, None, t.text, date_at)]
    return out


def conceded_requests(toks: list[Tok], ti: int, found, groups: list[_Group], lex: Lexicon) -> list[int]:
    """The request nouns a concession verb at ti takes as its object ("gab den Forderungen der USA
    nach", "gave in to US demands"): every REQUEST trigger of its clause is a noun after it."""
    clause = toks[ti].clause
    reqs = [j for j, t2, _, _ in found if t2.type == "REQUEST" and toks[j].clause == clause]
    nouns = [j for j in reqs if j > ti and (toks[j].text[:1].isupper() if lex.language == "de"
                                            else _english_noun(toks, j, groups))]
    return nouns if nouns and len(nouns) == len(reqs) else []


def accepted_requests(out: list[Coded], toks: list[Tok], groups: list[_Group], lex: Lexicon, found) -> list[Coded]:
    """A request noun with a named owner that an accepting or conceding verb takes ("akzeptierte
    die Einladung der EU", "gab den Forderungen Washingtons nach", "gave in to US demands") was
    made by its owner to the one who accepts it (as for a rejected request): a concession adds
    that request (its own trigger suppressed it), an agreement only turns round one coded the wrong way."""
    english = lex.language == "en"
    res = list(out)
    for c in out:
        if c.type not in ("AGREE", "CONCEDE"):
            continue
        ti = _tok_index(toks, c.trigger_start)
        if ti >= len(toks):
            continue
        for j in conceded_requests(toks, ti, found, groups, lex):
            owner = _noun_owner(groups, toks, j, english)
            src = next((a for a in owner.actors if a.country != c.source.country), None) if owner else None
            if src is None:
                continue
            if c.type == "AGREE" and not any(d.type == "REQUEST" and d.trigger_start == toks[j].start for d in res):
                continue        # (an agreement only turns round a request coded the wrong way: "stimmte den
                #                 Vorschlägen Putins zu" codes the agreement alone)
            res = [d for d in res if not (d.type == "REQUEST" and d.trigger_start == toks[j].start)]
            res.append(Coded("REQUEST", None, src, c.source, "occurred", c.date if c.status == "occurred" else None,
                             None, toks[j].text, toks[j].start))
    return res


def refused_by_insisting(out: list[Coded], toks: list[Tok], lex: Lexicon) -> list[Coded]:
    """Insisting that a proposal will not be ("besteht gegenüber der Hamas darauf, dass es keinen
    Waffenstillstand gebe", "insisted that there would be no ceasefire with Hamas before ...") is
    refusing it: the REQUEST of an insisting verb whose content clause negates one of the terms
    nouns (a ceasefire, conditions, guarantees) is a REJECT of the same party. With no party named
    there is no REQUEST to turn, so nothing is coded (the counterpart is not guessed)."""
    w = words(lex.language)
    res = []
    for c in out:
        ti = _tok_index(toks, c.trigger_start) if c.type == "REQUEST" else len(toks)
        if ti < len(toks) and not w.insist.isdisjoint(toks[ti].forms):
            content = [t for t in toks[ti + 1:] if toks[ti].clause < t.clause <= toks[ti].clause + 2]
            refused = any(d.type == "REJECT" and d.source == c.source and d.target == c.target for d in out)
            if any(t.low in lex.negation for t in content) and (_has_stem(content, w.terms) or refused):
                # ("insisted that there would be no talks with Taiwan": the refusal the talks' negation coded)
                c = replace(c, type="REJECT")
        res.append(c)
    return res


def own_terms(out: list[Coded], toks: list[Tok], lex: Lexicon) -> list[Coded]:
    """Holding to one's own terms ("hält an ihren Forderungen fest", "stuck to its demands"): the
    demands are the holder's, not a request of the counterpart it refuses (the rejected-request
    pass reads a possessive there as the other party's)."""
    w = words(lex.language)
    drop = set()
    for c in out:
        ti = _tok_index(toks, c.trigger_start) if c.type == "REJECT" else len(toks)
        if c.type != "REJECT" or c.target is None or ti >= len(toks) \
                or not _has([t for t in toks if t.clause == toks[ti].clause], w.insist):
            continue
        for k, d in enumerate(out):
            if d.type != "REQUEST":
                continue        # (the type first: _tok_index scans the tokens)
            j = _tok_index(toks, d.trigger_start)
            if j > ti and j < len(toks) and toks[j].clause == toks[ti].clause \
                    and d.source.country == c.target.country and d.target is not None and d.target.country == c.source.country:
                drop.add(k)
    return [d for k, d in enumerate(out) if k not in drop] if drop else out


_AGAINST = frozenset({"gegen", "gegenüber"})


def opposed_owner(toks: list[Tok], ti: int, groups: list[_Group]) -> list:
    """A refusal noun aimed at another's thing ("legte ein Veto gegen den Plan Finnlands ein",
    "Widerstand gegen den Beitritt Schwedens") is aimed at the thing's owner in the genitive (the
    argument rules read an actor after "gegen" + thing as no party: "Sanktionen gegen die
    Energiesponsoren Russlands"); the source is its clause's first actor before the noun."""
    if ti + 2 >= len(toks) or toks[ti + 1].low not in _AGAINST:
        return []
    clause = toks[ti].clause
    j = ti + 2
    while j < len(toks) and toks[j].low in ("der", "die", "das", "den", "dem", "des"):
        j += 1
    owner = next((g for g in groups if g.clause == clause and g.first_tok in (j + 1, j + 2)
                  and toks[g.last_tok].low.endswith("s") and not g.adj), None)
    src = next((g for g in groups if g.clause == clause and g.last_tok < ti and not g.adj), None)
    if owner is None or src is None:
        return []
    return [(a, b) for a in src.actors for b in owner.actors if a.country != b.country]


_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=8)
def _denial(lang: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """The denial words of a language and one case-insensitive pattern finding any of them (a
    prefix tree, scan.trie, as coref's trigger words: the search runs on every sentence)."""
    denial = load_lexicon(lang).status_words.get("denied", frozenset())
    return denial, (re.compile(rf"(?<!\w)(?:{scan.trie(denial)})(?!\w)", re.IGNORECASE) if denial else None)


def denied_reports(sentence: str, lang: str, coded: list[Coded], before: list[Coded]) -> list[Coded]:
    """"Sacharowa dementierte diese Information", "The Kremlin denied the report": a denial whose
    object is a report noun with no content of its own (no "über"/"wonach"/"about"/"that" after it)
    points back to the sentence before; the acts coded there (with both parties) are coded again
    here, denied (GUIDELINES: status denied). Not when this sentence codes a denied act itself."""
    w = words(lang)
    if not before or not w.reports or any(c.status == "denied" for c in coded):
        return coded
    denial, pattern = _denial(lang)
    if pattern is None or not pattern.search(sentence):
        return coded        # (speed: one search for a denial word; most sentences have none)
    low = [(m.start(), m.group().lower()) for m in _WORDS.finditer(sentence)]
    for k, (pos, word) in enumerate(low):
        if word not in denial:
            continue
        noun = next((j for j in range(k + 1, min(k + 4, len(low))) if low[j][1] in w.reports), None)
        if noun is None or (noun + 1 < len(low) and low[noun + 1][1] in w.report_content):
            continue
        again = [replace(c, status="denied", trigger=sentence[pos:pos + len(word)], trigger_start=pos)
                 for c in before if c.target is not None and c.status != "denied"]
        return coded + again
    return coded


_AGENT = frozenset({"by", "von", "vom"})


def proposed_by(out: list[Coded], toks: list[Tok]) -> list[Coded]:
    """"accepted the terms proposed by Egypt", "akzeptierte die von Ägypten vorgeschlagenen
    Bedingungen": a proposal verb whose agent is named is that agent's REQUEST to the one who
    accepts, not the accepter's (the argument rules gave the clause's subject as its source)."""
    res = list(out)
    for c in out:
        if c.type not in ("AGREE", "CONCEDE") or c.target is None:
            continue
        ti = _tok_index(toks, c.trigger_start)
        for k, d in enumerate(res):
            if d.type != "REQUEST":
                continue        # (the type first: _tok_index scans the tokens)
            j = _tok_index(toks, d.trigger_start)
            if ti < j < len(toks) and toks[j].clause == toks[ti].clause and toks[j].text[:1].islower() \
                    and d.source == c.source and d.target == c.target \
                    and any(t.low in _AGENT for t in toks[max(ti + 1, j - 3):j + 2]):
                res[k] = replace(d, source=d.target, target=d.source)
    return res


_CONTENT_PREPS = frozenset({"for", "of", "on", "für", "zu", "zum", "zur", "nach", "über"})
_AND = frozenset({"and", "und", "or", "oder", "but", "aber", "sowie", ","})
_GIVE_REFUSAL = frozenset({"erteilen", "erteilt", "erteilte", "erteilten"})


def refused_content(out: list[Coded], toks: list[Tok], found) -> list[Coded]:
    """What a refused proposal proposes did not happen: "turned down Kyiv's proposal for a prisoner
    swap", "lehnte den Vorschlag zu einem Gefangenenaustausch ab" - an act named after a request
    noun and a preposition of its content, in a clause with a refusal, is no act of its own."""
    if not any(c.type == "REJECT" for c in out):
        return out
    rejects = [_tok_index(toks, c.trigger_start) for c in out if c.type == "REJECT"]
    reject_clauses = {toks[k].clause for k in rejects if k < len(toks)}
    reqs = [j for j, t2, _, _ in found if t2.type == "REQUEST" and toks[j].clause in reject_clauses]
    if not reqs:
        return out

    def content(c: Coded) -> bool:
        if c.type in ("REJECT", "REQUEST"):
            return False
        k = _tok_index(toks, c.trigger_start)
        return k < len(toks) and any(
            j < k <= j + 5 and toks[k].clause == toks[j].clause
            and any(t.low in _CONTENT_PREPS for t in toks[j + 1:k]) and not any(t.low in _AND for t in toks[j + 1:k])
            for j in reqs)
    return [c for c in out if not content(c)]


def given_refusal(out: list[Coded], toks: list[Tok], groups: list[_Group]) -> list[Coded]:
    """"Moskau erteilte dem Vorschlag Kiews eine Absage": a refusal noun given ("erteilen") is the
    clause subject's refusal of the other party, whose genitive before the noun is no owner of it."""
    res = []
    for c in out:
        ti = _tok_index(toks, c.trigger_start) if c.type == "REJECT" and c.trigger[:1].isupper() else len(toks)
        if ti < len(toks) and c.target is not None and _has([t for t in toks[:ti] if t.clause == toks[ti].clause], _GIVE_REFUSAL):
            first = next((g for g in groups if g.clause == toks[ti].clause and g.last_tok < ti), None)
            if first is not None and c.target in first.actors and c.source not in first.actors:
                c = replace(c, source=c.target, target=c.source)
        res.append(c)
    return res


def backed_proposals(out: list[Coded], toks: list[Tok], groups: list[_Group], lex: Lexicon) -> list[Coded]:
    """Backing a proposal is agreeing to it (GUIDELINES: agreeing to a deal -> AGREE; PLOVER AGREE:
    accept a proposal), while backing an actor stays SUPPORT (political support): a SUPPORT of a
    backing verb ("unterstützen", "befürworten", "back", "support") whose object is a proposal noun
    ("unterstützte den Plan Frankreichs", "backed the idea"), or whose target proposed something to
    its source in the same sentence ("Trump schlug Genf vor, Putin habe ihn sofort unterstützt"), is
    an AGREE with the proposer. Welcoming or praising ("begrüßte die Initiative") stays SUPPORT."""
    w = words(lex.language)
    if not w.back or not any(c.type == "SUPPORT" and c.target is not None for c in out):
        return out
    actor_toks = None
    res = []
    for c in out:
        ti = _tok_index(toks, c.trigger_start) if c.type == "SUPPORT" and c.target is not None else len(toks)
        if ti < len(toks) and not w.back.isdisjoint(toks[ti].forms) and toks[ti].text[:1].islower():
            # (a proposal of the target made to the source, or a proposal noun of it before: "Kairo sei
            # Erdogans Vorschlag gewesen, Netanjahu habe ihn unterstützt", where "ihn" is the proposal)
            asked = any(d.type == "REQUEST" and d.source.country == c.target.country and (
                (d.target is not None and d.target.country == c.source.country)
                or (d.trigger_start < c.trigger_start and any(x in d.trigger.lower() for x in w.proposals))) for d in out)
            owner = None
            if not asked:
                if actor_toks is None:
                    actor_toks = {j for g in groups for j in range(g.first_tok, g.last_tok + 1)}
                noun = next((t for t in _object_words(toks, ti, lex, actor_toks) if _has_stem([t], w.proposals)), None)
                asked = noun is not None
                if asked:
                    # the proposal's owner is the proposer ("supports Ukraine's plan to join NATO": Ukraine)
                    g = _noun_owner(groups, toks, toks.index(noun), lex.language == "en")
                    owner = next((a for a in g.actors if a.country != c.source.country), None) if g else None
            if asked:
                c = replace(c, type="AGREE", mode=None, target=owner or c.target)
        res.append(c)
    return res


# verbs of moving someone to act ("überzeugen", "convince", "persuade"): with a that-clause they move
# someone to believe, not to act
_PERSUADE = frozenset({"überzeugen", "convince", "persuade"})
# verbs of expecting something of someone: "von/from" an event, they expect an outcome, not a demand
_EXPECT = frozenset({"erwarten", "expect"})
_FROM = frozenset({"von", "vom", "from"})
_INFINITIVE = frozenset({"zu", "to", "um"})


# verbs of moving someone to act; a relative pronoun that can be their subject
_CAUSE = frozenset({"bewegen", "bringen", "dazu", "überzeugen", "drängen", "persuade", "convince"})
_REL_SUBJECT = frozenset({"die", "der", "das", "welche", "welcher", "welches", "which", "that"})


def _thing_moves(toks: list[Tok], ti: int, groups: list[_Group]) -> bool:
    """Is the verb at ti in a relative clause whose antecedent is a thing, not an actor ("Schritte,
    die Putin zum Entgegenkommen hätten bewegen können", "Druckmittel, die Xi dazu bringen könnten",
    "arguments that could persuade Xi to ...")? A thing moves nobody by speech: the actor of the
    clause is the one moved, and the act has no named source."""
    clause = toks[ti].clause
    first = next(j for j in range(ti, -1, -1) if j == 0 or toks[j - 1].clause != clause)
    j = first + (toks[first].text == ",")
    if j >= ti or toks[j].low not in _REL_SUBJECT or j < 2:
        return False
    a = j - 2 if toks[j - 1].text == "," else j - 1
    if a == j - 1 and toks[j].low not in ("which", "that"):
        return False         # (German relative clauses follow a comma)
    ante = toks[a]
    return ante.word and (ante.text[:1].isupper() or toks[j].low in ("which", "that")) \
        and not any(g.first_tok <= a <= g.last_tok for g in groups)


def no_demand(out: list[Coded], toks: list[Tok], lex: Lexicon, found, groups: list[_Group] = ()) -> list[Coded]:
    """Two REQUEST verbs that ask nothing of anyone: convincing someone that something is so
    ("überzeugte Trump, dass Zugeständnisse möglich seien"; not "überzeugte X, zuzustimmen", nor
    "persuaded X to agree") states a belief; expecting an outcome from an event ("Von dem Treffen mit
    Putin erwartet er ein Ergebnis", "expects results from the summit"; not "erwartet von Xi Zusagen")
    is a hope about the event. Both drop the REQUEST (its event noun stays its own act)."""
    drop = set()
    for k, c in enumerate(out):
        ti = _tok_index(toks, c.trigger_start) if c.type == "REQUEST" else len(toks)
        if ti >= len(toks):
            continue
        forms = toks[ti].forms
        if not _CAUSE.isdisjoint(forms) and _thing_moves(toks, ti, groups):
            drop.add(k)
        elif not _PERSUADE.isdisjoint(forms):
            nxt = next((t.low for t in toks[ti + 1:ti + 8] if t.low in lex.complementizers or t.low in _INFINITIVE), None)
            if nxt is not None and nxt in lex.complementizers:
                drop.add(k)
        elif not _EXPECT.isdisjoint(forms):
            clause = toks[ti].clause
            events = {j for j, t2, _, _ in found if t2.type == "CONSULT" and toks[j].clause == clause}
            if any(toks[j].low in _FROM and any(j < e <= j + 3 for e in events)
                   for j in range(len(toks)) if toks[j].clause == clause):
                drop.add(k)
    return [c for k, c in enumerate(out) if k not in drop] if drop else out


_LET = frozenset({"lassen", "lässt", "ließ", "ließen", "liessen"})
_NO = frozenset({"kein", "keine", "keinen", "keinem", "keiner", "keines", "keinerlei", "no"})
# a will or an interest negated is a refusal in itself ("kein Interesse an einem Abkommen", "no intention of")
_STANCE_NOUNS = frozenset({"interesse", "bereitschaft", "absicht", "wille", "willen", "lust", "interest", "intention",
                           "willingness", "desire", "appetite"})
_OF = frozenset({"für", "auf", "zu", "zur", "zum", "über", "an", "for", "of", "on", "to", "toward", "towards", "about"})


def not_refused(out: list[Coded], toks: list[Tok], lex: Lexicon) -> list[Coded]:
    """A negated agreement word that refuses nothing (the REJECT its `negated` type coded): positions
    that cannot be reconciled ("Positionen, die sich nicht vereinbaren lassen": compatibility, not an
    agreement), and a negation of another noun that governs it ("keine Grundlage für Vereinbarungen",
    "keine Chance auf eine Einigung", "no basis for an agreement"; but "kein Interesse an einem
    Abkommen", a will negated, stays a refusal)."""
    drop = set()
    for k, c in enumerate(out):
        ti = _tok_index(toks, c.trigger_start) if c.type == "REJECT" else len(toks)
        if ti >= len(toks) or toks[ti].trig is None or lex.triggers[toks[ti].trig].type != "AGREE":
            continue
        clause = toks[ti].clause
        if ti + 1 < len(toks) and toks[ti + 1].low in _LET \
                and any(t.low == "sich" and t.clause == clause for t in toks[:ti]):
            drop.add(k)
            continue
        neg = next((j for j in range(ti - 1, -1, -1) if toks[j].clause == clause and toks[j].low in _NO), None)
        if neg is None:
            continue
        # the negation is the determiner of another noun right before a preposition: "keine (reale)
        # Grundlage für", "no (real) basis for" (not "keiner konnte sich auf ... einigen")
        h = next((j for j in range(neg + 1, min(neg + 4, ti)) if toks[j + 1].low in _OF), None)
        if h is not None and toks[h].word and toks[h].low not in _STANCE_NOUNS \
                and (lex.language != "de" or toks[h].text[:1].isupper()) \
                and all(t.word and (t.text[:1].islower() or lex.language != "de") for t in toks[neg + 1:h]):
            drop.add(k)
    return [c for k, c in enumerate(out) if k not in drop] if drop else out


def made_proposals(out: list[Coded], toks: list[Tok], groups: list[_Group], lex: Lexicon) -> list[Coded]:
    """A demand or proposal named by a noun its maker owns ("Trumps Vorschlag", "die Forderung
    Washingtons", "Putin's demands") was made: the possessive presupposes it (definite descriptions
    carry an existence presupposition; Huddleston & Pullum 2002, ch. 5 §6), so a hypothetical frame
    of its clause ("hoffte, Putin würde sich auf Trumps Vorschlag einlassen", "if Russia accepted
    Washington's proposal") is the frame of the response to it, not of the proposal. Not a noun
    qualified as possible ("ein möglicher Vorschlag") or negated."""
    res = []
    english = lex.language == "en"
    for c in out:
        ti = _tok_index(toks, c.trigger_start) if c.type == "REQUEST" and c.status == "hypothetical" else len(toks)
        if ti < len(toks) and 0 < ti and (toks[ti].text[:1].isupper() if not english else _english_noun(toks, ti, groups)) \
                and not _has(toks[max(0, ti - 3):ti], lex.hypothetical_attributive | lex.negation):
            owner = _noun_owner(groups, toks, ti, english)
            if owner is not None and c.source in owner.actors:
                c = replace(c, status="occurred")
        res.append(c)
    return res


_HOSTILE = frozenset({"ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST"})


def shared_target(out: list[Coded]) -> list[Coded]:
    """A threat, accusation or refusal whose own conjunct names no target is aimed at the target of
    an earlier hostile act of the same party in the sentence ("Iran blamed Israel for the killing and
    vowed to retaliate", "Pakistan rejected India's claims and warned of a befitting response"): the
    second verb shares the first's object by ellipsis (Quirk et al. 1985, 13.64: coordination with
    the object left out of one conjunct). Only hostile acts pass a target on: "welcomed X and
    warned ..." says nothing of whom the warning is for."""
    res = []
    for c in out:
        if c.target is None and c.type in ("THREATEN", "ACCUSE", "REJECT") and c.source.country:
            prior = [d for d in out if d.target is not None and d.type in _HOSTILE and d.trigger_start < c.trigger_start
                     and d.source.country == c.source.country and d.target.country != c.source.country]
            if prior:
                c = replace(c, target=max(prior, key=lambda d: d.trigger_start).target)
        res.append(c)
    return res


# words between "discussed" and a topic state ("discussed Taiwan", "discussed the Gaza war")
_TOPIC_DETS = frozenset({"the", "a", "an", "its", "their", "his", "her", "situation", "in", "on"})


def discussed_topic(out: list[Coded], toks: list[Tok], groups: list[_Group]) -> list[Coded]:
    """The object of "discuss" is the topic, not a partner ("Xi and Biden discussed Taiwan", "The two
    leaders discussed Gaza", "Trump discussed Ukraine with Putin"; the partner of discussing is told by
    "with" or by a coordinated subject, as of "talk about"): a state or person named right after the
    verb is no target; the partner after "with" is, else each later member of the subject's list."""
    res: list[Coded] = []
    for c in out:
        if c.type == "CONSULT" and c.target is not None and c.trigger.lower().startswith("discuss"):
            ti = _tok_index(toks, c.trigger_start)
            obj = next((g for g in groups if ti < g.first_tok <= ti + 3 and c.target in g.actors), None)
            if obj is not None and all(toks[j].low in _TOPIC_DETS for j in range(ti + 1, obj.first_tok)):
                w = next((j for j in range(obj.last_tok + 1, min(len(toks), obj.last_tok + 8)) if toks[j].low == "with"), None)
                partner = next((g for g in groups if w is not None and w < g.first_tok <= w + 4 and not g.adj), None)
                if partner is not None:
                    new = [a for a in partner.actors if a.country != c.source.country]
                else:
                    subj = next((g for g in groups if c.source in g.actors and len(g.actors) > 1 and g.last_tok < ti), None)
                    new = subj.actors[subj.actors.index(c.source) + 1:] if subj is not None else []
                res.extend(replace(c, target=a) for a in new if a.country != c.source.country and not any(
                    d.type == "CONSULT" and d.source is c.source and d.target is a for d in out + res))
                continue
        res.append(c)
    return res


def condemned_agent(out: list[Coded]) -> list[Coded]:
    """An accusation or refusal whose object is an act named right after its verb ("condemned the
    latest U.S. arms sale to Taiwan", "rejected the Israeli strikes on Lebanon") is aimed at that act's
    agent, not at the party the act was done to: the position rules took the party after the noun's
    preposition. Only when the two acts share that party (the sign of the mix-up) and the act noun
    follows within a few words."""
    res = []
    for c in out:
        if c.type in ("ACCUSE", "REJECT") and c.target is not None:
            end = c.trigger_start + len(c.trigger)
            act = next((d for d in out if d is not c and end <= d.trigger_start <= end + 30 and d.target is not None
                        and d.target.country == c.target.country and d.source.country
                        and d.source.country not in (c.source.country, c.target.country)), None)
            if act is not None:
                c = replace(c, target=act.source)
        res.append(c)
    return res


def judged_proposal(out: list[Coded]) -> list[Coded]:
    """A proposal judged unacceptable is refused, not accused ("bezeichnete den Vorschlag der USA als
    inakzeptabel"): the accusation read from the same judgement words inside the refusal's span is
    dropped (the REJECT phrase of data/lang spans the verb, the proposal noun and the judgement)."""
    spans = [(c.source.country, c.trigger_start, c.trigger_start + len(c.trigger)) for c in out if c.type == "REJECT"]
    return [c for c in out if not (c.type == "ACCUSE" and any(
        src == c.source.country and a <= c.trigger_start < b for src, a, b in spans))]


_WELCOME = ("welcom",)                                 # English verbs of welcoming (SUPPORT lemma "welcome")
_RECEIVE = frozenset({"receive", "received", "receives", "receiving"})   # the bare verb of the en.yaml CONSULT phrase
_HOST_AFTER = frozenset({"to", "in", "at", "on", "for", ",", ".", "as", "and", "during"})


def _guest(toks: list[Tok], groups: list[_Group], c: Coded) -> bool:
    """Is the act's target a person named right after its verb, the name ending the object ("welcomed
    Putin to Ankara", "received Araqchi in Riyadh"; not "welcomed Trump's decision")?"""
    ti = _tok_index(toks, c.trigger_start)
    g = next((g for g in groups if g.first_tok == ti + 1 and not g.adj), None)
    return g is not None and c.target in g.actors and all(a.kind == "person" for a in g.actors) \
        and (g.last_tok + 1 >= len(toks) or toks[g.last_tok + 1].low in _HOST_AFTER)


def _received_office(toks: list[Tok], c: Coded) -> bool:
    """Does a determiner follow the verb, as in the role-noun phrase of en.yaml ("received his
    counterpart", "received the Indian prime minister"), which the bare-verb phrase leaves out? A
    state's genitive stands for the determiner before an office ("received Russia's deputy defence
    minister"; not "received Russia's proposal in Istanbul")."""
    ti = _tok_index(toks, c.trigger_start)
    if ti + 1 < len(toks) and toks[ti + 1].low.endswith(("'s", "’s")):
        return any(t.low in _OFFICES for t in toks[ti + 2:ti + 5])
    return ti + 1 < len(toks) and toks[ti + 1].low in _OFFICE_DETS


_OFFICE_DETS = frozenset({"his", "her", "their", "its", "the", "a", "an"})
_OFFICES = frozenset({"president", "minister", "premier", "chancellor", "leader", "king", "prince", "emir", "envoy",
                      "envoys", "delegation", "secretary", "counterpart", "ruler", "chief"})


def hosted(out: list[Coded], toks: list[Tok], groups: list[_Group]) -> list[Coded]:
    """Welcoming or receiving a person is hosting a visit (GUIDELINES: visits -> CONSULT; PLOVER
    CONSULT): "Erdogan welcomed Putin to Ankara", "Saudi Arabia's crown prince received Araqchi in
    Riyadh", as German "empfing Lula in Peking" already is. Welcoming a decision, a plan or someone's
    act stays SUPPORT; the bare verb "received" codes only with a person right after it."""
    res = []
    for c in out:
        word = c.trigger.lower()
        if c.target is not None and (c.type == "SUPPORT" and word.startswith(_WELCOME) or c.type == "CONSULT" and word in _RECEIVE) \
                and _guest(toks, groups, c):
            c = replace(c, type="CONSULT", mode="in-person")
        elif c.type == "CONSULT" and word in _RECEIVE and not _received_office(toks, c):
            continue      # "received Russian gas in ...": no guest, no visit
        res.append(c)
    return res


_FRONT_PREPS = frozenset({"during", "after", "following", "at", "on", "in"})
_FRONT_LEADS = frozenset({"speaking", "writing", "addressing"})
_FRONT_NOUNS = ("talks", "meeting", "call", "phone call", "conversation", "summit", "visit", "trip", "negotiations",
                "news conference", "press conference")
_FRONT_DETS = frozenset({"a", "an", "the", "their", "her", "his", "its", "joint", "bilateral", "phone", "telephone",
                         "first", "second", "new", "closed-door", "separate", "video", "news", "press"})


def fronted_talks(out: list[Coded], toks: list[Tok], groups: list[_Group]) -> list[Coded]:
    """Talks with a party named in a phrase opening the sentence are the main clause subject's
    meeting with it ("During a meeting with Macron in Paris, Pashinyan pledged ...", "Speaking in
    Geneva after talks with his French counterpart, Araqchi said ...", "At a news conference with
    Scholz, Erdogan accused ..."): the fronted adverbial has no subject of its own and shares the
    main clause's (Quirk et al. 1985, 8.27, the subject of a nonfinite or verbless adverbial). The
    noun's own argument rules find no source there; a CONSULT of the subject and the partner is added
    unless one is coded."""
    cm = next((i for i, t in enumerate(toks[:16]) if t.text == ","), None)
    if cm is None or not (toks[0].low in _FRONT_PREPS or toks[0].low in _FRONT_LEADS):
        return out
    with_i = next((i for i in range(1, cm) if toks[i].low == "with" and toks[i - 1].low in _FRONT_NOUNS_LAST), None)
    if with_i is None:
        return out
    k = with_i - 1
    while k > 0 and toks[k - 1].low in _FRONT_DETS:
        k -= 1
    if k == 0 or toks[k - 1].low not in _FRONT_PREPS:
        return out
    across = next((g for g in groups if with_i < g.first_tok < cm < g.last_tok and len(g.actors) > 1), None)
    if across is not None:
        a, b = across.actors[-1], across.actors[0]     # "with Macron, Pashinyan urged": read as one list by the groups
        end = next(i for i in range(across.first_tok, cm + 1) if toks[i].text == "," or i == cm)
    else:
        partner = next((g for g in groups if with_i < g.first_tok and g.last_tok < cm and not g.adj), None)
        subject = next((g for g in groups if cm < g.first_tok <= cm + 4 and not g.adj), None)
        if partner is None or subject is None:
            return out
        a, b, end = subject.actors[0], partner.actors[0], partner.last_tok + 1
    if any(not (t.text[:1].isupper() or t.low in _FRONT_TAIL) for t in toks[end:cm] if t.word):
        return out      # "After the talks with Iran collapsed, ...": a clause with its own verb, not a verbless phrase
    # the partner read as a second subject of the main clause ("with Macron, Pashinyan urged": one list) is none
    out = [c for c in out if not (c.source is b and c.trigger_start > toks[cm].start and any(
        d.source is a and d.type == c.type and d.target is c.target for d in out))]
    if not a.country or not b.country or a.country == b.country:
        return out
    if any(c.type == "CONSULT" and {c.source.country, c.target.country if c.target else None} == {a.country, b.country}
           for c in out):
        return out
    main = next((c for c in out if c.trigger_start > toks[cm].start), None)
    noun = toks[with_i - 1]
    return out + [Coded("CONSULT", "in-person", a, b, "occurred", main.date if main else None, None, noun.text, noun.start)]


_FRONT_NOUNS_LAST = frozenset(n.split()[-1] for n in _FRONT_NOUNS)
# words a verbless phrase may hold after its partner ("with Macron in Paris on Monday,", "last week")
_FRONT_TAIL = frozenset({"in", "at", "on", "the", "last", "this", "earlier", "late", "early", "week", "weekend", "month",
                         "year", "of", "capital", "city", "sidelines", "summit", "and"})


def visit_and_meeting(out: list[Coded]) -> list[Coded]:
    """A visit to a state and a meeting there with one of its people, told in one sentence, are one
    event ("Macron visited Kyiv and met Zelensky", "travelled to Moscow, where he met Lavrov"; GUIDELINES:
    one event per sentence, type, source and target): the visit's state, read from the capital
    (arguments._host), is dropped when a person of that state is the same source's partner. Only a
    visit by a verb of travel: two talks ("the call between Rubio and the head of the Russian foreign
    ministry, Lavrov") are kept as the argument rules read them."""
    met = {(c.source, c.target.country, c.status) for c in out
           if c.type == "CONSULT" and c.target is not None and c.target.kind == "person"}
    return [c for c in out if not (c.type == "CONSULT" and c.target is not None and c.target.kind == "country"
                                   and c.trigger.lower().startswith(_TRAVEL)
                                   and (c.source, c.target.country, c.status) in met)]


# verbs and nouns of travel of the visit phrases ("visited", "travelled to", "flew to", "arrived in", "trip";
# German "reiste nach", "Besuch", "flog nach")
_TRAVEL = ("visit", "travel", "flew", "fly", "flies", "flown", "arriv", "head", "trip", "jet", "due", "reis", "besuch", "flog", "flieg")


# the stems of passes._PLEDGE, and "commit" and the verb-second forms of "sicherte/sagte ... zu" as stems
# (passes._pledging takes those forms whole, `_PLEDGE_DE`)
_PLEDGES = _PLEDGE + ("commit", "zusich", "zugesich", "sicherte", "sichert", "sagte", "sagten")


def pledged_acts(out: list[Coded]) -> list[Coded]:
    """A pledge of aid or support is that act (GUIDELINES: weapons deliveries, military aid -> AID),
    not an agreement besides it: "France committed to sending more weapons to Ukraine" gave AGREE
    and AID of the same pair ("commit" is no verb of `passes._PLEDGE`), "Japan sicherte den Philippinen
    Unterstützung zu" AGREE and SUPPORT; the AGREE read from the verb of promising is dropped. A
    promise of anything else stays AGREE."""
    # (only an act already read as the promise's content, not yet given: a pledged aid noun that occurred is
    # left to passes._pledged_aid, which makes it planned and drops the AGREE itself)
    given = {(c.source.country, c.target.country) for c in out
             if c.target is not None and (c.type == "SUPPORT" or c.type == "AID" and c.status != "occurred")}
    return [c for c in out if not (c.type == "AGREE" and c.target is not None and c.trigger.lower().startswith(_PLEDGES)
                                   and (c.source.country, c.target.country) in given)]


def respond(out: list[Coded], toks: list[Tok], groups: list[_Group], lex: Lexicon, found=()) -> list[Coded]:
    """All response rules over the acts of one sentence."""
    if lex.language == "en" and toks and (toks[0].low in _FRONT_PREPS or toks[0].low in _FRONT_LEADS):
        out = fronted_talks(out, toks, groups)
    if out:
        if lex.language == "en" and any(c.type == "ACCUSE" and c.target is not None for c in out):
            out = wronged_owners(out, toks, groups, lex.language)
        if lex.language == "en" and any(c.type == "ACCUSE" for c in out) and len(out) > 1:
            out = owned_content(out, toks, groups, lex.language)
        if lex.language == "en" and len(out) > 1 and any(c.type == "REQUEST" and c.target is not None for c in out):
            out = asked_content(out, toks)
        if lex.language == "en" and not _OBJ_RELATIVE.isdisjoint(low_set(toks)):
            out = object_relative(out, toks, groups)
        if lex.language == "en" and any(c.type == "COERCE" and c.trigger.endswith("ed") for c in out):
            out = held_captives(out, toks, groups)
        if lex.language == "en" and len(out) > 1 and any(c.type == "ACCUSE" and c.target is not None for c in out):
            out = charged_act(out, toks)
        if lex.language == "en" and any(c.type in ("SUPPORT", "CONSULT") for c in out):
            out = hosted(out, toks, groups)
        if lex.language == "en" and any(c.type == "CONSULT" and c.trigger.lower().startswith("discuss") for c in out):
            out = discussed_topic(out, toks, groups)
        if len(out) > 1:
            if sum(c.type == "CONSULT" for c in out) > 1:
                out = visit_and_meeting(out)
            if any(c.type == "AGREE" for c in out) and any(c.type in ("AID", "SUPPORT") for c in out):
                out = pledged_acts(out)
            if any(c.type == "REJECT" for c in out) and any(c.type == "ACCUSE" for c in out):
                out = judged_proposal(out)
            out = condemned_agent(out)
            if any(c.target is None for c in out):
                out = shared_target(out)
        out = backed_proposals(out, toks, groups, lex)
        if any(c.type == "REJECT" for c in out):
            out = not_refused(out, toks, lex)
        out = blocked_applicants(accepted_terms(out, toks, groups, lex), toks, groups, lex)
        if found:
            out = given_refusal(refused_content(out, toks, found), toks, groups)
        if any(c.type == "REQUEST" and c.status == "hypothetical" for c in out):
            out = made_proposals(out, toks, groups, lex)
        if any(c.type == "REQUEST" for c in out):
            out = own_terms(refused_by_insisting(no_demand(out, toks, lex, found, groups), toks, lex), toks, lex)
        if found and any(c.type in ("AGREE", "CONCEDE") for c in out):
            out = proposed_by(accepted_requests(out, toks, groups, lex, found), toks)
    return denied_dates(out, toks, groups, lex)


@lru_cache(maxsize=8)
def _answers(lang: str) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The determiners and the act nouns by type of the `answers:` section of data/lang/XX.yaml."""
    raw = (_read_yaml("lang", f"{lang}.yaml") or {}).get("answers") or {}
    nouns = {t: frozenset(str(w).lower() for w in ws) for t, ws in (raw.get("nouns") or {}).items()}
    return _answer_words(lang, "determiners"), nouns


@lru_cache(maxsize=32)
def _answer_words(lang: str, key: str) -> frozenset[str]:
    """One word list of the `answers:` section of data/lang/XX.yaml: `determiners`, `denied` (parts
    in an act whose denial answers an accusation), `owned_content` (nouns whose infinitive is their
    owner's act), `wronged` (what a state owns and another violates)."""
    raw = (_read_yaml("lang", f"{lang}.yaml") or {}).get("answers") or {}
    return frozenset(str(w).lower() for w in raw.get(key) or [])


ANSWER_WINDOW = 5     # sentences back an answered act may lie (a wire's reaction paragraph is a few lines down)
ECHO_SPAN = 40        # characters from an act's trigger in which its own noun stands ("launched large-scale military drills")


def answered(sentence: str, lang: str, coded: list[Coded], recent: list[tuple[int, Coded, str]], idx: int) -> list[Coded]:
    """A condemnation or rejection with no target whose object is a definite act noun ("The
    United States condemned the exercises", "India rejected the claim", "rejected the
    allegations") answers an act told a few sentences before: the agent of the latest such act
    (of the noun's type, by another country, aimed at the answering party or told with a noun of
    the same class) is the target. Cohesion by reference to an earlier event (Halliday & Hasan 1976, ch. 2: the definite
    article points back). `recent` holds (sentence index, act, lower-case sentence) of the article so far."""
    if not recent or not any(c.target is None and c.type in ("ACCUSE", "REJECT") for c in coded):
        return coded
    dets, nouns = _answers(lang)
    if not nouns:
        return coded
    denied = _answer_words(lang, "denied")
    out = list(coded)
    for k, c in enumerate(coded):
        if c.target is not None or c.type not in ("ACCUSE", "REJECT") or not c.source.country:
            continue
        after = [m.group().lower() for m in islice(_WORDS.finditer(sentence, c.trigger_start + len(c.trigger)), 3)]
        if c.type == "REJECT" and denied and not denied.isdisjoint(after[:2]):
            kind = "ACCUSE"     # the trigger's own phrase ends in the noun ("denied any involvement")
        elif not after or after[0] not in dets:
            continue
        else:
            kind = next((t for t, ws in nouns.items() if after[1] in ws or (len(after) > 2 and after[2] in ws)), None) \
                if len(after) > 1 else None
        if kind is None:
            continue
        earlier = [(d, said) for i, d, said in reversed(recent) if idx - i <= ANSWER_WINDOW and d.type == kind
                   and d.source.country and d.source.country != c.source.country]
        if not earlier:
            continue
        # an act aimed at the answering party, else the latest told with a noun of the same class
        # ("drills" ... "the exercises"), else one aimed at nobody ("fired a missile into the sea" ...
        # "condemned the launch"); an act against a third party, told in other words, is of another story
        aimed = [d for d, _ in earlier if d.target is not None and d.target.country == c.source.country]
        echo = [d for d, said in earlier      # (the noun names that act: at its trigger or a few words on)
                if not nouns[kind].isdisjoint(_WORDS.findall(said, d.trigger_start, d.trigger_start + ECHO_SPAN))]
        alone = [d for d, _ in earlier if d.target is None]
        if aimed or echo or alone:
            out[k] = replace(c, target=(aimed or echo or alone)[0].source)
    return out


def asked_content(out: list[Coded], toks: list[Tok]) -> list[Coded]:
    """"France urged Israel to respect the agreement", "called on the Security Council to condemn
    Israel", "urged China to return to the negotiating table": the act in the infinitive asked for
    between the same two parties is what the demand asks, not an act of its own (the seed gold codes
    the REQUEST alone; GUIDELINES: demands -> REQUEST); one with a third party stays."""
    # (a party is the demand's by name or by country: "Bessent urged China ...": USA, CHN)
    asks = [(_tok_index(toks, r.trigger_start), {r.source.name, r.target.name, r.source.country, r.target.country} - {None})
            for r in out if r.type == "REQUEST" and r.target is not None]
    res = []
    for c in out:
        if c.type != "REQUEST":
            ti = _tok_index(toks, c.trigger_start)
            to = next((j for j in range(ti - 1, max(0, ti - 4), -1) if toks[j].low == "to"), None)
            if to is not None and any(a < to <= a + 8 and all(x is None or x.name in pair or x.country in pair
                                                                for x in (c.source, c.target)) for a, pair in asks):
                continue
        res.append(c)
    return res


_CHARGED = frozenset({"ASSAULT", "SANCTION", "COERCE", "MOBILIZE"})


def charged_act(out: list[Coded], toks: list[Tok]) -> list[Coded]:
    """"Israel blamed Hezbollah for the rocket attack", "Iran accused Israel of striking its
    consulate": the act the accused is charged with ("of"/"for" after the accusation) is the
    accused's, aimed at the accuser unless it names another party; read from the accuser as
    subject it was turned the wrong way (ASSAULT ISR -> LBN)."""
    charges = [(_tok_index(toks, a.trigger_start), a) for a in out if a.type == "ACCUSE" and a.target is not None]
    res = []
    for d in out:
        if d.type in _CHARGED:
            ti = _tok_index(toks, d.trigger_start)
            for ai, a in charges:
                if ai < ti <= ai + 12 and d.source.country == a.source.country \
                        and any(toks[j].low in ("of", "for") for j in range(ai + 1, ti)):
                    keep = d.target is not None and d.target.country not in (a.target.country, a.source.country, None)
                    tgt = d.target if keep or (d.target is not None and d.target.country == a.source.country) else a.source
                    d = replace(d, source=a.target, target=tgt)
                    break
        res.append(d)
    return res


# words before a participle that qualifies the people after it ("the release of detained Americans",
# "freed six jailed activists"): a number, a determiner, "of" or a word of freeing
_CAPTIVES_BEFORE = frozenset({"of", "the", "all", "remaining", "freed", "released", "free", "release", "two", "three", "four",
                              "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "several"})


def held_captives(out: list[Coded], toks: list[Tok], groups: list[_Group]) -> list[Coded]:
    """"Venezuela released six detained Americans", "in exchange for the release of detained
    Americans": the participle before the people names their state (held), told as the background of
    the release, not an act of detaining by the sentence's subject; a verb with its own subject
    ("Russia detained two Americans") has none of these words before it."""
    starts = {g.first_tok for g in groups}
    res = []
    for c in out:
        if c.type == "COERCE" and c.trigger.endswith("ed"):
            ti = _tok_index(toks, c.trigger_start)
            if ti > 0 and ti + 1 in starts and (toks[ti - 1].low in _CAPTIVES_BEFORE or toks[ti - 1].low.isdigit()):
                continue
        res.append(c)
    return res


_OBJ_RELATIVE = frozenset({"who", "whom", "which"})


def object_relative(out: list[Coded], toks: list[Tok], groups: list[_Group]) -> list[Coded]:
    """"Maduro, who Washington accuses of stealing the election, ...", "Hamas, which Israel blames
    for the attack, ...": a relative pronoun followed by a subject of its own is the object of the
    relative clause (Huddleston & Pullum 2002, ch. 12: object relatives), so its antecedent is the
    one acted on; an act of the clause coded from the antecedent to that subject is turned round."""
    res = []
    for c in out:
        if c.target is not None:
            ti = _tok_index(toks, c.trigger_start)
            rel = next((j for j in range(ti - 1, max(0, ti - 6), -1) if toks[j].low in _OBJ_RELATIVE), None)
            if rel is not None and rel > 1 and toks[rel - 1].text == ",":
                subj = next((g for g in groups if g.first_tok in (rel + 1, rel + 2) and g.last_tok < ti), None)
                ante = next((g for g in groups if g.last_tok == rel - 2), None)
                if subj is not None and ante is not None and c.source in ante.actors and c.target in subj.actors:
                    c = replace(c, source=c.target, target=c.source)
        res.append(c)
    return res


def owned_content(out: list[Coded], toks: list[Tok], groups: list[_Group], lang: str) -> list[Coded]:
    """"Beijing condemned Washington's decision to impose tariffs on Chinese steel", "Iran condemned
    Israel's plan to strike its nuclear sites": the infinitive after a state's decision, move or plan
    is that state's act (the genitive is the subject of the nominalised clause; Quirk et al. 1985,
    17.54), not the condemner's; the condemner, named as target in its place, is the one it is aimed at."""
    nouns = _answer_words(lang, "owned_content")
    res = []
    for c in out:
        ti = _tok_index(toks, c.trigger_start) if c.type != "ACCUSE" else -1
        # (the trigger is the verb after "to" or the noun it takes: "to impose tariffs")
        to = next((j for j in (ti - 1, ti - 2) if j >= 2 and toks[j].low == "to"), None) if ti >= 3 else None
        if to is None or toks[to - 1].low not in nouns:
            res.append(c)
            continue
        k = to - 2 if toks[to - 2].low not in ("'s", "’s") else to - 3
        owner = next((g.actors[0] for g in groups if g.last_tok == k and len(g.actors) == 1), None)
        if owner is None or not owner.country or owner.country == c.source.country:
            res.append(c)
            continue
        target = c.source if c.target is None or c.target.country == owner.country else c.target
        res.append(replace(c, source=owner, target=target))
    return res


def wronged_owners(out: list[Coded], toks: list[Tok], groups: list[_Group], lang: str) -> list[Coded]:
    """"calling them a violation of Iran's sovereignty", "a breach of Syria's territorial integrity":
    the owner of a sovereignty, airspace or territory violated is the wronged party, not the one
    accused; the accusation keeps no target from it (a condemnation beside it names the agent, and
    `answered` may find one in the sentences before)."""
    wronged = _answer_words(lang, "wronged")
    owners = set()
    for g in groups:
        k = g.last_tok + 1
        if k < len(toks) and toks[k].low in ("'s", "’s", "s"):
            k += 1
        if toks[g.last_tok].low.endswith(("'s", "’s")) or k > g.last_tok + 1:
            if k < len(toks) and toks[k].low in wronged:
                owners.update(a.name for a in g.actors)
    if not owners:
        return out
    return [replace(c, target=None) if c.type == "ACCUSE" and c.target is not None and c.target.name in owners else c
            for c in out]

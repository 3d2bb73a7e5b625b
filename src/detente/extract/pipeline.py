"""Extraction of stored articles: sentences, mentions, events, claims (pure core + store I/O)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from detente.errors import InputError
from detente.extract import claims as claim_mod
from detente.extract import rules
from detente.extract import sentences as sent_mod
from detente.extract import coref as coref_mod
from detente.extract.lexicon import languages, load_lexicon
from detente.extract import opponents
from detente.extract.reactions import reacted
from detente.extract.lowered import lower
from detente.extract.records import Claim, Event, Extraction, Mention, Sentence
from detente.extract.responses import ANSWER_WINDOW, answered, denied_reports

_DE = frozenset("der die das und nicht mit ist ein eine zu den von dem des sich auf für im dass wird".split())
# (no words that are German too: "will" - "Trump will Xi treffen" - and "was" would turn a short
# German sentence English)
_EN = frozenset("the and of to is with that for on were has have had by are be it this from said says told met would could not after over against between its their".split())
_WORD = re.compile(r"[a-zäöüß]+")


@dataclass(frozen=True)
class ArticleIn:
    """What extraction needs of an article."""
    id: str
    text: str
    body_start: int = 0
    date: dt.date | None = None
    lang: str | None = None


def sentence_language(text: str, default: str) -> str:
    """de or en by function words (cheap; handles mixed-language articles sentence by sentence)."""
    words = _WORD.findall(lower(text))      # (speed, eighth pass: the lower case computed once, `lowered`)
    de = sum(map(_DE.__contains__, words))      # speed: map over a C method, not a generator (~1%)
    en = sum(map(_EN.__contains__, words))
    mine, other = (de, en) if default == "de" else (en, de)
    if other - mine >= 2 or (other >= 1 and mine == 0):
        return "en" if default == "de" else "de"
    return default


def _lang(lang: str | None) -> str:
    avail = languages()
    if lang:
        code = lang.lower()[:2]
        if code in avail:
            return code
    return "de" if "de" in avail else avail[0]


def _hid(*parts: Any) -> str:
    # (speed, eighth pass: `map(str, ...)` in C, not a generator step per part)
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def extract_article(art: ArticleIn) -> Extraction:
    """Everything extracted from one article; pure, deterministic."""
    out = Extraction(art.id)
    default = _lang(art.lang)
    avail = languages()
    body = max(0, min(art.body_start or 0, len(art.text)))
    discourse = coref_mod.Discourse()      # actors named so far, for pronouns and role nouns
    claim_ctx = claim_mod.Context()       # issues named recently, for anaphors ("diese Idee")
    before: list = []                     # the acts of the sentence before (a denial may point back to them)
    recent: list = []                     # (sentence index, act, its sentence) of the last few sentences ("condemned the attack", extract/reactions.py)
    foes: opponents.Foes = {}             # the opponent of each side in the last hostile acts (extract/opponents.py)
    for idx, (s, e) in enumerate(sent_mod.split(art.text, body)):
        sid = f"{art.id}:s{idx}"
        text = art.text[s:e]
        sent = Sentence(sid, art.id, idx, s, e, text)
        out.sentences.append(sent)
        lang = sentence_language(text, default)
        if lang not in avail:
            lang = default
        heading = _is_heading(art.text, s, e)
        hits, coded = rules.code_sentence(text, lang, art.date, discourse=discourse)
        coded, before = denied_reports(text, lang, coded, before), coded   # "dementierte diese Information"
        coded = answered(text, lang, coded, recent, idx)
        if lang == "de":
            coded = reacted(coded, recent, idx)      # "Islamabad wies jede Beteiligung zurück": the accuser before
        if coded:
            recent = [r for r in recent if idx - r[0] <= ANSWER_WINDOW] + [(idx, c, lower(text)) for c in coded]
        coded = opponents.fill(coded, foes, idx)      # "In der Nacht flog Israel erneut Angriffe": on the side named before
        opponents.remember(foes, coded, idx)
        if heading:
            coded = []          # headings repeat the body (GUIDELINES: title lines are not coded)
        else:
            discourse.update(text, hits, load_lexicon(lang))
        for h in hits:
            if h.kind == "place":
                continue
            a = h.actor
            out.mentions.append(Mention(art.id, sid, s + h.start, s + h.end, h.text, a.name if a else None,
                                        a.wikidata if a else None, a.country if a else None, h.kind))
        for c in coded:
            if c.target is None:
                continue           # source-only act: evidence for claims, no event (GUIDELINES: toward another actor)
            out.events.append(Event(
                id=_hid(art.id, s, e, c.type, c.source.name, c.target.name),
                article=art.id, sentence_id=sid, sentence=text, start=s, end=e, type=c.type, mode=c.mode,
                source=c.source.name, source_country=_guideline_country(c.source.country),
                target=c.target.name, target_country=_guideline_country(c.target.country),
                date=c.date.isoformat() if c.date else None, status=c.status, location=c.location,
                trigger=c.trigger))
        for actor, country, issue, stance in claim_mod.stances(rules._lower(text), coded, hits, lang, claim_ctx,
                                                               heading):
            out.claims.append(Claim(_hid(art.id, s, e, actor, issue, stance), art.id, sid, text, s, e,
                                    actor, _guideline_country(country), issue, stance))
    out.events = dedupe_events(out.events)
    out.claims = dedupe_claims(out.claims)
    return out


def _guideline_country(code: str | None) -> str | None:
    """The GUIDELINES' country of a party: ISO 3166 alpha-3, or EU / NATO. Another international
    body (UN, IAEA, AU, G7) has none - its name stays in source/target; the gazetteer's code for
    it (UNO, IAEA) only tells the rules that it is a party of its own."""
    return code if code in coref_mod._state_codes() else None      # (the states, EU and NATO: the sides coreference counts)


def _is_heading(text: str, s: int, e: int) -> bool:
    """A short line of its own without closing punctuation (or ending in "?"): a heading."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:s].strip(" \t-–•*") or text[e:line_end].strip():
        return False
    if not text[:line_start].strip() and not text[line_end:].strip():
        return False     # a headline that is the whole text repeats nothing: it is the report itself
    last = text[e - 1] if e > s else ""
    if last == "?":      # "Putins Gambit: Warum jetzt?" is a heading, a one-line question in the body is not
        return e - s <= 100 and ":" in text[s:e]
    return e - s <= 150 and (last.isalnum() or last in "“”\"»«")


def dedupe_events(events: list[Event]) -> list[Event]:
    """A re-mention of the same event in the same article with nothing new is not coded again
    (GUIDELINES, gold README "What is coded"): same type, actors, status, date and location.
    A refusal is a response to one proposal or appeal, so a refusal named by another word in
    another sentence is another refusal ("Putin wies ihn sofort ab. Solche Absagen hörte Trump bei
    jedem Telefonat"), not a re-mention; the same word again ("rejected ... rejected") is the same.
    So is a charge: another word of accusing names another charge ("accused India of trying to divert
    attention ... also said New Delhi was behind a bombing"), the same word a restated one."""
    seen: set[tuple] = set()
    out = []
    for ev in events:
        key = (ev.type, ev.source, ev.target, ev.status, ev.date, ev.location)
        if ev.type in ("REJECT", "ACCUSE"):
            key = key + ((ev.trigger or "").lower(),)
        if key in seen:
            continue
        seen.add(key)
        out.append(ev)
    return out


def dedupe_claims(claims: list[Claim]) -> list[Claim]:
    """One claim per (article, actor, issue, stance) (gold README "Claims")."""
    seen: set[tuple] = set()
    out = []
    for c in claims:
        key = (c.actor, c.issue, c.stance)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


# ---------------------------------------------------------------------------------- store I/O

def _corrected_date(row: dict[str, Any], others: list[dt.date]) -> dt.date | None:
    """The article date to resolve relative dates against.

    Ingest flags a misprinted year with a `date_outlier` warning; when the warning carries a
    corrected date it is used, otherwise the year is taken from the other articles of the same
    file (the 21.10.2026 column among October 2025 columns -> 2025-10-21).
    """
    date = row["date"]
    if isinstance(date, str):
        date = dt.date.fromisoformat(date[:10])
    warnings = row.get("warnings") or []
    if isinstance(warnings, str):
        try:
            warnings = json.loads(warnings)
        except json.JSONDecodeError:
            warnings = []
    for w in warnings if isinstance(warnings, list) else []:
        if isinstance(w, dict) and w.get("code") == "date_outlier":
            for k in ("suggested_date", "corrected", "suggested"):
                if w.get(k):
                    try:
                        return dt.date.fromisoformat(str(w[k])[:10])
                    except ValueError:
                        pass
            if date is not None and others:
                year = Counter(d.year for d in others).most_common(1)[0][0]
                try:
                    return date.replace(year=year)
                except ValueError:
                    return date
    return date


def load_articles(con: Any, article_ids: Iterable[str] | None = None) -> list[ArticleIn]:
    cols = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name='articles'").fetchall()}
    want = ["id", "text", "body_start", "date", "lang", "source_file", "warnings"]
    sel = ", ".join(c if c in cols else f"NULL AS {c}" for c in want)
    rows = con.execute(f"SELECT {sel} FROM articles ORDER BY id").fetchall()
    recs = [dict(zip(want, r)) for r in rows]
    if article_ids is not None:
        ids = list(article_ids)
        known = {r["id"] for r in recs}
        missing = [i for i in ids if i not in known]
        if missing:
            raise InputError(f"article {missing[0]} is not in the store (see `detente articles`)")
        recs = [r for r in recs if r["id"] in set(ids)]
    by_file: dict[Any, list[dt.date]] = {}
    for r in recs:
        if r["date"] is not None and not any(isinstance(w, dict) and w.get("code") == "date_outlier"
                                             for w in _warnings(r)):
            d = r["date"] if isinstance(r["date"], dt.date) else dt.date.fromisoformat(str(r["date"])[:10])
            by_file.setdefault(r["source_file"], []).append(d)
    out = []
    for r in recs:
        out.append(ArticleIn(r["id"], r["text"] or "", int(r["body_start"] or 0),
                             _corrected_date(r, by_file.get(r["source_file"], [])), r["lang"]))
    return out


def _warnings(r: dict[str, Any]) -> list[Any]:
    w = r.get("warnings")
    if isinstance(w, str):
        try:
            w = json.loads(w)
        except json.JSONDecodeError:
            return []
    return w if isinstance(w, list) else []


def write(con: Any, results: list[Extraction]) -> None:
    """Replace the stored extraction of these articles (caller holds the transaction)."""
    ids = [r.article_id for r in results]
    if not ids:
        return
    for table in ("sentences", "mentions", "events", "claims"):
        con.executemany(f"DELETE FROM {table} WHERE article_id = ?", [(i,) for i in ids])
    sents = [(s.id, s.article_id, s.idx, s.start, s.end, s.text) for r in results for s in r.sentences]
    if sents:
        con.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?)", sents)
    ments = [(m.article_id, m.sentence_id, m.start, m.end, m.text, m.actor, m.wikidata, m.country, m.kind)
             for r in results for m in r.mentions]
    if ments:
        con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ments)
    evs = [(e.id, e.article, e.sentence_id, e.sentence, e.start, e.end, e.type, e.mode, e.source, e.source_country,
            e.target, e.target_country, e.date, e.status, e.location, e.trigger, e.note)
           for r in results for e in r.events]
    if evs:
        con.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", evs)
    cls = [(c.id, c.article, c.sentence_id, c.sentence, c.start, c.end, c.actor, c.actor_country, c.issue,
            c.stance, c.note) for r in results for c in r.claims]
    if cls:
        con.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cls)


def extract_articles(con: Any, article_ids: Iterable[str] | None = None, *, batch: int = 200,
                     progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Extract stored articles (all, or `article_ids`) and replace their stored extraction.

    One transaction per batch, so an interruption leaves every article either fully
    re-extracted or as it was. Returns counts.
    """
    from detente.store.db import transaction

    arts = load_articles(con, article_ids)
    counts = Counter(articles=0, sentences=0, mentions=0, events=0, claims=0)
    for i in range(0, len(arts), batch):
        chunk = [extract_article(a) for a in arts[i:i + batch]]
        with transaction(con):
            write(con, chunk)
        for r in chunk:
            counts["articles"] += 1
            counts["sentences"] += len(r.sentences)
            counts["mentions"] += len(r.mentions)
            counts["events"] += len(r.events)
            counts["claims"] += len(r.claims)
        if progress:
            progress(len(chunk))
    return dict(counts)

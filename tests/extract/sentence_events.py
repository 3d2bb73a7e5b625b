"""Test helper: what the whole pipeline extracts from one short text (an article of its own),
and what the rules code in one sentence."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from detente.extract import coref
from detente.extract.pipeline import ArticleIn, extract_article
from detente.extract.rules import code_sentence

ON = dt.date(2025, 10, 24)   # a Friday: the article date of the test sentences


def event_list(text: str, lang: str, on: dt.date = ON) -> list[tuple[str, str, str | None, str]]:
    """(type, source country, target country, status) of every event, in order, repeats kept."""
    x = extract_article(ArticleIn("test#1", text, 0, on, lang))
    return [(e.type, e.source_country, e.target_country, e.status) for e in x.events]


def events(text: str, lang: str, on: dt.date = ON) -> set[tuple[str, str, str | None, str]]:
    """(type, source country, target country, status) of every event."""
    return set(event_list(text, lang, on))


def pairs(text: str, lang: str, on: dt.date = ON) -> set[tuple[str, str, str | None]]:
    """The events as in `events`, without their status: (type, source country, target country)."""
    return {(t, s, g) for t, s, g, _ in events(text, lang, on)}


def events_and_claims(text: str, lang: str, on: dt.date = ON) -> tuple[set, set]:
    """The events as in `events`, and the claims as (actor country, issue, stance)."""
    x = extract_article(ArticleIn("test#1", text, 0, on, lang))
    return ({(e.type, e.source_country, e.target_country, e.status) for e in x.events},
            {(c.actor_country, c.issue, c.stance) for c in x.claims})


def coded_pairs(sentence: str, lang: str, on: dt.date = ON) -> set[tuple[str, str, str | None]]:
    """(type, source country, target country) of what the rules code in one sentence alone."""
    _, coded = code_sentence(sentence, lang, on, discourse=coref.Discourse())
    return {(c.type, c.source.country, c.target.country if c.target else None) for c in coded}


def scored(t: str, s: str | None, g: str | None) -> tuple:
    """(type, source, target) as the check sets score it: the two parties of a CONSULT unordered."""
    return (t,) + (tuple(sorted([s or "", g or ""])) if t == "CONSULT" else (s, g))


def figures(articles) -> dict[str, float | int]:
    """Events precision, recall and F1 of (extracted events, gold (type, source, target) list) pairs,
    each event `scored`, with the counts matched, extracted and annotated."""
    tp = n_pred = n_gold = 0
    for found, gold in articles:
        pred = Counter(scored(e.type, e.source_country, e.target_country) for e in found)
        want = Counter(scored(*g) for g in gold)
        tp += sum((pred & want).values())
        n_pred += sum(pred.values())
        n_gold += sum(want.values())
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "pred": n_pred, "gold": n_gold}


def check_kept_wrong(got: set, kept: set, wrong: set) -> None:
    """Every event of `kept` is in `got`, none of `wrong` is."""
    assert kept <= got, got
    assert not wrong & got, got

"""Test helper: what the whole pipeline extracts from one short text (an article of its own)."""
from __future__ import annotations

import datetime as dt

from detente.extract.pipeline import ArticleIn, extract_article

ON = dt.date(2025, 10, 24)   # a Friday: the article date of the test sentences


def events(text: str, lang: str, on: dt.date = ON) -> set[tuple[str, str, str | None, str]]:
    """(type, source country, target country, status) of every event."""
    x = extract_article(ArticleIn("test#1", text, 0, on, lang))
    return {(e.type, e.source_country, e.target_country, e.status) for e in x.events}


def pairs(text: str, lang: str, on: dt.date = ON) -> set[tuple[str, str, str | None]]:
    """The events as in `events`, without their status: (type, source country, target country)."""
    return {(t, s, g) for t, s, g, _ in events(text, lang, on)}


def events_and_claims(text: str, lang: str, on: dt.date = ON) -> tuple[set, set]:
    """The events as in `events`, and the claims as (actor country, issue, stance)."""
    x = extract_article(ArticleIn("test#1", text, 0, on, lang))
    return ({(e.type, e.source_country, e.target_country, e.status) for e in x.events},
            {(c.actor_country, c.issue, c.stance) for c in x.claims})


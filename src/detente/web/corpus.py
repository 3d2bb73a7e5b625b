"""Corpus data for the pages and the API: the article list and one article with highlights."""

from __future__ import annotations

import json
from typing import Any

import duckdb
from pydantic import BaseModel

from detente.web.highlight import Piece, Span, pieces


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0])


def event_anchor(event_id: str) -> str:
    """The HTML id of an event's sentence on its article page (ids may hold '#' and ':')."""
    return "e-" + "".join(c if c.isalnum() else "-" for c in event_id)


class Warning_(BaseModel):
    code: str
    message: str


class ArticleRow(BaseModel):
    id: str
    title: str | None
    author: str | None
    date: str | None
    lang: str | None
    source: str | None
    source_file: str
    words: int
    warnings: list[Warning_]
    events: int = 0
    mentions: int = 0


class Mention(BaseModel):
    start_char: int
    end_char: int
    text: str
    actor: str | None
    kind: str | None


class ArticleEvent(BaseModel):
    id: str
    sentence_id: str
    anchor: str
    start_char: int
    end_char: int
    type: str
    mode: str | None
    source: str | None
    target: str | None
    date: str | None
    status: str


class ArticleDetail(ArticleRow):
    url: str | None
    text: str
    body_start: int
    mention_list: list[Mention]
    event_list: list[ArticleEvent]


def _warnings(raw: Any) -> list[Warning_]:
    items = json.loads(raw) if isinstance(raw, str) else (raw or [])
    return [Warning_(code=str(w.get("code", "")), message=str(w.get("message", ""))) for w in items]


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def list_articles(con: duckdb.DuckDBPyConnection) -> list[ArticleRow]:
    """All articles, oldest first, with how many events and mentions extraction found."""
    counts = ""
    if has_table(con, "events") and has_table(con, "mentions"):
        counts = (", (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events"
                  ", (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS mentions")
    out = []
    for r in rows(con, "SELECT a.id, a.title, a.author, a.date, a.lang, a.source, a.source_file, "
                       f"a.words, a.warnings{counts} FROM articles a "
                       "ORDER BY a.date NULLS LAST, a.source_file, a.file_index"):
        r["date"] = _iso(r["date"])
        r["warnings"] = _warnings(r["warnings"])
        out.append(ArticleRow(**r))
    return out


def get_article(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleDetail | None:
    """One article with its mentions and events, or None."""
    found = rows(con, "SELECT id, title, author, date, lang, source, source_file, words, warnings, "
                      "url, text, body_start FROM articles WHERE id = ?", [article_id])
    if not found:
        return None
    r = found[0]
    r["date"] = _iso(r["date"])
    r["warnings"] = _warnings(r["warnings"])
    mentions = [Mention(**m) for m in rows(
        con, "SELECT start_char, end_char, text, actor, kind FROM mentions WHERE article_id = ? "
             "ORDER BY start_char", [article_id])] if has_table(con, "mentions") else []
    events = []
    if has_table(con, "events"):
        for e in rows(con, "SELECT id, sentence_id, start_char, end_char, type, mode, source, target, "
                           "date, status FROM events WHERE article_id = ? ORDER BY start_char, id",
                      [article_id]):
            e["date"] = _iso(e["date"])
            events.append(ArticleEvent(anchor=event_anchor(e["id"]), **e))
    return ArticleDetail(mention_list=mentions, event_list=events, events=len(events),
                         mentions=len(mentions), **r)


def article_pieces(article: ArticleDetail) -> list[Piece]:
    """The article text cut for highlighting mentions and event sentences."""
    spans = [Span(m.start_char, m.end_char, "mention", m.actor or m.text) for m in article.mention_list]
    spans += [Span(e.start_char, e.end_char, "event",
                   f"{e.type} {e.source or '?'} \u2192 {e.target or '?'} ({e.status})", e.anchor)
              for e in article.event_list]
    return pieces(article.text, spans)

"""Read-side queries over the stored extraction, for later stages (scenario, web, report)."""

from __future__ import annotations

from typing import Any

from detente.extract.records import CLAIM_FIELDS, EVENT_FIELDS


def _rows(con: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _iso(d: Any) -> Any:
    return d.isoformat() if hasattr(d, "isoformat") else d


def events(con: Any, article: str | None = None, type_: str | None = None) -> list[dict[str, Any]]:
    """Stored events in the gold layout plus id, sentence_id, offsets and trigger."""
    where, params = [], []
    if article:
        where.append("article_id = ?"); params.append(article)
    if type_:
        where.append("type = ?"); params.append(type_.upper())
    sql = ("SELECT id, article_id AS article, sentence_id, sentence, start_char, end_char, type, mode, source, target, "
           "source_country, target_country, date, status, location, trigger, note FROM events"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY article_id, start_char, id")
    out = _rows(con, sql, params)
    for r in out:
        r["date"] = _iso(r["date"])
    return out


def claims(con: Any, article: str | None = None, issue: str | None = None) -> list[dict[str, Any]]:
    where, params = [], []
    if article:
        where.append("article_id = ?"); params.append(article)
    if issue:
        where.append("issue = ?"); params.append(issue)
    sql = ("SELECT id, article_id AS article, sentence_id, sentence, start_char, end_char, actor, actor_country, issue, "
           "stance, note FROM claims" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY article_id, start_char, id")
    return _rows(con, sql, params)


def gold_layout(rec: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {k: rec.get(k) for k in fields}


def events_gold(con: Any) -> list[dict[str, Any]]:
    return [gold_layout(e, EVENT_FIELDS) for e in events(con)]


def claims_gold(con: Any) -> list[dict[str, Any]]:
    return [gold_layout(c, CLAIM_FIELDS) for c in claims(con)]


def stances(con: Any) -> list[dict[str, Any]]:
    """Claims grouped per (actor, actor_country, issue, stance) with their sentences and
    articles: the input of scenario drafting."""
    out: dict[tuple, dict[str, Any]] = {}
    for c in claims(con):
        k = (c["actor"], c["actor_country"], c["issue"], c["stance"])
        g = out.setdefault(k, {"actor": k[0], "actor_country": k[1], "issue": k[2], "stance": k[3], "n": 0, "evidence": []})
        g["n"] += 1
        g["evidence"].append({"article": c["article"], "sentence_id": c["sentence_id"], "sentence": c["sentence"]})
    return sorted(out.values(), key=lambda g: (g["issue"], g["actor"], g["stance"]))


def timeline(con: Any) -> list[dict[str, Any]]:
    """Events in date order (the article's date, corrected where ingest flagged a misprint, when
    the event has none): dashboard and report."""
    sql = ("SELECT e.id, e.article_id AS article, COALESCE(e.date, a.date_suggested, a.date) AS date, "
           "e.date IS NOT NULL AS dated, "
           "e.source, e.source_country, e.target, e.target_country, e.type, e.mode, e.status, e.location, e.sentence "
           "FROM events e LEFT JOIN articles a ON a.id = e.article_id "
           "ORDER BY COALESCE(e.date, a.date_suggested, a.date) NULLS LAST, e.article_id, e.start_char")
    out = _rows(con, sql)
    for r in out:
        r["date"] = _iso(r["date"])
    return out

"""Events, actors and contradictions as the dashboard shows them.

Reads go through the extraction stage's query functions (`detente.extract.queries`) and its
contradiction finder; this module filters and counts for the pages and charts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import duckdb
from pydantic import BaseModel

from detente.extract import contradictions as contra_mod
from detente.extract import queries
from detente.web.corpus import event_anchor, has_table, rows


def _ready(con: duckdb.DuckDBPyConnection) -> bool:
    return has_table(con, "events") and has_table(con, "claims")


class TimelineEvent(BaseModel):
    id: str
    article: str
    date: str | None
    dated: bool
    source: str | None
    source_country: str | None
    target: str | None
    target_country: str | None
    type: str
    mode: str | None
    status: str
    location: str | None
    sentence: str
    link: str


class Timeline(BaseModel):
    events: list[TimelineEvent]
    total: int
    actors: list[str]
    types: list[str]
    statuses: list[str]


def timeline(con: duckdb.DuckDBPyConnection, actor: str | None = None, type_: str | None = None,
             status: str | None = None) -> Timeline:
    """Events in date order, filtered by actor (source or target), PLOVER type and status."""
    if not _ready(con):
        return Timeline(events=[], total=0, actors=[], types=[], statuses=[])
    all_events = queries.timeline(con)
    out = []
    for e in all_events:
        if actor and actor not in (e["source"], e["target"]):
            continue
        if type_ and e["type"] != type_:
            continue
        if status and e["status"] != status:
            continue
        link = f"/articles/{e['article'].replace('#', '%23')}#{event_anchor(e['id'])}"
        out.append(TimelineEvent(link=link, **e))
    actors = sorted({a for e in all_events for a in (e["source"], e["target"]) if a})
    return Timeline(events=out, total=len(all_events), actors=actors,
                    types=sorted({e["type"] for e in all_events}),
                    statuses=sorted({e["status"] for e in all_events}))


class ActorProfile(BaseModel):
    name: str
    kind: str | None
    country: str | None
    wikidata: str | None
    mentions: int
    articles: int
    as_source: dict[str, int]
    as_target: dict[str, int]
    claims: dict[str, dict[str, int]]  # issue -> stance -> count


class Edge(BaseModel):
    source: str
    target: str
    count: int
    types: dict[str, int]


class Actors(BaseModel):
    actors: list[ActorProfile]
    edges: list[Edge]


def actors(con: duckdb.DuckDBPyConnection) -> Actors:
    """Actor profiles (mentions, acts, stances) and the who-did-what-to-whom network."""
    if not _ready(con) or not has_table(con, "mentions"):
        return Actors(actors=[], edges=[])
    mentioned = rows(con, "SELECT actor, any_value(kind) AS kind, any_value(country) AS country, "
                          "any_value(wikidata) AS wikidata, count(*) AS mentions, "
                          "count(DISTINCT article_id) AS articles FROM mentions WHERE actor IS NOT NULL "
                          "GROUP BY actor")
    events = queries.events(con)
    as_source: dict[str, Counter[str]] = defaultdict(Counter)
    as_target: dict[str, Counter[str]] = defaultdict(Counter)
    edges: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for e in events:
        if e["source"]:
            as_source[e["source"]][e["type"]] += 1
        if e["target"]:
            as_target[e["target"]][e["type"]] += 1
        if e["source"] and e["target"]:
            edges[(e["source"], e["target"])][e["type"]] += 1
    stances: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for c in queries.claims(con):
        stances[c["actor"]][c["issue"]][c["stance"]] += 1
    info: dict[str, dict[str, Any]] = {m["actor"]: m for m in mentioned}
    names = set(info) | set(as_source) | set(as_target) | set(stances)
    profiles = [ActorProfile(
        name=n, kind=info.get(n, {}).get("kind"), country=info.get(n, {}).get("country"),
        wikidata=info.get(n, {}).get("wikidata"), mentions=info.get(n, {}).get("mentions", 0),
        articles=info.get(n, {}).get("articles", 0), as_source=dict(as_source[n].most_common()),
        as_target=dict(as_target[n].most_common()),
        claims={i: dict(s) for i, s in sorted(stances[n].items())}) for n in names]
    profiles.sort(key=lambda p: (-(p.mentions + sum(p.as_source.values())), p.name))
    edge_list = [Edge(source=s, target=t, count=sum(c.values()), types=dict(c.most_common()))
                 for (s, t), c in edges.items()]
    edge_list.sort(key=lambda e: (-e.count, e.source, e.target))
    return Actors(actors=profiles, edges=edge_list)


class Report(BaseModel):
    kind: str
    article: str
    sentence: str
    status: str | None = None
    stance: str | None = None
    link: str


class Contradiction(BaseModel):
    kind: str
    point: str
    conflict: str
    first: Report
    second: Report


def _report(kind: str, rec: dict[str, Any]) -> Report:
    link = f"/articles/{rec['article'].replace('#', '%23')}"
    if kind == "event":
        link += f"#{event_anchor(rec['id'])}"
    return Report(kind=kind, article=rec["article"], sentence=rec["sentence"], status=rec.get("status"),
                  stance=rec.get("stance"), link=link)


def contradictions(con: duckdb.DuckDBPyConnection) -> list[Contradiction]:
    """Conflicting reports as the extraction stage finds them (`detente contradictions`)."""
    if not _ready(con):
        return []
    found = contra_mod.find(queries.events(con), queries.claims(con))
    return [Contradiction(kind=c["kind"], point=c["point"], conflict=c["conflict"],
                          first=_report(c["kind"], c["first"]), second=_report(c["kind"], c["second"]))
            for c in found]

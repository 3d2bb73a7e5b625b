"""Conflicting reports: the same actors and point with opposite stance or status.

Two claims conflict when the same actor country holds `support` and `oppose` on one issue in one
article (not one actor both ways in a single sentence, which is a misread sentence).
Two event reports conflict when they concern the same type and the same country pair
(unordered for CONSULT and AGREE, the mutual acts) and one says it happened or is planned
while the other says it was denied or cancelled within one article (e.g. Dmitriev: the presidents agreed a
meeting; Ryabkov: none was ever agreed).
"""

from __future__ import annotations

from typing import Any

_NEGATIVE = {"denied", "cancelled"}
_MUTUAL = {"CONSULT", "AGREE", "COOPERATE"}


def _ekey(e: dict[str, Any]) -> tuple:
    a, b = e.get("source_country"), e.get("target_country")
    if e["type"] in _MUTUAL:
        a, b = sorted([a or "", b or ""])
    return (e["type"], e.get("mode"), a, b)


# which positive reports a negative one contradicts: a denial contradicts a report that it
# happened or is planned; a cancellation contradicts a report that it is planned
_OPPOSITE = {"denied": ("occurred", "planned"), "cancelled": ("planned",)}


def find(events: list[dict[str, Any]], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pairs of conflicting records (pure). Each item: kind, point, first, second."""
    out: list[dict[str, Any]] = []
    by: dict[tuple, list[dict[str, Any]]] = {}
    for e in events:
        by.setdefault(_ekey(e), []).append(e)
    for key, evs in by.items():
        neg = [e for e in evs if e["status"] in _NEGATIVE]
        for n in neg:
            # the closest opposite report in the same article, sharing a named actor if possible
            names = {n.get("source"), n.get("target")}
            cands = sorted((p for p in evs if p["article"] == n["article"] and p["status"] in _OPPOSITE[n["status"]]),
                           key=lambda p: (not ({p.get("source"), p.get("target")} & names),
                                          abs((p.get("start_char") or 0) - (n.get("start_char") or 0))))
            if cands:
                p = cands[0]
                label = key[0] + (f":{key[1]}" if key[1] else "")
                out.append({"kind": "event", "point": f"{label} {key[2]}-{key[3]}",
                            "first": p, "second": n, "conflict": f"{p['status']} vs {n['status']}"})
    byc: dict[tuple, list[dict[str, Any]]] = {}
    for c in claims:
        byc.setdefault((c["actor_country"], c["issue"]), []).append(c)
    for (country, issue), cs in byc.items():
        sup = [c for c in cs if c["stance"] == "support"]
        opp = [c for c in cs if c["stance"] == "oppose"]
        for o in opp:
            # one actor both for and against in one sentence is a misread sentence, not a
            # conflicting report; two officials of one country are (Dmitriev vs Ryabkov)
            same = [s for s in sup if s["article"] == o["article"]
                    and not (s.get("sentence") == o.get("sentence") and s.get("actor") == o.get("actor"))]
            if same:
                out.append({"kind": "claim", "point": f"{country} on {issue}", "first": same[0], "second": o,
                            "conflict": "support vs oppose"})
    return out

"""Scoring against gold files exactly as GUIDELINES.md "Scoring" defines it.

Events match on (article, type, source_country, target_country), the country pair unordered
for CONSULT, as multisets (each gold event matches at most one extracted event); precision,
recall and F1 are micro-averaged. Status and date accuracy are computed on matched pairs.
Claims match on (article, actor_country, issue, stance).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from detente.errors import InputError


def _key(e: dict[str, Any]) -> tuple:
    a, b = e.get("source_country"), e.get("target_country")
    if e.get("type") == "CONSULT":
        a, b = sorted([a or "", b or ""])
    return (e.get("article"), e.get("type"), a, b)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def match_events(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Matched pairs, unmatched predictions, unmatched gold. Within one key, pairs on the same
    sentence are taken first, then pairs with the same status, then in order."""
    by_p: dict[tuple, list[dict]] = defaultdict(list)
    by_g: dict[tuple, list[dict]] = defaultdict(list)
    for e in pred:
        by_p[_key(e)].append(e)
    for e in gold:
        by_g[_key(e)].append(e)
    pairs: list[tuple[dict, dict]] = []
    un_p: list[dict] = []
    un_g: list[dict] = []
    for k in set(by_p) | set(by_g):
        ps, gs = list(by_p.get(k, [])), list(by_g.get(k, []))
        for same in (lambda p, g: p.get("sentence") == g.get("sentence"),
                     lambda p, g: p.get("status") == g.get("status"),
                     lambda p, g: True):
            for g in list(gs):
                p = next((p for p in ps if same(p, g)), None)
                if p is not None:
                    pairs.append((p, g))
                    ps.remove(p)
                    gs.remove(g)
        un_p.extend(ps)
        un_g.extend(gs)
    return pairs, un_p, un_g


def score(pred_events: list[dict[str, Any]], gold_events: list[dict[str, Any]],
          pred_claims: list[dict[str, Any]], gold_claims: list[dict[str, Any]]) -> dict[str, Any]:
    """The evaluation report (pure function of four lists of gold-layout records)."""
    pairs, un_p, un_g = match_events(pred_events, gold_events)
    types = sorted({e["type"] for e in gold_events} | {e["type"] for e in pred_events})
    per_type = {}
    for t in types:
        tp = sum(1 for _, g in pairs if g["type"] == t)
        per_type[t] = _prf(tp, sum(1 for e in pred_events if e["type"] == t), sum(1 for e in gold_events if e["type"] == t))
    # type confusion: an unmatched prediction and an unmatched gold event on the same article and countries
    confusion: Counter[tuple[str, str]] = Counter()
    pool = defaultdict(list)
    for g in un_g:
        pool[(g["article"], frozenset([g.get("source_country"), g.get("target_country")]))].append(g)
    for p in un_p:
        lst = pool.get((p["article"], frozenset([p.get("source_country"), p.get("target_country")])))
        if lst:
            g = lst.pop(0)
            confusion[(g["type"], p["type"])] += 1
    status_ok = sum(1 for p, g in pairs if p.get("status") == g.get("status"))
    date_ok = sum(1 for p, g in pairs if p.get("date") == g.get("date"))
    status_conf = Counter((g.get("status"), p.get("status")) for p, g in pairs)
    ck = lambda c: (c.get("article"), c.get("actor_country"), c.get("issue"), c.get("stance"))  # noqa: E731
    cp, cg = Counter(map(ck, pred_claims)), Counter(map(ck, gold_claims))
    ctp = sum((cp & cg).values())
    per_issue = {}
    for issue in sorted({c.get("issue") for c in gold_claims} | {c.get("issue") for c in pred_claims}):
        ip = Counter({k: v for k, v in cp.items() if k[2] == issue})
        ig = Counter({k: v for k, v in cg.items() if k[2] == issue})
        per_issue[issue] = _prf(sum((ip & ig).values()), sum(ip.values()), sum(ig.values()))
    return {
        "events": _prf(len(pairs), len(pred_events), len(gold_events)),
        "events_per_type": per_type,
        "type_confusion": [{"gold": g, "pred": p, "n": n} for (g, p), n in confusion.most_common()],
        "status_accuracy": round(status_ok / len(pairs), 4) if pairs else 0.0,
        "status_confusion": [{"gold": g, "pred": p, "n": n} for (g, p), n in status_conf.most_common() if g != p],
        "date_accuracy": round(date_ok / len(pairs), 4) if pairs else 0.0,
        "matched": len(pairs),
        "claims": _prf(ctp, sum(cp.values()), sum(cg.values())),
        "claims_per_issue": per_issue,
    }


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not JSON: {exc.msg}") from None
            if not isinstance(obj, dict) or "article" not in obj:
                raise InputError(f"{path}:{n}: not a gold record (needs an object with 'article')")
            out.append(obj)
    return out


def load_gold(folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """events.jsonl and claims.jsonl of a folder in the gold layout."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: gold folder not found")
    events = read_jsonl(folder / "events.jsonl")
    claims_path = folder / "claims.jsonl"
    claims = read_jsonl(claims_path) if claims_path.exists() else []
    for i, e in enumerate(events, 1):
        for f in ("type", "source_country"):
            if f not in e:
                raise InputError(f"{folder / 'events.jsonl'}:{i}: missing field '{f}'")
    return events, claims

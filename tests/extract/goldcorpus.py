"""Cut the gold articles from the corpus as ../shared/gold/check_gold.py does (test helper)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from detente.extract.pipeline import ArticleIn


def gold_articles(gold: Path, corpus: Path) -> list[ArticleIn]:
    arts = [json.loads(l) for l in (gold / "articles.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    by_file: dict[str, list[dict]] = {}
    for a in arts:
        by_file.setdefault(a["file"], []).append(a)
    out = []
    for fname, items in by_file.items():
        text = (corpus / fname).read_text(encoding="utf-8")
        items.sort(key=lambda a: a["index"])
        starts = []
        pos = 0
        for a in items:
            i = text.find(a["first_line"] + "\n", pos)
            starts.append(i)
            pos = i + len(a["first_line"])
        for k, a in enumerate(items):
            end = starts[k + 1] if k + 1 < len(items) else len(text)
            body = text[starts[k]:end]
            first_nl = body.find("\n")
            # header line = the first line unless it also holds body text (003's "date ..." line)
            bs = 0 if len(a["first_line"]) > 200 else first_nl + 1
            date = dt.date.fromisoformat(a["date"]) if a["date"] else None
            out.append(ArticleIn(a["article"], body, bs, date, "de"))
    return out

"""Data-quality warnings that need only one file's articles (pure functions).

Codes (stored in `articles.warnings` as {"code", "message", ...}):
- `no_date`: no publication date found.
- `date_outlier`: the date is far from the median date of the other articles of the same
  file (a multi-article file is a run of columns, so a year off is a typo: 001#5 prints
  21.10.2026 among October 2025). The warning carries `suggested_date`, the printed day and
  month in the year closest to the neighbours; `Article.date_suggested` holds it too.
- `title_repeated`: the title line appears again as the first paragraph.
The store-wide checks (`duplicate`, `near_duplicate`) are in `ingest.py`/`neardup.py`;
`encoding_fallback` is set by the reader.
"""

from __future__ import annotations

import statistics
from datetime import date, timedelta

from detente.corpus.record import Article

OUTLIER_DAYS = 90  # columns in one file span days or weeks; a quarter apart is suspicious
MIN_NEIGHBOURS = 2


def _median_date(dates: list[date]) -> date:
    return date.fromordinal(int(statistics.median(d.toordinal() for d in dates)))


def suggest_date(printed: date, around: date) -> date | None:
    """`printed` with its year replaced so it lies closest to `around`, if that is near."""
    best = None
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            cand = printed.replace(year=year)
        except ValueError:  # 29 February
            continue
        if best is None or abs(cand - around) < abs(best - around):
            best = cand
    if best is not None and abs(best - around) <= timedelta(days=OUTLIER_DAYS) and best != printed:
        return best
    return None


def check_file(articles: list[Article]) -> None:
    """Add no_date, date_outlier and title_repeated warnings to the articles of one file."""
    for i, art in enumerate(articles):
        if art.date is None:
            art.warn("no_date", "no publication date found")
            continue
        others = [a.date for j, a in enumerate(articles) if j != i and a.date is not None]
        if len(others) < MIN_NEIGHBOURS:
            continue
        mid = _median_date(others)
        gap = abs((art.date - mid).days)
        if gap <= OUTLIER_DAYS:
            continue
        likely = suggest_date(art.date, mid)
        msg = (f"date {art.date.isoformat()} is {gap} days from the other articles in this file "
               f"(median {mid.isoformat()})")
        if likely:
            art.date_suggested = likely
            art.warn("date_outlier", f"{msg}; likely {likely.isoformat()}", suggested_date=likely.isoformat())
        else:
            art.warn("date_outlier", msg)


def title_repeated(art: Article) -> None:
    art.warn("title_repeated", "the title is repeated as the first paragraph")

"""Extraction speed: sentences per second on one core and peak memory, for N articles.

Articles are the example corpus articles repeated (with the article id varied) until N are
reached; extraction is the pure `extract_article` (no store I/O), run in this one process
(one core). Memory is sampled as peak RSS growth after each 1,000 articles, so a leak shows
as a rising series ("flat memory" = the series stays level).

    .venv/bin/python bench/extract.py [--articles 10000] [--json bench/results/extract.json]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "extract.json")
    args = ap.parse_args()

    from detente.corpus.ingest import ingest_paths
    from detente.extract.lexicon import languages, load_lexicon
    from detente.extract.pipeline import ArticleIn, extract_article, load_articles
    from detente.store.db import connect

    con = connect(":memory:")
    ingest_paths(con, [ROOT / "examples" / "ukraine-2025" / "corpus"])
    seed = load_articles(con)
    con.close()
    # load lexicons and the lemmatizer once, outside the timing (every language's lexicon: the
    # seed articles are all 'de' but hold English sentences, whose lexicon load, ~0.15 s, was timed)
    for lang in languages():
        load_lexicon(lang)
    extract_article(seed[0])
    base_rss = _rss_mb()
    n_sent = n_ev = 0
    samples = []
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    for i in range(args.articles):
        a = seed[i % len(seed)]
        x = extract_article(ArticleIn(f"{a.id}~{i}", a.text, a.body_start, a.date, a.lang))
        n_sent += len(x.sentences)
        n_ev += len(x.events)
        if (i + 1) % 1000 == 0:
            samples.append(round(_rss_mb() - base_rss, 1))
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    res = {"articles": args.articles, "sentences": n_sent, "events": n_ev, "seconds_wall": round(wall, 2),
           "seconds_cpu": round(cpu, 2), "sentences_per_second_per_core": round(n_sent / cpu, 1),
           "peak_rss_mb": round(_rss_mb(), 1), "rss_growth_mb_per_1000_articles": samples,
           "python": sys.version.split()[0]}
    print(f"{n_sent} sentences from {args.articles} articles in {cpu:.1f} s CPU ({wall:.1f} s wall): "
          f"{res['sentences_per_second_per_core']:.0f} sentences/s/core; peak RSS {res['peak_rss_mb']:.0f} MB; "
          f"RSS growth per 1,000 articles: {samples}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

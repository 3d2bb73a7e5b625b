"""Ingest throughput and memory: articles per second and peak memory for 10,000 articles.

The corpus is the seed corpus (examples/ukraine-2025/corpus) replicated under distinct file
names (so distinct ids); each replica gets one extra sentence per article ("Kopie K."), so
every text is new (no exact-duplicate shortcut) but a near-duplicate of its replica-0 twin,
which exercises the worst case of the MinHash/LSH check. Memory is sampled after every file:
resident set size (RSS, psutil) and the Python heap (tracemalloc, optional since it slows the
run, `--tracemalloc`) and what DuckDB reports for its buffer pool (`duckdb_memory()`), which
caches store pages and grows with the store up to its `memory_limit` (`--memory-limit`). Flat
memory = RSS outside DuckDB's buffers (and the heap) at 10,000 articles close to their values
at 2,000: the ingest itself holds one file at a time.

    .venv/bin/python bench/ingest.py [--articles 10000] [--tracemalloc] [--out bench/results/ingest.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import psutil

from detente.corpus import ingest_paths
from detente.corpus.split import HEADER
from detente.store.db import connect

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "ukraine-2025" / "corpus"


def make_corpus(folder: Path, n_articles: int) -> int:
    """Write replicas of the seed files until `n_articles` articles exist; returns the count."""
    seeds = [(p, p.read_text(encoding="utf-8")) for p in sorted(SEED.glob("*.txt"))]
    made, k = 0, 0
    while made < n_articles:
        for path, text in seeds:
            if made >= n_articles:
                break
            tag = f"Kopie {k}."
            if HEADER.search(text):
                heads = list(HEADER.finditer(text))
                take = min(len(heads), n_articles - made)
                end = heads[take].start() if take < len(heads) else len(text)
                new = HEADER.sub(lambda m: f"{m.group(0)}\n{tag}", text[:end])
                made += take
            else:
                new = text.rstrip("\n") + f"\n\n{tag}\n"
                made += 1
            (folder / f"r{k:05d}_{path.name}").write_text(new, encoding="utf-8")
        k += 1
    return made


def duckdb_mb(con) -> float:
    """Memory DuckDB itself reports (buffer pool: cached table pages and indexes)."""
    return con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0] / 2**20


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ingest.json")
    ap.add_argument("--tracemalloc", action="store_true", help="also track the Python heap (about 2x slower)")
    ap.add_argument("--memory-limit", help="DuckDB memory_limit, e.g. 64MB (its buffer pool caches the store)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        n = make_corpus(corpus, args.articles)
        con = connect(Path(tmp) / "bench.duckdb")
        if args.memory_limit:
            con.execute(f"SET memory_limit = '{args.memory_limit}'")
        samples: list[dict] = []
        done = [0]
        rss0 = rss_mb()
        if args.tracemalloc:
            tracemalloc.start()
        t0 = time.perf_counter()
        step = max(1, n // 10)

        def sample(result) -> None:
            before = done[0]
            done[0] += len(result.ids)
            if done[0] // step > before // step or done[0] == n:
                heap = tracemalloc.get_traced_memory()[0] / 2**20 if tracemalloc.is_tracing() else None
                rss, duck = rss_mb(), duckdb_mb(con)
                samples.append({"articles": done[0], "seconds": round(time.perf_counter() - t0, 2),
                                "rss_mb": round(rss, 1), "duckdb_mb": round(duck, 1),
                                "rss_minus_duckdb_mb": round(rss - duck, 1), "py_heap_mb": heap and round(heap, 1)})
                print(f"{done[0]:>6} articles  {samples[-1]['seconds']:>7.1f} s  RSS {rss:.0f} MB "
                      f"(DuckDB buffers {duck:.0f} MB, rest {rss - duck:.0f} MB)"
                      + (f"  Python heap {heap:.1f} MB" if heap is not None else ""), flush=True)

        report = ingest_paths(con, [corpus], on_file=sample)
        elapsed = time.perf_counter() - t0
        heap_peak = tracemalloc.get_traced_memory()[1] / 2**20 if tracemalloc.is_tracing() else None
        con.close()
        db_mb = (Path(tmp) / "bench.duckdb").stat().st_size / 2**20

    first = next(s for s in samples if s["articles"] >= n // 5)
    result = {
        "articles": report.articles_written,
        "files": len(report.files),
        "seconds": round(elapsed, 2),
        "articles_per_second": round(report.articles_written / elapsed, 1),
        "rss_start_mb": round(rss0, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "py_heap_peak_mb": heap_peak and round(heap_peak, 1),
        "rss_growth_after_20pct_mb": round(samples[-1]["rss_mb"] - first["rss_mb"], 1),
        "rss_minus_duckdb_growth_after_20pct_mb": round(samples[-1]["rss_minus_duckdb_mb"] - first["rss_minus_duckdb_mb"], 1),
        "duckdb_memory_limit": args.memory_limit,
        "db_mb": round(db_mb, 1),
        "tracemalloc": args.tracemalloc,
        "samples": samples,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": psutil.cpu_count(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{result['articles']} articles in {result['seconds']} s = {result['articles_per_second']} articles/s; "
          f"peak RSS {result['peak_rss_mb']} MB, RSS growth from {first['articles']} to {n} articles "
          f"{result['rss_growth_after_20pct_mb']} MB (outside DuckDB's buffers "
          f"{result['rss_minus_duckdb_growth_after_20pct_mb']} MB)"
          + (f", Python heap peak {heap_peak:.1f} MB" if heap_peak is not None else "") + f" -> {args.out}")


if __name__ == "__main__":
    sys.exit(main())

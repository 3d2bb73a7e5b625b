"""Scale-out figures: extraction (articles/s) and Monte Carlo (draws/s) on 1 and 2 Dask
worker processes, parallel efficiency, and peak memory per worker at two corpus sizes.

Corpus: `--articles` synthetic articles made by recombining the sentences of the example
corpus (examples/ukraine-2025/corpus): article i takes `--sentences` sentences drawn with
seed i, gets the id ``bench#i`` and a date stepping one day per article through 2025; the
text is German/English news prose exactly as the seed articles have it. Forecast: the
example scenario, `--draws` draws, the models in `--models`.

Each configuration runs on a fresh `LocalCluster(processes=True, threads_per_worker=1,
host=127.0.0.1)`, through the same `DaskExecutor` the CLI uses; work is timed from the first
submit to the last result. Efficiency = rate(2 workers) / (2 x rate(1 worker)); the issue's
target is >= 0.85. Peak memory per worker is the workers' max RSS (getrusage) after a run,
measured at `--articles`/4 and `--articles` articles (VmHWM): flat means the chunked run holds one
chunk per worker, not the corpus. On a machine with fewer than 2 free cores the efficiency
measures the contention, not the code; the JSON records the core count and load average.

    .venv/bin/python bench/scale.py [--articles 100000] [--draws 1000000] [--out bench/results/scale.json]
"""

from __future__ import annotations

import os

for _var in ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core per worker process (inherited by the workers)

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "ukraine-2025" / "corpus"
SCENARIO = ROOT / "examples" / "ukraine-2025" / "scenario.yaml"


def sentence_pool() -> list[str]:
    """Every sentence of the example corpus's article bodies (the extractor's own splitter)."""
    from detente.corpus import read_file
    from detente.extract import sentences

    pool = []
    for f in sorted(CORPUS.glob("*.txt")):
        for art in read_file(f):
            pool += [art.text[s:e].strip() for s, e in sentences.split(art.text, art.body_start)]
    return [s for s in pool if len(s) > 20]


def make_corpus(n: int, per_article: int, pool: list[str]) -> list:
    from detente.extract.pipeline import ArticleIn

    start = dt.date(2025, 1, 1)
    out = []
    for i in range(n):
        rng = random.Random(i)
        text = " ".join(rng.sample(pool, per_article))
        out.append(ArticleIn(f"bench#{i + 1}", text, 0, start + dt.timedelta(days=i % 365), None))
    return out


def peak_rss_mb(client) -> list[float]:
    """Each worker's peak RSS: VmHWM of /proc/self/status. Not getrusage's ru_maxrss: Linux
    keeps that across fork+exec, so a worker would report its parent's (this script's) peak."""
    def rss() -> float:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB -> MB
        return float("nan")

    return sorted(round(v, 1) for v in client.run(rss).values())


def with_cluster(workers: int, fn):
    from distributed import Client, LocalCluster

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lc = LocalCluster(processes=True, n_workers=workers, threads_per_worker=1, host="127.0.0.1",
                          dashboard_address=None)
    try:
        with Client(lc) as client:
            client.wait_for_workers(workers)
            from detente.execution import DaskExecutor

            client.run(fn, None, True)  # on every worker: imports, lexicons, numba caches
            with DaskExecutor(lc.scheduler_address) as ex:
                t = time.perf_counter()
                out = fn(ex, False)
                secs = time.perf_counter() - t
            return secs, out, peak_rss_mb(client)
    finally:
        lc.close()


def extraction_run(arts: list, chunk: int):
    from detente.execution.chunks import batches, chunk_id
    from detente.execution.extraction import extract_chunk

    groups = [list(g) for g in batches(arts, chunk)]

    def run(ex, warmup: bool):
        if warmup:  # called on a worker: one small chunk
            return extract_chunk(groups[0][:5])["events"].num_rows
        keys = [chunk_id("bench-extract", len(arts), i) for i in range(len(groups))]
        events = 0
        for _, tables in ex.imap(extract_chunk, groups, keys):
            events += tables["events"].num_rows
        return events
    return run


def montecarlo_run(inputs, specs, draws: int, seed: int = 0):
    from detente.execution.montecarlo import run_variants

    def run(ex, warmup: bool):
        if warmup:  # called on a worker: a few hundred draws through every model
            return len(run_variants(specs, inputs.ranges, seed, 300, notes=[])[0])
        return run_variants(specs, inputs.ranges, seed, draws, executor=ex, notes=[])[0]
    return run


def classes(specs, inputs, res, draws: int, seed: int = 0) -> dict:
    """The forecast's pooled class probabilities (client side, outside the timed part)."""
    from detente.forecast.montecarlo import summarise

    return summarise(specs, res, inputs.regions, inputs.ranges.issues, seed, draws, inputs.class_mode).to_json()["classes"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--sentences", type=int, default=4, help="sentences per synthetic article")
    ap.add_argument("--chunk-articles", type=int, default=100)
    ap.add_argument("--draws", type=int, default=1_000_000)
    ap.add_argument("--models", default="compromise,median,nash",
                    help="models of the Monte Carlo run (ks, bdm and smp are minutes per 1M draws on one core)")
    ap.add_argument("--skip", choices=("extract", "montecarlo"), action="append", default=[])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    result: dict = {"machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg(),
                                "python": platform.python_version(), "platform": platform.platform()},
                    "target_efficiency": 0.85}
    if "extract" not in args.skip:
        pool = sentence_pool()
        arts = make_corpus(args.articles, args.sentences, pool)
        ext = {"articles": args.articles, "sentences_per_article": args.sentences, "sentence_pool": len(pool),
               "chunk_articles": args.chunk_articles, "workers": {}}
        for w in (1, 2):
            secs, events, rss = with_cluster(w, extraction_run(arts, args.chunk_articles))
            ext["workers"][str(w)] = {"seconds": round(secs, 2), "articles_per_s": round(args.articles / secs, 1),
                                      "events": events, "peak_rss_mb_per_worker": rss}
            print(f"extract  {w} worker(s): {args.articles / secs:10.1f} articles/s  ({secs:.1f} s, {events} events, "
                  f"peak RSS/worker {rss} MB)", flush=True)
        r1, r2 = (ext["workers"][k]["articles_per_s"] for k in ("1", "2"))
        ext["efficiency"] = round(r2 / (2 * r1), 3)
        small = max(args.chunk_articles * 4, args.articles // 4)
        _, _, rss_small = with_cluster(2, extraction_run(arts[:small], args.chunk_articles))
        ext["memory_flatness"] = {"articles": [small, args.articles],
                                  "peak_rss_mb_per_worker": [rss_small, ext["workers"]["2"]["peak_rss_mb_per_worker"]],
                                  "ratio_max": round(max(ext["workers"]["2"]["peak_rss_mb_per_worker"]) / max(rss_small), 3)}
        print(f"extract  efficiency 1->2 workers {ext['efficiency']:.2f}; peak RSS/worker {rss_small} MB at {small} "
              f"articles vs {ext['workers']['2']['peak_rss_mb_per_worker']} MB at {args.articles}", flush=True)
        result["extract"] = ext
    if "montecarlo" not in args.skip:
        from detente.forecast.montecarlo import select_models
        from detente.forecast.scenario_inputs import scenario_inputs
        from detente.scenario.load import load_scenario

        inputs = scenario_inputs(load_scenario(SCENARIO))
        specs = select_models(args.models.split(","))
        mc = {"draws": args.draws, "models": list(specs), "workers": {}}
        answers = []
        for w in (1, 2):
            secs, res, rss = with_cluster(w, montecarlo_run(inputs, specs, args.draws))
            answers.append(classes(specs, inputs, res, args.draws))
            del res
            mc["workers"][str(w)] = {"seconds": round(secs, 2), "draws_per_s": round(args.draws / secs, 1),
                                     "peak_rss_mb_per_worker": rss}
            print(f"forecast {w} worker(s): {args.draws / secs:10.1f} draws/s  ({secs:.1f} s, peak RSS/worker {rss} MB)",
                  flush=True)
        r1, r2 = (mc["workers"][k]["draws_per_s"] for k in ("1", "2"))
        mc["efficiency"] = round(r2 / (2 * r1), 3)
        mc["same_result_on_1_and_2_workers"] = answers[0] == answers[1]
        print(f"forecast efficiency 1->2 workers {mc['efficiency']:.2f}; identical results: "
              f"{mc['same_result_on_1_and_2_workers']}", flush=True)
        result["montecarlo"] = mc
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

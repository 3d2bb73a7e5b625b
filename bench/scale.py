"""Scale-out figures: extraction (articles/s) and Monte Carlo (draws/s) on 1 and 2 Dask
worker processes, parallel efficiency, and memory per worker at two corpus sizes.

Corpus: synthetic articles made by recombining the sentences of the example corpus
(examples/ukraine-2025/corpus): article i takes `--sentences` sentences drawn with seed i,
gets the id ``bench#i`` and a date stepping one day per article through 2025; the text is
German/English news prose exactly as the seed articles have it. The corpus is generated
shard by shard (`--shard-articles` per Parquet file, one row group per chunk) into
`--work` and never held in memory; the small corpus is the first shards of the big one.

Extraction runs exactly as `detente extract --workers N` does on one machine
(`detente.execution.extraction.run_chunks` then `merge`): a chunk is (shard, row group);
the worker reads its articles from the shard, extracts them and writes its Parquet
partition itself; the client only waits. Then the partitions are merged into a fresh
DuckDB store in one transaction. Reported separately per configuration:

* start-up: `LocalCluster` start, then warm-up (imports, lexicons, numba caches) on every
  worker; not part of the rates;
* extraction phase: first submit to last chunk done -> `extract_articles_per_s`;
* merge phase (serial, in the client; DuckDB uses the cores) -> `merge_s`;
* whole extraction = extraction + merge -> `articles_per_s` (the issue's figure);
* CPU seconds of the workers and of the client process (client, scheduler and nannies
  live there), so a loaded machine can still be judged: `cpu_overhead` is the CPU the
  run burnt beyond the 1-worker run's worker CPU, as a share of it;
* memory per worker: RSS sampled every 0.25 s during the run (max) and VmHWM at the end.

Efficiency = rate(2 workers) / (2 x rate(1 worker)); the issue's target is >= 0.85. Wall
clock rates measure contention on a machine with fewer than 2 free cores: the JSON records
the core count and the load average before and after.

    .venv/bin/python bench/scale.py [--articles 100000] [--small-articles 10000] [--draws 1000000]
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
import shutil  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
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


def article(i: int, per_article: int, pool: list[str]):
    """Synthetic article i (from 0): its own seed, id, date."""
    from detente.extract.pipeline import ArticleIn

    text = " ".join(random.Random(i).sample(pool, per_article))
    return ArticleIn(f"bench#{i + 1}", text, 0, dt.date(2025, 1, 1) + dt.timedelta(days=i % 365), None)


def write_shards(folder: Path, n: int, per_article: int, chunk: int, shard_articles: int) -> list[Path]:
    """Shards of `n` articles in `folder` (reused when already complete): one shard in memory at a time."""
    from detente.execution.extraction import write_snapshot

    folder.mkdir(parents=True, exist_ok=True)
    done = folder / f"complete-{n}-{per_article}-{chunk}-{shard_articles}"
    paths = [folder / f"news-{s:05d}.parquet" for s in range(-(-n // shard_articles))]
    if done.exists():
        return paths
    pool = sentence_pool()
    for s, path in enumerate(paths):
        lo, hi = s * shard_articles, min(n, (s + 1) * shard_articles)
        arts = [article(i, per_article, pool) for i in range(lo, hi)]
        write_snapshot([arts[a:a + chunk] for a in range(0, len(arts), chunk)], path)
    done.write_text("")
    return paths


def slices(shards: list[Path], n: int) -> list[tuple]:
    """(ArticleSlice, articles, characters) for the row groups holding the first `n` articles."""
    import pyarrow.parquet as pq

    from detente.execution.extraction import ArticleSlice

    out, seen = [], 0
    for p in shards:
        md = pq.ParquetFile(p).metadata
        for rg in range(md.num_row_groups):
            if seen >= n:
                return out
            g = md.row_group(rg)
            out.append((ArticleSlice(str(p), rg), g.num_rows, g.column(1).total_uncompressed_size))
            seen += g.num_rows
    return out


class MemorySampler:
    """Max RSS of the worker processes, sampled every `every` seconds in a thread."""

    def __init__(self, pids: list[int], every: float = 0.25) -> None:
        import psutil

        self.procs = [psutil.Process(p) for p in pids]
        self.peak = [0.0] * len(pids)
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for i, p in enumerate(self.procs):
                try:
                    self.peak[i] = max(self.peak[i], p.memory_info().rss / 2**20)
                except Exception:  # noqa: BLE001 - a worker that just exited
                    pass
            self._stop.wait(self.every)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def vm_hwm() -> float:
    """This process's peak RSS in MB (VmHWM; not ru_maxrss, which Linux keeps across fork+exec)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pids: list[int]) -> list[float]:
    import psutil

    out = []
    for p in pids:
        c = psutil.Process(p).cpu_times()
        out.append(c.user + c.system)
    return out


def warm_extract() -> int:
    """On a worker: import the extractor and load its lexicons (one short article)."""
    from detente.execution.extraction import extract_chunk
    from detente.extract.pipeline import ArticleIn

    art = ArticleIn("warm#1", "Putin traf Trump in Alaska. Die Ukraine lehnte den Plan ab. "
                              "Russia rejected the ceasefire proposal, the Kremlin said.", 0, dt.date(2025, 8, 15), None)
    return extract_chunk([art])["events"].num_rows


def configuration(workers: int, warm, work) -> dict:
    """Start a LocalCluster of `workers` processes as `detente --workers N` does, warm it,
    then time `work(executor)` with CPU and memory per process."""
    import dask
    from distributed import Client, LocalCluster

    from detente.execution import DaskExecutor
    from detente.execution.executor import QUIET_WORKERS

    t0 = time.perf_counter()
    with warnings.catch_warnings(), dask.config.set(QUIET_WORKERS):
        warnings.simplefilter("ignore")
        lc = LocalCluster(processes=True, n_workers=workers, threads_per_worker=1, host="127.0.0.1",
                          dashboard_address=None)
    try:
        with Client(lc, set_as_default=False) as client:
            client.wait_for_workers(workers)
            started = time.perf_counter() - t0
            client.run(warm)
            warmed = time.perf_counter() - t0 - started
            pids = list(client.run(os.getpid).values())
            me = os.getpid()
            with DaskExecutor(lc.scheduler_address) as ex, MemorySampler(pids) as mem:
                out = work(ex, lambda: cpu_seconds([*pids, me]))
            hwm = sorted(round(v, 1) for v in client.run(vm_hwm).values())
    finally:
        lc.close()
    return {"startup_s": round(started, 2), "warmup_s": round(warmed, 2), **out,
            "rss_mb_per_worker": {"sampled_max": sorted(round(v, 1) for v in mem.peak), "vmhwm": hwm}}


def cpu_split(c0: list[float], c1: list[float]) -> dict:
    """CPU seconds between two `cpu_seconds` readings: per worker, and the client process."""
    d = [round(b - a, 2) for a, b in zip(c0, c1)]
    return {"workers": d[:-1], "client_process": d[-1]}


def extraction(shards: list[Path], n: int, workers: int, tmp: Path) -> dict:
    """One configuration of the extraction bench over the first `n` articles of `shards`."""
    from detente.execution.chunks import chunk_id
    from detente.execution.extraction import ChunkTask, merge, run_chunks
    from detente.store.db import connect

    parts = tmp / f"parts-{n}-{workers}"
    db = tmp / f"store-{n}-{workers}.duckdb"
    shutil.rmtree(parts, ignore_errors=True)
    db.unlink(missing_ok=True)
    sl = slices(shards, n)
    tasks = [ChunkTask(chunk_id("bench-extract", s.path, s.row_group, n), s, str(parts)) for s, _, _ in sl]

    def work(ex, cpu) -> dict:
        c0, t = cpu(), time.perf_counter()
        counts = run_chunks(ex, tasks, parts, weights=[c for _, _, c in sl])
        secs, c1 = time.perf_counter() - t, cpu()
        con = connect(db)
        t = time.perf_counter()
        merged = merge(con, parts, [tk.cid for tk in tasks], [f"bench#{i + 1}" for i in range(n)])
        merge_s, c2 = time.perf_counter() - t, cpu()
        con.close()
        part_mb = sum(f.stat().st_size for f in parts.rglob("*.parquet")) / 2**20
        return {"extract_s": round(secs, 2), "merge_s": round(merge_s, 2), "chunks": len(tasks),
                "extract_articles_per_s": round(n / secs, 1), "articles_per_s": round(n / (secs + merge_s), 1),
                "rows": counts, "rows_merged": merged, "partition_mb": round(part_mb, 1),
                "cpu_s": cpu_split(c0, c1), "merge_cpu_s": cpu_split(c1, c2),
                "cpu_ms_per_article": {"workers": round((sum(c1[:-1]) - sum(c0[:-1])) / n * 1000, 4),
                                       "client_process": round((c1[-1] - c0[-1]) / n * 1000, 4)}}

    res = configuration(workers, warm_extract, work)
    shutil.rmtree(parts, ignore_errors=True)
    db.unlink(missing_ok=True)
    return res


def efficiency(one: dict, two: dict, rate: str) -> dict:
    """Wall-clock efficiency 1 -> 2 workers, and the CPU figures that hold on a loaded machine."""
    out = {rate: round(two[rate] / (2 * one[rate]), 3)}
    base = sum(one["cpu_s"]["workers"])
    total2 = sum(two["cpu_s"]["workers"]) + two["cpu_s"]["client_process"]
    out["cpu_overhead"] = round(total2 / base - 1, 3)  # extra CPU of the 2-worker run vs the 1-worker run's workers
    out["client_share"] = round(two["cpu_s"]["client_process"] / total2, 3)  # of the 2-worker run's CPU
    return out


def montecarlo(inputs, specs, draws: int, workers: int) -> dict:
    from detente.execution.montecarlo import run_variants
    from detente.forecast.montecarlo import summarise

    def warm() -> int:
        return len(run_variants(specs, inputs.ranges, 0, 300, notes=[])[0])

    answer: list = []

    def work(ex, cpu) -> dict:
        c0, t = cpu(), time.perf_counter()
        res = run_variants(specs, inputs.ranges, 0, draws, executor=ex, notes=[])[0]
        secs, c1 = time.perf_counter() - t, cpu()
        answer.append(summarise(specs, res, inputs.regions, inputs.ranges.issues, 0, draws,
                                inputs.class_mode).to_json()["classes"])
        return {"seconds": round(secs, 2), "draws_per_s": round(draws / secs, 1), "cpu_s": cpu_split(c0, c1)}

    res = configuration(workers, warm, work)
    res["classes"] = answer[0]
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--small-articles", type=int, default=10_000, help="the second corpus size (memory flatness)")
    ap.add_argument("--sentences", type=int, default=4, help="sentences per synthetic article")
    ap.add_argument("--chunk-articles", type=int, default=None, help="default: detente extract's")
    ap.add_argument("--shard-articles", type=int, default=10_000)
    ap.add_argument("--draws", type=int, default=1_000_000)
    ap.add_argument("--models", default="compromise,median,nash",
                    help="models of the Monte Carlo run (ks, bdm and smp are minutes per 1M draws on one core)")
    ap.add_argument("--skip", choices=("extract", "montecarlo"), action="append", default=[])
    ap.add_argument("--work", type=Path, default=None, help="folder for shards and stores (default: a temporary one)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    from detente.execution.extraction import CHUNK_ARTICLES

    chunk = args.chunk_articles or CHUNK_ARTICLES
    result: dict = {"machine": {"cpus": os.cpu_count(), "load_average_before": os.getloadavg(),
                                "python": platform.python_version(), "platform": platform.platform()},
                    "target_efficiency": 0.85}
    tmp = args.work or Path(tempfile.mkdtemp(prefix="detente-scale-"))
    try:
        if "extract" not in args.skip:
            t = time.perf_counter()
            shards = write_shards(tmp / "shards", args.articles, args.sentences, chunk, args.shard_articles)
            ext = {"sentences_per_article": args.sentences, "chunk_articles": chunk,
                   "shard_articles": args.shard_articles, "generate_s": round(time.perf_counter() - t, 1), "sizes": {}}
            for n in sorted({min(args.small_articles, args.articles), args.articles}):
                size = {"workers": {}}
                for w in (1, 2):
                    r = size["workers"][str(w)] = extraction(shards, n, w, tmp)
                    print(f"extract {n:>7,} articles, {w} worker(s): {r['articles_per_s']:8.1f} articles/s whole "
                          f"({r['extract_articles_per_s']:.1f}/s extraction {r['extract_s']} s + merge {r['merge_s']} s; "
                          f"start-up {r['startup_s']} + warm-up {r['warmup_s']} s); extraction CPU s workers "
                          f"{r['cpu_s']['workers']} client {r['cpu_s']['client_process']}; RSS/worker "
                          f"{r['rss_mb_per_worker']['sampled_max']} MB", flush=True)
                one, two = size["workers"]["1"], size["workers"]["2"]
                size["efficiency"] = {"extraction_phase": efficiency(one, two, "extract_articles_per_s"),
                                      "whole": round(two["articles_per_s"] / (2 * one["articles_per_s"]), 3)}
                print(f"extract {n:>7,} articles: efficiency 1->2 workers {size['efficiency']}", flush=True)
                ext["sizes"][str(n)] = size
            sizes = sorted(ext["sizes"], key=int)
            peaks = [max(ext["sizes"][k]["workers"]["2"]["rss_mb_per_worker"]["sampled_max"]) for k in sizes]
            ext["memory_per_worker"] = {"articles": [int(k) for k in sizes], "max_rss_mb_2_workers": peaks,
                                        "ratio": round(peaks[-1] / peaks[0], 3)}
            print(f"memory per worker (2 workers): {dict(zip(sizes, peaks))} MB", flush=True)
            result["extract"] = ext
        if "montecarlo" not in args.skip:
            from detente.forecast.montecarlo import select_models
            from detente.forecast.scenario_inputs import scenario_inputs
            from detente.scenario.load import load_scenario

            inputs = scenario_inputs(load_scenario(SCENARIO))
            specs = select_models(args.models.split(","))
            mc = {"draws": args.draws, "models": list(specs), "workers": {}}
            for w in (1, 2):
                r = mc["workers"][str(w)] = montecarlo(inputs, specs, args.draws, w)
                print(f"forecast {w} worker(s): {r['draws_per_s']:10.1f} draws/s ({r['seconds']} s; start-up "
                      f"{r['startup_s']} + warm-up {r['warmup_s']} s; CPU s workers {r['cpu_s']['workers']} client "
                      f"{r['cpu_s']['client_process']}; RSS/worker {r['rss_mb_per_worker']['sampled_max']} MB)", flush=True)
            one, two = mc["workers"]["1"], mc["workers"]["2"]
            mc["efficiency"] = efficiency(one, two, "draws_per_s")
            mc["same_result_on_1_and_2_workers"] = one.pop("classes") == two.pop("classes")
            print(f"forecast efficiency 1->2 workers {mc['efficiency']}; identical results: "
                  f"{mc['same_result_on_1_and_2_workers']}", flush=True)
            result["montecarlo"] = mc
    finally:
        if args.work is None:
            shutil.rmtree(tmp, ignore_errors=True)
    result["machine"]["load_average_after"] = os.getloadavg()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

"""Speed of every registered bargaining model: draws per second for n = 10, 30, 100, 300
actors, one issue, 10,000 Monte Carlo draws, on one core; scaling in n and peak memory.

For each model and n: one warm-up call on a few draws (numba compiles on first use; the
first call's time, compilation included, is reported as `first_call_s`), then the best of
`--repeat` timed calls on the same draws. Where 10,000 draws would take longer than
`--budget` seconds (slow models at large n) the run uses fewer draws and says so
(`draws`). Both wall-clock and CPU time (process_time) are reported: on a shared machine
the CPU figure is the one that does not depend on other processes. Peak memory: the peak of Python-tracked allocations (NumPy arrays, via
tracemalloc) during one call, and the process's maximum resident set size. Scaling: the
slope of log(time per draw) against log(n).

Models whose spec has `optional_trajectory` (bdm, smp) are called as Monte Carlo calls them,
with ``trajectory=False`` (same outcome, no rounds x actors history); ``--trajectory`` times
them building it.

Targets (issue 4, one core, n = 30): compromise and median >= 1,000,000 draws/s; bdm
(10 rounds) >= 5,000 draws/s.

    .venv/bin/python bench/models.py [--draws 10000] [--sizes 10,30,100,300] [--out bench/results/models.json]
"""

from __future__ import annotations

import os

for _var in ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
import warnings  # noqa: E402
from dataclasses import replace  # noqa: E402
from functools import partial  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from detente.forecast.models import registry  # noqa: E402

TARGETS = {"compromise": 1_000_000, "median": 1_000_000, "bdm": 5_000}  # draws/s at n = 30


def inputs(draws: int, n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Random scenarios: capability (draws, n), position and salience (draws, n, 1)."""
    rng = np.random.default_rng(seed)
    return (
        rng.uniform(1.0, 100.0, (draws, n)),
        rng.uniform(0.0, 100.0, (draws, n, 1)),
        rng.uniform(0.1, 1.0, (draws, n, 1)),
    )


def measure(spec: registry.ModelSpec, n: int, draws: int, repeat: int, budget: float, seed: int,
            trajectory: bool = False) -> dict:
    c, x, s = inputs(draws, n, seed)
    if spec.optional_trajectory and not trajectory:
        spec = replace(spec, predict=partial(spec.predict, trajectory=False))
    t0 = time.perf_counter()
    spec.predict(c[:1], x[:1], s[:1])  # warm-up: compiles numba kernels (cached on disk)
    first = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    spec.predict(c[:1], x[:1], s[:1])
    per_draw = time.perf_counter() - t0
    if per_draw > budget:  # one draw already exceeds the budget: report that draw alone
        best, cpu, used, peak = per_draw, time.process_time() - c0, 1, None
    else:
        used = int(min(draws, max(1, budget / max(per_draw, 1e-12))))
        c, x, s = c[:used], x[:used], s[:used]
        best = cpu = np.inf
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            spec.predict(c, x, s)
            best = min(best, time.perf_counter() - t0)
            cpu = min(cpu, time.process_time() - c0)
        tracemalloc.start()
        spec.predict(c, x, s)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return {
        "n": n,
        "draws": used,
        "seconds": best,
        "draws_per_s": used / best,
        "cpu_seconds": cpu,
        "draws_per_cpu_s": used / cpu,  # robust to other processes sharing the machine
        "first_call_s": first,
        "peak_tracked_mb": peak,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--draws", type=int, default=10_000)
    ap.add_argument("--sizes", default="10,30,100,300")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--budget", type=float, default=20.0, help="seconds per timed call before draws are reduced")
    ap.add_argument("--models", default="", help="comma-separated subset (default: every registered model)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--trajectory", action="store_true", help="time iterative models building their trajectory")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results" / "models.json")
    args = ap.parse_args()
    sizes = [int(v) for v in args.sizes.split(",")]
    names = [m for m in args.models.split(",") if m] or list(registry.models())
    results: dict[str, dict] = {}
    for name in names:
        spec = registry.get(name)
        rows = []
        for n in sizes:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                row = measure(spec, n, args.draws, args.repeat, args.budget, args.seed, args.trajectory)
            rows.append(row)
            print(f"{name:<11} n={n:<4} {row['draws_per_s']:>14,.0f} draws/s wall, "
                  f"{row['draws_per_cpu_s']:>14,.0f} per CPU-s  ({row['draws']} draws, "
                  f"{row['seconds']:.3f} s; first call {row['first_call_s']:.2f} s; "
                  f"peak {row['peak_tracked_mb'] or float('nan'):.1f} MB tracked)", flush=True)
        ns = np.array([r["n"] for r in rows], float)
        t = np.array([1.0 / r["draws_per_s"] for r in rows])
        slope = float(np.polyfit(np.log(ns), np.log(t), 1)[0]) if len(rows) > 1 else None
        entry: dict = {"version": spec.version, "iterative": spec.iterative, "by_n": rows, "scaling_exponent": slope}
        at30 = next((r for r in rows if r["n"] == 30), None)
        if name in TARGETS and at30:
            entry["target_draws_per_s_at_30"] = TARGETS[name]
            entry["meets_target"] = at30["draws_per_cpu_s"] >= TARGETS[name]  # per CPU-second, one core
        results[name] = entry
        if slope is not None:
            print(f"{name:<11} time per draw grows as n^{slope:.2f}"
                  + (f"; target {TARGETS[name]:,} draws per CPU-s at n=30: {'met' if entry['meets_target'] else 'NOT met'}"
                     if "meets_target" in entry else ""))
    out = {
        "bench": "models",
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
                    "threads": os.environ.get("NUMBA_NUM_THREADS")},
        "issue_count": 1,
        "trajectory": "built" if args.trajectory else "skipped where the model allows (as Monte Carlo)",
        "draws_requested": args.draws,
        "models": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

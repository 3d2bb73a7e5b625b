"""The dashboard's forecast re-run: the example scenario, 10,000 draws, all six models, one core.

Issue 6 asks that the forecast page's re-run of 10,000 draws returns in under 2 s on one
core. This bench makes the same call the page makes (`detente.web.forecast_view.forecast`:
`run_forecast` -> chunked Monte Carlo in this process -> `summarise` -> `layout`), with each
model's `predict` wrapped in a timer, so the total splits into per-model seconds and the
rest (drawing inputs, validation-free bookkeeping, classification, Wilson intervals,
quantiles, histograms). One warm-up run first (numba kernels load from their on-disk cache;
the first call in a fresh process is reported as `first_call_s`), then the best of
`--repeat` runs. CPU time (`time.process_time`) is the figure to judge on a shared machine;
wall time is reported beside it.

    .venv/bin/python bench/rerun.py [--draws 10000] [--repeat 3] [--out bench/results/rerun.json]
"""

from __future__ import annotations

import os

for _var in ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "examples" / "ukraine-2025" / "scenario.yaml"
TARGET_S = 2.0  # issue 6: the re-run of 10,000 draws, all models, one core


def one_run(scenario: Any, names: list[str], seed: int, draws: int) -> dict[str, Any]:
    """One re-run as the page does it (its own model clocks); per-model and total seconds."""
    from detente.forecast.montecarlo import select_models
    from detente.forecast.scenario_inputs import run_forecast, scenario_inputs
    from detente.web.forecast_view import layout, timed

    t0, c0 = time.perf_counter(), time.process_time()
    specs, clocks = timed(select_models(names))
    result = run_forecast(scenario, specs, seed, draws, notes=[])  # the page lists them too
    seconds = time.perf_counter() - t0
    out = layout(scenario, result, seconds, list(scenario_inputs(scenario).warnings), clocks)
    total_cpu, total_wall = time.process_time() - c0, time.perf_counter() - t0
    models = {m: {"cpu_s": c.cpu_seconds, "wall_s": c.seconds} for m, c in clocks.items()}
    return {
        "total_cpu_s": total_cpu,
        "total_wall_s": total_wall,
        "models": models,
        "rest_cpu_s": total_cpu - sum(v["cpu_s"] for v in models.values()),
        "rest_wall_s": total_wall - sum(v["wall_s"] for v in models.values()),
        "classes": {c.id: c.probability for c in out.classes},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=None, help="default: the scenario's own seed")
    ap.add_argument("--models", default="", help="comma-separated subset (default: the scenario's, i.e. all six)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "rerun.json")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from detente.forecast.montecarlo import select_models
    from detente.scenario.load import load_scenario

    scenario = load_scenario(SCENARIO)
    names = [m for m in args.models.split(",") if m] or list(scenario.settings.models or select_models(None))
    seed = next(s for s in (args.seed, scenario.settings.seed, 1) if s is not None)
    first = one_run(scenario, names, seed, args.draws)  # warm-up: imports, numba cache loads
    first_call = time.perf_counter() - t0
    runs = [one_run(scenario, names, seed, args.draws) for _ in range(args.repeat)]
    best = min(runs, key=lambda r: r["total_cpu_s"])
    if any(r["classes"] != first["classes"] for r in runs):
        raise SystemExit("re-runs with the same seed gave different class probabilities")
    models = {m: {k: min(r["models"][m][k] for r in runs) for k in ("cpu_s", "wall_s")} for m in names}
    result = {
        "bench": "rerun",
        "scenario": str(SCENARIO.relative_to(ROOT)),
        "draws": args.draws,
        "seed": seed,
        "repeat": args.repeat,
        "machine": {"python": platform.python_version(), "cpu": platform.machine(),
                    "threads": os.environ.get("NUMBA_NUM_THREADS")},
        "first_call_s": first_call,
        "total_cpu_s": best["total_cpu_s"],
        "total_wall_s": min(r["total_wall_s"] for r in runs),
        "models": models,
        "rest_cpu_s": best["rest_cpu_s"],
        "rest_wall_s": best["rest_wall_s"],
        "target_s": TARGET_S,
        "target_met_cpu": best["total_cpu_s"] < TARGET_S,
        "load_average": os.getloadavg()[0],
    }
    print(f"example scenario, {args.draws:,} draws, {len(names)} models, best of {args.repeat} (CPU s / wall s):")
    for m, v in models.items():
        print(f"  {m:12s} {v['cpu_s']:7.3f} {v['wall_s']:7.3f}")
    print(f"  {'rest':12s} {best['rest_cpu_s']:7.3f} {best['rest_wall_s']:7.3f}   "
          "(draws, chunking, classes, intervals, quantiles, histograms)")
    print(f"  {'total':12s} {best['total_cpu_s']:7.3f} {result['total_wall_s']:7.3f}")
    print(f"first run in this process (imports, cache loads): {first_call:.2f} s wall; "
          f"load average {result['load_average']:.2f}")
    verdict = "met" if result["target_met_cpu"] else "NOT met"
    print(f"target: re-run under {TARGET_S:g} s on one core (CPU): {verdict}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

"""Monte Carlo speed on the example scenario: seconds per model for 10,000 draws, and the
whole forecast (draws, every registered model, summary), on one core.

Each model is run once to warm up (numba compiles on first call), then timed `--repeat`
times on the same draws; the figure is the best run. The whole forecast
(`run_forecast`, what `detente forecast` computes) is timed the same way. Target from the
issue: 10,000 draws with all models in under 2 s on one core (the dashboard re-runs it).

    .venv/bin/python bench/montecarlo.py [--draws 10000] [--repeat 3] [--out bench/results/montecarlo.json]

Set NUMBA_NUM_THREADS=1 OMP_NUM_THREADS=1 (done below before NumPy/numba load) for one core.
"""

from __future__ import annotations

import os

for _var in ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

from detente.forecast.montecarlo import current_models, draw, run_models  # noqa: E402
from detente.forecast.scenario_inputs import run_forecast, scenario_inputs  # noqa: E402
from detente.scenario.load import load_scenario  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "examples" / "ukraine-2025" / "scenario.yaml"


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scenario", type=Path, default=SCENARIO)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "montecarlo.json")
    args = ap.parse_args()
    warnings.simplefilter("ignore")  # model notes about silent actors; not what is measured
    sc = load_scenario(args.scenario)
    inputs = scenario_inputs(sc)
    specs = current_models()
    t = time.perf_counter()
    sample = draw(inputs.ranges, 0, args.draws)
    draw_s = time.perf_counter() - t
    per_model = {}
    for name, spec in specs.items():
        run_models({name: spec}, draw(inputs.ranges, 0, 64))  # warm-up / JIT compile
        secs = best_of(lambda spec=spec, name=name: run_models({name: spec}, sample), args.repeat)
        per_model[name] = {"version": spec.version, "seconds": round(secs, 4), "draws_per_s": round(args.draws / secs)}
        print(f"{name:12s} v{spec.version:4s} {secs:8.3f} s  {args.draws / secs:10,.0f} draws/s")
    total = best_of(lambda: run_forecast(sc, specs, 0, args.draws), args.repeat)
    fast = {n: s for n, s in specs.items() if per_model[n]["seconds"] < 0.5}
    fast_total = best_of(lambda: run_forecast(sc, fast, 0, args.draws), args.repeat) if fast else None
    n, k = len(inputs.ranges.actors), len(inputs.ranges.issues)
    result = {
        "scenario": str(args.scenario.relative_to(ROOT)) if args.scenario.is_relative_to(ROOT) else str(args.scenario),
        "actors": n, "issues": k, "draws": args.draws, "repeat": args.repeat,
        "draw_seconds": round(draw_s, 4), "models": per_model,
        "forecast_all_models_seconds": round(total, 3),
        "forecast_fast_models": sorted(fast), "forecast_fast_models_seconds": None if fast_total is None else round(fast_total, 3),
        "target_seconds": 2.0, "meets_target": total < 2.0,
        "python": platform.python_version(), "machine": platform.machine(), "processor": platform.processor(),
        "threads": os.environ.get("NUMBA_NUM_THREADS"),
    }
    print(f"drawing {args.draws:,} x ({n} actors, {k} issues): {draw_s:.3f} s")
    print(f"whole forecast, all {len(specs)} models: {total:.2f} s (target < 2 s: {'met' if total < 2 else 'NOT met'})")
    if fast_total is not None:
        print(f"whole forecast, models under 0.5 s ({', '.join(fast)}): {fast_total:.2f} s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()

"""Scenario stage speed: loading and validating, checking citations, drafting, to_arrays.

Measured on the example (examples/ukraine-2025: 9 actors, 6 issues, ~170 citations against
13 articles) and on a synthetic scenario of `--actors` x `--issues` with three citations per
value against as many articles as actors, to show how `check` scales (it normalises every
article once and tests each citation by substring search). Drafting runs on the example
store after `detente ingest` and `detente extract`.

    .venv/bin/python bench/scenario.py [--actors 200] [--issues 20] [--repeat 5] [--out bench/results/scenario.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import tempfile
import time
from pathlib import Path

import numpy as np

from detente.corpus.ingest import ingest_paths
from detente.scenario.capabilities import load_table
from detente.scenario.check import check_citations, read_corpus
from detente.scenario.draft import ClaimRow, EventRow, draft_scenario
from detente.scenario.load import load_scenario, parse_scenario
from detente.scenario.schema import to_arrays
from detente.store.db import connect

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ukraine-2025"


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """Best wall time of `repeat` runs, in seconds (the least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def synthetic(n: int, k: int, seed: int = 0) -> tuple[dict, dict[str, str]]:
    """A valid scenario of n actors x k issues, three citations per value, and its articles."""
    rng = np.random.default_rng(seed)
    words = ["Krieg", "Frieden", "Gipfel", "Sanktion", "Waffe", "Garantie", "Front", "Linie"]
    articles = {f"a{i}#1": " ".join(f"Satz {j} über {rng.choice(words)} von Akteur {i}." for j in range(60))
                for i in range(n)}
    def cites(i: int) -> list[dict[str, str]]:
        text = articles[f"a{i}#1"].split(". ")
        return [{"article": f"a{i}#1", "sentence": text[int(j)] + "."} for j in rng.integers(0, 59, 3)]
    data = {
        "name": "synthetic", "as_of": "2025-10-23", "horizon": "2026-06-30",
        "issues": [{"id": f"i{j}", "name": f"issue {j}", "low": "no", "high": "yes"} for j in range(k)],
        "actors": [{"id": f"A{i}", "name": f"actor {i}", "capability": {"value": 10, "low": 5, "high": 20, "citations": cites(i)}}
                   for i in range(n)],
        "stances": [{"actor": f"A{i}", "issue": f"i{j}",
                     "position": {"value": 50, "low": 30, "high": 70, "citations": cites(i)},
                     "salience": {"value": 0.5, "low": 0.3, "high": 0.7, "citations": cites(i)}}
                    for i in range(n) for j in range(k)],
    }
    return data, articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=200)
    ap.add_argument("--issues", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scenario.json")
    args = ap.parse_args()
    res: dict[str, object] = {"python": platform.python_version(), "machine": platform.machine(),
                              "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}

    path = EXAMPLE / "scenario.yaml"
    sc = load_scenario(path)
    con = connect(":memory:")
    ingest_paths(con, [EXAMPLE / "corpus"])
    articles, sentences = read_corpus(con)
    res["example_load_s"] = best(lambda: load_scenario(path), args.repeat)
    res["example_check_s"] = best(lambda: check_citations(sc, articles, sentences), args.repeat)
    res["example_citations"] = check_citations(sc, articles, sentences).citations

    claims = events = None
    with tempfile.TemporaryDirectory() as tmp:
        from typer.testing import CliRunner

        from detente.cli import app

        db = Path(tmp) / "s.duckdb"
        runner = CliRunner()
        if runner.invoke(app, ["ingest", "--db", str(db), str(EXAMPLE / "corpus")]).exit_code == 0 and \
                runner.invoke(app, ["extract", "--db", str(db)]).exit_code == 0:
            c2 = connect(db, read_only=True)
            claims = [ClaimRow(*r) for r in c2.execute(
                "SELECT article_id, sentence_id, sentence, actor, actor_country, issue, stance FROM claims").fetchall()]
            events = [EventRow(*r) for r in c2.execute(
                "SELECT article_id, sentence_id, sentence, type, source, source_country, status FROM events").fetchall()]
            c2.close()
    if claims:
        table = load_table()
        as_of = dt.date(2025, 10, 23)
        res["draft_claims"], res["draft_events"] = len(claims), len(events or [])
        res["draft_s"] = best(lambda: draft_scenario(claims, events or [], table, name="b", as_of=as_of,
                                                     horizon=as_of), args.repeat)
    else:
        res["draft_s"] = None  # extraction stage not available

    data, art = synthetic(args.actors, args.issues)
    res["synthetic"] = {"actors": args.actors, "issues": args.issues,
                        "citations": 3 * (args.actors + 2 * args.actors * args.issues)}
    res["synthetic_validate_s"] = best(lambda: parse_scenario(data), args.repeat)
    big = parse_scenario(data)
    res["synthetic_check_s"] = best(lambda: check_citations(big, art), args.repeat)
    res["synthetic_to_arrays_s"] = best(lambda: to_arrays(big), args.repeat)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    for key, val in res.items():
        print(f"{key:>24}: {val}")
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()

"""On a real Dask LocalCluster (2 worker processes, loopback): the same numbers and rows as
the local path, a worker killed mid-run changes nothing, an interrupted run resumes."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from detente.execution import DaskExecutor, LocalExecutor
from detente.execution.extraction import extract_store
from detente.execution.montecarlo import BLOCKS_PER_CHUNK, run_variants
from detente.forecast.montecarlo import BLOCK, summarise
from detente.store.db import connect

from detente.execution.extraction import TABLES


def rows(db) -> dict[str, list[tuple]]:
    con = connect(db, read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()

pytestmark = pytest.mark.cluster
MODELS = ("compromise", "median", "nash")  # nash: a chunk runs long enough to be killed mid-way


@pytest.fixture(scope="module")
def specs():
    from detente.forecast.montecarlo import select_models

    return select_models(list(MODELS))


def killer(client, after: float = 0.0) -> threading.Thread:
    """Kill (SIGKILL) the first worker process seen running a task; returns the thread."""
    def run():
        time.sleep(after)
        deadline = time.time() + 60
        while time.time() < deadline:
            busy = [w for w, keys in client.processing().items() if keys]
            if busy:
                pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                return
            time.sleep(0.05)
    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def forecast_json(specs, inputs, seed, draws, executor=None):
    res = run_variants(specs, inputs.ranges, seed, draws, executor=executor)[0]
    fc = summarise(specs, res, inputs.regions, inputs.ranges.issues, seed, draws, inputs.class_mode)
    return res, fc.to_json()


DRAWS = 2 * BLOCKS_PER_CHUNK * BLOCK + 100  # three chunks, the last one short


def test_forecast_on_cluster_is_byte_identical(cluster, example_inputs, specs):
    lc, _ = cluster
    local_res, local_json = forecast_json(specs, example_inputs, 9, DRAWS)
    with DaskExecutor(lc.scheduler_address) as ex:
        res, js = forecast_json(specs, example_inputs, 9, DRAWS, ex)
        assert ex.report.chunks == 3 and ex.report.workers == 2
    assert js == local_json
    for m in specs:
        assert res[m].outcome.tobytes() == local_res[m].outcome.tobytes()


def test_local_two_workers_equal_one(example_inputs, specs):
    one = forecast_json(specs, example_inputs, 4, DRAWS)[1]
    with LocalExecutor(2) as ex:
        two = forecast_json(specs, example_inputs, 4, DRAWS, ex)[1]
        assert "LocalCluster" not in ex.report.executor and ex.report.workers == 2
    assert one == two


def test_worker_killed_during_forecast_changes_nothing(fresh_cluster, example_inputs, specs):
    lc, client = fresh_cluster
    local_json = forecast_json(specs, example_inputs, 21, DRAWS)[1]
    with DaskExecutor(lc.scheduler_address) as ex:
        t = killer(client)
        _, js = forecast_json(specs, example_inputs, 21, DRAWS, ex)
        t.join()
        assert ex.report.retried, "the chunk on the killed worker is reported as re-run"
        assert ex.report.chunks == 3
    assert js == local_json


@pytest.fixture(scope="module")
def reference_rows(small_store, tmp_path_factory):
    """The extraction of the local path (this process), once for the module."""
    import shutil

    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    shutil.copy(small_store, db)
    con = connect(db)
    extract_store(con, db.with_name("parts"), chunk_articles=1)
    con.close()
    return rows(db)


def test_extraction_on_cluster_with_a_killed_worker(fresh_cluster, store_copy, tmp_path, reference_rows):
    lc, client = fresh_cluster
    db = store_copy("cluster.duckdb")
    con = connect(db)
    with DaskExecutor(lc.scheduler_address) as ex:
        t = killer(client)
        rep = extract_store(con, tmp_path / "parts", chunk_articles=1, executor=ex)
        t.join()
    con.close()
    assert rep.run.chunks == 3
    assert rows(db) == reference_rows


def test_interrupted_cluster_extraction_resumes(cluster, store_copy, tmp_path, reference_rows, frozen_fingerprint):
    lc, client = cluster
    client.wait_for_workers(2, timeout=60)
    db = store_copy("cluster.duckdb")
    con = connect(db)
    calls = []

    def stop(n):
        calls.append(n)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with DaskExecutor(lc.scheduler_address) as ex, pytest.raises(KeyboardInterrupt):
        extract_store(con, tmp_path / "parts", chunk_articles=1, executor=ex, progress=stop)
    with DaskExecutor(lc.scheduler_address) as ex:
        rep = extract_store(con, tmp_path / "parts", chunk_articles=1, executor=ex)
    con.close()
    assert rep.run.skipped >= 1 and rep.run.skipped + rep.run.chunks == 3
    assert rows(db) == reference_rows


def test_cli_extract_with_scheduler(cluster, store_copy, reference_rows):
    from typer.testing import CliRunner

    from detente.cli import app

    lc, _ = cluster
    db = store_copy("cli.duckdb")
    res = CliRunner().invoke(app, ["extract", "--db", str(db), "--scheduler", lc.scheduler_address,
                                   "--chunk-articles", "1"])
    assert res.exit_code == 0, res.output
    assert "3 chunks on dask" in res.output
    assert rows(db) == reference_rows


def test_cycle_on_cluster_is_byte_identical(cluster, tmp_path):
    """`detente cycle`: the same seed gives the same result in this process and on the
    cluster's 2 worker processes, for the Python API and the CLI's JSON."""
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from detente.cli import app
    from detente.forecast.cycle import run_cycle
    from detente.forecast.montecarlo import select_models
    from detente.forecast.scenario_inputs import scenario_inputs
    from detente.scenario.load import load_scenario

    lc, _ = cluster
    path = Path(__file__).resolve().parents[2] / "examples" / "ukraine-2025" / "scenario.yaml"
    sc = load_scenario(path)
    inputs, specs, draws = scenario_inputs(sc), select_models(["compromise"]), BLOCKS_PER_CHUNK * BLOCK + 100
    local = run_cycle(inputs, sc.cycle, specs, 5, draws, rounds=3)
    with DaskExecutor(lc.scheduler_address) as ex:
        remote = run_cycle(inputs, sc.cycle, specs, 5, draws, rounds=3, executor=ex)
        assert ex.report.chunks == 2 and ex.report.workers == 2
    assert remote == local
    assert any(v > 0 for r in local.rounds for v in r.fired.values())
    args = ["cycle", str(path), "--draws", "3000", "--rounds", "3", "--seed", "5", "-m", "compromise", "--json"]
    here = CliRunner().invoke(app, args)
    there = CliRunner().invoke(app, [*args, "--scheduler", lc.scheduler_address])
    assert here.exit_code == 0 and there.exit_code == 0, there.output
    assert "1 chunk on dask" in there.output
    assert there.stdout == here.stdout and json.loads(here.stdout)["draws"] == 3000


def test_extraction_without_a_shared_folder_sends_the_articles(cluster, store_copy, tmp_path, reference_rows,
                                                               monkeypatch):
    """Workers that do not see the parts folder get the articles and return the tables; the
    client writes the partitions. Same rows as workers reading a snapshot themselves."""
    lc, _ = cluster
    with DaskExecutor(lc.scheduler_address) as ex:
        assert ex.sees(tmp_path)  # loopback workers share this machine's disk
    monkeypatch.setattr(DaskExecutor, "sees", lambda self, folder: False)
    db = store_copy("shipped.duckdb")
    con = connect(db)
    with DaskExecutor(lc.scheduler_address) as ex:
        rep = extract_store(con, tmp_path / "parts", chunk_articles=1, executor=ex)
    con.close()
    assert rep.run.chunks == 3
    assert rows(db) == reference_rows

"""Fixtures of the execution tests: a small store of the shortest seed articles, a fast
model set, and (for tests marked `cluster`) a real Dask LocalCluster on loopback."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from detente.corpus import ingest_paths
from detente.store.db import connect

SMALL = ("000_", "002_", "003_")  # the three shortest single-article files: seconds to extract
FAST_MODELS = ("compromise", "median", "nash", "ks")


@pytest.fixture(scope="session")
def small_corpus(example_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("small_corpus")
    for f in sorted(example_corpus.glob("*.txt")):
        if f.name.startswith(SMALL):
            shutil.copy(f, out / f.name)
    return out


@pytest.fixture(scope="session")
def small_store(small_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ingested, not yet extracted store; tests copy it."""
    db = tmp_path_factory.mktemp("store") / "small.duckdb"
    con = connect(db)
    ingest_paths(con, [small_corpus])
    con.close()
    return db


@pytest.fixture
def store_copy(small_store: Path, tmp_path: Path):
    def make(name: str = "copy.duckdb") -> Path:
        dst = tmp_path / name
        shutil.copy(small_store, dst)
        return dst
    return make


@pytest.fixture(scope="session")
def fast_specs():
    from detente.forecast.montecarlo import select_models

    return select_models(list(FAST_MODELS))


@pytest.fixture(scope="session")
def example_inputs():
    from detente.forecast.scenario_inputs import scenario_inputs
    from detente.scenario.load import load_scenario

    root = Path(__file__).resolve().parents[2]
    return scenario_inputs(load_scenario(root / "examples" / "ukraine-2025" / "scenario.yaml"))


def _local_cluster():
    """LocalCluster(processes, 2 workers x 1 thread, loopback, no dashboard) and a client."""
    from distributed import Client, LocalCluster

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lc = LocalCluster(processes=True, n_workers=2, threads_per_worker=1, host="127.0.0.1",
                          dashboard_address=None)
    client = Client(lc, set_as_default=False)  # the code under test must not lean on a default client
    client.wait_for_workers(2, timeout=60)
    return lc, client


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster shared by the tests of a module that do not kill workers."""
    lc, client = _local_cluster()
    yield lc, client
    client.close()
    lc.close()


@pytest.fixture
def fresh_cluster():
    """A LocalCluster of its own for a test that kills a worker (a nanny whose worker is
    killed while it restarts does not come back, which must not break the next test)."""
    lc, client = _local_cluster()
    yield lc, client
    client.close()
    lc.close()


@pytest.fixture
def frozen_fingerprint(monkeypatch):
    """The extractor's fingerprint taken once: the resume tests check resuming, not that an
    edit to detente.extract between the two runs (other work in this tree) changes chunk ids."""
    from detente.execution import extraction

    fp = extraction.extractor_fingerprint()
    monkeypatch.setattr(extraction, "extractor_fingerprint", lambda: fp)
    return fp

import numpy as np
import pytest

from detente.errors import InputError
from detente.execution import LocalExecutor, executor_for
from detente.execution.chunks import batches, chunk_id, chunk_seed, chunk_seeds, spans


def test_spans_cover_the_range_in_order():
    assert spans(10, 4) == [(0, 4), (4, 8), (8, 10)]
    assert spans(0, 4) == []
    assert [list(b) for b in batches(list("abcde"), 2)] == [["a", "b"], ["c", "d"], ["e"]]


def test_chunk_seed_is_the_spawned_child():
    kids = chunk_seeds(42, 5)
    for i, kid in enumerate(kids):
        a = np.random.default_rng(kid).random(8)
        b = np.random.default_rng(chunk_seed(42, i)).random(8)
        assert np.array_equal(a, b)
    assert not np.array_equal(np.random.default_rng(kids[0]).random(8), np.random.default_rng(kids[1]).random(8))


def test_chunk_id_is_stable_and_content_addressed():
    a = chunk_id("x", [("A#1", "text")], np.arange(3))
    assert a == chunk_id("x", [("A#1", "text")], np.arange(3))
    assert a != chunk_id("x", [("A#1", "text!")], np.arange(3))
    assert a != chunk_id("y", [("A#1", "text")], np.arange(3))
    assert a.startswith("x-")


def test_local_executor_map_keeps_order_and_counts():
    with LocalExecutor() as ex:
        assert ex.map(lambda x: x * x, [3, 1, 2], ["a", "b", "c"]) == [9, 1, 4]
        assert ex.report.chunks == 3 and ex.report.retried == []
        with pytest.raises(ValueError):
            ex.map(abs, [1, 2], ["same", "same"])


def test_executor_for_rejects_bad_settings(monkeypatch):
    monkeypatch.delenv("DETENTE_SCHEDULER", raising=False)
    with pytest.raises(InputError, match="--workers"):
        executor_for(None, -1)
    with pytest.raises(InputError, match="--workers is for local runs"):
        executor_for("tcp://127.0.0.1:1", 2)
    with pytest.raises(InputError, match="cannot reach a Dask scheduler"):
        executor_for("tcp://127.0.0.1:1")

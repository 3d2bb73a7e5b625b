"""The app's forecast cache: keyed by inputs hash, bounded, one computation per key at a time."""

from __future__ import annotations

import threading
from pathlib import Path

from detente.web.app import Settings
from detente.web.state import CACHE_SIZE, AppState

MINI = Path(__file__).parent / "data" / "mini.yaml"


def _state(tmp_path: Path) -> AppState:
    return AppState(Settings(db=tmp_path / "s.duckdb", scenario=MINI))


def test_cache_is_keyed_by_inputs_hash_and_bounded(tmp_path: Path) -> None:
    state = _state(tmp_path)
    calls: list[str] = []

    def compute(tag: str):  # type: ignore[no-untyped-def]
        return lambda sc: calls.append(tag) or (tag, sc.name)

    first, hit = state.cached(("k", 0), compute("a"))
    assert not hit and first == ("a", state.scenario().name)
    assert state.cached(("k", 0), compute("b")) == (first, True)
    base_hash = state.inputs_hash()
    state.edit("capability", "UKR", None, 22)
    assert state.inputs_hash() != base_hash
    assert state.cached(("k", 0), compute("c"))[1] is False        # new inputs: computed again
    state.reset()
    assert state.inputs_hash() == base_hash
    assert state.cached(("k", 0), compute("d")) == (first, True)   # undone edits find the old run
    for n in range(1, CACHE_SIZE + 1):
        state.cached(("k", n), compute(f"n{n}"))
    assert state.cached(("k", 0), compute("e"))[1] is False        # least recently used went first
    assert calls == ["a", "c", *[f"n{n}" for n in range(1, CACHE_SIZE + 1)], "e"]


def test_a_key_being_computed_is_computed_once(tmp_path: Path) -> None:
    state = _state(tmp_path)
    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def slow(sc):  # type: ignore[no-untyped-def]
        calls.append(1)
        started.set()
        release.wait(10)
        return "result"

    results: list[tuple[object, bool]] = []
    first = threading.Thread(target=lambda: results.append(state.cached(("k",), slow)))
    first.start()
    started.wait(10)
    second = threading.Thread(target=lambda: results.append(state.cached(("k",), slow)))
    second.start()
    second.join(0.3)
    assert second.is_alive()            # waiting for the first run, not computing its own
    release.set()
    first.join(10)
    second.join(10)
    assert calls == [1] and sorted(results, key=lambda r: r[1]) == [("result", False), ("result", True)]

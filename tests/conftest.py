"""Fixtures shared by all tests: the shipped example corpus and, where CI has it, ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ukraine-2025"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def example_corpus() -> Path:
    """The seed articles shipped with the project."""
    return EXAMPLE / "corpus"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (CI has it); tests that need it skip with a reason."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: shared reference data not available here")
    return SHARED


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    gold = shared_dir / "gold"
    if not (gold / "events.jsonl").is_file():
        pytest.skip(f"{gold} has no gold files")
    return gold


@pytest.fixture(scope="session")
def bench_data(shared_dir: Path) -> Path:
    data = shared_dir / "bench_data"
    if not data.is_dir():
        pytest.skip(f"{data} is absent")
    return data

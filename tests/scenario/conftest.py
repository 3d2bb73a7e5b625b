"""Stores built once per session from the shipped example corpus, through the real CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


@pytest.fixture(scope="session")
def example_store(tmp_path_factory: pytest.TempPathFactory, example_corpus: Path) -> Path:
    """The 13 seed articles ingested (no extraction)."""
    db = tmp_path_factory.mktemp("scenario") / "ingested.duckdb"
    result = runner.invoke(app, ["ingest", "--db", str(db), str(example_corpus)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def extracted_store(tmp_path_factory: pytest.TempPathFactory, example_store: Path) -> Path:
    """The seed articles ingested and extracted (skips where the extract stage is absent)."""
    if "extract" not in {c.name or c.callback.__name__ for c in app.registered_commands}:
        pytest.skip("the extraction stage (`detente extract`) is not available")
    db = tmp_path_factory.mktemp("scenario") / "extracted.duckdb"
    shutil.copy(example_store, db)
    result = runner.invoke(app, ["extract", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db

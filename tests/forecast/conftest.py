"""Fixtures for the forecast tests: the shipped emission-standards table."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from detente.forecast.tables import ActorTable, read_table


@pytest.fixture(scope="session")
def emission() -> ActorTable:
    """BDM (1994) Table 1 via Scholz et al. (2011) Table 1, shipped in detente/data/bench."""
    return read_table(Path(str(resources.files("detente.data") / "bench" / "emission_standards_bdm1994.csv")))

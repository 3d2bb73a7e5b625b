"""The extraction stage as the web app calls it (for uploads)."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb


def extract_articles(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> bool:
    """Extract the articles `ids` as `detente extract` does; False when that stage is absent."""
    try:
        from detente.extract.pipeline import extract_articles as extract  # noqa: PLC0415
    except ImportError:
        return False
    if ids:
        extract(con, list(ids))
    return True

"""The DuckDB store: one file holding articles, extraction, scenarios and forecasts."""

from detente.store.db import connect, transaction

__all__ = ["connect", "transaction"]

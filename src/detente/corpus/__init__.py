"""Corpus stage: read files (txt, md, html, RSS/Atom, jsonl), split multi-article files,
detect language, flag data-quality problems, and store articles in DuckDB.

Python API for later stages (web upload, Dask bulk ingest):
- `read_file(path) -> list[Article]`: parse one file, no store involved;
  `read_data(path, data)` the same for bytes in memory (uploads).
- `store_file(con, path, articles)`: write one parsed file in one transaction.
- `ingest_paths(con, paths) -> IngestReport`: read and store, one transaction per file.
"""

from detente.corpus.ingest import IngestReport, ingest_paths, store_file
from detente.corpus.readers import read_data, read_file
from detente.corpus.record import Article

__all__ = ["Article", "IngestReport", "ingest_paths", "read_data", "read_file", "store_file"]

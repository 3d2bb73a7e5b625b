"""`detente export --parquet DIR`: the store's tables as Parquet files for DuckDB, pandas or Spark.

One file per table, ``DIR/<table>.parquet`` (DuckDB's own COPY writer), written into a
temporary folder beside DIR and moved into place table by table, so a failure leaves no
half-written file. The near-duplicate index tables are internal and not exported.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from detente.errors import InputError

INTERNAL = ("article_minhash", "article_bands")


def exportable_tables(con: Any) -> list[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                       "AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()
    return [r[0] for r in rows if r[0] not in INTERNAL]


def export_parquet(con: Any, out: Path, tables: list[str] | None = None) -> dict[str, int]:
    """Write each table to ``out/<table>.parquet``; returns table -> rows written."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    known = exportable_tables(con)
    tables = tables or known
    unknown = [t for t in tables if t not in known]
    if unknown:
        raise InputError(f"no table {unknown[0]!r} in the store; tables: {', '.join(known)}")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".export-", dir=out))
    counts = {}
    try:
        for t in tables:
            target = tmp / f"{t}.parquet"
            con.execute(f"COPY (SELECT * FROM {t} ORDER BY ALL) TO '{_quote(target)}' (FORMAT parquet)")
            counts[t] = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in tables:
            os.replace(tmp / f"{t}.parquet", out / f"{t}.parquet")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return counts


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")

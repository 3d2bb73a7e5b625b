"""Fixtures for the web tests: stores, apps and test clients."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente.store.db import connect
from detente.web.app import Settings, create_app

XSS_TITLE = '<script>window.__xss=1</script>Title'
XSS_TEXT = ('Trump rief Putin an. <script>window.__xss=2</script> Dann '
            '<img src=x onerror="window.__xss=3"> und "><svg onload=alert(1)> Ende.')


def insert_article(db: Path, article_id: str, title: str, text: str, date: str = "2025-10-20") -> None:
    """Put one article straight into the store, as an attacker-controlled upload would land."""
    con = connect(db)
    try:
        stem, _, n = article_id.rpartition("#")
        con.execute(
            "INSERT INTO articles (id, source_file, file_index, title, author, date, lang, url, source, "
            "text, body_start, words, content_hash, encoding, warnings, ingested_at) "
            "VALUES (?, ?, ?, ?, NULL, ?, 'de', NULL, NULL, ?, 0, ?, ?, 'utf-8', ?, now())",
            [article_id, f"{stem}.txt", int(n), title, date, text, len(text.split()), article_id,
             json.dumps([{"code": "odd<b>", "message": "<i>warned</i>"}])])
    finally:
        con.close()


@pytest.fixture()
def xss_db(tmp_path: Path) -> Path:
    db = tmp_path / "xss.duckdb"
    insert_article(db, "evil#1", XSS_TITLE, XSS_TEXT)
    return db


@pytest.fixture()
def xss_client(xss_db: Path) -> TestClient:
    return TestClient(create_app(Settings(db=xss_db)))


MINI = Path(__file__).parent / "data" / "mini.yaml"


@pytest.fixture()
def mini_client(tmp_path: Path) -> TestClient:
    """An app on an empty store with the small test scenario, 2,000 draws per forecast."""
    return TestClient(create_app(Settings(db=tmp_path / "mini.duckdb", scenario=MINI, draws=2000,
                                          max_upload_bytes=20_000)))

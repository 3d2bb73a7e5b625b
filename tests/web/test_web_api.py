"""The JSON API: article list and detail, errors, and the OpenAPI description."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_article_detail_and_missing_article(xss_client: TestClient) -> None:
    r = xss_client.get("/api/articles/evil%231")
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == "evil#1" and body["text"].startswith("Trump rief Putin an.")
    assert body["warnings"] == [{"code": "odd<b>", "message": "<i>warned</i>"}]
    missing = xss_client.get("/api/articles/nope%231")
    assert missing.status_code == 404 and "nope#1" in missing.json()["detail"]
    page = xss_client.get("/articles/nope%231")
    assert page.status_code == 404 and "nope#1" in page.text


def test_openapi_describes_the_api(xss_client: TestClient) -> None:
    spec = xss_client.get("/api/openapi.json").json()
    assert spec["info"]["title"] == "detente"
    assert "/api/articles" in spec["paths"]
    assert all(p.startswith("/api/") for p in spec["paths"])


def test_store_is_free_for_the_cli_when_the_dashboard_is_idle(xss_db, xss_client: TestClient) -> None:  # type: ignore[no-untyped-def]
    """The server holds the file only while requests come in (see web/store.py)."""
    import time

    from detente.store.db import connect

    store = xss_client.app.state.store
    store.idle = 0.2
    assert xss_client.get("/api/articles").status_code == 200
    time.sleep(0.6)
    # what another process's `detente ingest` does: open read-write and write
    con = connect(xss_db)
    con.execute("UPDATE articles SET title = 'changed by the CLI'")
    con.close()
    assert xss_client.get("/api/articles").json()[0]["title"] == "changed by the CLI"


def test_api_docs_page_lists_routes_without_a_cdn(xss_client: TestClient) -> None:
    html = xss_client.get("/api/docs").text
    for route in ("/api/articles", "/api/events", "/api/actors", "/api/contradictions", "/api/scenario",
                  "/api/forecast", "/api/whatif", "/api/ledger"):
        assert route in html
    assert "cdn" not in html.lower() and "https://" not in html

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

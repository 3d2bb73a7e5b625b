"""Untrusted text is escaped everywhere; scripts come from this origin only; Plotly is local."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from detente.web import app as web_app

TEMPLATES = Path(web_app.__file__).parent / "templates"
STATIC = Path(web_app.__file__).parent / "static"


def test_payloads_in_title_text_and_warnings_are_escaped(xss_client: TestClient) -> None:
    for url in ("/corpus", "/articles/evil%231"):
        html = xss_client.get(url).text
        assert "<script>window.__xss" not in html
        assert "<img src=x" not in html and "<svg onload" not in html
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;Title" in html
        assert "<i>warned</i>" not in html and "odd<b>" not in html
    article = xss_client.get("/articles/evil%231").text
    assert "&lt;img src=x onerror=&#34;window.__xss=3&#34;&gt;" in article


def test_api_returns_payloads_as_json_strings(xss_client: TestClient) -> None:
    r = xss_client.get("/api/articles")
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()[0]["title"] == "<script>window.__xss=1</script>Title"


def test_security_headers_forbid_foreign_and_inline_scripts(xss_client: TestClient) -> None:
    headers = xss_client.get("/corpus").headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert xss_client.get("/api/articles").headers["content-security-policy"] == csp


def test_plotly_is_served_locally_and_no_template_uses_a_cdn(xss_client: TestClient) -> None:
    r = xss_client.get("/static/vendor/plotly.min.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    assert len(r.content) > 1_000_000 and b"plotly" in r.content[:2000].lower()
    for path in [*TEMPLATES.glob("*.html"), *STATIC.glob("*.js"), *STATIC.glob("*.css")]:
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text, path.name
        if path.suffix == ".html":
            assert "<script>" not in text, f"{path.name}: inline script (CSP forbids it)"

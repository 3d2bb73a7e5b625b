"""End to end: `detente serve` on the example case, driven by Debian's headless chromium.

The server runs as a real subprocess on a free loopback port; the browser is
/usr/bin/chromium through Playwright (never a downloaded browser). Tests skip with a reason
when chromium or Playwright is missing. Screenshots of each page go to a temporary folder,
or to $DETENTE_SCREENSHOTS (e.g. docs/screenshots) when that is set.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.store.db import connect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ukraine-2025"
CHROMIUM = Path("/usr/bin/chromium")
MINI = Path(__file__).parent / "data" / "mini.yaml"
DRAWS = 2000  # per forecast in these tests; the 10,000-draw speed is measured by bench/web.py
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def example_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus ingested and extracted, as `make demo` builds it."""
    from detente.corpus.ingest import ingest_paths
    from detente.extract.pipeline import extract_articles

    db = tmp_path_factory.mktemp("example") / "detente.duckdb"
    con = connect(db)
    try:
        ingest_paths(con, [EXAMPLE / "corpus"])
        extract_articles(con)
    finally:
        con.close()
    return db


class Server:
    def __init__(self, db: Path, scenario: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        exe = Path(sys.executable).with_name("detente")
        cmd = [str(exe) if exe.exists() else "detente", "serve", "--db", str(db), "--scenario", str(scenario),
               "--host", "127.0.0.1", "--port", str(self.port), "--draws", str(DRAWS)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url + "/api/openapi.json", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"detente serve did not start: {self.proc.stdout.read() if self.proc.stdout else ''}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@pytest.fixture(scope="module")
def server(example_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    # a copy per module: the upload test writes to the store
    db = tmp_path_factory.mktemp("served") / "detente.duckdb"
    shutil.copy(example_store, db)
    srv = Server(db, EXAMPLE / "scenario.yaml")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def mini_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server on an empty store with the small scenario whose names carry XSS payloads."""
    srv = Server(tmp_path_factory.mktemp("mini") / "mini.duckdb", MINI)
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (make test does, with apt)")
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with playwright.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROME_ARGS,
            viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(60_000)
        yield context
        context.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh tab that records JavaScript errors and refuses requests leaving loopback."""
    tab = browser.new_page()
    tab.errors = []
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    tab.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
    tab.route(re.compile(r"^(?!http://127\.0\.0\.1:).*"), lambda route: (tab.errors.append("external request: " + route.request.url), route.abort()))
    yield tab
    tab.close()


SHOTS = Path(os.environ.get("DETENTE_SCREENSHOTS", "")) if os.environ.get("DETENTE_SCREENSHOTS") else None


def shoot(page, name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = SHOTS if SHOTS is not None else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def open_page(page, url: str, ready: str | None = None) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    if ready:
        page.wait_for_selector(f"body[data-ready={ready}]", timeout=120_000)


def test_corpus_lists_the_example_articles(server: Server, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_page(page, server.url + "/corpus")
    rows = page.locator("#articles tbody tr")
    assert rows.count() == 13
    assert "Korybko" in page.locator("#articles").inner_text()
    shoot(page, "corpus", tmp_path)
    page.locator("#articles a").first.click()
    page.wait_for_selector("#article-text")
    assert page.locator("#article-text mark.mention").count() > 5
    assert page.locator("#article-text mark.event").count() > 0
    shoot(page, "article", tmp_path)
    assert page.errors == []


def test_timeline_filters_and_links_to_the_sentence(server: Server, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_page(page, server.url + "/timeline", "timeline")
    total = page.locator("#events tbody tr").count()
    assert total > 100
    assert page.locator("#chart-timeline .main-svg").count() > 0
    shoot(page, "timeline", tmp_path)
    page.select_option("#filter-actor", "Donald Trump")
    page.click("#timeline-filters button[type=submit]")
    page.wait_for_url(re.compile(r"actor=Donald"))
    page.wait_for_selector("body[data-ready=timeline]")
    rows = page.locator("#events tbody tr")
    assert 0 < rows.count() < total
    for i in range(min(rows.count(), 10)):
        assert "Donald Trump" in rows.nth(i).inner_text()
    link = page.locator("#events a.sentence-link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_selector("#article-text")
    anchor = href.split("#", 1)[1]
    assert page.locator(f"a[id='{anchor}'] + mark.event").count() == 1
    assert page.errors == []


def test_actors_network_and_contradictions(server: Server, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_page(page, server.url + "/actors", "actors")
    table = page.locator("#actor-table").inner_text()
    assert "Vladimir Putin" in table and "Donald Trump" in table
    assert page.locator("#chart-network .main-svg").count() > 0
    assert "Vladimir Putin" in page.locator("#chart-network").inner_text()
    shoot(page, "actors", tmp_path)
    open_page(page, server.url + "/contradictions")
    assert page.locator("#contradictions tbody tr").count() > 0
    shoot(page, "contradictions", tmp_path)
    open_page(page, server.url + "/api/docs")
    assert page.locator("#api-routes tbody tr").count() >= 10
    assert page.errors == []


def _probabilities(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    cells = page.locator("#summary-table tbody tr")
    return {cells.nth(i).locator("td").nth(0).inner_text(): cells.nth(i).locator("td").nth(1).inner_text()
            for i in range(cells.count())}


def test_scenario_edit_changes_the_forecast(server: Server, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_page(page, server.url + "/scenario", "scenario")
    assert "Ukraine 2025" in page.locator("#scenario-name").inner_text()
    assert page.locator("#scenario-table tbody tr").count() >= 9
    assert page.locator("#scenario-table blockquote").count() > 20
    shoot(page, "scenario", tmp_path)
    before = _probabilities(page)
    assert len(before) >= 5
    # Russia gives in on the ceasefire question: its position jumps to the far end
    form = page.locator("form.edit[data-actor=RUS][data-issue=ceasefire_first]")
    form.locator("select[name=field]").select_option("position")
    form.locator("input[name=value]").fill("100")
    form.locator("button").click()
    page.wait_for_selector("#edits")
    page.wait_for_selector("body[data-ready=scenario]", timeout=120_000)
    assert "RUS/ceasefire_first position = 100" in page.locator("#edits").inner_text()
    after = _probabilities(page)
    assert after != before
    # record the edited forecast (few draws: speed is bench/web.py's business) and find it on the ledger
    open_page(page, server.url + "/forecast?draws=200", "forecast")
    assert page.locator("#edited-note").count() == 1
    page.click("#record")
    page.wait_for_selector("#record-result.ok a")
    assert page.locator("#record-result").inner_text().startswith("Recorded as ")
    fid = page.locator("#record-result a").inner_text()
    assert re.fullmatch(r"F-\d{8}-[0-9a-f]{8}", fid)
    page.click("#record")   # a double submission records nothing new and names the record
    page.wait_for_selector("#record-result.notice a")   # (the CSP forbids wait_for_function's eval)
    assert page.locator("#record-result").inner_text().startswith("Already recorded as ")
    assert page.locator("#record-result a").inner_text() == fid
    page.locator("#record-result a").click()
    page.wait_for_selector(f"#ledger tr[id='{fid}']")
    row = page.locator(f"#ledger tr[id='{fid}']")
    assert "edited" in (row.get_attribute("class") or "")
    assert re.search(r"RUS · ceasefire_first · position: [\d.]+ → 100", row.inner_text())
    assert "200 · " in row.inner_text()
    open_page(page, server.url + "/scenario", "scenario")
    page.click("#reset-form button")
    page.wait_for_selector("body[data-ready=scenario]", timeout=120_000)
    assert page.locator("#edits").count() == 0
    assert page.errors == []


def test_forecast_page_shows_classes_words_and_charts(server: Server, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_page(page, server.url + "/forecast", "forecast")
    text = page.locator("#class-table").inner_text()
    assert "Frozen conflict" in text or "frozen" in text.lower()
    assert re.search(r"likely|unlikely|even chance|almost", text)
    assert page.locator("#chart-classes .main-svg").count() > 0
    assert page.locator("#charts-issues .chart").count() == 6
    assert re.search(r"\d+(\.\d)?%", page.locator("#agreement-all").inner_text())
    times = page.locator("#model-times-table tbody tr")
    assert times.count() == 6 and re.search(r"\d+\.\d\d s", times.first.inner_text())
    shoot(page, "forecast", tmp_path)
    page.fill("#run-form input[name=draws]", "1000")
    page.uncheck("#run-form input[name=model][value=smp]")
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#rerun")
    page.wait_for_selector("body[data-ready=forecast]", timeout=120_000)
    assert "1000 draws" in page.locator("#run-info").inner_text()
    assert "smp" not in page.locator("#class-table thead").inner_text()
    assert "compromise" in page.locator("#class-table thead").inner_text()
    assert "model=compromise" in page.url and "model=smp" not in page.url
    assert page.locator("#model-times-table tbody tr").count() == 5
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#rerun")   # the same run again comes from the server's cache
    page.wait_for_selector("body[data-ready=forecast]", timeout=120_000)
    assert "served from the server's cache" in page.locator("#run-info").inner_text()
    assert page.errors == []


def test_whatif_shows_the_change(server: Server, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_page(page, server.url + "/whatif")
    page.check("input[name=shock][value=us_walks_away]")
    page.click("#whatif-run")
    page.wait_for_selector("body[data-ready=whatif]", timeout=120_000)
    assert page.locator("#whatif-classes-0 tbody tr").count() >= 5
    assert "\u2192" in page.locator("#whatif-classes-0").inner_text()
    shoot(page, "whatif", tmp_path)
    open_page(page, server.url + "/ledger")
    shoot(page, "ledger", tmp_path)
    assert page.errors == []


def test_uploaded_article_appears_on_the_timeline(server: Server, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_page(page, server.url + "/upload")
    page.fill("#paste-title", "Rubio trifft Lawrow in Genf")
    page.fill("#paste-date", "2025-11-03")
    page.fill("#paste-text", "Marco Rubio traf am Montag Sergej Lawrow in Genf. "
                             "Trump drohte Russland mit neuen Sanktionen.")
    page.click("#upload-text-submit")
    page.wait_for_selector("#upload-result")
    assert "added" in page.locator("#upload-result").inner_text()
    shoot(page, "upload", tmp_path)
    new_id = page.locator("#upload-result li a").first.inner_text()
    open_page(page, server.url + "/timeline", "timeline")
    assert new_id in page.locator("#events").inner_text()
    assert page.errors == []


def test_xss_payloads_render_as_text(mini_server: Server, page) -> None:  # type: ignore[no-untyped-def]
    open_page(page, mini_server.url + "/upload")
    payload_title = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
    page.fill("#paste-title", payload_title)
    page.fill("#paste-text", 'Putin droht. <script>window.__xss=3</script> <img src=x onerror="window.__xss=4"> '
                             '"><svg onload="window.__xss=5">')
    page.click("#upload-text-submit")
    page.wait_for_selector("#upload-result")
    page.locator("#upload-result li a").first.click()
    page.wait_for_selector("#article-text")
    assert page.locator("#article-title").inner_text() == payload_title
    assert "<script>window.__xss=3</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text img, #article-text svg, #article-text script").count() == 0
    for url, ready in (("/corpus", None), ("/scenario", "scenario"), ("/forecast", "forecast")):
        open_page(page, mini_server.url + url, ready)
        assert page.evaluate("window.__xss") is None
    assert "Mini <script>window.__xss=4</script> case" in page.locator("#scenario-name").inner_text()
    assert "Truce <i>soon</i>" in page.locator("#class-table").inner_text()
    open_page(page, mini_server.url + "/whatif")
    assert "US walks away <script>x</script>" in page.locator("#whatif-form").inner_text()
    assert page.evaluate("window.__xss") is None
    assert [e for e in page.errors if "external request" in e] == []

"""Recording forecasts from the dashboard: one code path with `detente forecast --record`,
double submissions, edited scenarios, the ledger page, and the forecast cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente.forecast import ledger
from detente.forecast.scenario_commands import resolve, score, verify
from detente.scenario.forecast_cli import run as cli_forecast
from detente.store.db import connect

MINI = Path(__file__).parent / "data" / "mini.yaml"
FAST = ["compromise", "median"]
DRAWS = 200


def _forecast(client: TestClient, models: list[str] = FAST) -> dict:
    r = client.get("/api/forecast", params={"draws": DRAWS, "model": models})
    assert r.status_code == 200, r.text
    return r.json()


def _record(client: TestClient, f: dict) -> tuple[int, dict]:
    r = client.post("/api/forecast/record", json={"draws": f["draws"], "seed": f["seed"],
                                                  "models": [m["name"] for m in f["models"]],
                                                  "inputs_hash": f["inputs_hash"]})
    return r.status_code, r.json()


def _records(client: TestClient) -> list[ledger.Record]:
    client.app.state.store.close()   # DuckDB: one file, one kind of connection per process
    con = connect(client.app.state.settings.db, read_only=True)
    try:
        return ledger.all_records(con)
    finally:
        con.close()


def test_recording_stores_what_the_cli_stores(mini_client: TestClient, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    f = _forecast(mini_client)
    status, out = _record(mini_client, f)
    assert status == 201 and out["new"] is True and not out["edited"]
    assert out["url"] == f"/ledger#{out['id']}" and out["models"] == {"compromise": "1", "median": "1"}
    (rec,) = _records(mini_client)
    assert rec.id == out["id"] and rec.inputs_hash == f["inputs_hash"] and rec.scenario_path == str(MINI)

    cli_db = tmp_path / "cli.duckdb"
    cli_forecast(MINI, draws=DRAWS, seed=f["seed"], models=FAST, json_output=True, record=True, db=cli_db)
    printed = json.loads(capsys.readouterr().out)
    con = connect(cli_db, read_only=True)
    (cli,) = ledger.all_records(con)
    con.close()
    for attr in ("scenario_name", "scenario", "inputs_hash", "models", "seed", "draws", "result", "horizons"):
        assert getattr(rec, attr) == getattr(cli, attr), attr
    assert rec.result == printed

    verify(rec.id, db=mini_client.app.state.settings.db)      # raises on any difference
    assert f"forecast {rec.id} confirmed" in capsys.readouterr().out


def test_the_ledger_lists_it_and_resolve_and_score_work_on_it(mini_client: TestClient, capsys) -> None:  # type: ignore[no-untyped-def]
    f = _forecast(mini_client)
    _, out = _record(mini_client, f)
    entry = mini_client.get("/api/ledger").json()["forecasts"][0]
    assert entry["id"] == out["id"] and entry["draws"] == DRAWS and entry["edited"] is None
    truce = next(c for c in f["classes"] if c["id"] == "truce")["probability"]
    assert entry["classes"]["truce"] == pytest.approx(truce, abs=1e-4)
    page = mini_client.get("/ledger").text
    assert f'<tr id="{out["id"]}">' in page and "edited" not in page.split('id="ledger"')[1]
    db = mini_client.app.state.settings.db
    mini_client.app.state.store.close()
    resolve("truce", "no", "2030-01-01", db=db)          # the CLI commands' functions
    score(db=db, json_output=True)
    scored = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert scored["n"] == 1 and scored["brier"] == pytest.approx(entry["classes"]["truce"] ** 2, abs=1e-6)
    scores = mini_client.get("/api/ledger").json()["scores"]
    assert scores["n"] == 1 and scores["brier"] == pytest.approx(scored["brier"], abs=1e-6)


def test_recording_twice_in_a_row_stores_once_and_links_to_it(mini_client: TestClient) -> None:
    f = _forecast(mini_client)
    first_status, first = _record(mini_client, f)
    again_status, again = _record(mini_client, f)
    assert (first_status, again_status) == (201, 200)
    assert again["new"] is False and again["id"] == first["id"] and "already recorded" in again["message"]
    form = mini_client.post("/forecast/record", data={"draws": DRAWS, "seed": f["seed"], "model": FAST},
                            follow_redirects=False)
    assert form.status_code == 303 and form.headers["location"] == f"/ledger?already={first['id']}#{first['id']}"
    page = mini_client.get(form.headers["location"]).text
    assert 'id="ledger-notice"' in page and "Already recorded" in page and f'href="#{first["id"]}"' in page
    assert len(_records(mini_client)) == 1
    # another seed is another forecast; after it, the first one may be recorded again
    _, other = _record(mini_client, dict(f, seed=f["seed"] + 1))
    assert other["new"] is True
    assert _record(mini_client, f)[1]["new"] is True
    assert len(_records(mini_client)) == 3


def test_an_edited_scenario_is_recorded_as_edited_with_its_changes(mini_client: TestClient, capsys) -> None:  # type: ignore[no-untyped-def]
    before = _forecast(mini_client)
    mini_client.put("/api/scenario/value", json={"field": "position", "actor": "RUS", "issue": "ceasefire", "value": 95})
    mini_client.put("/api/scenario/value", json={"field": "capability", "actor": "UKR", "value": 22})
    stale_status, stale = _record(mini_client, before)     # the page still shows the unedited run
    assert stale_status == 409 and "edited since this forecast was shown" in stale["detail"]
    assert mini_client.get("/api/ledger").json()["forecasts"] == []

    f = _forecast(mini_client)
    assert f["inputs_hash"] != before["inputs_hash"]
    status, out = _record(mini_client, f)
    assert status == 201 and out["edited"] is True
    assert out["changes"] == [
        {"actor": "UKR", "issue": None, "field": "capability", "old": 20.0, "new": 22.0},
        {"actor": "RUS", "issue": "ceasefire", "field": "position", "old": 20.0, "new": 95.0},
        {"actor": "RUS", "issue": "ceasefire", "field": "position.high", "old": 30.0, "new": 95.0},
    ]
    (rec,) = _records(mini_client)
    rus = next(s for s in rec.scenario["stances"] if s["actor"] == "RUS" and s["issue"] == "ceasefire")
    assert rus["position"]["value"] == 95        # the stored scenario is the edited one
    assert rec.inputs_hash == f["inputs_hash"]
    verify(rec.id, db=mini_client.app.state.settings.db)
    assert "confirmed" in capsys.readouterr().out

    entry = mini_client.get("/api/ledger").json()["forecasts"][0]
    assert entry["edited"]["base_hash"] == before["inputs_hash"]
    assert len(entry["edited"]["changes"]) == 3
    page = mini_client.get("/ledger").text
    row = page.split(f'<tr id="{rec.id}" class="edited">')[1].split("</tr>")[0]
    assert '<span class="warn">edited</span>' in row
    assert "RUS · ceasefire · position: 20 → 95" in row and "UKR · capability: 20 → 22" in row
    assert "Mini &lt;script&gt;window.__xss=4&lt;/script&gt; case" in row and "<script>" not in page


def test_rerun_shows_models_and_seconds_and_is_cached(mini_client: TestClient) -> None:
    first = _forecast(mini_client)
    assert first["cached"] is False
    assert [m["name"] for m in first["models"]] == FAST
    for m in first["models"]:
        assert m["seconds"] is not None and 0 <= m["seconds"] <= first["seconds"]
        assert m["cpu_seconds"] is not None and m["cpu_seconds"] >= 0
    second = _forecast(mini_client)
    assert second["cached"] is True
    assert second["classes"] == first["classes"] and second["models"] == first["models"]
    only = _forecast(mini_client, ["median"])
    assert only["cached"] is False and [m["name"] for m in only["models"]] == ["median"]
    # undoing an edit brings back the same inputs hash, and with it the cached run
    mini_client.put("/api/scenario/value", json={"field": "capability", "actor": "UKR", "value": 22})
    assert _forecast(mini_client)["cached"] is False
    mini_client.post("/api/scenario/reset")
    back = _forecast(mini_client)
    assert back["cached"] is True and back["inputs_hash"] == first["inputs_hash"]


def test_forecast_page_has_the_record_form_and_openapi_the_route(mini_client: TestClient) -> None:
    page = mini_client.get("/forecast?draws=300&model=median&model=nope").text
    form = page.split('<form id="record-form"')[1].split("</form>")[0]
    assert 'action="/forecast/record" method="post"' in form
    assert '<input type="hidden" name="draws" value="300">' in form
    assert '<input type="hidden" name="model" value="median">' in form and "nope" not in form
    assert 'id="model-times"' in page
    spec = mini_client.get("/api/openapi.json").json()
    op = spec["paths"]["/api/forecast/record"]["post"]
    assert "detente forecast SCENARIO --record" in op["description"]
    assert {"201", "200", "409"} <= set(op["responses"])


def test_record_refuses_bad_requests_with_one_line(mini_client: TestClient) -> None:
    r = mini_client.post("/api/forecast/record", json={"draws": 0})
    assert r.status_code == 400 and "draws=0" in r.json()["detail"]
    r = mini_client.post("/api/forecast/record", json={"draws": DRAWS, "models": ["nope"]})
    assert r.status_code == 400 and "unknown model 'nope'" in r.json()["detail"]
    r = mini_client.post("/api/forecast/record", json={"draws": DRAWS}, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    assert mini_client.get("/api/ledger").json()["forecasts"] == []


def test_forecast_page_ignores_a_malformed_query(mini_client: TestClient) -> None:
    page = mini_client.get("/forecast?draws=abc&seed=")
    assert page.status_code == 200 and '<input type="hidden" name="draws" value="2000">' in page.text


def test_forecast_form_starts_with_the_scenarios_own_models(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from detente.web.app import Settings, create_app

    scenario = tmp_path / "mini.yaml"
    scenario.write_text(MINI.read_text(encoding="utf-8") + "settings: {models: [median]}\n", encoding="utf-8")
    client = TestClient(create_app(Settings(db=tmp_path / "m.duckdb", scenario=scenario, draws=DRAWS)))
    page = client.get("/forecast").text
    assert 'value="median" checked' in page and 'value="smp" checked' not in page
    assert [m["name"] for m in client.get("/api/forecast").json()["models"]] == ["median"]

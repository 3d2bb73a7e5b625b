"""Scenario, forecast and what-if routes on a small scenario: edits change the forecast."""

from __future__ import annotations

import pytest
import yaml
from fastapi.testclient import TestClient


def probabilities(client: TestClient) -> dict[str, float]:
    return {c["id"]: c["probability"] for c in client.get("/api/forecast").json()["classes"]}


def test_scenario_table_has_every_value_with_its_range(mini_client: TestClient) -> None:
    table = mini_client.get("/api/scenario").json()
    assert [a["id"] for a in table["actors"]] == ["USA", "RUS", "UKR"]
    assert [i["id"] for i in table["issues"]] == ["ceasefire", "sanctions"]
    cell = next(c for c in table["cells"] if c["actor"] == "RUS" and c["issue"] == "ceasefire")
    assert cell["position"] == {"value": 20.0, "low": 10.0, "high": 30.0, "citations": [], "note": None,
                                **{k: v for k, v in cell["position"].items() if k not in
                                   ("value", "low", "high", "citations", "note")}}


def test_forecast_has_classes_words_models_and_distributions(mini_client: TestClient) -> None:
    f = mini_client.get("/api/forecast").json()
    assert f["draws"] == 2000 and f["seed"] == 20251020
    ids = [c["id"] for c in f["classes"]]
    assert ids == ["truce", "war_goes_on", "other"]
    assert sum(c["probability"] for c in f["classes"]) == pytest.approx(1.0)
    for c in f["classes"]:
        assert c["word"] in {"almost no chance", "very unlikely", "unlikely", "roughly even chance",
                             "likely", "very likely", "almost certain"}
        assert set(c["per_model"]) == {m["name"] for m in f["models"]}
    assert {"compromise", "median"} <= {m["name"] for m in f["models"]}
    hist = f["histograms"][0]
    assert len(hist["edges"]) == 51 and sum(hist["counts"]) == 2000
    assert 0.0 <= f["agreement"] <= 1.0


def test_same_seed_same_forecast_and_seed_changes_draws(mini_client: TestClient) -> None:
    a = mini_client.get("/api/forecast?draws=500&seed=7").json()
    b = mini_client.get("/api/forecast?draws=500&seed=7").json()
    c = mini_client.get("/api/forecast?draws=500&seed=8").json()
    assert a["classes"] == b["classes"]
    assert a["histograms"] != c["histograms"]


def test_editing_a_position_changes_the_forecast_and_reset_restores_it(mini_client: TestClient) -> None:
    before = probabilities(mini_client)
    r = mini_client.put("/api/scenario/value", json={"field": "position", "actor": "RUS",
                                                      "issue": "ceasefire", "value": 95})
    assert r.status_code == 200
    edited = next(c for c in r.json()["cells"] if c["actor"] == "RUS" and c["issue"] == "ceasefire")
    assert (edited["position"]["value"], edited["position"]["low"], edited["position"]["high"]) == (95, 10, 95)
    after = probabilities(mini_client)
    assert after["truce"] > before["truce"] + 0.1
    mini_client.post("/api/scenario/reset")
    assert probabilities(mini_client) == before


def test_bad_edits_get_one_clear_error(mini_client: TestClient) -> None:
    r = mini_client.put("/api/scenario/value", json={"field": "salience", "actor": "RUS",
                                                      "issue": "ceasefire", "value": 3})
    assert r.status_code == 400 and "salience.value = 3.0 is outside [0, 1]" in r.json()["detail"]
    r = mini_client.put("/api/scenario/value", json={"field": "position", "actor": "XXX",
                                                      "issue": "ceasefire", "value": 3})
    assert r.status_code == 400 and "XXX/ceasefire position: no such value" in r.json()["detail"]
    r = mini_client.get("/api/forecast?draws=0")
    assert r.status_code == 400 and "draws=0" in r.json()["detail"]


def test_form_edit_redirects_and_is_shown(mini_client: TestClient) -> None:
    r = mini_client.post("/scenario/edit", data={"actor": "USA", "issue": "ceasefire", "field": "salience",
                                                  "value": "0.3"}, follow_redirects=False)
    assert r.status_code == 303
    page = mini_client.get("/scenario").text
    assert "USA/ceasefire salience = 0.3" in page
    bad = mini_client.post("/scenario/edit", data={"actor": "USA", "issue": "ceasefire", "field": "salience",
                                                    "value": "abc"})
    assert bad.status_code == 400 and "is not a number" in bad.text


def test_whatif_reports_each_shock_and_their_combination(mini_client: TestClient) -> None:
    w = mini_client.get("/api/whatif?shock=us_walks_away&shock=russia_stronger&draws=1000").json()
    assert [e["shock"] for e in w["effects"]] == ["us_walks_away", "russia_stronger", "combined"]
    for eff in w["effects"]:
        assert sum(c["change"] for c in eff["classes"]) == pytest.approx(0.0, abs=1e-9)
        for c in eff["classes"]:
            assert c["after"] - c["before"] == pytest.approx(c["change"], abs=1e-9)
    walk = w["effects"][0]["classes"][0]
    assert walk["id"] == "truce" and walk["change"] < 0  # without US pressure a truce is less likely
    missing = mini_client.get("/api/whatif?shock=nope")
    assert missing.status_code == 400 and "unknown shock 'nope'" in missing.json()["detail"]


def test_scenario_names_are_escaped_in_pages(mini_client: TestClient) -> None:
    for url in ("/scenario", "/forecast", "/whatif"):
        html = mini_client.get(url).text
        assert "<script>window.__xss" not in html and "<img src=x" not in html
        assert "Mini &lt;script&gt;window.__xss=4&lt;/script&gt; case" in html
    assert "US walks away &lt;script&gt;x&lt;/script&gt;" in mini_client.get("/whatif").text


def test_scenario_yaml_download_carries_the_edits(mini_client: TestClient) -> None:
    mini_client.put("/api/scenario/value", json={"field": "capability", "actor": "UKR", "value": 22})
    data = yaml.safe_load(mini_client.get("/api/scenario.yaml").text)
    assert data["name"].startswith("Mini")
    ukr = next(a for a in data["actors"] if a["id"] == "UKR")
    assert ukr["capability"]["value"] == 22


def test_whatif_takes_inline_changes(mini_client: TestClient) -> None:
    w = mini_client.get("/api/whatif", params={"shock": ["RUS.position.ceasefire=90", " "], "draws": 500}).json()
    assert [e["name"] for e in w["effects"]] == ["RUS.position.ceasefire=90"]
    truce = w["effects"][0]["classes"][0]
    assert truce["id"] == "truce" and truce["change"] > 0.2
    bad = mini_client.get("/api/whatif", params={"shock": "RUS.posture=3"})
    assert bad.status_code == 400 and "not an inline change like" in bad.json()["detail"]
    empty = mini_client.get("/api/whatif", params={"shock": " "})
    assert empty.status_code == 400 and "choose at least one shock" in empty.json()["detail"]


def test_forecast_pages_say_when_the_scenario_is_edited(mini_client: TestClient) -> None:
    assert "edited-note" not in mini_client.get("/forecast").text
    mini_client.put("/api/scenario/value", json={"field": "capability", "actor": "UKR", "value": 22})
    assert "with 1 edit made" in mini_client.get("/forecast").text
    assert "with 1 edit made" in mini_client.get("/whatif").text

"""`detente forecast SCENARIO.yaml`: the Monte Carlo forecast on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mc_helpers import toy_scenario
from typer.testing import CliRunner

from detente.cli import app
from detente.scenario.load import dump_yaml

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ukraine-2025" / "scenario.yaml"


@pytest.fixture
def toy(tmp_path):
    pytest.importorskip("detente.forecast.models.compromise", reason="compromise model not in this tree yet")
    p = tmp_path / "toy.yaml"
    p.write_text(dump_yaml(toy_scenario()), encoding="utf-8")
    return p


def test_forecast_json_is_reproducible_and_has_the_documented_keys(toy):
    args = ["forecast", str(toy), "--draws", "500", "--seed", "11", "-m", "compromise", "--json"]
    a, b = runner.invoke(app, args), runner.invoke(app, args)
    assert a.exit_code == 0, a.output
    assert a.output == b.output                                   # same seed: byte-identical
    data = json.loads(a.output)
    assert list(data) == ["classes", "intervals", "issues", "models", "seed", "draws"]
    assert data["seed"] == 11 and data["draws"] == 500
    assert sum(data["classes"].values()) == pytest.approx(1.0, abs=1e-3)
    other = runner.invoke(app, ["forecast", str(toy), "--draws", "500", "--seed", "12", "-m", "compromise", "--json"])
    assert other.output != a.output


def test_forecast_tables_words_and_record(toy, tmp_path):
    db = tmp_path / "l.duckdb"
    out = runner.invoke(app, ["forecast", str(toy), "--draws", "300", "-m", "compromise", "--record", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "Outcome classes" in out.output and "recorded forecast F-" in out.output
    assert any(w in out.output for w in ("almost no chance", "unlikely", "likely", "roughly even chance"))
    fid = out.output.split("recorded forecast ")[1].split()[0]
    ok = runner.invoke(app, ["verify", fid, "--db", str(db)])
    assert ok.exit_code == 0 and "confirmed" in ok.output


def test_forecast_errors_are_one_clear_line(toy, tmp_path):
    bad = runner.invoke(app, ["forecast", str(toy), "-m", "oracle"])
    assert bad.exit_code == 2 and "unknown model 'oracle'" in bad.output
    bad = runner.invoke(app, ["forecast", str(toy), "--draws", "0", "-m", "compromise"])
    assert bad.exit_code == 2 and "--draws must be at least 1" in bad.output
    broken = tmp_path / "broken.yaml"
    broken.write_text(toy.read_text(encoding="utf-8").replace("low: 30", "low: 60", 1), encoding="utf-8")
    bad = runner.invoke(app, ["forecast", str(broken), "-m", "compromise"])
    assert bad.exit_code == 2 and "low (60.0) > high" in bad.output
    missing = tmp_path / "missing.yaml"
    missing.write_text("name: x\n", encoding="utf-8")
    bad = runner.invoke(app, ["forecast", str(missing), "-m", "compromise"])
    assert bad.exit_code == 2 and "missing required field" in bad.output


def test_example_scenario_forecast_with_the_fast_models():
    pytest.importorskip("detente.forecast.models.median", reason="median model not in this tree yet")
    out = runner.invoke(app, ["forecast", str(EXAMPLE), "--draws", "2000", "-m", "compromise", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert {"frozen_conflict", "grand_bargain", "collapse_escalation", "pressure_resistance",
            "status_quo_cycle", "other"} <= set(data["classes"])
    assert data["seed"] == 20251023                               # the scenario's own settings


def test_model_warnings_name_actors_and_issues():
    from detente.scenario.forecast_cli import name_indices

    msg = "smp: skipped: actor 1 issue 0, actor 0 issue 1, actor 9 issue 0"
    assert name_indices(msg, ["USA", "RUS"], ["summit", "sanctions_oil"]) == (
        "smp: skipped: RUS on summit, USA on sanctions_oil, actor 9 issue 0")

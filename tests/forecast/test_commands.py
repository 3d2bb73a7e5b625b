"""`detente forecast` and `detente backtest` as a user runs them."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

BENCH = Path(str(resources.files("detente.data") / "bench"))
EMISSION = BENCH / "emission_standards_bdm1994.csv"
runner = CliRunner()


def test_forecast_prints_the_outcome():
    res = runner.invoke(app, ["forecast", str(EMISSION), "--model", "compromise"])
    assert res.exit_code == 0, res.output
    assert "7.39" in res.output


def test_forecast_json_has_the_documented_keys():
    res = runner.invoke(app, ["forecast", str(EMISSION), "--model", "bdm", "--rounds", "1", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert set(out) == {"model", "issues", "outcome", "rounds", "actors"}
    assert out["model"] == "bdm" and out["rounds"] == 1 and out["issues"] == ["issue"]
    assert out["outcome"] == [pytest.approx(8.4159, abs=1e-4)]
    belgium = next(a for a in out["actors"] if a["name"] == "Belgium")
    assert belgium["initial"] == [7.0] and belgium["final"] == [pytest.approx(8.4159, abs=1e-4)]


def test_forecast_trajectory_json_and_text():
    res = runner.invoke(app, ["forecast", str(EMISSION), "--model", "bdm", "--rounds", "2", "--trajectory", "--json"])
    traj = json.loads(res.stdout)["trajectory"]
    assert len(traj) == 3 and len(traj[0]) == 10 and traj[0][1] == [7.0]
    res = runner.invoke(app, ["forecast", str(EMISSION), "--model", "bdm", "--rounds", "2", "--trajectory"])
    assert res.exit_code == 0 and "Trajectory on issue" in res.output


def test_forecast_reports_skipped_actors(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("actor,capability,position:a,salience:a,position:b,salience:b\nX,1,10,1,20,1\nY,1,30,1,,\n")
    res = runner.invoke(app, ["forecast", str(f), "--model", "median"])
    assert res.exit_code == 0
    assert "Y has no position on b; skipped on that issue" in res.output


@pytest.mark.parametrize(
    "args,message",
    [
        (["--model", "nope"], "unknown model 'nope'"),
        (["--model", "median", "--rounds", "3"], "--rounds applies to iterative models"),
    ],
)
def test_forecast_errors_exit_2(args, message):
    res = runner.invoke(app, ["forecast", str(EMISSION), *args])
    assert res.exit_code == 2
    assert message in res.output


def test_forecast_bad_file_exit_2(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("actor,capability,position,salience\nA,-1,10,1\n")
    res = runner.invoke(app, ["forecast", str(f)])
    assert res.exit_code == 2 and "capability -1" in res.output


def test_backtest_json_on_a_deu_layout_file(tmp_path):
    lines = (BENCH / "deu3_dev.tsv").read_text().splitlines()
    f = tmp_path / "deu_small.tsv"
    f.write_text("\n".join(lines[:22]) + "\n")
    res = runner.invoke(app, ["backtest", "--data", str(f), "--json", "--no-variants"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["capability"].startswith("equal")
    comp = out["models"]["compromise"]
    assert comp["n"] == out["sets"]["deu_small"]["n"] > 0
    assert comp["ci"][0] <= comp["mae"] <= comp["ci"][1]
    assert set(out["models"]) >= {"compromise", "median", "nash", "ks", "bdm"}


def test_backtest_default_sets_table():
    res = runner.invoke(app, ["backtest", "--no-variants"])
    assert res.exit_code == 0, res.output
    assert "compromise" in res.output and "Capability: equal" in res.output


def test_forecast_runs_each_issue_of_a_multi_issue_ktab_file(tmp_path):
    f = tmp_path / "two.csv"
    f.write_text(
        "Two,Two issues,3,2,\n"
        "Actor,Description,Influence,Tax Position,Tax Salience,Trade Position,Trade Salience,\n"
        "A,first,10,20,50,30,40,\nB,second,20,80,60,70,20,\nC,third,5,50,10,70,90,\n"
    )
    res = runner.invoke(app, ["forecast", str(f), "--model", "bdm", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["issues"] == ["Tax", "Trade"] and len(out["outcome"]) == 2
    assert all(len(a["final"]) == 2 for a in out["actors"])
    res = runner.invoke(app, ["forecast", str(f), "--model", "compromise", "--json"])
    tax = (10 * 0.5 * 20 + 20 * 0.6 * 80 + 5 * 0.1 * 50) / (10 * 0.5 + 20 * 0.6 + 5 * 0.1)
    assert json.loads(res.stdout)["outcome"][0] == pytest.approx(tax, abs=1e-6)

"""Forecast ledger: record, verify, resolve, score (checked by hand on a tiny case)."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from mc_helpers import SPECS, toy_scenario
from typer.testing import CliRunner

from detente.cli import app
from detente.errors import DetenteError, InputError
from detente.forecast import ledger
from detente.scenario.forecast_cli import run
from detente.scenario.load import dump_yaml
from detente.store.db import connect

runner = CliRunner()


def _record(con, classes, when, name="toy"):
    return ledger.record(con, scenario_data={"name": name, "v": 1}, scenario_name=name, scenario_path=None,
                         models={"mean": "1"}, seed=0, draws=10, result={"classes": classes}, horizons={},
                         now=when)


def test_brier_log_and_calibration_by_hand(tmp_path):
    con = connect(tmp_path / "s.duckdb")
    _record(con, {"a": 0.8, "b": 0.2}, dt.datetime(2025, 10, 1))
    _record(con, {"a": 0.6, "b": 0.1}, dt.datetime(2025, 10, 2))
    _record(con, {"a": 0.0, "b": 1.0}, dt.datetime(2026, 1, 5))   # made after the resolution: not scored
    ledger.resolve(con, "a", True, dt.date(2025, 12, 31))
    ledger.resolve(con, "b", False, dt.date(2025, 12, 31))
    s = ledger.score(ledger.scored_pairs(con))
    assert len(s.pairs) == 4
    # (0.8-1)^2 + (0.2-0)^2 + (0.6-1)^2 + (0.1-0)^2 = 0.04 + 0.04 + 0.16 + 0.01 = 0.25; / 4
    assert s.brier == pytest.approx(0.0625)
    # -(ln 0.8 + ln 0.8 + ln 0.6 + ln 0.9) / 4
    assert s.log == pytest.approx(-(2 * math.log(0.8) + math.log(0.6) + math.log(0.9)) / 4)
    assert s.calibration == (("0.1-0.2", 1, pytest.approx(0.1), 0.0), ("0.2-0.3", 1, pytest.approx(0.2), 0.0),
                             ("0.6-0.7", 1, pytest.approx(0.6), 1.0), ("0.8-0.9", 1, pytest.approx(0.8), 1.0))


def test_resolving_twice_replaces_and_unknown_class_is_an_error(tmp_path):
    con = connect(tmp_path / "s.duckdb")
    _record(con, {"a": 0.5}, dt.datetime(2025, 10, 1))
    assert ledger.resolve(con, "a", True, dt.date(2025, 11, 1)) == ("toy", False)
    assert ledger.resolve(con, "a", False, dt.date(2025, 11, 2)) == ("toy", True)
    with pytest.raises(InputError, match="no recorded forecast has outcome class 'zzz'"):
        ledger.resolve(con, "zzz", True, dt.date(2025, 11, 1))
    _record(con, {"a": 0.5}, dt.datetime(2025, 10, 1), name="other")
    with pytest.raises(InputError, match="several scenarios .*--scenario"):
        ledger.resolve(con, "a", True, dt.date(2025, 11, 1))


def test_nothing_to_score_is_a_clear_error(tmp_path):
    con = connect(tmp_path / "s.duckdb")
    with pytest.raises(InputError, match="nothing to score"):
        ledger.score(ledger.scored_pairs(con))


def test_models_for_uses_archived_versions_and_fails_clearly_without_them():
    specs = dict(SPECS)
    assert ledger.models_for({"mean": "1"}, specs)["mean"] is SPECS["mean"]
    specs["mean@0"] = SPECS["median"]   # stands in for an old version kept runnable
    assert ledger.models_for({"mean": "0"}, specs)["mean"] is SPECS["median"]
    with pytest.raises(DetenteError, match="model 'median' version '0' is no longer available .*'median@0'"):
        ledger.models_for({"median": "0"}, specs)


def test_record_verify_resolve_score_round_trip_on_the_command_line(tmp_path, capsys):
    pytest.importorskip("detente.forecast.models.compromise", reason="compromise model not in this tree yet")
    pytest.importorskip("detente.forecast.models.median", reason="median model not in this tree yet")
    path = tmp_path / "toy.yaml"
    path.write_text(dump_yaml(toy_scenario()), encoding="utf-8")
    db = tmp_path / "ledger.duckdb"
    run(path, draws=400, seed=3, json_output=True, record=True, db=db, models=["compromise", "median"])
    printed = json.loads(capsys.readouterr().out)
    con = connect(db)
    (rec,) = ledger.all_records(con)
    con.close()
    assert rec.result == printed and rec.seed == 3 and rec.draws == 400
    assert set(rec.models) == {"compromise", "median"}
    assert rec.horizons == {"deal_made": "2026-06-30", "no_deal": "2026-06-30"}
    path.write_text("name: edited later\n", encoding="utf-8")   # the ledger keeps its own frozen copy

    out = runner.invoke(app, ["verify", rec.id, "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert f"forecast {rec.id} confirmed" in out.output

    out = runner.invoke(app, ["verify", "F-19990101-deadbeef", "--db", str(db)])
    assert out.exit_code == 2 and "no recorded forecast 'F-19990101-deadbeef'" in out.output

    assert runner.invoke(app, ["resolve", "deal_made", "--outcome", "no", "--date", "2030-01-01", "--db", str(db)]).exit_code == 0
    bad = runner.invoke(app, ["resolve", "deal_made", "--outcome", "maybe", "--date", "2030-01-01", "--db", str(db)])
    assert bad.exit_code == 2 and "--outcome must be yes or no" in bad.output
    out = runner.invoke(app, ["ledger", "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    (listed,) = json.loads(out.output)
    assert listed["id"] == rec.id and listed["classes"] == printed["classes"]
    assert listed["resolved"] is True and listed["edited"] is None and listed["draws"] == 400
    out = runner.invoke(app, ["ledger", "--db", str(db)])
    assert out.exit_code == 0 and rec.id in out.output
    out = runner.invoke(app, ["ledger", "--db", str(db), "--scenario", "no such scenario"])
    assert out.exit_code == 2 and "no recorded forecast of scenario 'no such scenario'" in out.output
    out = runner.invoke(app, ["score", "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    scored = json.loads(out.output)
    p = printed["classes"]["deal_made"]
    assert scored["n"] == 1 and scored["brier"] == pytest.approx(p * p, abs=1e-6)


def test_verify_detects_changed_numbers(tmp_path, capsys):
    pytest.importorskip("detente.forecast.models.compromise", reason="compromise model not in this tree yet")
    path = tmp_path / "toy.yaml"
    path.write_text(dump_yaml(toy_scenario()), encoding="utf-8")
    db = tmp_path / "ledger.duckdb"
    run(path, draws=200, seed=1, json_output=True, record=True, db=db, models=["compromise"])
    capsys.readouterr()
    con = connect(db)
    (rec,) = ledger.all_records(con)
    tampered = dict(rec.result, classes={**rec.result["classes"], "deal_made": 0.999})
    con.execute("UPDATE forecasts SET result = ? WHERE id = ?", [ledger.canonical_json(tampered), rec.id])
    con.close()
    out = runner.invoke(app, ["verify", rec.id, "--db", str(db)])
    assert out.exit_code == 2 and "re-solved numbers differ: class deal_made: recorded 0.999" in out.output


def test_store_without_a_ledger_is_a_clear_error(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    duckdb.connect(str(path)).close()          # a store made before the ledger existed
    out = runner.invoke(app, ["score", "--db", str(path)])
    assert out.exit_code == 2 and "no forecast ledger yet" in out.output
    out = runner.invoke(app, ["ledger", "--db", str(path)])
    assert out.exit_code == 2 and "no forecast ledger yet" in out.output
    out = runner.invoke(app, ["verify", "F-1", "--db", str(tmp_path / "missing.duckdb")])
    assert out.exit_code == 2 and "no such store; record a forecast first" in out.output


def _edited_toy():
    """The toy scenario with A's deal position moved (its range widened) and C's capability changed."""
    from mc_helpers import scenario_data as toy_data

    from detente.scenario.load import parse_scenario

    data = toy_data()
    data["stances"][0] = {**data["stances"][0], "position": {"value": 60, "low": 60, "high": 100}}
    data["actors"][2] = {**data["actors"][2], "capability": 25}
    return parse_scenario(data, "edited toy")


def test_value_changes_lists_each_changed_value_and_range_end():
    from detente.scenario.load import scenario_data

    changes = ledger.value_changes(scenario_data(toy_scenario()), scenario_data(_edited_toy()))
    assert changes == [
        ledger.ValueChange("C", None, "capability", 20, 25),
        ledger.ValueChange("C", None, "capability.low", 20, 25),
        ledger.ValueChange("C", None, "capability.high", 20, 25),
        ledger.ValueChange("A", "deal", "position", 90, 60),
        ledger.ValueChange("A", "deal", "position.low", 80, 60),
    ]
    assert ledger.value_changes(scenario_data(toy_scenario()), scenario_data(toy_scenario())) == []


def test_record_forecast_keeps_edits_and_records_a_repeat_once(tmp_path):
    from detente.forecast.scenario_inputs import run_forecast
    from detente.scenario.load import scenario_data

    con = connect(tmp_path / "s.duckdb")
    base, edited = toy_scenario(), _edited_toy()
    fc = run_forecast(edited, SPECS, 5, 300)
    first = ledger.record_forecast(con, edited, fc, scenario_path="toy.yaml", base=base, once=True,
                                   now=dt.datetime(2025, 10, 1, 12))
    assert first.new and first.edited is not None
    assert first.edited.base_hash == ledger.inputs_hash(scenario_data(base))
    again = ledger.record_forecast(con, edited, fc, base=base, once=True, now=dt.datetime(2025, 10, 1, 12))
    assert (again.id, again.new) == (first.id, False)
    (rec,) = ledger.all_records(con)
    assert rec.scenario == scenario_data(edited) and rec.inputs_hash == first.inputs_hash
    assert rec.result == fc.to_json() and rec.models == {"mean": "1", "median": "1"}
    assert rec.seed == 5 and rec.draws == 300 and rec.horizons == {"deal_made": "2026-06-30", "no_deal": "2026-06-30"}
    assert ledger.edits(con) == {first.id: first.edited}
    # without `once` (the CLI) a repeat is a new dated record, even within the same second
    third = ledger.record_forecast(con, edited, fc, base=base, now=dt.datetime(2025, 10, 1, 12))
    assert third.new and third.id != first.id
    # the unedited scenario (base equal to it) is not marked as edited
    plain = ledger.record_forecast(con, base, run_forecast(base, SPECS, 5, 300), base=base, once=True)
    assert plain.edited is None and plain.id not in ledger.edits(con)
    assert [r.id for r in ledger.all_records(con)][-1] == plain.id


def test_edits_of_a_store_made_before_forecast_edits_is_empty(tmp_path):
    import duckdb

    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    assert ledger.edits(con) == {}

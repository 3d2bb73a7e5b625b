"""The multi-round cycle: events between rounds change inputs until a draw leaves the loop."""

from __future__ import annotations

import pytest
from mc_helpers import SPECS, scenario_data

from detente.errors import InputError
from detente.forecast.cycle import run_cycle
from detente.forecast.scenario_inputs import scenario_inputs
from detente.scenario.load import parse_scenario


def _cycle(events, exit_classes=("deal_made",), rounds=8):
    return parse_scenario(scenario_data(cycle={"rounds": rounds, "events": events, "exit_classes": list(exit_classes)}))


PRESSURE = {"id": "pressure", "name": "A presses B", "type": "THREATEN", "source": "A", "target": "B",
            "trigger": {"quantity": "outcome", "issue": "deal", "below": 60, "probability": 0.5},
            "changes": [{"actor": "B", "field": "position", "issue": "deal", "op": "add", "value": 15}]}
RELAPSE = {"id": "relapse", "name": "B hardens", "type": "REJECT", "source": "B",
           "trigger": {"every": 2},
           "changes": [{"actor": "B", "field": "position", "issue": "deal", "op": "add", "value": -15}]}


def test_pressure_leads_draws_out_of_the_loop_over_rounds():
    sc = _cycle([PRESSURE])
    res = run_cycle(scenario_inputs(sc), sc.cycle, SPECS, 4, 1000)
    exited = [r.exited for r in res.rounds]
    assert exited == sorted(exited) and exited[0] < 0.2 < exited[-1]
    assert res.exit_share["deal_made"] == pytest.approx(exited[-1])
    assert res.never_exit == pytest.approx(1 - exited[-1])
    assert 0.4 < res.rounds[0].fired["pressure"] < 0.6          # probability 0.5 among draws below 60
    fired, with_it, without_it = res.event_exit["pressure"]
    assert with_it == pytest.approx(exited[-1]) and without_it < with_it   # pressure drives the exit
    assert without_it == pytest.approx(exited[0])                          # without it only round-1 exits


def test_a_relapse_every_other_round_keeps_the_status_quo_cycle_going():
    pressure_only = run_cycle(scenario_inputs(sc := _cycle([PRESSURE])), sc.cycle, SPECS, 4, 1000)
    sc2 = _cycle([PRESSURE, RELAPSE])
    both = run_cycle(scenario_inputs(sc2), sc2.cycle, SPECS, 4, 1000)
    assert both.never_exit > pressure_only.never_exit
    assert both.rounds[0].fired["relapse"] == 0.0                # round 1 is not divisible by 2
    assert both.rounds[1].fired["relapse"] > 0


def test_same_seed_same_cycle():
    sc = _cycle([PRESSURE, RELAPSE])
    a = run_cycle(scenario_inputs(sc), sc.cycle, SPECS, 9, 500)
    b = run_cycle(scenario_inputs(sc), sc.cycle, SPECS, 9, 500)
    assert a == b


def test_unknown_exit_class_is_rejected_by_the_schema():
    with pytest.raises(InputError, match="unknown outcome class 'peace'"):
        _cycle([PRESSURE], exit_classes=("peace",))


def test_cycle_command(tmp_path):
    import json

    from typer.testing import CliRunner

    from detente.cli import app
    from detente.scenario.load import dump_yaml

    pytest.importorskip("detente.forecast.models.compromise", reason="compromise model not in this tree yet")
    runner = CliRunner()
    p = tmp_path / "c.yaml"
    p.write_text(dump_yaml(_cycle([PRESSURE, RELAPSE])), encoding="utf-8")
    out = runner.invoke(app, ["cycle", str(p), "--draws", "200", "--rounds", "4", "-m", "compromise", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert len(data["rounds"]) == 4 and set(data["events"]) == {"pressure", "relapse"}
    text = runner.invoke(app, ["cycle", str(p), "--draws", "100", "--rounds", "2", "-m", "compromise"])
    assert text.exit_code == 0 and "Exit conditions" in text.output
    plain = tmp_path / "plain.yaml"
    plain.write_text(dump_yaml(_cycle([PRESSURE]).model_copy(update={"cycle": None})), encoding="utf-8")
    bad = runner.invoke(app, ["cycle", str(plain), "-m", "compromise"])
    assert bad.exit_code == 2 and "no `cycle` section" in bad.output


def test_example_cycle_runs_the_status_quo_loop():
    """The example's cycle (the 001 columns' loop) runs for its rounds; its events fire."""
    from pathlib import Path

    from detente.forecast.montecarlo import select_models
    from detente.scenario.load import load_scenario

    pytest.importorskip("detente.forecast.models.compromise", reason="compromise model not in this tree yet")
    sc = load_scenario(Path(__file__).resolve().parents[2] / "examples" / "ukraine-2025" / "scenario.yaml")
    res = run_cycle(scenario_inputs(sc), sc.cycle, select_models(["compromise"]), 0, 200)
    assert len(res.rounds) == sc.cycle.rounds
    assert set(res.event_exit) == {e.id for e in sc.cycle.events}
    assert any(r.fired[e.id] > 0 for r in res.rounds for e in sc.cycle.events)
    assert sum(res.exit_share.values()) + res.never_exit == pytest.approx(1.0)
    exited = [r.exited for r in res.rounds]
    assert exited == sorted(exited)

"""Advice: an actor's levers ranked by how much they move the outcome its way."""

from __future__ import annotations

import pytest
from mc_helpers import SPECS, toy_scenario

from detente.errors import InputError
from detente.forecast.advise import advise
from detente.forecast.scenario_inputs import scenario_inputs


def test_persuading_the_opponent_fully_is_the_best_lever_and_robust():
    adv = advise(scenario_inputs(toy_scenario()), "A", SPECS, 1, 500)
    best = adv.effects[0]
    assert best.lever.label == "persuade B to adopt A's position 90 on deal"
    assert best.gain > 10 and best.robustness == 1.0
    assert best.delta["deal_made"] > 0.5
    gains = [e.gain for e in adv.effects]
    assert gains == sorted(gains, reverse=True)


def test_softening_own_stance_costs_the_actor():
    effects = {e.lever.label: e for e in advise(scenario_inputs(toy_scenario()), "A", SPECS, 1, 500).effects}
    soft = effects["A moves its position on deal -10"]
    hard = effects["A moves its position on deal +10"]
    assert soft.gain < 0 < hard.gain or hard.gain == pytest.approx(0, abs=0.5)
    assert soft.issue_delta["deal"] < 0


def test_silent_actors_are_not_persuaded_on_their_silent_issue():
    labels = [e.lever.label for e in advise(scenario_inputs(toy_scenario()), "A", SPECS, 1, 50).effects]
    assert not any("persuade C" in x and "on aid" in x for x in labels)


def test_unknown_actor_is_a_clear_error():
    with pytest.raises(InputError, match="unknown actor 'Z'; known actors: A, B, C"):
        advise(scenario_inputs(toy_scenario()), "Z", SPECS, 1, 10)


def test_advise_command(tmp_path):
    import json

    from typer.testing import CliRunner

    from detente.cli import app
    from detente.scenario.load import dump_yaml

    pytest.importorskip("detente.forecast.models.compromise", reason="compromise model not in this tree yet")
    p = tmp_path / "toy.yaml"
    p.write_text(dump_yaml(toy_scenario()), encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["advise", str(p), "--actor", "Alpha", "--draws", "200", "-m", "compromise", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["actor"] == "A" and data["levers"][0]["kind"] == "persuade"
    bad = runner.invoke(app, ["advise", str(p), "--actor", "Omega", "-m", "compromise"])
    assert bad.exit_code == 2 and "unknown actor 'Omega'" in bad.output

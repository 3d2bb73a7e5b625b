"""What-if shocks move the expected class the expected way; unknown shocks are clear errors."""

from __future__ import annotations

import pytest
from mc_helpers import SPECS, toy_scenario

from detente.errors import InputError
from detente.forecast.scenario_inputs import scenario_inputs
from detente.forecast.sensitivity import tornado
from detente.forecast.shocks import parse_shock, whatif


def test_strengthening_the_pro_deal_actor_raises_the_deal_class():
    sc = toy_scenario()
    w = whatif(sc, [sc.shock("a_rises"), sc.shock("b_rises")], SPECS, 3, 3000)
    a, b = w.effects
    assert a.delta["deal_made"][0] > 0.3 and a.delta["deal_made"][1] > 0    # interval above 0
    assert a.delta["no_deal"][0] < 0
    assert b.delta["no_deal"][0] > 0.3 and b.delta["deal_made"][0] < 0
    assert a.issue_delta["deal"] > 10 > -10 > b.issue_delta["deal"]
    # the baseline is the ordinary forecast with the same seed and draws
    assert w.base.classes == pytest.approx(a.forecast.classes, abs=1.0)
    for eff in (a, b):
        assert sum(d[0] for d in eff.delta.values()) == pytest.approx(0.0, abs=1e-9)


def test_inline_shock_is_parsed_and_applied():
    sc = toy_scenario()
    sh = parse_shock(sc, "C.position.deal=100")
    assert (sh.changes[0].actor, sh.changes[0].field, sh.changes[0].issue, sh.changes[0].op, sh.changes[0].value) == \
        ("C", "position", "deal", "set", 100.0)
    w = whatif(sc, [sh], SPECS, 0, 1000)
    assert w.effects[0].delta["deal_made"][0] > 0
    minus = parse_shock(sc, "A.capability-10; B.salience.deal*0.5")
    assert [(c.op, c.value) for c in minus.changes] == [("add", -10.0), ("mul", 0.5)]


def test_shock_by_name_from_the_file():
    sc = toy_scenario()
    assert parse_shock(sc, "Alpha grows stronger").id == "a_rises"


@pytest.mark.parametrize(("text", "message"), [
    ("nope", "unknown shock 'nope'.*known: a_rises, b_rises"),
    ("Z.capability*2", "unknown actor 'Z'"),
    ("A.position.peace+5", "unknown issue 'peace'"),
])
def test_unknown_shock_actor_or_issue_is_a_clear_error(text, message):
    with pytest.raises(InputError, match=message):
        parse_shock(toy_scenario(), text)


def test_tornado_ranks_inputs_by_swing_and_moves_the_right_way():
    t = tornado(scenario_inputs(toy_scenario()), SPECS, 2, 800, target="deal_made")
    assert t.target == "deal_made"
    swings = [r.swing for r in t.rows]
    assert swings == sorted(swings, reverse=True)
    rows = {r.input.label: r for r in t.rows}
    assert rows["A capability"].p_high > rows["A capability"].p_low       # stronger A: more deal
    assert rows["B capability"].p_high < rows["B capability"].p_low
    assert rows["A salience on aid"].swing == 0                            # aid does not define the class
    assert "C capability" not in rows                                      # point values have no range


def test_tornado_unknown_class_is_a_clear_error():
    with pytest.raises(InputError, match="unknown outcome class 'peace'"):
        tornado(scenario_inputs(toy_scenario()), SPECS, 2, 10, target="peace")


def _cli_scenario(tmp_path):
    pytest.importorskip("detente.forecast.models.compromise", reason="compromise model not in this tree yet")
    pytest.importorskip("detente.forecast.models.median", reason="median model not in this tree yet")
    from detente.scenario.load import dump_yaml

    p = tmp_path / "toy.yaml"
    p.write_text(dump_yaml(toy_scenario()), encoding="utf-8")
    return p


def test_whatif_command_json_and_errors(tmp_path):
    import json

    from typer.testing import CliRunner

    from detente.cli import app

    runner = CliRunner()
    p = _cli_scenario(tmp_path)
    args = ["whatif", str(p), "--draws", "400", "--tornado-draws", "30", "-m", "compromise", "-m", "median", "--json"]
    out = runner.invoke(app, args)
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert [s["id"] for s in data["shocks"]] == ["a_rises", "b_rises"]     # every shock in the file by default
    assert data["shocks"][0]["delta"]["deal_made"][0] > 0 > data["shocks"][1]["delta"]["deal_made"][0]
    assert data["tornado"]["rows"] and data["base"]["draws"] == 400
    assert runner.invoke(app, args).output == out.output                    # same seed, same bytes
    bad = runner.invoke(app, ["whatif", str(p), "--shock", "Omega.capability*2", "-m", "compromise"])
    assert bad.exit_code == 2 and "unknown actor 'Omega'" in bad.output
    bad = runner.invoke(app, ["whatif", str(p), "-m", "oracle"])
    assert bad.exit_code == 2 and "unknown model 'oracle'" in bad.output
    text = runner.invoke(app, ["whatif", str(p), "-s", "a_rises", "--draws", "200", "--no-tornado", "-m", "compromise"])
    assert text.exit_code == 0 and "a_rises: Alpha grows stronger" in text.output

"""The scenario schema: valid files load, malformed ones fail with one line naming file and field."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest
import yaml

from detente.errors import InputError
from detente.scenario.load import dump_yaml, load_scenario, parse_scenario
from detente.scenario.schema import to_arrays

MINI = {
    "name": "mini",
    "as_of": "2025-10-23",
    "horizon": "2026-06-30",
    "issues": [
        {"id": "summit", "name": "Summit", "low": "no summit", "high": "summit held", "key_points": {50: "planned"},
         "status_quo": {"value": 30, "low": 20, "high": 40}},
        {"id": "oil", "name": "Oil sanctions", "low": "none", "high": "full embargo"},
    ],
    "actors": [
        {"id": "USA", "name": "United States", "capability": {"value": 100, "low": 90, "high": 110}},
        {"id": "RUS", "name": "Russia", "capability": 30},
    ],
    "stances": [
        {"actor": "USA", "issue": "summit",
         "position": {"value": 60, "low": 40, "high": 80,
                      "citations": [{"article": "a#1", "sentence": "Trump will Putin treffen."}]},
         "salience": 0.5},
        {"actor": "RUS", "issue": "summit", "position": 90, "salience": {"value": 0.8, "low": 0.7, "high": 0.9}},
    ],
    "outcome_classes": [
        {"id": "held", "name": "Summit held", "resolution": "A summit takes place", "horizon": "2026-01-01",
         "region": {"summit": [70, 100]}},
    ],
    "shocks": [
        {"id": "tomahawks", "name": "US delivers Tomahawks",
         "changes": [{"actor": "USA", "field": "capability", "op": "mul", "value": 1.1}]},
    ],
}


def bad(mutate) -> str:
    data = copy.deepcopy(MINI)
    mutate(data)
    with pytest.raises(InputError) as info:
        parse_scenario(data, "mini.yaml")
    message = str(info.value)
    assert "\n" not in message and message.startswith("mini.yaml: ")
    return message


def test_valid_scenario_loads_and_becomes_arrays(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(MINI), encoding="utf-8")
    scenario = load_scenario(path)
    arrays = to_arrays(scenario)
    assert arrays.actors == ["USA", "RUS"] and arrays.issues == ["summit", "oil"]
    assert arrays.capability.tolist() == [100, 30]
    assert arrays.capability_low.tolist() == [90, 30]
    assert arrays.position[0, 0] == 60 and arrays.position_low[0, 0] == 40 and arrays.position_high[0, 0] == 80
    assert arrays.salience_low[1, 0] == pytest.approx(0.7)
    assert np.isnan(arrays.position[:, 1]).all()  # nobody has a stance on oil
    assert arrays.status_quo[0] == 30 and np.isnan(arrays.status_quo[1])
    # the YAML it writes loads back to the same scenario
    again = tmp_path / "again.yaml"
    again.write_text(dump_yaml(scenario), encoding="utf-8")
    assert load_scenario(again) == scenario


def test_region_membership() -> None:
    scenario = parse_scenario(copy.deepcopy(MINI))
    held = scenario.outcome_classes[0]
    outcome = np.array([[75.0, 0.0], [69.9, 100.0]])
    assert held.contains(outcome, {"summit": 0, "oil": 1}).tolist() == [True, False]


def test_missing_field() -> None:
    assert bad(lambda d: d["outcome_classes"][0].pop("resolution")) == (
        "mini.yaml: outcome_classes[0] (held).resolution: missing required field"
    )
    assert "issues[0] (summit).high: missing required field" in bad(lambda d: d["issues"][0].pop("high"))
    assert bad(lambda d: d.pop("as_of")) == "mini.yaml: as_of: missing required field"


def test_range_low_above_high() -> None:
    msg = bad(lambda d: d["stances"][1]["salience"].update(low=0.9, high=0.7))
    assert msg == "mini.yaml: stances[1] (RUS/summit).salience: low (0.9) > high (0.7)"
    assert "value 95.0 lies outside its range [40.0, 80.0]" in bad(lambda d: d["stances"][0]["position"].update(value=95))


def test_out_of_range_values() -> None:
    assert "position.value = 190.0 is outside [0, 100]" in bad(lambda d: d["stances"][1].update(position=190))
    assert "salience.high = 1.5 is outside [0, 1]" in bad(
        lambda d: d["stances"][0].update(salience={"value": 0.5, "high": 1.5}))
    assert "actors[1] (RUS)" in bad(lambda d: d["actors"][1].update(capability=0))
    assert "region[summit] = [70.0, 120.0] leaves [0, 100]" in bad(
        lambda d: d["outcome_classes"][0].update(region={"summit": [70, 120]}))


def test_unknown_references() -> None:
    msg = bad(lambda d: d["stances"][1].update(actor="XX"))
    assert msg == "mini.yaml: stances[1] (XX/summit).actor: unknown actor 'XX'; known actors: RUS, USA"
    assert "stances[0] (USA/ceasefire).issue: unknown issue 'ceasefire'" in bad(
        lambda d: d["stances"][0].update(issue="ceasefire"))
    assert "shocks[0] (tomahawks).changes[0].actor: unknown actor 'UKR'" in bad(
        lambda d: d["shocks"][0]["changes"][0].update(actor="UKR"))
    assert "region.donbas: unknown issue 'donbas'" in bad(
        lambda d: d["outcome_classes"][0].update(region={"donbas": [0, 10]}))


def test_typo_in_field_name_and_bad_citation_id() -> None:
    assert "stances[0] (USA/summit).salinece: unknown field" in bad(lambda d: d["stances"][0].update(salinece=0.3))
    assert "is not of the form STEM#N" in bad(
        lambda d: d["stances"][0]["position"]["citations"][0].update(article="001_abc"))


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such scenario file"):
        load_scenario(tmp_path / "absent.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.yaml: line \d+: not valid YAML"):
        load_scenario(broken)
    listy = tmp_path / "list.yaml"
    listy.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(InputError, match="must be a mapping"):
        load_scenario(listy)


def test_malformed_shocks_indicators_and_cycle() -> None:
    assert "tomahawks).changes[0]: a capability change takes no issue" in bad(
        lambda d: d["shocks"][0]["changes"][0].update(issue="summit"))
    assert "shocks[0] (tomahawks).changes[0].op: Input should be 'add', 'mul' or 'set'" in bad(
        lambda d: d["shocks"][0]["changes"][0].update(op="pow"))
    assert "shocks[0] (tomahawks).changes: List should have at least 1 item" in bad(
        lambda d: d["shocks"][0].update(changes=[]))

    def indicator(d, **kw):
        d["indicators"] = [{"id": "call", "name": "Putin calls", "type": "CONSULT", "source": "RUS",
                            "moves": [{"class": "held", "direction": "up"}], **kw}]

    assert "indicators[0] (call).type: Input should be 'AGREE'" in bad(lambda d: indicator(d, type="PHONE"))
    assert "indicators[0] (call).shock: unknown shock 'sanctions'" in bad(lambda d: indicator(d, shock="sanctions"))
    assert "indicators[0] (call).moves[0].class: unknown outcome class 'frozen'" in bad(
        lambda d: indicator(d, moves=[{"class": "frozen", "direction": "up"}]))

    def cycle(d, trigger, exit_classes=("held",)):
        d["cycle"] = {"exit_classes": list(exit_classes), "events": [{
            "id": "call", "name": "call", "type": "CONSULT", "trigger": trigger,
            "changes": [{"actor": "USA", "issue": "summit", "field": "position", "op": "add", "value": 10}]}]}

    assert "cycle.events[0] (call).trigger: a position trigger needs an issue" in bad(
        lambda d: cycle(d, {"quantity": "position", "actor": "USA", "above": 50}))
    assert "cycle.events[0] (call).trigger: above (60.0) must be < below (40.0)" in bad(
        lambda d: cycle(d, {"issue": "summit", "above": 60, "below": 40}))
    assert "cycle.events[0] (call).trigger.probability: Input should be less than or equal to 1" in bad(
        lambda d: cycle(d, {"issue": "summit", "above": 50, "probability": 2}))
    assert "cycle.events[0] (call).trigger.actor: unknown actor 'UKR'" in bad(
        lambda d: cycle(d, {"quantity": "salience", "actor": "UKR", "issue": "summit", "above": 0.5}))
    assert "cycle.exit_classes: unknown outcome class 'peace'" in bad(
        lambda d: cycle(d, {}, exit_classes=["peace"]))


def test_duplicates_dates_and_counts() -> None:
    assert "actors: duplicate id 'USA'" in bad(lambda d: d["actors"][1].update(id="USA"))
    assert "stances[1] (USA/summit): duplicate stance for this actor and issue" in bad(
        lambda d: d["stances"][1].update(actor="USA"))
    assert "horizon: horizon 2025-01-01 is before as_of 2025-10-23" in bad(lambda d: d.update(horizon="2025-01-01"))
    # several problems: the first is named, the rest counted
    msg = bad(lambda d: (d["stances"][0].update(actor="XX"), d["stances"][1].update(issue="YY")))
    assert msg.endswith("(and 1 more problem)")
    assert "stances[0] (USA/summit).position.citations[0].sentence: String should have at least 3 characters" in bad(
        lambda d: d["stances"][0]["position"]["citations"][0].update(sentence=""))


def test_bare_numbers_and_json_files(tmp_path: Path) -> None:
    import json

    path = tmp_path / "s.json"
    path.write_text(json.dumps(MINI), encoding="utf-8")
    sc = load_scenario(path)
    rus = sc.stance("RUS", "summit")
    assert rus is not None and (rus.position.value, rus.position.low, rus.position.high) == (90, 90, 90)
    assert rus.position.citations == []
    broken = tmp_path / "b.json"
    broken.write_text("{\"name\": ", encoding="utf-8")
    with pytest.raises(InputError, match=r"b.json: line 1: not valid JSON"):
        load_scenario(broken)


def test_duplicate_keys_and_aliases_are_refused(tmp_path: Path) -> None:
    dup = tmp_path / "dup.yaml"
    dup.write_text("name: a\nas_of: 2025-01-01\nname: b\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"dup.yaml: line 3: not valid YAML: duplicate key 'name'"):
        load_scenario(dup)
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: not valid YAML: aliases \(\*name\) are not allowed"):
        load_scenario(bomb)

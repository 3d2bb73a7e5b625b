"""The Ukraine 2025 example: the case the seed articles describe, every value cited."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import numpy as np
import yaml
from typer.testing import CliRunner

from detente.cli import app
from detente.scenario.load import load_scenario
from detente.scenario.schema import all_citations, scenario_json_schema, to_arrays

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ukraine-2025" / "scenario.yaml"


def test_actors_issues_and_classes_the_issue_asks_for() -> None:
    sc = load_scenario(EXAMPLE)
    assert {"USA", "RUS", "UKR", "EU", "UK", "NATO", "CHN", "IND", "HUN"} <= set(sc.actor_ids())
    assert set(sc.issue_ids()) == {"ceasefire_first", "donetsk_withdrawal", "long_range_weapons",
                                   "sanctions_oil", "security_guarantees", "summit"}
    assert {c.id for c in sc.outcome_classes} >= {"frozen_conflict", "pressure_resistance", "collapse_escalation",
                                                  "grand_bargain", "status_quo_cycle"}
    for iss in sc.issues:  # scales described in words, with a cited status quo
        assert iss.low and iss.high and len(iss.key_points) >= 3
        assert iss.status_quo is not None and iss.status_quo.citations
    assert {s.id for s in sc.shocks} >= {"tomahawks", "rosneft_lukoil"}
    assert sc.cycle is not None and sc.cycle.events and sc.cycle.exit_classes


def test_every_number_is_cited_and_sources_disagree_in_ranges() -> None:
    sc = load_scenario(EXAMPLE)
    for st in sc.stances:
        assert st.position.citations and st.salience.citations, (st.actor, st.issue)
    for a in sc.actors:
        assert a.capability.source and a.capability.citations
    # the Kremlin-friendly and Ukrainian columns disagree on Russia's ceasefire and guarantee
    # positions: those carry ranges, each end with a citation from each camp
    rus_sg = sc.stance("RUS", "security_guarantees")
    assert rus_sg is not None and rus_sg.position.high - rus_sg.position.low >= 20
    assert {c.article[:3] for c in rus_sg.position.citations} >= {"000", "001"}
    arrays = to_arrays(sc)
    wide = (arrays.position_high - arrays.position_low)[~np.isnan(arrays.position)]
    assert (wide > 0).all()
    assert len(all_citations(sc)) >= 150


def test_classes_are_regions_the_status_quo_falls_into() -> None:
    sc = load_scenario(EXAMPLE)
    idx = {i: j for j, i in enumerate(sc.issue_ids())}
    sq = np.array([i.status_quo.value for i in sc.issues])  # type: ignore[union-attr]
    inside = [c.id for c in sc.outcome_classes if c.contains(sq, idx)]
    assert inside == ["status_quo_cycle"]  # today's state is the cycle, nothing else
    frozen = next(c for c in sc.outcome_classes if c.id == "frozen_conflict")
    armistice = sq.copy()
    armistice[idx["ceasefire_first"]] = 90
    assert frozen.contains(armistice, idx)
    # the same ceasefire bought with a Donetsk withdrawal is another ending
    land = next(c for c in sc.outcome_classes if c.id == "ceasefire_for_territory")
    swap = armistice.copy()
    swap[idx["donetsk_withdrawal"]] = 100
    assert not frozen.contains(swap, idx) and land.contains(swap, idx)


def test_json_schema_is_current_and_validates_the_example() -> None:
    published = json.loads((ROOT / "docs" / "scenario.schema.json").read_text(encoding="utf-8"))
    assert published == scenario_json_schema(), "run `detente scenario schema -o docs/scenario.schema.json`"
    data = json.loads(json.dumps(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")), default=str))
    jsonschema.Draft202012Validator(published).validate(data)
    del data["stances"][0]["salience"]
    errors = list(jsonschema.Draft202012Validator(published).iter_errors(data))
    assert errors and "'salience' is a required property" in errors[0].message


def test_show_and_schema_commands(tmp_path: Path) -> None:
    r = runner.invoke(app, ["scenario", "show", str(EXAMPLE)])
    assert r.exit_code == 0, r.output
    assert "frozen_conflict" in r.output and "85 [45-95]" in r.output
    r = runner.invoke(app, ["scenario", "show", "--json", str(EXAMPLE)])
    assert json.loads(r.output)["as_of"] == "2025-10-23"
    r = runner.invoke(app, ["scenario", "show", "--yaml", str(EXAMPLE)])
    assert yaml.safe_load(r.output)["name"] == load_scenario(EXAMPLE).name
    out = tmp_path / "schema.json"
    r = runner.invoke(app, ["scenario", "schema", "-o", str(out)])
    assert r.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["title"] == "detente scenario"
    r = runner.invoke(app, ["scenario", "show", str(tmp_path / "missing.yaml")])
    assert r.exit_code == 2 and "no such scenario file" in r.output

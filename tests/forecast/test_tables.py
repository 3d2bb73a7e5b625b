"""Reading and writing actor tables: KTAB CSV, plain CSV, JSON; clear errors on bad cells."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from detente.errors import InputError
from detente.forecast.tables import read_table, write_json, write_ktab_csv, write_plain_csv

BENCH = Path(str(resources.files("detente.data") / "bench"))


def test_reads_ktab_soe_policy():
    t = read_table(BENCH / "SOE-Policy.csv")
    assert t.name == "China Policy; scen 0"
    assert t.issues == ["Policy"]
    assert len(t.actors) == 26 and t.actors[0] == "XJ" and t.descriptions[0] == "Xi Jinping"
    assert t.capability[0] == 100 and t.position[0, 0] == 30 and t.salience[0, 0] == pytest.approx(0.30)


@pytest.mark.parametrize("writer,suffix", [(write_ktab_csv, ".csv"), (write_plain_csv, ".csv"), (write_json, ".json")])
def test_round_trip_keeps_every_value(tmp_path, writer, suffix):
    t = read_table(BENCH / "SOE-Competitive.csv")
    out = tmp_path / f"copy{suffix}"
    writer(t, out)
    back = read_table(out)
    assert back.actors == t.actors
    np.testing.assert_allclose(back.capability, t.capability)
    np.testing.assert_allclose(back.position, t.position)
    np.testing.assert_allclose(back.salience, t.salience)


def test_two_dimensional_ktab_with_a_missing_position(tmp_path):
    f = tmp_path / "two.csv"
    f.write_text(
        "Two,Two issues,3,2,\n"
        "Actor,Description,Influence,Tax Position,Tax Salience,Trade Position,Trade Salience,\n"
        "A,first,10,20,50,30,40,\n"
        "B,second,20,80,60,,,\n"
        "C,third,5,50,10,70,90,\n"
    )
    t = read_table(f)
    assert t.issues == ["Tax", "Trade"]
    assert np.isnan(t.position[1, 1]) and t.salience[1, 1] == 0
    assert t.notes == ["B has no position on Trade; skipped on that issue"]


def test_plain_csv_with_status_quo_and_outcome_rows(tmp_path):
    f = tmp_path / "plain.csv"
    f.write_text(
        "actor,capability,position:a,salience:a,position:b,salience:b\n"
        "X,1,10,0.5,90,1\nY,2,60,1,40,0.5\nstatus_quo,,50,,50,\noutcome,,55,,45,\n"
    )
    t = read_table(f)
    assert t.actors == ["X", "Y"]
    np.testing.assert_array_equal(t.status_quo, [50, 50])
    np.testing.assert_array_equal(t.outcome, [55, 45])


@pytest.mark.parametrize(
    "body,message",
    [
        ("A,0,50,0.5\nB,1,50,0.5\n", "capability 0"),
        ("A,-2,50,0.5\nB,1,50,0.5\n", "capability -2"),
        ("A,1,150,0.5\nB,1,50,0.5\n", "outside the scale 0-100"),
        ("A,1,50,5\nB,1,50,0.5\n", r"salience 5 on 'issue' outside \[0, 1\]"),
        ("A,1,nan,0.5\nB,1,50,0.5\n", "give a finite number"),
        ("A,1,abc,0.5\nB,1,50,0.5\n", "'abc' is not a number"),
        ("A,1,50,\nB,1,50,0.5\n", "has a position but no salience"),
        ("A,1,,\nB,1,50,0\n", "no actor with a position and positive salience"),
        ("A,1,50,0.5\nA,1,50,0.5\n", "appears twice"),
    ],
)
def test_bad_cells_are_one_clear_error(tmp_path, body, message):
    f = tmp_path / "bad.csv"
    f.write_text("actor,capability,position,salience\n" + body)
    with pytest.raises(InputError, match=message):
        read_table(f)


def test_error_names_the_line(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("actor,capability,position,salience\nA,1,50,0.5\nB,x,50,0.5\n")
    with pytest.raises(InputError, match=r"bad.csv:3: capability 'x' is not a number"):
        read_table(f)


def test_salience_on_0_100_when_declared(tmp_path):
    f = tmp_path / "s100.csv"
    f.write_text("actor,capability,position,salience\nA,1,20,80\nB,1,60,40\n")
    with pytest.raises(InputError, match="salience_scale=100"):
        read_table(f)
    assert read_table(f, salience_scale=100).salience[0, 0] == pytest.approx(0.8)


def test_ktab_actor_count_must_match(tmp_path):
    f = tmp_path / "k.csv"
    f.write_text("S,desc,3,1,\nActor,Description,Influence,P,S,\nA,a,1,10,50,\nB,b,1,20,50,\n")
    with pytest.raises(InputError, match="declares 3 actors but 2"):
        read_table(f)


def test_json_nulls_are_missing_positions(tmp_path):
    f = tmp_path / "t.json"
    f.write_text('{"issues": ["a", "b"], "actors": ['
                 '{"name": "X", "capability": 1, "position": [10, null], "salience": [1, null]},'
                 '{"name": "Y", "capability": 1, "position": [20, 30], "salience": [1, 1]}]}')
    t = read_table(f)
    assert np.isnan(t.position[0, 1]) and len(t.notes) == 1


def test_unknown_extension_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="unknown table type"):
        read_table(tmp_path / "x.xlsx")
    with pytest.raises(InputError, match="no such file"):
        read_table(tmp_path / "absent.csv")

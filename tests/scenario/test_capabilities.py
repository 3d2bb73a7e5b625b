"""The capability table: a documented index from public indicators, with a range over weightings."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import InputError
from detente.scenario.capabilities import load_table


def test_default_table_index_by_hand() -> None:
    table = load_table()
    usa = table.capability("USA")
    # default weighting: milex 0.4, gdp 0.3, personnel 0.15, nuclear 0.15; shares of the table's maxima
    by_hand = 100 * (0.4 * 997 / 997 + 0.3 * 29185 / 29185 + 0.15 * 1316 / 2035 + 0.15 * 5177 / 5459)
    assert usa.value == pytest.approx(by_hand, abs=0.01)
    assert usa.high == 100.0  # the economic weighting: largest spender and economy
    assert usa.low < usa.value < usa.high
    assert usa.source == "detente/data/capabilities.yaml [USA]"
    # NATO counts only its common budgets, so the members are not counted twice
    assert table.capability("NATO").value < 1
    # every actor of the example case is in the table
    for code in ("USA", "RUS", "UKR", "EU", "GBR", "NATO", "CHN", "IND", "HUN", "TUR"):
        assert table.capability(code).value > 0


def test_unknown_code_names_the_table() -> None:
    with pytest.raises(InputError, match=r"no capability row for 'XYZ'"):
        load_table().capability("XYZ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("indicators: {}\nweightings: {}\nactors: {}\n", "indicators: "),
        ("indicators: {m: {name: M, unit: u, source: s}}\nweightings: {d: {q: 1}}\nactors: {A: {m: 1}}\n",
         "weightings.d.q: unknown indicator"),
        ("indicators: {m: {name: M, unit: u, source: s}}\nweightings: {d: {m: 1}}\nactors: {A: {m: -1}}\n",
         "actors.A.m: expected a number >= 0"),
        ("indicators: {m: {name: M, unit: u, source: s}}\nweightings: {d: {m: 1}}\nactors: {A: {gdp: 1}}\n",
         "actors.A.gdp: unknown indicator"),
        ("- just a list\n", "must be a mapping"),
    ],
)
def test_malformed_tables(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "caps.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_table(path)


def test_custom_table(tmp_path: Path) -> None:
    path = tmp_path / "caps.yaml"
    path.write_text(
        "indicators: {m: {name: M, unit: u, source: s}, g: {name: G, unit: u, source: s}}\n"
        "weightings: {default: {m: 1}, econ: {g: 1}}\n"
        "actors: {A: {m: 10, g: 5}, B: {m: 5, g: 10}}\n", encoding="utf-8")
    b = load_table(path).capability("B")
    assert (b.value, b.low, b.high) == (50.0, 50.0, 100.0)

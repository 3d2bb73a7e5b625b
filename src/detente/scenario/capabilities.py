"""Capability from a table of public indicators (military spending, GDP, forces, warheads).

Composite national-capability indices go back to the Correlates of War CINC score (Singer,
Bremer & Stuckey 1972), an unweighted mean of shares in military, demographic and industrial
indicators. detente keeps the idea (each indicator as a share of the largest value in the
table, then a weighted sum) but uses indicators that are public for 2024 and lets the user
edit the weights; the range over several documented weightings carries the uncertainty.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from detente.errors import InputError
from detente.scenario.load import format_validation_error
from detente.scenario.schema import Value

DEFAULT_TABLE = "detente/data/capabilities.yaml"


class _Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    unit: str
    source: str


class _Table(BaseModel):
    model_config = ConfigDict(extra="allow")
    indicators: dict[str, _Indicator] = Field(min_length=1)
    weightings: dict[str, dict[str, float]] = Field(min_length=1)
    actors: dict[str, dict[str, Any]] = Field(min_length=1)


@dataclass(frozen=True)
class CapabilityTable:
    """A parsed capability table: indicator values per actor code, and named weightings."""

    path: str
    indicators: dict[str, _Indicator]
    weightings: dict[str, dict[str, float]]
    values: dict[str, dict[str, float]]
    names: dict[str, str]

    def index(self, code: str, weighting: str) -> float:
        """The 0-100 index of `code` under one weighting (missing indicators count 0)."""
        total = 0.0
        for ind, weight in self.weightings[weighting].items():
            top = max(v.get(ind, 0.0) for v in self.values.values())
            if top > 0:
                total += weight * self.values[code].get(ind, 0.0) / top
        return 100.0 * total

    def capability(self, code: str) -> Value:
        """Value = the `default` weighting (or the first), range = min/max over all weightings."""
        if code not in self.values:
            raise InputError(f"{self.path}: no capability row for {code!r}; known: {', '.join(self.values)}")
        scores = {w: self.index(code, w) for w in self.weightings}
        main = scores.get("default", next(iter(scores.values())))
        return Value(
            value=round(main, 2),
            low=round(min(scores.values()), 2),
            high=round(max(scores.values()), 2),
            source=f"{self.path} [{code}]",
            note="index 0-100 from " + ", ".join(f"{w} {s:.1f}" for w, s in scores.items()),
        )


def load_table(path: Path | str | None = None) -> CapabilityTable:
    """Read the capability table (the shipped default when `path` is None)."""
    if path is None:
        text = resources.files("detente.data").joinpath("capabilities.yaml").read_text(encoding="utf-8")
        where = DEFAULT_TABLE
    else:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{where}: cannot read capability table: {exc.strerror or exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{where}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: a capability table must be a mapping")
    try:
        table = _Table.model_validate(data)
    except ValidationError as exc:
        raise InputError(format_validation_error(exc, data, where)) from None
    known = set(table.indicators)
    for wname, weights in table.weightings.items():
        for ind, w in weights.items():
            if ind not in known:
                raise InputError(f"{where}: weightings.{wname}.{ind}: unknown indicator; known: {', '.join(sorted(known))}")
            if w < 0:
                raise InputError(f"{where}: weightings.{wname}.{ind}: weight {w} < 0")
    values: dict[str, dict[str, float]] = {}
    names: dict[str, str] = {}
    for code, row in table.actors.items():
        names[code] = str(row.get("name", code))
        values[code] = {}
        for ind in known:
            v = row.get(ind)
            if v is None:
                continue
            if not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0:
                raise InputError(f"{where}: actors.{code}.{ind}: expected a number >= 0, got {v!r}")
            values[code][ind] = float(v)
        for key in row:
            if key not in known and key != "name":
                raise InputError(f"{where}: actors.{code}.{key}: unknown indicator; known: {', '.join(sorted(known))}")
    return CapabilityTable(where, table.indicators, table.weightings, values, names)

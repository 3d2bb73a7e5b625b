"""A small synthetic scenario and two tiny array models for the Monte Carlo tests.

The models are test doubles of the registry's interface (the real ones are tested in their
own files); they are the textbook formulas, so expected directions are easy to reason about:
the compromise (c*s-weighted mean, MODELS.md sec. 1) and the c*s-weighted median (sec. 2).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from detente.forecast.models.base import Outcome
from detente.forecast.models.registry import ModelSpec
from detente.scenario.load import parse_scenario


def _mean(capability, position, salience, *, status_quo=None, **params) -> Outcome:
    w = np.where(np.isnan(position), 0.0, capability[..., :, None] * salience)
    return Outcome("mean", (w * np.nan_to_num(position)).sum(axis=-2) / w.sum(axis=-2))


def _median(capability, position, salience, *, status_quo=None, **params) -> Outcome:
    w = np.where(np.isnan(position), 0.0, capability[..., :, None] * salience)   # (..., n, k)
    position = np.nan_to_num(position)
    order = np.argsort(position, axis=-2)
    xs = np.take_along_axis(position, order, axis=-2)
    ws = np.take_along_axis(w, order, axis=-2)
    cum = np.cumsum(ws, axis=-2)
    idx = (cum >= cum[..., -1:, :] / 2).argmax(axis=-2)          # first crossing half the weight
    return Outcome("median", np.take_along_axis(xs, idx[..., None, :], axis=-2)[..., 0, :])


SPECS = {
    "mean": ModelSpec("mean", _mean, "1", "c*s-weighted mean (test double)"),
    "median": ModelSpec("median", _median, "1", "c*s-weighted median (test double)"),
}


def cite(sentence: str = "Trump hat Putin eine Abfuhr erteilt.") -> dict[str, str]:
    return {"article": "001_326afa099a296fc4#1", "sentence": sentence}


def scenario_data(**overrides: Any) -> dict[str, Any]:
    """Three actors on two issues; A pulls towards 100, B towards 0, C sits between."""
    data: dict[str, Any] = {
        "name": "toy",
        "as_of": dt.date(2025, 10, 23),
        "horizon": dt.date(2026, 6, 30),
        "issues": [
            {"id": "deal", "name": "Deal", "low": "no deal", "high": "full deal"},
            {"id": "aid", "name": "Aid", "low": "none", "high": "all"},
        ],
        "actors": [
            {"id": "A", "name": "Alpha", "capability": {"value": 40, "low": 30, "high": 50, "citations": [cite()]}},
            {"id": "B", "name": "Beta", "capability": {"value": 40, "low": 30, "high": 50}},
            {"id": "C", "name": "Gamma", "capability": 20},
        ],
        "stances": [
            {"actor": "A", "issue": "deal", "position": {"value": 90, "low": 80, "high": 100}, "salience": 0.8},
            {"actor": "B", "issue": "deal", "position": {"value": 10, "low": 0, "high": 20}, "salience": 0.8},
            {"actor": "C", "issue": "deal", "position": {"value": 50, "low": 40, "high": 60}, "salience": 0.5},
            {"actor": "A", "issue": "aid", "position": 70, "salience": {"value": 0.5, "low": 0.3, "high": 0.7}},
            {"actor": "B", "issue": "aid", "position": 30, "salience": 0.5},
        ],
        "outcome_classes": [
            {"id": "deal_made", "name": "Deal", "resolution": "a deal is signed", "horizon": dt.date(2026, 6, 30),
             "region": {"deal": [60, 100]}},
            {"id": "no_deal", "name": "No deal", "resolution": "no deal", "horizon": dt.date(2026, 6, 30),
             "region": {"deal": [0, 40]}},
        ],
        "shocks": [
            {"id": "a_rises", "name": "Alpha grows stronger",
             "changes": [{"actor": "A", "field": "capability", "op": "mul", "value": 3}]},
            {"id": "b_rises", "name": "Beta grows stronger",
             "changes": [{"actor": "B", "field": "capability", "op": "mul", "value": 3}]},
        ],
    }
    data.update(overrides)
    return data


def toy_scenario(**overrides: Any):
    return parse_scenario(scenario_data(**overrides), "toy.yaml")

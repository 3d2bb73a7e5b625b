"""Weighted median ("median voter"): the position that wins every pairwise vote.

Black (1948); Achen (2006) in Thomson et al., *The European Union Decides*, sec. 10.2.
Each actor votes with weight c_i s_i for the nearer of two positions. With distance
utilities on one dimension the Condorcet winner is the c*s-weighted median of the actors'
positions (MODELS.md sec. 2), computed here by sorting rather than by n^2 pairwise votes.

Conventions (docs/decisions.md, D-M1): only actors with a position and positive weight
take part; when the weight splits exactly in half at a gap between two positions, both are
Condorcet winners (a tie) and the outcome is their midpoint.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from detente.errors import InputError
from detente.forecast.models._validate import check
from detente.forecast.models.base import Outcome
from detente.forecast.models.registry import ModelSpec

_TIE_RTOL = 1e-12


def weighted_median(position: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """c*s-weighted median over the last axis; zero-weight entries never win."""
    x = np.where(weight > 0, position, np.inf)
    order = np.argsort(x, axis=-1)
    xs = np.take_along_axis(x, order, axis=-1)
    cum = np.cumsum(np.take_along_axis(weight, order, axis=-1), axis=-1)
    half = 0.5 * cum[..., -1:]
    i = np.argmax(cum >= half * (1 - _TIE_RTOL), axis=-1)[..., None]
    lo = np.take_along_axis(xs, i, axis=-1)[..., 0]
    tie = np.abs(np.take_along_axis(cum, i, axis=-1) - half)[..., 0] <= _TIE_RTOL * half[..., 0]
    nxt = np.take_along_axis(xs, np.minimum(i + 1, xs.shape[-1] - 1), axis=-1)[..., 0]
    tie &= np.isfinite(nxt)
    return np.where(tie, 0.5 * (lo + np.where(tie, nxt, lo)), lo)


def predict(
    capability: np.ndarray,
    position: np.ndarray,
    salience: np.ndarray,
    *,
    status_quo: np.ndarray | None = None,
    **params: Any,
) -> Outcome:
    """Weighted median outcome per issue; see the module docstring."""
    if params:
        raise InputError(f"median: unknown parameter(s) {', '.join(params)}")
    c = check(capability, position, salience, status_quo, model="median")
    return Outcome(model="median", outcome=weighted_median(c.position, c.weight))


SPEC = ModelSpec(
    name="median",
    predict=predict,
    version="1",
    summary="c*s-weighted median, the pairwise Condorcet winner (Black 1948)",
)

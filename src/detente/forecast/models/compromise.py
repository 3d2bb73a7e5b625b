"""Compromise model: the capability x salience weighted mean of positions.

Van den Bos (1991), *Dutch EC Policy Making*; Achen (2006), "Evaluating political
decision-making models", in Thomson et al., *The European Union Decides*, ch. 10, eq. 10.1:
outcome = sum_i c_i s_i x_i / sum_i c_i s_i. It is the empirical bar: on EU legislation it is
as accurate as every more elaborate model (Achen 2006, Table 10.2).

Parameter ``sq_weight`` (default 0, the published model) adds the status quo as one more
"actor" with weight ``sq_weight`` times the total c*s weight of the issue: status-quo anchoring,
one of the honest variants tried by the backtest (docs/decisions.md, D-C1). Issues without a
status quo (NaN) are left unanchored.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from detente.errors import InputError
from detente.forecast.models._validate import check
from detente.forecast.models.base import Outcome
from detente.forecast.models.registry import ModelSpec


def weighted_mean(position: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """sum w x / sum w over the last axis (weights of absent actors are zero)."""
    return np.einsum("...n,...n->...", weight, position) / weight.sum(axis=-1)


def predict(
    capability: np.ndarray,
    position: np.ndarray,
    salience: np.ndarray,
    *,
    status_quo: np.ndarray | None = None,
    sq_weight: float = 0.0,
    **params: Any,
) -> Outcome:
    """Compromise (weighted mean) outcome per issue; see the module docstring."""
    if params:
        raise InputError(f"compromise: unknown parameter(s) {', '.join(params)}")
    if not (np.isfinite(sq_weight) and sq_weight >= 0):
        raise InputError(f"compromise: sq_weight must be >= 0, got {sq_weight}")
    c = check(capability, position, salience, status_quo, model="compromise")
    w = c.weight
    out = weighted_mean(c.position, w)  # (..., k)
    if sq_weight > 0 and c.status_quo is not None:
        sq = c.status_quo
        has = ~np.isnan(sq)
        anchored = (out + sq_weight * np.where(has, sq, 0.0)) / (1.0 + sq_weight)
        out = np.where(has, anchored, out)
    return Outcome(model="compromise", outcome=out, params={"sq_weight": sq_weight})


SPEC = ModelSpec(
    name="compromise",
    predict=predict,
    version="1",
    summary="capability x salience weighted mean (Van den Bos 1991; Achen 2006)",
)

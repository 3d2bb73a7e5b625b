"""Weighted Nash bargaining solution and (weighted) Kalai-Smorodinsky solution on one issue.

Nash (1950) "The bargaining problem", Econometrica 18(2); the asymmetric form of Kalai (1977)
and Roth (1979): the outcome maximises sum_i w_i log(u_i(x) - d_i) with w_i = c_i s_i
(MODELS.md sec. 3). Kalai & Smorodinsky (1975), Econometrica 43(3): the point where every
actor gets the same share of its largest possible gain; weighted here so that actor i's share
is proportional to w_i / max_j w_j (docs/decisions.md, D-N2).

Choices (docs/decisions.md, D-N1..D-N3):

* utility: ``"linear"`` u_i(x) = 1 - |x - x_i| / R (default) or ``"quadratic"``
  u_i(x) = 1 - ((x - x_i) / R)^2, R the spread of the positions (the Nash point does not
  depend on R: rescaling utilities leaves it unchanged).
* disagreement d_i: u_i(status quo) where a status quo is given, else each actor's worst point
  on the span of the positions. With a status quo inside the span (actors on both sides of
  it) no point gives every actor a gain, so the solution is the status quo itself: on one
  dimension the status quo is then Pareto optimal. This is the theory's answer, not a fallback.
* solved by bisection on the (sub)gradient of the concave objective, 60 halvings
  (100 * 2^-60 is far below any scale's resolution), vectorised over draws and issues.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from detente.errors import InputError
from detente.forecast.models._validate import check
from detente.forecast.models.base import Outcome
from detente.forecast.models.registry import ModelSpec

_STEPS = 60


def _bounds(x: np.ndarray, w: np.ndarray, sq: np.ndarray | None):
    """Largest gain M_i (distance from the disagreement point) and the feasible interval."""
    pos = w > 0
    lo = np.min(np.where(pos, x, np.inf), axis=-1, keepdims=True)
    hi = np.max(np.where(pos, x, -np.inf), axis=-1, keepdims=True)
    m = np.maximum(x - lo, hi - x)  # worst point on the span
    if sq is not None:
        q = sq[..., None]
        m = np.where(np.isnan(q), m, np.abs(q - x))
    left = np.max(np.where(pos, x - m, -np.inf), axis=-1)
    right = np.min(np.where(pos, x + m, np.inf), axis=-1)
    return m, np.maximum(left, lo[..., 0]), np.minimum(right, hi[..., 0]), lo[..., 0]


def _solve(x, w, sq, slope_sign) -> np.ndarray:
    m, a, b, lo = _bounds(x, w, sq)
    empty = ~(a < b)
    for _ in range(_STEPS):
        mid = 0.5 * (a + b)
        up = slope_sign(mid[..., None], x, w, m) > 0
        a = np.where(up, mid, a)
        b = np.where(up, b, mid)
    out = 0.5 * (a + b)
    if sq is not None:
        out = np.where(empty & ~np.isnan(sq), sq, out)
    return np.where(empty & (a == b), a, out)


def _nash_slope(utility: str):
    def slope(t, x, w, m):
        d = t - x
        with np.errstate(divide="ignore", invalid="ignore"):
            if utility == "linear":
                g = w * -np.sign(d) / (m - np.abs(d))
            else:
                g = w * -2.0 * d / (m * m - d * d)
            # +inf and -inf meet only exactly on a boundary; NaN > 0 is False: step left
            return np.sum(np.where(w > 0, g, 0.0), axis=-1)

    return slope


def _ks_slope(utility: str):
    def slope(t, x, w, m):
        d = t - x
        lam = w / np.max(w, axis=-1, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            if utility == "linear":
                share = (m - np.abs(d)) / (m * lam)
            else:
                share = (m * m - d * d) / (m * m * lam)
        share = np.where((w > 0) & (m > 0), share, np.inf)
        i = np.argmin(share, axis=-1)[..., None]
        return np.take_along_axis(-d, i, axis=-1)[..., 0]  # > 0 while the worst-off is to the right

    return slope


def _predict(name: str, make_slope, capability, position, salience, status_quo, utility, params) -> Outcome:
    if params:
        raise InputError(f"{name}: unknown parameter(s) {', '.join(params)}")
    if utility not in ("linear", "quadratic"):
        raise InputError(f"{name}: utility must be 'linear' or 'quadratic', got {utility!r}")
    c = check(capability, position, salience, status_quo, model=name)
    out = _solve(c.position, c.weight, c.status_quo, make_slope(utility))
    return Outcome(model=name, outcome=out, params={"utility": utility})


def predict_nash(
    capability: np.ndarray,
    position: np.ndarray,
    salience: np.ndarray,
    *,
    status_quo: np.ndarray | None = None,
    utility: str = "linear",
    **params: Any,
) -> Outcome:
    """Weighted Nash bargaining solution per issue; see the module docstring."""
    return _predict("nash", _nash_slope, capability, position, salience, status_quo, utility, params)


def predict_ks(
    capability: np.ndarray,
    position: np.ndarray,
    salience: np.ndarray,
    *,
    status_quo: np.ndarray | None = None,
    utility: str = "linear",
    **params: Any,
) -> Outcome:
    """Weighted Kalai-Smorodinsky solution per issue; see the module docstring."""
    return _predict("ks", _ks_slope, capability, position, salience, status_quo, utility, params)


SPECS = [
    ModelSpec(
        name="nash",
        predict=predict_nash,
        version="1",
        summary="weighted Nash bargaining solution, w = c*s (Nash 1950; Roth 1979)",
    ),
    ModelSpec(
        name="ks",
        predict=predict_ks,
        version="1",
        summary="weighted Kalai-Smorodinsky solution (Kalai & Smorodinsky 1975)",
    ),
]

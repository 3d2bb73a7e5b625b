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
from numba import njit

from detente.errors import InputError
from detente.forecast.models._validate import check
from detente.forecast.models.base import Outcome
from detente.forecast.models.registry import ModelSpec

_TIE_RTOL = 1e-12


@njit(cache=True)
def _median_rows(x, w, out):  # pragma: no cover - compiled
    # numba: an insertion sort of each short row beats NumPy's argsort + take_along_axis,
    # whose temporaries dominate at 10^4 draws x 30 actors (MODELS.md performance notes)
    B, n = x.shape
    xs = np.empty(n)
    ws = np.empty(n)
    for b in range(B):
        cnt = 0
        total = 0.0
        for t in range(n):
            wt = w[b, t]
            if wt > 0:
                v = x[b, t]
                j = cnt
                while j > 0 and xs[j - 1] > v:
                    xs[j] = xs[j - 1]
                    ws[j] = ws[j - 1]
                    j -= 1
                xs[j] = v
                ws[j] = wt
                cnt += 1
                total += wt
        if cnt == 0:
            out[b] = np.nan
            continue
        half = 0.5 * total
        cum = 0.0
        res = xs[cnt - 1]
        for t in range(cnt):
            cum += ws[t]
            if cum >= half * (1 - 1e-12):
                res = xs[t]
                if abs(cum - half) <= 1e-12 * half and t + 1 < cnt:
                    res = 0.5 * (xs[t] + xs[t + 1])  # exact half split: both tie, take the midpoint
                break
        out[b] = res


def weighted_median(position: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """c*s-weighted median over the last axis; zero-weight entries never win."""
    x, w = np.broadcast_arrays(np.asarray(position, np.float64), np.asarray(weight, np.float64))
    shape = x.shape[:-1]
    x2 = np.ascontiguousarray(x.reshape(-1, x.shape[-1]))
    w2 = np.ascontiguousarray(w.reshape(-1, w.shape[-1]))
    out = np.empty(x2.shape[0])
    _median_rows(x2, w2, out)
    return out.reshape(shape)


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

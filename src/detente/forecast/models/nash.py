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
  (100 * 2^-60 is far below any scale's resolution: the bracket closes to adjacent floats),
  one compiled loop per draw and issue (numba). Nash: the objective is concave, so its
  slope falls through zero once; KS: the worst-off actor's share is monotone in the point,
  so the sign of (worst-off actor's position - point) brackets the equal-share point.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numba import njit

from detente.errors import InputError
from detente.forecast.models._validate import check
from detente.forecast.models.base import Outcome
from detente.forecast.models.registry import ModelSpec

_STEPS = 60
_NASH, _KS = 0, 1


@njit(cache=True)
def _block_sum(a, lo, n):  # pragma: no cover - compiled
    """NumPy's pairwise summation of a[lo:lo + n] for n <= 128: eight partial sums."""
    if n < 8:
        res = 0.0
        for i in range(lo, lo + n):
            res += a[i]
        return res
    r0, r1, r2, r3 = a[lo], a[lo + 1], a[lo + 2], a[lo + 3]
    r4, r5, r6, r7 = a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]
    i = 8
    while i < n - n % 8:
        r0 += a[lo + i]
        r1 += a[lo + i + 1]
        r2 += a[lo + i + 2]
        r3 += a[lo + i + 3]
        r4 += a[lo + i + 4]
        r5 += a[lo + i + 5]
        r6 += a[lo + i + 6]
        r7 += a[lo + i + 7]
        i += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < n:
        res += a[lo + i]
        i += 1
    return res


@njit(cache=True)
def _pairwise_sum(a, n):  # pragma: no cover - compiled
    """sum(a[:n]) added in NumPy's pairwise order (blocks of <= 128 terms, halved above), so
    that the slope's sign near the root, and with it the bisection, is exactly that of the
    NumPy formulation this replaced (np.sum over the actor axis). The halving tree is walked
    with an explicit stack: numba's on-disk cache cannot load recursive functions."""
    if n <= 128:
        return _block_sum(a, 0, n)
    los = np.empty(64, np.int64)
    ns = np.empty(64, np.int64)
    done = np.empty(64, np.bool_)
    vals = np.empty(64)
    top = 0
    nv = 0
    los[0], ns[0], done[0] = 0, n, False
    top = 1
    while top > 0:
        top -= 1
        lo, k, ready = los[top], ns[top], done[top]
        if k <= 128:
            vals[nv] = _block_sum(a, lo, k)
            nv += 1
        elif ready:  # both halves are on the value stack
            nv -= 1
            vals[nv - 1] = vals[nv - 1] + vals[nv]
        else:
            half = k // 2
            half -= half % 8
            los[top], ns[top], done[top] = lo, k, True
            los[top + 1], ns[top + 1], done[top + 1] = lo + half, k - half, False
            los[top + 2], ns[top + 2], done[top + 2] = lo, half, False
            top += 3
    return vals[0]


@njit(cache=True, error_model="numpy")
def _slope(kind, quadratic, t, x, w, m, wmax, g):  # pragma: no cover - compiled
    """Sign-carrying slope at point t of one issue (> 0: the solution lies right of t).

    Nash: d/dt sum_i w_i log(u_i(t) - d_i) (IEEE division: +inf and -inf meet only exactly
    on a boundary, and NaN > 0 is False: step left); g is scratch for the terms. KS:
    x_i - t for the actor with the smallest share (u_i(t) - d_i) / (M_i lambda_i),
    lambda_i = w_i / max_j w_j, the first such actor on ties, as np.argmin picks it.
    """
    n = x.shape[0]
    if kind == _NASH:
        for i in range(n):
            g[i] = 0.0
            if w[i] > 0:
                d = t - x[i]
                if quadratic:
                    g[i] = w[i] * -2.0 * d / (m[i] * m[i] - d * d)
                else:
                    sg = 1.0 if d > 0 else (-1.0 if d < 0 else 0.0)
                    g[i] = w[i] * -sg / (m[i] - abs(d))
        return 0.0 + _pairwise_sum(g, n)
    best = np.inf
    arg = 0
    for i in range(n):
        share = np.inf
        if w[i] > 0 and m[i] > 0:
            lam = w[i] / wmax
            d = t - x[i]
            if quadratic:
                share = (m[i] * m[i] - d * d) / (m[i] * m[i] * lam)
            else:
                share = (m[i] - abs(d)) / (m[i] * lam)
        if share < best:
            best = share
            arg = i
    return -(t - x[arg])


@njit(cache=True, error_model="numpy")
def _row_bounds(xb, wb, q, m):  # pragma: no cover - compiled
    """One row's largest gains M_i (into m: distance from the disagreement point, the status
    quo q, else the worst point on the span) and the feasible interval (a, c) where every
    actor gains; also max_j w_j for the KS weights."""
    n = xb.shape[0]
    lo = np.inf
    hi = -np.inf
    wmax = wb[0]
    for i in range(n):
        wmax = max(wmax, wb[i])
        if wb[i] > 0:
            lo = min(lo, xb[i])
            hi = max(hi, xb[i])
    left = -np.inf
    right = np.inf
    for i in range(n):
        if np.isnan(q):
            m[i] = max(xb[i] - lo, hi - xb[i])
        else:
            m[i] = abs(q - xb[i])
        if wb[i] > 0:
            left = max(left, xb[i] - m[i])
            right = min(right, xb[i] + m[i])
    return max(left, lo), min(right, hi), wmax


@njit(cache=True, error_model="numpy")
def _finish(a0, c0, a, c, q):  # pragma: no cover - compiled
    """The solution from the final bracket (a, c) of the initial one (a0, c0)."""
    res = 0.5 * (a + c)
    empty = not (a0 < c0)
    if empty and not np.isnan(q):
        res = q  # status quo inside the span: no point gives everyone a gain
    if empty and a == c:
        res = a
    return res


@njit(cache=True, error_model="numpy")
def _solve_rows_scalar(x, w, sq, kind, quadratic, out):  # pragma: no cover - compiled
    """Bisection row by row (one draw on one issue) of x, w (B, n); sq (B,) NaN where none."""
    B, n = x.shape
    m = np.empty(n)
    g = np.empty(n)
    for b in range(B):
        a0, c0, wmax = _row_bounds(x[b], w[b], sq[b], m)
        a, c = a0, c0
        for _ in range(_STEPS):
            mid = 0.5 * (a + c)
            if _slope(kind, quadratic, mid, x[b], w[b], m, wmax, g) > 0:
                a = mid
            else:
                c = mid
        out[b] = _finish(a0, c0, a, c, sq[b])


_LANES = 64  # rows bisected in lockstep: one SIMD lane per row, a block fits in L1


@njit(cache=True, error_model="numpy")
def _solve_rows(x, w, sq, kind, quadratic, out):  # pragma: no cover - compiled
    """`_solve_rows_scalar` on blocks of _LANES rows in lockstep, actors transposed so that
    the inner loops run over rows and vectorise. Each lane does exactly the scalar
    operations in the scalar order (the pairwise sum included), so the results are the
    same bit for bit; above 128 actors (NumPy's pairwise sum recurses) rows go one by one."""
    B, n = x.shape
    if n > 128:
        _solve_rows_scalar(x, w, sq, kind, quadratic, out)
        return
    L = _LANES
    xt = np.empty((n, L))
    wt = np.empty((n, L))
    mt = np.empty((n, L))
    gt = np.empty((n, L))
    r8 = np.empty((8, L))
    a0 = np.empty(L)
    c0 = np.empty(L)
    A = np.empty(L)
    C = np.empty(L)
    wmax = np.empty(L)
    T = np.empty(L)
    S = np.empty(L)
    best = np.empty(L)
    xa = np.empty(L)
    m = np.empty(n)
    for b0 in range(0, B, L):
        nb = min(L, B - b0)
        for r in range(L):
            b = b0 + min(r, nb - 1)  # a short last block repeats its last row
            a0[r], c0[r], wmax[r] = _row_bounds(x[b], w[b], sq[b], m)
            A[r] = a0[r]
            C[r] = c0[r]
            for i in range(n):
                xt[i, r] = x[b, i]
                wt[i, r] = w[b, i]
                mt[i, r] = m[i]
        for _ in range(_STEPS):
            for r in range(L):
                T[r] = 0.5 * (A[r] + C[r])
            if kind == _NASH:
                # terms of d/dt sum_i w_i log(gain_i), zero for absent actors
                for i in range(n):
                    if quadratic:
                        for r in range(L):
                            d = T[r] - xt[i, r]
                            v = wt[i, r] * -2.0 * d / (mt[i, r] * mt[i, r] - d * d)
                            gt[i, r] = v if wt[i, r] > 0 else 0.0
                    else:
                        for r in range(L):
                            d = T[r] - xt[i, r]
                            sg = 1.0 if d > 0 else (-1.0 if d < 0 else 0.0)
                            v = wt[i, r] * -sg / (mt[i, r] - abs(d))
                            gt[i, r] = v if wt[i, r] > 0 else 0.0
                # their sum over actors in NumPy's pairwise order (see _block_sum)
                if n < 8:
                    for r in range(L):
                        S[r] = 0.0
                    for i in range(n):
                        for r in range(L):
                            S[r] += gt[i, r]
                else:
                    for j in range(8):
                        for r in range(L):
                            r8[j, r] = gt[j, r]
                    i = 8
                    while i < n - n % 8:
                        for j in range(8):
                            for r in range(L):
                                r8[j, r] += gt[i + j, r]
                        i += 8
                    for r in range(L):
                        S[r] = ((r8[0, r] + r8[1, r]) + (r8[2, r] + r8[3, r])) + (
                            (r8[4, r] + r8[5, r]) + (r8[6, r] + r8[7, r]))
                    while i < n:
                        for r in range(L):
                            S[r] += gt[i, r]
                        i += 1
            else:
                # KS: x_i - t for the first actor with the smallest weighted share
                for r in range(L):
                    best[r] = np.inf
                    xa[r] = xt[0, r]
                for i in range(n):
                    for r in range(L):
                        d = T[r] - xt[i, r]
                        lam = wt[i, r] / wmax[r]
                        if quadratic:
                            share = (mt[i, r] * mt[i, r] - d * d) / (mt[i, r] * mt[i, r] * lam)
                        else:
                            share = (mt[i, r] - abs(d)) / (mt[i, r] * lam)
                        if not (wt[i, r] > 0 and mt[i, r] > 0):
                            share = np.inf
                        if share < best[r]:
                            best[r] = share
                            xa[r] = xt[i, r]
                for r in range(L):
                    S[r] = -(T[r] - xa[r])
            for r in range(L):
                if S[r] > 0:
                    A[r] = T[r]
                else:
                    C[r] = T[r]
        for r in range(nb):
            out[b0 + r] = _finish(a0[r], c0[r], A[r], C[r], sq[b0 + r])


def _predict(name: str, kind: int, capability, position, salience, status_quo, utility, params) -> Outcome:
    if params:
        raise InputError(f"{name}: unknown parameter(s) {', '.join(params)}")
    if utility not in ("linear", "quadratic"):
        raise InputError(f"{name}: utility must be 'linear' or 'quadratic', got {utility!r}")
    c = check(capability, position, salience, status_quo, model=name)
    x, w = c.flat(c.position), np.ascontiguousarray(c.flat(c.weight))
    sq = np.full(x.shape[0], np.nan) if c.status_quo is None else np.ascontiguousarray(c.status_quo, float).reshape(-1)
    out = np.empty(x.shape[0])
    _solve_rows(x, w, sq, kind, utility == "quadratic", out)
    return Outcome(model=name, outcome=c.unflat(out), params={"utility": utility})


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
    return _predict("nash", _NASH, capability, position, salience, status_quo, utility, params)


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
    return _predict("ks", _KS, capability, position, salience, status_quo, utility, params)


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

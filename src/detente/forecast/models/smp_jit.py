"""Compiled loops for the SMP's O(n^3) steps: the challenge search and coalition strengths.

Why numba: both are sums over a third actor for every pair of actors. In NumPy that needs
(B, n, n, n) temporaries (512k elements per draw at n = 80, a dozen of them per round);
here each triple costs a few flops and no memory, which is what makes 80 actors run in
well under KTAB's 197 s / 100. The formulas are those of smp_kernels (KTAB.md 1.2b-c); the
option names are passed as indexes into smp_kernels' tuples.
"""

from __future__ import annotations

import numpy as np
from numba import njit

# codes: index in smp_kernels.VOTING_RULES / VICTORY_MODELS / THIRD_PARTY_COMMIT
_RAMP = 1e-8
_FLOOR = 1e-8


@njit(cache=True, inline="always")
def _vote(w: float, du: float, rule: int) -> float:
    if rule == 0:  # Prop
        return w * du
    b = min(1.0, max(-1.0, du / _RAMP))
    if rule == 1:  # Binary
        return w * b
    if rule == 2:  # PropBin
        return w * (0.8 * du + 0.2 * b)
    if rule == 3:  # PropCbc
        return w * 0.5 * (du + du * du * du)
    if rule == 4:  # Cubic
        return w * du * du * du
    return w * ((2.0 / 3.0) * du if du > 0 else du)  # ASymProsp


@njit(cache=True, inline="always")
def _victory(a: float, b: float, model: int) -> float:
    if model == 4:  # Binary: linear in (a - b)/(a + b) between the 1.1 ratio thresholds
        tot = a + b
        x = (a - b) / tot if tot > 0 else 0.0
        return min(1.0, max(0.0, 0.5 + 0.5 * x / (0.1 / 2.1)))
    if model == 1:
        a, b = a * a, b * b
    elif model == 2:
        a, b = a**4, b**4
    elif model == 3:
        a, b = a**8, b**8
    tot = a + b
    return a / tot if tot > 0 else 0.5


@njit(cache=True, inline="always")
def _util(d: float, r: float) -> float:
    return (1.0 - d) * (1.0 + d * r)


@njit(cache=True)
def _contest(d, rh, umi, umm, weight, i, j, rule, vmodel, commit):
    """P(i beats j) in the eyes of an estimator whose risk estimates are rh (n,);
    umi[m] = u_m(x_i) and umm[m] = u_m(x_m) in its eyes (shared by all targets j)."""
    n = d.shape[0]
    vi = _vote(weight[i], umi[i] - _util(d[i, j], rh[i]), rule)
    vj = _vote(weight[j], umi[j] - umm[j], rule)
    pos = max(vi, 0.0) + max(vj, 0.0)
    neg = max(-vi, 0.0) + max(-vj, 0.0)
    pos3 = 0.0
    neg3 = 0.0
    if commit != 1:  # NoCommit: third parties abstain
        for m in range(n):
            if m == i or m == j:
                continue
            umj = _util(d[m, j], rh[m])
            plain = _vote(weight[m], umi[m] - umj, rule)
            if commit == 0:  # SemiCommit
                p = _victory(pos + max(plain, 0.0), neg + max(-plain, 0.0), vmodel)
                eui = p * (2 * umi[m] + umm[m]) + (1 - p) * 3 * umj
                euj = p * 3 * umi[m] + (1 - p) * (2 * umj + umm[m])
                v = _vote(weight[m], eui - euj, rule)
            else:  # FullCommit
                v = plain
            pos3 += max(v, 0.0)
            neg3 += max(-v, 0.0)
    return _victory(pos + pos3, neg + neg3, vmodel)


@njit(cache=True)
def _estimates(d, risk, adjust, h, i, rh, umi, umm):
    """Fill h's risk estimates rh and the utilities u_m(x_i), u_m(x_m) in h's eyes."""
    for a in range(d.shape[0]):
        rh[a] = (1 - adjust) * risk[h] + adjust * risk[a]
        umi[a] = _util(d[a, i], rh[a])
        umm[a] = _util(d[a, a], rh[a])


@njit(cache=True)
def best_challenges(d, risk, adjust, weight, total, rule, vmodel, commit, min_gain):
    """target (B, n) (-1 none), phi (B, n), gain (B, n); see smp_kernels.best_challenges."""
    nb, n, _ = d.shape
    target = np.full((nb, n), -1, dtype=np.int64)
    phi_out = np.full((nb, n), 0.5)
    gain_out = np.zeros((nb, n))
    for bi in range(nb * n):  # serial: threads lose to oversubscription on shared machines
        b = bi // n
        i = bi % n
        rh = np.empty(n)
        umi = np.empty(n)
        umm = np.empty(n)
        _estimates(d[b], risk[b], adjust, i, i, rh, umi, umm)
        uii = umi[i]
        best = -np.inf
        best_j = -1
        best_phi = 0.5
        for j in range(n):
            if j == i:
                continue
            phi = _contest(d[b], rh, umi, umm, weight[b], i, j, rule, vmodel, commit)
            uij = _util(d[b, i, j], rh[i])
            s = total[b, j]
            g = (1 - s) * 2 * uii + s * (phi * 2 * uii + (1 - phi) * 2 * uij) - (uii + uij)
            if g > best:  # first maximum
                best = g
                best_j = j
                best_phi = phi
        if best_j >= 0:
            phi_out[b, i] = best_phi
            if best > min_gain:
                target[b, i] = best_j
                gain_out[b, i] = best
    return target, phi_out, gain_out


@njit(cache=True)
def perspective_phi(d, risk, adjust, weight, i, j, h, rule, vmodel, commit):
    """P(i[b, m] beats j[b, m]) as h[b, m] sees it: (B, m)."""
    nb, m = i.shape
    n = d.shape[1]
    out = np.empty((nb, m))
    rh = np.empty(n)
    umi = np.empty(n)
    umm = np.empty(n)
    for b in range(nb):
        for k in range(m):
            _estimates(d[b], risk[b], adjust, h[b, k], i[b, k], rh, umi, umm)
            out[b, k] = _contest(d[b], rh, umi, umm, weight[b], i[b, k], j[b, k], rule, vmodel,
                                 commit)
    return out


@njit(cache=True)
def coalitions(weight, value, rule):
    """C(i, j) = 1e-8 + sum_a max(0, vote_a(i:j)): weight (B, n), value (B, n, m) -> (B, m, m)."""
    nb, n, m = value.shape
    out = np.full((nb, m, m), _FLOOR)
    for b in range(nb):
        for a in range(n):
            w = weight[b, a]
            for i in range(m):
                vi = value[b, a, i]
                for j in range(m):
                    v = _vote(w, vi - value[b, a, j], rule)
                    if v > 0:
                        out[b, i, j] += v
    return out

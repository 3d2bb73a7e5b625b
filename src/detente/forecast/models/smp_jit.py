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
def _challenges_one(d, risk, adjust, weight, total, rule, vmodel, commit, min_gain,
                    target, phi_out, gain_out):
    """One draw: fill target (n,) (-1 none), phi_out (n,), gain_out (n,)."""
    n = d.shape[0]
    rh = np.empty(n)
    umi = np.empty(n)
    umm = np.empty(n)
    for i in range(n):
        _estimates(d, risk, adjust, i, i, rh, umi, umm)
        uii = umi[i]
        best = -np.inf
        best_j = -1
        best_phi = 0.5
        for j in range(n):
            if j == i:
                continue
            phi = _contest(d, rh, umi, umm, weight, i, j, rule, vmodel, commit)
            uij = _util(d[i, j], rh[i])
            s = total[j]
            g = (1 - s) * 2 * uii + s * (phi * 2 * uii + (1 - phi) * 2 * uij) - (uii + uij)
            if g > best:  # first maximum
                best = g
                best_j = j
                best_phi = phi
        target[i] = -1
        phi_out[i] = best_phi
        gain_out[i] = 0.0
        if best_j >= 0 and best > min_gain:
            target[i] = best_j
            gain_out[i] = best


@njit(cache=True)
def best_challenges(d, risk, adjust, weight, total, rule, vmodel, commit, min_gain):
    """target (B, n) (-1 none), phi (B, n), gain (B, n); see smp_kernels.best_challenges.
    Serial: on a shared 2-core machine numba's threads lost 3-5x to oversubscription."""
    nb, n, _ = d.shape
    target = np.full((nb, n), -1, dtype=np.int64)
    phi_out = np.full((nb, n), 0.5)
    gain_out = np.zeros((nb, n))
    for b in range(nb):
        _challenges_one(d[b], risk[b], adjust, weight[b], total[b], rule, vmodel, commit,
                        min_gain, target[b], phi_out[b], gain_out[b])
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


# ------------------------------------------------------- whole runs, default parameters only
# KTAB's defaults (Prop votes, Linear victory, Conditional PCE, Mid risk range, OneThird
# adjustment, SemiCommit, S2P2, InitOnlyInterp, Deterministic) are what nearly every run
# uses; for them a whole run is one compiled call, without NumPy's per-call overhead that
# dominates small cases (about 2 ms a round at 7-26 actors). It repeats the steps of
# smp.assess / smp.bargain_round, which stay the readable, trace-tested reference;
# tests/forecast/test_smp.py checks both give the same runs.


@njit(cache=True)
def _cond_pce(u, w, member, out):
    """Conditional PCE (Prop, Linear) over the options with member[m]; u (n voters, m)."""
    nv, m = u.shape
    logp = np.zeros(m)
    for i in range(m):
        if not member[i]:
            continue
        for j in range(i + 1, m):  # each pair once: C(i, j) and C(j, i) together
            if not member[j]:
                continue
            cij = _FLOOR
            cji = _FLOOR
            for a in range(nv):
                du = u[a, i] - u[a, j]
                if du > 0:
                    cij += w[a] * du
                elif du < 0:
                    cji -= w[a] * du
            logp[i] += np.log(max(cij / (cij + cji), 1e-300))
            logp[j] += np.log(max(cji / (cij + cji), 1e-300))
        logp[i] += np.log(0.5)  # P(i > i), kept so the sums match the step-by-step path
    top = -np.inf
    for i in range(m):
        if member[i] and logp[i] > top:
            top = logp[i]
    tot = 0.0
    for i in range(m):
        out[i] = np.exp(logp[i] - top) if member[i] else 0.0
        tot += out[i]
    for i in range(m):
        out[i] /= tot


@njit(cache=True)
def _dist(q, s, y):
    """Salience-weighted distance from ideal q (K,) with saliences s (K,) to point y (K,)."""
    num = 0.0
    den = 0.0
    for k in range(q.shape[0]):
        num += (s[k] * (q[k] - y[k])) ** 2
        den += s[k] * s[k]
    return min(np.sqrt(num / den), 1.0) if den > 0 else 0.0


@njit(cache=True)
def _assess_one(x, sal, cap, pos_tol, d, risk, u, prob, rep):
    """KTAB.md 1.2a for one state: fills d, risk, u (objective utilities), prob, rep."""
    n = x.shape[0]
    for a in range(n):
        for b in range(n):
            d[a, b] = _dist(x[a], sal[a], x[b])
    everyone = np.ones(n, dtype=np.bool_)
    p0 = np.empty(n)
    _cond_pce(1.0 - d, cap, everyone, p0)
    pmax = p0.max()
    pmin = p0.min()
    span = pmax - pmin
    for a in range(n):
        risk[a] = -0.5 + 1.5 * (p0[a] - pmin) / span if span > 1e-15 else 0.0
        for b in range(n):
            u[a, b] = _util(d[a, b], risk[a])
    # distinct positions: collected in actor order, each actor -> last collected within tol
    distinct = np.zeros(n, dtype=np.bool_)
    for i in range(n):
        new = True
        for j in range(i):
            if distinct[j] and np.sum((x[i] - x[j]) ** 2) < pos_tol * pos_tol:
                new = False
                break
        distinct[i] = new
    for i in range(n):
        for j in range(n - 1, -1, -1):
            if distinct[j] and np.sum((x[i] - x[j]) ** 2) < pos_tol * pos_tol:
                rep[i] = j
                break
    p = np.empty(n)
    _cond_pce(u, cap, distinct, p)
    for i in range(n):
        prob[i] = p[rep[i]]


@njit(cache=True)
def _round_one(x, sal, cap, d, risk, u, new):
    """KTAB.md 1.2c-e for one state with the default options: fills new (n, K)."""
    n, nk = x.shape
    total = sal.sum(axis=1)
    weight = cap * total
    target = np.empty(n, dtype=np.int64)
    phi = np.empty(n)
    gain = np.empty(n)
    _challenges_one(d, risk, 1.0 / 3.0, weight, total, 0, 0, 0, 1e-5, target, phi, gain)
    bi = np.empty((n, nk))
    bj = np.empty((n, nk))
    tgt = np.empty(n, dtype=np.int64)
    for i in range(n):
        j = target[i] if target[i] >= 0 else i
        tgt[i] = j
        for k in range(nk):
            wi = sal[i, k] ** 2 * phi[i] ** 2
            wj = sal[j, k] ** 2 * (1 - phi[i]) ** 2
            tot = wi + wj + 1e-6
            lo = min(x[i, k], x[j, k])
            hi = max(x[i, k], x[j, k])
            v = ((wi + 1e-6) * x[i, k] + wj * x[j, k]) / tot
            bi[i, k] = min(max(np.floor(v * 1e4 + 0.5) / 1e4, lo), hi)
            v = (wi * x[i, k] + (wj + 1e-6) * x[j, k]) / tot
            bj[i, k] = min(max(np.floor(v * 1e4 + 0.5) / 1e4, lo), hi)
    # value of bargain m (column n: status quo) to actor a: mean utility of the state
    value = np.empty((n, n + 1))
    for a in range(n):
        base = u[a].mean()
        value[a, n] = base
        for m in range(n):
            if target[m] < 0:
                value[a, m] = base
                continue
            ui = _util(_dist(x[a], sal[a], bi[m]), risk[a])
            uj = _util(_dist(x[a], sal[a], bj[m]), risk[a])
            value[a, m] = base + (ui - u[a, m] + uj - u[a, tgt[m]]) / n
    member = np.zeros(n + 1, dtype=np.bool_)
    p = np.empty(n + 1)
    for k in range(n):
        for m in range(n):
            member[m] = target[m] >= 0 and (m == k or tgt[m] == k)
        member[n] = True
        _cond_pce(value, cap, member, p)
        best = 0.0
        for m in range(n + 1):
            if member[m] and p[m] > best:
                best = p[m]
        chosen = n
        key = np.inf
        for m in range(n + 1):  # ties: KTAB's sequential queue order
            if member[m] and p[m] >= best * (1 - 1e-12):
                km = 2.0 * k if m == n else 2.0 * m + 1
                if km < key:
                    key = km
                    chosen = m
        for c in range(nk):
            if chosen == n:
                new[k, c] = x[k, c]
            elif chosen == k:
                new[k, c] = bi[chosen, c]
            else:
                new[k, c] = bj[chosen, c]


@njit(cache=True)
def run_default(x0, sal, cap, max_rounds, stop_fraction, pos_tol):
    """Whole runs (KTAB.md 1.2-1.3) for a batch: x0 (B, n, K) -> positions (B, T+1, n, K),
    probabilities (B, T+1, n), representatives (B, n), rounds (B,), T = max_rounds; a draw
    that stopped early repeats its last state."""
    nb, n, nk = x0.shape
    pos = np.empty((nb, max_rounds + 1, n, nk))
    prob = np.empty((nb, max_rounds + 1, n))
    reps = np.empty((nb, n), dtype=np.int64)
    rounds = np.zeros(nb, dtype=np.int64)
    d = np.empty((n, n))
    risk = np.empty(n)
    u = np.empty((n, n))
    rep = np.empty(n, dtype=np.int64)
    for b in range(nb):
        pos[b, 0] = x0[b]
        first = 0.0
        t = 0
        while True:
            _assess_one(pos[b, t], sal[b], cap[b], pos_tol, d, risk, u, prob[b, t], rep)
            if t > 0:
                moved = 0.0
                for i in range(n):
                    moved += np.sqrt(np.sum((pos[b, t, i] - pos[b, t - 1, i]) ** 2))
                if t == 1:
                    first = moved
                if t >= max_rounds or (t >= 2 and moved / (first + 1e-4) < stop_fraction):
                    break
            _round_one(pos[b, t], sal[b], cap[b], d, risk, u, pos[b, t + 1])
            t += 1
        rounds[b] = t
        reps[b] = rep
        for s in range(t + 1, max_rounds + 1):
            pos[b, s] = pos[b, t]
            prob[b, s] = prob[b, t]
    return pos, prob, reps, rounds

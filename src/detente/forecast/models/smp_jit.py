"""Compiled loops for the SMP's O(n^3) steps: the challenge search and coalition strengths.

Why numba: both are sums over a third actor for every pair of actors. In NumPy that needs
(B, n, n, n) temporaries (512k elements per draw at n = 80, a dozen of them per round);
here each triple costs a few flops and no memory, which is what makes 80 actors run in
well under KTAB's 197 s / 100. The formulas are those of smp_kernels (KTAB.md 1.2b-c); the
option names are passed as indexes into smp_kernels' tuples.
"""

from __future__ import annotations

from typing import NamedTuple

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
# uses; for them a whole run is one compiled call. It repeats the steps of smp.assess /
# smp.bargain_round, which stay the readable, trace-tested reference; the arithmetic is
# the same expression by expression (no fastmath), so both paths give the same floats
# (tests/forecast/test_smp.py).
#
# Speed (docs/models.md, SMP): Monte Carlo runs this on ~10^5 small states (9 actors x 6
# issues in the example), so per round it allocates nothing (every buffer is a slice of one
# scratch block made per call), skips what only the trajectory needs (the reported
# probabilities of intermediate states), reads d column-wise from its transpose so the
# third-party loop of the challenge search is unit-stride and branch-free (LLVM vectorises
# it), and visits only the members of each bargain queue.


@njit(cache=True)
def _pce_normalise(logp, q, out):
    """out[r] = exp(logp[r] - max) / sum, r < q: the last step of the Conditional PCE."""
    top = -np.inf
    for r in range(q):
        if logp[r] > top:
            top = logp[r]
    tot = 0.0
    for r in range(q):
        out[r] = np.exp(logp[r] - top)
        tot += out[r]
    for r in range(q):
        out[r] /= tot


@njit(cache=True)
def _cond_pce(uq, w, q, c, logp, out):
    """Conditional PCE (Prop votes, Linear victory) over options 0..q-1: out[r] = P(r).

    uq[voter, option]; c: (>= q, >= q) scratch for the coalition strengths C(i, j) =
    1e-8 + sum_a w_a max(u_ai - u_aj, 0), built voter by voter for all j at once (a
    unit-stride loop LLVM vectorises). Each sum runs in voter order and each log-probability
    in the order of the step-by-step path (smp_kernels.pce), so the floats are the same:
    w max(du, 0) is exactly the `if du > 0` term, and C(j, i) uses u_j - u_i = -(u_i - u_j)."""
    nv = uq.shape[0]
    for i in range(q):
        for j in range(q):
            c[i, j] = _FLOOR
        for a in range(nv):
            uai = uq[a, i]
            wa = w[a]
            for j in range(q):
                c[i, j] += wa * max(uai - uq[a, j], 0.0)
    for r in range(q):
        logp[r] = 0.0
    for i in range(q):
        for j in range(i + 1, q):
            tot = c[i, j] + c[j, i]
            logp[i] += np.log(max(c[i, j] / tot, 1e-300))
            logp[j] += np.log(max(c[j, i] / tot, 1e-300))
        logp[i] += np.log(0.5)  # P(i > i), kept so the sums match the step-by-step path
    _pce_normalise(logp, q, out)


@njit(cache=True)
def _distances(x, xt, sal, den, num, d):
    """d[a, b] (KTAB.md 1.2a.1) from a's ideal (= its position) to b's position; xt = x.T.
    The loop over b is innermost (unit-stride, vectorised); each sum over issues keeps
    issue order."""
    n, nk = x.shape
    for a in range(n):
        for b in range(n):
            num[b] = 0.0
        for k in range(nk):
            sa = sal[a, k]
            xa = x[a, k]
            for b in range(n):
                num[b] += (sa * (xa - xt[k, b])) ** 2
        da = den[a]
        for b in range(n):
            v = min(np.sqrt(num[b] / da), 1.0) if da > 0 else 0.0
            d[a, b] = v


@njit(cache=True)
def _risk(d, cap, uq, s, risk, u):
    """Risk attitudes from the risk-neutral PCE over all positions (KTAB.md 1.2a.3-4) and
    the risk-aware utilities u[a, b] = u(d_ab, R_a). s: the scratch of _run_one."""
    n = d.shape[0]
    for a in range(n):
        for i in range(n):
            uq[a, i] = 1.0 - d[a, i]
    p0 = s.p
    _cond_pce(uq, cap, n, s.c, s.logp, p0)
    pmax = p0[0]
    pmin = p0[0]
    for a in range(1, n):
        pmax = max(pmax, p0[a])
        pmin = min(pmin, p0[a])
    span = pmax - pmin
    for a in range(n):
        risk[a] = -0.5 + 1.5 * (p0[a] - pmin) / span if span > 1e-15 else 0.0
        for b in range(n):
            u[a, b] = _util(d[a, b], risk[a])


@njit(cache=True)
def _near(x, i, j, tol2):
    s = 0.0
    for k in range(x.shape[1]):
        s += (x[i, k] - x[j, k]) ** 2
    return s < tol2


@njit(cache=True)
def _probabilities(x, u, cap, pos_tol, s, prob, rep):
    """Each actor's probability of its position: the PCE over the distinct positions with
    risk-aware utilities, as smp.assess; rep = representative position."""
    n = x.shape[0]
    opts, uq = s.opts, s.uq
    tol2 = pos_tol * pos_tol
    q = 0
    for i in range(n):  # distinct positions in actor order
        new = True
        for r in range(q):
            if _near(x, i, opts[r], tol2):
                new = False
                break
        if new:
            opts[q] = i
            q += 1
    slot = s.tgt  # rep as a slot among the distinct positions
    for i in range(n):  # each actor -> the last collected position within tol
        for r in range(q - 1, -1, -1):
            if _near(x, i, opts[r], tol2):
                rep[i] = opts[r]
                slot[i] = r
                break
    for a in range(n):
        for r in range(q):
            uq[a, r] = u[a, opts[r]]
    _cond_pce(uq, cap, q, s.c, s.logp, s.p)
    for i in range(n):
        prob[i] = s.p[slot[i]]


@njit(cache=True)
def _challenges_default(d, risk, weight, total, s, target, phi_out):
    """_challenges_one for Prop votes, Linear victory, SemiCommit and OneThird, with
    u_mm = u(0, r) = 1 (an actor's ideal is its position); s: the scratch of _run_one.

    Same sums as _contest, reordered for speed: for an initiator i, the third parties m
    are the outer loop and all targets j the inner, unit-stride, branch-free loop (LLVM
    vectorises it), so each P(i beats j) still sums its third parties in m order; m = j
    adds an exact +0.0 instead of being skipped."""
    n = d.shape[0]
    adjust = 1.0 / 3.0
    rh, umi, uij, cp, cn, p3, n3, g = s.rh, s.umi, s.uij, s.cp, s.cn, s.p3, s.n3, s.g
    for i in range(n):
        for a in range(n):
            rh[a] = (1 - adjust) * risk[i] + adjust * risk[a]
            umi[a] = _util(d[a, i], rh[a])
        uii = umi[i]
        ri = rh[i]
        wi = weight[i]
        for j in range(n):  # the principals' votes
            uij[j] = _util(d[i, j], ri)
            vi = wi * (uii - uij[j])
            vj = weight[j] * (umi[j] - 1.0)
            cp[j] = max(vi, 0.0) + max(vj, 0.0)
            cn[j] = max(-vi, 0.0) + max(-vj, 0.0)
            p3[j] = 0.0
            n3[j] = 0.0
        for m in range(n):  # third party m's SemiCommit vote on every target j
            if m == i:
                continue
            rm = rh[m]
            um = umi[m]
            wm = weight[m]
            for j in range(n):
                dmj = d[m, j]
                umj = (1.0 - dmj) * (1.0 + dmj * rm)
                plain = wm * (um - umj)
                a_ = cp[j] + max(plain, 0.0)
                b_ = cn[j] + max(-plain, 0.0)
                tot = a_ + b_
                p = a_ / tot if tot > 0 else 0.5
                eui = p * (2 * um + 1.0) + (1 - p) * 3 * umj
                euj = p * 3 * um + (1 - p) * (2 * umj + 1.0)
                v = wm * (eui - euj) * (m != j)
                p3[j] += max(v, 0.0)
                n3[j] += max(-v, 0.0)
        for j in range(n):  # phi = P(i beats j), then the expected gain of the challenge
            a_ = cp[j] + p3[j]
            b_ = cn[j] + n3[j]
            tot = a_ + b_
            phi = a_ / tot if tot > 0 else 0.5
            s_j = total[j]
            u_j = uij[j]
            g[j] = ((1 - s_j) * 2 * uii + s_j * (phi * 2 * uii + (1 - phi) * 2 * u_j)
                    - (uii + u_j))
            p3[j] = phi
        best = -np.inf
        best_j = -1
        for j in range(n):
            if j != i and g[j] > best:  # first maximum
                best = g[j]
                best_j = j
        phi_out[i] = p3[best_j] if best_j >= 0 else 0.5
        target[i] = best_j if best_j >= 0 and best > 1e-5 else -1


@njit(cache=True)
def _bargains(x, sal, target, phi, tgt, bi, bj):
    """Each challenge's bargain, both sides (S2P2, InitOnlyInterp; KTAB.md 1.2d), rounded
    to 4 decimals; tgt[i] = target, or i itself without one."""
    n, nk = x.shape
    for i in range(n):
        j = target[i] if target[i] >= 0 else i
        tgt[i] = j
        if target[i] < 0:
            continue
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


@njit(cache=True)
def _which_position(b, m, x, i, j):
    """i or j if bargain side b[m] is exactly actor i's or j's position, else -1."""
    nk = x.shape[1]
    same_i = True
    same_j = True
    for k in range(nk):
        same_i = same_i and b[m, k] == x[i, k]
        same_j = same_j and b[m, k] == x[j, k]
    return i if same_i else j if same_j else -1


@njit(cache=True)
def _point_utilities(xt, salt, den, risk, b, m, out):
    """out[a] = u(d(a, b[m]), R_a): every actor's utility of point b[m], vectorised over
    actors (xt, salt: x.T, sal.T), each distance summed in issue order as _distances."""
    nk, n = xt.shape
    for a in range(n):
        out[a] = 0.0
    for k in range(nk):
        bk = b[m, k]
        for a in range(n):
            out[a] += (salt[k, a] * (xt[k, a] - bk)) ** 2
    for a in range(n):
        da = den[a]
        out[a] = _util(min(np.sqrt(out[a] / da), 1.0) if da > 0 else 0.0, risk[a])


@njit(cache=True)
def _values(x, xt, salt, den, risk, u, target, tgt, bi, bj, base, ui, uj, val):
    """val[m, a]: bargain m's value to actor a, the mean utility of the state in which only
    m is implemented (KTAB.md 1.2e); row n: the status quo. A side of a bargain that is
    exactly its initiator's or target's position (common once positions settle) takes the
    utilities already in u; two equal sides (the usual case after rounding) are valued
    once. Same floats either way: u[a, c] is u(d(a, x_c), R_a) by the same expression."""
    n, nk = x.shape
    for a in range(n):
        t = 0.0
        for b in range(n):
            t += u[a, b]
        base[a] = t / n
        val[n, a] = base[a]
    for m in range(n):
        if target[m] < 0:
            for a in range(n):
                val[m, a] = base[a]
            continue
        j = tgt[m]
        # both sides written out: a shared helper here measured 7% slower (bench/rerun.py)
        c = _which_position(bi, m, x, m, j)
        if c >= 0:
            for a in range(n):
                ui[a] = u[a, c]
        else:
            _point_utilities(xt, salt, den, risk, bi, m, ui)
        same = True
        for k in range(nk):
            same = same and bi[m, k] == bj[m, k]
        if same:
            for a in range(n):
                uj[a] = ui[a]
        else:
            c = _which_position(bj, m, x, m, j)
            if c >= 0:
                for a in range(n):
                    uj[a] = u[a, c]
            else:
                _point_utilities(xt, salt, den, risk, bj, m, uj)
        for a in range(n):
            val[m, a] = base[a] + (ui[a] - u[a, m] + uj[a] - u[a, j]) / n


@njit(cache=True, inline="always")
def _pair_logs(val, w, i, j):
    """log P(i > j), log P(j > i) for options i, j of val[option, voter] (Prop votes,
    Linear victory): the pair step of the Conditional PCE, voters in order, branch-free."""
    cij = _FLOOR
    cji = _FLOOR
    for a in range(val.shape[1]):
        du = val[i, a] - val[j, a]
        cij += w[a] * max(du, 0.0)
        cji += w[a] * max(-du, 0.0)
    tot = cij + cji
    return np.log(max(cij / tot, 1e-300)), np.log(max(cji / tot, 1e-300))


@njit(cache=True)
def _resolve(x, cap, target, tgt, bi, bj, val, s, new):
    """Every actor k resolves its own queue (its bargain, those aimed at it, its status
    quo) by a PCE of all actors' values and takes its side of the winner (KTAB.md 1.2e).

    The queue's PCE is _cond_pce's, summed in the same order (status quo last); each
    bargain's contest with the status quo, which appears in two queues (its initiator's and
    its target's), is computed once."""
    n, nk = x.shape
    opts, p, logp, lms, lsm = s.opts, s.p, s.logp, s.lms, s.lsm
    for m in range(n):
        if target[m] >= 0:
            lms[m], lsm[m] = _pair_logs(val, cap, m, n)
    for k in range(n):
        q = 0  # the bargains in k's queue; the status quo is slot q
        for m in range(n):
            if target[m] >= 0 and (m == k or tgt[m] == k):
                opts[q] = m
                q += 1
        opts[q] = n
        for r in range(q + 1):
            logp[r] = 0.0
        for r in range(q):
            i = opts[r]
            for t in range(r + 1, q):
                lij, lji = _pair_logs(val, cap, i, opts[t])
                logp[r] += lij
                logp[t] += lji
            logp[r] += lms[i]
            logp[q] += lsm[i]
            logp[r] += np.log(0.5)
        logp[q] += np.log(0.5)
        _pce_normalise(logp, q + 1, p)
        best = 0.0
        for r in range(q + 1):
            if p[r] > best:
                best = p[r]
        chosen = n
        key = np.inf
        for r in range(q + 1):  # ties: KTAB's sequential queue order
            m = opts[r]
            if p[r] >= best * (1 - 1e-12):
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
def _round_default(x, sal, cap, s, new):
    """KTAB.md 1.2c-e for one state with the default options (s: the scratch of _run_one,
    with d, u, risk of this state): fills new (n, K)."""
    _challenges_default(s.d, s.risk, s.weight, s.total, s, s.target, s.phi)
    _bargains(x, sal, s.target, s.phi, s.tgt, s.bi, s.bj)
    _values(x, s.xt, s.salt, s.den, s.risk, s.u, s.target, s.tgt, s.bi, s.bj, s.base, s.ni,
            s.nj, s.val)
    _resolve(x, cap, s.target, s.tgt, s.bi, s.bj, s.val, s, new)


class Scratch(NamedTuple):
    """Every buffer one draw's run needs, allocated once per kernel call."""

    x: np.ndarray  # (n, K) current state
    new: np.ndarray  # (n, K) next state
    xt: np.ndarray  # (K, n) x.T
    salt: np.ndarray  # (K, n) saliences, transposed
    d: np.ndarray  # (n, n) distances
    u: np.ndarray  # (n, n) risk-aware utilities
    uq: np.ndarray  # (n, n + 1) [voter, option] utilities of one PCE's options
    c: np.ndarray  # (n + 1, n + 1) coalition strengths
    val: np.ndarray  # (n + 1, n) [option, voter] bargain values, last: status quo
    bi: np.ndarray  # (n, K) bargain sides
    bj: np.ndarray
    den: np.ndarray  # (n,) sum_k s_ak^2
    total: np.ndarray  # (n,) S_a
    weight: np.ndarray  # (n,) c_a S_a
    risk: np.ndarray  # (n,)
    rh: np.ndarray  # (n,) per-initiator scratch of the challenge search
    umi: np.ndarray
    uij: np.ndarray
    cp: np.ndarray
    cn: np.ndarray
    p3: np.ndarray
    n3: np.ndarray
    g: np.ndarray
    phi: np.ndarray
    base: np.ndarray  # (n,) per-actor scratch of the bargain values
    ni: np.ndarray
    nj: np.ndarray
    p: np.ndarray  # (n + 1,) PCE scratch
    logp: np.ndarray
    lms: np.ndarray  # (n,) log P(bargain m beats the status quo)
    lsm: np.ndarray  # (n,) log P(the status quo beats bargain m)
    target: np.ndarray  # (n,) int
    tgt: np.ndarray
    opts: np.ndarray  # (n + 1,) int


@njit(cache=True)
def _scratch(n, nk):
    return Scratch(np.empty((n, nk)), np.empty((n, nk)), np.empty((nk, n)), np.empty((nk, n)),
                   np.empty((n, n)), np.empty((n, n)), np.empty((n, n + 1)),
                   np.empty((n + 1, n + 1)), np.empty((n + 1, n)),
                   np.empty((n, nk)), np.empty((n, nk)),
                   np.empty(n), np.empty(n), np.empty(n), np.empty(n), np.empty(n),
                   np.empty(n), np.empty(n), np.empty(n), np.empty(n), np.empty(n), np.empty(n),
                   np.empty(n), np.empty(n), np.empty(n), np.empty(n), np.empty(n),
                   np.empty(n + 1), np.empty(n + 1), np.empty(n), np.empty(n),
                   np.empty(n, dtype=np.int64), np.empty(n, dtype=np.int64),
                   np.empty(n + 1, dtype=np.int64))


@njit(cache=True)
def _state_key(x):
    """A cheap fingerprint of a state, to find repeated states (then compared exactly)."""
    h = 0.0
    nk = x.shape[1]
    for i in range(x.shape[0]):
        for k in range(nk):
            h += x[i, k] * (1 + i * nk + k)
    return h


@njit(cache=True)
def _run_one(x0, sal, cap, max_rounds, stop_fraction, pos_tol, s, traj, keys, tprob, record,
             prob, rep):
    """One draw's whole run (KTAB.md 1.2-1.3). Every state t goes to traj[t] (n, K); the
    final probabilities to prob (n,) and representatives to rep (n,); returns the rounds
    run and leaves the final state in s.x. With `record`, state t's probabilities go to
    tprob[t] (n,).

    Cycles: a round is a function of the state alone (ideals are positions), so once a
    state repeats, x_t = x_s with 1 <= s < t, the run cycles with period t - s. Every move
    of the cycle has then been tested by the stopping rule (at rounds >= 2) without
    stopping, so the run ends at max_rounds, in state x_{s + (max_rounds - s) mod (t - s)},
    which is taken from traj instead of running the remaining rounds (without `record`;
    the example's 10,000 draws: 116 cycling draws, 5.6% of all rounds)."""
    n, nk = x0.shape
    x, new = s.x, s.new
    for a in range(n):
        den = 0.0
        tot = 0.0
        for k in range(nk):
            den += sal[a, k] * sal[a, k]
            tot += sal[a, k]
            x[a, k] = x0[a, k]
            s.xt[k, a] = x0[a, k]
            s.salt[k, a] = sal[a, k]
        s.den[a] = den
        s.total[a] = tot
        s.weight[a] = cap[a] * tot
    traj[0] = x
    first = 0.0
    t = 0
    while True:
        stop = False
        if t > 0:  # KTAB's stopping rule (KTAB.md 1.3) on the move from t - 1 to t
            moved = 0.0
            for i in range(n):
                m2 = 0.0
                for k in range(nk):
                    m2 += (x[i, k] - new[i, k]) ** 2
                moved += np.sqrt(m2)
            for i in range(n):
                for k in range(nk):
                    x[i, k] = new[i, k]
            traj[t] = x
            if t == 1:
                first = moved
            stop = t >= max_rounds or (t >= 2 and moved / (first + 1e-4) < stop_fraction)
            if not stop and not record:
                keys[t] = _state_key(x)
                for r in range(1, t):
                    if keys[r] == keys[t] and np.array_equal(traj[r], x):
                        x[:] = traj[r + (max_rounds - r) % (t - r)]
                        t = max_rounds
                        stop = True
                        break
            for i in range(n):
                for k in range(nk):
                    s.xt[k, i] = x[i, k]
        _distances(x, s.xt, sal, s.den, s.ni, s.d)
        _risk(s.d, cap, s.uq, s, s.risk, s.u)
        if record or stop:
            _probabilities(x, s.u, cap, pos_tol, s, prob, rep)
            if record:
                tprob[t] = prob
        if stop:
            return t
        _round_default(x, sal, cap, s, new)
        t += 1


@njit(cache=True)
def run_default(x0, sal, cap, max_rounds, stop_fraction, pos_tol):
    """Whole runs (KTAB.md 1.2-1.3) for a batch, final states only: x0 (B, n, K) ->
    final positions (B, n, K), probabilities (B, n), representatives (B, n), rounds (B,)."""
    nb, n, nk = x0.shape
    s = _scratch(n, nk)
    final = np.empty((nb, n, nk))
    prob = np.empty((nb, n))
    reps = np.empty((nb, n), dtype=np.int64)
    rounds = np.zeros(nb, dtype=np.int64)
    traj = np.empty((max_rounds + 1, n, nk))
    keys = np.empty(max_rounds + 1)
    nonep = np.empty((1, n))
    for b in range(nb):
        rounds[b] = _run_one(x0[b], sal[b], cap[b], max_rounds, stop_fraction, pos_tol, s,
                             traj, keys, nonep, False, prob[b], reps[b])
        final[b] = s.x
    return final, prob, reps, rounds


@njit(cache=True)
def run_default_history(x0, sal, cap, max_rounds, stop_fraction, pos_tol):
    """As run_default, keeping every state: positions (B, T+1, n, K), probabilities
    (B, T+1, n), representatives (B, n), rounds (B,), T = max_rounds; a draw that stopped
    early repeats its last state."""
    nb, n, nk = x0.shape
    s = _scratch(n, nk)
    pos = np.empty((nb, max_rounds + 1, n, nk))
    prob = np.empty((nb, max_rounds + 1, n))
    reps = np.empty((nb, n), dtype=np.int64)
    rounds = np.zeros(nb, dtype=np.int64)
    keys = np.empty(max_rounds + 1)
    last = np.empty(n)
    for b in range(nb):
        t = _run_one(x0[b], sal[b], cap[b], max_rounds, stop_fraction, pos_tol, s, pos[b],
                     keys, prob[b], True, last, reps[b])
        rounds[b] = t
        for r in range(t + 1, max_rounds + 1):
            pos[b, r] = pos[b, t]
            prob[b, r] = prob[b, t]
    return pos, prob, reps, rounds

"""Compiled inner loop of the Bueno de Mesquita expected utility model (see bdm.py).

numba, because each round needs pairwise matrices whose NumPy temporaries over a batch of
draws cost more than the arithmetic (MODELS.md, performance notes); one draw's matrices fit
in cache here. The vote tallies use the O(n^2 log n) prefix-sum form: in one dimension
|x_k - x_j| - |x_k - x_i| is piecewise linear in x_k, so sums over third parties k come from
prefix sums of w and w*x over the sorted positions.
"""

from __future__ import annotations

import numpy as np
from numba import njit

# integer codes of the variants (bdm.py maps names to these)
PROB_TRIPLES, PROB_PAIR = 0, 1
OFFER_SCHOLZ, OFFER_LEAST = 0, 1
T_CLOSER, T_ALWAYS, T_NEVER = 0, 1, 2
SEC_RECEIVED, SEC_GIVEN = 0, 1
SAL_TARGET, SAL_SELF = 0, 1
RANGE_INITIAL, RANGE_CURRENT, RANGE_FIXED = 0, 1, 2


@njit(cache=True)
def wmedian(x, w):
    """c*s-weighted median of x (zero weights never win; exact half split -> midpoint)."""
    m = x.shape[0]
    xs = np.empty(m)
    ws = np.empty(m)
    cnt = 0
    for t in range(m):
        if w[t] > 0:
            xs[cnt] = x[t]
            ws[cnt] = w[t]
            cnt += 1
    if cnt == 0:
        return np.nan
    order = np.argsort(xs[:cnt])
    total = 0.0
    for t in range(cnt):
        total += ws[t]
    half = 0.5 * total
    cum = 0.0
    for t in range(cnt):
        cum += ws[order[t]]
        if cum >= half * (1 - 1e-12):
            lo = xs[order[t]]
            if abs(cum - half) <= 1e-12 * half and t + 1 < cnt:
                return 0.5 * (lo + xs[order[t + 1]])
            return lo
    return xs[order[cnt - 1]]


@njit(cache=True)
def _probabilities(x, w, F, prob_mode, P):
    """P[i, j]: probability that i prevails over j (Scholz et al. 2011, eq. 31).

    F[k, a] is voter k's disutility of position a ((|x_k - x_a| / R)^r_k), increasing in the
    distance. Voter k backs i against j iff x_k is nearer x_i, i.e. on i's side of their
    midpoint, so the tally sum_k w_k max(0, F[k, j] - F[k, i]) is a difference of prefix sums
    over the voters sorted by position, and the midpoint's rank moves monotonically as j
    walks the sorted positions: O(m^2) per round instead of O(m^3).
    """
    m = x.shape[0]
    order = np.argsort(x)
    xs = x[order]
    G = np.zeros((m + 1, m))
    for t in range(m):
        k = order[t]
        for a in range(m):
            G[t + 1, a] = G[t, a] + w[k] * F[k, a]
    for ti in range(m):
        i = order[ti]
        xi = xs[ti]
        pl = 0  # number of positions < mid
        pr = 0  # number of positions <= mid
        for tj in range(m):
            j = order[tj]
            xj = xs[tj]
            mid = 0.5 * (xi + xj)
            while pl < m and xs[pl] < mid:
                pl += 1
            if pr < pl:
                pr = pl
            while pr < m and xs[pr] <= mid:
                pr += 1
            if xi == xj:
                P[i, j] = 0.0
            elif xi > xj:  # voters right of the midpoint back i
                P[i, j] = max((G[m, j] - G[pr, j]) - (G[m, i] - G[pr, i]), 0.0)
            else:  # voters left of the midpoint back i
                P[i, j] = max(G[pl, j] - G[pl, i], 0.0)
    if prob_mode == PROB_TRIPLES:
        # normalised over all triples (k, a, b): sum_k w_k sum_{a,b} |F[k, a] - F[k, b]|.
        # F[k, .] sorted = voter k's neighbours merged outwards by distance (two sorted runs).
        total = 0.0
        for tk in range(m):
            k = order[tk]
            lo = tk - 1
            hi = tk + 1
            acc = F[k, k] * (1 - m)
            for t in range(1, m):
                if hi >= m or (lo >= 0 and xs[tk] - xs[lo] <= xs[hi] - xs[tk]):
                    v = F[k, order[lo]]
                    lo -= 1
                else:
                    v = F[k, order[hi]]
                    hi += 1
                acc += v * (2 * t - m + 1)
            total += w[k] * 2.0 * acc
        if total > 0:
            for i in range(m):
                for j in range(m):
                    P[i, j] /= total
    else:
        for i in range(m):
            for j in range(i + 1, m):
                tot = P[i, j] + P[j, i]
                if tot > 0:
                    a = P[i, j] / tot
                    P[j, i] = P[j, i] / tot
                    P[i, j] = a


@njit(cache=True)
def _eu(i, j, d, us, uf, usq, rp, x, s, P, R, q, mu, t_mode, sal_mode):
    """E_i(U_ij) (Scholz et al. 2011, appendix eqs. 26-32) given the basic utilities
    us = U_s, uf = U_f, usq = U_sq already raised to the perspective's risk exponent rp."""
    sl = s[j] if sal_mode == SAL_TARGET else s[i]
    eu = sl * (P[i, j] * us + (1.0 - P[i, j]) * uf) + (1.0 - sl) * us - q * usq
    if q < 1.0:
        dm = abs(x[i] - mu) / R
        if t_mode == T_ALWAYS:
            t = 1.0
        elif t_mode == T_NEVER:
            t = 0.0
        else:
            t = 1.0 if abs(x[i] - mu) < abs(x[j] - mu) else 0.0
        ub = 2.0 - 4.0 * max(0.5 - 0.25 * (dm + d), 0.0) ** rp
        uw = 2.0 - 4.0 * (0.5 + 0.25 * (dm + d)) ** rp
        eu -= (1.0 - q) * (t * ub + (1.0 - t) * uw)
    return eu


@njit(cache=True)
def _one_round(x, c, s, w, R, q, prob_mode, vote_risk, offer_mode, capitulation, conflict,
               t_mode, sec_mode, sal_mode, new):
    m = x.shape[0]
    mu = wmedian(x, w) if q < 1.0 else 0.0
    D = np.empty((m, m))
    for k in range(m):
        for a in range(m):
            D[k, a] = abs(x[k] - x[a]) / R
    P1 = np.empty((m, m))
    _probabilities(x, w, D, prob_mode, P1)
    # risk exponents from security levels computed with r = 1 (Scholz appendix steps 7-9),
    # where U_s = 2d, U_f = -2d, U_sq = 0 need no powers
    sec = np.zeros(m)
    for i in range(m):
        for j in range(m):
            if i != j:
                d = D[i, j]
                e = _eu(i, j, d, 2.0 * d, -2.0 * d, 0.0, 1.0, x, s, P1, R, q, mu, t_mode, sal_mode)
                if sec_mode == SEC_RECEIVED:
                    sec[j] += e
                else:
                    sec[i] += e
    smax = sec.max()
    smin = sec.min()
    r = np.ones(m)
    if smax > smin:
        for i in range(m):
            big_r = (2.0 * sec[i] - smax - smin) / (smax - smin)
            r[i] = (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0)
    # powers as exp(r log z): the logs are symmetric in the pair, so computed once per pair
    Ls = np.empty((m, m))
    Lf = np.empty((m, m))
    for a in range(m):
        for b in range(a, m):
            d = D[a, b]
            Ls[a, b] = Ls[b, a] = np.log(max(0.5 - 0.5 * d, 0.0))
            Lf[a, b] = Lf[b, a] = np.log(0.5 + 0.5 * d)
    if vote_risk:
        F = np.empty((m, m))
        for k in range(m):
            for a in range(m):
                F[k, a] = np.exp(r[k] * np.log(D[k, a])) if D[k, a] > 0 else 0.0
        P = np.empty((m, m))
        _probabilities(x, w, F, prob_mode, P)
    else:
        P = P1
    # each receiver a weighs every proposer b, both EUs from a's perspective (risk r_a)
    for a in range(m):
        ra = r[a]
        usq = 2.0 - 4.0 * 0.5 ** ra
        best = x[a]
        best_rank = 4  # 1 confrontation, 2 compromise, 3 capitulation (scholz priority)
        best_key = np.inf
        for b in range(m):
            if x[b] == x[a]:
                continue
            d = D[a, b]
            us = 2.0 - 4.0 * np.exp(ra * Ls[a, b])
            uf = 2.0 - 4.0 * np.exp(ra * Lf[a, b])
            eab = _eu(a, b, d, us, uf, usq, ra, x, s, P, R, q, mu, t_mode, sal_mode)
            eba = _eu(b, a, d, us, uf, usq, ra, x, s, P, R, q, mu, t_mode, sal_mode)
            rank = 0
            if eba > eab and eab > 0:
                if not conflict:
                    continue
                rank, pos = 1, x[b]
            elif eba > 0 and eab < 0 and eba > -eab:
                rank, pos = 2, x[a] + (x[b] - x[a]) * (-eab / eba)
            elif eba > 0 and eab < 0 and eba < -eab and capitulation:
                rank, pos = 3, x[b]
            else:
                continue
            if offer_mode == OFFER_SCHOLZ:
                if rank == 2:
                    key = (-eab * x[a] + eba * x[b]) / (-eab + eba)
                else:
                    key = abs(pos - x[a])
                if rank < best_rank or (rank == best_rank and key < best_key):
                    best_rank, best_key, best = rank, key, pos
            else:
                key = abs(pos - x[a])
                if key < best_key:
                    best_key, best = key, pos
        new[a] = best


@njit(cache=True)
def run(x0, c, s, present, rounds, q, range_mode, range_value, prob_mode, vote_risk,
        offer_mode, capitulation, conflict, t_mode, sec_mode, sal_mode):
    """Positions by round for each row of a batch: (B, n) -> (B, rounds + 1, n)."""
    B, n = x0.shape
    traj = np.full((B, rounds + 1, n), np.nan)
    for b in range(B):
        idx = np.nonzero(present[b])[0]
        m = idx.shape[0]
        x = np.empty(m)
        cc = np.empty(m)
        ss = np.empty(m)
        for t in range(m):
            x[t] = x0[b, idx[t]]
            cc[t] = c[b, idx[t]]
            ss[t] = s[b, idx[t]]
        w = cc * ss
        for t in range(m):
            traj[b, 0, idx[t]] = x[t]
        R0 = x.max() - x.min() if m > 0 else 0.0
        new = np.empty(m)
        for rnd in range(1, rounds + 1):
            if range_mode == RANGE_INITIAL:
                R = R0
            elif range_mode == RANGE_CURRENT:
                R = x.max() - x.min() if m > 0 else 0.0
            else:
                R = range_value
            if m >= 2 and R > 0:
                _one_round(x, cc, ss, w, R, q, prob_mode, vote_risk, offer_mode, capitulation,
                           conflict, t_mode, sec_mode, sal_mode, new)
                x[:] = new
            for t in range(m):
                traj[b, rnd, idx[t]] = x[t]
    return traj

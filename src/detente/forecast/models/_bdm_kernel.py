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
# fast-math without 'nnan'/'ninf': log(0) = -inf is used on purpose (exp(r * -inf) = 0)
_FAST = {"nsz", "arcp", "contract", "afn", "reassoc"}


@njit(cache=True, _nrt=False, fastmath={"nsz", "arcp", "contract", "reassoc"})
def _exp_into(z, n, out, bits):
    """out[:n] = exp(z[:n]) for z <= 709 (exp(z) = 0 below -700), to ~1e-15 relative.

    Written here because the round's cost is dominated by exp over whole rows, and libm's
    scalar exp blocks SIMD: this form (2^k by its exponent bits times a degree-13 Taylor
    polynomial of the remainder, |r| <= ln2/2) vectorises and runs ~2.5x faster. numba
    would vectorise np.exp only with Intel SVML, which is not a dependency here.
    """
    for i in range(n):
        x = max(z[i], -700.0)
        k = np.floor(x * 1.4426950408889634 + 0.5)
        r = x - k * 6.93147180369123816490e-01 - k * 1.90821492927058770002e-10
        p = 1.0 / 6227020800.0
        p = p * r + 1.0 / 479001600.0
        p = p * r + 1.0 / 39916800.0
        p = p * r + 1.0 / 3628800.0
        p = p * r + 1.0 / 362880.0
        p = p * r + 1.0 / 40320.0
        p = p * r + 1.0 / 5040.0
        p = p * r + 1.0 / 720.0
        p = p * r + 1.0 / 120.0
        p = p * r + 1.0 / 24.0
        p = p * r + 1.0 / 6.0
        p = p * r + 0.5
        p = p * r + 1.0
        p = p * r + 1.0
        out[i] = p
        bits[i] = (np.int64(k) + 1023) << 52
    scale = bits.view(np.float64)
    for i in range(n):
        out[i] = out[i] * scale[i] if z[i] > -700.0 else 0.0


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


@njit(cache=True, _nrt=False)
def _sort_into(x, m, order):
    """order[:m] = argsort of x[:m] by insertion, ties in actor order: numba's np.argsort
    for fewer than 16 elements, without allocating."""
    for t in range(m):
        v = x[t]
        j = t
        while j > 0 and v < x[order[j - 1]]:
            order[j] = order[j - 1]
            j -= 1
        order[j] = t


@njit(cache=True, _nrt=False)
def _structure(cum, ux, u, mid, near):
    """Per round, shared by both probability passes (positions only, not exponents):

    mid[i, j]: the number of sorted voters on j's side of the midpoint of distinct positions
    i and j (voters right of it back i when u_i > u_j, left of it when u_i < u_j), from
    cum[k], the number of voters at the k lowest distinct positions: the midpoint of i < j
    is the same number both ways, and walks right as j does;
    near[h, :u - 1]: the other distinct positions by increasing distance from u_h (for the
    normaliser, where each voter's disutilities are sorted by distance).
    """
    for i in range(u):
        kl = i  # distinct positions < midpoint (all below i are)
        kr = i  # distinct positions <= midpoint
        for j in range(i + 1, u):
            c = 0.5 * (ux[i] + ux[j])
            while kl < u and ux[kl] < c:
                kl += 1
            if kr < kl:
                kr = kl
            while kr < u and ux[kr] <= c:
                kr += 1
            mid[i, j] = cum[kl]  # i left of j: voters left of the midpoint back i
            mid[j, i] = cum[kr]  # j right of i: voters right of it back j
    for h in range(u):
        lo = h - 1
        hi = h + 1
        for t in range(u - 1):
            if hi >= u or (lo >= 0 and ux[h] - ux[lo] <= ux[hi] - ux[h]):
                near[h, t] = lo
                lo -= 1
            else:
                near[h, t] = hi
                hi += 1


@njit(cache=True, _nrt=False, fastmath=_FAST)
def _probabilities(ws, gs, F, ux, cnt, m, u, mid, near, prob_mode, G, P):
    """P[p, q]: probability that distinct position p prevails over q (Scholz et al. 2011, eq. 31).

    ws, gs: voters' weights c*s and distinct positions, voters sorted by position;
    F[t, q]: voter t's disutility of distinct position q ((|x_t - u_q| / R)^r_t), increasing
    in the distance; ux, cnt: distinct positions (ascending) and how many actors hold each;
    mid, near: from _structure; G: scratch (m + 1, u). Voter t backs p against q iff it is
    on p's side of their midpoint, so the tally sum_t w_t max(0, F[t, q] - F[t, p]) is a
    difference of prefix sums over the sorted voters: O(m u) per round instead of O(m^3).
    """
    for a in range(u):
        G[0, a] = 0.0
    for t in range(m):
        for a in range(u):
            G[t + 1, a] = G[t, a] + ws[t] * F[t, a]
    for i in range(u):
        for j in range(u):
            k = mid[i, j]
            if i == j:
                P[i, j] = 0.0
            elif ux[i] > ux[j]:  # voters right of the midpoint back i
                P[i, j] = max((G[m, j] - G[k, j]) - (G[m, i] - G[k, i]), 0.0)
            else:  # voters left of the midpoint back i
                P[i, j] = max(G[k, j] - G[k, i], 0.0)
    if prob_mode == PROB_TRIPLES:
        # normalised over all triples of actors (k, a, b): sum_k w_k sum_{a,b} |F[k, a] - F[k, b]|,
        # each voter's values taken in increasing order (near[h]) with their multiplicities
        total = 0.0
        for t in range(m):
            h = gs[t]
            before = cnt[h]
            acc = F[t, h] * cnt[h] * (0.0 - (m - cnt[h]))
            for idx in range(u - 1):
                q = near[h, idx]
                after = m - before - cnt[q]
                acc += F[t, q] * cnt[q] * (before - after)
                before += cnt[q]
            total += ws[t] * 2.0 * acc
        if total > 0:
            for i in range(u):
                for j in range(u):
                    P[i, j] /= total
    else:
        for i in range(u):
            for j in range(i + 1, u):
                tot = P[i, j] + P[j, i]
                if tot > 0:
                    a = P[i, j] / tot
                    P[j, i] = P[j, i] / tot
                    P[i, j] = a


@njit(cache=True)
def _eu(pij, d, us, uf, usq, sl, rp, xi, xj, R, q, mu, t_mode):
    """E_i(U_ij) (Scholz et al. 2011, appendix eqs. 26-32): pij = P(i prevails over j),
    d = |x_i - x_j| / R, basic utilities us = U_s, uf = U_f, usq = U_sq already raised to the
    perspective's risk exponent rp, sl the salience that leads the formula."""
    eu = sl * (pij * us + (1.0 - pij) * uf) + (1.0 - sl) * us - q * usq
    if q < 1.0:
        dm = abs(xi - mu) / R
        if t_mode == T_ALWAYS:
            t = 1.0
        elif t_mode == T_NEVER:
            t = 0.0
        else:
            t = 1.0 if abs(xi - mu) < abs(xj - mu) else 0.0
        ub = 2.0 - 4.0 * max(0.5 - 0.25 * (dm + d), 0.0) ** rp
        uw = 2.0 - 4.0 * (0.5 + 0.25 * (dm + d)) ** rp
        eu -= (1.0 - q) * (t * ub + (1.0 - t) * uw)
    return eu


@njit(cache=True)
def _workspace(n):
    """Scratch arrays for `_one_round` on up to n actors, allocated once per batch: a round
    on the example's ~6 actors is well under a microsecond of arithmetic, and the two dozen
    small allocations a round used to make cost more than that (docs/models.md, BDM)."""
    return (
        np.empty(n, np.int64), np.empty(n, np.int64),  # g, gs
        np.empty(n), np.empty(n), np.empty(n), np.empty(n),  # xs, ws, ux, cnt
        np.empty((n, n)), np.empty((n, n)),  # D, F
        np.empty((n, n), np.int64), np.empty((n, max(n - 1, 1)), np.int64),  # mid, near
        np.empty((n, n)), np.empty((n, n)), np.empty((n + 1, n)),  # P1, P, G
        np.empty(n), np.empty(n),  # sec, r
        np.empty((2, n, n)), np.empty((2, n, n)), np.empty((2, n, n)),  # Ls, Lf, LD: this and last round
        np.empty(3 * n * n), np.empty(3 * n * n), np.empty(3 * n * n, np.int64),  # Z, E, bits
        np.empty(n), np.empty(n),  # us, uf
        np.empty(n, np.int64), np.empty(n + 1, np.int64),  # order, cum
        np.empty(n), np.empty(n, np.int64), np.zeros(3),  # pux, pm, lc (log reuse, see _one_round)
    )


@njit(cache=True, _nrt=False, fastmath=_FAST)
def _one_round(x, c, s, w, m, R, q, mu, prob_mode, vote_risk, offer_mode, capitulation, conflict,
               t_mode, sec_mode, sal_mode, new, g, gs, xs, ws, ux, cnt, D, F, mid, near, P1, P, G,
               sec, r, Ls, Lf, LD, Z, E, bits, us, uf, order, cum, pux, pm, lc):
    # scratch arrays come one by one, not in a tuple: unpacking a tuple of arrays costs an
    # atomic reference-count update per array and round
    # Every quantity below depends on positions only through the distinct positions; actors
    # converge as rounds pass, so work per distinct position (u <= m) rather than per actor.
    u = 0
    for t in range(m):
        a = order[t]
        xs[t] = x[a]
        ws[t] = w[a]
        if u == 0 or x[a] != ux[u - 1]:
            ux[u] = x[a]
            cnt[u] = 0.0
            cum[u] = t  # voters below this distinct position
            u += 1
        g[a] = u - 1
        cnt[u - 1] += 1.0
    cum[u] = m
    for t in range(m):
        gs[t] = g[order[t]]  # sorted voter -> distinct position
    for a in range(u):
        for b in range(u):
            D[a, b] = abs(ux[a] - ux[b]) / R
    for t in range(m):
        for b in range(u):
            F[t, b] = D[gs[t], b]
    _structure(cum, ux, u, mid, near)
    _probabilities(ws, gs, F, ux, cnt, m, u, mid, near, prob_mode, G, P1)
    # risk exponents from security levels computed with r = 1 (Scholz appendix steps 7-9),
    # where U_s = 2d, U_f = -2d, U_sq = 0 need no powers
    for i in range(m):
        sec[i] = 0.0
    for i in range(m):
        for j in range(m):
            if i != j:
                d = D[g[i], g[j]]
                sl = s[j] if sal_mode == SAL_TARGET else s[i]
                if q == 1.0:  # U_s = 2d, U_f = -2d, U_sq = 0 and no U_b/U_w term
                    e = 2.0 * d * (1.0 - 2.0 * sl * (1.0 - P1[g[i], g[j]]))
                else:
                    e = _eu(P1[g[i], g[j]], d, 2.0 * d, -2.0 * d, 0.0, sl, 1.0, x[i], x[j], R, q, mu, t_mode)
                if sec_mode == SEC_RECEIVED:
                    sec[j] += e
                else:
                    sec[i] += e
    smax = sec[0]
    smin = sec[0]
    for i in range(1, m):
        smax = max(smax, sec[i])
        smin = min(smin, sec[i])
    for i in range(m):
        r[i] = 1.0
    if smax > smin:
        for i in range(m):
            big_r = (2.0 * sec[i] - smax - smin) / (smax - smin)
            r[i] = (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0)
    # powers as exp(r log z), the logs once per pair of distinct positions, and only for
    # pairs new this round: a pair of positions both held last round (most are: actors move
    # to others' positions) has the same D with the same R, so last round's logs are reused
    # (lc: last round's count of distinct positions, R, and which table half holds its logs)
    prev = int(lc[2])
    cur = 1 - prev
    pu = int(lc[0]) if lc[1] == R else 0
    j = 0
    for i in range(u):
        while j < pu and pux[j] < ux[i]:
            j += 1
        pm[i] = j if j < pu and pux[j] == ux[i] else -1
    for a in range(u):
        pa = pm[a]
        for b in range(a, u):
            pb = pm[b]
            if pa >= 0 and pb >= 0:
                Ls[cur, a, b] = Ls[cur, b, a] = Ls[prev, pa, pb]
                Lf[cur, a, b] = Lf[cur, b, a] = Lf[prev, pa, pb]
                LD[cur, a, b] = LD[cur, b, a] = LD[prev, pa, pb]
            else:
                Ls[cur, a, b] = Ls[cur, b, a] = np.log(max(0.5 - 0.5 * D[a, b], 0.0))
                Lf[cur, a, b] = Lf[cur, b, a] = np.log(0.5 + 0.5 * D[a, b])
                if vote_risk:
                    LD[cur, a, b] = LD[cur, b, a] = np.log(D[a, b])  # -inf on the diagonal: exp(r * -inf) = 0
    for i in range(u):
        pux[i] = ux[i]
    lc[0] = u
    lc[1] = R
    lc[2] = cur
    # all powers of the round as exp(r_a log z), one vectorised exp per actor over its row of
    # distinct positions: U_s and U_f for a as receiver, d^r_a for a as voter (vote_risk)
    w3 = 3 * u if vote_risk else 2 * u
    for a in range(m):
        ra = r[a]
        ga = g[a]
        row = a * w3
        for b in range(u):
            Z[row + b] = ra * Ls[cur, ga, b]
            Z[row + u + b] = ra * Lf[cur, ga, b]
        if vote_risk:
            for b in range(u):
                Z[row + 2 * u + b] = ra * LD[cur, ga, b]
    _exp_into(Z, m * w3, E, bits)
    if vote_risk:
        for t in range(m):
            row = order[t] * w3
            for b in range(u):
                F[t, b] = E[row + 2 * u + b]
        _probabilities(ws, gs, F, ux, cnt, m, u, mid, near, prob_mode, G, P)
        PP = P
    else:
        PP = P1
    # each receiver a weighs every proposer b, both EUs from a's perspective (risk r_a)
    for a in range(m):
        ra = r[a]
        ga = g[a]
        row = a * w3
        usq = 2.0 - 4.0 * 0.5 ** ra
        for b in range(u):
            us[b] = 2.0 - 4.0 * E[row + b]
            uf[b] = 2.0 - 4.0 * E[row + u + b]
        best = x[a]
        best_rank = 4  # 1 confrontation, 2 compromise, 3 capitulation (scholz priority)
        best_key = np.inf
        for b in range(m):
            gb = g[b]
            if gb == ga:
                continue
            d = D[ga, gb]
            sab = s[b] if sal_mode == SAL_TARGET else s[a]
            sba = s[a] if sal_mode == SAL_TARGET else s[b]
            if q == 1.0:  # the replication's case: no U_b/U_w term, no call
                ub_ = us[gb]
                diff = ub_ - uf[gb]
                eab = ub_ - sab * (1.0 - PP[ga, gb]) * diff - usq
                eba = ub_ - sba * (1.0 - PP[gb, ga]) * diff - usq
            else:
                eab = _eu(PP[ga, gb], d, us[gb], uf[gb], usq, sab, ra, x[a], x[b], R, q, mu, t_mode)
                eba = _eu(PP[gb, ga], d, us[gb], uf[gb], usq, sba, ra, x[b], x[a], R, q, mu, t_mode)
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


_RING = 5  # rounds of history kept: cycles of period <= 4 are recognised


@njit(cache=True)
def run(x0, c, s, present, rounds, q, range_mode, range_value, prob_mode, vote_risk,
        offer_mode, capitulation, conflict, t_mode, sec_mode, sal_mode, out):
    """Positions by round for each row of a batch, (B, n) inputs, written into `out`.

    out: (B, rounds + 1, n) for the whole trajectory, or (B, 1, n) for the final positions
    only (what Monte Carlo needs); NaN for absent actors. A row whose round leaves every
    position where it was has reached a fixed point (a round is a function of the positions
    alone, R included), so its remaining rounds are copies and are not computed; so is a row
    whose positions repeat those of 2, 3 or 4 rounds before: the same rounds follow in a
    cycle (a third of the example's games cycle with period 2 or 4), read off, not computed.
    """
    B, n = x0.shape
    keep = out.shape[1] > 1
    (g, gs, xs, ws, ux, cnt, D, F, mid, near, P1, P, G, sec, r, Ls, Lf, LD, Z, E, bits, us, uf,
     order, cum, pux, pm, lc) = _workspace(n)
    idx = np.empty(n, np.int64)
    x = np.empty(n)
    cc = np.empty(n)
    ss = np.empty(n)
    w = np.empty(n)
    new = np.empty(n)
    hist = np.empty((_RING, n))  # the positions of the last _RING rounds
    for b in range(B):
        lc[0] = 0.0  # a new game: no logs from a last round
        m = 0
        for t in range(n):
            if present[b, t]:
                idx[m] = t
                x[m] = x0[b, t]
                cc[m] = c[b, t]
                ss[m] = s[b, t]
                w[m] = cc[m] * ss[m]
                m += 1
        for t in range(out.shape[1]):
            for a in range(n):
                out[b, t, a] = np.nan
        if keep:
            for t in range(m):
                out[b, 0, idx[t]] = x[t]
        R0 = 0.0
        if m > 0:
            lo = x[0]
            hi = x[0]
            for t in range(1, m):
                lo = min(lo, x[t])
                hi = max(hi, x[t])
            R0 = hi - lo
        for t in range(m):
            hist[0, t] = x[t]
        period = 0  # > 0 once the positions repeat those of `period` rounds before
        for rnd in range(1, rounds + 1):
            if period > 0:  # the cycle goes on: no need to compute the round
                src = (rnd - period) % _RING
                for t in range(m):
                    x[t] = hist[src, t]
            else:
                if range_mode == RANGE_INITIAL:
                    R = R0
                elif range_mode == RANGE_CURRENT:
                    R = 0.0
                    if m > 0:
                        lo = x[0]
                        hi = x[0]
                        for t in range(1, m):
                            lo = min(lo, x[t])
                            hi = max(hi, x[t])
                        R = hi - lo
                else:
                    R = range_value
                if m >= 2 and R > 0:
                    mu = wmedian(x[:m], w[:m]) if q < 1.0 else 0.0
                    # The order of tied actors matters: another order changes the sums by
                    # round-off, which flips later moves in many draws. numba's np.argsort
                    # is an insertion sort below 16 elements: the same sort into scratch
                    # avoids its allocation (the example's case).
                    if m < 16:
                        _sort_into(x, m, order)
                    else:
                        order[:m] = np.argsort(x[:m])
                    _one_round(x, cc, ss, w, m, R, q, mu, prob_mode, vote_risk, offer_mode, capitulation,
                               conflict, t_mode, sec_mode, sal_mode, new, g, gs, xs, ws, ux, cnt, D, F,
                               mid, near, P1, P, G, sec, r, Ls, Lf, LD, Z, E, bits, us, uf, order, cum,
                               pux, pm, lc)
                    for t in range(m):
                        x[t] = new[t]
                    # positions seen p rounds ago: the same rounds follow, with period p
                    for p in range(1, min(_RING - 1, rnd) + 1):
                        src = (rnd - p) % _RING
                        same = True
                        for t in range(m):
                            if x[t] != hist[src, t]:
                                same = False
                                break
                        if same:
                            period = p
                            break
                else:
                    period = 1  # nothing can move
            for t in range(m):
                hist[rnd % _RING, t] = x[t]
            if keep:
                for t in range(m):
                    out[b, rnd, idx[t]] = x[t]
        if not keep:
            for t in range(m):
                out[b, 0, idx[t]] = x[t]

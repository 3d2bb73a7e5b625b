"""Array kernels of KTAB's Spatial Model of Politics (SMP), batched over Monte Carlo draws.

Every function is pure and takes arrays with a leading batch axis ``B`` (draws), positions on
KTAB's internal [0, 1] scale. Equation references are to ``/work/shared/KTAB.md`` section 1
(the SMP as KTAB's C++ implements it; Wise et al., KAPSARC Toolkit for Behavioral Analysis,
2015-2017) and were checked matrix by matrix against KTAB's turn-0 trace of ``dummyData_3Dim``.

Memory: nothing here builds a (B, n, n, n) array. The O(n^3) steps (coalitions over voters,
the challenge search) are compiled loops in smp_jit; the Markov PCEs work in chunks of at
most ``CHUNK`` elements.
"""

from __future__ import annotations

import numpy as np

from detente.forecast.models import smp_jit

CHUNK = 4_000_000  # elements per temporary of the Markov PCEs (32 MB of float64)

# KTAB constants (KTAB.md 1.2-1.3)
BINARY_RATIO = 1.1  # Binary victory: threshold at a 1.1 strength ratio
BARGAIN_TIE = 1e-6  # each side's proposal leans 1e-6 (in weight) towards its own position
BARGAIN_DECIMALS = 4  # proposals are rounded to 4 decimals on the [0, 1] scale
MIN_GAIN = 1e-5  # a challenge is made only if its expected gain exceeds this

VOTING_RULES = ("Prop", "Binary", "PropBin", "PropCbc", "Cubic", "ASymProsp")
VICTORY_MODELS = ("Linear", "Square", "Quartic", "Octic", "Binary")
PCE_MODELS = ("Conditional", "MarkovIncentive", "MarkovUniform")
BIG_R_RANGES = {"Mid": -0.5, "Min": 0.0, "Max": -1.0}  # lowest risk attitude; highest is +1
BIG_R_ADJUST = {"OneThird": 1 / 3, "None": 0.0, "Half": 0.5, "TwoThirds": 2 / 3, "Full": 1.0}
THIRD_PARTY_COMMIT = ("SemiCommit", "NoCommit", "FullCommit")
INTER_VEC_BARGAIN = ("S2P2", "S1P1", "S2PMax")


# ---------------------------------------------------------------------------------- utility
def distance(ideal: np.ndarray, salience: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Salience-weighted distance from each actor's ideal to each point (KTAB.md 1.2a.1).

    d_al = sqrt(sum_k (s_ak (q_ak - y_lk))^2 / sum_k s_ak^2), in [0, 1].
    ideal, salience: (B, n, K); points: (B, m, K) -> (B, n, m). An actor with zero salience on
    every issue cares about nothing: its distances are 0.
    """
    num = np.zeros(ideal.shape[:2] + (points.shape[1],))
    for k in range(ideal.shape[2]):  # loop over issues keeps memory at (B, n, m)
        num += (salience[:, :, k, None] * (ideal[:, :, k, None] - points[:, None, :, k])) ** 2
    den = (salience**2).sum(axis=2)[:, :, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        d = np.sqrt(np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.0))
    return np.minimum(d, 1.0)


def utility(d: np.ndarray, risk: np.ndarray) -> np.ndarray:
    """u = (1 - d)(1 + d R) (KTAB.md 1.2a.2; R = 0 risk-neutral, R = 1 gives 1 - d^2)."""
    return (1.0 - d) * (1.0 + d * risk)


# ------------------------------------------------------------------------- votes and PCE
# The votes themselves (Prop, Binary with a 1e-8 ramp, PropBin, PropCbc, Cubic, ASymProsp;
# KTAB.md 1.2b) are smp_jit._vote: only the compiled loops need them.
def victory(ci: np.ndarray, cj: np.ndarray, model: str) -> np.ndarray:
    """P(i beats j) from coalition strengths (KTAB.md 1.2b, `vProb`); 0.5 when both are 0."""
    if model == "Binary":
        # 1 above a 1.1 strength ratio, 0 below 1/1.1, linear in (ci - cj)/(ci + cj) between
        tot = ci + cj
        x = np.where(tot > 0, (ci - cj) / np.where(tot > 0, tot, 1.0), 0.0)
        edge = (BINARY_RATIO - 1.0) / (BINARY_RATIO + 1.0)
        return np.clip(0.5 + 0.5 * x / edge, 0.0, 1.0)
    power = {"Linear": 1, "Square": 2, "Quartic": 4, "Octic": 8}[model]
    a, b = ci**power, cj**power
    tot = a + b
    return np.where(tot > 0, a / np.where(tot > 0, tot, 1.0), 0.5)


def coalitions(weight: np.ndarray, value: np.ndarray, rule: str) -> np.ndarray:
    """C(i,j) = 1e-8 + sum_a max(0, vote_a(i:j)) (KTAB.md 1.2b).

    weight (B, n_voters), value (B, n_voters, m options) -> (B, m, m); compiled loop
    (smp_jit) because the sum over voters of every pair is O(n m^2).
    """
    return smp_jit.coalitions(np.ascontiguousarray(weight, dtype=float),
                              np.ascontiguousarray(value, dtype=float), VOTING_RULES.index(rule))


def pce(
    prob_win: np.ndarray,
    member: np.ndarray,
    model: str,
    strength: np.ndarray | None = None,
    iterations: int = 1000,
) -> np.ndarray:
    """Probabilistic Condorcet election over the member options (KTAB.md 1.2b, `probCE2`).

    prob_win (B, m, m): P(i beats j); strength (B, m, m): coalition strengths C(i, j) (only
    for MarkovIncentive). member (B, g, m) bool: g elections, each over its own subset of the
    m options (the bargain queues share one victory matrix). -> (B, g, m), zero off the
    subset, each row summing to 1.

    * Conditional (KTAB default, `condPCE`): p_i proportional to prod_j P(i>j), computed in
      logs because a product over 80+ options underflows.
    * MarkovUniform: iterate p_i <- (1/n) sum_j P(i>j)(p_i + p_j), damped p <- (p + p')/2.
    * MarkovIncentive (`markovIncentivePCE`), our reading of "challenges proportional to
      C_ij P(i>j)": from the current option j a challenger i != j is picked with probability
      proportional to C_ij P(i>j) and replaces j with probability P(i>j); the stationary
      distribution of that chain, damped like MarkovUniform.
    """
    member = member.astype(bool)
    if model == "Conditional":
        logp = np.log(np.maximum(prob_win, 1e-300))
        s = np.einsum("bgk,bmk->bgm", member.astype(float), logp)
        s = np.where(member, s, -np.inf)
        s -= s.max(axis=2, keepdims=True)
        p = np.exp(s)
        return p / p.sum(axis=2, keepdims=True)
    g = member.shape[1]
    m = prob_win.shape[1]
    out = np.zeros(member.shape)
    off_diag = 1.0 - np.eye(m)
    step = max(1, CHUNK // max(1, prob_win.shape[0] * m * m))
    for lo in range(0, g, step):
        mk = member[:, lo : lo + step]  # (B, c, m)
        pair = mk[:, :, :, None] & mk[:, :, None, :]
        pw = np.where(pair, prob_win[:, None], 0.0)  # (B, c, i, j)
        count = mk.sum(axis=2, keepdims=True)
        if model == "MarkovIncentive":
            rate = np.where(pair, strength[:, None], 0.0) * pw * off_diag
            col = rate.sum(axis=2, keepdims=True)  # total challenge rate against each j
            move = np.where(col > 0, rate / np.where(col > 0, col, 1.0), 0.0) * pw
            stay = 1.0 - move.sum(axis=2)  # (B, c, j)
        p = mk / count
        for _ in range(iterations):
            if model == "MarkovUniform":
                q = (pw.sum(axis=3) * p + np.einsum("bcij,bcj->bci", pw, p)) / count
            else:
                q = np.einsum("bcij,bcj->bci", move, p) + stay * p
            q = np.where(mk, q, 0.0)
            q /= q.sum(axis=2, keepdims=True)
            q = 0.5 * (p + q)
            done = np.max(np.abs(q - p)) < 1e-12
            p = q
            if done:
                break
        out[:, lo : lo + step] = p
    return out


def risk_attitudes(p: np.ndarray, big_r_range: str) -> np.ndarray:
    """R_i from the probability of i's position (KTAB.md 1.2a.4, `Model::bigRfromProb`).

    Linear in p from R_min (least likely) to +1 (most likely); "Mid" gives R_min = -0.5,
    i.e. R_i = (3 p_i - (p_max + 2 p_min)) / (2 (p_max - p_min)). Min and Max are our reading
    of the range names: [0, 1] and [-1, 1]. When all positions are equally likely the
    formula is 0/0; every actor is then risk-neutral (R = 0).
    """
    lo = BIG_R_RANGES[big_r_range]
    pmax = p.max(axis=1, keepdims=True)
    pmin = p.min(axis=1, keepdims=True)
    span = pmax - pmin
    ok = span > 1e-15
    frac = np.where(ok, (p - pmin) / np.where(ok, span, 1.0), 0.0)
    return np.where(ok, lo + (1.0 - lo) * frac, 0.0)


# ------------------------------------------------------------------------------ challenges
def _codes(rule: str, victory_model: str, commit: str) -> tuple[int, int, int]:
    return (VOTING_RULES.index(rule), VICTORY_MODELS.index(victory_model),
            THIRD_PARTY_COMMIT.index(commit))


def best_challenges(
    d: np.ndarray,
    risk: np.ndarray,
    adjust: float,
    weight: np.ndarray,
    total_salience: np.ndarray,
    rule: str,
    victory_model: str,
    commit: str,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each actor's best target by expected utility (KTAB.md 1.2c, `bestChallenge`).

    Actor i sees the utilities U^i[a, l] = u(d_al, r_ia), r_ia = (1 - adjust) R_i + adjust R_a
    (`BigRAdjust`). phi = P(i beats j) counts the principals' votes (weight c*S) and every
    third party m's vote: m first gets p_im from a three-actor contest (its plain vote added
    to the side it favours), then votes on the expected utility of joining each side;
    "SemiCommit": EU(join i) = p (2u_mi + u_mm) + (1-p) 3u_mj, EU(join j) = p 3u_mi +
    (1-p)(2u_mj + u_mm). Our readings of the other commitments: "FullCommit" (a third party
    stays on its side's position win or lose) reduces to its plain vote; "NoCommit" (never
    dragged along) makes both sides worth the same, so third parties abstain. Then
    dEU = (1 - S_j) 2U_ii + S_j (phi 2U_ii + (1 - phi) 2U_ij) - (U_ii + U_ij), and i targets
    the j with the largest dEU if it exceeds 1e-5 (the first such j on ties).

    d (B, n, n), risk (B, n), weight (B, n) = c*S, total_salience (B, n) = S.
    Returns target (B, n) int (-1: none), phi (B, n) (initiator's P(i beats target)) and
    gain (B, n).
    """
    return smp_jit.best_challenges(
        np.ascontiguousarray(d), np.ascontiguousarray(risk), float(adjust),
        np.ascontiguousarray(weight), np.ascontiguousarray(total_salience),
        *_codes(rule, victory_model, commit), MIN_GAIN,
    )


def perspective_phi(
    d: np.ndarray,
    risk: np.ndarray,
    adjust: float,
    weight: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    h: np.ndarray,
    rule: str,
    victory_model: str,
    commit: str,
) -> np.ndarray:
    """P(i beats j) as estimator h sees it, for (B, m) index arrays i, j, h (KTAB.md 1.2c)."""
    return smp_jit.perspective_phi(
        np.ascontiguousarray(d), np.ascontiguousarray(risk), float(adjust),
        np.ascontiguousarray(weight), np.ascontiguousarray(i, dtype=np.int64),
        np.ascontiguousarray(j, dtype=np.int64), np.ascontiguousarray(h, dtype=np.int64),
        *_codes(rule, victory_model, commit),
    )


# -------------------------------------------------------------------------------- bargains
def interpolate(
    xi: np.ndarray, xj: np.ndarray, si: np.ndarray, sj: np.ndarray, phi: np.ndarray, how: str
) -> tuple[np.ndarray, np.ndarray]:
    """The bargain i proposes to itself and to j (KTAB.md 1.2d, `interpolateBrgn`).

    xi, xj, si, sj: (..., K); phi: (...) = P(i beats j). "S2P2" weights i by s_i^2 phi^2 and
    j by s_j^2 (1 - phi)^2 per dimension, "S1P1" by s phi and s (1 - phi). "S2PMax" is our
    reading of "asymmetric shifts": on each dimension the side with the larger S2P2 weight
    keeps its coordinate. Each side's copy adds 1e-6 to its own weight (KTAB's tie-breaker,
    which reproduces the 0.01 splits in the trace) and is rounded to 4 decimals; a copy is
    kept inside [min(xi, xj), max(xi, xj)] so rounding cannot leave the pair's range.
    """
    p = phi[..., None]
    if how == "S1P1":  # linear weights must not turn negative
        p = np.clip(p, 0.0, 1.0)
        wi, wj = si * p, sj * (1 - p)
    else:
        wi, wj = si**2 * p**2, sj**2 * (1 - p) ** 2
        if how == "S2PMax":
            wi, wj = (wi >= wj) * (wi > 0) * 1.0, (wj > wi) * 1.0
    tot = wi + wj + BARGAIN_TIE
    bi = ((wi + BARGAIN_TIE) * xi + wj * xj) / tot
    bj = (wi * xi + (wj + BARGAIN_TIE) * xj) / tot
    lo, hi = np.minimum(xi, xj), np.maximum(xi, xj)
    scale = 10.0**BARGAIN_DECIMALS
    bi = np.clip(np.floor(bi * scale + 0.5) / scale, lo, hi)
    bj = np.clip(np.floor(bj * scale + 0.5) / scale, lo, hi)
    return bi, bj


# ------------------------------------------------------------------------ unique positions
def equivalence(x: np.ndarray, tol: float) -> np.ndarray:
    """Each actor's representative among the distinct positions (B, n, K) -> (B, n) int.

    Positions are "equal" within `tol` (Euclidean, [0, 1] scale; KTAB's posTol = 1e-3,
    KTAB.md 1.3). The relation is not transitive, so the procedure matters. Distinct
    positions are collected in actor order (an actor is new unless it is within `tol` of one
    already collected); each actor then takes the probability of the *last* collected
    position within `tol`. Of the orders we tried this is the one that reproduces KTAB's
    winning probabilities exactly wherever near-equal positions chain (SOE-Policy, turns
    13-19); "first collected" misses by up to 0.09 there.
    """
    b, n, _ = x.shape
    dist2 = np.zeros((b, n, n))
    for k in range(x.shape[2]):
        dist2 += (x[:, :, k, None] - x[:, None, :, k]) ** 2
    close = dist2 < tol * tol
    distinct = np.zeros((b, n), dtype=bool)
    for i in range(n):  # O(n) steps of O(B n): cheap next to a round
        distinct[:, i] = ~(close[:, i] & distinct).any(axis=1)
    near = close & distinct[:, None, :]  # every actor is near at least one distinct position
    return n - 1 - np.argmax(near[:, :, ::-1], axis=2)

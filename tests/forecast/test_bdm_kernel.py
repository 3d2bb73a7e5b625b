"""The compiled BDM kernel against a literal transcription of Scholz et al. (2011).

The reference below loops over every triple as the appendix writes it (O(n^3)); the kernel
uses prefix sums over sorted positions. Both must give the same trajectory.
"""

from __future__ import annotations

import numpy as np
import pytest

from detente.forecast.models import bdm


def _literal(c, x, s, rounds, vote_risk, probability):
    x = np.array(x, float)
    n = len(x)
    w = c * s
    R = x.max() - x.min()
    traj = [x.copy()]

    def util(d, r):
        return 2 - 4 * max(0.5 - 0.5 * d / R, 0) ** r, 2 - 4 * (0.5 + 0.5 * d / R) ** r, 2 - 4 * 0.5 ** r

    def prob(i, j, r):
        if x[i] == x[j]:
            return 0.0
        f = lambda k, a: (abs(x[k] - x[a]) / R) ** r[k]  # noqa: E731
        num = sum(max(0.0, w[k] * (f(k, j) - f(k, i))) for k in range(n))
        if probability == "pair":
            den = sum(abs(w[k] * (f(k, j) - f(k, i))) for k in range(n))
        else:
            den = sum(abs(w[k] * (f(k, b) - f(k, a))) for k in range(n) for a in range(n) for b in range(n))
        return num / den if den > 0 else 0.0

    def eu(i, j, rp, r_votes):
        us, uf, usq = util(abs(x[i] - x[j]), rp)
        p = prob(i, j, r_votes)
        return s[j] * (p * us + (1 - p) * uf) + (1 - s[j]) * us - usq

    for _ in range(rounds):
        ones = np.ones(n)
        sec = np.array([sum(eu(j, i, 1.0, ones) for j in range(n) if j != i) for i in range(n)])
        spread = sec.max() - sec.min()
        big = (2 * sec - sec.max() - sec.min()) / spread if spread > 0 else np.zeros(n)
        r = (1 - big / 3) / (1 + big / 3)
        rv = r if vote_risk else ones
        new = x.copy()
        for a in range(n):
            best, rank_best, key_best = x[a], 4, np.inf
            for b in range(n):
                if x[a] == x[b]:
                    continue
                eab, eba = eu(a, b, r[a], rv), eu(b, a, r[a], rv)
                if eba > eab > 0:
                    rank, pos = 1, x[b]
                elif eba > 0 > eab and eba > -eab:
                    rank, pos = 2, x[a] + (x[b] - x[a]) * (-eab / eba)
                elif eba > 0 > eab and eba < -eab:
                    rank, pos = 3, x[b]
                else:
                    continue
                key = (-eab * x[a] + eba * x[b]) / (eba - eab) if rank == 2 else abs(pos - x[a])
                if rank < rank_best or (rank == rank_best and key < key_best):
                    best, rank_best, key_best = pos, rank, key
            new[a] = best
        x = new
        traj.append(x.copy())
    return np.array(traj)


@pytest.mark.parametrize("vote_risk", [True, False])
@pytest.mark.parametrize("probability", ["triples", "pair"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_kernel_matches_the_literal_appendix(vote_risk, probability, seed):
    rng = np.random.default_rng(seed)
    n = 7
    c, x, s = rng.uniform(0.5, 5, n), np.round(rng.uniform(0, 100, n)), rng.uniform(0.1, 1, n)
    want = _literal(c, x, s, 4, vote_risk, probability)
    got = bdm.predict(c, x[:, None], s[:, None], rounds=4, vote_risk=vote_risk, probability=probability).trajectory[..., 0]
    np.testing.assert_allclose(got, want, atol=1e-9)


def test_without_trajectory_the_outcome_is_the_same():
    # Monte Carlo asks for trajectory=False: only the final positions are kept, same outcome
    rng = np.random.default_rng(3)
    c, x, s = rng.uniform(0.5, 5, (50, 8)), np.round(rng.uniform(0, 100, (50, 8, 2))), rng.uniform(0.1, 1, (50, 8, 2))
    x[:5, 2, 1] = np.nan  # an actor without a position on one issue
    full = bdm.predict(c, x, s)
    bare = bdm.predict(c, x, s, trajectory=False)
    assert bare.trajectory is None and full.trajectory.shape == (50, 11, 8, 2)
    np.testing.assert_array_equal(bare.outcome, full.outcome)



@pytest.mark.parametrize("seed, period", [(0, 2), (7, 3), (3, 4)])
def test_cycles_are_read_off_exactly(seed, period):
    # these games return to an earlier state within 10 rounds; the kernel then copies the
    # cycle instead of computing its rounds, and must still give the appendix's trajectory
    rng = np.random.default_rng(seed)
    n = 7
    c, x, s = rng.uniform(0.5, 5, n), np.round(rng.uniform(0, 100, n)), rng.uniform(0.1, 1, n)
    got = bdm.predict(c, x[:, None], s[:, None], rounds=10).trajectory[..., 0]
    cycles = [r for r in range(period, 10) if np.array_equal(got[r], got[r - period])
              and not np.array_equal(got[r], got[r - 1])]
    assert cycles, "the case should cycle"
    np.testing.assert_allclose(got, _literal(c, x, s, 10, True, "triples"), atol=1e-9)

"""Nash and Kalai-Smorodinsky solutions against independent solvers of their definitions."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import brentq, minimize_scalar

from detente.forecast.models import nash


def _cases(seed: int, count: int = 25):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        n = int(rng.integers(2, 12))
        yield rng.uniform(0.5, 10, n), rng.uniform(0, 100, n), rng.uniform(0.05, 1, n)


def _gain_limits(x):
    lo, hi = x.min(), x.max()
    return np.maximum(x - lo, hi - x), lo, hi  # largest gain M_i: distance to the worst point


@pytest.mark.parametrize("utility", ["linear", "quadratic"])
def test_nash_maximises_the_weighted_log_product(utility):
    # scipy's bounded Brent minimiser on -sum_i w_i log(u_i(t) - d_i) over the span
    for c, x, s in _cases(11):
        w = c * s
        m, lo, hi = _gain_limits(x)

        def neg(t):
            d = np.abs(t - x)
            gain = m - d if utility == "linear" else m * m - d * d
            return np.inf if np.any(gain <= 0) else -np.sum(w * np.log(gain))

        def slope(t):  # d/dt of the objective (a subgradient at kinks)
            d = t - x
            if utility == "linear":
                return np.sum(w * -np.sign(d) / (m - np.abs(d)))
            return np.sum(w * -2 * d / (m * m - d * d))

        got = nash.predict_nash(c, x[:, None], s[:, None], utility=utility).outcome[0]
        # the first-order condition: the slope changes sign at the optimum (a kink or a root)
        root = brentq(slope, lo + 1e-9, hi - 1e-9, xtol=1e-12)
        assert got == pytest.approx(root, abs=1e-9)
        # and no other point a general-purpose optimiser finds is better
        other = minimize_scalar(neg, bounds=(lo, hi), method="bounded", options={"xatol": 1e-12}).x
        assert abs(got - other) < 1e-5
        assert neg(got) <= neg(other) + 1e-12


@pytest.mark.parametrize("utility", ["linear", "quadratic"])
def test_ks_equalises_the_worst_weighted_shares(utility):
    # the KS point: the smallest share (u_i - d_i) / (M_i w_i / max w) is the same for the
    # worst-off actor on either side, found here by Brent's root finder on their difference
    for c, x, s in _cases(12):
        w = c * s
        m, lo, hi = _gain_limits(x)
        lam = w / w.max()

        def share(t):
            d = np.abs(t - x)
            return (m - d) / (m * lam) if utility == "linear" else (m * m - d * d) / (m * m * lam)

        def gap(t):
            sh = share(t)
            return sh[x > t].min(initial=np.inf) - sh[x < t].min(initial=np.inf)

        got = nash.predict_ks(c, x[:, None], s[:, None], utility=utility).outcome[0]
        eps = 1e-9
        a, b = np.sort(x)[0] + eps, np.sort(x)[-1] - eps
        ref = brentq(lambda t: np.clip(gap(t), -1e300, 1e300), a, b, xtol=1e-13)
        assert got == pytest.approx(ref, abs=1e-9)

"""Properties of the Monte Carlo summary on random inputs (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from mc_helpers import SPECS

from detente.forecast.montecarlo import ClassRegion, InputRanges, forecast_arrays


@st.composite
def cases(draw):
    n = draw(st.integers(1, 5))
    k = draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    def triple(shape, lo, hi):
        x = np.sort(rng.uniform(lo, hi, size=(3, *shape)), axis=0)
        return x
    cap = triple((n,), 1, 100)
    pos = triple((n, k), 0, 100)
    sal = triple((n, k), 0.05, 1)
    cuts = sorted(rng.uniform(0, 100, size=2))
    regions = [ClassRegion("low", {0: (0, cuts[0])}), ClassRegion("mid", {0: (cuts[0], cuts[1])}),
               ClassRegion("any_high", {j: (cuts[1], 100) for j in range(k)}, "any")]
    mode = draw(st.sampled_from(["first", "overlap"]))
    return InputRanges(tuple(f"a{i}" for i in range(n)), tuple(f"i{j}" for j in range(k)), cap, pos, sal), regions, mode


@settings(max_examples=40, deadline=None)
@given(cases(), st.integers(0, 1000))
def test_probabilities_are_shares_and_intervals_contain_them(case, seed):
    ranges, regions, mode = case
    fc = forecast_arrays(ranges, regions, SPECS, seed, 200, mode)
    total = sum(fc.classes.values())
    if mode == "first":
        assert abs(total - 1) < 1e-9                      # exclusive classes plus "other"
    else:
        assert total >= 1 - 1e-9                          # overlapping classes may exceed 1
    for c, p in fc.classes.items():
        lo, hi = fc.intervals[c]
        assert 0 <= lo <= p <= hi <= 1
    for s in fc.issue_stats.values():
        q = list(s["quantiles"].values())
        assert q == sorted(q) and 0 <= q[0] and q[-1] <= 100
    assert forecast_arrays(ranges, regions, SPECS, seed, 200, mode).to_json() == fc.to_json()

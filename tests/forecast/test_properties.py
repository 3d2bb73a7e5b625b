"""Property: every registered model returns an outcome inside the range of actor positions."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.forecast.models import registry


@st.composite
def scenarios(draw):
    n = draw(st.integers(1, 8))
    k = draw(st.integers(1, 3))
    pos = st.floats(0, 100, allow_nan=False) | st.sampled_from([0.0, 50.0, 100.0])
    c = np.array(draw(st.lists(st.floats(0.01, 1000), min_size=n, max_size=n)))
    x = np.array(draw(st.lists(pos, min_size=n * k, max_size=n * k))).reshape(n, k)
    s = np.array(draw(st.lists(st.floats(0, 1), min_size=n * k, max_size=n * k))).reshape(n, k)
    missing = np.array(draw(st.lists(st.booleans(), min_size=n * k, max_size=n * k))).reshape(n, k)
    missing[0] = False  # actor 0 keeps a position with positive salience on every issue
    s[0] = np.maximum(s[0], 0.05)
    x[missing] = np.nan
    return c, x, s


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_outcome_within_range_of_positions(data):
    c, x, s = data
    lo, hi = np.nanmin(x, axis=0), np.nanmax(x, axis=0)
    for name, spec in registry.models().items():
        out = spec.predict(c, x, s).outcome
        assert out.shape == (x.shape[1],), name
        assert np.all(np.isfinite(out)), name
        assert np.all(out >= lo - 1e-9) and np.all(out <= hi + 1e-9), (name, out, lo, hi)

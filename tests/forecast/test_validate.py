"""check(): the compiled one-pass path gives exactly what the NumPy checks give."""

from __future__ import annotations

import numpy as np
import pytest

from detente.forecast.models import _validate as V

FIELDS = ("capability", "position", "salience", "present")


def _numpy_only(monkeypatch, *args):
    with monkeypatch.context() as m:
        m.setattr(V, "_fast", lambda *a: None)
        return V.check(*args)


@pytest.mark.parametrize("batch", [(), (3,), (2, 5)])
def test_fast_path_equals_numpy_path(monkeypatch, batch):
    rng = np.random.default_rng(len(batch))
    c = rng.uniform(0.5, 2, batch + (6,))
    x = rng.uniform(0, 100, batch + (6, 3))
    s = rng.uniform(0, 1, batch + (6, 3))
    x[..., 2, 1] = np.nan  # an actor without a position on one issue
    s[..., 2, 1] = np.nan  # its salience is ignored
    sq = rng.uniform(0, 100, batch + (3,))
    want = _numpy_only(monkeypatch, c, x, s, sq)
    got = V.check(c, x, s, sq)
    for f in FIELDS:
        a, b = getattr(want, f), getattr(got, f)
        assert a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b), f
    assert np.array_equal(want.status_quo, got.status_quo) and got.batch_shape == batch


@pytest.mark.parametrize("bad", ["cap0", "capnan", "posinf", "salnan", "sal2", "nosal"])
def test_fast_path_declines_invalid_input(bad):
    c, x, s = np.ones((2, 3)), np.full((2, 3, 1), 50.0), np.full((2, 3, 1), 0.5)
    if bad == "cap0":
        c[1, 2] = 0.0
    elif bad == "capnan":
        c[0, 0] = np.nan
    elif bad == "posinf":
        x[1, 1, 0] = np.inf
    elif bad == "salnan":
        s[0, 1, 0] = np.nan
    elif bad == "sal2":
        s[0, 1, 0] = 2.0
    else:
        s[1] = 0.0
    assert V._fast(x, s, c) is None  # the NumPy checks then name the problem
    with pytest.raises(V.InputError):
        V.check(c, x, s)

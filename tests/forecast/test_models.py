"""Every registered model: one signature, batches, missing positions, edge cases, bad input."""

from __future__ import annotations

import numpy as np
import pytest

from detente.errors import InputError
from detente.forecast.models import registry

OURS = ["compromise", "median", "nash", "ks", "bdm"]


@pytest.fixture(params=OURS)
def spec(request):
    return registry.get(request.param)


def _random(rng, draws, n, k):
    return (rng.uniform(0.5, 10, (draws, n)), rng.uniform(0, 100, (draws, n, k)), rng.uniform(0.05, 1, (draws, n, k)))


def test_registry_lists_every_model_once():
    names = list(registry.models())
    assert names[:5] == OURS
    assert registry.get("bdm").iterative and not registry.get("compromise").iterative


def test_batch_of_draws_equals_one_call_per_draw(spec):
    rng = np.random.default_rng(1)
    c, x, s = _random(rng, 6, 7, 2)
    batch = spec.predict(c, x, s)
    assert batch.outcome.shape == (6, 2)
    for d in range(6):
        np.testing.assert_allclose(spec.predict(c[d], x[d], s[d]).outcome, batch.outcome[d], atol=1e-9)
    if spec.iterative:
        assert batch.trajectory.shape == (6, batch.rounds + 1, 7, 2)
        np.testing.assert_array_equal(batch.trajectory[:, 0], x)


def test_missing_position_skips_the_actor_on_that_issue(spec):
    rng = np.random.default_rng(2)
    c, x, s = _random(rng, 1, 6, 2)
    x = x[0]
    x[2, 1] = np.nan
    with_gap = spec.predict(c[0], x, s[0]).outcome
    without = spec.predict(np.delete(c[0], 2), np.delete(x, 2, axis=0), np.delete(s[0], 2, axis=0)).outcome
    assert with_gap[1] == pytest.approx(without[1], abs=1e-9)
    assert np.all(np.isfinite(with_gap))
    if spec.iterative:
        assert np.all(np.isnan(spec.predict(c[0], x, s[0]).trajectory[:, 2, 1]))


def test_single_actor_gets_its_own_position(spec):
    assert spec.predict([3.0], [[42.0, 7.0]], [[0.5, 1.0]]).outcome.tolist() == [42.0, 7.0]


def test_all_actors_at_one_point(spec):
    out = spec.predict([1.0, 2.0, 3.0], [[60.0], [60.0], [60.0]], [[0.2], [0.5], [1.0]]).outcome
    assert out[0] == 60.0


@pytest.mark.parametrize(
    "c,x,s,message",
    [
        ([1.0, 0.0], [[10.0], [20.0]], [[1.0], [1.0]], "capability must be > 0"),
        ([1.0, -1.0], [[10.0], [20.0]], [[1.0], [1.0]], "capability must be > 0"),
        ([1.0, np.nan], [[10.0], [20.0]], [[1.0], [1.0]], "capability is NaN"),
        ([1.0, 1.0], [[10.0], [np.inf]], [[1.0], [1.0]], "position is infinite"),
        ([1.0, 1.0], [[10.0], [20.0]], [[1.0], [np.nan]], "salience is NaN"),
        ([1.0, 1.0], [[10.0], [20.0]], [[1.0], [50.0]], r"salience must be in \[0, 1\]"),
        ([1.0, 1.0], [[np.nan], [20.0]], [[1.0], [0.0]], "no actor with a position and positive salience"),
        ([1.0, 1.0, 1.0], [[10.0], [20.0]], [[1.0], [1.0]], "shapes do not match"),
        ([1.0], [10.0], [1.0], "position must have shape"),
    ],
)
def test_bad_input_is_a_clear_error(spec, c, x, s, message):
    with pytest.raises(InputError, match=message):
        spec.predict(np.array(c), np.array(x), np.array(s))


def test_unknown_parameter_is_an_error(spec):
    with pytest.raises(InputError, match="unknown parameter"):
        spec.predict([1.0], [[1.0]], [[1.0]], colour="red")


def test_bdm_rejects_bad_variant_names():
    with pytest.raises(InputError, match="offers must be one of"):
        registry.get("bdm").predict([1.0, 1.0], [[0.0], [1.0]], [[1.0], [1.0]], offers="best")
    with pytest.raises(InputError, match="rounds must be"):
        registry.get("bdm").predict([1.0, 1.0], [[0.0], [1.0]], [[1.0], [1.0]], rounds=-1)


def test_median_tie_is_the_midpoint():
    out = registry.get("median").predict([1.0, 1.0], [[20.0], [60.0]], [[1.0], [1.0]]).outcome
    assert out[0] == 40.0


def test_compromise_status_quo_anchor():
    out = registry.get("compromise").predict([1.0, 1.0], [[20.0], [60.0]], [[1.0], [1.0]], status_quo=[0.0], sq_weight=1.0)
    assert out.outcome[0] == pytest.approx(20.0)  # (40 + 1 * 0) / 2

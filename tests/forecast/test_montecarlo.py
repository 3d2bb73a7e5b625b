"""Monte Carlo over scenario ranges: reproducible draws, class probabilities, intervals."""

from __future__ import annotations

import json

import numpy as np
import pytest
from mc_helpers import SPECS, toy_scenario

from detente.errors import InputError
from detente.forecast.montecarlo import (
    BLOCK, OTHER, ClassRegion, InputRanges, block_seed, draw, draw_block, membership, select_models, wilson,
)
from detente.forecast.scenario_inputs import input_ranges, run_forecast


def test_same_seed_gives_byte_identical_json():
    sc = toy_scenario()
    a = json.dumps(run_forecast(sc, SPECS, 7, 3000).to_json())
    b = json.dumps(run_forecast(sc, SPECS, 7, 3000).to_json())
    c = json.dumps(run_forecast(sc, SPECS, 8, 3000).to_json())
    assert a == b
    assert a != c


def test_json_has_exactly_the_documented_keys():
    out = run_forecast(toy_scenario(), SPECS, 1, 500).to_json()
    assert list(out) == ["classes", "intervals", "issues", "models", "seed", "draws"]
    assert set(out["issues"]["deal"]) == {"mean", "quantiles"}
    assert out["seed"] == 1 and out["draws"] == 500
    assert set(out["models"]) == {"mean", "median"}


def test_draws_split_into_blocks_match_the_single_run():
    """A chunked (e.g. Dask) run of whole blocks reproduces the one-process draws exactly."""
    ranges, _ = input_ranges(toy_scenario())
    whole = draw(ranges, 42, 2 * BLOCK + 10)
    second = draw_block(ranges, block_seed(42, 1), BLOCK)
    assert np.array_equal(whole.position[BLOCK:2 * BLOCK], second.position, equal_nan=True)
    assert np.array_equal(whole.capability[BLOCK:2 * BLOCK], second.capability)
    spawned = np.random.SeedSequence(42).spawn(3)[2]
    third = draw_block(ranges, spawned, 10)
    assert np.array_equal(whole.salience[2 * BLOCK:], third.salience)


def test_draws_stay_in_their_ranges_and_centre_on_the_stated_value():
    ranges, _ = input_ranges(toy_scenario())
    s = draw(ranges, 3, 20_000)
    a_deal = s.position[:, 0, 0]           # A on deal: 90 in [80, 100]
    assert a_deal.min() >= 80 and a_deal.max() <= 100
    assert abs(a_deal.mean() - 90) < 0.2   # beta-PERT mean (low + 4 value + high) / 6 = 90
    cap_a = s.capability[:, 0]             # 40 in [30, 50]
    assert abs(cap_a.mean() - 40) < 0.2
    assert np.all(s.capability[:, 2] == 20)  # a point value is drawn as itself


def test_silent_actor_has_nan_position_and_zero_salience():
    ranges, _ = input_ranges(toy_scenario())
    s = draw(ranges, 0, 50)
    assert np.isnan(s.position[:, 2, 1]).all()  # C says nothing on aid
    assert (s.salience[:, 2, 1] == 0).all()


def test_class_probabilities_plus_other_sum_to_one_per_model_and_pooled():
    fc = run_forecast(toy_scenario(), SPECS, 5, 4000)
    assert sum(fc.classes.values()) == pytest.approx(1.0)
    for m in fc.models.values():
        assert sum(m.classes.values()) == pytest.approx(1.0)
    for c, (lo, hi) in fc.intervals.items():
        per_model = [m.classes[c] for m in fc.models.values()]
        assert lo <= min(per_model) <= fc.classes[c] <= max(per_model) <= hi


def test_overlap_mode_counts_each_class_on_its_own():
    out = np.array([[50.0], [70.0], [10.0]])
    regions = [ClassRegion("a", {0: (40, 80)}), ClassRegion("b", {0: (60, 100)})]
    first = membership(out, regions, "first")
    over = membership(out, regions, "overlap")
    assert first.tolist() == [[True, False, False], [True, False, False], [False, False, True]]
    assert over.tolist() == [[True, False, False], [True, True, False], [False, False, True]]


def test_rule_any_and_all():
    out = np.array([[10.0, 90.0]])
    both = ClassRegion("both", {0: (0, 20), 1: (0, 20)}, "all")
    either = ClassRegion("either", {0: (0, 20), 1: (0, 20)}, "any")
    assert membership(out, [both], "first")[0].tolist() == [False, True]
    assert membership(out, [either], "first")[0].tolist() == [True, False]


def test_wilson_interval_matches_a_hand_computed_value():
    # p = 0.5, n = 100: centre 0.5, half-width 1.96 * sqrt(0.0025 + 0.000096) / 1.0384 = 0.0961
    lo, hi = wilson(np.array(0.5), 100)
    assert float(lo) == pytest.approx(0.4038, abs=1e-4) and float(hi) == pytest.approx(0.5962, abs=1e-4)


def test_stronger_actor_pulls_the_mean_outcome_its_way():
    sc = toy_scenario()
    base = run_forecast(sc, SPECS, 1, 2000)
    assert base.issue_stats["deal"]["mean"] == pytest.approx(50, abs=2)   # A and B balance
    assert base.classes[OTHER] > 0.5                                      # mostly between the classes


def test_unknown_model_is_a_clear_error():
    with pytest.raises(InputError, match="unknown model 'nope'; known models: mean, median"):
        select_models(["nope"], SPECS)


def test_range_with_low_above_high_is_rejected_at_the_door():
    cap = np.array([[5.0], [4.0], [6.0]])   # low 5 > value 4
    pos = np.zeros((3, 1, 1))
    with pytest.raises(InputError, match="capability of 'A': need low <= value <= high"):
        InputRanges(("A",), ("x",), cap, pos, np.zeros((3, 1, 1)))


def test_draws_must_be_positive():
    ranges, _ = input_ranges(toy_scenario())
    with pytest.raises(InputError, match="--draws must be at least 1"):
        draw(ranges, 0, 0)


def test_archived_model_versions_are_not_run_in_new_forecasts():
    specs = dict(SPECS)
    specs["mean@0"] = SPECS["mean"]
    assert list(select_models(None, specs)) == ["mean", "median"]

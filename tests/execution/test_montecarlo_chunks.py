"""Chunked Monte Carlo gives exactly the numbers of one run over all draws."""

import json

import numpy as np

from detente.execution.montecarlo import BLOCKS_PER_CHUNK, run_variants
from detente.forecast.montecarlo import BLOCK, draw, run_models


def test_chunks_equal_one_run_over_all_draws(example_inputs, fast_specs):
    draws = 2 * BLOCKS_PER_CHUNK * BLOCK + 777  # three chunks, the last one short
    whole = run_models(fast_specs, draw(example_inputs.ranges, 11, draws))
    chunked = run_variants(fast_specs, example_inputs.ranges, 11, draws)[0]
    for m in fast_specs:
        assert chunked[m].outcome.shape == (draws, len(example_inputs.ranges.issues))
        assert chunked[m].outcome.tobytes() == whole[m].outcome.tobytes()


def test_variants_are_the_same_draws_transformed(example_inputs, fast_specs):
    def pin(s):
        s.salience[:, 0, 0] = 1.0
        return s

    base, pinned = run_variants(fast_specs, example_inputs.ranges, 5, 3000, [None, pin])
    sample = draw(example_inputs.ranges, 5, 3000)
    sample.salience[:, 0, 0] = 1.0
    direct = run_models(fast_specs, sample)
    for m in fast_specs:
        assert np.array_equal(pinned[m].outcome, direct[m].outcome, equal_nan=True)
        assert not np.array_equal(pinned[m].outcome, base[m].outcome, equal_nan=True) or m == "median"


def test_forecast_json_is_stable_across_calls(example_inputs, fast_specs):
    from detente.forecast.montecarlo import summarise

    def once():
        res = run_variants(fast_specs, example_inputs.ranges, 3, 5000)[0]
        fc = summarise(fast_specs, res, example_inputs.regions, example_inputs.ranges.issues, 3, 5000,
                       example_inputs.class_mode)
        return json.dumps(fc.to_json(), sort_keys=True)

    assert once() == once()

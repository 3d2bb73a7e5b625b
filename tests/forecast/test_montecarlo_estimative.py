"""ICD 203 estimative words and the separate confidence rating."""

from __future__ import annotations

import pytest

from detente.forecast.estimative import confidence, likelihood_word


@pytest.mark.parametrize(("p", "word"), [
    (0.0, "almost no chance"), (0.03, "almost no chance"), (0.05, "very unlikely"), (0.12, "very unlikely"),
    (0.20, "unlikely"), (0.30, "unlikely"), (0.45, "roughly even chance"), (0.50, "roughly even chance"),
    (0.55, "roughly even chance"), (0.60, "likely"), (0.80, "likely"), (0.85, "very likely"),
    (0.95, "very likely"), (0.97, "almost certain"), (1.0, "almost certain"),
])
def test_icd203_terms(p, word):
    assert likelihood_word(p) == word


def test_probability_outside_unit_interval_is_rejected():
    with pytest.raises(ValueError):
        likelihood_word(1.2)


def test_confidence_is_high_only_when_models_agree_intervals_are_narrow_and_inputs_cited():
    assert confidence(0.02, 0.05, 1.0).level == "high"
    assert confidence(0.30, 0.05, 1.0).level == "moderate"    # models disagree: capped
    assert confidence(0.02, 0.05, 0.1).level == "moderate"    # uncited inputs: capped
    assert confidence(0.40, 0.45, 0.3).level == "low"
    assert "models disagree" in confidence(0.40, 0.45, 0.3).reasons[0]

"""Estimative language: likelihood words (ICD 203) and a separate confidence level.

Likelihood. Intelligence Community Directive 203, "Analytic Standards" (ODNI, 2 Jan 2015),
sec. D.6.e(2)(a), fixes seven terms with probability ranges:

    almost no chance 1-5%, very unlikely 5-20%, unlikely 20-45%, roughly even chance 45-55%,
    likely 55-80%, very likely 80-95%, almost certain 95-99%.

The ranges share their end points; a probability on a shared end point gets the term nearer
to even chance (5% "very unlikely", 20% "unlikely", 45% and 55% "roughly even chance", 80% "likely",
95% "very likely"). Below 1% is "almost no chance"
and above 99% "almost certain": the directive has no words beyond them.

Confidence. ICD 203 asks analysts to state confidence in the *judgment* separately from the
likelihood of the event. We rate it from three things the forecast can measure:

* model agreement: the spread (max - min) of the models' probabilities for the class;
* the probability interval width (high - low);
* the evidence behind the inputs: the share of scenario values with at least one citation.

Each is scored 0 (weak), 1 (fair) or 2 (strong); the sum gives low (0-2), moderate (3-4) or
high (5-6). Thresholds: spread < 0.10 strong, < 0.25 fair; width < 0.15 strong, < 0.30 fair;
cited share >= 0.9 strong, >= 0.6 fair. One weak factor caps confidence at moderate: a
judgment that the models disagree on, or that rests on uncited numbers, is never "high".
"""

from __future__ import annotations

from dataclasses import dataclass

# (term, low, high) in probability, from ICD 203 sec. D.6.e(2)(a)
TERMS: tuple[tuple[str, float, float], ...] = (
    ("almost no chance", 0.0, 0.05),
    ("very unlikely", 0.05, 0.20),
    ("unlikely", 0.20, 0.45),
    ("roughly even chance", 0.45, 0.55),
    ("likely", 0.55, 0.80),
    ("very likely", 0.80, 0.95),
    ("almost certain", 0.95, 1.0),
)


def likelihood_word(p: float) -> str:
    """The ICD 203 term for probability p; a shared boundary goes to the term nearer 50%."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"probability out of [0, 1]: {p}")
    matches = [t for t, lo, hi in TERMS if lo <= p <= hi]
    return min(matches, key=lambda t: abs(_centre(t) - 0.5))


def _centre(term: str) -> float:
    for t, lo, hi in TERMS:
        if t == term:
            return (lo + hi) / 2
    raise KeyError(term)


@dataclass(frozen=True)
class Confidence:
    level: str            # low, moderate, high
    reasons: tuple[str, ...]


def _score(value: float, strong: float, fair: float, *, higher_is_better: bool) -> int:
    if higher_is_better:
        return 2 if value >= strong else 1 if value >= fair else 0
    return 2 if value < strong else 1 if value < fair else 0


def confidence(model_spread: float, interval_width: float, cited_share: float) -> Confidence:
    """Confidence in a judgment from model agreement, interval width and evidence (see module doc)."""
    parts = (
        (_score(model_spread, 0.10, 0.25, higher_is_better=False),
         f"models {'agree' if model_spread < 0.10 else 'partly disagree' if model_spread < 0.25 else 'disagree'}"
         f" (spread {model_spread:.0%})"),
        (_score(interval_width, 0.15, 0.30, higher_is_better=False), f"interval width {interval_width:.0%}"),
        (_score(cited_share, 0.9, 0.6, higher_is_better=True), f"{cited_share:.0%} of inputs cited"),
    )
    total = sum(s for s, _ in parts)
    level = "high" if total >= 5 else "moderate" if total >= 3 else "low"
    if level == "high" and any(s == 0 for s, _ in parts):
        level = "moderate"
    return Confidence(level, tuple(r for _, r in parts))

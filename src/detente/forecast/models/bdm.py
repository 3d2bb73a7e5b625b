"""Bueno de Mesquita's expected utility ("challenge") model, as unravelled by Scholz et al.

Source: Scholz, Calbert & Smith (2011), "Unravelling Bueno de Mesquita's group decision
model", J. Theoretical Politics 23(4): 510-531, Appendix steps 1-13 (eqs. 26-38); the model
is Bueno de Mesquita (1994) "Political forecasting: an expected utility method", in
*European Community Decision Making*, ch. 4. Equations as restated in MODELS.md sec. 4.

Each round: (1) risk exponents r_i from security levels computed with r = 1; (2) every
receiver a weighs every proposer b through E_a(U_ab) and E_b(U_ba), both computed with a's
risk exponent (a's perspective); (3) the signs give the octant: conflict (a moves to b if
b's EU is larger), compromise (a moves the fraction |E_a/E_b| towards b) or capitulation
(a moves to b); (4) each actor takes one offer and all move at once. The outcome is the
c*s-weighted median of the final positions (``outcome="mean"`` gives the weighted mean).

Ambiguities the paper leaves open, each a parameter (docs/decisions.md, D-B1..D-B10); the
defaults are the variant that best reproduces Scholz's Table 2 (round-1 median 8.42 against
8.4; 13 of the 16 published medians and means agree at one decimal, truncated):

* ``salience="target"``: s_j, the target's salience, leads the EU formula (eq. 30);
  ``"self"`` uses the challenger's.
* ``security="received"``: Sec_i sums E_j(U_ji), the EU others expect from challenging i;
  ``"given"`` sums E_i(U_ij).
* ``capitulation=True``: capitulation when the receiver loses more than the proposer gains
  (|E_a| > E_b). Scholz's code, as jmckib's port shows, never reaches this branch (a sign
  slip); on the emission example it changes nothing.
* ``offers="scholz"``: confrontations first, then compromises (the one with the lowest
  EU-weighted point, as Scholz's code does), then capitulations; ``"least"``: the offer
  that moves the receiver least, as the paper's text says.
* ``conflict=True``: in a conflict (both EUs > 0) the side with the smaller EU moves to the
  winner; ``False``: conflicts move nobody.
* ``position_range="initial"``: R is the spread of the initial positions, fixed;
  ``"current"`` recomputes it each round; a number fixes it (e.g. 100 for the 0-100 scale).
* ``probability="triples"``: P normalised over all triples (k, a, b), as Scholz's code does
  and the published table needs; ``"pair"``: eq. 31 as printed (P_ij + P_ji = 1).
* ``vote_risk=True``: in the move step each third party votes with its own risk exponent,
  (|x_k - x|/R)^r_k (Scholz's code); ``False``: linear votes.
* ``q=1.0``: status-quo probability Q (1.0 in the 1994 replication; 0.5 is BDM's usual);
  with Q < 1, ``t_rule="closer"`` sets T = 1 when i is nearer the median than j.
* ``rounds=10``; the trajectory holds every round, round 0 the input.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from detente.errors import InputError
from detente.forecast.models import _bdm_kernel as K
from detente.forecast.models._validate import check, expand_trajectory
from detente.forecast.models.base import Outcome
from detente.forecast.models.compromise import weighted_mean
from detente.forecast.models.median import weighted_median
from detente.forecast.models.registry import ModelSpec

_CHOICES = {
    "probability": {"triples": K.PROB_TRIPLES, "pair": K.PROB_PAIR},
    "offers": {"scholz": K.OFFER_SCHOLZ, "least": K.OFFER_LEAST},
    "t_rule": {"closer": K.T_CLOSER, "always": K.T_ALWAYS, "never": K.T_NEVER},
    "security": {"received": K.SEC_RECEIVED, "given": K.SEC_GIVEN},
    "salience": {"target": K.SAL_TARGET, "self": K.SAL_SELF},
    "outcome": {"median": 0, "mean": 1},
}


def _code(name: str, value: str) -> int:
    options = _CHOICES[name]
    if value not in options:
        raise InputError(f"bdm: {name} must be one of {', '.join(options)}, got {value!r}")
    return options[value]


def predict(
    capability: np.ndarray,
    position: np.ndarray,
    salience: np.ndarray,
    *,
    status_quo: np.ndarray | None = None,
    rounds: int = 10,
    q: float = 1.0,
    position_range: str | float = "initial",
    probability: str = "triples",
    vote_risk: bool = True,
    offers: str = "scholz",
    capitulation: bool = True,
    conflict: bool = True,
    t_rule: str = "closer",
    security: str = "received",
    salience_lead: str = "target",
    outcome: str = "median",
    trajectory: bool = True,
    **params: Any,
) -> Outcome:
    """Run the EU model for ``rounds`` rounds on each issue; see the module docstring.

    The status quo is not an input of the 1994 model (Q is a probability, not a point); it
    is accepted for the common signature and ignored. ``trajectory=False`` keeps only the
    final positions (Monte Carlo: 10,000 draws x 6 issues x 11 rounds x 9 actors would be
    48 MB built and thrown away); the outcome is the same.
    """
    if params:
        raise InputError(f"bdm: unknown parameter(s) {', '.join(params)}")
    if isinstance(rounds, bool) or not isinstance(rounds, (int, np.integer)) or rounds < 0:
        raise InputError(f"bdm: rounds must be a whole number >= 0, got {rounds!r}")
    if not (0.0 <= q <= 1.0):
        raise InputError(f"bdm: q must be in [0, 1], got {q}")
    if isinstance(position_range, str):
        range_mode = {"initial": K.RANGE_INITIAL, "current": K.RANGE_CURRENT}.get(position_range)
        if range_mode is None:
            raise InputError(f"bdm: position_range must be 'initial', 'current' or a number > 0, got {position_range!r}")
        range_value = 0.0
    else:
        range_mode, range_value = K.RANGE_FIXED, float(position_range)
        if not range_value > 0:
            raise InputError(f"bdm: position_range must be > 0, got {position_range}")
    codes = dict(
        prob_mode=_code("probability", probability),
        offer_mode=_code("offers", offers),
        t_mode=_code("t_rule", t_rule),
        sec_mode=_code("security", security),
        sal_mode=_code("salience", salience_lead),
    )
    out_mode = _code("outcome", outcome)
    c = check(capability, position, salience, status_quo, model="bdm")
    x0 = c.flat(c.position)
    traj = np.empty((x0.shape[0], int(rounds) + 1 if trajectory else 1, c.n))
    K.run(
        x0, c.flat(c.capability), c.flat(c.salience), c.flat(c.present),
        int(rounds), float(q), range_mode, range_value, codes["prob_mode"], bool(vote_risk),
        codes["offer_mode"], bool(capitulation), bool(conflict), codes["t_mode"],
        codes["sec_mode"], codes["sal_mode"], traj,
    )  # (B, rounds + 1 or 1, n), NaN for absent actors
    final = np.nan_to_num(traj[:, -1, :])
    w = c.flat(c.weight)
    result = weighted_median(final, w) if out_mode == 0 else weighted_mean(final, w)
    return Outcome(
        model="bdm",
        outcome=c.unflat(result),
        trajectory=expand_trajectory(traj, c) if trajectory else None,
        rounds=int(rounds),
        params=dict(
            rounds=int(rounds), q=q, position_range=position_range, probability=probability,
            vote_risk=vote_risk, offers=offers, capitulation=capitulation, conflict=conflict,
            t_rule=t_rule, security=security, salience_lead=salience_lead, outcome=outcome,
        ),
    )


def round_summary(result: Outcome, capability: np.ndarray, salience: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weighted median and mean of the positions at every round, as Scholz's Table 2 reports.

    capability (..., n), salience (..., n, k); returns two arrays (..., rounds + 1, k).
    """
    if result.trajectory is None:
        raise InputError("round_summary needs a model with a trajectory")
    t = np.moveaxis(result.trajectory, -1, -2)  # (..., R, k, n)
    s = np.nan_to_num(np.swapaxes(np.asarray(salience, float), -1, -2))  # (..., k, n)
    w = np.asarray(capability, float)[..., None, :] * s
    w = np.where(np.isnan(t), 0.0, w[..., None, :, :])
    x = np.nan_to_num(t)
    return weighted_median(x, w), weighted_mean(x, w)


SPEC = ModelSpec(
    name="bdm",
    predict=predict,
    version="1",
    summary="Bueno de Mesquita expected utility model (Scholz et al. 2011)",
    iterative=True,
    optional_trajectory=True,
)

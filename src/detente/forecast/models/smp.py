"""KTAB's Spatial Model of Politics (SMP) with its probabilistic Condorcet election.

Source: the KAPSARC Toolkit for Behavioral Analysis (KTAB, MIT licence; Wise, Lester,
Efird et al. 2015-2017), as its C++ code implements the SMP; described step by step in
``/work/shared/KTAB.md`` section 1, which this module follows (never KTAB's code). With the
default parameters it reproduces KTAB's deterministic runs (round count, every final
position, every winning probability; tests/forecast/test_smp_ktab.py).

One round (KTAB.md 1.2, "BCN"): risk attitudes from a PCE over the actors' positions;
every actor picks the target with the best expected gain of a challenge; each pair's
bargain is a salience- and probability-weighted compromise; every actor resolves its own
queue of bargains by a PCE of all actors' valuations and adopts its side of the winner.
Ideals follow positions (KTAB's identity accommodation). Rounds stop when the total move of
a round is under 2% of the first round's (KTAB.md 1.3), after at most ``max_rounds``.

Speed: with the default options a whole run is one compiled call (smp_jit.run_default);
the batched NumPy steps `assess` and `bargain_round` are the reference it is tested
against and run every other option (docs/decisions.md, S9).

The SMP lives on the joint issue space: distances weigh all k issues by the actor's
saliences, so the k issues are not separate runs.

Outcome (docs/decisions.md, "KTAB SMP"): KTAB prints no single predicted point. We report
the expected position under the final PCE over the distinct final positions,
sum_u P(u) x_u (run_summary.csv's ``final_pce_expected_position``); ``probability`` is each
actor's final probability of its position (KTAB's "winning probabilities").

Input conventions (validated here; each violation is an InputError naming where it is):

* capability finite and > 0; position on 0-100 (NaN = no position); salience in [0, 1]
  (``salience_scale=100`` declares 0-100 saliences).
* An issue needs an actor with a position and positive salience (shared rule D-V2).
* An actor with no position on an issue is skipped there: salience 0 on that issue and a
  start at the capability-weighted mean of the actors that have one, so it neither pulls
  nor is pulled by that coordinate; its trajectory there is NaN. A warning says so.
* KTAB needs an actor's saliences to sum to at most 1 over the issues (its resistance
  probability S_j). Where some actor exceeds 1, all saliences of that draw are divided by
  the largest sum (relative weights, hence distances and bargains, are unchanged).
* One actor, or all actors at one point: nobody can gain by a challenge; the model runs
  KTAB's minimum of two rounds and returns that point with probability 1 for the point.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from detente.errors import InputError
from detente.forecast.models import smp_jit
from detente.forecast.models import smp_kernels as K
from detente.forecast.models.base import Outcome
from detente.forecast.models.registry import ModelSpec

SCALE = 100.0  # issue scale; KTAB works on [0, 1]
DRAW_CHUNK = 256  # draws per compiled call (bounds its per-call trajectory buffer)

DEFAULTS: dict[str, Any] = {
    # KTAB.md 1.4, defaults first; values are KTAB's enum names
    "victory_prob": "Linear",  # VictoryProbModel
    "pce_model": "Conditional",  # PCEModel
    "state_transitions": "Deterministic",  # StateTransitions
    "voting_rule": "Prop",  # VotingRule
    "big_r_range": "Mid",  # BigRRange
    "big_r_adjust": "OneThird",  # BigRAdjust
    "third_party_commit": "SemiCommit",  # ThirdPartyCommit
    "inter_vec_bargain": "S2P2",  # InterVecBrgn
    "bargain_model": "InitOnlyInterp",  # BargnModel
    # KTAB.md 1.3
    "max_rounds": 100,
    "stop_fraction": 0.02,
    "pos_tol": 1e-3,
    # ours
    "salience_scale": 1.0,
    "seed": None,  # required for state_transitions="Stochastic"
}

_CHOICES = {
    "victory_prob": K.VICTORY_MODELS,
    "pce_model": K.PCE_MODELS,
    "state_transitions": ("Deterministic", "Stochastic"),
    "voting_rule": K.VOTING_RULES,
    "big_r_range": tuple(K.BIG_R_RANGES),
    "big_r_adjust": tuple(K.BIG_R_ADJUST),
    "third_party_commit": K.THIRD_PARTY_COMMIT,
    "inter_vec_bargain": K.INTER_VEC_BARGAIN,
    "bargain_model": ("InitOnlyInterp", "InitRcvrInterp", "PWCompInterp"),
}


# ------------------------------------------------------------------------------ parameters
def resolve_params(params: dict[str, Any]) -> dict[str, Any]:
    """Defaults filled in; unknown names or values raise InputError listing the options."""
    unknown = set(params) - set(DEFAULTS)
    if unknown:
        raise InputError(f"smp: unknown parameter(s) {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(DEFAULTS)}")
    out = {**DEFAULTS, **params}
    for name, options in _CHOICES.items():
        if out[name] not in options:
            raise InputError(f"smp: {name}={out[name]!r} is not one of {', '.join(options)}")
    if not (isinstance(out["max_rounds"], (int, np.integer)) and out["max_rounds"] >= 1):
        raise InputError(f"smp: max_rounds must be an integer >= 1, got {out['max_rounds']!r}")
    for name in ("stop_fraction", "pos_tol"):
        if not (np.isfinite(out[name]) and out[name] >= 0):
            raise InputError(f"smp: {name} must be a number >= 0, got {out[name]!r}")
    if out["salience_scale"] not in (1, 1.0, 100, 100.0):
        raise InputError(f"smp: salience_scale must be 1 or 100, got {out['salience_scale']!r}")
    if out["state_transitions"] == "Stochastic" and out["seed"] is None:
        raise InputError("smp: state_transitions='Stochastic' needs an explicit seed=")
    return out


# ------------------------------------------------------------------------------ validation
@dataclass(frozen=True)
class Inputs:
    """Validated inputs on KTAB's [0, 1] scale, batch flattened: (B, n), (B, n, k)."""

    capability: np.ndarray
    position: np.ndarray
    salience: np.ndarray
    present: np.ndarray  # (B, n, k) bool
    batch_shape: tuple[int, ...]
    skipped: tuple[tuple[int, int], ...]  # (actor, issue) pairs without a position
    salience_divisor: np.ndarray  # (B,) >= 1


def _where(mask: np.ndarray) -> str:
    idx = tuple(int(i) for i in np.argwhere(mask)[0])
    return "index " + str(idx if len(idx) > 1 else idx[0])


def validate(capability: Any, position: Any, salience: Any, salience_scale: float = 1.0) -> Inputs:
    """Check once at the door; InputError names the first problem and where it is."""
    try:
        pos = np.asarray(position, dtype=np.float64)
        sal = np.asarray(salience, dtype=np.float64)
        cap = np.asarray(capability, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise InputError(f"smp: inputs must be numeric arrays ({exc})") from None
    if pos.ndim < 2 or pos.shape[-2] < 1 or pos.shape[-1] < 1:
        raise InputError(f"smp: position must have shape (..., n actors >= 1, k issues >= 1), "
                         f"got {pos.shape}")
    try:
        sal = np.broadcast_to(sal, pos.shape)
        cap = np.broadcast_to(cap, pos.shape[:-1])
    except ValueError:
        raise InputError(f"smp: shapes do not match: capability {np.shape(capability)} must be "
                         f"(..., n) and salience {np.shape(salience)} (..., n, k) for position "
                         f"{pos.shape}") from None
    if not np.all(np.isfinite(cap)):
        raise InputError(f"smp: capability is NaN or infinite at {_where(~np.isfinite(cap))}")
    if np.any(cap <= 0):
        bad = cap <= 0
        raise InputError(f"smp: capability must be > 0; got {cap[bad][0]:g} at {_where(bad)}")
    if np.any(np.isinf(pos)):
        raise InputError(f"smp: position is infinite at {_where(np.isinf(pos))}")
    present = ~np.isnan(pos)
    bad = present & ((pos < 0) | (pos > SCALE))
    if np.any(bad):
        raise InputError(f"smp: position must be on the 0-100 scale; got {pos[bad][0]:g} at "
                         f"{_where(bad)}")
    if np.any(present & ~np.isfinite(sal)):
        raise InputError(f"smp: salience is NaN or infinite at {_where(present & ~np.isfinite(sal))}")
    bad = present & ((sal < 0) | (sal > salience_scale))
    if np.any(bad):
        hint = "" if salience_scale != 1 else " (pass salience_scale=100 for 0-100 saliences)"
        raise InputError(f"smp: salience must be in [0, {salience_scale:g}]; got {sal[bad][0]:g} "
                         f"at {_where(bad)}{hint}")
    nobody = ~(present & (sal > 0)).any(axis=-2)  # the shared rule D-V2 (docs/decisions.md)
    if np.any(nobody):
        raise InputError(f"smp: issue {_where(nobody)} (draw..., issue) has no actor with a "
                         "position and positive salience")

    n, k = pos.shape[-2:]
    batch_shape = pos.shape[:-2]
    pos = pos.reshape(-1, n, k) / SCALE
    present = present.reshape(-1, n, k)
    cap = np.ascontiguousarray(cap.reshape(-1, n))
    sal = np.where(present, sal.reshape(-1, n, k) / salience_scale, 0.0)
    skipped = tuple((int(i), int(j)) for i, j in np.argwhere(~present.all(axis=0)))  # sorted
    if skipped:
        # the actor sits at the capability-weighted mean of the others on that issue
        w = cap[:, :, None] * present
        mean = (w * np.where(present, pos, 0.0)).sum(axis=1) / w.sum(axis=1)  # (B, k)
        pos = np.where(present, pos, mean[:, None, :])
        warnings.warn(
            "smp: actors without a position are skipped on those issues (salience 0, start at "
            "the capability-weighted mean): " + ", ".join(f"actor {i} issue {j}" for i, j in skipped),
            stacklevel=3,
        )
    divisor = np.maximum(sal.sum(axis=2).max(axis=1), 1.0)  # (B,)
    sal = sal / divisor[:, None, None]
    return Inputs(cap, np.ascontiguousarray(pos), sal, present, batch_shape, skipped, divisor)


# ---------------------------------------------------------------------------------- rounds
@dataclass(frozen=True)
class Assessment:
    """What every actor thinks of the current state (KTAB.md 1.2a), plus its PCE."""

    d: np.ndarray  # (B, n, n) distance from a's ideal to l's position
    risk: np.ndarray  # (B, n) R_i
    utility: np.ndarray  # (B, n, n) u(d_al, R_a), "risk-aware (objective)"
    risk_neutral_prob: np.ndarray  # (B, n) PCE over all n positions, risk-neutral
    representative: np.ndarray  # (B, n) first actor within pos_tol of each actor
    probability: np.ndarray  # (B, n) PCE probability of each actor's position (merged)


@dataclass(frozen=True)
class Round:
    """One BCN round's intermediate results (KTAB.md 1.2c-e), for tests and inspection."""

    target: np.ndarray  # (B, n) each actor's chosen target, -1 for none
    phi: np.ndarray  # (B, n) initiator's P(it beats its target)
    gain: np.ndarray  # (B, n) expected gain of that challenge
    initiator_side: np.ndarray  # (B, m, k) bargain option m's position for its initiator
    target_side: np.ndarray  # (B, m, k) ... for its target
    option_initiator: np.ndarray  # (m,) initiator of option m
    value: np.ndarray  # (B, n, m + 1) actor a's value of option m (last: status quo)
    queue: np.ndarray  # (B, n, m + 1) bool, options in actor k's queue
    queue_prob: np.ndarray  # (B, n, m + 1) PCE probability within each queue
    chosen: np.ndarray  # (B, n) chosen option per actor (m = status quo)
    position: np.ndarray  # (B, n, k) the new positions


def _pce_all(cap: np.ndarray, value: np.ndarray, member: np.ndarray, p: dict[str, Any]) -> np.ndarray:
    strength = K.coalitions(cap, value, p["voting_rule"])
    prob_win = K.victory(strength, strength.transpose(0, 2, 1), p["victory_prob"])
    return K.pce(prob_win, member, p["pce_model"], strength)


def assess(x: np.ndarray, sal: np.ndarray, cap: np.ndarray, p: dict[str, Any]) -> Assessment:
    """Risk attitudes and the probabilistic Condorcet election of the current positions.

    Risk: a risk-neutral PCE over all n positions, duplicates not merged, vote weight c only
    (KTAB.md 1.2a.3-4). The reported probability: the same election with the risk-aware
    utilities over the distinct positions (within pos_tol), each actor getting the
    probability of its position; this reproduces KTAB's "winning probabilities".
    """
    b, n, _ = x.shape
    d = K.distance(x, sal, x)
    everyone = np.ones((b, 1, n), dtype=bool)
    p0 = _pce_all(cap, 1.0 - d, everyone, p)[:, 0]
    risk = K.risk_attitudes(p0, p["big_r_range"])
    u = K.utility(d, risk[:, :, None])
    rep = K.equivalence(x, p["pos_tol"])
    distinct = (rep == np.arange(n))[:, None, :]
    p_opt = _pce_all(cap, u, distinct, p)[:, 0]
    return Assessment(d, risk, u, p0, rep, np.take_along_axis(p_opt, rep, axis=1))


def bargain_round(
    x: np.ndarray,
    sal: np.ndarray,
    cap: np.ndarray,
    a: Assessment,
    p: dict[str, Any],
    rng: np.random.Generator | None = None,
) -> Round:
    """Challenges, bargains and their resolution: one BCN round (KTAB.md 1.2c-e)."""
    b, n, k = x.shape
    total = sal.sum(axis=2)
    weight = cap * total
    adjust = K.BIG_R_ADJUST[p["big_r_adjust"]]
    args = (p["voting_rule"], p["victory_prob"], p["third_party_commit"])
    target, phi, gain = K.best_challenges(a.d, a.risk, adjust, weight, total, *args)
    has = target >= 0
    me = np.broadcast_to(np.arange(n), (b, n))
    tgt = np.where(has, target, me)
    xj = np.take_along_axis(x, tgt[:, :, None], axis=1)
    sj = np.take_along_axis(sal, tgt[:, :, None], axis=1)
    how = p["inter_vec_bargain"]
    bi, bj = K.interpolate(x, xj, sal, sj, phi, how)
    if p["bargain_model"] != "InitOnlyInterp":
        # The target's view of the same contest. KTAB interpolates it with the initiator's
        # expected gain *as the target estimates it* where the initiator's view uses P(i>j):
        # that reproduces every "from j's perspective" bargain of the trace (docs/decisions.md).
        phi_r = K.perspective_phi(a.d, a.risk, adjust, weight, me, tgt, tgt, *args)
        r_ji = (1 - adjust) * np.take_along_axis(a.risk, tgt, axis=1) + adjust * a.risk
        u_ii = K.utility(np.diagonal(a.d, axis1=1, axis2=2), r_ji)
        u_ij = K.utility(np.take_along_axis(a.d, tgt[:, :, None], axis=2)[:, :, 0], r_ji)
        s_j = np.take_along_axis(total, tgt, axis=1)
        gain_r = ((1 - s_j) * 2 * u_ii + s_j * (phi_r * 2 * u_ii + (1 - phi_r) * 2 * u_ij)
                  - (u_ii + u_ij))
        ri, rj = K.interpolate(x, xj, sal, sj, gain_r, how)
        if p["bargain_model"] == "InitRcvrInterp":
            bi, bj = np.concatenate([bi, ri], axis=1), np.concatenate([bj, rj], axis=1)
            has, tgt = np.concatenate([has, has], axis=1), np.concatenate([tgt, tgt], axis=1)
        else:  # PWCompInterp: the mean of both perspectives weighted by total salience S
            # (KTAB.md says c*S; S_i / (S_i + S_j) is what reproduces the trace's [1003] etc.)
            wi, wj = total[:, :, None], np.take_along_axis(total, tgt, axis=1)[:, :, None]
            bi = (wi * bi + wj * ri) / (wi + wj)
            bj = (wi * bj + wj * rj) / (wi + wj)
    m = bi.shape[1]
    init = np.arange(m) % n

    # value of each bargain to each actor: mean utility over the n positions of the state in
    # which only that bargain is implemented (KTAB.md 1.2e), in O(n^2) by replacing two terms
    r = a.risk[:, :, None]
    u_bi = K.utility(K.distance(x, sal, bi), r)  # (B, a, m)
    u_bj = K.utility(K.distance(x, sal, bj), r)
    u_xi = a.utility[:, :, init]
    u_xj = np.take_along_axis(a.utility, tgt[:, None, :], axis=2)
    base = a.utility.mean(axis=2, keepdims=True)  # status quo
    change = np.where(has[:, None, :], (u_bi - u_xi + u_bj - u_xj) / n, 0.0)
    value = np.concatenate([base + change, base], axis=2)  # (B, a, m + 1)

    # actor k's queue: its status quo, the bargain it made, every bargain aimed at it
    kk = np.arange(n)[None, :, None]
    queue = has[:, None, :] & ((init[None, None, :] == kk) | (tgt[:, None, :] == kk))
    queue = np.concatenate([queue, np.ones((b, n, 1), dtype=bool)], axis=2)
    prob = _pce_all(cap, value, queue, p)

    if p["state_transitions"] == "Deterministic":
        # argmax; exact ties go to the earlier option in KTAB's sequential queue order
        best = np.where(queue, prob, -1.0).max(axis=2, keepdims=True)
        tie = queue & (prob >= best * (1 - 1e-12))
        order = np.concatenate([np.broadcast_to(2.0 * init + 1 + (np.arange(m) >= n) * 0.5,
                                                (b, n, m)),
                                np.broadcast_to(2.0 * np.arange(n)[None, :, None], (b, n, 1))], axis=2)
        chosen = np.argmin(np.where(tie, order, np.inf), axis=2)
    else:
        u = rng.random((b, n, 1))
        chosen = np.minimum((np.cumsum(prob, axis=2) < u).sum(axis=2), m)
        chosen = np.where(np.take_along_axis(queue, chosen[:, :, None], axis=2)[:, :, 0], chosen, m)

    pick = np.minimum(chosen, m - 1)[:, :, None]
    side_i = np.take_along_axis(bi, pick, axis=1)
    side_j = np.take_along_axis(bj, pick, axis=1)
    is_init = (np.take_along_axis(np.broadcast_to(init, (b, m)), pick[:, :, 0], axis=1)
               == np.arange(n))[:, :, None]
    new = np.where(is_init, side_i, side_j)
    new = np.where((chosen == m)[:, :, None], x, new)
    return Round(target, phi, gain, bi, bj, init, value, queue, prob, chosen, new)


@dataclass(frozen=True)
class Run:
    """A whole SMP run on the [0, 1] scale, batch flattened."""

    position: np.ndarray  # (B, T + 1, n, k); draws that stopped early repeat their last state
    probability: np.ndarray  # (B, T + 1, n) winning probability of each actor's position
    representative: np.ndarray  # (B, n) distinct final positions
    rounds: np.ndarray  # (B,) rounds run per draw


def is_default(p: dict[str, Any]) -> bool:
    """All nine KTAB options at their defaults (the compiled whole-run path applies)."""
    return all(p[name] == DEFAULTS[name] for name in _CHOICES)


def simulate(x0: np.ndarray, sal: np.ndarray, cap: np.ndarray, p: dict[str, Any],
             compiled: bool = True, history: bool = True) -> Run:
    """Rounds until KTAB's stopping rule (KTAB.md 1.3), each draw stopping on its own.

    Stop at state t when t >= max_rounds, or t >= 2 and
    D(t-1, t) / (D(0, 1) + 1e-4) < stop_fraction, D = sum_i ||x_i(t-1) - x_i(t)||.
    With the default options (and `compiled`) the whole run is one compiled call
    (smp_jit.run_default); otherwise rounds are the batched steps `assess` and
    `bargain_round` below, which are the reference the compiled path is tested against.
    Without `history` the compiled path keeps only the final state: Run.position and
    Run.probability then hold one state, (B, 1, n, k) and (B, 1, n).
    """
    if compiled and is_default(p):
        args = (int(p["max_rounds"]), float(p["stop_fraction"]), float(p["pos_tol"]))
        if not history:
            final, prob, rep, rounds = smp_jit.run_default(
                np.ascontiguousarray(x0), np.ascontiguousarray(sal), np.ascontiguousarray(cap),
                *args)
            return Run(final[:, None], prob[:, None], rep, rounds)
        # in chunks of draws: the kernel keeps max_rounds + 1 states per draw until it knows
        # how many were used, which for 10,000 draws would be hundreds of MB
        parts = []
        for lo in range(0, x0.shape[0], DRAW_CHUNK):
            pos, prob, rep, rounds = smp_jit.run_default_history(
                np.ascontiguousarray(x0[lo : lo + DRAW_CHUNK]),
                np.ascontiguousarray(sal[lo : lo + DRAW_CHUNK]),
                np.ascontiguousarray(cap[lo : lo + DRAW_CHUNK]), *args)
            last = int(rounds.max()) + 1
            parts.append((pos[:, :last].copy(), prob[:, :last].copy(), rep, rounds))
        longest = max(part[0].shape[1] for part in parts)
        pad = lambda a: np.concatenate(  # noqa: E731  repeat the last state of early stoppers
            [a, np.repeat(a[:, -1:], longest - a.shape[1], axis=1)], axis=1)
        return Run(np.concatenate([pad(q[0]) for q in parts]),
                   np.concatenate([pad(q[1]) for q in parts]),
                   np.concatenate([q[2] for q in parts]), np.concatenate([q[3] for q in parts]))
    b = x0.shape[0]
    rng = np.random.default_rng(p["seed"]) if p["state_transitions"] == "Stochastic" else None
    x = x0.copy()
    positions, probs = [x0.copy()], []
    rounds = np.zeros(b, dtype=int)
    first = np.zeros(b)
    active = np.arange(b)
    rep = np.zeros(x0.shape[:2], dtype=int)
    t = 0
    while True:
        a = assess(x[active], sal[active], cap[active], p)
        prob = probs[-1].copy() if probs else np.zeros(x0.shape[:2])
        prob[active] = a.probability
        probs.append(prob)
        rep[active] = a.representative
        if t > 0:
            moved = np.linalg.norm(positions[-1][active] - positions[-2][active], axis=2).sum(axis=1)
            if t == 1:
                first[active] = moved
            stop = (t >= p["max_rounds"]) | ((t >= 2) & (moved / (first[active] + 1e-4)
                                                         < p["stop_fraction"]))
            rounds[active[stop]] = t
            keep = ~stop
            active, a = active[keep], _subset(a, keep)
        if active.size == 0:
            break
        r = bargain_round(x[active], sal[active], cap[active], a, p, rng)
        x = x.copy()
        x[active] = r.position
        positions.append(x)
        t += 1
    return Run(np.stack(positions, axis=1), np.stack(probs, axis=1), rep, rounds)


def _subset(a: Assessment, keep: np.ndarray) -> Assessment:
    return Assessment(*(f[keep] for f in (a.d, a.risk, a.utility, a.risk_neutral_prob,
                                          a.representative, a.probability)))


def expected_position(x: np.ndarray, prob: np.ndarray, rep: np.ndarray) -> np.ndarray:
    """sum over distinct positions u of P(u) x_u: (B, n, k), (B, n), (B, n) -> (B, k)."""
    distinct = rep == np.arange(x.shape[1])
    w = np.where(distinct, prob, 0.0)
    w = w / w.sum(axis=1, keepdims=True)
    return np.einsum("bn,bnk->bk", w, x)


# ------------------------------------------------------------------------------- the model
def predict(
    capability: np.ndarray,
    position: np.ndarray,
    salience: np.ndarray,
    *,
    status_quo: np.ndarray | None = None,
    trajectory: bool = True,
    **params: Any,
) -> Outcome:
    """Run KTAB's SMP; see the module docstring. The status quo plays no part in the SMP
    (KTAB has none: every actor starts from its own position) and is ignored.
    ``trajectory=False`` skips building the trajectory (Outcome.trajectory is None): Monte
    Carlo needs only the outcomes, and 10,000 draws of 100 rounds would be 0.4 GB."""
    p = resolve_params(params)
    inp = validate(capability, position, salience, p["salience_scale"])
    run = simulate(inp.position, inp.salience, inp.capability, p, history=trajectory)
    x_final = run.position[:, -1]
    prob = run.probability[:, -1]
    outcome = expected_position(x_final, prob, run.representative) * SCALE
    # bargains never leave the range of the positions (convex combinations, clipped after
    # rounding); clipping here only undoes float round-off of the 0-100 <-> [0, 1] scaling
    start = np.asarray(position, dtype=np.float64).reshape(inp.position.shape)
    lo, hi = np.nanmin(start, axis=1), np.nanmax(start, axis=1)  # (B, k)
    outcome = np.clip(outcome, lo, hi)
    shape = inp.batch_shape
    n, k = inp.position.shape[1:]
    traj = None
    if trajectory:
        traj = np.clip(run.position * SCALE, lo[:, None, None], hi[:, None, None])
        traj[:, 0] = start
        traj = np.where(inp.present[:, None], traj, np.nan)
        traj = traj.reshape(shape + traj.shape[1:])
    used = {**p, "skipped": list(inp.skipped),
            "salience_divisor": float(inp.salience_divisor.max())}
    return Outcome(
        model="smp",
        outcome=outcome.reshape(shape + (k,)),
        trajectory=traj,
        probability=prob.reshape(shape + (n,)),
        rounds=int(run.rounds.max()),
        params=used,
    )


SPEC = ModelSpec(
    name="smp",
    predict=predict,
    version="1",
    summary="KTAB's Spatial Model of Politics: challenges, bargains, probabilistic Condorcet "
    "election (joint issue space)",
    iterative=True,
    joint=True,
    optional_trajectory=True,
)

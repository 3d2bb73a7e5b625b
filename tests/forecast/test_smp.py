"""KTAB's SMP in detente: the shared model interface, batches, options and input checks."""

from __future__ import annotations

import tracemalloc
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import InputError
from detente.forecast.models import registry, smp, smp_jit

# KTAB's examples/smp/doc/dummyData_3Dim.csv (KTAB.md 1.1), 7 actors x 3 issues
CAP = np.array([102.543, 53.393, 129.643, 75.92, 63.224, 120.048, 54.178])
POS = np.array([[75.79, 6.37, 70.45], [82.72, 73.50, 64.00], [82.45, 90.89, 0.07],
                [62.52, 50.82, 62.33], [82.34, 45.77, 73.31], [84.48, 33.70, 88.11],
                [70.96, 33.46, 90.36]])
SAL = np.array([[49.53, 5.91, 28.15], [30.33, 21.22, 24.79], [48.47, 13.55, 34.62],
                [20.76, 39.24, 22.21], [40.96, 25.43, 22.59], [22.92, 39.35, 15.42],
                [31.75, 27.93, 26.03]]) / 100


def test_registered_as_joint_iterative_model() -> None:
    spec = registry.get("smp")
    assert spec.predict is smp.predict
    assert spec.iterative and spec.joint
    out = spec.predict(CAP, POS, SAL)
    assert out.model == "smp"
    assert out.outcome.shape == (3,)
    assert out.trajectory.shape == (out.rounds + 1, 7, 3)
    assert out.probability.shape == (7,)
    np.testing.assert_allclose(out.trajectory[0], POS)
    assert out.params["victory_prob"] == "Linear" and out.params["max_rounds"] == 100


def test_batch_of_draws_equals_separate_runs() -> None:
    rng = np.random.default_rng(7)
    pos = np.clip(POS + rng.normal(0, 8, (4, 7, 3)), 0, 100)
    cap = CAP * rng.uniform(0.5, 1.5, (4, 7))
    batch = smp.predict(cap, pos, SAL)
    assert batch.outcome.shape == (4, 3) and batch.probability.shape == (4, 7)
    assert batch.trajectory.shape == (4, batch.rounds + 1, 7, 3)
    for b in range(4):
        one = smp.predict(cap[b], pos[b], SAL)
        np.testing.assert_allclose(batch.outcome[b], one.outcome)
        np.testing.assert_allclose(batch.probability[b], one.probability)
        np.testing.assert_allclose(batch.trajectory[b, : one.rounds + 1], one.trajectory)
        # a draw that stopped early repeats its last state
        np.testing.assert_allclose(batch.trajectory[b, one.rounds :], one.trajectory[-1:].repeat(
            batch.rounds - one.rounds + 1, axis=0))


@pytest.mark.parametrize("n", [1, 2, 7, 25])
def test_compiled_default_run_equals_batched_reference(n: int) -> None:
    """The compiled whole-run path (default options) and the step-by-step NumPy path agree."""
    rng = np.random.default_rng(n)
    cap = rng.uniform(1, 100, (3, n))
    pos = np.round(rng.uniform(0, 100, (3, n, 2)), 2)
    pos[1, : n // 2] = pos[1, 0]  # a draw with many actors at one point
    sal = rng.uniform(0, 1, (3, n, 2)) / 2
    p = smp.resolve_params({})
    inp = smp.validate(cap, pos, sal)
    fast = smp.simulate(inp.position, inp.salience, inp.capability, p)
    slow = smp.simulate(inp.position, inp.salience, inp.capability, p, compiled=False)
    np.testing.assert_array_equal(fast.rounds, slow.rounds)
    np.testing.assert_allclose(fast.position, slow.position, atol=1e-12)
    np.testing.assert_allclose(fast.probability, slow.probability, atol=1e-9)
    np.testing.assert_array_equal(fast.representative, slow.representative)


@pytest.mark.parametrize("n", [1, 2, 3, 9, 25])
def test_final_state_kernel_equals_history_kernel(n: int) -> None:
    """run_default (Monte Carlo: final states only, cycles cut short) and
    run_default_history (every state) give the same floats, draw by draw."""
    rng = np.random.default_rng(100 + n)
    cap = rng.uniform(1, 100, (12, n))
    pos = np.round(rng.uniform(0, 100, (12, n, 3)), 1)
    pos[1, : n // 2] = pos[1, 0]  # actors at one point
    sal = rng.uniform(0, 1, (12, n, 3)) / 3
    if n > 1:
        sal[2, 0] = 0.0  # an actor that cares about nothing
    inp = smp.validate(cap, pos, sal)
    args = (inp.position, inp.salience, inp.capability, 100, 0.02, 1e-3)
    final, prob, rep, rounds = smp_jit.run_default(*args)
    hist, hprob, hrep, hrounds = smp_jit.run_default_history(*args)
    np.testing.assert_array_equal(rounds, hrounds)
    np.testing.assert_array_equal(final, hist[:, -1])
    np.testing.assert_array_equal(prob, hprob[:, -1])
    np.testing.assert_array_equal(rep, hrep)


def test_compiled_path_in_chunks_of_draws(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(5)
    cap, pos, sal = rng.uniform(1, 100, (5, 6)), rng.uniform(0, 100, (5, 6, 2)), rng.uniform(0, 0.5, (5, 6, 2))
    whole = smp.predict(cap, pos, sal)
    monkeypatch.setattr(smp, "DRAW_CHUNK", 2)
    chunked = smp.predict(cap, pos, sal)
    np.testing.assert_array_equal(chunked.trajectory, whole.trajectory)
    np.testing.assert_array_equal(chunked.probability, whole.probability)


def test_without_trajectory_same_result_and_no_history() -> None:
    """trajectory=False (what Monte Carlo asks for) changes nothing but the trajectory."""
    rng = np.random.default_rng(11)
    pos = np.clip(POS + rng.normal(0, 10, (6, 7, 3)), 0, 100)
    pos[2, 3, 1] = np.nan  # an actor without a position on an issue
    cap = CAP * rng.uniform(0.5, 1.5, (6, 7))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        full = smp.predict(cap, pos, SAL)
        lean = smp.predict(cap, pos, SAL, trajectory=False)
    assert lean.trajectory is None and full.trajectory is not None
    np.testing.assert_array_equal(lean.outcome, full.outcome)
    np.testing.assert_array_equal(lean.probability, full.probability)
    assert lean.rounds == full.rounds and lean.params == full.params
    assert registry.get("smp").optional_trajectory


@pytest.mark.parametrize("seed", [130, 294])
def test_run_to_max_rounds_same_without_trajectory(seed: int) -> None:
    """Runs that never meet the stopping rule; seed 294 cycles (state 7 = state 4), which
    the final-state-only kernel jumps over to max_rounds: same final state either way."""
    rng = np.random.default_rng(seed)
    cap, pos = rng.uniform(1, 100, 6), rng.uniform(0, 100, (6, 2))
    sal = rng.uniform(0, 1, (6, 2)) / 2
    full = smp.predict(cap, pos, sal)
    lean = smp.predict(cap, pos, sal, trajectory=False)
    assert full.rounds == lean.rounds == 100
    if seed == 294:
        np.testing.assert_array_equal(full.trajectory[4], full.trajectory[7])
    np.testing.assert_array_equal(lean.outcome, full.outcome)
    np.testing.assert_array_equal(lean.probability, full.probability)


def test_monte_carlo_asks_smp_for_no_trajectory() -> None:
    from detente.forecast.montecarlo import Draws, run_models

    rng = np.random.default_rng(3)
    sample = Draws(CAP * rng.uniform(0.5, 1.5, (4, 7)),
                   np.clip(POS + rng.normal(0, 5, (4, 7, 3)), 0, 100),
                   np.broadcast_to(SAL, (4, 7, 3)).copy())
    spec = {"smp": registry.get("smp")}
    lean = run_models(spec, sample)["smp"]
    kept = run_models(spec, sample, keep_trajectory=True)["smp"]
    assert lean.trajectory is None and kept.trajectory.shape[:2] == (4, kept.rounds + 1)
    np.testing.assert_array_equal(lean.outcome, kept.outcome)


def test_outcome_is_pce_expected_position() -> None:
    out = smp.predict(CAP, POS, SAL)
    final, prob = out.trajectory[-1], out.probability
    # probabilities are per distinct position: summing each distinct position once gives 1
    distinct = {tuple(np.round(x, 6)): p for x, p in zip(final, prob)}
    assert sum(distinct.values()) == pytest.approx(1.0, abs=1e-9)
    assert np.all(out.outcome >= POS.min(axis=0)) and np.all(out.outcome <= POS.max(axis=0))


@pytest.mark.parametrize(
    ("name", "value"),
    [(name, value) for name, values in smp._CHOICES.items() for value in values[1:]],
)
def test_every_ktab_option_runs_and_stays_in_range(name: str, value: str) -> None:
    extra = {"seed": 3} if value == "Stochastic" else {}
    out = smp.predict(CAP, POS, SAL, **{name: value}, **extra)
    assert out.params[name] == value
    assert np.all(np.isfinite(out.outcome)) and np.all(np.isfinite(out.probability))
    assert np.all(out.outcome >= POS.min(axis=0) - 1e-9)
    assert np.all(out.outcome <= POS.max(axis=0) + 1e-9)
    assert 2 <= out.rounds <= 100


def test_stochastic_transitions_repeat_with_the_seed() -> None:
    a = smp.predict(CAP, POS, SAL, state_transitions="Stochastic", seed=11)
    b = smp.predict(CAP, POS, SAL, state_transitions="Stochastic", seed=11)
    np.testing.assert_array_equal(a.trajectory, b.trajectory)
    with pytest.raises(InputError, match="seed"):
        smp.predict(CAP, POS, SAL, state_transitions="Stochastic")


def test_max_rounds_caps_the_run() -> None:
    out = smp.predict(CAP, POS, SAL, max_rounds=3)
    assert out.rounds == 3 and out.trajectory.shape[0] == 4


# --------------------------------------------------------------------------- input checks
@pytest.mark.parametrize(
    ("cap", "pos", "sal", "message"),
    [
        (np.r_[0.0, CAP[1:]], POS, SAL, "capability must be > 0; got 0 at index 0"),
        (np.r_[-5.0, CAP[1:]], POS, SAL, "capability must be > 0"),
        (np.r_[np.nan, CAP[1:]], POS, SAL, "capability is NaN"),
        (CAP, np.where(np.arange(3) == 1, 101.0, POS), SAL, r"0-100 scale; got 101 at index \(0, 1\)"),
        (CAP, -POS, SAL, "0-100 scale"),
        (CAP, np.where(POS > 90, np.inf, POS), SAL, "position is infinite"),
        (CAP, POS, SAL * 100, r"salience must be in \[0, 1\].*salience_scale=100"),
        (CAP, POS, np.where(SAL > 0.45, np.nan, SAL), "salience is NaN"),
        (CAP[:6], POS, SAL, "shapes do not match"),
        (CAP, POS[:, 0], SAL, "position must have shape"),
        (CAP, np.where(np.arange(3) == 2, np.nan, POS), SAL, "has no actor with a position"),
        (CAP, POS, np.where(np.arange(3) == 0, 0.0, SAL), r"issue index 0 .* positive salience"),
    ],
)
def test_bad_input_is_one_clear_error(cap, pos, sal, message: str) -> None:
    with pytest.raises(InputError, match=message):
        smp.predict(cap, pos, sal)


def test_bad_parameters_are_clear_errors() -> None:
    with pytest.raises(InputError, match="unknown parameter"):
        smp.predict(CAP, POS, SAL, rounds=3)
    with pytest.raises(InputError, match="voting_rule='Plurality' is not one of Prop"):
        smp.predict(CAP, POS, SAL, voting_rule="Plurality")
    with pytest.raises(InputError, match="max_rounds"):
        smp.predict(CAP, POS, SAL, max_rounds=0)


def test_salience_on_0_100_when_declared() -> None:
    a = smp.predict(CAP, POS, SAL * 100, salience_scale=100)
    b = smp.predict(CAP, POS, SAL)
    np.testing.assert_allclose(a.outcome, b.outcome)


def test_actor_without_position_is_skipped_on_that_issue_and_said_so() -> None:
    pos = POS.copy()
    pos[2, 1] = np.nan  # actor 2 takes no position on issue 1
    with pytest.warns(UserWarning, match="actor 2 issue 1"):
        out = smp.predict(CAP, pos, SAL)
    assert out.params["skipped"] == [(2, 1)]
    assert np.all(np.isnan(out.trajectory[:, 2, 1]))
    assert np.all(np.isfinite(out.trajectory[:, 2, [0, 2]]))
    others = np.delete(POS[:, 1], 2)
    assert others.min() <= out.outcome[1] <= others.max()
    assert np.all(np.isfinite(out.probability))


def test_single_actor_returns_its_position() -> None:
    out = smp.predict([5.0], [[30.0, 70.0]], [[0.5, 0.2]])
    np.testing.assert_allclose(out.outcome, [30.0, 70.0])
    np.testing.assert_allclose(out.probability, [1.0])
    assert out.rounds == 2  # KTAB's stopping rule looks at two rounds at least


def test_all_actors_at_one_point_stay_there() -> None:
    out = smp.predict(CAP, np.tile([40.0, 55.0, 10.0], (7, 1)), SAL)
    np.testing.assert_allclose(out.outcome, [40.0, 55.0, 10.0])
    np.testing.assert_allclose(out.trajectory[-1], np.tile([40.0, 55.0, 10.0], (7, 1)))
    assert np.all(np.isfinite(out.probability))


def test_salience_totals_above_one_are_rescaled() -> None:
    sal = np.full((7, 3), 0.9)  # every actor's total is 2.7 > 1 (KTAB requires <= 1)
    out = smp.predict(CAP, POS, sal)
    assert out.params["salience_divisor"] == pytest.approx(2.7)
    same = smp.predict(CAP, POS, sal / 2.7)
    np.testing.assert_allclose(out.outcome, same.outcome)


def test_status_quo_plays_no_part() -> None:
    a = smp.predict(CAP, POS, SAL, status_quo=np.array([0.0, 0.0, 0.0]))
    b = smp.predict(CAP, POS, SAL)
    np.testing.assert_array_equal(a.outcome, b.outcome)


def test_no_n_cubed_memory() -> None:
    """120 actors: a (n, n, n) float array would be 13.8 MB; the run stays well under it."""
    rng = np.random.default_rng(0)
    n = 120
    cap, pos, sal = rng.uniform(1, 100, n), rng.uniform(0, 100, (n, 1)), rng.uniform(0.1, 1, (n, 1))
    smp.predict(cap[:5], pos[:5], sal[:5], max_rounds=1)  # compile outside the measurement
    tracemalloc.start()
    smp.predict(cap, pos, sal, max_rounds=2)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < n**3 * 8 / 2


# ------------------------------------------------------------------------ property-based
@st.composite
def scenarios(draw):
    n = draw(st.integers(1, 7))
    k = draw(st.integers(1, 3))
    unit = st.floats(0, 1, allow_nan=False)
    cap = np.array(draw(st.lists(st.floats(0.01, 1e4), min_size=n, max_size=n)))
    pos = np.array(draw(st.lists(st.floats(0, 100), min_size=n * k, max_size=n * k))).reshape(n, k)
    sal = np.array(draw(st.lists(unit, min_size=n * k, max_size=n * k))).reshape(n, k)
    sal[draw(st.integers(0, n - 1))] += 0.01  # some actor cares about each issue (rule D-V2)
    return cap, pos, np.minimum(sal, 1.0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_outcome_inside_range_of_positions(case) -> None:
    cap, pos, sal = case
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing to skip here, so no warning either
        out = smp.predict(cap, pos, sal)
    assert np.all(np.isfinite(out.outcome))
    assert np.all(out.outcome >= pos.min(axis=0)) and np.all(out.outcome <= pos.max(axis=0))
    assert np.all(np.isfinite(out.probability)) and np.all(out.probability >= 0)
    traj = out.trajectory
    assert np.all(traj >= pos.min(axis=0)) and np.all(traj <= pos.max(axis=0))

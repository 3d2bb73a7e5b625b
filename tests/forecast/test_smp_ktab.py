"""The SMP with KTAB's default parameters reproduces KTAB's own runs (KTAB.md, ktab_reference).

Three cases (7x3, 13x2, 26x1): same number of rounds, every actor's position at every turn
within 0.1 (0-100 scale), every winning probability at every turn within 0.01, and turn 0 of
dummyData_3Dim matrix by matrix against KTAB's trace. Inputs are rebuilt from the reference
`*_final_positions.csv` files (capability, salience, initial position).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pytest

from detente.forecast.models import registry, smp
from detente.forecast.models import smp_kernels as K

CASES = ("dummyData_3Dim", "SOE-Pol-Comp", "SOE-Policy")


def _ref(bench_data: Path) -> Path:
    ref = bench_data / "ktab_reference"
    if not (ref / "run_summary.csv").is_file():
        pytest.skip(f"{ref} has no KTAB reference outputs")
    return ref


def load_case(ref: Path, name: str) -> dict:
    """Inputs and KTAB's outputs of one reference case."""
    rows = list(csv.DictReader((ref / f"{name}_final_positions.csv").open(encoding="utf-8")))
    dims = [k[len("init_"):] for k in rows[0] if k.startswith("init_")]
    hist = list(csv.DictReader((ref / f"{name}_position_history.csv").open(encoding="utf-8")))
    turns = max(int(r["turn"]) for r in hist) + 1
    n = len(rows)
    positions = np.array([[float(r[d]) for d in dims] for r in hist]).reshape(turns, n, len(dims))
    win = list(csv.reader((ref / f"{name}_winprob_history.csv").open(encoding="utf-8")))
    summary = {r["scenario"]: r for r in csv.DictReader((ref / "run_summary.csv").open(encoding="utf-8"))}
    return {
        "capability": np.array([float(r["capability"]) for r in rows]),
        "salience": np.array([[float(r[f"sal_{d}"]) for d in dims] for r in rows]),
        "position": np.array([[float(r[f"init_{d}"]) for d in dims] for r in rows]),
        "final": np.array([[float(r[f"final_{d}"]) for d in dims] for r in rows]),
        "final_prob": np.array([float(r["final_prob_of_position"]) for r in rows]),
        "history": positions,
        "winprob": np.array([[float(v) for v in r[1:]] for r in win[1:]]).T,  # (turns, n)
        "summary": summary[name],
    }


@pytest.fixture(scope="module")
def ref(bench_data: Path) -> Path:
    return _ref(bench_data)


@pytest.mark.parametrize("name", CASES)
def test_reproduces_ktab_run(ref: Path, name: str) -> None:
    case = load_case(ref, name)
    out = registry.get("smp").predict(case["capability"], case["position"], case["salience"])
    assert out.rounds == int(case["summary"]["rounds"]) == case["history"].shape[0] - 1
    assert out.trajectory.shape == case["history"].shape
    np.testing.assert_allclose(out.trajectory, case["history"], atol=0.1)
    np.testing.assert_allclose(out.trajectory[-1], case["final"], atol=0.1)
    np.testing.assert_allclose(out.probability, case["final_prob"], atol=0.01)
    expected = [float(v) for v in case["summary"]["final_pce_expected_position"].split(";")]
    np.testing.assert_allclose(out.outcome, expected, atol=0.01)


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "numpy-steps"])
@pytest.mark.parametrize("name", CASES)
def test_winning_probabilities_every_turn(ref: Path, name: str, compiled: bool) -> None:
    case = load_case(ref, name)
    p = smp.resolve_params({})
    inp = smp.validate(case["capability"], case["position"], case["salience"])
    run = smp.simulate(inp.position, inp.salience, inp.capability, p, compiled=compiled)
    np.testing.assert_allclose(run.position[0] * 100, case["history"], atol=0.1)
    assert run.probability.shape[1:] == case["winprob"].shape
    np.testing.assert_allclose(run.probability[0], case["winprob"], atol=0.01)
    # in fact to KTAB's printed precision
    np.testing.assert_allclose(run.probability[0], case["winprob"], atol=6e-5)


# ------------------------------------------------------------------------- the turn-0 trace
def _numbers(line: str) -> list[float]:
    return [float(v) for v in re.findall(r"[-+]?\d+\.\d+(?:E[-+]\d+)?", line)]


def _matrix(lines: list[str], start: int, rows: int) -> np.ndarray:
    return np.array([_numbers(lines[start + 1 + r]) for r in range(rows)])


def parse_trace(path: Path, n: int) -> dict:
    """The blocks of KTAB's turn-0 log of dummyData_3Dim, as arrays and tables."""
    lines = path.read_text(encoding="utf-8").splitlines()
    split = next(i for i, s in enumerate(lines) if s.startswith("postn 0 , 0"))
    t: dict = {"estimates": {}, "targets": {}, "phi": {}, "bargains": {}, "queues": {},
               "queue_values": {}, "queue_coalitions": {}, "queue_probs": {}, "chosen": {}}
    ids: dict[int, tuple[int, int]] = {}
    for i, s in enumerate(lines):
        turn = 0 if i < split else 1
        if s.startswith("Raw actor-pos value matrix"):
            t[("raw", turn)] = _matrix(lines, i, n)
        elif s.startswith("Inferred risk attitudes"):
            t[("risk", turn)] = _matrix(lines, i, n)[:, 0]
        elif s.startswith("Risk-aware actor-pos utility matrix"):
            t[("utility", turn)] = _matrix(lines, i, n)
        elif m := re.match(r"Estimate by (\d+) of risk-aware", s):
            t["estimates"][(int(m[1]), turn)] = _matrix(lines, i, n)
        elif m := re.match(r"In turn 0 actor (\d+) has most advantageous target (\d+) worth (\S+)", s):
            t["targets"][int(m[1])] = (int(m[2]), float(m[3]))
        elif m := re.match(r"Est by\s+(\d+) of prob (\S+) that \[\s*(\d+)>\s*(\d+)\], with expected gain to\s+(\d+) of (\S+)", s):
            h, i_, j, k = int(m[1]), int(m[3]), int(m[4]), int(m[5])
            t["phi"][(h, i_, j)] = float(m[2])
            t["phi"][("gain", h, i_, j, k)] = float(m[6])
        elif m := re.match(r"Bargain \[(\d+), (\d+):(\d+)\] from (\d+)'s perspective", s):
            i_, j = int(m[2]), int(m[3])
            # the initiator's own proposal is the default; the target's is InitRcvrInterp's
            kind = "bargains" if int(m[4]) == i_ else "receiver_bargains"
            t.setdefault(kind, {})[i_] = (j, _numbers(lines[i + 1]), _numbers(lines[i + 2]))
        elif m := re.match(r"Power-weighted compromise \[(\d+), (\d+):(\d+)\]", s):
            t.setdefault("compromise_bargains", {})[int(m[2])] = (
                int(m[3]), _numbers(lines[i + 1]), _numbers(lines[i + 2]))
        elif m := re.match(r"Bargains involving actor\s+(\d+): (.*)", s):
            pairs = re.findall(r"\[(\d+), (\d+):(\d+)\]", m[2])
            for bid, a, b in pairs:
                ids[int(bid)] = (int(a), int(b))
            t["queues"][int(m[1])] = [(int(a), int(b)) for _, a, b in pairs]
        elif s.startswith("u_im:"):
            rows = [_numbers(lines[i + 1 + r]) for r in range(n)]
            owner = int(re.search(r"bargains of actor\s+(\d+)", lines[i + 1 + n])[1])
            t["queue_values"][owner] = np.array(rows)
            q = len(rows[0])
            c0 = next(k for k in range(i, len(lines)) if lines[k].startswith("Coalition strengths"))
            t["queue_coalitions"][owner] = _matrix(lines, c0, q)
            v0 = next(k for k in range(i, len(lines)) if lines[k].startswith("Probability Opt_i > Opt_j"))
            t.setdefault("queue_victory", {})[owner] = _matrix(lines, v0, q)
            p0 = next(k for k in range(i, len(lines)) if lines[k].strip() == "Probability Opt_i")
            t["queue_probs"][owner] = _matrix(lines, p0, q)[:, 0]
        elif m := re.match(r"Chosen bargain \( Deterministic \): (\d+)", s):
            owner = list(t["queue_values"])[-1]
            t["chosen"][owner] = ids[int(m[1])]
        elif m := re.match(r"postn (\d+) , 0 :", s):
            t.setdefault("position", {})[int(m[1])] = _numbers(lines[i + 1])
        elif m := re.match(r"sDist \[ 0, 1\] = (\S+)", s):
            t["sdist"] = float(m[1])
        elif m := re.match(r"Fractional change compared to first step: (\S+)", s):
            t["fraction"] = float(m[1])
    return t


@pytest.fixture(scope="module")
def turn0(ref: Path) -> dict:
    case = load_case(ref, "dummyData_3Dim")
    p = smp.resolve_params({})
    inp = smp.validate(case["capability"], case["position"], case["salience"])
    x, s, c = inp.position, inp.salience, inp.capability
    a = smp.assess(x, s, c, p)
    r = smp.bargain_round(x, s, c, a, p)
    a1 = smp.assess(r.position, s, c, p)
    trace = parse_trace(ref / "dummyData_3Dim_turn0_trace.txt", c.shape[1])
    return {"x": x, "s": s, "c": c, "a": a, "r": r, "a1": a1, "t": trace, "p": p}


def test_trace_utilities_and_risk(turn0: dict) -> None:
    t = turn0["t"]
    for turn, a in ((0, turn0["a"]), (1, turn0["a1"])):
        np.testing.assert_allclose(1 - a.d[0], t[("raw", turn)], atol=6e-4)
        np.testing.assert_allclose(a.risk[0], t[("risk", turn)], atol=6e-4)
        np.testing.assert_allclose(a.utility[0], t[("utility", turn)], atol=6e-5)
        adjust = K.BIG_R_ADJUST["OneThird"]
        for h in range(len(a.risk[0])):
            r_h = (1 - adjust) * a.risk[0, h] + adjust * a.risk[0]  # h's estimate of each R_a
            np.testing.assert_allclose(K.utility(a.d[0], r_h[:, None]), t["estimates"][(h, turn)],
                                       atol=6e-5)


def test_trace_challenges(turn0: dict) -> None:
    t, r, a = turn0["t"], turn0["r"], turn0["a"]
    assert len(t["targets"]) == 7
    for i, (j, worth) in t["targets"].items():
        assert r.target[0, i] == j
        assert r.gain[0, i] == pytest.approx(worth, abs=6e-4)
        assert r.phi[0, i] == pytest.approx(t["phi"][(i, i, j)], abs=6e-5)
        assert r.gain[0, i] == pytest.approx(t["phi"][("gain", i, i, j, i)], abs=6e-5)
    # the target's own estimate of the same contest (used by InitRcvrInterp/PWCompInterp)
    x, s, c = turn0["x"], turn0["s"], turn0["c"]
    total = s.sum(axis=2)
    i = np.arange(7)[None]
    j = r.target
    phi_j = K.perspective_phi(a.d, a.risk, 1 / 3, c * total, i, j, j, "Prop", "Linear", "SemiCommit")
    for k in range(7):
        assert phi_j[0, k] == pytest.approx(t["phi"][(int(j[0, k]), k, int(j[0, k]))], abs=6e-5)


def test_trace_bargains(turn0: dict) -> None:
    t, r = turn0["t"], turn0["r"]
    for i, (j, own, other) in t["bargains"].items():
        assert r.target[0, i] == j
        np.testing.assert_allclose(r.initiator_side[0, i] * 100, own, atol=1e-6)
        np.testing.assert_allclose(r.target_side[0, i] * 100, other, atol=1e-6)


def test_trace_receiver_bargains(turn0: dict) -> None:
    """InitRcvrInterp: the target's own proposal of each bargain, "from j's perspective"."""
    x, s, c, a = turn0["x"], turn0["s"], turn0["c"], turn0["a"]
    p = smp.resolve_params({"bargain_model": "InitRcvrInterp"})
    r = smp.bargain_round(x, s, c, a, p)
    n = 7
    for i, (j, init_side, target_side) in turn0["t"]["receiver_bargains"].items():
        assert r.target[0, i] == j and r.option_initiator[n + i] == i
        np.testing.assert_allclose(r.initiator_side[0, n + i] * 100, init_side, atol=1e-6)
        np.testing.assert_allclose(r.target_side[0, n + i] * 100, target_side, atol=1e-6)


def test_trace_compromise_bargains(turn0: dict) -> None:
    """PWCompInterp: the "power-weighted compromise" of both perspectives."""
    x, s, c, a = turn0["x"], turn0["s"], turn0["c"], turn0["a"]
    r = smp.bargain_round(x, s, c, a, smp.resolve_params({"bargain_model": "PWCompInterp"}))
    for i, (j, init_side, target_side) in turn0["t"]["compromise_bargains"].items():
        assert r.target[0, i] == j
        np.testing.assert_allclose(r.initiator_side[0, i] * 100, init_side, atol=6e-4)
        np.testing.assert_allclose(r.target_side[0, i] * 100, target_side, atol=6e-4)


def test_trace_queues_and_resolution(turn0: dict) -> None:
    t, r, c = turn0["t"], turn0["r"], turn0["c"]
    n = 7

    def option(pair: tuple[int, int]) -> int:  # the trace's (i:j) -> our option index
        return n if pair[0] == pair[1] else pair[0]

    for k, pairs in t["queues"].items():
        cols = [option(pq) for pq in pairs]
        assert sorted(cols) == sorted(np.flatnonzero(r.queue[0, k]))
        if k not in t["queue_values"]:
            continue
        np.testing.assert_allclose(r.value[0][:, cols], t["queue_values"][k], atol=6e-6)
        strength = K.coalitions(c, r.value[:, :, cols], "Prop")[0]
        np.testing.assert_allclose(strength, t["queue_coalitions"][k], atol=6e-4)
        victory = K.victory(strength, strength.T, "Linear")
        np.testing.assert_allclose(victory, t["queue_victory"][k], atol=6e-5)
        np.testing.assert_allclose(r.queue_prob[0, k, cols], t["queue_probs"][k], atol=6e-5)
        assert r.chosen[0, k] == option(t["chosen"][k])
    assert set(t["queue_values"]) == {k for k in range(n) if r.queue[0, k].sum() > 1}
    got = {k: list(r.position[0, k] * 100) for k in range(n)}
    for k, pos in t["position"].items():
        np.testing.assert_allclose(got[k], pos, atol=1e-6)


def test_trace_stopping_measure(turn0: dict) -> None:
    t, r, x = turn0["t"], turn0["r"], turn0["x"]
    moved = np.linalg.norm(r.position[0] - x[0], axis=1).sum()
    assert moved == pytest.approx(t["sdist"], abs=6e-3)
    assert moved / (moved + 1e-4) == pytest.approx(t["fraction"], abs=6e-5)

"""The one shape every bargaining model shares (scikit-learn style: same call, same result).

Arrays carry an optional leading batch axis of Monte Carlo draws:

* ``capability``: ``(..., n)``, > 0
* ``position``:   ``(..., n, k)`` on each issue's scale (0-100 by default), k issues
* ``salience``:   ``(..., n, k)`` in [0, 1]
* ``status_quo``: ``(..., k)`` or None

A model is a pure function ``predict(capability, position, salience, *, status_quo=None,
**params) -> Outcome``. Models defined on one issue run the k issues as one more batch
axis; models defined on the joint space (KTAB's SMP) use all k at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np


@dataclass(frozen=True)
class Outcome:
    """What a model predicts, with its history.

    outcome:     ``(..., k)`` predicted outcome per issue.
    trajectory:  ``(..., rounds + 1, n, k)`` every actor's position by round, round 0 the
                 input; None for one-shot models and when a model whose spec has
                 ``optional_trajectory`` was called with ``trajectory=False``.
    probability: ``(..., n)`` final probability of each actor's position (SMP's
                 probabilistic Condorcet election); None where the model has none.
    rounds:      rounds actually run (0 for one-shot models).
    params:      the parameters used, defaults filled in, for the record.
    """

    model: str
    outcome: np.ndarray
    trajectory: np.ndarray | None = None
    probability: np.ndarray | None = None
    rounds: int = 0
    params: dict[str, Any] = field(default_factory=dict)


class Model(Protocol):
    def __call__(
        self,
        capability: np.ndarray,
        position: np.ndarray,
        salience: np.ndarray,
        *,
        status_quo: np.ndarray | None = None,
        **params: Any,
    ) -> Outcome: ...

"""One registry of bargaining models, used by the CLI, Monte Carlo, the web app and the backtest.

Each model module defines ``SPEC`` (or ``SPECS``, a list); modules are imported on first use so
that importing detente stays fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from detente.errors import InputError
from detente.forecast.models.base import Model

# model module -> imported on demand; each defines SPEC or SPECS
_MODULES = (
    "detente.forecast.models.compromise",
    "detente.forecast.models.median",
    "detente.forecast.models.nash",
    "detente.forecast.models.bdm",
    "detente.forecast.models.smp",
)


@dataclass(frozen=True)
class ModelSpec:
    """A registered model: its callable, a version that changes whenever its results may change,
    whether it iterates in rounds, and whether it works on the joint issue space.
    `optional_trajectory`: its predict takes ``trajectory=False`` and then skips building the
    trajectory (Monte Carlo needs only the outcomes)."""

    name: str
    predict: Model
    version: str
    summary: str
    iterative: bool = False
    joint: bool = False
    optional_trajectory: bool = False


def _load() -> dict[str, ModelSpec]:
    specs: dict[str, ModelSpec] = {}
    for module_name in _MODULES:
        module = importlib.import_module(module_name)
        for spec in getattr(module, "SPECS", None) or [module.SPEC]:
            specs[spec.name] = spec
    return specs


_CACHE: dict[str, ModelSpec] | None = None


def models() -> dict[str, ModelSpec]:
    """All registered models by name, in registration order."""
    global _CACHE
    if _CACHE is None:
        _CACHE = _load()
    return _CACHE


def get(name: str) -> ModelSpec:
    """The model called `name`, or an InputError listing the known names."""
    known = models()
    if name not in known:
        raise InputError(f"unknown model {name!r}; known models: {', '.join(known)}")
    return known[name]

"""What the running app keeps between requests: the working scenario and recent forecasts.

The scenario file is loaded once; edits made in the browser change a working copy held
here (validated by the scenario schema after every edit) and never the file itself. The
edited copy can be downloaded as YAML.

Forecast cache. Forecasts and what-ifs are kept in a small in-process LRU cache keyed by
the working scenario's inputs hash (the SHA-256 the ledger records), the seed, the draw
count, the models and (what-if) the shocks. So a page and its API call share one run, a
second identical re-run is answered at once, and undoing an edit finds the earlier run
again. At most `CACHE_SIZE` results are kept (the least recently used goes first); each is
the page's data plus the forecast summary without its outcome arrays (about 30 kB
serialised for the example case).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Literal

from detente.errors import InputError
from detente.forecast.ledger import inputs_hash
from detente.scenario.load import load_scenario, parse_scenario, scenario_data
from detente.scenario.schema import Scenario

if TYPE_CHECKING:
    from detente.web.app import Settings

Field_ = Literal["position", "salience", "capability"]
CACHE_SIZE = 16


class AppState:
    """Per-process state; one lock guards the working scenario and the forecast cache."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lock = threading.RLock()
        self._original: Scenario | None = None
        self._scenario: Scenario | None = None
        self.version = 0
        self.edits: list[dict[str, Any]] = []
        self._hash: tuple[int, str] | None = None   # (version, inputs hash of the working scenario)
        self._cache: OrderedDict[tuple, Any] = OrderedDict()
        self._running: dict[tuple, threading.Event] = {}

    # -- scenario

    def scenario(self) -> Scenario:
        """The working scenario; InputError when the server was started without one."""
        with self.lock:
            if self._scenario is None:
                if self.settings.scenario is None:
                    raise InputError("no scenario loaded: start the server with `detente serve --scenario FILE`")
                self._original = load_scenario(self.settings.scenario)
                self._scenario = self._original
            return self._scenario

    def has_scenario(self) -> bool:
        return self.settings.scenario is not None

    def original(self) -> Scenario:
        """The scenario as loaded from its file (edits are made on a copy)."""
        with self.lock:
            self.scenario()
            assert self._original is not None
            return self._original

    def inputs_hash(self) -> str:
        """SHA-256 of the working scenario's canonical JSON (`detente.forecast.ledger.inputs_hash`)."""
        with self.lock:
            scenario = self.scenario()
            if self._hash is None or self._hash[0] != self.version:
                self._hash = (self.version, inputs_hash(scenario_data(scenario)))
            return self._hash[1]

    def edit(self, field: Field_, actor: str, issue: str | None, value: float,
             low: float | None = None, high: float | None = None) -> Scenario:
        """Set one value (and optionally its range) in the working scenario.

        A new value outside the old range widens the range to include it, so the analyst
        can move a number without first editing its ends. The edited data is validated by the
        scenario schema; a bad value raises InputError naming the field.
        """
        with self.lock:
            data = scenario_data(self.scenario())
            if field == "capability":
                target = next((a["capability"] for a in data["actors"] if a["id"] == actor), None)
                where = f"actor {actor!r} capability"
            else:
                stance = next((s for s in data.get("stances", [])
                               if s["actor"] == actor and s["issue"] == issue), None)
                target = stance[field] if stance else None
                where = f"{actor}/{issue} {field}"
            if target is None:
                raise InputError(f"{where}: no such value in scenario {data['name']!r}")
            target["value"] = value
            target["low"] = low if low is not None else min(target.get("low", value), value)
            target["high"] = high if high is not None else max(target.get("high", value), value)
            self._scenario = parse_scenario(data, f"edit of {where}")
            self.version += 1
            self.edits.append({"field": field, "actor": actor, "issue": issue, "value": value,
                               "low": target["low"], "high": target["high"]})
            return self._scenario

    def reset(self) -> None:
        """Back to the scenario as loaded from its file."""
        with self.lock:
            self.scenario()
            self._scenario = self._original
            self.version += 1
            self.edits.clear()

    # -- forecasts

    def cached(self, key: tuple, compute: Any) -> tuple[Any, bool]:
        """(`compute(scenario)`, False) computed now, or (the earlier result, True) when this
        key was computed for a scenario with the same inputs hash; keeps `CACHE_SIZE` results.
        A request for a key being computed (the start-up warm-up, a double click) waits for
        that run instead of starting a second one."""
        while True:
            with self.lock:
                scenario = self.scenario()
                full = (self.inputs_hash(), *key)
                if full in self._cache:
                    self._cache.move_to_end(full)
                    return self._cache[full], True
                running = self._running.get(full)
                if running is None:
                    done = self._running[full] = threading.Event()
                    break
            running.wait()  # then look again: its result is cached, or it failed and we compute
        try:
            result = compute(scenario)
            with self.lock:
                self._cache[full] = result
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        finally:
            with self.lock:
                del self._running[full]
            done.set()
        return result, False

"""What the running app keeps between requests: the working scenario and the last forecast."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from detente.web.app import Settings


class AppState:
    """Per-process state. Edits to the scenario live here until saved; nothing is global."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lock = threading.Lock()
        self.cache: dict[str, Any] = {}

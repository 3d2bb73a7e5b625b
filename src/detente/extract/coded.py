"""The record of one coded act, as the rule modules and claims pass it on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from detente.extract import actors as actor_mod


@dataclass(slots=True)
class Coded:
    """An event found in a sentence (offsets relative to the sentence)."""
    type: str
    mode: str | None
    source: actor_mod.Actor
    target: actor_mod.Actor | None
    status: str
    date: dt.date | None
    location: str | None
    trigger: str
    trigger_start: int

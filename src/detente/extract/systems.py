"""Weapon systems named in a sentence and the state that makes them (data/weapons.yaml): the
default supplier of a delivery whose clause names no agent (docs/extraction.md, sixth pass)."""

from __future__ import annotations

import re
from functools import lru_cache

from detente.errors import InputError
from detente.extract import actors as actor_mod
from detente.extract.lexicon import _read_yaml, load_gazetteer


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, str], ...]:
    """(lower-case stem, maker ISO3) of every system, longest stem first."""
    raw = _read_yaml("weapons.yaml") or {}
    makers = _states()
    rows = []
    for i, s in enumerate(raw.get("systems", []) or []):
        maker = str(s.get("maker", ""))
        if maker not in makers:
            raise InputError(f"data file weapons.yaml: system {i + 1} ({s.get('name')}): maker {maker!r} is no state of actors.yaml")
        rows.extend((str(f).lower(), maker) for f in s.get("forms", []) or [])
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def alternation() -> str:
    """The stems as one regular expression: a stem starts a word and is followed by a plural or
    case ending ("Tomahawks", "Leoparden") or a hyphen of a compound ("Taurus-Marschflugkörper",
    "F-16-Kampfjets"), never by other letters ("patriotisch" is no Patriot). A space in a stem
    also matches a hyphen ("Storm-Shadow-Raketen")."""
    stems = "|".join(re.escape(s).replace(r"\ ", "[ -]") for s, _ in _table())
    return rf"(?<![\w-])(?:{stems})(?:(?:s|n|en|e)?(?![\w])|-)"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(alternation())


@lru_cache(maxsize=1)
def _makers() -> tuple[tuple[str, actor_mod.Actor], ...]:
    """(stem with its hyphens as spaces, maker state) of every system, longest stem first."""
    states = _states()
    return tuple((s.replace("-", " "), states[m]) for s, m in _table())


@lru_cache(maxsize=1)
def _states() -> dict[str, actor_mod.Actor]:
    return {a.country: a for a in load_gazetteer().actors.values() if a.kind == "country"}


def find(low: str) -> list[tuple[int, int, actor_mod.Actor]]:
    """(start, end, maker state) of each system named in a lower-cased sentence. Run only for a
    sentence with a delivery or aid trigger (one regex search over the sentence)."""
    out = []
    makers = _makers()
    for m in _pattern().finditer(low):
        word = m.group().replace("-", " ")
        maker = next(a for s, a in makers if word.startswith(s))     # (longest first)
        out.append((m.start(), m.end(), maker))
    return out

"""Faults the lead found on unseen analysis prose after the sixth pass, each as a class of phrasing."""
from __future__ import annotations

import pytest

from sentence_events import events


@pytest.mark.parametrize("text, want", [
    # a present participle of an evasion verb is an adverb ("umgehend" = at once), not evasion
    ("Die USA verhängten umgehend Sanktionen gegen Iran.", ("SANCTION", "USA", "IRN", "occurred")),
    ("Japan antwortete umgehend mit Zöllen auf chinesische Waren.", ("SANCTION", "JPN", "CHN", "occurred")),
])
def test_participle_adverb_is_no_evasion(text, want):
    assert want in events(text, "de")


def test_evasion_verb_still_drops_the_subjects_act():
    assert not any(e[:3] == ("SANCTION", "IND", "RUS") for e in events("Indien umging die Sanktionen gegen Russland.", "de"))

"""'sich austauschen' is a talk however long the phrase before its particle; an exchange of
prisoners stays COOPERATE."""
from __future__ import annotations

import pytest

from sentence_events import pairs


@pytest.mark.parametrize("text, want, absent", [
    ("Macron tauschte sich mit Selenskyj über die Lage an der Front im Osten aus.", ("CONSULT", "FRA", "UKR"), ("COOPERATE", "FRA", "UKR")),
    ("Die Außenminister Indiens und Pakistans tauschten sich am Rande des Gipfels über die Lage in Kaschmir aus.",
     ("CONSULT", "IND", "PAK"), ("COOPERATE", "IND", "PAK")),
    ("Russland und die Ukraine tauschten 300 Gefangene aus.", ("COOPERATE", "RUS", "UKR"), ("CONSULT", "RUS", "UKR")),
])
def test_exchange_of_views_is_talk(text: str, want: tuple, absent: tuple) -> None:
    got = pairs(text, "de")
    assert want in got or (want[0], want[2], want[1]) in got, got
    assert absent not in got and (absent[0], absent[2], absent[1]) not in got, got

"""An agreement or decision whose content is a delivery to a party is that AID, not also an
AGREE with the recipient ("Japan agreed to supply Ukraine with ammunition"); agreements
between two parties stay AGREE."""
from __future__ import annotations

import pytest

from sentence_events import pairs


@pytest.mark.parametrize("text, lang, aid", [
    ("Japan agreed to supply Ukraine with artillery ammunition.", "en", ("AID", "JPN", "UKR")),
    ("Washington agreed to provide Taipei with more air defence missiles.", "en", ("AID", "USA", "TWN")),
    ("South Korea agreed on Monday to send tanks to Poland.", "en", ("AID", "KOR", "POL")),
    ("Frankreich stimmte zu, der Ukraine weitere Kampfjets zu liefern.", "de", ("AID", "FRA", "UKR")),
])
def test_agreed_delivery_is_aid_only(text: str, lang: str, aid: tuple) -> None:
    got = pairs(text, lang)
    assert aid in got, got
    assert ("AGREE", aid[1], aid[2]) not in got, got


@pytest.mark.parametrize("text, lang, agree", [
    ("Armenia and Azerbaijan agreed to exchange prisoners of war.", "en", ("AGREE", "ARM", "AZE")),
    ("Die USA und Japan einigten sich darauf, den Philippinen Patrouillenboote zu liefern.", "de", ("AGREE", "USA", "JPN")),
])
def test_agreement_between_parties_stays(text: str, lang: str, agree: tuple) -> None:
    got = pairs(text, lang)
    assert agree in got or ("AGREE", agree[2], agree[1]) in got, got

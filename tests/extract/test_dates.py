"""Dates of events resolved against the article date (sentences written for these tests)."""
import datetime as dt

import pytest

from detente.extract.rules import code_sentence

ON = dt.date(2025, 10, 24)   # a Friday


@pytest.mark.parametrize("sentence,lang,day", [
    ("Am Donnerstagabend telefonierte Macron mit Selenskyj.", "de", dt.date(2025, 10, 23)),
    ("Am Mittwochnachmittag traf Merz in Kiew Selenskyj.", "de", dt.date(2025, 10, 22)),
    ("Am Montagvormittag telefonierte Rubio mit Lawrow.", "de", dt.date(2025, 10, 20)),
    ("On Tuesday night Rubio spoke with Lavrov by phone.", "en", dt.date(2025, 10, 21)),
    ("Macron met Zelensky in Paris on Wednesday.", "en", dt.date(2025, 10, 22)),
])
def test_weekday_and_part_of_day(sentence, lang, day):
    _, coded = code_sentence(sentence, lang, ON)
    assert [c.date for c in coded if c.type == "CONSULT"] == [day]


def test_planned_weekday_looks_forward():
    _, coded = code_sentence("Trump wird Putin am Donnerstagabend in Budapest treffen.", "de", ON)
    assert [c.date for c in coded if c.type == "CONSULT"] == [dt.date(2025, 10, 30)]

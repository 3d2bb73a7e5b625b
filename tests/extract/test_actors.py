import datetime as dt

from detente.extract.actors import find

PREPS = frozenset({"in", "nach", "im"})


def _actors(s, on=dt.date(2025, 10, 20)):
    return [(h.actor.name if h.actor else None, h.kind) for h in find(s, on, PREPS)]


def test_transliterations_and_inflections():
    for form in ("Selenskyj", "Selenski", "Selenskij", "Zelensky", "Zelenskyy", "Selenskyjs"):
        assert _actors(f"{form} sprach.")[0][0] == "Volodymyr Zelensky"
    assert _actors("Lawrow und Lavrov")[0][0] == _actors("Lavrov")[0][0] == "Sergey Lavrov"
    assert _actors("Putins Plan")[0][0] == "Vladimir Putin"
    assert _actors("Der Kreml sagte")[0][0] == "Russia"
    assert _actors("Das Weiße Haus sagte")[0][0] == "USA"


def test_roles_resolve_by_date():
    assert _actors("der russische Präsident sagte")[0][0] == "Vladimir Putin"
    assert _actors("Der Kremlchef sagte")[0][0] == "Vladimir Putin"
    assert _actors("der US-Außenminister sagte")[0][0] == "Marco Rubio"
    assert _actors("der US-Präsident sagte", dt.date(2024, 5, 1))[0][0] == "Joe Biden"
    assert _actors("der US-Präsident sagte", dt.date(2025, 5, 1))[0][0] == "Donald Trump"


def test_capital_after_preposition_is_a_place_and_unknown_persons_kept():
    hits = find("Trump reiste nach Washington.", None, PREPS)
    assert [h.kind for h in hits] == ["person", "place"]
    hits = find("Außenminister Johann Beispielmann widersprach.", None, PREPS)
    assert any(h.kind == "unknown" and h.actor is None and h.text == "Johann Beispielmann" for h in hits)

import pytest

from detente.extract.sentences import split


def _texts(t: str) -> list[str]:
    return [t[a:b] for a, b in split(t)]


def test_german_abbreviations_dates_quotes_bullets():
    t = ("Am 23.10.2025 sprach Dr. Müller u. a. mit Putin. Das Treffen am 10. Mai fand statt.\n"
         "Er sagte: „Wir sind bereit.“ Danach reiste er ab.\n- Erstens: Sanktionen\n• Zweitens: Zölle")
    assert _texts(t) == ["Am 23.10.2025 sprach Dr. Müller u. a. mit Putin.", "Das Treffen am 10. Mai fand statt.",
                         "Er sagte: „Wir sind bereit.“", "Danach reiste er ab.", "Erstens: Sanktionen", "Zweitens: Zölle"]


def test_offsets_are_exact_and_html_masked():
    t = "<p>Trump met Putin.</p> <b>Russia</b> attacked Kyiv."
    for a, b in split(t):
        assert t[a:b] == t[a:b].strip()
        assert "<p>" not in t[a:b]


def test_collector_date_prefix_and_body_start():
    t = " date 2025-10-17 Putin traf Trump. Danach nichts."
    assert _texts(t)[0] == "Putin traf Trump."
    assert split("Titel\nKörper. Satz.", 6) == [(6, 13), (14, 19)]


def test_one_megabyte_line_is_cut():
    t = "wort " * 200_000
    spans = split(t)
    assert spans and all(b - a <= 3000 for a, b in spans)


@pytest.mark.parametrize("text, parts", [
    # an English date (the day after its month) or a year ends a sentence; a German ordinal does not
    ("The tariffs take effect from November 1. China condemned the move.", 2),
    ("Talks ended on May 16. Russia said it would return.", 2),
    ("Die Frist lief bis Oktober 2025. Dann verhängte Washington Zölle.", 2),
    ("Am 3. Oktober traf Erdoğan Putin. Zum 2. Mal sprach er mit ihm.", 2),
    ("Der Gipfel fand am 23.10.2025 statt. Danach reiste er ab.", 2),
    ("Sie wurde am 1. Mai gewählt.", 1),
])
def test_period_after_a_number(text: str, parts: int) -> None:
    assert len(split(text)) == parts, [text[a:b] for a, b in split(text)]

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

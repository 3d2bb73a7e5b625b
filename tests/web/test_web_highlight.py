"""Cutting article text for highlights: nested spans, clipping, and no markup built here."""

from detente.web.highlight import Span, pieces


def test_mention_inside_event_sentence_is_marked_twice() -> None:
    text = "Vorher. Trump rief Putin an. Danach."
    spans = [Span(8, 28, "event", "CONSULT", "s-1"), Span(8, 13, "mention", "Donald Trump"),
             Span(19, 24, "mention", "Vladimir Putin")]
    out = pieces(text, spans)
    assert "".join(p.text for p in out) == text
    trump = next(p for p in out if p.text == "Trump")
    assert trump.mentions == ["Donald Trump"] and trump.events == ["CONSULT"] and trump.anchors == ["s-1"]
    rief = next(p for p in out if p.text == " rief ")
    assert rief.events == ["CONSULT"] and not rief.mentions and not rief.anchors
    assert out[0].text == "Vorher. " and not out[0].events


def test_spans_past_the_end_are_clipped_and_empty_ones_dropped() -> None:
    out = pieces("abc", [Span(1, 10, "mention", "x"), Span(2, 2, "event", "y"), Span(5, 6, "event", "z")])
    assert [(p.text, p.mentions, p.events) for p in out] == [("a", [], []), ("bc", ["x"], [])]


def test_markup_in_text_stays_text() -> None:
    out = pieces("<b>x</b>", [])
    assert [p.text for p in out] == ["<b>x</b>"]

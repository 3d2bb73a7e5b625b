"""Cut an article's text into pieces to highlight actor mentions and event sentences.

The pieces are plain strings handed to the template, which escapes them; no HTML is built
here, so untrusted article text can never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A marked stretch of the text: [start, end) character offsets."""

    start: int
    end: int
    kind: str  # "mention" or "event"
    label: str  # actor name, or event summary
    anchor: str = ""  # id to link to (event sentences)


@dataclass
class Piece:
    text: str
    mentions: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # anchors that start at this piece


def pieces(text: str, spans: list[Span]) -> list[Piece]:
    """Split `text` at every span boundary; each piece lists the spans covering it.

    Spans may nest or overlap (a mention inside an event sentence); spans outside the text
    are clipped, empty ones dropped.
    """
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end and s.start < n]
    cuts = sorted({0, n, *(s.start for s in spans), *(min(s.end, n) for s in spans)})
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = Piece(text[a:b])
        for s in spans:
            if s.start <= a and min(s.end, n) >= b:
                (piece.mentions if s.kind == "mention" else piece.events).append(s.label)
                if s.anchor and s.start == a and s.anchor not in piece.anchors:
                    piece.anchors.append(s.anchor)
        out.append(piece)
    return out

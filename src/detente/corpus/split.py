"""Split a plain-text file into articles and read their headers.

Layouts recognised (those of the seed corpus, `examples/ukraine-2025/corpus/`):

1. Column headers `Title | Author. DD.MM.YYYY.` on a line of their own. Each starts a new
   article, which runs up to the next such line (001_* holds nine).
2. A first line ` date YYYY-MM-DD Von AUTHOR` (000_*); when what follows the date is not a
   short `Von NAME`, it is the body's first sentence (003_*), so the body starts right after
   the ` date YYYY-MM-DD ` prefix.
3. A title line followed (within a few lines) by `Von NAME`, or by `Von` and the name on the
   next line (002_*, 004_*), optionally followed by a reading-time line ("4 Minuten Lesezeit").
4. Otherwise a short first line followed by a blank line is taken as the title.

Pure functions: offsets are into the text given, so `text[start:end]` is the exact slice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

HEADER = re.compile(
    r"^(?P<title>\S[^\n|]*?)[^\S\n]+\|[^\S\n]+(?P<author>[^\n|]+?)\.[^\S\n]+"
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\.?[^\S\n]*$",
    re.MULTILINE,
)
# [^\S\n] is horizontal white space, no-break space included (the seed headers use U+00A0).
DATE_LINE = re.compile(r"[^\S\n]*date[^\S\n]+(?P<date>\d{4}-\d{2}-\d{2})\b[^\S\n]*")
BYLINE = re.compile(r"(?:Von|By|von|by)(?:[^\S\n]+(?P<name>\S.*?))?[^\S\n]*$")
NAME = re.compile(r"[^\W\d_][\w.'’\-]*(?:[^\S\n]+[^\W\d_][\w.'’\-]*){0,5}")
READING_TIME = re.compile(r"\d+\s*(?:Minuten|Minute|Min\.?|minutes?|min)\b.*", re.IGNORECASE)
MAX_HEAD_LINES = 8  # a byline further down than this is body text
MAX_TITLE_CHARS = 200


@dataclass
class Segment:
    """One article found in a text: its slice [start, end) and header fields."""

    start: int
    end: int
    body_start: int  # absolute offset, start <= body_start <= end
    title: str | None = None
    author: str | None = None
    date: date | None = None
    date_printed: str | None = None  # the date as printed, when it could not be parsed
    title_repeated: bool = False


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line in text[start:end], end excluding the newline."""
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _parse_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _is_name(s: str) -> bool:
    return bool(NAME.fullmatch(s.strip())) and not s.rstrip().endswith((".", "!", "?", ":"))


def split_text(text: str) -> list[Segment]:
    """All articles in `text`, in file order."""
    headers = list(HEADER.finditer(text))
    if not headers:
        return [_single(text, 0, len(text))] if text.strip() else []
    segments = []
    if text[: headers[0].start()].strip():
        segments.append(_single(text, 0, headers[0].start()))
    for i, m in enumerate(headers):
        end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
        when = _parse_date(m["y"], m["m"], m["d"])
        seg = Segment(
            start=m.start(), end=end, body_start=m.end(),
            title=m["title"].strip(), author=m["author"].strip(), date=when,
            date_printed=None if when else f"{m['d']}.{m['m']}.{m['y']}",
        )
        seg.body_start = _skip_head(text, seg, m.end(), end)
        segments.append(seg)
    return segments


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _skip_head(text: str, seg: Segment, pos: int, end: int) -> int:
    """Offset of the first body line after `pos`: skips blank lines, reading-time lines and
    a repeat of the title (flagged)."""
    for ls, le in _lines(text, pos, end):
        line = text[ls:le].strip()
        if not line or READING_TIME.fullmatch(line):
            continue
        if seg.title and _norm(line) == _norm(seg.title):
            seg.title_repeated = True
            continue
        return ls
    return end


def _single(text: str, start: int, end: int) -> Segment:
    """One article without a `Title | Author. Date.` header."""
    lines = [(s, e) for s, e in _lines(text, start, end) if text[s:e].strip()]
    seg = Segment(start=start, end=end, body_start=start)
    if not lines:
        return seg
    first_s, first_e = lines[0]
    m = DATE_LINE.match(text, first_s, first_e)
    if m:
        seg.date = _parse_date(*m["date"].split("-"))
        if seg.date is None:
            seg.date_printed = m["date"]
        rest = text[m.end():first_e]
        by = BYLINE.fullmatch(rest) if rest else None
        if not rest or (by and by["name"] and _is_name(by["name"])):
            seg.author = by["name"].strip() if by else None
            seg.body_start = _skip_head(text, seg, first_e, end)
        else:
            seg.body_start = m.end()  # 003_*: the body's first sentence follows the date
        return seg
    head = lines[:MAX_HEAD_LINES]
    for k, (ls, le) in enumerate(head[1:], start=1):
        by = BYLINE.fullmatch(text, ls, le)
        if not by:
            continue
        name_end = le
        if by["name"]:
            name = by["name"]
        elif k + 1 < len(lines) and _is_name(text[lines[k + 1][0]:lines[k + 1][1]]):
            name = text[lines[k + 1][0]:lines[k + 1][1]]
            name_end = lines[k + 1][1]
        else:
            continue
        if not _is_name(name):
            continue
        seg.title = text[first_s:first_e].strip()
        seg.author = name.strip()
        seg.title_repeated = any(_norm(text[s:e]) == _norm(seg.title) for s, e in head[1:k])
        seg.body_start = _skip_head(text, seg, name_end, end)
        return seg
    first = text[first_s:first_e].strip()
    followed_by_blank = len(lines) > 1 and not text[first_e:lines[1][0]].strip("\n").strip() \
        and text.count("\n", first_e, lines[1][0]) >= 2
    if len(first) <= MAX_TITLE_CHARS and followed_by_blank and not first.endswith((".", ",", ";")):
        seg.title = first
        seg.body_start = _skip_head(text, seg, first_e, end)
    else:
        seg.body_start = first_s
    return seg

"""Readers: one file in, its articles out (`read_file`). Ids are `STEM#N`, N from 1.

Formats: .txt (layouts in split.py), .md (YAML front matter with title, author, date, lang,
url, source; without front matter read like .txt), .html/.htm (main text by trafilatura),
RSS/Atom feeds .rss/.atom/.xml (feedparser), .jsonl (one JSON object per line: `text` plus
the same metadata keys). For .txt and .md, `Article.text` is the exact slice of the file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from detente.corpus import lang as langdetect
from detente.corpus import quality
from detente.corpus.decode import DEFAULT_MAX_BYTES, decode, is_binary, read_bytes
from detente.corpus.record import Article
from detente.corpus.split import split_text
from detente.errors import InputError

META_KEYS = ("title", "author", "date", "lang", "url", "source")
MIN_HTML_WORDS = 10


def _article(path: Path, n: int, text: str, **fields: Any) -> Article:
    return Article(id=f"{path.stem}#{n}", source_file=str(path), file_index=n, text=text, **fields)


def _finish(path: Path, arts: list[Article], encoding: str) -> list[Article]:
    """Language, encoding and per-file quality warnings."""
    for a in arts:
        a.encoding = encoding
        if encoding != "utf-8":
            a.warn("encoding_fallback", f"{path.name} is not valid UTF-8; read as {encoding}")
        if a.lang is None:
            a.lang = langdetect.detect(a.body)
    quality.check_file(arts)
    return arts


def parse_date(value: Any, where: str) -> date | None:
    """A metadata date: YAML date, ISO date or date-time string; else InputError."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise InputError(f"{where}: date {value!r} is not an ISO date (YYYY-MM-DD)")


def _meta(raw: dict[str, Any], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in META_KEYS:
        val = raw.get(key)
        if key == "date":
            out["date"] = parse_date(val, where)
        elif val is not None:
            if not isinstance(val, str | int | float):
                raise InputError(f"{where}: {key} must be text, not {type(val).__name__}")
            out[key] = str(val).strip() or None
    return out


def read_txt(path: Path, text: str) -> list[Article]:
    arts = []
    for n, seg in enumerate(split_text(text), start=1):
        a = _article(path, n, text[seg.start:seg.end], body_start=seg.body_start - seg.start,
                     title=seg.title, author=seg.author, date=seg.date)
        if seg.title_repeated:
            quality.title_repeated(a)
        arts.append(a)
    return arts


def _front_matter(path: Path, text: str) -> tuple[dict[str, Any], int] | None:
    """(mapping, offset where the document after the front matter starts) or None."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    pos = len(lines[0])
    for i, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            block = "".join(lines[1:i - 1])
            try:
                data = yaml.safe_load(block)
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                lineno = mark.line + 2 if mark else 2
                problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
                raise InputError(f"{path}:{lineno}: malformed front matter: {problem}") from None
            if data is None:
                data = {}
            if not isinstance(data, dict):
                raise InputError(f"{path}:2: malformed front matter: expected `key: value` lines")
            return data, pos + len(line)
        pos += len(line)
    raise InputError(f"{path}:1: malformed front matter: no closing `---` line")


def read_md(path: Path, text: str) -> list[Article]:
    fm = _front_matter(path, text)
    if fm is None:
        return read_txt(path, text)
    data, offset = fm
    meta = _meta(data, f"{path}: front matter")
    doc = text[offset:]
    if not doc.strip():
        raise InputError(f"{path}: no text after the front matter")
    body_start = len(doc) - len(doc.lstrip())
    first = doc[body_start:].split("\n", 1)[0]
    if first.startswith("# "):  # a Markdown H1 is the title line, not body
        meta.setdefault("title", first[2:].strip())
        nl = doc.find("\n", body_start)
        body_start = len(doc) if nl < 0 else nl + 1
        body_start += len(doc[body_start:]) - len(doc[body_start:].lstrip())
    return [_article(path, 1, doc, body_start=body_start, **meta)]


def read_html(path: Path, text: str) -> list[Article]:
    import trafilatura  # slow import; only for HTML input

    out = trafilatura.extract(text, output_format="json", with_metadata=True, include_comments=False)
    data = json.loads(out) if out else {}
    body = (data.get("text") or "").strip()
    if len(body.split()) < MIN_HTML_WORDS:  # trafilatura's fallback returns menus of empty pages
        raise InputError(f"{path}: no main text found in the HTML")
    meta = {
        "title": data.get("title") or None,
        "author": data.get("author") or None,
        "date": parse_date(data.get("date"), f"{path}: HTML date") if data.get("date") else None,
        "url": data.get("source") or None,
        "source": data.get("source-hostname") or data.get("hostname") or None,
        "lang": data.get("language") or None,
    }
    body_start = 0
    first = body.split("\n", 1)[0]
    if meta["title"] and first.strip() == meta["title"].strip() and "\n" in body:  # the <h1> heading
        body_start = len(first) + 1
    return [_article(path, 1, body, body_start=body_start, **meta)]


def _html_to_text(fragment: str) -> str:
    import lxml.html  # installed with trafilatura

    if "<" not in fragment:
        return fragment.strip()
    return "\n".join(p.strip() for p in lxml.html.fromstring(fragment).itertext() if p.strip())


def _feed_author(entry: Any) -> str | None:
    """RSS <author> is `email (Name)`; feedparser puts the name in author_detail."""
    detail = entry.get("author_detail") or {}
    return detail.get("name") or entry.get("author") or None


def read_feed(path: Path, data: bytes) -> list[Article]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        why = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        raise InputError(f"{path}: not an RSS/Atom feed or a feed without entries{why}")
    source = feed.feed.get("title") or None
    arts = []
    for n, e in enumerate(feed.entries, start=1):
        html = e.content[0].value if e.get("content") else e.get("summary", "")
        body = _html_to_text(html)
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        arts.append(_article(path, n, body, title=e.get("title") or None, author=_feed_author(e),
                             date=date(*stamp[:3]) if stamp else None, url=e.get("link") or None,
                             source=source))
    return arts


def read_jsonl(path: Path, text: str) -> list[Article]:
    arts = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: malformed JSON line: {exc.msg} (column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise InputError(f"{where}: expected a JSON object with a `text` field")
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            raise InputError(f"{where}: missing or empty `text` field")
        arts.append(_article(path, len(arts) + 1, body, **_meta(obj, where)))
    return arts


TextReader = Callable[[Path, str], list[Article]]
TEXT_READERS: dict[str, TextReader] = {
    ".txt": read_txt, ".text": read_txt, ".md": read_md, ".markdown": read_md,
    ".html": read_html, ".htm": read_html, ".jsonl": read_jsonl,
}
FEED_SUFFIXES = (".rss", ".atom", ".xml")
SUFFIXES = tuple(TEXT_READERS) + FEED_SUFFIXES + (".parquet",)  # .parquet: bulk shards (corpus/bulk.py)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """All articles of one file, with metadata, language and per-file warnings.
    Raises InputError (naming the file, and the line where there is one) for bad input."""
    check_suffix(path)
    return read_data(path, read_bytes(path, max_bytes))


def check_suffix(path: Path) -> None:
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {path.suffix.lower() or '(none)'}; "
                         f"readable: {', '.join(SUFFIXES)}")


def read_data(path: Path, data: bytes) -> list[Article]:
    """Like `read_file` for bytes already in memory (a web upload): `path` only names the
    file (stem for the ids, suffix for the format). Size limits are the caller's."""
    check_suffix(path)
    suffix = path.suffix.lower()
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if suffix == ".parquet":  # bulk shards (corpus/bulk.py)
        from detente.corpus.bulk import read_parquet

        return _finish(path, read_parquet(path, data=data), "utf-8")
    if suffix in FEED_SUFFIXES:
        if is_binary(data):
            raise InputError(f"{path}: binary file (contains NUL bytes), not text")
        arts, encoding = read_feed(path, data), "utf-8"
    else:
        text, encoding = decode(path, data)
        arts = TEXT_READERS[suffix](path, text)
    if not arts:
        raise InputError(f"{path}: no article text found")
    return _finish(path, arts, encoding)

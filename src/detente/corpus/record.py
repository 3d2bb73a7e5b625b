"""The one record type every reader returns and the store holds: an article."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass
class Article:
    """One article. `text` is its exact slice of the source file for .txt/.md input (so
    evidence sentences are exact substrings); `body_start` is where the body starts in `text`."""

    id: str  # STEM#N
    source_file: str
    file_index: int
    text: str
    body_start: int = 0
    title: str | None = None
    author: str | None = None
    date: date | None = None
    lang: str | None = None
    url: str | None = None
    source: str | None = None
    encoding: str = "utf-8"
    warnings: list[dict[str, str]] = field(default_factory=list)
    date_suggested: date | None = None  # likely intended date when `date` is flagged as an outlier

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.body))

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def warn(self, code: str, message: str, **extra: str) -> None:
        self.warnings.append({"code": code, "message": message, **extra})

    def warning_codes(self) -> list[str]:
        return [w["code"] for w in self.warnings]


def normalise(text: str) -> str:
    """NFC, whitespace collapsed, stripped: two copies that differ only in line endings or
    spacing hash the same."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()

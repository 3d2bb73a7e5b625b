"""Turn a file's bytes into text, refusing what is not text.

UTF-8 first; if that fails, cp1252 (the usual Windows encoding of German news text), then
latin-1, which decodes any byte string. The caller is told which one was used so the
article can carry an `encoding_fallback` warning.
"""

from __future__ import annotations

from pathlib import Path

from detente.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
FALLBACKS = ("cp1252", "latin-1")


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The whole file, after checking it is not empty and not over `max_bytes`."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    if size == 0:
        raise InputError(f"{path}: empty file")
    if size > max_bytes:
        raise InputError(f"{path}: {size:,} bytes is over the size limit of {max_bytes:,} bytes (--max-size)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    if not data.strip():
        raise InputError(f"{path}: empty file (only whitespace)")
    return data


def is_binary(data: bytes) -> bool:
    """NUL bytes never occur in text in any 8-bit or UTF-8 encoding (the test `git` and
    `file` use); UTF-16 text is not supported input."""
    return b"\x00" in data[:8192]


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """(text, encoding). Raises InputError for binary data."""
    if is_binary(data):
        raise InputError(f"{path}: binary file (contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in FALLBACKS:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover

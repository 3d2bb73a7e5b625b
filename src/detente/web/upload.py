"""Articles added through the browser: checked, saved under a safe name, ingested as by the CLI.

Uploads are untrusted. The file name is reduced to its last component and to a small set of
characters (no path traversal: `../../etc/passwd` becomes `upload_etc_passwd.txt`-like names
inside the upload folder), the size is capped, the type must be one the ingest stage reads,
and the bytes go through the same readers as `detente ingest` (which reject binary data).
Saved names start with `upload_` so an upload never replaces an article of the original
corpus (ingest replaces articles by file-name stem).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from detente.corpus.ingest import ingest_paths
from detente.corpus.readers import SUFFIXES
from detente.errors import InputError

PREFIX = "upload_"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(filename: str) -> str:
    """A file name safe to create in the upload folder, keeping the (checked) suffix.

    Only the last path component is kept (both / and \\ count as separators), every character
    outside ``[A-Za-z0-9._-]`` becomes ``_``, leading dots go (no hidden files, no ``..``).
    """
    base = re.split(r"[/\\]", filename or "")[-1]
    suffix = Path(base).suffix.lower()
    if suffix not in SUFFIXES:
        allowed = ", ".join(SUFFIXES)
        raise InputError(f"{base or '(no name)'}: unsupported file type {suffix or '(none)'}; use one of {allowed}")
    stem = _UNSAFE.sub("_", base[: -len(suffix)]).strip("._-")[:80] or "article"
    return f"{PREFIX}{stem}{suffix}"


def check_size(data: bytes, limit: int, what: str) -> None:
    if not data.strip():
        raise InputError(f"{what}: empty upload")
    if len(data) > limit:
        raise InputError(f"{what}: larger than the upload limit of {limit:,} bytes")


def pasted_file(text: str, title: str | None, date: str | None, lang: str | None) -> tuple[str, bytes]:
    """Pasted text as a Markdown file with YAML front matter (the ingest stage reads it).

    The front matter is written by yaml.safe_dump, so a title cannot inject YAML keys.
    """
    meta: dict[str, object] = {"source": "pasted in the dashboard"}
    if title and title.strip():
        meta["title"] = title.strip()
    if date and date.strip():
        try:
            meta["date"] = dt.date.fromisoformat(date.strip()).isoformat()
        except ValueError:
            raise InputError(f"date {date!r}: expected YYYY-MM-DD") from None
    if lang and lang.strip():
        if lang.strip() not in ("de", "en"):
            raise InputError(f"lang {lang!r}: expected de or en")
        meta["lang"] = lang.strip()
    body = text.replace("\r\n", "\n").strip() + "\n"
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
    return f"{PREFIX}pasted_{digest}.md", f"---\n{front}---\n\n{body}".encode()


@dataclass
class Uploaded:
    path: Path
    status: str
    ids: list[str]


def save_and_ingest(con, folder: Path, name: str, data: bytes, max_bytes: int) -> Uploaded:  # type: ignore[no-untyped-def]
    """Write the upload into `folder` and ingest it; a file that fails to ingest is removed."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if path.resolve().parent != folder.resolve():  # belt and braces after safe_name
        raise InputError(f"{name}: not a plain file name")
    existed = path.exists()
    old = path.read_bytes() if existed else None
    tmp = folder / f".{name}.part"
    tmp.write_bytes(data)
    tmp.replace(path)
    try:
        report = ingest_paths(con, [path], max_bytes=max_bytes)
    except Exception as exc:
        if old is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(old)
        if isinstance(exc, InputError):  # name the upload, not the server's folders
            raise InputError(str(exc).replace(f"{path.parent}/", "")) from None
        raise
    result = report.files[0]
    return Uploaded(path, result.status, result.ids)

"""Ingest stage: turn files, directories, JSONL lines and stdin into Documents.

Inputs are read lazily (a directory walk and a JSONL file are streamed), so
memory does not grow with the corpus.  Every input either becomes a
:class:`~sanctionwatch.model.Document` or an :class:`IngestError` that says
why it was skipped; nothing is dropped silently.

The stored text is the decoded input, unchanged, for plain text, and the
extracted main text for HTML; every offset the system emits refers to it.
"""

from __future__ import annotations

import codecs
import fnmatch
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from .model import Document

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.html", "*.htm", "*.jsonl")
# Files in a corpus folder that describe it rather than belong to it.
DEFAULT_EXCLUDE = ("README*", "readme*", "LICENSE*", "CHANGELOG*")
SIDECAR_SUFFIX = ".meta.json"
_BINARY_SNIFF = 8192


class IngestError(Exception):
    """An input that could not become a document; ``input`` says which, ``reason`` why."""

    def __init__(self, input: str, reason: str):
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason


@dataclass(slots=True)
class RawInput:
    """One article before decoding: where it came from, its bytes or text, and metadata hints."""

    input: str
    kind: str  # text | html
    payload: bytes | str
    hints: dict[str, Any] = field(default_factory=dict)


# -- discovering inputs ------------------------------------------------------

def iter_raw(
    paths: Iterable[str],
    *,
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = DEFAULT_EXCLUDE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: TextIO | None = None,
) -> Iterator[RawInput | IngestError]:
    """Yield a RawInput or an IngestError for every article found under ``paths`` ("-" is stdin).

    ``include``/``exclude`` filter the files found in directories; a file named
    explicitly is always taken.
    """
    include, exclude = tuple(include), tuple(exclude)
    for given in paths:
        if given == "-":
            yield from _from_stdin(stdin or sys.stdin, max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path, include, exclude):
                yield from _from_file(file, str(file), max_bytes)
        elif path.exists():
            yield from _from_file(path, given, max_bytes)
        else:
            yield IngestError(given, "no such file or directory")


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Path]:
    def onerror(err: OSError) -> None:
        raise err

    try:
        walker = list(os.walk(root, onerror=onerror))
    except OSError:
        walker = list(os.walk(root))  # an unreadable sub-directory: the files in it are reported below
    for dirpath, dirnames, filenames in sorted(walker):
        dirnames.sort()
        for name in sorted(filenames):
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            if name.endswith(SIDECAR_SUFFIX) or not _matches(name, rel, include):
                continue
            if exclude and _matches(name, rel, exclude):
                continue
            yield Path(dirpath) / name


def _matches(name: str, rel: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)


def _kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix == ".jsonl":
        return "jsonl"
    return "text"


def _from_file(path: Path, label: str, max_bytes: int) -> Iterator[RawInput | IngestError]:
    kind = _kind_of(path)
    try:
        size = path.stat().st_size
        if kind == "jsonl":
            yield from _from_jsonl(path, label, max_bytes)
            return
        if size > max_bytes:
            yield IngestError(label, f"file is {_mb(size)}, over the size limit of {_mb(max_bytes)} (--max-bytes); split it or raise the limit")
            return
        payload = path.read_bytes()
    except OSError as exc:
        yield IngestError(label, f"cannot read: {exc.strerror or exc}")
        return
    hints = _sidecar(path)
    if isinstance(hints, IngestError):
        yield hints
        return
    yield RawInput(label, kind, payload, hints)


def _sidecar(path: Path) -> dict[str, Any] | IngestError:
    side = path.with_name(path.name + SIDECAR_SUFFIX)
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return IngestError(str(side), f"bad metadata sidecar: {exc}")
    if not isinstance(data, dict):
        return IngestError(str(side), "bad metadata sidecar: not a JSON object")
    return data


def _from_jsonl(path: Path, label: str, max_bytes: int) -> Iterator[RawInput | IngestError]:
    with path.open("rb") as fh:
        for lineno, line in enumerate(fh, start=1):
            where = f"{label}:{lineno}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield IngestError(where, f"line is {_mb(len(line))}, over the size limit of {_mb(max_bytes)}")
                continue
            yield _jsonl_record(line, where)


def _jsonl_record(line: bytes, where: str) -> RawInput | IngestError:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return IngestError(where, "line is not valid UTF-8")
    except json.JSONDecodeError as exc:
        return IngestError(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(record, dict):
        return IngestError(where, "malformed JSONL record: expected an object")
    body = record.get("text") if isinstance(record.get("text"), str) else None
    html = record.get("html") if isinstance(record.get("html"), str) else None
    if body is None and html is None:
        return IngestError(where, "record has no `text` or `html` string")
    hints = {k: v for k, v in record.items() if k not in ("text", "html")}
    if "source" in hints and "publisher" not in hints:
        hints["publisher"] = hints.pop("source")
    return RawInput(where, "html" if body is None else "text", html if body is None else body, hints)


def _from_stdin(stream: TextIO, max_bytes: int) -> Iterator[RawInput | IngestError]:
    data = stream.buffer.read(max_bytes + 1) if hasattr(stream, "buffer") else stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield IngestError("-", f"standard input is over the size limit of {_mb(max_bytes)}")
        return
    yield RawInput("-", "html" if _looks_like_html(data) else "text", data, {})


def _looks_like_html(data: bytes | str) -> bool:
    head = data[:1024].lower() if isinstance(data, str) else data[:1024].lower().decode("latin-1")
    return "<html" in head or "<!doctype html" in head


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB"


# -- decoding ----------------------------------------------------------------

def decode(payload: bytes, input: str) -> tuple[str, list[str]]:
    """Bytes -> text.  Refuses binary data; invalid UTF-8 is replaced and flagged, never fatal."""
    head = payload[:_BINARY_SNIFF]
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if payload.startswith(bom):
            try:
                return payload.decode(enc), []
            except UnicodeDecodeError:
                break
    if b"\x00" in head or _control_ratio(head) > 0.1:
        raise IngestError(input, "binary file (not text): skipped")
    try:
        return payload.decode("utf-8"), []
    except UnicodeDecodeError:
        text = payload.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, [f"invalid UTF-8: {bad} undecodable byte sequence(s) replaced with U+FFFD"]


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(data)


# -- raw input -> document ---------------------------------------------------

def to_document(raw: RawInput, *, published: str | None = None, language: str | None = None) -> Document:
    """Decode, extract (HTML), collect metadata and hash one raw input.  Raises IngestError."""
    warnings: list[str] = []
    if isinstance(raw.payload, bytes):
        source, warnings = decode(raw.payload, raw.input)
    else:
        source = raw.payload
    meta: dict[str, Any] = {}
    fmt = "jsonl" if _is_jsonl_label(raw.input) else raw.kind
    if raw.kind == "html":
        from .html import extract_html  # trafilatura is imported only when HTML shows up

        text, meta = extract_html(source, raw.input)
    else:
        text = source
    if not text.strip():
        raise IngestError(raw.input, "empty document (no text)" if raw.kind != "html" else "HTML has no extractable main text")
    hints = {**meta, **{k: v for k, v in raw.hints.items() if v not in (None, "")}}
    pub = published or normalise_date(hints.get("published") or hints.get("date")) or find_date_line(text)
    extra = {k: v for k, v in hints.items() if k not in ("title", "published", "date", "publisher", "url", "language")}
    return Document(
        doc_id=content_hash(text),
        text=text,
        input=raw.input,
        title=_str(hints.get("title")),
        published=pub,
        publisher=_str(hints.get("publisher") or hints.get("sitename")),
        url=_str(hints.get("url")),
        language=language or _str(hints.get("language")),
        format=fmt,
        meta=extra,
        warnings=warnings,
    )


def _is_jsonl_label(label: str) -> bool:
    return bool(re.search(r"\.jsonl:\d+$", label))


def _str(v: Any) -> str | None:
    return str(v).strip() or None if v is not None else None


def content_hash(text: str) -> str:
    """The document id: the first 16 hex digits of the SHA-256 of the stored text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# -- dates -------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)"), ("y", "m", "d")),
    (re.compile(rf"\b(\d{{1,2}})\.?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I), ("d", "mon", "y")),
    (re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), ("mon", "d", "y")),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), ("d", "m", "y")),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), ("m", "d", "y")),
]
_DATE_LINE = re.compile(
    r"^\s*(?:(?:published|updated|posted|date|dated|publisert|publié|publicado|veröffentlicht)\b[^\n\d]{0,20})?(?P<rest>[^\n]{4,60})$",
    re.I | re.M,
)


def normalise_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date-like value, or None when it is not one."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    for pattern, order in _DATE_PATTERNS:
        m = pattern.search(text)
        if m:
            iso = _build_date(dict(zip(order, m.groups())))
            if iso:
                return iso
    return None


def _build_date(parts: dict[str, str]) -> str | None:
    try:
        month = _MONTHS[parts["mon"].lower().rstrip(".")] if "mon" in parts else int(parts["m"])
        return date(int(parts["y"]), month, int(parts["d"])).isoformat()
    except (KeyError, ValueError):
        return None


def find_date_line(text: str, max_lines: int = 15) -> str | None:
    """The publication date from a short date line near the top of the text ("Published: 3 May 2024")."""
    head = "\n".join(text.splitlines()[:max_lines])
    for m in _DATE_LINE.finditer(head):
        line = m.group(0).strip()
        if len(line) > 60:
            continue
        iso = normalise_date(line)
        if iso:
            return iso
    return None

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
import stat
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from .dates import check_published, find_date_line, normalise_date
from .errors import IngestError
from .escape import MAX_URL_CHARS, printable_path
from .html import extract_html
from .model import Document

__all__ = ["DEFAULT_EXCLUDE", "DEFAULT_INCLUDE", "DEFAULT_MAX_BYTES", "IngestError", "RawInput", "content_hash",
           "decode", "find_date_line", "iter_raw", "normalise_date", "to_document"]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.html", "*.htm", "*.jsonl")
# Files in a corpus folder that describe it rather than belong to it.
DEFAULT_EXCLUDE = ("README*", "readme*", "LICENSE*", "CHANGELOG*")
SIDECAR_SUFFIX = ".meta.json"
_BINARY_SNIFF = 8192
# Longest metadata values kept (characters), whatever --max-bytes says: a
# title is a line, not a document; longer ones are cut (title, publisher) or
# refused (a URL cut short is a wrong URL), with a warning either way.
FIELD_LIMITS = {"title": 1000, "publisher": 200, "url": MAX_URL_CHARS, "language": 35}
MAX_EXTRA_META_CHARS = 10_000  # any other metadata value, as JSON
_FILE_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
               stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a directory"}


@dataclass(slots=True)
class RawInput:
    """One article before decoding: where it came from, its bytes or text, and metadata hints."""

    input: str
    kind: str  # text | html
    payload: bytes | str
    hints: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # found before decoding (an odd file name...)


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
            for found in _walk(path, include, exclude):
                if isinstance(found, IngestError):
                    yield found
                else:
                    yield from from_path(found, max_bytes)
        elif path.exists() or path.is_symlink():
            yield from from_path(path, max_bytes)
        else:
            yield IngestError(printable_path(given), "no such file or directory")


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Path | IngestError]:
    """Matching files under ``root`` in a stable order, and an IngestError for every directory that cannot be read."""
    unreadable: list[OSError] = []
    walker = sorted(os.walk(root, onerror=unreadable.append))
    for err in unreadable:
        where = printable_path(str(err.filename or root))
        yield IngestError(where, f"cannot read directory: {err.strerror or err}; the files in it were not read")
    for dirpath, dirnames, filenames in walker:
        for name in sorted(dirnames):
            if os.path.islink(os.path.join(dirpath, name)):  # os.walk does not descend into them: say so
                yield IngestError(printable_path(os.path.join(dirpath, name)),
                                  "link to a directory: not followed (name its target to read it)")
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


def from_path(path: Path, max_bytes: int) -> Iterator[RawInput | IngestError]:
    """The article(s) of one file, labelled with its printable name."""
    label = printable_path(str(path))
    notes = [] if label == str(path) else [f"file name is not valid UTF-8: recorded as {label!r}"]
    kind = _kind_of(path)
    try:
        fd = _open_regular(path)
    except IngestError as exc:
        yield IngestError(label, exc.reason)
        return
    except OSError as exc:
        yield IngestError(label, f"cannot read: {exc.strerror or exc}")
        return
    with os.fdopen(fd, "rb") as fh:
        if kind == "jsonl":
            yield from _from_jsonl(fh, label, max_bytes)
            return
        size = os.fstat(fh.fileno()).st_size
        try:
            payload = None if size > max_bytes else _read_at_most(fh, max_bytes)  # a file may grow meanwhile
        except OSError as exc:
            yield IngestError(label, f"cannot read: {exc.strerror or exc}")
            return
    if payload is None:
        yield IngestError(label, f"file is {_mb(max(size, max_bytes + 1))}, over the size limit of {_mb(max_bytes)} "
                                 "(--max-bytes); split it or raise the limit")
        return
    hints = _sidecar(path, max_bytes)
    if isinstance(hints, IngestError):
        yield hints
        return
    yield RawInput(label, kind, payload, hints, notes)


def _open_regular(path: Path) -> int:
    """A read-only descriptor of ``path`` when it is a regular file; IngestError for FIFOs, devices, sockets.

    Opened non-blocking and checked on the open descriptor, so a FIFO cannot
    hang the run and a file swapped for a device after a check is still caught.
    """
    _refuse_special(os.stat(path).st_mode, path)  # a socket cannot even be opened
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        _refuse_special(os.fstat(fd).st_mode, path)
    except IngestError:
        os.close(fd)
        raise
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return fd


def _refuse_special(mode: int, path: Path) -> None:
    if not stat.S_ISREG(mode):
        what = _FILE_KINDS.get(stat.S_IFMT(mode), "an unknown kind of file")
        raise IngestError(str(path), f"not a regular file ({what}): skipped")


def _read_at_most(fh: Any, max_bytes: int) -> bytes | None:
    """The whole file, or None when it holds more than ``max_bytes`` (read no further than one byte past)."""
    data = fh.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def _sidecar(path: Path, max_bytes: int) -> dict[str, Any] | IngestError:
    side = path.with_name(path.name + SIDECAR_SUFFIX)
    label = printable_path(str(side))
    if not side.exists():
        return {}
    try:
        fd = _open_regular(side)
        with os.fdopen(fd, "rb") as fh:
            raw = _read_at_most(fh, max_bytes)
        if raw is None:
            return IngestError(label, f"metadata sidecar is over the size limit of {_mb(max_bytes)} (--max-bytes)")
        data = json.loads(raw.decode("utf-8"))
    except IngestError as exc:
        return IngestError(label, f"bad metadata sidecar: {exc.reason}")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        return IngestError(label, f"bad metadata sidecar: {exc}")
    if not isinstance(data, dict):
        return IngestError(label, "bad metadata sidecar: not a JSON object")
    return data


def _from_jsonl(fh: Any, label: str, max_bytes: int) -> Iterator[RawInput | IngestError]:
    """One record a line; a line over ``max_bytes`` is refused without ever holding more of it than that."""
    lineno = 0
    while line := fh.readline(max_bytes + 1):
        lineno += 1
        where = f"{label}:{lineno}"
        if len(line) > max_bytes:
            size = len(line) + (0 if line.endswith(b"\n") else _skip_line(fh))
            yield IngestError(where, f"line is {_mb(size)}, over the size limit of {_mb(max_bytes)}")
            continue
        if line.strip():
            yield _jsonl_record(line, where)


def _skip_line(fh: Any) -> int:
    skipped = 0
    while chunk := fh.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _jsonl_record(line: bytes, where: str) -> RawInput | IngestError:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return IngestError(where, "line is not valid UTF-8")
    except json.JSONDecodeError as exc:
        return IngestError(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return IngestError(where, "malformed JSON: nested too deeply")
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
    utf16 = _utf16_without_bom(head)
    if utf16:
        try:
            text = payload.decode(utf16)
        except UnicodeDecodeError:
            raise IngestError(input, f"binary file (not text; looked like {utf16} without a byte-order mark): skipped")
        if _control_ratio(text[:_BINARY_SNIFF]) <= 0.1:
            return text, [f"no byte-order mark: decoded as {utf16.upper()} from the pattern of its zero bytes"]
    if b"\x00" in head or _control_ratio(head) > 0.1:
        raise IngestError(input, "binary file (not text): skipped")
    try:
        return payload.decode("utf-8"), []
    except UnicodeDecodeError:
        text = payload.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, [f"invalid UTF-8: {bad} undecodable byte sequence(s) replaced with U+FFFD"]


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the zero bytes fall on every other byte, as in UTF-16 of mostly Latin text.

    Text in scripts outside Latin-1 has few zero bytes and is not recognised
    (it is then refused as binary or flagged as invalid UTF-8, never misread).
    """
    n = len(head) // 2 * 2
    if n < 8:
        return None
    even, odd = head[0:n:2], head[1:n:2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd >= 0.6 and zero_even <= 0.02:
        return "utf-16-le"
    if zero_even >= 0.6 and zero_odd <= 0.02:
        return "utf-16-be"
    return None


def _control_ratio(data: bytes | str) -> float:
    if not data:
        return 0.0
    codes = data if isinstance(data, bytes) else (ord(c) for c in data)
    controls = sum(1 for b in codes if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(data)


# -- raw input -> document ---------------------------------------------------

def to_document(raw: RawInput, *, published: str | None = None, language: str | None = None,
                today: date | None = None) -> Document:
    """Decode, extract (HTML), collect metadata and hash one raw input.  Raises IngestError.

    Metadata is hostile too: a value of the wrong type, too long, or a date
    that cannot be true is set aside with a warning on the document.
    """
    warnings: list[str] = list(raw.warnings)
    if isinstance(raw.payload, bytes):
        source, notes = decode(raw.payload, raw.input)
        warnings += notes
    else:
        source = raw.payload
        if _SURROGATES.search(source):
            # text handed over from Python (a file name's escape, a cut multi-byte character) may hold lone
            # surrogates no tokenizer or store can encode; one replacement character each keeps every offset
            source = _SURROGATES.sub("\ufffd", source)
            warnings.append("lone surrogate characters replaced with U+FFFD")
    meta: dict[str, Any] = {}
    fmt = "jsonl" if _is_jsonl_label(raw.input) else raw.kind
    if raw.kind == "html":
        text, meta = extract_html(source, raw.input)
    else:
        text = source
    if not text.strip():
        raise IngestError(raw.input, "empty document (no text)" if raw.kind != "html" else "HTML has no extractable main text")
    hints = {**meta, **{k: v for k, v in raw.hints.items() if v not in (None, "")}}
    pub = published
    if not pub:
        pub, notes = check_published(hints.get("published") or hints.get("date"), today=today)
        warnings += notes
        pub = pub or find_date_line(text)
    fields = {key: _metadata_text(hints, key, warnings) for key in FIELD_LIMITS}
    return Document(
        doc_id=content_hash(text),
        text=text,
        input=raw.input,
        title=fields["title"],
        published=pub,
        publisher=fields["publisher"] or _metadata_text(hints, "sitename", warnings, limit=FIELD_LIMITS["publisher"]),
        url=fields["url"],
        language=language or fields["language"],
        format=fmt,
        meta=_extra_metadata(hints, warnings),
        warnings=warnings,
    )


_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]+")
_SURROGATES = re.compile("[\ud800-\udfff]")
_CUT_FIELDS = ("title", "publisher", "sitename")  # cut when too long; others (url, language) are refused


def _metadata_text(hints: dict[str, Any], key: str, warnings: list[str], limit: int | None = None) -> str | None:
    """A one-line metadata string, or None (with a warning when a value was given but cannot be used)."""
    value = hints.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        kind = {dict: "an object", list: "a list", bool: "a boolean"}.get(type(value), type(value).__name__)
        warnings.append(f"metadata {key} is {kind}, not text: ignored")
        return None
    text = str(value)
    if _CONTROL_CHARS.search(text):
        text = _CONTROL_CHARS.sub(" ", text)
        warnings.append(f"metadata {key}: control characters replaced with spaces")
    text = text.strip()
    limit = limit or FIELD_LIMITS[key]
    if len(text) > limit:
        if key not in _CUT_FIELDS:
            warnings.append(f"metadata {key} is {len(text):,} characters, over the limit of {limit:,}: ignored")
            return None
        warnings.append(f"metadata {key} is {len(text):,} characters: cut to {limit:,}")
        text = text[:limit].rstrip()
    return text or None


def _extra_metadata(hints: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """Metadata beyond the known fields, kept as given unless a value is too large to be a label."""
    extra: dict[str, Any] = {}
    for key, value in hints.items():
        if key in ("title", "published", "date", "publisher", "sitename", "url", "language"):
            continue
        size = len(json.dumps(value, ensure_ascii=False, default=str))
        if size > MAX_EXTRA_META_CHARS or len(str(key)) > FIELD_LIMITS["title"]:
            warnings.append(f"metadata {str(key)[:40]!r} is {size:,} characters as JSON, over the limit of "
                            f"{MAX_EXTRA_META_CHARS:,}: ignored")
            continue
        extra[key] = value
    return extra


def _is_jsonl_label(label: str) -> bool:
    return bool(re.search(r"\.jsonl:\d+$", label))


def content_hash(text: str) -> str:
    """The document id: the first 16 hex digits of the SHA-256 of the stored text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]

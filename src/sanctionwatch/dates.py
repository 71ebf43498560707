"""Publication dates: reading them from metadata and date lines, and judging whether they can be true.

A date that cannot be read, or that cannot be a publication date (before
1900, or after the day of ingest), is never used and never dropped in
silence: ``check_published`` says why in a warning that lands on the document.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

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
        if iso and not implausible(iso):
            return iso
    return None


EARLIEST_YEAR = 1900


def check_published(value: Any, *, field: str = "published", today: date | None = None) -> tuple[str | None, list[str]]:
    """(ISO date or None, warnings) for a publication date given in metadata.

    A value that is not a readable date (``not-a-date``, ``2024-02-30``,
    ``20240305``) or that is not plausible for a publication (before 1900, or
    after ``today`` plus one day, allowing for time zones) is not used; the
    warning says what was given and why it was set aside.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, []
    shown = _shown(value)
    if isinstance(value, (dict, list, bool)):
        return None, [f"{field} {shown} is not a date: ignored"]
    iso = normalise_date(value)
    if iso is None:
        return None, [f"{field} {shown} cannot be read as a date: ignored"]
    problem = implausible(iso, today=today)
    if problem:
        return None, [f"{field} {iso} {problem}: ignored"]
    return iso, []


def implausible(iso: str, *, today: date | None = None) -> str | None:
    """Why an ISO date cannot be a publication date, or None when it can."""
    day = date.fromisoformat(iso)
    if day.year < EARLIEST_YEAR:
        return f"is before {EARLIEST_YEAR}"
    latest = (today or datetime.now(timezone.utc).date()) + timedelta(days=1)
    if day > latest:
        return f"is after the day of ingest ({latest.isoformat()} at the latest)"
    return None


def _shown(value: Any, limit: int = 60) -> str:
    text = repr(value) if not isinstance(value, str) else repr(value.strip())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_anchor(published: str | None) -> date | None:
    """The publication date as a date, or None when absent or not an ISO date."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None

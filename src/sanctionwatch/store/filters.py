"""One WHERE builder and one reading of periods, for every list the store serves (CLI and web).

Every value is bound as an SQL parameter; only fixed column names and the
builder's own fragments are ever spliced into the SQL text.

Periods: ``2023``, ``2023-05``, ``2023-05-17`` or a range ``A..B`` (either side
may be empty), giving inclusive ISO bounds.  Bounds follow the calendar:
February 2023 ends on the 28th and 2023-02-29 is refused (the web once took
February as 29 days in every year; the stricter reading won).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from typing import Any

from .connection import Database

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bound(part: str, upper: bool) -> str:
    """The first (or, with ``upper``, the last) day of a YYYY, YYYY-MM or YYYY-MM-DD, as YYYY-MM-DD."""
    m = _DATE.match(part)
    if not m:
        raise ValueError(f"bad date {part!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12:
        raise ValueError(f"bad month in {part!r}")
    if year < 1:
        raise ValueError(f"bad year in {part!r}")
    last = calendar.monthrange(year, int(month))[1] if month else 31
    if day and not 1 <= int(day) <= last:
        raise ValueError(f"bad day in {part!r}")
    if day:
        return part
    if month:
        return f"{year:04d}-{month}-{last:02d}" if upper else f"{year:04d}-{month}-01"
    return f"{year:04d}-12-31" if upper else f"{year:04d}-01-01"


def parse_period(period: str) -> tuple[str | None, str | None]:
    """'2023', '2023-05', '2023-05-17', or a range 'A..B' (either side may be empty) -> inclusive ISO bounds."""
    period = period.strip()
    if ".." in period:
        lo, hi = (p.strip() for p in period.split("..", 1))
        if not lo and not hi:
            raise ValueError("an empty range '..' is not a period")
        lo_b = date_bound(lo, False) if lo else None
        hi_b = date_bound(hi, True) if hi else None
        if lo_b and hi_b and lo_b > hi_b:
            raise ValueError(f"period {period!r} ends before it starts")
        return lo_b, hi_b
    return date_bound(period, False), date_bound(period, True)


@dataclass
class Where:
    conds: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)

    def add(self, cond: str, *args: Any) -> "Where":
        self.conds.append(cond)
        self.args.extend(args)
        return self

    def sql(self, lead: str = " WHERE ") -> str:
        return lead + " AND ".join(self.conds) if self.conds else ""


@dataclass(frozen=True)
class DocumentFilter:
    """Documents by publication period, publisher and language (each optional)."""

    period: str | None = None
    publisher: str | None = None
    language: str | None = None

    def apply(self, w: Where, alias: str) -> Where:
        if self.period:
            lo, hi = parse_period(self.period)
            if lo:
                w.add(f"{alias}.published >= ?", lo)
            if hi:
                w.add(f"{alias}.published <= ?", hi)
        if self.publisher:
            w.add(f"{alias}.publisher = ?", self.publisher)
        if self.language:
            w.add(f"{alias}.language = ?", self.language)
        return w


def like_pattern(s: str) -> str:
    """``s`` with LIKE's wildcards escaped (use with ESCAPE '\\')."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def unindexed(db: Database, column: str) -> str:
    """``+column`` on SQLite: keeps its planner off the column's index; PostgreSQL plans alone."""
    return f"+{column}" if db.dialect == "sqlite" else column


def json_array(db: Database, column: str, key: str, alias: str) -> str:
    """A FROM item listing the elements of a JSON array held in a text column, as ``alias.value``."""
    if db.dialect == "postgresql":
        return f"jsonb_array_elements({column}::jsonb -> '{key}') {alias}"
    return f"json_each({column}, '$.{key}') {alias}"


def json_field(db: Database, value: str, key: str, integer: bool = False) -> str:
    if db.dialect == "postgresql":
        return f"({value} ->> '{key}')::int" if integer else f"({value} ->> '{key}')"
    return f"json_extract({value}, '$.{key}')"

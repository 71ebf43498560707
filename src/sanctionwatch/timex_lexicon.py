"""The lexicon of time expressions (``data/timex.yaml``) and the interval arithmetic the grammar builds on.

Kept apart from the grammar in ``timex.py`` so that the patterns and their resolution read on their own.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .resources import package_yaml

Interval = tuple[date, date, str]  # start, end, granularity


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    decade_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    month_parts: tuple[str, ...]  # "mid-October": words that narrow a month without changing its date
    quarters: dict[str, int]
    numbers: dict[str, int]
    prepositions: tuple[str, ...]
    name_exempt: frozenset[str]
    year_references: dict[str, int]  # "that year": 0, "the following year": 1 (offset from the context year)
    period_references: tuple[str, ...]  # "this period": the interval of the last dated expression
    numbered_documents: frozenset[str] = frozenset()  # "Resolution 2397 (2017)": the year labels the document


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = package_yaml("timex.yaml")
    return Lexicon(
        months={k.lower(): int(v) for k, v in raw["months"].items()},
        weekdays={k.lower(): int(v) for k, v in raw["weekdays"].items()},
        decade_parts={k.lower(): (int(v[0]), int(v[1])) for k, v in raw["decade_parts"].items()},
        year_parts={k.lower(): (int(v[0]), int(v[1])) for k, v in raw["year_parts"].items()},
        month_parts=tuple(str(w).lower() for w in raw.get("month_parts") or ()),
        quarters={str(k).lower(): int(v) for k, v in raw["quarters"].items()},
        numbers={str(k).lower(): int(v) for k, v in raw["numbers"].items()},
        prepositions=tuple(str(p).lower() for p in raw["prepositions"]),
        name_exempt=frozenset(str(w).lower() for w in raw.get("month_name_exempt", ()))
        | frozenset(k.lower() for k in raw["weekdays"]) | frozenset(k.lower() for k in raw["year_parts"]),
        year_references={" ".join(str(k).lower().split()): int(v) for k, v in (raw.get("year_references") or {}).items()},
        period_references=tuple(" ".join(str(k).lower().split()) for k in raw.get("period_references") or ()),
        numbered_documents=frozenset(str(w).lower() for w in raw.get("numbered_documents") or ()),
    )


@lru_cache(maxsize=1)
def day_and_month_names() -> frozenset[str]:
    """The full names of the weekdays and the months, lower-case ("monday", "september"; no "sept"): a capitalised
    word among them is a date, not a name."""
    lex = lexicon()
    full_months = {n: max((k for k, v in lex.months.items() if v == n), key=len) for n in set(lex.months.values())}
    return frozenset(lex.weekdays) | frozenset(full_months.values())


def alternation(words) -> str:
    # Longest first so "sept" wins over "sep" and "september" over both.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- interval helpers ------------------------------------------------------


def month_interval(year: int, month: int) -> Interval:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"


def year_interval(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31), "year"


def recent_weekday(weekday: int, anchor: date, strictly_before: bool = False) -> date:
    back = (anchor.weekday() - weekday) % 7
    if strictly_before and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None

"""The year a bare month belongs to ("in November") when the story around it is set in an earlier year.

News resolves a month without a year against the publication date, unless the sentence just before set the
story in a named past year: "the report listed big 2022 thefts; among them was a hack in October" is
October 2022, "the tanker left Nakhodka in January 2021 and was seized in March" is March 2021.  Only a year
written in digits, close before the month in the same paragraph, counts; "since 2006" opens a period and names
no year the story is set in.
"""

from __future__ import annotations

import re
from datetime import date

# how far back (characters, same paragraph) a named year still sets the story's year
NARRATIVE_WINDOW = 260
_YEAR = re.compile(r"\b(?:19|20)\d\d\b(?!['’]?s\b)")
_OPENING = re.compile(r"\b(?:since|until|till|through|by|before|after)\s+(?:\w+\.?\s+){0,2}$", re.I)


def recent_month_year(month: int, anchor: date) -> int:
    """The year of the most recent such month not after the anchor."""
    return anchor.year if month <= anchor.month else anchor.year - 1


def bare_month_year(month: int, text: str, pos: int, anchor: date) -> int:
    """The year of a bare month at ``pos``: the story's named past year, else the most recent one."""
    story = narrative_year(text, pos, anchor)
    return story if story is not None else recent_month_year(month, anchor)


def narrative_year(text: str, pos: int, anchor: date) -> int | None:
    """The past year named in digits shortly before ``pos`` in its paragraph; None where there is none."""
    para = text.rfind("\n\n", 0, pos)
    lo = max(para + 2 if para >= 0 else 0, pos - NARRATIVE_WINDOW)
    years = list(_YEAR.finditer(text, lo, pos))
    if not years:
        return None
    last = years[-1]
    if _OPENING.search(text, max(0, last.start() - 24), last.start()):
        return None
    year = int(last.group())
    return year if year < anchor.year else None

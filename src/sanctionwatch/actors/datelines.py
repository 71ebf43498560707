"""Datelines ("(Seoul)", "SEOUL, March 3 (Yonhap) --"): where a story was filed, not a mention."""

from __future__ import annotations

import re

# Datelines are only looked for near the top: a story is filed once.
DATELINE_WINDOW = 2000
_DATELINE_PAREN = re.compile(r"^[ \t]*\((?P<place>[A-Z][^()\n]{0,40})\)[ \t]", re.MULTILINE)
# the scrape's own date line ("date 2024-10-22"), read both at a line start and before a sentence
_SCRAPE_DATE_TEXT = r"date\s+\d{4}-\d{2}-\d{2}"
# a scrape may glue its own "date 2024-10-22" before the dateline on one line; the place may carry its
# country ("UNITED NATIONS, United States (AFP) --")
_DATELINE_CAPS = re.compile(
    r"^[ \t]*(?:" + _SCRAPE_DATE_TEXT + r"[ \t]+)?(?P<place>[A-Z][A-Za-z'\u2019./ -]{1,40}?)"
    r"(?:\s*\[[A-Z][A-Za-z ]{1,30}\])?(?:\s*,\s*D\.C\.)?"
    r"(?:\s*,\s*[A-Z][A-Za-z'\u2019. -]{1,30}?(?=\s*\())?"
    r"(?:\s*,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:\s*,\s*\d{4})?)?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?\s*(?:(?:--|\u2014)\s*(?=[A-Z\"\u201c])|(?:--|\u2014|\u2013|-|:)\s)",
    re.MULTILINE,
)

# "Brussels: North Korea has sent ...": a place in title case and a colon before the first sentence
# (South Asian outlets). A headline has the same shape ("North Korea: US warns ..."), so the place
# must not be a country (the caller knows which names are) and a sentence must follow on the line.
_DATELINE_COLON = re.compile(
    r"^[ \t]*(?:" + _SCRAPE_DATE_TEXT + r"[ \t]+)?(?P<place>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}):[ \t]+"
    r"(?=[A-Z\"\u201c](?:[^\n]*?\s){8})",
    re.MULTILINE,
)


# --------------------------------------------------------------------------- datelines


def _is_dateline(m: re.Match) -> bool:
    """A place in capitals, or one with a date or an agency; a dash glued to the story only after those."""
    place, marked = m.group("place"), bool(m.group("date") or m.group("agency"))
    glued = not m.group().endswith((" ", "\t", "\n"))
    return marked or (place.upper() == place and not glued)


def dateline_places(text: str, window: int = DATELINE_WINDOW) -> list[tuple[int, int]]:
    """Character ranges of the place part of datelines near the top of the text."""
    out = []
    for m in _DATELINE_PAREN.finditer(text, 0, min(window, len(text))):
        out.append(m.span("place"))
    for m in _DATELINE_CAPS.finditer(text, 0, min(window, len(text))):
        if _is_dateline(m):
            out.append(m.span("place"))
    return out


# a scrape may indent its date line (" date 2020-02-13 SEOUL, ...")
_SCRAPE_DATE = re.compile(r"[ \t]*" + _SCRAPE_DATE_TEXT + r"\s*")


def dateline_end(text: str, start: int, end: int) -> int:
    """Where a dateline opening text[start:end] ("SEOUL, May 29 (Yonhap) -- ") ends; ``start`` when none does."""
    line = text.rfind("\n", 0, start) + 1
    if line < start and _SCRAPE_DATE.fullmatch(text, line, start):
        start = line  # the scrape's date glued before the dateline, split off as a sentence of its own
    m = _DATELINE_CAPS.match(text, start, end)
    if m and _is_dateline(m):
        return m.end()
    m = _DATELINE_COLON.match(text, start, end)
    return m.end() if m else start


def colon_dateline_places(text: str, window: int = DATELINE_WINDOW) -> list[tuple[int, int]]:
    """Character ranges of the place in title-case colon datelines ("Brussels: ..."); countries left to the caller."""
    return [m.span("place") for m in _DATELINE_COLON.finditer(text, 0, min(window, len(text)))]


"""Time expressions: find them in a sentence and normalise them to intervals.

Every value is an inclusive ISO interval ``[start, end]`` with a granularity
(day | week | month | quarter | year | decade | range | open).

Anchoring follows news convention and never guesses:

* Relative expressions ("on Friday", "in April", "last year") are resolved
  against the publication date (the *anchor*).  A weekday means the most
  recent such day on or before publication ("on Friday" in a paper published
  on a Friday is that day); a month or day-of-month without a year means the
  most recent one not after publication.
* Absolute expressions ("in 2014", "September 2023", "the early 1990s") need
  no anchor and are ``anchored=True`` even without a publication date.
* A year named by reference ("in March of that year", "later that year", "the
  following year") takes the year of the last dated expression before it in
  its paragraph, not the publication's; with none, it stays unanchored.
* Without an anchor, a relative expression keeps its text and granularity,
  ``start``/``end`` stay None and ``anchored`` is False.  "since September
  2023" without an anchor keeps its known start and an open (None) end.

The lexicon (month and weekday names, decade parts, number words) is in
``data/timex.yaml`` (read by ``timex_lexicon.py``); the patterns are compiled once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from .model import TimeValue
from .timex_context import bare_month_year
from .timex_lexicon import (
    Interval,
    Lexicon,
    alternation,
    lexicon,
    month_interval,
    recent_weekday,
    safe_date,
    year_interval,
)

# --- the point grammar -------------------------------------------------------
# A "point" is an expression that denotes one interval; "since X", "between X
# and Y" and "from X to Y" are built from points.


@dataclass(frozen=True, slots=True)
class _Point:
    interval: Interval | None  # None: relative and no anchor
    granularity: str
    absolute: bool


class _Grammar:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        month = alternation(lex.months)
        wday = alternation(lex.weekdays)
        dpart = alternation(lex.decade_parts)
        ypart = alternation(lex.year_parts)
        quarter = alternation(lex.quarters)
        number = alternation(lex.numbers)
        mpart = alternation(lex.month_parts) or r"(?!)"
        year = r"(?:19|20)\d\d(?![\d,.]\d)"
        day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        # Each alternative is tried in order and the longest match wins.
        self.point_patterns: list[tuple[re.Pattern[str], Callable[[re.Match[str], date | None], _Point | None]]] = [
            (re.compile(rf"(?P<m>{month})\.?\s+(?P<d>{day}),?\s+(?P<y>{year})\b", re.I), self._full_date),
            (re.compile(rf"(?P<d>{day})\s+(?:of\s+)?(?P<m>{month})\.?,?\s+(?P<y>{year})\b", re.I), self._full_date),
            (re.compile(rf"(?P<m>{month})\.?\s+(?P<d>{day})\b(?!\s*,?\s*\d)", re.I), self._day_month),
            # "4 June, 9 and 30 July": a following number is a year only when it looks like one
            (re.compile(rf"(?P<d>{day})\s+(?:of\s+)?(?P<m>{month})\b(?!\.?,?\s+(?:19|20)\d\d)", re.I), self._day_month),
            (re.compile(rf"(?:(?P<part>{ypart})[- ](?:in\s+)?)?(?P<m>{month})\.?,?\s+(?:of\s+)?(?:(?P<y>{year})\b|(?P<yrel>this|last|next)\s+year\b)", re.I), self._month_year),
            (re.compile(rf"(?:the\s+)?(?:(?P<part>{dpart})[- ])?(?P<dec>(?:19|20)\d0)['’]?s\b", re.I), self._decade),
            (re.compile(rf"(?:the\s+)?(?P<q>{quarter})(?:\s+quarter)?\s+(?:of\s+)?(?:(?P<y>{year})|(?P<rel>this|last|next)\s+year)\b", re.I), self._quarter),
            (re.compile(rf"(?:the\s+)?(?P<part>{ypart})[- ](?:of\s+)?(?P<y>{year})\b", re.I), self._year_part),
            (re.compile(rf"(?P<part>{ypart})\s+(?P<rel>this|last|next)\s+year\b", re.I), self._rel_year_part),
            (re.compile(r"(?:earlier\s+|later\s+)?(?P<rel>last|this|next|past|previous|the\s+previous|the\s+past)\s+(?P<unit>year|month|week)\b", re.I), self._relative),
            (re.compile(rf"(?P<n>\d+|{number})\s+(?P<unit>year|month|week|day)s?\s+ago\b", re.I), self._ago),
            (re.compile(r"\b(?P<word>yesterday|today)\b", re.I), self._yesterday),
            (re.compile(rf"(?:(?P<rel>last|this|past)\s+)?(?P<w>{wday})\b", re.I), self._weekday),
            # the full stop belongs to an abbreviation ("Sept."), never to a full name ("in May.")
            # "mid-October", "early March": a part of the month still dates the month
            (re.compile(rf"(?:(?P<rel>last)\s+|(?P<part>{mpart})[- ])?(?P<m>{month})\b(?:(?<![Mm]ay)(?<=\b\w{{3}})\.|(?<=\bsept)\.)?", re.I), self._month),
            (re.compile(rf"(?P<y>{year})\b", re.I), self._year),
        ]
        point_src = "|".join(f"(?:{p.pattern})" for p, _ in self.point_patterns)
        # Named groups repeat across alternatives, so composite patterns only
        # *locate* the points (unnamed copy); the points are re-parsed alone.
        self._point_loose = re.sub(r"\(\?P<\w+>", "(?:", point_src)
        prep = alternation(lex.prepositions)
        # a whole word only: "US$395 million last year" must not read the end of "million" as "on"
        self.prep_re = re.compile(rf"\b(?:{prep})\s+$", re.I)
        # "between April and October last year": a trailing year qualifier dates both ends
        self.range_re = re.compile(
            rf"\b(?:between\s+(?P<a>{self._point_loose})\s+and\s+(?P<b>{self._point_loose})"
            rf"|from\s+(?P<c>{self._point_loose})\s+(?:to|until|through|till)\s+(?P<d>{self._point_loose}))"
            rf"(?:,?\s+(?:of\s+)?(?:(?P<qrel>this|last|next)\s+year|(?P<qy>{year})\b))?",
            re.I,
        )
        self.since_re = re.compile(rf"\bsince\s+(?P<a>{self._point_loose})", re.I)
        # "in March of that year", "later that year", "the following year": a year named by reference
        ref = "|".join(r"\s+".join(map(re.escape, k.split())) for k in sorted(lex.year_references, key=len, reverse=True))
        self.year_ref_re = re.compile(
            rf"\b(?:(?P<part>{ypart})\s+(?:in\s+)?|(?P<m>{month})\.?\s+(?:(?P<d>{day})\s+)?(?:of\s+)?|(?:earlier|later)\s+(?:in\s+)?)?"
            rf"(?P<ref>{ref})\s+year\b", re.I) if ref else None
        self.point_res = [(re.compile(rf"\b(?:{p.pattern})", re.I), fn) for p, fn in self.point_patterns]
        periods = "|".join(r"\s+".join(map(re.escape, k.split())) for k in sorted(lex.period_references, key=len, reverse=True))
        self.period_ref_re = re.compile(rf"\b(?:{periods})\b", re.I) if periods else None

    # point handlers: return None to reject a match (e.g. "may" the modal)

    def _full_date(self, m: re.Match[str], anchor: date | None) -> _Point | None:
        d = safe_date(int(m["y"]), self.lex.months[m["m"].lower()], int(re.sub(r"\D", "", m["d"])))
        return _Point((d, d, "day"), "day", True) if d else None

    def _day_month(self, m: re.Match[str], anchor: date | None) -> _Point | None:
        if not m["m"][0].isupper():
            return None
        month, day_ = self.lex.months[m["m"].lower()], int(re.sub(r"\D", "", m["d"]))
        if anchor is None:
            return _Point(None, "day", False)
        d = safe_date(anchor.year, month, day_)
        if d is None:
            return None
        if d > anchor:
            d = safe_date(anchor.year - 1, month, day_)
        return _Point((d, d, "day"), "day", True) if d else None

    def _month_year(self, m: re.Match[str], anchor: date | None) -> _Point | None:
        # "November last year": the year is publication's, never the text's last one ("may next year": modal)
        if m["yrel"] and (anchor is None or not m["m"][0].isupper()):
            return _Point(None, "month", False) if m["m"][0].isupper() else None
        month = self.lex.months[m["m"].lower()]
        year = int(m["y"]) if m["y"] else anchor.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
        # "mid-October 2017", "early March 2019": the part narrows the month, which still dates it (rejecting
        # the match left "October" to be read as the most recent October and "2017" as a year of its own)
        return _Point(month_interval(year, month), "month", True)

    def _decade(self, m: re.Match[str], anchor: date | None) -> _Point:
        first = int(m["dec"])
        lo, hi = self.lex.decade_parts[m["part"].lower()] if m["part"] else (0, 9)
        return _Point((date(first + lo, 1, 1), date(first + hi, 12, 31), "decade"), "decade", True)

    def _quarter(self, m: re.Match[str], anchor: date | None) -> _Point | None:
        q = self.lex.quarters[m["q"].lower()]
        if m["y"]:
            year = int(m["y"])
        elif anchor is None:
            return _Point(None, "quarter", False)
        else:
            year = anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        first_month = 3 * (q - 1) + 1
        return _Point((date(year, first_month, 1), month_interval(year, first_month + 2)[1], "quarter"), "quarter", True)

    def _year_part_interval(self, part: str, year: int) -> Interval:
        lo, hi = self.lex.year_parts[part.lower()]
        return date(year, lo, 1), month_interval(year, hi)[1], "month"

    def _year_part(self, m: re.Match[str], anchor: date | None) -> _Point:
        return _Point(self._year_part_interval(m["part"], int(m["y"])), "month", True)

    def _rel_year_part(self, m: re.Match[str], anchor: date | None) -> _Point:
        if anchor is None:
            return _Point(None, "month", False)
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        return _Point(self._year_part_interval(m["part"], year), "month", True)

    def _relative(self, m: re.Match[str], anchor: date | None) -> _Point:
        unit = m["unit"].lower()
        if anchor is None:
            return _Point(None, unit, False)
        rel = m["rel"].lower().split()[-1]
        shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[rel]
        if m.group(0).lower().startswith("earlier") and rel == "this":
            # "earlier this month": from the start of the period to publication
            start = {"year": date(anchor.year, 1, 1), "month": anchor.replace(day=1),
                     "week": anchor - timedelta(days=anchor.weekday())}[unit]
            return _Point((start, anchor, unit), unit, True)
        if unit == "year":
            return _Point(year_interval(anchor.year + shift), "year", True)
        if unit == "month":
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
            return _Point(month_interval(y, mo + 1), "month", True)
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
        return _Point((monday, monday + timedelta(days=6), "week"), "week", True)

    def _ago(self, m: re.Match[str], anchor: date | None) -> _Point:
        unit = m["unit"].lower()
        gran = "day" if unit == "day" else unit
        if anchor is None:
            return _Point(None, gran, False)
        n = int(m["n"]) if m["n"].isdigit() else self.lex.numbers[m["n"].lower()]
        if unit == "year":
            return _Point(year_interval(anchor.year - n), "year", True)
        if unit == "month":
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
            return _Point(month_interval(y, mo + 1), "month", True)
        if unit == "week":
            monday = anchor - timedelta(days=anchor.weekday()) - timedelta(weeks=n)
            return _Point((monday, monday + timedelta(days=6), "week"), "week", True)
        d = anchor - timedelta(days=n)
        return _Point((d, d, "day"), "day", True)

    def _yesterday(self, m: re.Match[str], anchor: date | None) -> _Point:
        if anchor is None:
            return _Point(None, "day", False)
        d = anchor - timedelta(days=1 if m["word"].lower() == "yesterday" else 0)
        return _Point((d, d, "day"), "day", True)

    def _weekday(self, m: re.Match[str], anchor: date | None) -> _Point | None:
        if not m["w"][0].isupper():
            return None
        if anchor is None:
            return _Point(None, "day", False)
        d = recent_weekday(self.lex.weekdays[m["w"].lower()], anchor, strictly_before=bool(m["rel"]) and m["rel"].lower() == "last")
        return _Point((d, d, "day"), "day", True)

    def _month(self, m: re.Match[str], anchor: date | None) -> _Point | None:
        word = m["m"]
        # A bare month must look like a name: capitalised, a full name (so
        # "Mar"/"Jan" as words and the modal "may" are not months).
        if not word[0].isupper() or (len(word) <= 3 and word.lower() != "may") or word == "May" and not self._may_ok(m):
            return None
        if self._inside_name(m):
            return None
        month = self.lex.months[word.lower()]
        if anchor is None:
            return _Point(None, "month", False)
        if self._forward(m):
            # "expires by May", "next March": the coming month, not the last one
            nxt = m.string[max(0, m.start() - 5):m.start()].lower().startswith("next")
            year = anchor.year + (1 if month < anchor.month or (nxt and month == anchor.month) else 0)
            return _Point(month_interval(year, month), "month", True)
        # "last August" names the August of the year before publication (news style);
        # a bare month is the most recent one
        year = anchor.year - 1 if m["rel"] else bare_month_year(month, m.string, m.start(), anchor)
        return _Point(month_interval(year, month), "month", True)

    def _inside_name(self, m: re.Match[str]) -> bool:
        # "the Arduous March", "Long March": a capitalised word before a bare month
        # inside a sentence makes the month part of a name, not a date
        if m["rel"]:
            return False
        before = m.string[max(0, m.start() - 40):m.start()]
        w = re.search(r"([A-Z][\w’'-]*)\s+$", before)
        if w is None or w.group(1).lower() in self.lex.name_exempt:
            return False
        head = before[:w.start()].rstrip()
        return bool(head) and head[-1] not in ".!?:;\"“”(\n"

    def _forward(self, m: re.Match[str]) -> bool:
        before = m.string[max(0, m.start() - 8):m.start()].lower()
        return bool(re.search(r"\b(?:by|next)\s+$", before)) and not m["rel"]

    @staticmethod
    def _may_ok(m: re.Match[str]) -> bool:
        # "May" the month follows a preposition; "May" the modal starts a clause.
        before = m.string[max(0, m.start() - 12):m.start()].lower()
        return bool(re.search(r"\b(in|since|until|by|of|early|late|mid|last|and|to|from|during|between)\s+$", before))

    def _year(self, m: re.Match[str], anchor: date | None) -> _Point:
        return _Point(year_interval(int(m["y"])), "year", True)

    # locating and normalising

    def point_at(self, text: str, start: int, end: int, anchor: date | None) -> tuple[int, _Point] | None:
        """The longest point expression starting exactly at ``start`` (and ending by ``end``)."""
        best: tuple[int, _Point] | None = None
        for rx, fn in self.point_res:
            m = rx.match(text, start, end)
            if not m:
                continue
            p = fn(m, anchor)
            if p is not None and (best is None or m.end() > best[0]):
                best = (m.end(), p)
        return best


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar(lexicon())


def _value(text: str, p: _Point) -> TimeValue:
    if p.interval is None:
        return TimeValue(text, None, None, p.granularity, anchored=False)
    s, e, g = p.interval
    return TimeValue(text, s.isoformat(), e.isoformat(), g, anchored=True)


def _composite(g: _Grammar, text: str, m: re.Match[str], anchor: date | None) -> TimeValue | None:
    span = text[m.start():m.end()]
    if m.re is g.since_re:
        a = g.point_at(text, m.start("a"), m.end("a"), anchor)
        if a is None:
            return None
        pa = a[1]
        start = pa.interval[0].isoformat() if pa.interval else None
        if anchor is None or pa.interval is None:
            return TimeValue(span, start, None, "open", anchored=False)
        return TimeValue(span, start, anchor.isoformat(), "open", anchored=True)
    ka, kb = ("a", "b") if m.group("a") else ("c", "d")
    qualified = _qualifier_year(m, anchor)
    if qualified is not None:
        anchor = date(qualified, 12, 31)
    b = g.point_at(text, m.start(kb), m.end(kb), anchor)
    if b is None:
        return None
    # The first end point is resolved relative to the second ("between
    # November and February" published in April: Nov of the previous year).
    b_end = b[1].interval[1] if b[1].interval else None
    a = g.point_at(text, m.start(ka), m.end(ka), b_end if b_end else anchor)
    if a is None:
        return None
    if a[1].interval is None or b[1].interval is None:
        return TimeValue(span, None, None, "range", anchored=False)
    return TimeValue(span, a[1].interval[0].isoformat(), b[1].interval[1].isoformat(), "range", anchored=True)


def _qualifier_year(m: re.Match[str], anchor: date | None) -> int | None:
    """The year named after a range ("... last year", "... 2019"), if any."""
    if m.group("qy"):
        return int(m.group("qy"))
    rel = (m.group("qrel") or "").lower()
    if not rel or anchor is None:
        return None
    return anchor.year + {"this": 0, "last": -1, "next": 1}[rel]


def find_times(text: str, start: int = 0, end: int | None = None, anchor: date | None = None) -> list[tuple[int, int, TimeValue]]:
    """Time expressions in ``text[start:end]`` as (start, end, TimeValue), non-overlapping, in order.

    A leading preposition that matters ("since", "between", "in", "on") is part of the span.
    """
    g = _grammar()
    end = len(text) if end is None else end
    found: list[tuple[int, int, TimeValue]] = []
    for rx in (g.range_re, g.since_re):
        for m in rx.finditer(text, start, end):
            tv = _composite(g, text, m, anchor)
            if tv is not None:
                found.append((m.start(), m.end(), tv))
    def with_prep(s: int) -> int:
        prep = g.prep_re.search(text, max(start, s - 24), s)
        return prep.start() if prep else s

    if g.year_ref_re is not None:
        for m in g.year_ref_re.finditer(text, start, end):
            if not (m["m"] and not m["m"][0].isupper()):
                s = with_prep(m.start())
                found.append((s, m.end(), _year_reference(g, text, s, m, anchor)))
    if g.period_ref_re is not None:
        for m in g.period_ref_re.finditer(text, start, end):
            s = with_prep(m.start())
            found.append((s, m.end(), _period_reference(text, s, m.end(), anchor)))
    for rx, fn in g.point_res:
        for m in rx.finditer(text, start, end):
            p = fn(m, anchor)
            if p is not None:
                s = with_prep(m.start())
                found.append((s, m.end(), _value(text[s:m.end()], p)))
    # Longest wins; ties go to the earliest.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    chosen: list[tuple[int, int, TimeValue]] = []
    for f in found:
        if all(f[1] <= c[0] or f[0] >= c[1] for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f[0])


_YEAR_DIGITS = re.compile(r"\b(?:1[89]|20)\d\d\b")
_LABEL_BEFORE = re.compile(r"([\w.]+)\s+\d+\s*\(\s*$")


def labels_a_document(text: str, start: int, end: int) -> bool:
    """Whether the time at ``text[start:end]`` is the bracketed year of a numbered document ("Resolution 2270
    (2016)"): the year the document is named by, which dates its adoption only where nothing else does."""
    before = _LABEL_BEFORE.search(text, max(0, start - 40), start)
    return (before is not None and before.group(1).lower() in _grammar().lex.numbered_documents
            and _YEAR_DIGITS.fullmatch(text[start:end].strip()) is not None and text[end:end + 1] == ")")

# How far back "that year" looks for the year it names: its paragraph, within this many characters.
YEAR_REFERENCE_WINDOW = 1200


def _earlier_times(text: str, pos: int, anchor: date | None) -> list[tuple[int, int, TimeValue]]:
    """The time expressions before ``pos`` in its paragraph (within the window), nearest first."""
    para = text.rfind("\n\n", 0, pos)
    lo = max(para + 2 if para >= 0 else 0, pos - YEAR_REFERENCE_WINDOW)
    return list(reversed(find_times(text, lo, pos, anchor)))


def _context_year(text: str, pos: int, anchor: date | None) -> int | None:
    """The year of the last dated expression before ``pos`` in its paragraph (or of "since 2019"), or None."""
    for _s, _e, tv in _earlier_times(text, pos, anchor):
        if not tv.anchored or tv.start is None:
            continue
        if tv.granularity in ("day", "month") and not _YEAR_DIGITS.search(text, _s, _e):
            continue  # "on Dec. 17" took its year from the publication date, not from the story
        if tv.granularity == "open" or tv.end is None or tv.start[:4] == tv.end[:4]:
            return int(tv.start[:4])
    return None


def _period_reference(text: str, s: int, e: int, anchor: date | None) -> TimeValue:
    """"during this period": the interval of the last dated expression before it in its paragraph."""
    for _s, _e, tv in _earlier_times(text, s, anchor):
        if tv.anchored and tv.start is not None and tv.end is not None:
            return TimeValue(text[s:e], tv.start, tv.end, tv.granularity, anchored=True)
    return TimeValue(text[s:e], None, None, "range", anchored=False)


def _year_reference(g: _Grammar, text: str, s: int, m: re.Match[str], anchor: date | None) -> TimeValue:
    span = text[s:m.end()]
    month = g.lex.months[m["m"].lower()] if m["m"] else None
    granularity = "day" if m["d"] else "month" if month else "year"
    base = _context_year(text, s, anchor)
    if base is None:
        return TimeValue(span, None, None, granularity, anchored=False)
    year = base + g.lex.year_references[" ".join(m["ref"].lower().split())]
    if month and m["d"]:
        # "on Dec. 17 of the same year"
        day = safe_date(year, month, int(re.sub(r"\D", "", m["d"])))
        if day is None:
            return TimeValue(span, None, None, granularity, anchored=False)
        lo = hi = day
    elif month:
        lo, hi, _ = month_interval(year, month)
    elif m["part"]:
        lo, hi, _ = g._year_part_interval(m["part"], year)
    else:
        lo, hi, _ = year_interval(year)
    return TimeValue(span, lo.isoformat(), hi.isoformat(), granularity, anchored=True)


def normalise_time(text: str, anchor: date | None = None) -> TimeValue | None:
    """Normalise one time expression (e.g. "since September 2023"); None when it is not one.

    The whole text must be a time expression, optionally with a leading preposition.
    """
    stripped = text.strip()
    hits = find_times(stripped, 0, len(stripped), anchor)
    if len(hits) == 1 and hits[0][0] == 0 and hits[0][1] == len(stripped.rstrip(".,;")):
        return hits[0][2]
    return None

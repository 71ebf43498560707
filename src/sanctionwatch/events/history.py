"""Events that are history, not news: retold wars, colonial rule, decades-old incidents.

State media (and background paragraphs of any report) retell old events in the
present report: the Korean War, "in the 1950s", a 1968 seizure.  Undated, such
an event would be placed by the linker in the weeks before the report and join
current cases.  An event is *historical* when the time it happened ends more
than ``history.after_days`` (data/taxonomy.yaml) before its report.  That time
is, in order:

1. its own time expression (:mod:`.timing`), when it has one;
2. a named past period in the trigger's clause ("during the Korean War"), from
   ``history.periods``: the event takes the period as its time, with a time
   argument on the name;
3. the narrative's time: the nearest earlier time expression that states its
   year ("On June 25, 1950, ...", "in May 1951 ... that the forces were
   deployed"), in this sentence or the previous ones of its paragraph, when
   the sentence has no word that brings the story to the present ("now",
   "since").  The event takes that time: a retelling is dated by its story.

An event inside "the Nth anniversary of ..." happened N years before the report.
2 and 3 hold only for an event told in the past tense: "has been violating",
"regularly conduct" and "allows a country to seize" speak of the present.

A year-less date ("on June 28") resolves to the report's year and never
starts a narrative.  One way to tell history from news: the event's time,
which the linker already reads (two events far apart in time never link).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc, Token

from ..model import Argument, TimeValue
from ..timex import find_times

Found = tuple[int, int, TimeValue]

# how far back a narrative is read, and where a paragraph ends (a blank line, or the ", ," KCNA's
# scrape leaves between paragraphs)
_LOOKBACK_CHARS = 800
_PARAGRAPH = re.compile(r"\n\s*\n|,\s+,")
_STATED_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d(?:s)?\b")


@dataclass(frozen=True, slots=True)
class Period:
    names: tuple[str, ...]  # lower-case
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class HistoryRules:
    after_days: int
    present_words: frozenset[str]
    periods: tuple[Period, ...]
    pattern: re.Pattern[str] | None  # any period name, whole words, case-insensitive

    def period_of(self, name: str) -> Period | None:
        key = " ".join(name.lower().split())
        return next((p for p in self.periods if key in p.names), None)


def parse_history(raw: dict[str, Any] | None) -> HistoryRules:
    raw = raw or {}
    periods = tuple(
        Period(tuple(" ".join(str(n).lower().split()) for n in p.get("names") or ()), str(p["start"]), str(p["end"]))
        for p in raw.get("periods") or ())
    names = sorted({n for p in periods for n in p.names}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) + r")\b", re.I) if names else None
    return HistoryRules(
        after_days=int(raw.get("after_days", 730)),
        present_words=frozenset(str(w).lower() for w in raw.get("present_words") or ()),
        periods=periods,
        pattern=pattern,
    )


def is_past(time: TimeValue | None, published: date | None, rules: HistoryRules) -> bool:
    """Whether ``time`` ends more than ``after_days`` before the report."""
    if time is None or published is None or not time.anchored or not time.end:
        return False
    try:
        end = date.fromisoformat(time.end[:10])
    except ValueError:
        return False
    return end < published - timedelta(days=rules.after_days)


def named_period(text: str, clause: tuple[int, int], rules: HistoryRules) -> tuple[Argument, TimeValue] | None:
    """A named past period in the trigger's clause, as a time argument and the period's time."""
    if rules.pattern is None:
        return None
    m = rules.pattern.search(text, clause[0], clause[1])
    if m is None:
        return None
    period = rules.period_of(m.group(0))
    if period is None:
        return None
    return (Argument("time", m.start(), m.end(), m.group(0)),
            TimeValue(m.group(0), period.start, period.end, "range", anchored=True))


_PAST_AUX = frozenset({"had", "was", "were", "did"})
_NONFINITE = frozenset({"VB", "VBG", "VBN"})


def told_in_past(trigger: Token) -> bool:
    """Whether the clause that tells the event is in the past tense ("deployed", "was shipped", "had
    sold"): a retelling is; "has been violating", "regularly conduct", "allows ... to seize" are not."""
    t = trigger
    while True:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl"):
            aux = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            if t.tag_ == "VBD" or aux & _PAST_AUX:
                return True
            if t.tag_ == "VBN" and not aux and (t.head.i == t.i or t.dep_ == "conj"):
                return True  # a finite past verb the tagger took for a participle ("The invaders kidnapped or ...")
            if t.tag_ not in _NONFINITE or aux:
                return False
        if t.head.i == t.i:
            return False
        t = t.head


_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.I)


def anniversary_time(trigger: Token, published: date | None) -> TimeValue | None:
    """"the 50th anniversary of the guidance of the military training": the event is as many years before
    the report as the anniversary counts."""
    if published is None:
        return None
    t = trigger
    for _ in range(4):  # trigger <- of <- anniversary (through a noun or two: "of the start of the war")
        if t.head.i == t.i:
            return None
        t = t.head
        if t.lemma_.lower() == "anniversary":
            for c in t.children:
                m = _ORDINAL.match(c.text)
                if m and c.dep_ in ("amod", "nummod", "compound"):
                    year = published.year - int(m.group(1))
                    return TimeValue(f"{c.text} anniversary", f"{year:04d}-01-01", f"{year:04d}-12-31", "year", True)
            return None
    return None


def narrative_time(text: str, block_start: int, sentence: tuple[int, int], trigger_at: int,
                   published: date | None, rules: HistoryRules, doc: Doc) -> TimeValue | None:
    """The time of the story the sentence is part of: the nearest earlier expression that states its year,
    back to the paragraph's start; None when the sentence speaks of the present.  ``doc`` is the block's
    parse: a year inside a relative clause is passed over: it dates what the clause tells of its noun
    ("the bank, which in 2013 was added to a list"), not the story."""
    words = set(re.findall(r"[a-z]+", text[sentence[0]:sentence[1]].lower()))
    if words & rules.present_words:
        return None
    lo = max(block_start, sentence[0] - _LOOKBACK_CHARS)
    breaks = [m.end() for m in _PARAGRAPH.finditer(text, lo, trigger_at)]
    lo = breaks[-1] if breaks else lo
    stated = [f for f in find_times(text, lo, trigger_at, published)
              if _STATED_YEAR.search(f[2].text) and not _in_relative_clause(doc, f[0] - block_start, f[1] - block_start)]
    return stated[-1][2] if stated else None


def _in_relative_clause(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    while t.head.i != t.i:
        if t.dep_ == "relcl":
            return True
        t = t.head
    return False

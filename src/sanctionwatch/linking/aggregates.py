"""Aggregates: a year's total of one-victim acts, or a series of acts, is a statistic, not an incident.

"the group's hackers took $900 million over 2022" or "more than all the thefts of last year put
together" sums every theft of a year.  Its own date is a calendar year, which the time scoring
reads as a coarse date of one act (a multi-year period is already a tally there, :mod:`.evidence`); so
the total overlapped every theft of that year and any other report of a year's total, and joined
whichever theft case was near.  A total names no victim of its own: the acts of
``single_incident_types`` happen to one victim, and a year of them to many.

Only a year that ends shortly before the report counts: statistics give the current or the last year,
while a single old act is often named by its year alone ("the 2019 theft from the exchange", reported
five years on) and stays an incident.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

from ..model import Document, Event
from .evidence import TALLY_DAYS, day, interval
from .settings import rules
from .victims import specific_victims

# A period this wide or wider is a year (or "the past 12 months"), not the date of one act.
YEAR_DAYS = 300
# ... and it is the figure of the current or the last year when it ends this close before publication.
RECENT_DAYS = 400


def yearly_total(doc: Document, event: Event) -> bool:
    """A one-victim act (``single_incident_types``) dated by a whole recent year and naming no victim of
    its own: the year's total, which the linker leaves out of the cases (no real event to corroborate)."""
    if event.type not in rules().single_incident_types or specific_victims(event):
        return False
    own, published = interval(event), day(doc.published)
    if own is None or published is None or not YEAR_DAYS <= (own[1] - own[0]).days <= TALLY_DAYS:
        return False  # a multi-year tally is the time scoring's (it may be a case of its own)
    return own[1] >= published - timedelta(days=RECENT_DAYS)


# "one more in a run of handovers at sea", "a spate of missile launches": a noun of many occurrences
# before the trigger (data/linking.yaml ``series_nouns``), with at most a few modifiers between them.
_SERIES_GAP_WORDS = 3


@lru_cache(maxsize=1)
def _series_pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(rules().series_nouns, key=len, reverse=True)) or r"(?!)"
    return re.compile(rf"\b(?:{nouns})\s+of\s+(?:[\w-]+\s+){{0,{_SERIES_GAP_WORDS}}}$", re.IGNORECASE)


def series_mention(doc: Document, event: Event) -> bool:
    """A mention of many occurrences at once ("another in a series of thefts", "a spate of launches"): the
    series, not one of its acts; like a year's total, it corroborates no single event."""
    start = event.trigger.start
    lead = doc.text[max(0, start - 80):start]
    return bool(_series_pattern().search(lead.replace("\n", " ")))


def aggregate(doc: Document, event: Event) -> bool:
    """A year's total (:func:`yearly_total`) or a series (:func:`series_mention`): no incident of its own."""
    return yearly_total(doc, event) or series_mention(doc, event)

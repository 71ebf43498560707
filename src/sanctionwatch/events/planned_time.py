"""A planned event's bare month is the coming one.

A month without a year is read as the most recent one ("the launch in August", published in July 2023, is
August 2022), which is right for what happened; for what is planned, expected or vowed it is the coming August ("plans
to launch a satellite in August", published in July 2023, is August 2023).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Token

from ..model import TimeValue
from ..timex_context import narrative_year
from ..timex_lexicon import month_interval

_DIGIT_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _past_form(trigger: Token) -> bool:
    """"may have entered", "could have been launched", "launched": a verb in a past form tells of the past,
    however hedged."""
    return trigger.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" for c in trigger.children)


def planned_time(time: TimeValue | None, modality: str, trigger: Token, text: str, at: int,
                 anchor: date | None) -> TimeValue | None:
    """``time`` moved a year on where a hypothetical event's bare month (its text at ``at``) was read as last
    year's: the month after publication in the year before it, with no past year set by the story around it."""
    if (time is None or anchor is None or modality != "hypothetical" or _past_form(trigger) or time.granularity != "month"
            or time.start is None or _DIGIT_YEAR.search(time.text)):
        return time
    start = date.fromisoformat(time.start)
    if start.year != anchor.year - 1 or start.month <= anchor.month or narrative_year(text, at, anchor) is not None:
        return time
    s, e, _ = month_interval(anchor.year, start.month)
    return replace(time, start=s.isoformat(), end=e.isoformat())

"""Whether two extracted events are one real event: the weighted field evidence (see :mod:`.evidence`)."""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from ..model import Event
from .evidence import (ANY_CONTEXT, TALLY_DAYS, FieldScores, actor_score, day, interval, item_score, quantity_score,
                       rules, time_score)
from .phases import phases_differ
from .taxonomy import taxonomy

LINK_THRESHOLD = 0.5
# A pair this strong (actors, date, figure and goods all agreeing) is one event by itself: an event that
# scores so with one member of a case joins it, short of a hard conflict (a 0) with any other member,
# however many weak generic mentions in the case average it below LINK_THRESHOLD (clustering).
STRONG_LINK_SCORE = 0.75
# The weights of actors, time, quantity and item in a pair's score, and the factor a soft time conflict
# (a time score below SOFT_TIME) puts on it.
WEIGHTS = (0.45, 0.25, 0.15, 0.15)
SOFT_TIME, SOFT_CONFLICT = 0.2, 0.6
# The most a pair with a time score below SOFT_TIME can score (every other field perfect): below the
# threshold, so the clustering never needs to compare events whose dates are that far apart (blocking).
FAR_SCORE_BOUND = SOFT_CONFLICT * (WEIGHTS[0] + WEIGHTS[1] * SOFT_TIME + WEIGHTS[2] + WEIGHTS[3])
# Kept for the incremental update's blocking: the default of data/linking.yaml.
UNDATED_WINDOW_DAYS = 45
# How far before its publication an undated event's reported time can move its window (reported_by);
# the incremental update's blocking widens its window by as much.
REPORTED_MAX_LAG_DAYS = 120


@lru_cache(maxsize=4096)  # pure over the (cached) taxonomy, and asked millions of times while clustering
def type_score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return 0.7 if taxonomy().related(a, b) or frozenset((a, b)) in rules().related_types else 0.0


def evidence(a: Event, b: Event, *, published_a: str | None = None, published_b: str | None = None,
             same_story: bool = False, context_a: frozenset[str] = frozenset(),
             context_b: frozenset[str] = frozenset()) -> FieldScores:
    """The field-by-field evidence that two events are one real event, and its weighted score in [0, 1].

    0 means incompatible: unrelated types, conflicting canonical actors, dates
    (their own, or implied by publication for undated events) apart, exact
    figures or kinds of goods that disagree.  Missing fields score low, not
    neutral, so two events need positive evidence to link: an undated event
    links only when parties, figures or goods agree as well.  Pure: depends
    only on the two events and their articles' publication dates.

    ``context_a``/``context_b``: canonical actors named in each event's sentence, the weaker evidence
    used for an event without party arguments.
    ``same_story``: the two articles are copies of one text (syndication), so
    their dates disagree only because a copy's relative dates resolve against
    its own (re-posting) date; time then counts as a coarse agreement.
    """
    t = type_score(a.type, b.type)
    if t == 0 or phases_differ(a, b):
        return FieldScores(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    actors = actor_score(a, b, context_a, context_b)
    time = time_score(a, b, reported_by(a, published_a), reported_by(b, published_b))
    if same_story:
        time = max(time, 0.6)
    quantity = quantity_score(a, b)
    if time == 0 and quantity == 1.0 and _one_tally_one_undated(a, b):
        # "58 cyberattacks" without its period is the tally "58 cyberattacks between 2017 and 2023":
        # the same total is the same count, whenever it is repeated
        time = 0.4
    item = item_score(a, b)
    parts = tuple(zip(WEIGHTS, (actors, time, quantity, item)))
    if any(score == 0 for _, score in parts):
        score = 0.0
    else:
        # A soft time conflict (episodes of a flow months apart) outweighs agreeing actors: "prk"
        # is a party to nearly every event in this domain.
        soft_conflict = SOFT_CONFLICT if time < SOFT_TIME else 1.0
        score = round(t * soft_conflict * sum(w * s for w, s in parts), 4)
    return FieldScores(t, actors, time, quantity, item, score)


def _one_tally_one_undated(a: Event, b: Event) -> bool:
    ia, ib = interval(a), interval(b)
    if (ia is None) == (ib is None):
        return False
    own = ia or ib
    return (own[1] - own[0]).days > TALLY_DAYS


def reported_by(event: Event, published: str | None) -> str | None:
    """When an undated event was known: the end of the time its sentence reports it at, when that is
    before publication ("In April, Pyongyang thanked Moscow for its veto": the veto came by April), else
    the publication date.  The linker looks for an undated event in the window before this day."""
    rep = event.reported
    if event.time is not None or rep is None or not rep.anchored or not rep.end or not published:
        return published
    pub = day(published)
    if pub is None:
        return published
    earliest = (pub - timedelta(days=REPORTED_MAX_LAG_DAYS)).isoformat()
    return max(earliest, min(published[:10], rep.end[:10]))


def compatible_bound(a: Event, b: Event, *, published_a: str | None = None,
                     published_b: str | None = None) -> float:
    """An upper bound of what the clustering can score for the two events whatever their documents:
    as if they were copies of one text and their sentences named the same actors.  Neighbourhood
    searches (the incremental update) use it, so they never miss a case the full rebuild would join."""
    return evidence(a, b, published_a=published_a, published_b=published_b, same_story=True,
                    context_a=ANY_CONTEXT, context_b=ANY_CONTEXT).score


def compatible(a: Event, b: Event, *, published_a: str | None = None, published_b: str | None = None,
               same_story: bool = False) -> float:
    """How likely two extracted events describe the same real-world event, in [0, 1] (see :func:`evidence`)."""
    return evidence(a, b, published_a=published_a, published_b=published_b, same_story=same_story).score

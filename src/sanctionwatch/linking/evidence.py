"""Field-by-field evidence that two extracted events (of different documents) are one real event.

Each scorer returns a value in [0, 1] where 0 is a hard conflict (the events
cannot be one), and *missing* information scores low rather than neutral: an
undated event is no evidence of a date match, an agentless one no evidence of
an actor match.  :func:`sanctionwatch.linking.scoring.compatible` weighs these scores; the
case keeps them per member as its explanation (:class:`FieldScores`).

Time follows the event's own interval.  An undated event is placed in the
``undated_window_days`` before its article's publication; a denial is dated by
when it was made, so it reaches back over the same window.  Rules and word
lists live in ``data/linking.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..model import Document, Event, Quantity
from .settings import rules
from .states import acting_state
from .victims import one_victim_acts, specific_victims, victims_agree, victims_conflict

PARTY_ROLES = ("agent", "recipient", "partner", "origin", "destination")
CONFLICT_ROLES = ("agent", "recipient")
# Two dated intervals this many days apart still count as overlapping: reports
# of "last week" or "on Tuesday" resolve a few days differently.
TIME_SLACK_DAYS = 3
# A coarse date (a month) this many days from the other date only weighs against a link.
COARSE_SLACK_DAYS = 31
# The actor score of two one-victim acts that name one victim alike (see actor_score): a shared agent's.
SHARED_VICTIM_SCORE = 0.8
# ... and of a one-victim act that names no one at all against one that names its victim: below the
# "nothing can be told" 0.4, so a figure and a loose date alone do not make them one incident.
ANONYMOUS_SCORE = 0.3
SEASON_DAYS = 92  # overlap with a period up to a quarter is still a specific date; a year is not
# A period longer than this (several years) is a tally of many events, not the date of one.
TALLY_DAYS = 366
# Intervals at most this wide are precise dates.
PRECISE_DAYS = 7
QUANTITY_TOLERANCE = 0.2
QUANTITY_TOLERANCE_APPROX = 0.35

# Stands for "whatever actors the sentence names" when bounding a score from above (link.compatible_bound).
ANY_CONTEXT: frozenset[str] = frozenset({"*"})

_WORD = re.compile(r"\w+", re.UNICODE)
_COMPOUND_MODIFIER = re.compile(r"\w+(?:-\w+)+(?=\s+\w)", re.UNICODE)
_ITEM_STOP = frozenset("a an the of and or to for with its their his her some about around over more than".split())


# --------------------------------------------------------------------------
# Time


def interval(event: Event) -> tuple[date, date] | None:
    t = event.time
    if not t or not t.anchored or not t.start:
        return None
    try:
        start = date.fromisoformat(t.start[:10])
        end = date.fromisoformat((t.end or t.start)[:10])
    except ValueError:
        return None
    return (start, end) if end >= start else (end, start)


def day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def is_denial(event: Event) -> bool:
    return event.modality in ("denied", "negated")


def _width(iv: tuple[date, date]) -> int:
    return (iv[1] - iv[0]).days


def _tally(iv: tuple[date, date]) -> bool:
    return _width(iv) > TALLY_DAYS


def _precise(iv: tuple[date, date]) -> bool:
    return (iv[1] - iv[0]).days <= PRECISE_DAYS


def _gap(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two intervals (0 when they overlap)."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def implied_interval(event: Event, published: str | None) -> tuple[date, date] | None:
    """Where an event lies when its own date is missing (or it is a denial): the window before publication."""
    pub = day(published)
    if pub is None:
        return None
    window = timedelta(days=rules().undated_window_days)
    own = interval(event)
    if own and is_denial(event):  # a denial's date is when it was made; what it denies came before
        return own[0] - window, own[1]
    return pub - window, pub + timedelta(days=TIME_SLACK_DAYS)


def effective_interval(event: Event, published: str | None) -> tuple[date, date] | None:
    """The interval :func:`time_score` compares: the event's own (not a denial's), else the implied one."""
    own = None if is_denial(event) else interval(event)
    return own or implied_interval(event, published)


def time_score(a: Event, b: Event, published_a: str | None = None, published_b: str | None = None) -> float:
    """1 for precise dates that agree, 0.6 for a coarse overlap or an undated event whose article's
    window holds the other's date, 0.5 for two undated events reported close in time, 0.4 when nothing
    can be told; 0 when the dates (own or implied) are apart, except for two episodes of one flow
    (``durative_types``), which are only discounted."""
    ia = None if is_denial(a) else interval(a)
    ib = None if is_denial(b) else interval(b)
    ja = effective_interval(a, published_a)
    jb = effective_interval(b, published_b)
    if ja is None or jb is None:
        return 0.4
    durative = a.type in rules().durative_types and b.type in rules().durative_types
    if not durative and _tally(ja) != _tally(jb):
        # A multi-year period of launches or thefts ("since 2006", "between 2017 and 2023") is a tally
        # of many events; it never corroborates one of them.  (A flow's period is its duration.)
        return 0.0
    gap = _gap(ja, jb)
    # The slack is for a day resolved a little differently ("on Tuesday" against the page's own date);
    # two periods of their own that merely touch ("last year" and "this year", March and April) are
    # neighbouring periods, not one.
    slack = 0 if ia and ib and not _precise(ia) and not _precise(ib) else TIME_SLACK_DAYS
    if gap <= slack:
        if ia and ib:
            if _precise(ia) and _precise(ib):
                return 1.0
            return 0.6 if max(_width(ia), _width(ib)) <= SEASON_DAYS else 0.5
        own = ia or ib
        if own:
            # An undated event's window holding the other's own date: a month or a season agrees, a
            # year ("this year") is no better than two undated reports close in time.
            return 0.6 if _width(own) <= SEASON_DAYS else 0.5
        if (generic(a) or generic(b)) and abs((ja[1] - jb[1]).days) > rules().generic_report_days:
            # the windows before two publications weeks apart overlap, but "the hack" reported in
            # each is no more one event than any two thefts of that month
            return 0.15
        return 0.5
    if durative:
        # A flow reported by its episodes: near dates may be one case, far ones weigh against it
        # without ruling it out (the linker discounts scores with a time below 0.2).
        if gap <= rules().durative_slack_days:
            return 0.5
        if gap <= rules().durative_max_gap_days:
            return 0.15
    if _reports_later_event(a, ia, ja, ib) or _reports_later_event(b, ib, jb, ia):
        return 0.0
    if _old_act_reported_again(a, b, ia, ib, published_a, published_b):
        return 0.4
    if not (ia and ib and _precise(ia) and _precise(ib)) and gap <= COARSE_SLACK_DAYS:
        # A month or a season against a day just outside it: "in April" for a late-March vote.
        return 0.15
    return 0.0


def _old_act_reported_again(a: Event, b: Event, ia: tuple[date, date] | None, ib: tuple[date, date] | None,
                            published_a: str | None, published_b: str | None) -> bool:
    """A one-victim act (a theft) left undated by an article published within ``generic_report_days`` of
    one that dates it months back: news of an old theft (its attribution, an arrest) names the theft
    without its date, so the undated window says nothing here; the dates count as unknown (0.4) and the
    victim, figure and goods decide.  Only for an undated report with something of its own to tell it by
    (:func:`generic`), and never for a date after that report (:func:`_reports_later_event`)."""
    if not one_victim_acts(a, b) or (ia is None) == (ib is None) or is_denial(a) or is_denial(b):
        return False
    undated, own = (a, ib) if ia is None else (b, ia)
    pa, pb = day(published_a), day(published_b)
    if own is None or pa is None or pb is None or abs((pa - pb).days) > rules().generic_report_days:
        return False
    return own[1] <= (pa if undated is a else pb) and not _tally(own) and not generic(undated)


def generic(event: Event) -> bool:
    """An event with nothing of its own to tell it by: no party or victim resolved to an actor, no own
    date, no figure, and no denial (whose date is when it was made)."""
    return (interval(event) is None and event.quantity is None and not is_denial(event)
            and not any(arg.entity for arg in event.arguments if arg.role in PARTY_ROLES + ("target",)))


def _reports_later_event(event: Event, own: tuple[date, date] | None, window: tuple[date, date],
                         other_own: tuple[date, date] | None) -> bool:
    """An undated event (no denial) against an event whose own date lies after the article reporting the
    first was published: an article cannot report, undated, what happened only later."""
    return own is None and not is_denial(event) and other_own is not None and other_own[0] > window[1]


# --------------------------------------------------------------------------
# Parties


def parties(event: Event) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for arg in event.arguments:
        if arg.entity and arg.role in PARTY_ROLES:
            out[arg.role].add(arg.entity)
    return out


def canonical(ids: set[str]) -> set[str]:
    return {i for i in ids if not i.startswith("local:")}


def _fold(ids: set[str]) -> set[str]:
    """Each id with the state it acts for (data/linking.yaml ``part_of``, or a country's organ: :mod:`.states`)."""
    return ids | {s for i in ids if (s := acting_state(i)) is not None}


def _states(ids: set[str]) -> set[str]:
    """Each id as the state it acts for, or itself when it acts for none."""
    return {acting_state(i) or i for i in ids}


def actor_score(a: Event, b: Event, context_a: frozenset[str] = frozenset(),
                context_b: frozenset[str] = frozenset()) -> float:
    """0 on a conflict of canonical agents or recipients, or of named victims (:func:`victims_conflict`);
    0.6..1 by shared parties; 0.5 when no party is shared but one side's parties are named in the other's
    sentence, else 0.2; when either names none, 0.55 or 0.3 as the actors named in its sentence
    (``context_*``) meet the other's or not, else 0.4; at least SHARED_VICTIM_SCORE, short of a conflict,
    for one-victim acts that name their victim alike (:func:`victims_agree`)."""
    if victims_conflict(a, b):
        return 0.0
    score = _party_score(a, b, context_a, context_b)
    # One named victim on both sides of a one-victim act ("the theft from Harbourcoin") is who the act
    # was done to: as telling as a shared agent, however the pages name (or leave out) the thieves.
    if score > 0 and victims_agree(a, b):
        return max(score, SHARED_VICTIM_SCORE)
    if _anonymous_against_named_victim(a, b, context_a) or _anonymous_against_named_victim(b, a, context_b):
        # a mention that names no one at all (no party, victim or actor in its sentence) against one
        # that names its victim: nothing ties it to that victim rather than to any other of the season
        return min(score, ANONYMOUS_SCORE)
    return score


def _anonymous_against_named_victim(a: Event, b: Event, context_a: frozenset[str]) -> bool:
    if not one_victim_acts(a, b) or ANY_CONTEXT in context_a:
        return False
    named_a = any(arg.entity for arg in a.arguments if arg.role in PARTY_ROLES + ("target",))
    return not named_a and not context_a and bool(specific_victims(b))


def _party_score(a: Event, b: Event, context_a: frozenset[str], context_b: frozenset[str]) -> float:
    pa, pb = parties(a), parties(b)
    all_a = set().union(*pa.values()) if pa else set()
    all_b = set().union(*pb.values()) if pb else set()
    joint = a.type in rules().joint_agent_types and b.type in rules().joint_agent_types
    for role in CONFLICT_ROLES:
        if joint and role == "agent":
            continue
        ca, cb = _fold(canonical(pa.get(role, set()))), _fold(canonical(pb.get(role, set())))
        # "X sold to Y" and "Y bought from X" put the same parties in swapped roles; that is no conflict
        # (compared state by state: "North Korea's military sold" and "Russia bought from North Korea").
        if ca and cb and not (ca & cb) and not (_states(ca) <= _fold(all_b) and _states(cb) <= _fold(all_a)):
            return 0.0
    if not all_a or not all_b:
        # No party on one side: the actors named in its sentence are weaker evidence.
        if ANY_CONTEXT in (context_a, context_b):
            return 0.55
        side_a = _fold(canonical(all_a) or set(context_a))
        side_b = _fold(canonical(all_b) or set(context_b))
        if side_a and side_b:
            return 0.55 if side_a & side_b else 0.3
        return 0.4
    all_a, all_b = _fold(all_a), _fold(all_b)
    common = all_a & all_b
    if not common:
        # "China and Russia vetoed" parsed with one agent each way: the other's sentence names it.
        if ANY_CONTEXT in (context_a, context_b) or (all_a & _fold(set(context_b))) or (all_b & _fold(set(context_a))):
            return 0.5
        return 0.2
    return 0.6 + 0.4 * len(common) / len(all_a | all_b)


# --------------------------------------------------------------------------
# Quantity and item


def unit(q: Quantity) -> str:
    return q.unit.strip().casefold().rstrip("s")


def quantity_score(a: Event, b: Event) -> float:
    """1 for figures within tolerance, 0 for exact figures that disagree, 0.2 for approximate ones
    that disagree (running tallies of one flow), 0.4 when either has none or the units differ.  Figures
    of one incident (``single_incident_types``) more than ``distinct_figure_ratio`` apart disagree even
    when approximate."""
    qa, qb = a.quantity, b.quantity
    if not qa or not qb or unit(qa) != unit(qb):
        return 0.4
    lo, hi = sorted((abs(qa.value), abs(qb.value)))
    if hi == 0:
        return 1.0
    approximate = qa.approximate or qb.approximate
    tol = QUANTITY_TOLERANCE_APPROX if approximate else QUANTITY_TOLERANCE
    if lo / hi >= 1 - tol:
        return 1.0
    incident = a.type in rules().single_incident_types and b.type in rules().single_incident_types
    if approximate and (not incident or lo * rules().distinct_figure_ratio >= hi):
        return 0.2
    return 0.0


def _normalise_words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def _item_word(w: str) -> str:
    return w.rstrip("s") if len(w) > 3 else w


def _item_texts(event: Event) -> tuple[str, ...]:
    own = tuple(arg.text for arg in event.arguments if arg.role == "item")
    return own or _trigger_goods(event.trigger.text)


@lru_cache(maxsize=65536)
def _trigger_goods(trigger: str) -> tuple[str, ...]:
    """The goods a nominal trigger names in its modifiers ("arms deal", "coal exports", "the arms trade"),
    for an event with no item argument: a report of "talk of an arms bargain" is about arms as much as
    one of "weapons sold".  Only words of a class of goods (``item_classes``) count, never the head."""
    table = rules().item_class
    words = _normalise_words(trigger)
    return tuple(w for w in words[:-1] if table.get(w) or table.get(_item_word(w)))


def _target_texts(event: Event) -> tuple[str, ...]:
    return tuple(arg.text for arg in event.arguments if arg.role == "target")


def item_words(event: Event) -> set[str]:
    return set(_words_of(_item_texts(event)))


@lru_cache(maxsize=65536)  # asked for every pair of events compared; item texts repeat
def _words_of(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_item_word(w) for text in texts for w in _normalise_words(text)
                     if w not in _ITEM_STOP and not w.isdigit())


def item_kinds(event: Event) -> set[str]:
    """The class of goods of each item argument: that of its first classed word, since English puts
    the word that changes the kind first ("armoured cars" are armour, "luxury cars" luxury goods)."""
    return set(_kinds_of(_item_texts(event)))


@lru_cache(maxsize=65536)
def _kinds_of(texts: tuple[str, ...]) -> frozenset[str]:
    table = rules().item_class
    kinds: set[str] = set()
    for text in texts:
        # a hyphenated compound before the noun is a modifier, not the goods ("solid-fuel missile",
        # "armour-piercing shells", "Hwasong-18 missile")
        text = _COMPOUND_MODIFIER.sub(" ", unicodedata.normalize("NFKC", text))
        for w in _normalise_words(text):
            kind = table.get(w) or table.get(_item_word(w))
            if kind:
                kinds.add(kind)
                break
    return frozenset(kinds)


def named_objects(event: Event) -> dict[str, frozenset[str]]:
    """The identifiers its sentence names, by kind (data/linking.yaml ``named_objects``)."""
    span = event.sentence or event.trigger
    return _named_in(span.text) if span else {}


@lru_cache(maxsize=65536)
def _named_in(text: str) -> dict[str, frozenset[str]]:
    return names_objects(text)


def names_objects(text: str) -> dict[str, frozenset[str]]:
    """The identifiers ``text`` names, by kind (uncached: a caller that only asks whether a sentence names
    any need not keep it in the cache)."""
    out: dict[str, frozenset[str]] = {}
    for kind, pattern in rules().named_objects:
        ids = frozenset(n for m in pattern.finditer(text) for g in m.groups() if g for n in re.findall(r"\d+", g))
        if ids:
            out[kind] = ids
    return out


def objects_conflict(a: Event, b: Event) -> bool:
    """Both sentences name objects of one kind (resolution numbers, IMO numbers) and share none."""
    na, nb = named_objects(a), named_objects(b)
    return any(kind in nb and not (ids & nb[kind]) for kind, ids in na.items())


def _covered(kinds: frozenset[str] | set[str]) -> set[str]:
    """The classes of goods ``kinds`` name, with those a general class covers ("weapons": shells, missiles)."""
    covers = rules().item_covers
    return set(kinds).union(*(covers.get(k, frozenset()) for k in kinds))


def item_score(a: Event, b: Event) -> float:
    """1 when the items share a word or a class of goods, 0 when their classes of goods are disjoint
    (cars and armoured vehicles, shells and oil) or their sentences name different objects of one kind
    (resolution 2375 and resolution 2397), 0.35 for unrelated words, 0.4 when either has none or one
    side's goods are only a carrier of the other's (``carrier_classes``: a ship and oil)."""
    if objects_conflict(a, b):
        return 0.0
    wa, wb = item_words(a), item_words(b)
    if not wa and not wb and _objects_agree(a, b):
        return 1.0
    if not wa or not wb:
        return 0.4
    ca, cb = item_kinds(a), item_kinds(b)
    if ca and cb:
        if _covered(ca) & cb or ca & _covered(cb):
            # "IT workers" in two reports of workers abroad agree on nothing their type did not say already
            implied = rules().type_item_classes.get(a.type, frozenset()) & rules().type_item_classes.get(b.type, frozenset())
            return 0.4 if ca | cb <= implied else 1.0
        carriers = rules().carrier_classes
        if ca <= carriers or cb <= carriers:
            # the ship on one side, its cargo on the other: no disagreement, and no match of words either
            return 0.4
        return 0.0
    return 1.0 if wa & wb else 0.35


def _objects_agree(a: Event, b: Event) -> bool:
    """Two acts on a thing (``object_item_types``: a vessel seized) whose targets fall in one class of goods:
    the thing acted on tells one seizure from another as the goods tell one shipment from another."""
    kinds = rules().object_item_types
    if a.type not in kinds or b.type not in kinds:
        return False
    return bool(_covered(_kinds_of(_target_texts(a))) & _covered(_kinds_of(_target_texts(b))))


@dataclass(frozen=True, slots=True)
class FieldScores:
    """The evidence for one pair of events, field by field, and the score it adds up to."""

    type: float
    actors: float
    time: float
    quantity: float
    item: float
    score: float

    def to_dict(self) -> dict[str, float]:
        return {"type": self.type, "actors": round(self.actors, 3), "time": self.time,
                "quantity": self.quantity, "item": self.item, "score": self.score}


def member_role(doc: Document, event: Event) -> str | None:
    """allegation | denial | report for an event, or None when it asserts nothing happened or may happen.

    A denial is an event reported as denied, or one inside a deny-stance
    attribution, or a negated event put in the mouth of one of its own parties
    ("Pyongyang said it had not sold ..."). Hypothetical events are no evidence.
    """
    attr = doc.attributions[event.attribution] if event.attribution is not None and 0 <= event.attribution < len(doc.attributions) else None
    if event.modality == "hypothetical":
        return None
    if event.modality == "denied" or (attr is not None and attr.stance == "deny" and not attr.negated):
        return "denial"
    if event.modality == "negated":
        own = set().union(*parties(event).values()) if parties(event) else set()
        return "denial" if attr is not None and attr.source_entity in own else None
    if event.modality == "alleged" or attr is not None:
        return "allegation"
    return "report"

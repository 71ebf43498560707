"""Times an event takes from the story around it when its own clause gives none.

:mod:`.timing` dates an event only by a time expression its own clause attaches to it, and leaves it
undated otherwise.  News often dates an act once and tells it again without the date, or dates it by
another act; the reader carries the date over.  Six such cases, each kept narrow (a wrong date joins
unrelated cases in the linker; a missing one only weakens a link):

* the same act told again in the next sentence ("North Korea fired a missile on Tuesday. The missile,
  fired from ..., flew 300 km"): an undated event in the past tense takes the date of an event of its
  type in its own or the previous sentence, when their agents and counts do not disagree and its own
  sentence holds no time expression at all;
* the news act named as such ("the North's latest launch", "this new test"): the most recent dated
  act of its type the document tells;
* a gap after a verb of following ("The launch comes 15 days after Kim supervised a drill"): the act
  in the after-clause is that many days before the act that follows it (a dated subject, else the
  news act just told, else the publication date);
* a sighting's date ("the May 24 sighting", "observed ... on May 13th"): the date the ships were seen
  is the date of the transfer seen, for an undated transfer in the sentences around it;
* a time set before the sentence's first clause ("From 2020 to 2023, she ran a farm, managing ..."): it
  frames every act the sentence tells after it;
* the next sentence taking the act's item up again ("fired a projectile. The projectile took off on
  Sunday ..."): its one day-date is the act's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Sequence

from ..model import Event, TimeValue
from ..read import Parsed
from ..resources import package_yaml
from ..timex import find_times
from ..timex_lexicon import alternation, lexicon, month_interval, year_interval
from .history import is_past, told_in_past
from .taxonomy import Taxonomy
from .timing import barrier_verbs

_UNREAL = frozenset({"hypothetical", "negated"})
# how many days before publication the news act of a report lies at most ("latest" names it)
_NEWS_DAYS = 3


@dataclass(frozen=True, slots=True)
class _Rules:
    gap: re.Pattern[str]
    current: re.Pattern[str]
    this: re.Pattern[str]
    other: re.Pattern[str]
    sighting: re.Pattern[str]
    sighting_types: frozenset[str]
    report_verbs: frozenset[str]
    window: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = package_yaml("timex.yaml")["discourse"]
    numbers = alternation(lexicon().numbers)
    verbs = alternation(raw["gap_verbs"])
    # "..., a week after its last launch": after a comma the gap counts back from the act the sentence dated
    gap = re.compile(rf"(?:\b(?P<verb>{verbs})\s+|(?<=,\s))(?:(?:more\s+than|less\s+than|over|about|some|nearly|almost|just|only)\s+)?"
                     rf"(?P<n>\d+|{numbers})\s+(?P<unit>day|week|month|year)s?\s+after\b", re.I)
    # the word must stand in the event's noun phrase: at most two words between it and the trigger
    current = re.compile(rf"\b(?:{alternation(raw['current_words'])})(?:\s+[\w-]+){{0,2}}\s+$", re.I)
    this = re.compile(rf"\b(?:{alternation(raw['demonstratives'])})(?:\s+[\w-]+){{0,2}}\s+$", re.I)
    other = re.compile(rf"\b(?:{alternation(raw['other_words'])})(?:\s+[\w-]+){{0,2}}\s+$", re.I)
    sighting = re.compile(rf"\b(?:{alternation(raw['sighting_words'])})\b", re.I)
    return _Rules(gap, current, this, other, sighting, frozenset(raw["sighting_types"]),
                  frozenset(str(v).lower() for v in raw["report_verbs"]), int(raw["sighting_window"]))


def discourse_times(parsed: Parsed, events: list[Event], published: date | None, tax: Taxonomy) -> list[Event]:
    """``events`` (in document order), the undated ones dated from the story around them where it tells it."""
    if published is None or not events:
        return events
    rules, text = _rules(), parsed.text
    sentences = [(base + s.start_char, base + s.end_char, base, s) for base, s in parsed.sentences()]
    for e in events:
        if e.time is not None or e.historical or e.modality in _UNREAL:
            continue
        gap = _gap_before(e, text, rules)
        if gap is not None and _follows_the_gap(e, gap, sentences):
            e.time = _gap_time(gap, e, events, published)
            if e.time is not None or gap["verb"]:
                continue
        if rules.other.search(_before_trigger(e, text)):
            continue  # "two previous launches": other acts than the one dated
        if _names_the_act(e, text, rules):
            e.time = _current(e, events, text, rules, published)  # "the latest launch" is that one or none
            continue
        e.time = (_fronted(e, text, sentences, published, barrier_verbs(tax) | rules.report_verbs) or _same_act(e, events, text, sentences, published)
                  or _sighted(e, text, sentences, rules, published) or _told_next(e, events, text, sentences, rules, published))
    for e in events:
        if e.time is not None and not e.historical:
            e.historical = is_past(e.time, published, tax.history)
    return events


def _before_trigger(e: Event, text: str) -> str:
    """The words of the event's noun phrase before its trigger: at most 48 characters, within its sentence."""
    return text[max(e.sentence.start if e.sentence else 0, e.trigger.start - 48):e.trigger.start]


def adjacent(p: Event, e: Event, text: str) -> bool:
    """Whether ``p`` is told in ``e``'s sentence or in the one right before it."""
    return p.sentence.start == e.sentence.start or not text[p.sentence.end:e.sentence.start].strip()


def _names_the_act(e: Event, text: str, rules: _Rules) -> bool:
    before = _before_trigger(e, text)
    return bool(rules.this.search(before) or rules.current.search(before))


def _current(e: Event, events: Sequence[Event], text: str, rules: _Rules, published: date) -> TimeValue | None:
    """"this launch": the act of its type told last before it; "the latest launch": the news act, the most
    recent dated act of its type when that is the news of the last days (an undated news act leaves the
    latest dated one an older act: "a week after its latest launch" is last week's)."""
    before = _before_trigger(e, text)
    same = [x for x in events if x is not e and x.type == e.type and x.modality not in _UNREAL and _agents_agree(e, x)]
    if rules.this.search(before):
        told = [x for x in same if x.trigger.start < e.trigger.start]
        last = told[-1] if told else None
        return last.time if last is not None and last.time is not None and last.time.anchored and not last.historical else None
    if not rules.current.search(before):
        return None
    news = (published - timedelta(days=_NEWS_DAYS)).isoformat()
    dated = [x for x in same if x.time is not None and x.time.anchored and not x.historical and x.time.end
             and news <= x.time.end <= published.isoformat()]
    return max(dated, key=lambda x: x.time.start or "").time if dated else None


def _same_act(e: Event, events: Sequence[Event], text: str, sentences, published: date) -> TimeValue | None:
    if e.sentence is None:
        return None
    earlier = [x for x in events if x.trigger.start < e.trigger.start and x.type == e.type and x.sentence is not None]
    if not earlier:
        return None
    p = max(earlier, key=lambda x: x.trigger.start)
    if not adjacent(p, e, text) or p.time is None or not p.time.anchored or p.historical or p.modality in _UNREAL:
        return None
    if find_times(text, e.sentence.start, e.sentence.end, published) or not _agents_agree(e, p):
        return None  # a sentence with a date of its own dates its acts itself, or tells another time
    if e.quantity is not None and p.quantity is not None and e.quantity.value != p.quantity.value:
        return None  # "fired two missiles on Wednesday ... fired one": other acts
    token = _token(e, sentences)
    # a plural noun counts acts ("the launches"), never the one act dated before it
    return p.time if token is not None and token.tag_ not in ("NNS", "NNPS") and told_in_past(token) else None


def _fronted(e: Event, text: str, sentences, published: date, barriers: frozenset[str]) -> TimeValue | None:
    """"From 2020 to 2023, she ran a laptop farm, managing laptops used for the employment of ...": a time set
    before the sentence's first clause, its only one, frames every act the sentence tells after it (an act
    told in the pluperfect, "had shipped", lies before it and keeps none). A time on a verb of saying or
    reacting ("Last week, X said ...", "In April, X thanked Moscow for its veto") is that act's alone."""
    if e.sentence is None:
        return None
    times = find_times(text, e.sentence.start, e.sentence.end, published)
    if len(times) != 1 or not times[0][2].anchored or times[0][1] > e.trigger.start:
        return None
    s0, (t0, t1, tv) = e.sentence.start, times[0]
    lead = text[s0:t0].strip()
    if not re.match(r"\s*,", text[t1:]) or (lead and not lead.endswith(",")):
        return None
    if re.search(r"\bhad\b(?:\s+\w+){0,2}\s*$", text[max(s0, e.trigger.start - 30):e.trigger.start]):
        return None
    verb, token = _verb_of(times[0], sentences), _token(e, sentences)
    if verb is None or token is None or verb.lemma_.lower() in barriers:
        return None
    # the act must hang under the framed verb with no verb of saying or reacting between ("On December 23, the
    # U.S., while denouncing our launch, cooked up a resolution": the launch is the denounced act, not the 23rd's)
    t = token
    while t.i != verb.i:
        if t.head.i == t.i or (t.i != token.i and t.lemma_.lower() in barriers):
            return None
        t = t.head
    return tv


def _told_next(e: Event, events: Sequence[Event], text: str, sentences, rules: _Rules, published: date) -> TimeValue | None:
    """"North Korea has fired a projectile. The projectile took off on Sunday from ...": the next sentence
    takes up the event's item with a definite article and gives the one day-date it has: the act's date."""
    items = [a.text.split()[-1].lower() for a in e.arguments if a.role == "item" and a.text.split()]
    if e.sentence is None or not items:
        return None
    nxt = next(((a, b) for a, b, _, _ in sentences if a >= e.sentence.end), None)
    if nxt is None or text[e.sentence.end:nxt[0]].strip():
        return None
    s0, s1 = nxt
    if not re.search(rf"\bthe\s+(?:[\w-]+\s+)?(?:{'|'.join(map(re.escape, items))})\b", text[s0:s1], re.I):
        return None
    if any(s0 <= x.trigger.start < s1 and x.type == e.type and not _agents_agree(e, x) for x in events):
        return None
    times = find_times(text, s0, s1, published)
    if len(times) != 1 or not times[0][2].anchored or times[0][2].granularity != "day":
        return None
    return None if _on_report_verb(times[0], sentences, rules) else times[0][2]


def _span_at(start: int, end: int, sentences):
    """The parsed span of the characters ``start:end`` (widened to whole tokens), None outside every sentence."""
    for a, b, base, sent in sentences:
        if a <= start < b:
            return sent.doc.char_span(start - base, end - base, alignment_mode="expand")
    return None


def _climb_to_verb(t):
    """The first verb at or above ``t``, else the root of its sentence."""
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _verb_of(found, sentences):
    """The verb a time expression hangs from, None when none is above it."""
    span = _span_at(found[0], found[1], sentences)
    t = _climb_to_verb(span.root) if span is not None else None
    return t if t is not None and t.pos_ in ("VERB", "AUX") else None


def _on_report_verb(found, sentences, rules: _Rules) -> bool:
    """Whether a time expression hangs from a verb of reporting ("said on Friday that ...")."""
    span = _span_at(found[0], found[1], sentences)
    if span is None:
        return False
    if span.start > 0 and span.doc[span.start - 1].lemma_.lower() in rules.report_verbs:
        return True  # "said on Friday it had fired": the parser may hang the date on the act all the same
    return _climb_to_verb(span.root).lemma_.lower() in rules.report_verbs


def _sighted(e: Event, text: str, sentences, rules: _Rules, published: date) -> TimeValue | None:
    """The date of a sighting in the sentences around an undated transfer: the day the ships were seen."""
    if e.type not in rules.sighting_types or e.sentence is None:
        return None
    if any(not _on_report_verb(t, sentences, rules) for t in find_times(text, e.sentence.start, e.sentence.end, published)):
        return None  # a sentence with a time of its own tells its own sighting ("In May last year, a crew observed ...")
    lo, hi = max(0, e.trigger.start - rules.window), e.trigger.end + rules.window
    best: tuple[int, TimeValue] | None = None
    for m in rules.sighting.finditer(text, lo, hi):
        s0, s1 = next(((a, b) for a, b, _, _ in sentences if a <= m.start() < b), (m.start(), m.end()))
        times = [t for t in find_times(text, s0, s1, published) if t[2].anchored and t[2].granularity == "day"]
        # "the May 24 sighting": the date before the noun; "observed ... on May 13": the first date after the verb
        before = [t for t in times if t[1] <= m.start() and not text[t[1]:m.start()].strip()]
        after = [t for t in times if t[0] >= m.end()]
        t = before[-1] if before else after[0] if after else None
        if t is not None and (best is None or abs(m.start() - e.trigger.start) < best[0]):
            best = (abs(m.start() - e.trigger.start), t[2])
    return best[1] if best else None


def _gap_before(e: Event, text: str, rules: _Rules) -> re.Match[str] | None:
    """The gap phrase ("comes 15 days after") before the trigger in its sentence, if any."""
    if e.sentence is None:
        return None
    found = [m for m in rules.gap.finditer(text, e.sentence.start, e.trigger.start)]
    return found[-1] if found else None


def _follows_the_gap(e: Event, m: re.Match[str], sentences) -> bool:
    """Whether the event is the act the gap's "after" introduces: its clause's verb, or a noun right under
    "after" ("a week after its last launch"), not an act told deeper inside ("after the US convened the council
    to discuss the launches": the convening follows the gap, the launches do not)."""
    t = _token(e, sentences)
    if t is None:
        return False
    after = m.end() - len("after")
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        if t.head.idx + _base_of(t, sentences) == after:
            return True
        t = t.head
    base = _base_of(t, sentences)
    return t.pos_ in ("VERB", "AUX") and (t.head.idx + base == after or any(c.idx + base == after for c in t.children))


def _base_of(token, sentences) -> int:
    return next((base for _, _, base, sent in sentences if sent.doc is token.doc), 0)


def _gap_time(m: re.Match[str], e: Event, events: Sequence[Event], published: date) -> TimeValue | None:
    """The gap counted back from the act that follows it: a dated subject in the sentence, else (after a verb of
    following only) the news act just told (the nearest earlier dated act of the last month), else the
    publication date."""
    lo = e.sentence.start if e.sentence else 0
    recent = (published - timedelta(days=31)).isoformat()
    subject = [x for x in events if lo <= x.trigger.start < m.start() and x.time is not None and x.time.anchored]
    told = [x for x in events if x.trigger.start < m.start() and x.time is not None and x.time.anchored
            and not x.historical and x.time.start and recent <= x.time.start <= published.isoformat()]
    if not m["verb"] and not subject:
        return None  # "..., a week after X" with no dated act before it counts from nothing known
    base = (subject or told or [None])[-1]
    when = date.fromisoformat(base.time.start[:10]) if base is not None else published
    n = int(m["n"]) if m["n"].isdigit() else lexicon().numbers[m["n"].lower()]
    return _back(m.group(0), when, n, m["unit"].lower())


def _back(span: str, base: date, n: int, unit: str) -> TimeValue:
    if unit == "year":
        s, e, g = year_interval(base.year - n)
    elif unit == "month":
        y, mo = divmod(base.year * 12 + base.month - 1 - n, 12)
        s, e, g = month_interval(y, mo + 1)
    else:
        s = e = base - timedelta(days=n * (7 if unit == "week" else 1))
        g = "day"
    return TimeValue(span, s.isoformat(), e.isoformat(), g, anchored=True)


def _agents_agree(a: Event, b: Event) -> bool:
    """Whether two events' agents can be one: no named agent on one side, or a shared one."""
    ea = {x.entity for x in a.arguments if x.role == "agent" and x.entity}
    eb = {x.entity for x in b.arguments if x.role == "agent" and x.entity}
    return not ea or not eb or bool(ea & eb)


def _token(e: Event, sentences):
    span = _span_at(e.trigger.start, e.trigger.end, sentences)
    return span.root if span is not None else None

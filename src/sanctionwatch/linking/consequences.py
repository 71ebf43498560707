"""Acts that end in another act of a different type: a veto that blocks a mandate's renewal ends the body.

"The panel closed in April after Russia vetoed the renewal of its mandate"
reports two events of two types, a month apart and with different subjects
(the panel, the UN, Russia), so no field evidence joins them; to an analyst the
body's end is the veto's outcome and one case with it.  ``consequences`` in
``data/linking.yaml`` lists the pairs (cause type, effect type and phase, the
longest lag).  After clustering, a cluster made only of such effects joins the
cause's case when an article of the effect also reports that cause in that case
(it says what ended the body), and no dated effect lies before the cause or past
the lag.  Without an article tying them, effects stay a case of their own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from ..resources import package_yaml
from .evidence import TIME_SLACK_DAYS, interval
from .items import Item
from .phases import phase


@dataclass(frozen=True, slots=True)
class Consequence:
    cause: str  # event type of the act
    effect: str  # event type of its outcome
    effect_phase: str | None  # the outcome's phase (event_phases), None for any
    max_lag_days: int


@lru_cache(maxsize=1)
def consequences() -> tuple[Consequence, ...]:
    raw = package_yaml("linking.yaml").get("consequences") or []
    return tuple(Consequence(str(r["cause"]), str(r["effect"]), r.get("effect_phase"), int(r.get("max_lag_days", 60)))
                 for r in raw)


def _is_effect(item: Item, rule: Consequence) -> bool:
    return item.event.type == rule.effect and (rule.effect_phase is None or phase(item.event) == rule.effect_phase)


def _in_lag(effects: list[Item], causes: list[Item], rule: Consequence) -> bool:
    """No dated effect before a dated cause (3 days' slack) or later than the lag after it."""
    slack, lag = timedelta(days=TIME_SLACK_DAYS), timedelta(days=rule.max_lag_days)
    for e in effects:
        ie = interval(e.event)
        for c in causes:
            ic = interval(c.event)
            if ie and ic and not (ic[0] - slack <= ie[1] and ie[0] <= ic[1] + lag):
                return False
    return True


def attach_consequences(clusters: list[list[Item]]) -> list[list[Item]]:
    """``clusters`` with each cluster of effects merged into the case of their cause (see the module doc)."""
    rules = consequences()
    if not rules:
        return clusters
    merged_into: dict[int, int] = {}
    for n, cl in enumerate(clusters):
        rule = next((r for r in rules if all(_is_effect(i, r) for i in cl)), None)
        if rule is None:
            continue
        docs = {i.doc.doc_id for i in cl}
        # candidates: clusters holding the cause from an article of the effect, by the articles they share
        shared: Counter[int] = Counter()
        for k, other in enumerate(clusters):
            if k == n or k in merged_into:
                continue
            causes = [i for i in other if i.event.type == rule.cause and i.role != "denial"]
            common = {i.doc.doc_id for i in causes} & docs
            if common and _in_lag(cl, causes, rule):
                shared[k] = len(common)
        if shared:
            target = min(shared, key=lambda k: (-shared[k], k))
            merged_into[n] = target
    out = [list(cl) for cl in clusters]
    for n, target in merged_into.items():
        while target in merged_into:  # never chained (an effect cluster holds no cause), but be safe
            target = merged_into[target]
        out[target].extend(clusters[n])
    return [cl for n, cl in enumerate(out) if n not in merged_into]


def cause_in_case(item: Item, members: list[Item]) -> Item | None:
    """The event of ``item``'s own article among ``members`` that ``item`` is the outcome of, if any."""
    for rule in consequences():
        if _is_effect(item, rule):
            for m in members:
                if m.doc.doc_id == item.doc.doc_id and m.event.type == rule.cause and m.role != "denial":
                    return m
    return None

"""A case's claims: what each originator said, with its quantity, period, first report and copies.

The originator of a member is the actor who made the statement, not the page
that printed it: the source of its attribution (the state a ministry or a
speaker belongs to when the attribution names one), else the outlet that
relayed it (``KCNA cited ...``), else -- an article's own, unattributed
statement -- the outlet's own reporting, keyed by its independent source
(syndicated copies and pages crediting one wire story are one outlet).  A
speaker the attribution leaves unresolved ("officials said", "the report
said") is the reporting outlet's: it names no one who could be counted.

One originator's members that agree on the figure are one claim; a member
without a figure joins its originator's claim from the same page when there is
one.  Denials and rebuttals are claims on the ``reply`` side.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Mapping, Sequence

from ..actors import load_actor_table
from ..cases import CaseMember, Claim
from ..model import Attribution, Document, Event, Quantity
from .evidence import interval, unit as _unit
from .states import acting_state

OUTLET = "outlet:"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of a case's evidence: an event of a page (or an event-less denial) and its members."""

    doc: Document
    event: Event | None
    members: tuple[CaseMember, ...]
    reply: bool


@dataclass(frozen=True, slots=True)
class Originator:
    id: str
    name: str
    speaker: str | None  # the speaker as written, when an attribution names one


def attribution_of(doc: Document, event: Event | None, member: CaseMember) -> Attribution | None:
    idx = event.attribution if event is not None else member.attribution_idx
    if idx is None or not 0 <= idx < len(doc.attributions):
        return None
    return doc.attributions[idx]


def entity_name(doc: Document, entity_id: str) -> str | None:
    return next((e.name for e in doc.entities if e.id == entity_id), None)


def originator_of(doc: Document, attribution: Attribution | None, source_key: str, outlet_name: str) -> Originator:
    """Who first made the statement of a member (see the module docstring)."""
    outlet = Originator(OUTLET + source_key, outlet_name, None)
    if attribution is None:
        return outlet
    speaker = " ".join(f.text for f in attribution.source).strip() or None
    who = attribution.affiliation or attribution.source_entity or attribution.channel
    if who:
        who = state_of(who)
        return Originator(who, actor_name(doc, who), speaker)
    return Originator(outlet.id, outlet.name, speaker)


def state_of(actor_id: str) -> str:
    """The country a ministry, agency or official speaks for (``part_of`` in data/linking.yaml): a
    government's departments are one originator.  Bodies of international organisations stay themselves
    (the UN panel is not the Security Council)."""
    state = acting_state(actor_id)
    if state is None:
        return actor_id
    actor = load_actor_table().get(state)
    return state if actor is not None and actor.type == "country" else actor_id


def _quantity_key(q: Quantity | None) -> tuple[float, str] | None:
    return (float(q.value), _unit(q)) if q else None


def build_claims(evidence: Sequence[Evidence], source_of: Mapping[str, str],
                 outlet_names: Mapping[str, str]) -> list[Claim]:
    """The claims of a case's evidence: supporting claims by first report, then the right of reply."""
    groups: dict[tuple[str, str, tuple[float, str] | None], list[tuple[Evidence, Originator]]] = defaultdict(list)
    names: dict[str, str] = {}
    for ev in evidence:
        key = source_of.get(ev.doc.doc_id, ev.doc.doc_id)
        who = originator_of(ev.doc, attribution_of(ev.doc, ev.event, ev.members[0]), key,
                            outlet_names.get(key, ev.doc.publisher or ""))
        names.setdefault(who.id, who.name)
        side = "reply" if ev.reply else "support"
        groups[(side, who.id, _quantity_key(ev.event.quantity if ev.event else None))].append((ev, who))
    _fold_unquantified(groups)
    claims = [_claim(side, originator, names[originator], found) for (side, originator, _q), found in groups.items()]
    return sorted(claims, key=lambda c: (c.side != "support", c.first_published or "9999", c.originator,
                                         c.quantity.value if c.quantity else -1.0))


def _fold_unquantified(groups: dict[tuple[str, str, tuple[float, str] | None], list]) -> None:
    """A figure-less member joins its originator's claim with a figure from the same page: one
    statement ("sent munitions ... about 1,000 containers") often spreads over two sentences."""
    for key in [k for k in groups if k[2] is None]:
        side, originator, _ = key
        rest = []
        for ev, who in groups[key]:
            home = next((k for k in sorted(groups, key=lambda k: (k[2] is None, str(k[2])))
                         if k[:2] == (side, originator) and k[2] is not None
                         and any(e.doc.doc_id == ev.doc.doc_id for e, _ in groups[k])), None)
            if home is None:
                rest.append((ev, who))
            else:
                groups[home].append((ev, who))
        if rest:
            groups[key] = rest
        else:
            del groups[key]


def _claim(side: str, originator: str, name: str, found: list[tuple[Evidence, Originator]]) -> Claim:
    pages = sorted({ev.doc.doc_id: ev.doc for ev, _ in found}.values(), key=lambda d: (d.published or "9999", d.doc_id))
    first = pages[0]
    quantity = next((ev.event.quantity for ev, _ in found if ev.event is not None and ev.event.quantity), None)
    start, end = common_period([interval(ev.event) for ev, _ in found if ev.event is not None])
    speakers = sorted({who.speaker for _, who in found if who.speaker})
    members = sorted({m for ev, _ in found for m in ev.members},
                     key=lambda m: (m.doc_id, m.event_idx if m.event_idx is not None else -1, m.attribution_idx or -1))
    return Claim(originator=originator, originator_name=name, side=side, quantity=quantity,
                 time_start=start, time_end=end, first_report=first.doc_id, first_published=first.published,
                 copies=[d.doc_id for d in pages[1:]], speakers=speakers, members=members)


def common_period(ivs: Sequence[tuple[date, date] | None]) -> tuple[str | None, str | None]:
    """The members' common interval when they agree, else the span of them all."""
    dated = [iv for iv in ivs if iv]
    if not dated:
        return None, None
    lo, hi = max(s for s, _ in dated), min(e for _, e in dated)
    if lo > hi:
        lo, hi = min(s for s, _ in dated), max(e for _, e in dated)
    return lo.isoformat(), hi.isoformat()


def short_name(actor_id: str, name: str) -> str:
    """How a title names an originator: the actor table's first capitalised abbreviation ("US",
    "ROK", "MSMT"), else its name."""
    actor = load_actor_table().get(actor_id) if not actor_id.startswith(OUTLET) else None
    if actor is None:
        return name
    for alias in (*actor.exact_aliases, *actor.aliases):
        if 2 <= len(alias) <= 5 and alias.isalpha() and alias.isupper():
            return alias
    return actor.name


def actor_name(doc: Document, actor_id: str) -> str:
    """A display name for an actor id: the document's entity name, else the actor table's, else the id."""
    found = entity_name(doc, actor_id)
    if found:
        return found
    actor = load_actor_table().get(actor_id)
    return actor.name if actor is not None else actor_id

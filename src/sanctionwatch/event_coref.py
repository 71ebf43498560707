"""Within-document event coreference: one real event, one merged event per document for linking.

A news article names its main event many times: "North Korean hackers stole
$1.5 billion from the exchange ... the theft ... the heist ... the attack".
The event extractor makes one :class:`~sanctionwatch.model.Event` per trigger,
most of them without an agent or a date, and each would otherwise seed a case
of its own or bridge unrelated cases.  :func:`coreference_chains` groups
every later mention with the earlier event it refers to; the pipeline records
each chain on its first mention (``Event.mentions``) and keeps every mention in
the output, and the linker clusters one merged event per chain
(:func:`merged_events`: the first trigger, every argument, the most precise
date).

A later mention joins an earlier event of the same type when nothing they
carry disagrees (see :func:`conflict`): parties with different canonical ids,
dates that do not overlap, quantities out of tolerance, an aggregate ("since
2006", "this year") against a dated single event, a year's total of thefts or a
series ("one more in a series of ...") against any other mention
(:func:`~.linking.aggregates.aggregate`), or a different stance (an
allegation never absorbs the denial of it; negated and hypothetical mentions
are no occurrence and stay apart).  It joins the nearest such event before it:
articles name their event first in full and refer back to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from .linking.aggregates import aggregate
from .linking.evidence import generic, interval, item_score, member_role, rules
from .linking.phases import phases_differ
from .linking.victims import specific_victims, victims_conflict
from .model import Argument, Document, Event, Fragment

PARTY_ROLES = ("agent", "recipient", "partner", "origin", "destination", "target")
# Two parties' canonical ids in these roles that differ mean two events (a
# theft by one group and another by a second group).
CONFLICT_ROLES = ("agent", "recipient", "destination", "target")
TIME_SLACK_DAYS = 3
# A dated interval at most this wide is one occurrence; a wider one ("this
# year", "since 2006") can be a tally of many, and never absorbs an occurrence.
PRECISE_DAYS = 7
QUANTITY_TOLERANCE = 0.35
SINGLE_VALUED_ROLES = ("time",)


@dataclass(slots=True)
class _Chain:
    """An event being built from the mentions folded into it (``event`` is the first mention's record)."""

    event: Event
    stance: str
    members: list[Event] = field(default_factory=list)
    total: bool = False  # its mentions state a year's total or a series (linking.aggregates.aggregate)


def stance_of(doc: Document, event: Event) -> str:
    """'occurred' for reported or alleged events, 'denied' for denials, else 'none' (negated, hypothetical)."""
    role = member_role(doc, event)
    if role is None:
        return "none"
    return "denied" if role == "denial" else "occurred"


def is_aggregate_time(event: Event) -> bool:
    """True when the event's time is a period that can hold many occurrences ("since 2006", "this year")."""
    iv = interval(event)
    if iv is None:
        return False
    text = (event.time.text if event.time else "").strip().casefold()
    return text.startswith("since") or (iv[1] - iv[0]).days > PRECISE_DAYS * 4


def _canonical_parties(event: Event, role: str) -> set[str]:
    return {a.entity for a in event.arguments if a.role == role and a.entity and not a.entity.startswith("local:")}


def _all_canonical(event: Event) -> set[str]:
    return {e for r in PARTY_ROLES for e in _canonical_parties(event, r)}


def conflict(a: Event, b: Event) -> str | None:
    """Why ``a`` and ``b`` (of one stance) cannot be one event (a short reason), or None when nothing disagrees."""
    if a.type != b.type:
        return "type"
    if phases_differ(a, b):  # a body set up and one shut down
        return "phase"
    all_a, all_b = _all_canonical(a), _all_canonical(b)
    joint = a.type in rules().joint_agent_types  # a and b are of one type here
    for role in CONFLICT_ROLES:
        if joint and role == "agent":
            continue
        ca, cb = _canonical_parties(a, role), _canonical_parties(b, role)
        # "X sold to Y" and "Y bought from X" swap the roles of the same parties.
        if ca and cb and not (ca & cb) and not (ca <= all_b and cb <= all_a):
            return role
    if _set_apart(a, b) or _set_apart(b, a):
        return "agent"
    if victims_conflict(a, b):  # one-victim acts (thefts) naming different victims, local names included
        return "target"
    ia, ib = interval(a), interval(b)
    if ia and ib:
        slack = timedelta(days=TIME_SLACK_DAYS)
        if not (ia[0] - slack <= ib[1] and ib[0] - slack <= ia[1]):
            return "time"
        if is_aggregate_time(a) != is_aggregate_time(b):
            return "aggregate"
    if item_score(a, b) == 0:  # different kinds of goods: shells and oil, cars and armour
        return "item"
    qa, qb = a.quantity, b.quantity
    if qa and qb and qa.unit.casefold().rstrip("s") == qb.unit.casefold().rstrip("s"):
        lo, hi = sorted((abs(qa.value), abs(qb.value)))
        if hi and lo / hi < 1 - QUANTITY_TOLERANCE:
            return "quantity"
    return None


def _set_apart(a: Event, b: Event) -> bool:
    """``a``'s agent is described as another party than one named before ("other port officials",
    "another state") while ``b`` names an agent: two acts by two parties, whatever else they share."""
    words = rules().contrastive_words
    described = any(arg.role == "agent" and arg.text.split(maxsplit=1)[0].casefold() in words
                    for arg in a.arguments if arg.text.strip())
    return described and any(arg.role == "agent" for arg in b.arguments)


def _merge(chain: _Chain) -> Event:
    """One event from a chain: the first mention's trigger, every mention's arguments (deduplicated).

    The time is the most precise non-aggregate one, the quantity the first
    given; both come from whichever mention carries them, so a headline
    without a date borrows the date of the sentence that gives it.
    """
    head, rest = chain.event, chain.members
    mentions = [head] + rest
    seen: set[tuple[str, int, int]] = set()
    args: list[Argument] = []
    for ev in mentions:
        for arg in ev.arguments:
            key = (arg.role, arg.start, arg.end)
            if key in seen:
                continue
            seen.add(key)
            args.append(arg)
    dated = [ev for ev in mentions if interval(ev)]
    dated.sort(key=lambda ev: (is_aggregate_time(ev), (lambda iv: (iv[1] - iv[0]).days)(interval(ev))))
    time_ev = dated[0] if dated else None
    if time_ev is not None and any(a.role == "time" for a in time_ev.arguments):
        # Keep one time argument: the one whose value became the event's time.
        args = [a for a in args if a.role != "time" or a in time_ev.arguments]
    quantity = next((ev.quantity for ev in mentions if ev.quantity), None)
    modality = "asserted" if all(ev.modality == "asserted" for ev in mentions) else head.modality
    if head.modality == "asserted" and any(ev.modality == "alleged" for ev in mentions):
        modality = "alleged"
    attribution = next((ev.attribution for ev in mentions if ev.attribution is not None), None)
    triggers: list[Fragment] = []
    for ev in mentions:
        triggers.extend(ev.mentions or [ev.trigger])
    return Event(
        type=head.type,
        trigger=head.trigger,
        arguments=args,
        quantity=quantity,
        time=time_ev.time if time_ev else head.time,
        modality=modality,
        attribution=attribution,
        sentence=head.sentence,
        confidence=max(ev.confidence for ev in mentions),
        mentions=sorted(set(triggers), key=lambda f: (f.start, f.end)) if rest else list(head.mentions),
    )


def _joins_as_total(event: Event, total: bool, chain: _Chain) -> bool:
    """A year's total ("more than all their thefts of last year") or a series ("one more in a
    series of handovers at sea this spring") never joins the act the article is about: merged, the act took the
    aggregate's period as its date and was lost with it.  It joins only another aggregate, or a mention
    that says nothing of its own (:func:`~.linking.evidence.generic`: "its involvement in crypto theft"),
    whose figure it gives.  What the sentences of a total go on to say of it ("... and laundered it through
    brokers") joins the total, unless it names a victim of its own: one theft, not the year's."""
    if total:
        return chain.total or all(generic(m) for m in (chain.event, *chain.members))
    return not chain.total or not specific_victims(event)


def _compatible_with_chain(event: Event, chain: _Chain) -> bool:
    return all(conflict(m, event) is None for m in [chain.event, *chain.members])


def coreference_chains(doc: Document) -> list[list[int]]:
    """Indices into ``doc.events``, one list per real event: its first mention, then those folded into it.

    Chains are in the order of their first mention.  Events of other stances
    (negated, hypothetical) are chains of their own, never merged.
    """
    chains: list[_Chain] = []
    index: dict[int, list[int]] = {}  # id(chain) -> event indices
    order = sorted(range(len(doc.events)), key=lambda n: (doc.events[n].trigger.start, doc.events[n].trigger.end, n))
    for n in order:
        ev = doc.events[n]
        stance = stance_of(doc, ev)
        total = aggregate(doc, ev)
        target = None
        if stance in ("occurred", "denied"):
            for chain in reversed(chains):  # the nearest earlier event first
                if (chain.stance == stance and chain.event.type == ev.type and _joins_as_total(ev, total, chain)
                        and _compatible_with_chain(ev, chain)):
                    target = chain
                    break
        if target is None:
            chain = _Chain(ev, stance, total=total)
            chains.append(chain)
            index[id(chain)] = [n]
        else:
            target.members.append(ev)
            index[id(target)].append(n)
    return [index[id(c)] for c in chains]


def merged_events(doc: Document) -> list[tuple[Event, list[int]]]:
    """One event per real event of the document, arguments merged (see :func:`_merge`), with the indices
    of the ``doc.events`` it stands for (first its first mention).  An event alone is returned as it is."""
    out = []
    for chain in coreference_chains(doc):
        head, rest = doc.events[chain[0]], [doc.events[n] for n in chain[1:]]
        stance = stance_of(doc, head)
        out.append((_merge(_Chain(head, stance, rest)) if rest else head, chain))
    return out


def resolve_event_coreference(doc: Document) -> list[Event]:
    """The document's events with every coreferent mention folded into the event it refers to."""
    return [ev for ev, _ in merged_events(doc)]


def corefer_document(doc: Document) -> Document:
    """Record each event's coreferent mentions on its first mention (``Event.mentions``).

    ``doc.events`` keeps one record per mention, so every mention stays in
    the output with its own trigger, sentence, time and modality; the linker
    merges each chain into one event (:func:`merged_events`).
    """
    for chain in coreference_chains(doc):
        if len(chain) > 1:
            doc.events[chain[0]].mentions = sorted({doc.events[n].trigger for n in chain}, key=lambda f: (f.start, f.end))
    return doc

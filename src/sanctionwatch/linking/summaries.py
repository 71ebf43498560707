"""A case's fields from its clustered items: type, actors, time, quantity, sources, status, its title
sentence, and why each event is a member."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any, Mapping

from ..model import Document, Quantity
from ..cases import Case, CaseMember, Claim
from .claims import OUTLET, Evidence, build_claims, common_period, short_name
from .consequences import cause_in_case
from .credit import credit_key
from .evidence import PARTY_ROLES, parties, rules
from .evidence import day as _day
from .evidence import interval as _interval
from .evidence import unit as _unit
from .items import Item, is_copy_pair
from .scoring import LINK_THRESHOLD, evidence
from .status import StatusInput, status_with_reasons
from .taxonomy import taxonomy

# A title names at most this many actors per role and this many originators after its figures.
TITLE_MAX_NAMES = 3


def make_case(items: list[Item], extra: list[CaseMember], source_of: dict[str, str], min_sources: int) -> Case:
    members = sorted(
        [CaseMember(i.doc.doc_id, n, i.role, i.doc.events[n].attribution) for i in items for n in i.chain or (i.idx,)]
        + extra,
        key=lambda m: (m.doc_id, m.event_idx if m.event_idx is not None else -1, m.attribution_idx or -1),
    )
    case_id = "case-" + hashlib.sha1(
        "|".join(f"{m.doc_id}:{m.event_idx}:{m.attribution_idx}" for m in members).encode()
    ).hexdigest()[:12]
    support = [i for i in items if i.role != "denial"]
    basis = support or items
    type_id = Counter(i.event.type for i in basis).most_common()
    type_id = sorted(type_id, key=lambda kv: (-kv[1], kv[0]))[0][0]
    info = taxonomy().info(type_id)
    docs_by_id = {i.doc.doc_id: i.doc for i in items}

    actors: dict[str, list[str]] = {}
    for role in PARTY_ROLES:
        ids = sorted(set().union(*(parties(i.event).get(role, set()) for i in basis)))
        if ids:
            actors[role] = ids
    names = _actor_names(list(docs_by_id.values()), {e for ids in actors.values() for e in ids}, basis)

    start, end = _case_time(_originals(basis))
    published = sorted(d.published for d in docs_by_id.values() if d.published)
    quantity = _case_quantity(basis)

    def groups_for(role_filter: bool) -> list[list[str]]:
        grouped: dict[str, set[str]] = defaultdict(set)
        for m in members:
            if (m.role != "denial") == role_filter:
                grouped[source_of.get(m.doc_id, m.doc_id)].add(m.doc_id)
        return sorted((sorted(g) for g in grouped.values()), key=lambda g: g[0])

    source_groups, denial_sources = groups_for(True), groups_for(False)
    # An outlet is named by its first page among the case's members, not by the source key's label,
    # which depends on the order documents were linked in (the incremental update keeps old labels).
    pages: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted({m.doc_id for m in members}):
        pages[source_of.get(doc_id, doc_id)].append(doc_id)
    outlet_of = {d: group[0] for group in pages.values() for d in group}
    labels = {group[0]: _outlet_name(docs_by_id, group) for group in pages.values()}
    claims = build_claims(_evidence(items, extra, docs_by_id), outlet_of, labels)
    support_claims = [c for c in claims if c.side == "support"]
    firsts = {c.first_report for c in support_claims}
    status, reasons = status_with_reasons(StatusInput(
        reports=[_agency_name(_source_label(docs_by_id, g)) for g in source_groups],
        originators=_names_by_originator(support_claims),
        repeated=len({d for c in support_claims for d in c.copies} - firsts),
        repliers=_names_by_originator([c for c in claims if c.side == "reply"]),
    ), min_sources)
    claimants = sorted({c.originator for c in support_claims if not c.originator.startswith(OUTLET)})
    item_text = _case_item(basis)
    summary = summarise(info.label, actors, names, item_text, quantity, start, end, claims=support_claims,
                        support=_support_counts(basis))
    return Case(
        id=case_id, type=type_id, category=info.category, summary=summary, actors=actors, actor_names=names,
        time_start=start, time_end=end, reported_start=published[0] if published else None,
        reported_end=published[-1] if published else None, quantity=quantity, members=members,
        source_groups=source_groups, denial_sources=denial_sources, status=status, min_sources=min_sources,
        claimants=claimants, source_labels=[_source_label(docs_by_id, g) for g in source_groups],
        membership=explain_membership(items), claims=claims, status_reasons=reasons,
    )


def _evidence(items: list[Item], extra: list[CaseMember], docs: Mapping[str, Document]) -> list[Evidence]:
    out = [Evidence(i.doc, i.event, tuple(CaseMember(i.doc.doc_id, n, i.role, i.doc.events[n].attribution)
                                         for n in i.chain or (i.idx,)), i.role == "denial") for i in items]
    out += [Evidence(docs[m.doc_id], None, (m,), True) for m in extra if m.doc_id in docs]
    return out


def _names_by_originator(claims: list[Claim]) -> list[str]:
    """One display name per distinct originator, in claim order."""
    return list({c.originator: c.display_name for c in claims}.values())


def _support_counts(items: list[Item]) -> Counter[str]:
    """How many members name each actor: a title names the best-attested ones first."""
    return Counter(e for i in items for ids in parties(i.event).values() for e in ids)


# A member is explained by its best match among this many members of other documents (a bound on the
# quadratic cost in very large cases).
EXPLAIN_MAX_PEERS = 12


def explain_membership(items: list[Item]) -> list[dict[str, Any]]:
    """Why each event is in its case: its best-scoring member of another document, field by field.

    ``via`` says what joined it: ``evidence`` (the fields compared), ``copy`` (an event of a copy of
    its own text), ``reply`` (a denial placed beside the allegation of its own article), ``consequence``
    (the outcome of an act its own article reports in the case, :mod:`.consequences`; ``cause`` names that
    event), or ``alone`` (no member from another document).
    """
    out = []
    for item in sorted(items, key=lambda i: (i.doc.doc_id, i.idx)):
        peers = [m for m in items if m.doc.doc_id != item.doc.doc_id][:EXPLAIN_MAX_PEERS]
        entry: dict[str, Any] = {"doc_id": item.doc.doc_id, "event_idx": item.idx, "role": item.role}
        if not peers:
            entry["via"] = "alone"
            out.append(entry)
            continue
        scored = [(evidence(item.event, m.event, published_a=item.doc.published, published_b=m.doc.published,
                            same_story=is_copy_pair(item, m)), m) for m in peers]
        best, peer = max(scored, key=lambda sm: (sm[0].score, sm[1].doc.doc_id, -sm[1].idx))
        replies_to_own = item.role == "denial" and any(
            m.doc.doc_id == item.doc.doc_id and m.role != "denial" for m in items)
        cause = cause_in_case(item, items) if best.score < LINK_THRESHOLD else None
        entry["via"] = ("copy" if is_copy_pair(item, peer) else
                        "reply" if replies_to_own and best.score < LINK_THRESHOLD else
                        "consequence" if cause is not None else "evidence")
        entry["best_match"] = {"doc_id": peer.doc.doc_id, "event_idx": peer.idx, **best.to_dict()}
        if cause is not None and entry["via"] == "consequence":
            entry["cause"] = {"doc_id": cause.doc.doc_id, "event_idx": cause.idx}
        out.append(entry)
    return out


def _outlet_name(docs: Mapping[str, Document], group: list[str]) -> str:
    """The name of the outlet one independent source is, as readers know it ("AP", not the key "ap"),
    or "" when no page of it names one."""
    label = _source_label(docs, group)
    return "" if label == group[0] else _agency_name(label)


def _agency_name(label: str) -> str:
    names = rules().wire_agencies.get(label)
    return names[0] if names else label


def _source_label(docs: Mapping[str, Document], group: list[str]) -> str:
    """Whose reporting one independent source is: the agency or outlet its pages credit, else its
    first page's publisher (or document id)."""
    for doc_id in group:
        doc = docs.get(doc_id)
        if doc is not None and (key := credit_key(doc)):
            return key.removeprefix("credit:")
    first = docs.get(group[0])
    return (first.publisher if first is not None and first.publisher else group[0])



def _actor_names(docs: list[Document], ids: set[str], items: list[Item]) -> dict[str, str]:
    """A display name per actor id: the entity name most documents use, else the argument text."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        for e in d.entities:
            if e.id in ids:
                seen[e.id][e.name] += 1
    for i in items:
        for a in i.event.arguments:
            if a.entity in ids and a.entity not in seen:
                seen.setdefault(a.entity, Counter())
            if a.entity in ids and not seen[a.entity]:
                seen[a.entity][a.text] += 1
    return {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, v in sorted(seen.items()) if v}


def _originals(items: list[Item]) -> list[Item]:
    """The items without those of later copies of a text (a re-dated mirror's dates are not the event's)."""
    first: dict[str, str] = {}
    for i in items:
        if i.story is not None:
            pub = i.doc.published or "9999"
            first[i.story] = min(first.get(i.story, pub), pub)
    return [i for i in items if i.story is None or (i.doc.published or "9999") == first[i.story]]


def _case_time(items: list[Item]) -> tuple[str | None, str | None]:
    """The intersection of the members' dated intervals when they agree, else their union."""
    return common_period([_interval(i.event) for i in items])


def _case_quantity(items: list[Item]) -> Quantity | None:
    qs = [i.event.quantity for i in items if i.event.quantity]
    if not qs:
        return None
    counted = Counter((q.value, _unit(q)) for q in qs)
    (value, unit), _ = sorted(counted.items(), key=lambda kv: (-kv[1], -kv[0][0], kv[0][1]))[0]
    return next(q for q in qs if q.value == value and _unit(q) == unit)


def _case_item(items: list[Item]) -> str | None:
    texts = Counter(a.text.strip() for i in items for a in i.event.arguments if a.role == "item" and a.text.strip())
    if not texts:
        return None
    return sorted(texts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]


_MONTHS = "January February March April May June July August September October November December".split()


def format_period(start: str | None, end: str | None) -> str | None:
    """'12 March 2018', 'March 2018', '2018' or 'from 2018-03-01 to 2018-05-31'."""
    s, e = _day(start), _day(end) if end else _day(start)
    if not s or not e:
        return None
    if s == e:
        return f"{s.day} {_MONTHS[s.month - 1]} {s.year}"
    month_end = (date(s.year + (s.month == 12), s.month % 12 + 1, 1) - timedelta(days=1))
    if s.day == 1 and e == month_end:
        return f"{_MONTHS[s.month - 1]} {s.year}"
    if (s.month, s.day) == (1, 1) and (e.month, e.day) == (12, 31):
        return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
    return f"between {s.isoformat()} and {e.isoformat()}"


def _number(value: float) -> str:
    v = int(value) if float(value).is_integer() else value
    return f"{v:,}" if isinstance(v, int) else f"{v:,.2f}".rstrip("0").rstrip(".")


def _plural(unit: str, value: float) -> str:
    # "7,000 containers", never "7,000 container"; codes ("USD") and plurals stay as written
    if value == 1 or not unit.isalpha() or not unit.islower() or unit.endswith("s"):
        return unit
    if unit.endswith("y") and unit[-2:-1] not in tuple("aeiou"):
        return unit[:-1] + "ies"
    return unit + "es" if unit.endswith(("x", "ch", "sh")) else unit + "s"


def format_quantity(q: Quantity) -> str:
    return f"{'about ' if q.approximate else ''}{_number(q.value)} {_plural(q.unit, q.value)}".strip()


def claims_quantity(claims: list[Claim]) -> str | None:
    """The figures the supporting claims give, as a range with who gave them: "1,000–20,000 containers
    (US, ROK, MSMT)".  Only the unit most claims use; more than three originators are counted, not named."""
    quantified = [c for c in claims if c.quantity is not None]
    if not quantified:
        return None
    by_unit: dict[str, list[Claim]] = defaultdict(list)
    for c in quantified:
        by_unit[_unit(c.quantity)].append(c)
    chosen = sorted(by_unit.values(), key=lambda cs: (-len({c.originator for c in cs}), -len(cs), _unit(cs[0].quantity)))[0]
    values = sorted({c.quantity.value for c in chosen})
    low = min(chosen, key=lambda c: c.quantity.value).quantity
    high = max(chosen, key=lambda c: c.quantity.value).quantity
    figures = format_quantity(low) if len(values) == 1 else \
        f"{_number(low.value)}–{_number(high.value)} {_plural(high.unit, high.value)}"
    who = list(dict.fromkeys(short_name(c.originator, c.originator_name) for c in chosen if c.originator_name))
    return f"{figures} ({_capped(who)})" if who else figures


def _capped(names: list[str], limit: int = TITLE_MAX_NAMES) -> str:
    """At most ``limit`` names: "A, B and C"; beyond that "A, B and 3 others"."""
    if len(names) > limit:
        shown = names[:limit - 1] + [f"{len(names) - limit + 1} others"]
    else:
        shown = names
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _ranked(ids: list[str], names: dict[str, str], support: Counter[str] | None) -> list[str]:
    """Display names, the actors most members name first (then by name)."""
    counts = support or Counter()
    return [names.get(i, i) for i in sorted(ids, key=lambda i: (-counts.get(i, 0), names.get(i, i)))]


def summarise(
    label: str,
    actors: dict[str, list[str]],
    names: dict[str, str],
    item: str | None,
    quantity: Quantity | None,
    start: str | None,
    end: str | None,
    *,
    claims: list[Claim] | None = None,
    support: Counter[str] | None = None,
) -> str:
    """One sentence from the case fields: who, what, to whom, how much (the claims' range and who gives
    it, else the case's figure), when.  It names at most three actors: beyond that, the best attested and
    a count."""
    other = "recipient" if actors.get("recipient") else "partner" if actors.get("partner") else None
    agent_budget = TITLE_MAX_NAMES - (1 if other else 0)
    who = _capped(_ranked(actors["agent"], names, support), agent_budget) if actors.get("agent") else "Unidentified actor"
    text = f"{who}: {label}"
    if item:
        text += f" of {item}"
    if other:
        text += f" {'to' if other == 'recipient' else 'with'} {_capped(_ranked(actors[other], names, support), 1)}"
    figures = claims_quantity(claims or [])
    if figures and figures.endswith(")"):  # "…, 1,000–20,000 containers (US, ROK, MSMT), in 2024."
        text += f", {figures}"
    elif figures:
        text += f" ({figures})"
    elif quantity:
        text += f" ({format_quantity(quantity)})"
    when = format_period(start, end)
    if when:
        if when.startswith("between"):
            text += f", {when}"
        else:  # "on 12 March 2024", "in March 2024", "in 2017–2023"
            text += f", on {when}" if start == (end or start) else f", in {when}"
    return text + "."

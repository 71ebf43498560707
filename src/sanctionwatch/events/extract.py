"""The entry point: events of every parsed sentence, with time, quantity and modality."""

from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from spacy.tokens import Span, Token

from ..actors import dateline_end
from ..model import Argument, Document, Event, Fragment, Quantity, strip_span
from ..quantity import find_quantities
from ..read import Parsed
from ..timex import find_times, parse_anchor
from .arguments import _arguments, _Ctx, _resolve_agent
from .modality import _attribution_of, _local_modality, _modality
from .taxonomy import Taxonomy, load_taxonomy
from .triggers import _lemma_matches, _phrase_matches, _select

# --- quantity and time -------------------------------------------------------


def _pick(found: list[tuple[int, int, Any]], clause: tuple[int, int], trigger_at: int) -> tuple[int, int, Any] | None:
    """The expression inside the trigger's clause nearest the trigger, else the nearest in the sentence."""
    if not found:
        return None
    inside = [f for f in found if f[0] >= clause[0] and f[1] <= clause[1]]
    pool = inside or found
    return min(pool, key=lambda f: min(abs(f[0] - trigger_at), abs(f[1] - trigger_at)))


def _clause(ctx: _Ctx, head: Token) -> tuple[int, int]:
    # the subtree of the nearest verb at or above the trigger
    v = head
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return ctx.base + v.left_edge.idx, ctx.base + v.right_edge.idx + len(v.right_edge)


# --- entry point -------------------------------------------------------------


def extract_events(parsed: Parsed, doc: Document, taxonomy: Taxonomy | None = None) -> list[Event]:
    """Events of every parsed sentence of ``doc`` (entities and attributions already filled)."""
    tax = taxonomy or load_taxonomy()
    anchor: date | None = parse_anchor(doc.published)
    events: list[Event] = []
    for block in parsed.blocks:
        for sent in block.doc.sents:
            events.extend(_sentence_events(_Ctx(doc.text, block.start, doc.entities, tax), sent, doc, anchor))
    return events


def _sentence_events(ctx: _Ctx, sent: Span, doc: Document, anchor: date | None) -> list[Event]:
    tax = ctx.tax
    hits = _select(_phrase_matches(sent, tax) + _lemma_matches(sent, tax), tax)
    if not hits:
        return []
    s0, s1 = ctx.base + sent.start_char, ctx.base + sent.end_char
    dateline = dateline_end(ctx.text, s0, s1)
    times = [t for t in find_times(ctx.text, s0, s1, anchor) if t[0] >= dateline]
    quantities = find_quantities(ctx.text, s0, s1)
    out: list[Event] = []
    for hit in hits:
        local, generic = _local_modality(hit.head, tax)
        if generic:
            continue
        span = sent[hit.start_tok:hit.end_tok]
        trig = Fragment.of(ctx.text, ctx.base + span.start_char, ctx.base + span.end_char)
        clause = _clause(ctx, hit.head)
        time = _pick(times, clause, trig.start)
        # a quantity must lie in the trigger's clause: amounts elsewhere in the sentence count other things
        qty = _pick([q for q in quantities if not _overlaps(q, times) and clause[0] <= q[0] and q[1] <= clause[1]], clause, trig.start)
        args = _arguments(ctx, hit, hit.type, times, qty)
        if time is not None:
            args.append(Argument("time", time[0], time[1], ctx.text[time[0]:time[1]]))
        att = _attribution_of(doc.attributions, trig.start, trig.end)
        args = _resolve_agent(ctx, sent, hit, args, dateline, doc.attributions[att] if att is not None else None)
        agent = next((a for a in args if a.role == "agent"), None)
        modality = _modality(local, doc.attributions[att] if att is not None else None, agent)
        out.append(Event(
            type=hit.type,
            trigger=trig,
            arguments=args,
            quantity=_quantity(qty),
            time=time[2] if time else None,
            modality=modality,
            attribution=att,
            sentence=Fragment.of(ctx.text, *strip_span(ctx.text, s0, s1)),
            confidence=0.9 if hit.context is not None or hit.end_tok - hit.start_tok > 1 else 0.7,
        ))
    return out


def _quantity(found: tuple[int, int, Quantity] | None) -> Quantity | None:
    return found[2] if found else None


def _overlaps(f: tuple[int, int, Any], others: Sequence[tuple[int, int, Any]]) -> bool:
    return any(f[0] < o[1] and o[0] < f[1] for o in others)




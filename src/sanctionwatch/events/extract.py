"""The entry point: events of every parsed sentence, with time, quantity and modality."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, Sequence

from spacy.tokens import Span, Token

from ..actors import dateline_end
from ..model import Argument, Document, Event, Fragment, Quantity, TimeValue, strip_span
from ..quantity import find_quantities, joined_counts, list_members
from ..read import Parsed
from ..dates import parse_anchor
from ..timex import find_times, labels_a_document
from .abroad import workers_abroad_hits
from .labour import employer_place, labour_purpose
from .accusations import accused_agents
from .noun_counts import of_phrase_count
from .present_value import without_present_values
from .speaker_country import speaker_country
from .agents import document_voice, resolve_agent
from .argument_spans import ArgumentContext
from .arguments import event_arguments
from .history import anniversary_time, is_past, named_period, narrative_time, told_in_past
from .modality import attribution_of, combine_modality, local_modality
from .nominal import document_typed_hits
from .one_act import repeated_acts
from .owner_agent import owner_as_agent
from .equated_time import equated_time
from .training import trainee_roles
from .places import with_enclosing_places
from .appositions import with_named_appositions
from .discourse_time import discourse_times
from .implicit_agents import implicit_agents
from .planned_time import planned_time
from .raising import raising_clause
from .receivers import receiver_as_recipient
from .price import sale_price
from .assisted import assisted_party
from .relatives import relative_antecedents
from .taxonomy import Taxonomy, load_taxonomy
from .timing import clause_of, own_time, pick, reported_time, scraper_lines
from .sentence_keys import sentence_keys
from .sightings import sighting_parties
from .triggers import TriggerHit, lemma_matches, phrase_matches, select_hits

# --- entry point -------------------------------------------------------------


def extract_events(parsed: Parsed, doc: Document, taxonomy: Taxonomy | None = None) -> list[Event]:
    """Events of every parsed sentence of ``doc`` (entities and attributions already filled)."""
    tax = taxonomy or load_taxonomy()
    anchor: date | None = parse_anchor(doc.published)
    voice = document_voice(doc)
    events: list[Event] = []
    for block in parsed.blocks:
        for sent in block.doc.sents:
            events.extend(_sentence_events(ArgumentContext(doc.text, block.start, doc.entities, tax), sent, doc, anchor,
                                           voice=voice))
    # second pass: "the country's launch on March 3" has no context word of its own, but the
    # document's other launches say which launch it is
    doc_types = Counter(e.type for e in events)
    if doc_types:
        taken = {e.trigger.start for e in events}
        typed = {(e.trigger.start, e.type) for e in events}
        for block in parsed.blocks:
            ctx = ArgumentContext(doc.text, block.start, doc.entities, tax)
            for sent in block.doc.sents:
                extra = document_typed_hits(ctx, sent, doc_types, taken)
                # rules that fire only in a story reporting their type ("Kang arrived in South Korea")
                extra += [h for h in lemma_matches(sent, tax, None, doc_types)
                          if ctx.base + h.head.idx not in taken and all(h.head.i != e.head.i for e in extra)
                          and not _object_of_same_act(h, ctx.base, typed)]
                if extra:
                    found = _sentence_events(ctx, sent, doc, anchor, extra, voice)
                    events.extend(_with_antecedent_actors(e, events) for e in found)
        events.sort(key=lambda e: e.trigger.start)
    return implicit_agents(discourse_times(parsed, events, anchor, tax), doc.text)


def _object_of_same_act(hit: TriggerHit, base: int, typed: set[tuple[int, str]]) -> bool:
    """"launched 12 attacks with malware", "used ransomware in nine attacks": a noun the story's rules type,
    as the object of a verb (or of its preposition) already read as an event of its type, is that event again."""
    gov = hit.head.head
    if hit.head.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    return hit.head.dep_ in ("dobj", "pobj", "compound") and (base + gov.idx, hit.type) in typed


def _sentence_events(ctx: ArgumentContext, sent: Span, doc: Document, anchor: date | None, hits: list[TriggerHit] | None = None,
                     voice: str | None = None) -> list[Event]:
    tax = ctx.tax
    if hits is None:
        keys = sentence_keys(sent)
        hits = select_hits(phrase_matches(sent, tax, keys) + lemma_matches(sent, tax, keys), tax)
        hits += workers_abroad_hits(ctx, sent, hits, keys)
        hits = labour_purpose(hits, tax.modality.get("worker_nouns", frozenset()))
    if not hits:
        return []
    s0, s1 = ctx.base + sent.start_char, ctx.base + sent.end_char
    dateline = dateline_end(ctx.text, s0, s1)
    meta = scraper_lines(ctx.text, s0, s1)
    times = [t for t in find_times(ctx.text, s0, s1, anchor) if t[0] >= dateline and not _overlaps(t, meta)]
    if len(times) > 1:
        # "on 5 March, by adopting Resolution 2270 (2016)": the year names the resolution; the day dates the act
        times = [t for t in times if not labels_a_document(ctx.text, t[0], t[1])]
    quantities = without_present_values(ctx.text, [q for q in find_quantities(ctx.text, s0, s1)
                                                   if not _number_in_a_name(ctx.text, q, doc.entities)])
    untimed = [q for q in quantities if not _overlaps(q, times)]  # amounts that are no part of a date
    heads = {h.head.i for h in hits}
    out: list[Event] = []
    made: list[tuple[Token, Event]] = []
    for hit in hits:
        local, generic = local_modality(hit.head, tax)
        if generic:
            continue
        span = sent[hit.start_tok:hit.end_tok]
        trig = Fragment.of(ctx.text, ctx.base + span.start_char, ctx.base + span.end_char)
        clause = clause_of(ctx.base, raising_clause(hit.head, tax.modality.get("raising_heads", frozenset())))
        time = equated_time(sent, ctx.base, times, hit.head, heads, tax, hit.type,
                            own_time(sent, ctx.base, times, hit.head, heads, tax, hit.type))
        # a quantity must lie in the trigger's clause: amounts elsewhere in the sentence count other things
        qty = _bare_count(ctx, hit) or of_phrase_count(ctx.base, hit.head, untimed) or pick(untimed, clause, trig.start)
        qty = sale_price(ctx.base, hit.head, qty, untimed)
        args = relative_antecedents(ctx, hit, event_arguments(ctx, hit, hit.type, times, qty))
        args = sighting_parties(ctx, hit.head, hit.type, args, tax.modality.get("sighting_verbs", frozenset()))
        # "Two officials told him to smuggle rifles": in a type whose quantity is of the goods or money moved, a
        # count of those who act is not the event's ("4,000 workers earn", "eleven countries set up a team" are)
        counted = ("item",) if hit.type in tax.modality.get("moved_goods_types", ()) else ("agent", "item")
        if qty is not None and "agent" not in counted and any(
                a.role == "agent" and a.start < qty[1] and qty[0] < a.end for a in args):
            args = [a for a in args if not (a.role == "quantity" and a.start == qty[0])]
            qty = None
        if qty is None:
            qty = _described_amount(ctx.base, hit.head, untimed) or _spent_amount(
                ctx.base, hit.head, quantities, tax.modality.get("spending_verbs", frozenset()))
            if qty is not None:
                args.append(Argument("quantity", qty[0], qty[1], ctx.text[qty[0]:qty[1]]))
        if qty is None:
            # a count inside a participant shared from another clause is the event's too
            # ("More than 100,000 North Korean workers remain abroad, earning cash")
            qty = _participant_count(quantities, times, args, counted)
            if qty is not None:
                args.append(Argument("quantity", qty[0], qty[1], ctx.text[qty[0]:qty[1]]))
        if qty is not None and "quantity" in tax.types[hit.type].roles:
            # "800 and then 1,200 tons": every listed figure is a value of the event
            args.extend(Argument("quantity", m0, m1, ctx.text[m0:m1]) for m0, m1, _ in list_members(ctx.text, qty, s0))
            # "added one person and 21 entities": counts joined to it are figures of the same act
            args.extend(Argument("quantity", m0, m1, ctx.text[m0:m1]) for m0, m1 in joined_counts(ctx.text, qty, quantities))
        if time is not None:
            args.append(Argument("time", time[0], time[1], ctx.text[time[0]:time[1]]))
        when, historical = _history(ctx, sent, clause, hit.head, trig.start, time[2] if time else None, anchor)
        if when is not None and time is None and isinstance(when[0], Argument):
            args.append(when[0])
        att = attribution_of(doc.attributions, trig.start, trig.end)
        args = resolve_agent(ctx, sent, hit, args, dateline, doc.attributions[att] if att is not None else None, voice)
        args = speaker_country(ctx, accused_agents(ctx, args, doc.attributions, att), doc.attributions, att)
        args = with_enclosing_places(ctx, sent, with_named_appositions(ctx, sent, args), tax.types[hit.type].roles)
        args = trainee_roles(ctx, hit.head, hit.type, owner_as_agent(ctx, sent, hit.type, args))
        agent = next((a for a in args if a.role == "agent"), None)
        if hit.agents and agent is not None and agent.entity is not None and not any(
                a.entity in hit.agents for a in args if a.role == "agent"):
            continue  # an act that is this type only in other hands ("the DPRK rejected the resolution")
        modality = combine_modality(local, doc.attributions[att] if att is not None else None, agent,
                                    tax.modality.get("self_reference_nouns", frozenset()),
                                    tax.modality.get("state_media", frozenset()))
        args = employer_place(ctx, hit.head, hit.type, receiver_as_recipient(hit.head, hit.type, args, tax))
        args = assisted_party(ctx, hit.head, hit.type, args, tax)
        out.append(Event(
            type=hit.type,
            trigger=trig,
            arguments=args,
            quantity=_quantity(qty),
            time=(planned_time(when[1], modality, hit.head, ctx.text, time[0], anchor) if time is not None else when[1])
            if when is not None else None,
            reported=reported_time(sent, ctx.base, times, hit.head, heads, anchor),
            modality=modality,
            attribution=att,
            sentence=Fragment.of(ctx.text, *strip_span(ctx.text, s0, s1)),
            confidence=0.9 if hit.context is not None or hit.end_tok - hit.start_tok > 1 else 0.7,
            historical=historical,
        ))
        made.append((hit.head, out[-1]))
    _share_coordinated(made)
    repeated = repeated_acts(made)
    return [e for e in out if not any(e is r for r in repeated)]


# what two coordinated verbs of one act share ("breached the exchange and stole $7 million in March")
_COORDINATED_ROLES = ("agent", "target", "time")


def _share_coordinated(made: Sequence[tuple[Token, Event]]) -> None:
    """Two verbs of one type joined by "and" under one subject ("hackers breached the exchange and stole
    $7 million in March 2019") tell one act: the victim one names and the time the other gives are both's.
    So does a gerund of the same type that tells how ("defected by crossing the border on Sunday")."""
    for first, a in made:
        for second, b in made:
            if a is not b and a.type != b.type and _means_of(first, second) and b.time is None and a.time is not None:
                # "tightened sanctions on 5 March by adopting a resolution": the means is as dated as the act
                b.arguments = list(b.arguments) + [r for r in a.arguments if r.role == "time"]
                b.time = a.time
                continue
            if a is b or a.type != b.type or not (_coordinated(first, second) or _means_of(first, second)):
                continue
            for x, y in ((a, b), (b, a)):
                have = {r.role for r in x.arguments}
                shared = [r for r in y.arguments if r.role in _COORDINATED_ROLES and r.role not in have]
                x.arguments = list(x.arguments) + shared
                if x.time is None and any(r.role == "time" for r in shared):
                    x.time = y.time


def _coordinated(first: Token, second: Token) -> bool:
    return (second.dep_ == "conj" and second.head.i == first.i and second.pos_ in ("VERB", "AUX")
            and not any(c.dep_.startswith("nsubj") for c in second.children))


def _means_of(first: Token, second: Token) -> bool:
    """"defected by crossing": the gerund under the verb's "by" phrase."""
    return (second.dep_ == "pcomp" and second.tag_ == "VBG" and second.head.lower_ == "by"
            and second.head.head.i == first.i)


def _history(ctx: ArgumentContext, sent: Span, clause: tuple[int, int], head: Token, trigger_at: int,
             own: TimeValue | None, anchor: date | None) -> tuple[tuple[Argument | None, TimeValue] | None, bool]:
    """The event's time ((its argument, its value), or None) and whether it is history, not news: its own
    time, else a named past period in its clause, else the time of the story it is retold in (these two
    only when they lie in the past: an undated event of the present keeps no time)."""
    rules = ctx.tax.history
    if own is not None:
        return (None, own), is_past(own, anchor, rules)
    marked = anniversary_time(head, anchor)
    if marked is not None and is_past(marked, anchor, rules):
        return (None, marked), True
    if not told_in_past(head):
        return None, False
    period = named_period(ctx.text, clause, rules)
    if period is not None and is_past(period[1], anchor, rules):
        return period, True
    s0, s1 = ctx.base + sent.start_char, ctx.base + sent.end_char
    story = narrative_time(ctx.text, ctx.base, (s0, s1), trigger_at, anchor, rules, sent.doc)
    if story is not None and is_past(story, anchor, rules):
        return (None, story), True
    return None, False


# roles a back reference ("the breach", "its launch") shares with the event it refers to
_SHARED_ROLES = ("agent", "target", "recipient")


def _with_antecedent_actors(ev: Event, events: Sequence[Event]) -> Event:
    """A nominal event typed by its document refers back to the nearest earlier event of its type:
    the actors that event names and this mention leaves out are this event's too."""
    earlier = [e for e in events if e.type == ev.type and e.trigger.start < ev.trigger.start]
    if not earlier:
        return ev
    have = {a.role for a in ev.arguments}
    extra = []
    for role in _SHARED_ROLES:
        if role in have:
            continue
        # the nearest earlier mention that names this participant
        named = next((a for e in reversed(earlier) for a in e.arguments if a.role == role and a.entity is not None), None)
        if named is not None:
            extra.append(named)
    if extra:
        ev.arguments = list(ev.arguments) + extra
    return ev


def _bare_count(ctx: ArgumentContext, hit: TriggerHit) -> tuple[int, int, Quantity] | None:
    """A number that is the trigger's object on its own ("North Korea fired 23 - the most in a day"): the
    count of what typed the event, which an amount named later in the clause must not replace."""
    if hit.context is None or hit.context.pos_ != "NOUN" or hit.head.pos_ != "VERB":
        return None
    for c in hit.head.children:
        if c.dep_ in ("dobj", "obj") and c.tag_ == "CD" and c.i > hit.head.i:
            try:
                value = float(c.text.replace(",", ""))
            except ValueError:
                return None
            s = ctx.base + c.idx
            return s, s + len(c), Quantity(int(value) if value.is_integer() else value, hit.context.lemma_.lower(), False, c.text)
    return None


def _described_amount(base: int, trigger: Token, quantities):
    """"$28.7 million worth of cryptocurrency stolen from an exchange": a passive participle describing a
    noun counts the amount that noun phrase states before it (through an "of" to its measure)."""
    if trigger.dep_ != "acl" or trigger.tag_ != "VBN":
        return None
    noun = trigger.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "NUM"):
        noun = noun.head.head
    lo, hi = base + noun.left_edge.idx, base + trigger.idx
    return next((q for q in quantities if lo <= q[0] and q[1] <= hi), None)


def _spent_amount(base: int, trigger: Token, quantities, spending: frozenset[str]):
    """"paid $2 million importing fuel": the sum a verb of spending pays out is what its gerund's event cost."""
    if trigger.tag_ != "VBG" or trigger.dep_ not in ("xcomp", "advcl", "pcomp") or trigger.head.lemma_.lower() not in spending:
        return None
    paid = [c for c in trigger.head.children if c.dep_ in ("dobj", "obj") and c.i < trigger.i]
    for c in paid:
        lo, hi = base + c.left_edge.idx, base + c.right_edge.idx + len(c.right_edge)
        found = next((q for q in quantities if lo <= q[0] and q[1] <= hi and q[2].unit.isupper()), None)
        if found is not None:
            return found
    return None


def _participant_count(quantities, times, args: list[Argument], roles: tuple[str, ...]):
    spans = [(a.start, a.end) for a in args if a.role in roles]
    return next((q for q in quantities if not _overlaps(q, times) and any(q[0] < e and s < q[1] for s, e in spans)), None)


def _number_in_a_name(text: str, q: tuple[int, int, Any], entities) -> bool:
    """"Fortune 500 companies", "Office 39", "the Hwasong-18 missile": a number that is part of a name counts nothing."""
    digit = next((i for i in range(q[0], q[1]) if text[i].isdigit()), None)
    # a word of its own or a model number after a word of the name ("Hwasong-18"); "US300" is a currency the
    # NER misread, not a name
    return digit is not None and (text[digit - 1].isspace() or text[digit - 1] in "-\u2010\u2011") and any(
        m.start < digit < m.end and text[m.start].isalpha() for e in entities for m in e.mentions
    )


def _quantity(found: tuple[int, int, Quantity] | None) -> Quantity | None:
    return found[2] if found else None


def _overlaps(f: tuple[int, int, Any], others: Sequence[tuple[int, int, Any]]) -> bool:
    return any(f[0] < o[1] and o[0] < f[1] for o in others)




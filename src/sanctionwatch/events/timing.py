"""Which time expression (and quantity) of a sentence belongs to which event.

An event's ``time`` is when it happened, read from a time expression that the
parse attaches to the event itself: to its trigger, to a verb whose noun the
trigger is ("conducted a test on ..."), to a verb modifying the trigger noun
("the test conducted on ..."), or to a verb that controls it ("began shipping
in ...").  A time attached to a reporting verb ("said on Friday"), to another
event or to a background clause ("..., which it invaded in 2022") is not the
event's time: the report's date goes to ``reported`` instead, and an event
with no time of its own keeps ``time`` null rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Sequence

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Span, Token

from ..model import TimeValue
from .hedges import hedge_clauses
from .taxonomy import Taxonomy

Found = tuple[int, int, Any]

_VERBISH = ("VERB", "AUX")
# a noun trigger borrows the time of the verb it is the subject or object of
_NOUN_TO_VERB = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "obj", "appos", "conj"})
# the scraper's metadata line ("date 2024-04-03 News") is not a time in the story
_SCRAPER_DATE = re.compile(r"^[ \t]*date[ \t]+\d{4}-\d\d-\d\d\b", re.I | re.M)


def scraper_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges of scraper date lines inside [start, end)."""
    out = []
    for m in _SCRAPER_DATE.finditer(text, start, end):
        eol = text.find("\n", m.start())
        out.append((m.start(), end if eol < 0 else eol))
    return out


def _root_at(sent: Span, base: int, start: int, end: int) -> Token | None:
    """The syntactic root of the tokens covering [start, end)."""
    # offsets from the doc's arrays: only the covering tokens become Token objects
    rows = sent.doc.to_array([IDX, LENGTH])[sent.start : sent.end].tolist()
    toks = [sent[k] for k, (idx, n) in enumerate(rows) if base + idx < end and start < base + idx + n]
    if not toks:
        return None
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[0])


def owner(sent: Span, base: int, found: Found, heads: set[int]) -> Token | None:
    """The token a time expression hangs from: the nearest event trigger or verb above it."""
    t = _root_at(sent, base, found[0], found[1])
    while t is not None:
        if t.i in heads or t.pos_ in _VERBISH or t.head.i == t.i:
            return t
        t = t.head
    return None


_CLAUSAL = frozenset({"ccomp", "relcl", "advcl", "parataxis", "csubj"})
# an act named after one of these is another act than the clause's, before or after it in time
_SEQUENCE_PREPS = frozenset({"after", "before", "following", "since"})
_BARRIER_LISTS = ("allege_heads", "deny_heads", "accuse_heads", "reaction_heads")


def barrier_verbs(tax: Taxonomy) -> frozenset[str]:
    """Verbs whose time is their own act (a report, a denial, a reaction), never the event's."""
    out: frozenset[str] = frozenset()
    for key in _BARRIER_LISTS:
        out |= tax.modality.get(key, frozenset())
    return out


def own_tokens(head: Token, heads: set[int], tax: Taxonomy, announced: bool = False) -> set[int]:
    """Tokens above the trigger whose time expressions date its event.

    A noun trigger takes the time of the verb it is the subject or object of
    ("vetoed the renewal last week", "the launch on Monday failed") and of the
    verbs modifying it ("the test conducted on ..."); from there the walk goes
    up through non-clausal links ("started sending ... in 2019") and stops at a
    clause boundary, another event or a verb of saying or reacting.
    """
    stop = barrier_verbs(tax)
    # "fired what appeared to be two missiles on Thursday": the hedge's clause tells the firing's time
    own = {head.i, *(v.i for v in hedge_clauses(head, tax.modality.get("hedge_verbs", frozenset())))}
    t = head
    if head.pos_ in ("NOUN", "PROPN"):
        own.update(c.i for c in head.children if c.dep_ == "acl")
        while t.dep_ in _NOUN_TO_VERB and t.head.i != t.i and t.head.pos_ not in _VERBISH:
            t = t.head
        if t.dep_ in _NOUN_TO_VERB and t.head.i != t.i and t.head.lemma_.lower() not in stop:
            t = t.head
            own.add(t.i)
    enacting = tax.modality.get("enacting_heads", frozenset()) if announced else frozenset()
    if (head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.pos_ in _VERBISH and head.head.i not in heads
            and not any(c.dep_.startswith("nsubj") for c in head.children)):
        # a participle trigger is done with its clause's act, at its time ("tied it to the gang on
        # Friday, adding it to the list"), even after a claim verb
        own.add(head.head.i)
        return own
    while t.head.i != t.i:
        g = t.head
        if t.dep_ in _CLAUSAL and not (_simultaneous(t) or purpose_clause(t, tax) or g.lemma_.lower() in enacting):
            break
        if g.i in heads or (g.lemma_.lower() in stop and g.lemma_.lower() not in enacting):
            break
        own.add(g.i)
        t = g
    return own


def purpose_clause(verb: Token, tax: Taxonomy) -> bool:
    """"evaded sanctions to import fuel last year": an infinitive of purpose after its verb, without a subject of
    its own, is done by the clause's subject, at the clause's time. One opening the sentence ("To pass a
    resolution, ...") is an aim; so is one after an aim noun ("adopted a draft to tighten sanctions") or under a
    verb of blocking or rejecting ("vetoed a push to impose sanctions"): the parser hung the object's aim on
    the verb, and the one who blocks it does not do it."""
    mod = tax.modality
    return (verb.dep_ == "advcl" and verb.tag_ == "VB" and verb.head.pos_ in _VERBISH and verb.i > verb.head.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_.startswith("nsubj") or c.dep_ == "mark" for c in verb.children)
            and verb.head.lemma_.lower() not in mod.get("negating_heads", frozenset()) | mod.get("deny_heads", frozenset())
            and not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in mod.get("aim_nouns", frozenset())
                        for c in verb.head.children))


def _simultaneous(clause_head: Token) -> bool:
    # "... last year, when the Treasury sanctioned X": the main clause's time is the when-clause's
    return clause_head.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ in ("when", "while") or c.dep_ == "mark" and c.lower_ in ("when", "while") for c in clause_head.children)


def _below(o: Token, head: Token, heads: set[int]) -> bool:
    """Whether ``o`` hangs under ``head`` without a clause boundary or another event between."""
    t = o
    while t.head.i != t.i:
        if t.dep_ in _CLAUSAL or (t.i != o.i and t.i in heads):
            return False
        t = t.head
        if t.i == head.i:
            return True
    return False


def own_time(sent: Span, base: int, times: Sequence[Found], head: Token, heads: set[int], tax: Taxonomy, etype: str) -> Found | None:
    """The time expression that dates the event itself, nearest the trigger; None when it has none."""
    possessed = (_possessive_time(sent, base, times, head) or _premodifier_time(sent, base, times, head)
                 or next((f for f in times if _right_after(head, base, f)), None))
    if possessed is not None:
        return possessed
    counted = _series_time(sent, base, times, head, heads, tax)
    if counted is not None:
        return counted
    own = own_tokens(head, heads, tax, tax.types[etype].dated_by_announcement)
    clause = clause_of(base, head)
    # "According to the ministry on Tuesday, X sent ... in 2023": a source phrase under the event keeps its time
    # (only those: a barrier verb under the event, "individuals linked to the trade last week", is the event's)
    sourcing = tax.modality.get("source_phrases", frozenset())
    mine = []
    for f in times:
        o = owner(sent, base, f, heads)
        if o is not None and o.i != head.i and any(
                h != head.i and (_reacted_to_on(o, sent.doc[h], base, f, tax) or _right_after(sent.doc[h], base, f))
                for h in heads):
            continue  # "condemned X's test on Sept 9": the date is the reacted-to event's, no other event's
        if o is None or (o.pos_ not in _VERBISH and o.i not in heads):
            # no verb above it (a headline, a fragment): the trigger's clause or phrase decides
            if (clause[0] <= f[0] and f[1] <= clause[1]) or (o is not None and _below(head, o, heads)):
                mine.append(f)
        elif o.i in own or (o.i not in heads and o.lemma_.lower() not in sourcing and _below(o, head, heads)):
            mine.append(f)
        elif _reacted_to_on(o, head, base, f, tax):
            mine.append(f)
        elif o.i not in heads and o.head.i in own and (purpose_clause(o, tax) or _simultaneous(o)):
            # "sent 900 soldiers to help the war effort in May last year": the parser hangs the sending's time on
            # the infinitive of purpose after it, which is no event of its own; "inspected the ship when it
            # entered port on Nov 24": a when-clause under the event happens at its time
            mine.append(f)
    if not mine:
        mine = _coordinated_time(sent, base, times, own, heads)
    if not mine:
        return None
    at = base + head.idx
    # the time hung on the nearest word above the trigger dates it before one hung higher up: "pinpointed X
    # last year as being behind a heist ... in 2016" (the heist is 2016's, the pinpointing last year's)
    height = {head.i: 0}
    t = head
    while t.head.i != t.i:
        t = t.head
        height[t.i] = len(height)

    def rank(f: Found) -> tuple[int, int]:
        o = owner(sent, base, f, heads)
        return (height.get(o.i, 0) if o is not None else 0, min(abs(f[0] - at), abs(f[1] - at)))

    best = min(mine, key=rank)
    if best[2].granularity in ("day", "week") and _after_sequence_word(head):
        return None  # "imposed sanctions on Friday after North Korea's test": the test is not Friday's
    return best


def _after_sequence_word(head: Token) -> bool:
    """Whether a noun trigger is named after "after", "before", "following" or "since" ("... after its last
    launch"): another act than its clause's, on another day (a coarser time, "in 2006", may still hold both)."""
    return head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" and head.head.lower_ in _SEQUENCE_PREPS


def _right_after(head: Token, base: int, f: Found) -> bool:
    """"Iran's third missile test on 4 May": a time phrase right after an event noun with an owner dates
    that one event, wherever the parser hung it (a quotation mark or an aside before the noun can send it up
    to a verb of reacting or to another clause). A noun with no owner is a kind of act ("capping oil deliveries
    in December", "linked to the arms trade last week"): the date there is the clause's."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in head.children):
        return False
    end = head.idx + len(head)
    return f[0] - base >= end and not head.doc.text[end:f[0] - base].strip()


def _reacted_to_on(verb: Token, head: Token, base: int, f: Found, tax: Taxonomy) -> bool:
    """"denounced the launch of a rocket by X on March 9": a date after the reaction's event object
    (and its complements) dates that event, as one before it ("on Friday condemned ...") dates the reaction."""
    # (a noun the parser read as a clause, "denounced, “with great alarm”, X's test", is the object too)
    return (head.pos_ == "NOUN" and head.dep_ in ("dobj", "obj", "ccomp") and head.head.i == verb.i
            and verb.lemma_.lower() in tax.modality.get("reaction_heads", frozenset())
            and f[0] >= base + head.right_edge.idx + len(head.right_edge))


def _coordinated_time(sent: Span, base: int, times: Sequence[Found], own: set[int], heads: set[int]) -> list[Found]:
    """"conducted a transfer of oil and fabricated documents in mid-October": a verb with no time of its own
    takes the time of the verb coordinated after it that shares its subject (one that is no event itself)."""
    out = []
    for i in own:
        verb = sent.doc[i]
        if verb.pos_ not in _VERBISH:
            continue
        for cj in verb.children:
            if cj.dep_ != "conj" or cj.pos_ not in _VERBISH or cj.i in heads or any(c.dep_.startswith("nsubj") for c in cj.children):
                continue
            out.extend(f for f in times if (o := owner(sent, base, f, heads)) is not None and o.i == cj.i)
    return out


def _premodifier_time(sent: Span, base: int, times: Sequence[Found], head: Token) -> Found | None:
    """"the January nuclear test", "its 2017 launch": a date modifying the trigger noun dates it."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    for f in times:
        r = _root_at(sent, base, f[0], f[1])
        if r is not None and r.i < head.i and r.head.i == head.i and r.dep_ in ("nmod", "compound", "npadvmod", "amod"):
            return f
    return None


def _series_time(sent: Span, base: int, times: Sequence[Found], head: Token, heads: set[int], tax: Taxonomy) -> Found | None:
    """"a series of missile tests this year": a time on the series noun is the time of what it counts (the
    parser hangs it on the series, and the series on whatever came before)."""
    prep = head.head
    if not (head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in tax.modality.get("series_nouns", ())):
        return None
    series = prep.head
    for f in times:
        t = _root_at(sent, base, f[0], f[1])
        while t is not None and t.head.i != t.i and t.i not in heads and t.dep_ not in _CLAUSAL:
            t = t.head
            if t.i == series.i:
                return f
    return None


# what may stand between a possessive date and its noun: "last week's $1.4 billion crypto theft"
_NP_INSIDE = frozenset({"ADJ", "NUM", "SYM", "NOUN", "PROPN", "PUNCT", "ADV"})


def _possessive_time(sent: Span, base: int, times: Sequence[Found], head: Token) -> Found | None:
    """"Monday's launch", "last week's theft": a date in the possessive is the time of the noun it owns,
    however the parser hangs it (a curly apostrophe often sends it to the verb)."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    for f in times:
        marker = next((t for t in sent if base + t.idx == f[1] and t.tag_ == "POS"), None)
        if marker is None or marker.i >= head.i:
            continue
        if all(sent.doc[k].pos_ in _NP_INSIDE for k in range(marker.i + 1, head.i)):
            return f
    return None


def reported_time(sent: Span, base: int, times: Sequence[Found], head: Token, heads: set[int], published: date | None) -> TimeValue | None:
    """When the event was reported: a time on a verb governing the trigger ("said on Friday"), else the publication date."""
    governors = []
    t = head
    while t.head.i != t.i:
        t = t.head
        governors.append(t.i)
    for g in governors:
        for f in times:
            o = owner(sent, base, f, heads)
            if o is not None and o.i == g:
                return f[2]
    if published is None:
        return None
    iso = published.isoformat()
    return TimeValue(iso, iso, iso, "day", anchored=True)


def pick(found: Sequence[Found], clause: tuple[int, int], trigger_at: int) -> Found | None:
    """The expression inside the trigger's clause nearest the trigger."""
    inside = [f for f in found if f[0] >= clause[0] and f[1] <= clause[1]]
    if not inside:
        return None
    return min(inside, key=lambda f: min(abs(f[0] - trigger_at), abs(f[1] - trigger_at)))


def clause_of(base: int, head: Token) -> tuple[int, int]:
    """Character range of the subtree of the nearest verb at or above the trigger; for a participle
    modifying a noun ("stolen coins worth $5 million"), the noun phrase it modifies."""
    if head.dep_ == "amod" and head.head.pos_ in ("NOUN", "PROPN"):
        n = head.head
        last = n.right_edge
        after = n.doc[last.i + 1] if last.i + 1 < len(n.doc) else None
        if after is not None and after.lower_ == "worth":
            last = after.right_edge  # "stolen coins worth $2 billion", the value hung elsewhere by the parser
        return base + n.left_edge.idx, base + last.idx + len(last)
    v = head
    while v.pos_ not in _VERBISH and v.head.i != v.i:
        v = v.head
    return base + v.left_edge.idx, base + v.right_edge.idx + len(v.right_edge)

"""What a report covers: an "according to" phrase reports its sentence, and a report whose object or clause
is another attribution takes that whole attribution as its content (the inner one nests in it)."""

from __future__ import annotations

from spacy.tokens import Doc

from .features import QUOTE_CHARS
from .rules import according_rule
from .tagger import Group, TokenSpan

__all__ = ["according_source_ends_at_comma", "according_whole_clause", "reported_object"]

_CLAUSE_OPENERS = frozenset({"from", "in", "on", "since", "between", "during", "until", "by", "after", "before"})


def according_source_ends_at_comma(doc: Doc, g: Group) -> None:
    """"According to the ministry, from 2020 to 2023, Roe ran ...": a tagged source running past the comma into
    a time phrase or the clause's subject stops at the comma; what follows is what the ministry reports."""
    sp = g.source[0]
    comma = next((k for k in range(sp.start + 1, sp.end - 1) if doc[k].text == ","), None)
    if comma is None:
        return
    after = doc[comma + 1]
    subject = any(doc[k].dep_ in ("nsubj", "nsubjpass") and not sp.start <= doc[k].head.i < sp.end for k in range(comma + 1, sp.end))
    if after.lower_ not in _CLAUSE_OPENERS and not subject:
        return  # "according to Jane Roe, a spokeswoman for the ministry": an apposition stays
    g.source[0] = TokenSpan("source", sp.start, comma, sp.score)
    # the phrase reports the rest of its sentence (another cue inside it nests)
    end = doc[sp.start].sent.end
    while end > comma + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in QUOTE_CHARS:
        end -= 1
    g.content = [c for c in g.content if c.end <= sp.start or c.start >= end] + [TokenSpan("content", comma + 1, end, sp.score)]



def according_whole_clause(doc: Doc, g: Group) -> None:
    """The phrase reports its whole sentence: a content the tagger cut to a trailing piece ("…, managing
    laptops [that were used to …]") grows to the sentence around the phrase and its source."""
    found = according_rule(doc, doc[g.cue[0].start])
    if not found:
        return
    src_end = max(sp.end for sp in g.source)
    pieces = [(max(a, src_end) if a < src_end <= b else a, b) for a, b in found[2]]
    pieces = [(a, b) for a, b in pieces if b > a and not any(sp.start < b and a < sp.end for sp in g.source + g.cue)]
    inside = all(any(a <= c.start and c.end <= b for a, b in pieces) for c in g.content)
    if pieces and inside and sum(c.end - c.start for c in g.content) < sum(b - a for a, b in pieces):
        g.content = [TokenSpan("content", a, b, 0.5) for a, b in pieces]



def reported_object(doc: Doc, g: Group, groups: list[Group]) -> None:
    """What X reports is another attribution: "X has denied media reports indicating that Y" (the
    object is the other's source), "X tweeted that the listings confirm Y" (the clause is the other's).
    X's content is that whole attribution, which nests in it."""
    if g.content or not g.source:
        return
    verb = next((doc[i] for i in range(g.cue[0].start, g.cue[0].end) if doc[i].pos_ == "VERB"), None)
    if verb is None:
        return
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "ccomp") and c.i >= g.cue[0].end):
        for other in groups:
            if other is g or not other.content or not any(sp.start <= obj.i < sp.end for sp in other.source + other.cue):
                continue
            start, end = obj.left_edge.i, max(sp.end for sp in other.content + other.cue + other.source)
            if end > start >= g.cue[0].end:
                g.content.append(TokenSpan("content", start, end, 0.5))
                # the complementizer opens the outer report, not the inner one
                other.content = [c for c in other.content if not (c.end <= other.cue[0].start and c.start >= start)]
            return

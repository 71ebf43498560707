"""Turn a document and its (overlapping) spans into flat, escapable segments.

Spans nest and overlap (a mention inside an attribution source inside a
sentence hit...), and HTML cannot express arbitrary overlap with nested
elements.  So the text is cut at every span boundary; each resulting segment
knows which spans cover it and is rendered as ONE element whose text the
template escapes.  No markup is ever built by string concatenation, so hostile
article text cannot break out of its element.
"""

from __future__ import annotations

from urllib.parse import quote

from ..escape import safe_url
from ..highlight import KIND_PRIORITY, Segment, Span, segments
from ..model import Document

__all__ = ["KIND_PRIORITY", "LEGEND", "Segment", "Span", "actor_href", "document_spans", "safe_url", "segments"]

LEGEND = (
    ("actor", "Actor mention", "links to the actor page"),
    ("source", "Source of a statement", "who says it"),
    ("cue", "Reporting cue", "said, denied, according to…"),
    ("content", "Content of a statement", "what is said"),
    ("trigger", "Event trigger", "the word that signals an event"),
    ("ignored", "Ignored region", "boilerplate, not analysed"),
    ("hit", "Search hit", "the sentence you searched for"),
)


def actor_href(entity_id: str) -> str:
    return "/actors/" + quote(entity_id, safe="")


def document_spans(doc: Document, *, hit: tuple[int, int] | None = None,
                   case_links: dict[int, str] | None = None) -> list[Span]:
    """Every highlightable span of a document, each with a link target.

    ``case_links`` maps an attribution index to the URL of the case it feeds,
    so that a statement's content leads to the case board when there is one.
    """
    case_links = case_links or {}
    names = {e.id: e.name for e in doc.entities}
    spans: list[Span] = []
    for e in doc.entities:
        for m in e.mentions:
            spans.append(Span(m.start, m.end, "actor", f"Actor: {e.name} ({e.type})", actor_href(e.id), f"ent-{e.id}"))
    for i, a in enumerate(doc.attributions):
        who = names.get(a.source_entity or "", a.source_entity or "unknown source")
        group = f"attr-{i}"
        anchor = f"#attr-{i}"
        for f in a.source:
            href = actor_href(a.source_entity) if a.source_entity else anchor
            spans.append(Span(f.start, f.end, "source", f"Source of statement {i + 1}: {who}", href, group))
        for f in a.cue:
            spans.append(Span(f.start, f.end, "cue", f"Cue of statement {i + 1} ({a.stance})", anchor, group))
        for f in a.content:
            spans.append(Span(f.start, f.end, "content", f"Content of statement {i + 1} by {who} ({a.stance})",
                              case_links.get(i, anchor), group))
    for i, ev in enumerate(doc.events):
        spans.append(Span(ev.trigger.start, ev.trigger.end, "trigger", f"Event {i + 1}: {ev.type} ({ev.modality})",
                          f"#event-{i}", f"event-{i}"))
    for r in doc.ignored:
        spans.append(Span(r.start, r.end, "ignored", f"Ignored: {r.reason}"))
    if hit:
        spans.append(Span(hit[0], hit[1], "hit", "Search hit", None))
    return spans

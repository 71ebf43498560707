"""Helpers the attribution, events and cleaning tests share (imported as a plain module: pytest puts tests/ on the path)."""

from __future__ import annotations

from sanctionwatch.attribution import extract_attributions
from sanctionwatch.clean import find_ignored
from sanctionwatch.read import parse


def joined(frags) -> str:
    """The text of an attribution part's fragments, joined by spaces (a discontinuous content reads as one)."""
    return " ".join(f.text for f in frags)


def attributions_checked(nlp, text: str) -> list:
    """The fast profile's attributions of ``text``, after checking every fragment's offsets against the text."""
    atts = extract_attributions(parse(nlp, text), profile="fast")
    for a in atts:
        for f in a.source + a.cue + a.content:
            assert text[f.start : f.end] == f.text
    return atts


def of_type(events, etype: str) -> list:
    """The events of one type."""
    return [e for e in events if e.type == etype]


def role_texts(ev, role: str) -> set[str]:
    """The texts of an event's arguments in one role."""
    return {a.text for a in ev.arguments if a.role == role}


def role_entities(ev, role: str) -> set[str | None]:
    """The entity ids of an event's arguments in one role (None where an argument resolved to no actor)."""
    return {a.entity for a in ev.arguments if a.role == role}


def ignored_whole(text: str, part: str) -> bool:
    """Whether every non-blank character of ``part`` (its first occurrence) lies in a region the cleaner ignores."""
    start = text.index(part)
    spans = [(r.start, r.end) for r in find_ignored(text)]
    return all(any(s <= i < e for s, e in spans) for i in range(start, start + len(part)) if not text[i].isspace())


def kept_whole(text: str, part: str) -> bool:
    """Whether no character of ``part`` (its first occurrence) lies in a region the cleaner ignores."""
    start = text.index(part)
    return not any(r.start < start + len(part) and start < r.end for r in find_ignored(text))

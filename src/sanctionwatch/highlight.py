"""Cut a text into segments at every span boundary, for highlighting overlapping spans.

Spans nest and overlap (a mention inside an attribution source inside a
search hit...), and HTML cannot express arbitrary overlap with nested
elements.  So the text is cut at every span boundary; each segment knows
which spans cover it and is rendered as ONE element whose text is escaped.
Used by the web workbench and the HTML reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

# Lower number wins when several linked spans cover one segment: the most
# specific, smallest span is the one a reader most likely means to follow.
KIND_PRIORITY = {"trigger": 0, "cue": 1, "actor": 2, "source": 3, "content": 4, "hit": 5, "ignored": 6}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # a key of KIND_PRIORITY
    label: str  # shown on hover
    href: str | None = None
    group: str = ""  # spans of one extraction share a group, highlighted together on hover


@dataclass(slots=True)
class Segment:
    start: int
    end: int
    text: str
    spans: list[Span] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(sorted({f"k-{s.kind}" for s in self.spans}))

    @property
    def href(self) -> str | None:
        linked = [s for s in self.spans if s.href]
        if not linked:
            return None
        return min(linked, key=lambda s: (KIND_PRIORITY.get(s.kind, 99), s.end - s.start)).href

    @property
    def title(self) -> str:
        seen: list[str] = []
        for s in sorted(self.spans, key=lambda s: KIND_PRIORITY.get(s.kind, 99)):
            if s.label not in seen:
                seen.append(s.label)
        return "\n".join(seen)

    @property
    def groups(self) -> str:
        return " ".join(sorted({s.group for s in self.spans if s.group}))


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``text`` at every span boundary; concatenating the segments' text gives ``text`` back."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[Segment] = []
    # Spans sorted by start let each boundary pick up its covering set cheaply
    # enough for articles (hundreds of spans); no interval tree needed.
    by_start = sorted(valid, key=lambda s: s.start)
    active: list[Span] = []
    i = 0
    for a, b in zip(cuts, cuts[1:]):
        while i < len(by_start) and by_start[i].start <= a:
            active.append(by_start[i])
            i += 1
        active = [s for s in active if s.end > a]
        out.append(Segment(a, b, text[a:b], [s for s in active if s.start <= a and s.end >= b]))
    return out

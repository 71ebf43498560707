"""Draft: an attribution before it becomes a model record, built from tagger groups and token spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from spacy.tokens import Doc, Token

from ..model import Fragment
from ..read import Block
from .group import Group


@dataclass(slots=True)
class Draft:
    """An attribution before it becomes a model record (token handles kept for the rules)."""

    block: int
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]
    cue_tokens: list[Token]
    source_tokens: list[Token] = field(default_factory=list)
    kind: str | None = None
    confidence: float = 1.0
    parent: int | None = None


def span_chars(text: str, base: int, doc: Doc, start: int, end: int) -> tuple[int, int]:
    s = base + doc[start].idx
    e = base + doc[end - 1].idx + len(doc[end - 1].text)
    return strip_span(text, s, e)


def strip_span(text: str, s: int, e: int, chars: str = " \t\n") -> tuple[int, int]:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


def fragments(text: str, spans: Sequence[tuple[int, int]]) -> list[Fragment]:
    return [Fragment.of(text, s, e) for s, e in sorted(set(spans)) if e > s]


def draft_from_group(text: str, bi: int, block: Block, g: Group) -> Draft:
    doc = block.doc
    conv = lambda spans: [span_chars(text, block.start, doc, s.start, s.end) for s in spans]  # noqa: E731
    cue_tokens = [doc[i] for s in g.cue for i in range(s.start, s.end)]
    src_tokens = [doc[i] for s in g.source for i in range(s.start, s.end)]
    scores = [s.score for s in g.cue + g.content + g.source]
    return Draft(bi, conv(g.source), conv(g.cue), conv(g.content), cue_tokens, src_tokens, confidence=min(scores))

"""Names the text declares one actor: "APT38, also known as BlueNoroff", "the Ocean Star (formerly the Sea Pearl)".

Patterns and spans only; resolve.py merges the entities.
"""

from __future__ import annotations

import re

# "APT38, also known as BlueNoroff", "the Ocean Star (formerly the Sea Pearl)": the text itself
# says that two names are one actor
ALIAS_LINK = re.compile(
    r"\s*(?:,|\()\s*(?i:also\s+known\s+as|a\.?k\.?a\.?|formerly(?:\s+(?:known\s+as|named|called))?|"
    r"previously\s+(?:known\s+as|named|called)|now\s+(?:known\s+as|named|called))\s+(?:[Tt]he\s+)?"
    r"(?P<name>[A-Z][\w’'.-]*(?:[ \t]+(?:of[ \t]+)?[A-Z0-9][\w’'.-]*){0,5})"
)


# "the operation TraderTraitor, also known as Lazarus Group" where only the second name is known: the
# first name is a run of capitalised words (a capital inside one word, or a digit, when it opens a sentence)
_ALIAS_BEFORE = re.compile(
    r"(?P<name>[A-Z][\w’'.-]*(?:[ \t]+(?:of[ \t]+)?[A-Z0-9][\w’'.-]*){0,5})\s*,\s*"
    r"(?i:also\s+known\s+as|a\.?k\.?a\.?)\s+(?:[Tt]he\s+)?$"
)
_WORD_CAPITAL = re.compile(r"(?<![\w’'])[A-Z]")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"“”]\s*|\n\s*)$")


def name_before_alias(text: str, start: int) -> tuple[int, int] | None:
    """The span of a name declared the same as the mention starting at ``start``, if the text says so there."""
    window = max(0, start - 120)
    m = _ALIAS_BEFORE.search(text, window, start)
    if m is None:
        return None
    name = m.group("name")
    if " " not in name and not re.search(r".[A-Z0-9]", name) and _SENTENCE_OPENING.search(text, window, m.start()):
        return None  # "Hackers, also known as ...": a capitalised word that opens a sentence names nobody for sure
    return m.span("name")


def after_mentions(text: str, span: tuple[int, int], spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The part of a capitalised run after the mentions it begins with ("North Korea's TraderTraitor" ->
    "TraderTraitor"); None when a mention reaches into its last word."""
    start, end = span
    inside = [e for s, e in spans if s < end and start < e]
    if not inside:
        return span
    if max(inside) >= end:
        return None
    nxt = _WORD_CAPITAL.search(text, max(inside), end)
    return (nxt.start(), end) if nxt else None

"""A person named again by the title the text gave them: "Ambassador Kim Song ... the North Korean ambassador".

A person is introduced with a title right before the name ("Foreign Minister Choe Son Hui") or in an
apposition after it ("Kim Song, North Korea's ambassador to the United Nations,"; "Lim Su-seok, a spokesman
for the ministry").  A later definite description ending in that title ("the minister", "the North Korean
ambassador") is that person when they are the only one the text introduced so.  A country in the description
must not contradict the one at the introduction ("the South Korean minister" is not the North's).

The title words are the ``role_nouns`` of the actor table (data, extended by users).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Mention
from .groups import ROLE_LABEL, Groups, name_tokens
from .table import PLACE_TYPES

_WINDOW = 90


@dataclass(frozen=True, slots=True)
class _Introduction:
    person: str
    role: str
    at: int
    places: frozenset[str]


@lru_cache(maxsize=8)
def _patterns(roles: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # the titles in any case ("Ambassador Kim", "the ambassador"); the name checks around them keep theirs
    words = "(?i:" + ("|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True)) or r"(?!x)x") + ")"
    before = re.compile(rf"\b(?P<role>{words})[ \t]+$")
    # ", North Korea's ambassador to", ", a spokesman for": up to five words of description, no clause break
    # and no preposition before the title (", deputy to the US ambassador" is not the ambassador)
    after = re.compile(rf"^,[ \t]+(?:(?!(?i:to|of|for|at|in|with|from|by|on|under)[ \t])[\w’'.-]+[ \t]+){{0,5}}?(?P<role>{words})(?![\w-])")
    # "the North Korean ambassador", "the minister": not followed by a name ("the ambassador Kim Song")
    back = re.compile(
        rf"\b[Tt]he[ \t]+(?:[\w’'.-]+[ \t]+){{0,3}}?(?P<role>{words})(?![\w-])(?![ \t]+[A-Z])(?![’']s[ \t]+[A-Z])"
    )
    return before, after, back


def _places_in(groups: Groups, start: int, end: int) -> frozenset[str]:
    return frozenset(
        g.id for g in groups.by_id.values() if g.type in PLACE_TYPES for m in g.mentions if start <= m.start and m.end <= end
    )


def _introductions(groups: Groups, text: str, roles: tuple[str, ...]) -> list[_Introduction]:
    before, after, _ = _patterns(roles)
    out = []
    for g in groups.by_id.values():
        if g.type != "person":
            continue
        for m in g.mentions:
            if len(name_tokens(m.text)) < 2:
                continue  # a full name introduces; "Kim" alone does not
            line_start = text.rfind("\n", 0, m.start) + 1
            lead = before.search(text, max(line_start, m.start - _WINDOW), m.start)
            if lead is not None:
                out.append(_Introduction(g.id, lead.group("role").lower(), m.start, _places_in(groups, lead.start() - 40, m.start)))
            tail = after.match(text[m.end : m.end + _WINDOW])
            if tail is not None:
                out.append(_Introduction(g.id, tail.group("role").lower(), m.start, _places_in(groups, m.end, m.end + tail.end())))
    return out


def add_role_mentions(groups: Groups, text: str, roles: tuple[str, ...]) -> None:
    """A mention of the one person introduced with a title at each later "the ... <title>" naming nobody else."""
    intros = _introductions(groups, text, roles)
    if not intros:
        return
    _, _, back = _patterns(roles)
    others = [(m.start, m.end) for g in groups.by_id.values() if g.type not in PLACE_TYPES for m in g.mentions]
    for ref in back.finditer(text):
        start, end = ref.span()
        if "\n" in text[start:end] or any(s < end and start < e for s, e in others):
            continue
        role = ref.group("role").lower()
        places = _places_in(groups, start, end)
        holders = {
            i.person for i in intros
            if i.role == role and i.at < start and not (places and i.places and not places & i.places)
        }
        if len(holders) != 1:
            continue
        group = groups.by_id[holders.pop()]
        group.mentions.append(Mention(start, end, text[start:end], ROLE_LABEL))
        others.append((start, end))

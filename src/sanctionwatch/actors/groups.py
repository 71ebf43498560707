"""The entities of one document while they are built: groups of mentions keyed by actor id."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Entity, Mention
from .scan import NerSpan
from .table import HYPHEN_CLASS, LOCAL_TYPES, QUOTE_FOLD, SLUG_RE, Actor


# the label of a mention that names a person by a title the text gave them (roles.py)
ROLE_LABEL = "ROLE"


@lru_cache(maxsize=4096)
def name_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(rf"[\s{HYPHEN_CLASS}.]+", text.translate(QUOTE_FOLD).lower()) if t)


def contains(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return 0 < n < len(whole) and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def slug(text: str) -> str:
    return SLUG_RE.sub("-", text.translate(QUOTE_FOLD).lower()).strip("-") or "entity"


@dataclass
class Group:
    id: str
    name: str
    type: str
    wikidata: str | None
    mentions: list[Mention] = field(default_factory=list)
    names: list[tuple[str, ...]] = field(default_factory=list)  # token forms, for partial person names


class Groups:
    """The entities of one document under construction, keyed by id."""

    def __init__(self) -> None:
        self.by_id: dict[str, Group] = {}

    def canonical(self, actor: Actor) -> Group:
        group = self.by_id.get(actor.id)
        if group is None:
            group = self.by_id[actor.id] = Group(actor.id, actor.name, actor.type, actor.wikidata)
            if actor.type == "person":
                group.names = [name_tokens(s) for s in actor.surfaces()]
        return group

    def local(self, span: NerSpan) -> Group:
        local_id = f"local:{slug(span.text)}"
        group = self.by_id.get(local_id)
        if group is None:
            group = self.by_id[local_id] = Group(local_id, span.text, LOCAL_TYPES[span.label], None)
        return group

    def person_owners(self, tokens: tuple[str, ...]) -> set[str]:
        """Ids of the persons whose name has these tokens as a proper part ("Kuk-song" in "Kim Kuk-song")."""
        return {g.id for g in self.by_id.values() if any(contains(n, tokens) for n in g.names)}

    def entities(self) -> list[Entity]:
        out = []
        for group in self.by_id.values():
            group.mentions.sort(key=lambda m: (m.start, m.end))
            if group.id.startswith("local:"):
                # a description by title ("the North Korean ambassador") is no name, however long
                named = [m.text for m in group.mentions if m.label != ROLE_LABEL] or [m.text for m in group.mentions]
                group.name = max(named, key=len)
            out.append(Entity(group.id, group.name, group.type, group.mentions, group.wikidata))
        out.sort(key=lambda e: e.mentions[0].start)
        return out


def absorb(groups: "Groups", a: "Group", b: "Group") -> tuple["Group", "Group"]:
    """Merge two groups of one actor, at least one of them local: a table actor absorbs a local one, else
    the first keeps its id.  Returns (kept, absorbed)."""
    keep, gone = (b, a) if a.id.startswith("local:") and not b.id.startswith("local:") else (a, b)
    keep.mentions.extend(gone.mentions)
    del groups.by_id[gone.id]
    return keep, gone

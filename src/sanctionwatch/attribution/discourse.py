"""The discourse of a document as the speaker rules read it: its entity mentions, its quotations and the
speakers who have taken the floor so far, and the lookups a pronoun or a description resolves through
(the current speaker when it fits, else the nearest fitting actor named before, outside quotations)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from spacy.tokens import Doc

from ..model import Entity
from ..timex_lexicon import day_and_month_names
from .sides import header_author, person_sides

_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»")
# a capitalised word right after a mention, in the same phrase
_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b")
# how far back (characters) the current speaker stays the referent of a pronoun
CONTINUITY_WINDOW = 1200


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: Entity


@dataclass(slots=True)
class Discourse:
    """Entity mentions of a document and the speakers met so far, in reading order."""

    text: str
    entities: Sequence[Entity]
    mentions: list[Mention] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    speakers: list[tuple[int, Entity]] = field(default_factory=list)  # (position, entity)
    tenses: list[str | None] = field(default_factory=list)  # the cue's tense of each speaker turn ("says" / "said")
    names: dict[str, Entity] = field(default_factory=dict)  # a name written again where the NER missed it
    described: dict[str, tuple[Entity | None, Entity | None]] = field(default_factory=dict)  # "a spokesman" -> "the spokesman"
    sides: dict[str, str] = field(default_factory=dict)  # person id -> the affiliation the text gave them
    # the last pronoun source: (pronoun, position, its referent, how many speakers had taken the floor after it)
    last_pronoun: tuple[str, int, Entity | None, int] | None = None
    author: Entity | None = None  # the person a "Statement by ..." header names
    blocks: Sequence[tuple[int, Doc]] = ()  # (start, parse) of every block, for the sentence before a pronoun
    # a family name two or more people of the text share ("Kim" of Kim Yo Jong and Kim Jong Un) -> their ids
    shared: dict[str, frozenset[str]] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)  # person id -> "m"/"f", as the text's pronouns gave it
    # (title, family name) -> the ids of the persons the text introduced with that title ("Ambassador Pak Chol")
    titled: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    # where the last speaker who names no one took the floor ("another source said"): a pronoun right after
    # is that source, not an actor named before it
    unnamed: int | None = None

    @classmethod
    def of(cls, text: str, entities: Sequence[Entity], titles: frozenset[str] = frozenset()) -> "Discourse":
        mentions = sorted((Mention(m.start, m.end, e) for e in entities for m in e.mentions), key=lambda m: (m.start, -m.end))
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        names: dict[str, Entity] = {}
        firsts: dict[str, set[str]] = {}
        for m in mentions:
            surface = text[m.start : m.end]
            words = surface.split()
            names.setdefault(surface.lower(), m.entity)
            if m.entity.type == "person" and len(words) >= 2 and words[-1][:1].isupper():
                names.setdefault(words[-1].lower(), m.entity)  # "Blinken" after "Antony Blinken"
                if words[0].lower() not in titles:  # "Ambassador Zhang Jun": a title names no one
                    firsts.setdefault(words[0].lower(), set()).add(m.entity.id)
        for word, ids in firsts.items():
            # "Hua" after "Hua Chunying": Chinese and Korean names put the family name first; a first word
            # two people share names neither
            if len(ids) == 1:
                names.setdefault(word, next(m.entity for m in mentions if m.entity.id in ids))
        shared = {word: frozenset(ids) for word, ids in firsts.items() if len(ids) > 1 and word not in names}
        return cls(text, entities, mentions, quoted, names=names, sides=person_sides(text, mentions, names),
                   author=header_author(text, mentions), shared=shared, titled=_titled(text, mentions, titles))

    def titled_owner(self, title: str, family: str) -> Entity | None:
        """ "Ambassador Pak" after "UN Ambassador Pak Chol" and "negotiator Pak Song Il": of the people who
        share the family name, the one the text introduced with that title."""
        ids = self.titled.get((title.lower(), family.lower()), frozenset())
        if len(ids) != 1:
            return None
        return next((m.entity for m in self.mentions if m.entity.id in ids), None)

    def in_quote(self, start: int, end: int) -> bool:
        return any(s < start and end < e for s, e in self.quoted)

    def inside_name(self, m: Mention) -> bool:
        """A person's name that is part of a longer name ("the International Kim Il Sung Prize Council", "Kim
        Il Sung Square") names no one who could speak: the capitalised word right after it continues the name
        (a weekday or month after a name is a date: "Kim Jong Un Thursday")."""
        if m.entity.type.lower() != "person":
            return False
        nxt = _NEXT_WORD.match(self.text, m.end)
        return nxt is not None and nxt.group(1).lower() not in day_and_month_names()

    def mention_at(self, start: int, end: int) -> Mention | None:
        best = None
        for m in self.mentions:
            if m.start >= end:
                break
            if m.end > start and (best is None or (m.end - m.start) > (best.end - best.start)):
                best = m
        return best

    def antecedent(self, before: int, types: frozenset[str] | None, person: bool | None, tense: str | None = None,
                   not_heads: frozenset[str] = frozenset()) -> Entity | None:
        """The current speaker if it fits, else the nearest fitting actor named outside quotations.

        An interview keeps its own tense ("..., he says" for the interviewee, "Kim declared" for what the
        writer recounts): a pronoun with a tense goes back to the last fitting speaker of that tense in the
        window before it settles for the last speaker.
        """
        return self.floor(before, types, person, tense, not_heads) or self.named_before(before, types, person, not_heads)

    def unnamed_floor(self, before: int) -> bool:
        """Whether a speaker who names no one has the floor: the last to speak, within the window."""
        if self.unnamed is None or before - self.unnamed > CONTINUITY_WINDOW:
            return False
        return not self.speakers or self.speakers[-1][0] < self.unnamed

    def floor(self, before: int, types: frozenset[str] | None, person: bool | None, tense: str | None = None,
              not_heads: frozenset[str] = frozenset()) -> Entity | None:
        """The speaker who has the floor, when it fits (of the pronoun's tense first)."""
        if tense is not None:
            for (pos, ent), t in zip(reversed(self.speakers), reversed(self.tenses)):
                if before - pos > CONTINUITY_WINDOW:
                    break
                if t == tense and fits(ent, types, person, not_heads):
                    return ent
        for pos, ent in reversed(self.speakers):
            if before - pos <= CONTINUITY_WINDOW and fits(ent, types, person, not_heads):
                return ent
            break
        return None

    def named_before(self, before: int, types: frozenset[str] | None, person: bool | None,
                     not_heads: frozenset[str] = frozenset()) -> Entity | None:
        """The nearest fitting actor named before, outside quotations and longer names."""
        for m in reversed(self.mentions):
            if m.end > before or self.in_quote(m.start, m.end) or self.inside_name(m):
                continue
            if fits(m.entity, types, person, not_heads):
                return m.entity
        return None


def is_person(dis: Discourse, entity_id: str) -> bool:
    """Whether the id is a person's: an actor of the document typed person, or one the speaker rules made
    for a person ("local:jane-roe" from a name the NER missed) that the document's actors do not type."""
    found = next((e for e in dis.entities if e.id == entity_id), None)
    if found is not None:
        return found.type.lower() == "person"
    return any(ent.id == entity_id and ent.type.lower() == "person" for _, ent in dis.speakers)


def fits(ent: Entity, types: frozenset[str] | None, person: bool | None, not_heads: frozenset[str] = frozenset()) -> bool:
    if not_heads and ent.name.split() and ent.name.split()[-1].lower() in not_heads:
        return False
    is_person = ent.type.lower() == "person"
    if person is True and not is_person:
        return False
    if person is False and (is_person or ent.type in ("country", "place")):
        return False
    return types is None or ent.type in types


_TITLE_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")


def _titled(text: str, mentions: Sequence[Mention], titles: frozenset[str]) -> dict[tuple[str, str], frozenset[str]]:
    """(title, family name) -> ids of the persons named with that title right before their name, or inside it."""
    found: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        words = text[m.start : m.end].split()
        if m.entity.type.lower() != "person" or len(words) < 2:
            continue
        if words[0].lower() in titles:
            found.setdefault((words[0].lower(), words[1].lower()), set()).add(m.entity.id)
        elif (before := _TITLE_BEFORE.search(text, max(0, m.start - 30), m.start)) and before.group(1).lower() in titles:
            found.setdefault((before.group(1).lower(), words[0].lower()), set()).add(m.entity.id)
    return {key: frozenset(ids) for key, ids in found.items()}

"""A lede that names its speaker only in the next paragraph: "..., said a former inspector of the monitoring team."
then "'...,' said Jane Roe, a retired inspector who worked for the team." Wire and broadcast copy describe the speaker
first and name them once the story goes on; the description and the name are one person.

The description must be indefinite and singular ("a former inspector", "a fisherman"), name no actor, and be
the first such speaker of the page; the person is the next speaker named, in the next paragraph or the one after,
and is met there for the first time; and the text ties the two: the description's head noun comes back in the
person's own phrase ("Jane Roe, a retired inspector"), or the name is followed by an age ("Roe, 26,"), the way a lede's
subject is introduced.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from spacy.tokens import Token

from ..model import Entity
from .speaker import Speaker, source_head

__all__ = ["lede_named_next"]

_INDEFINITE = frozenset({"a", "an"})
# how far on (characters from the lede's source) the name may come
_REACH = 1500
# "Roe, 26," / "Roe, 26, said": the age a wire gives a person it introduces
_AGE = re.compile(r"\s*,\s*\d{1,3}\s*,")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _described(head: Token | None) -> bool:
    return (head is not None and head.tag_ == "NN" and head.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children))


def lede_named_next(text: str, sources: Sequence[Sequence[Token]], starts: Sequence[int],
                    speakers: list[Speaker | None], entities: Sequence[Entity]) -> None:
    """Give the lede's described speaker the person named next, where the text ties the two (see above)."""
    persons = {e.id: e for e in entities if e.type.lower() == "person"}
    order = sorted(range(len(speakers)), key=lambda k: starts[k])
    for pos, k in enumerate(order):
        sp = speakers[k]
        if sp is None or sp.entity is not None or not sources[k]:
            continue
        head = source_head(sources[k])
        if not _described(head):
            continue
        for j in order[pos + 1 :]:
            other = speakers[j]
            if starts[j] - starts[k] > _REACH:
                break
            if other is None or other.entity not in persons:
                continue
            person = persons[other.entity]
            first = min((m.start for m in person.mentions), default=-1)
            if first < starts[k] or text.count("\n\n", starts[k], first) > 2:
                break
            end = _SENTENCE_END.search(text, first)
            phrase = text[first : end.start() if end else len(text)].lower()
            if re.search(rf"\b{re.escape(head.lower_)}\b", phrase) or _AGE.match(text, max(m.end for m in person.mentions if m.start == first)):
                speakers[k] = dataclasses.replace(sp, entity=person.id)
            break
        break  # only the first described speaker of the page is a lede's

"""Two coordinated verbs of one type that share what they act on tell one act.

"The vessel was seized and inspected by customs", "customs seized and inspected the ship": the seizing and
the inspecting are one interdiction, reported once.  Verbs that each act on something of their own ("hackers
breached the exchange and stole $7 million") stay two events (they still share agent, victim and time).
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Token

from ..model import Event

_OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})


def _own_objects(verb: Token) -> int:
    return sum(1 for c in verb.children if c.dep_ in _OBJECT_DEPS)


def _shared_object(first: Token, second: Token) -> bool:
    # joined by "and" right between them: "buy, sell or lease vessels" lists alternatives, not one act
    between = {t.lower_ for t in first.doc[first.i + 1:second.i]}
    return (second.dep_ == "conj" and second.head.i == first.i and second.pos_ in ("VERB", "AUX")
            and "and" in between and "or" not in between and "," not in between
            and first.pos_ in ("VERB", "AUX")
            and not any(c.dep_.startswith("nsubj") for c in second.children) and _same_object(first, second))


def _same_object(first: Token, second: Token) -> bool:
    """Both passive, acting on the shared subject ("was seized and inspected"), or both active with the object
    after the second ("seized and inspected the ship"); "was renamed and changed its flag" are two acts."""
    if any(c.dep_ == "auxpass" for c in first.children):
        return second.tag_ == "VBN" and _own_objects(first) + _own_objects(second) == 0
    return _own_objects(first) == 0 and _own_objects(second) == 1


def repeated_acts(made: Sequence[tuple[Token, Event]]) -> list[Event]:
    """The later events of coordinated same-type verbs sharing one object; their roles the first lacks
    are moved to it."""
    dropped: list[Event] = []
    for first, a in made:
        for second, b in made:
            if a is b or a.type != b.type or any(b is d for d in dropped) or any(a is d for d in dropped):
                continue
            if not _shared_object(first, second):
                continue
            have = {r.role for r in a.arguments}
            a.arguments = list(a.arguments) + [r for r in b.arguments if r.role not in have]
            if a.time is None:
                a.time = b.time
            dropped.append(b)
    return dropped

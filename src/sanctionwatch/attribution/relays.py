"""Speech participles after an outlet's report of someone's words.

Wire copy relays state media this way: "Kim denied the arms deal, state media KCNA reported on Friday, saying
the new weapons were not for sale".  The parser hangs "saying" on "reported", so its subject is the outlet; but
the outlet only carries the statement, and what "saying" adds are the words of the one whose statement it
reports.  Where the outlet's report holds an attribution of its own with another speaker, that speaker says
what the participle reports, and the outlet is its channel.
"""

from __future__ import annotations

from typing import Sequence

from ..model import Attribution, Entity
from .draft import Draft
from .meaning import cue_head

__all__ = ["relayed_participles"]

_PARTICIPLE_DEPS = frozenset({"advcl", "conj", "xcomp"})


def relayed_participles(attributions: list[Attribution], drafts: Sequence[Draft], entities: Sequence[Entity],
                        media_types: frozenset[str]) -> None:
    """Give a speech participle hung on an outlet's report the speaker of the words the report carries."""
    types = {e.id: e.type for e in entities}
    heads = [cue_head(d.cue_tokens) for d in drafts]
    for i, (a, head) in enumerate(zip(attributions, heads)):
        if head is None or head.tag_ != "VBG" or head.dep_ not in _PARTICIPLE_DEPS or types.get(a.source_entity) not in media_types:
            continue
        report = head.head
        block = drafts[i].block
        # the outlet's own report ("KCNA reported") on which the participle hangs
        if not any(h is not None and drafts[j].block == block and h.i == report.i and attributions[j].source_entity == a.source_entity
                   for j, h in enumerate(heads)):
            continue
        carried = {t.i for c in report.children if c.dep_ in ("ccomp", "parataxis") and c.i < report.i for t in c.subtree}
        inner = [j for j, h in enumerate(heads) if j != i and h is not None and drafts[j].block == block and h.i in carried
                 and attributions[j].source_entity is not None and types.get(attributions[j].source_entity) not in media_types]
        if not inner:
            continue
        speaker = attributions[inner[0]]
        a.channel = a.source_entity
        a.source = list(speaker.source)
        a.source_entity = speaker.source_entity
        a.affiliation = speaker.affiliation

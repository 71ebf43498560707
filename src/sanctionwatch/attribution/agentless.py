"""An agentless report that goes on with the speaker before it: "The ministry said the talks had stalled. It was also
stated that the ships would stay in port." / "..., the department explained. It is said that the workers were ...".

Translated briefings and broadcast scripts relay one source over several sentences and, where the source language
drops the subject, the translation writes an expletive "it" with a passive speech verb.  Such a report belongs to the
speaker of the report just before it, when that report is the last one, is not nested in another, names an actor
(or the side of unnamed officials), and stands in the same or the previous paragraph.  Where that report is an outlet's ("..., reports TASS") the
outlet only carries it: the agentless report goes on with the speaker the outlet cites, when that one names an actor.  A passive of hearsay or knowledge ("It is reported / believed /
known that ...") is the text's own hedge and stays unowned, as does any agentless report with nothing before it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from spacy.tokens import Token

from ..model import Entity
from .draft import Draft
from .lexicon import Lexicon
from .speaker import Speaker

__all__ = ["agentless_goes_on"]

# how far back (characters, from the agentless cue to the previous report's cue) the speaker may have spoken:
# the sentence or two before, in the same or the previous paragraph
_REACH = 500
# a paragraph break, however many blank lines a scrape left in it
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _expletive_passive(cue: Sequence[Token], verbs: frozenset[str]) -> bool:
    """ "It is said", "It was also stated", "it has been noted": a passive speech verb whose subject is "it"."""
    verb = next((t for t in cue if t.tag_ == "VBN"), None)
    if verb is None or verb.lemma_.lower() not in verbs:
        return False
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in verb.children)


def agentless_goes_on(text: str, drafts: Sequence[Draft], sources: Sequence[Sequence[Token]], starts: Sequence[int],
                      speakers: list[Speaker | None], entities: Sequence[Entity], lex: Lexicon) -> None:
    """Give an agentless expletive-passive report the speaker of the report just before it (see above)."""
    types = {e.id: e.type for e in entities}
    order = sorted(range(len(drafts)), key=lambda k: starts[k])
    for n, k in enumerate(order):
        d = drafts[k]
        if sources[k] or d.source or d.parent is not None or not _expletive_passive(d.cue_tokens, lex.agentless_continuations):
            continue
        if speakers[k] is not None and speakers[k].entity is not None:
            continue
        before = [j for j in order[:n] if drafts[j].parent is None]
        if not before:
            continue
        j = before[-1]
        prev = speakers[j]
        if prev is not None and types.get(prev.entity or "") in lex.media_types:
            cited = [speakers[i] for i in order[:n] if drafts[i].parent == j]
            prev = cited[-1] if cited else None
        # "officials of the ministry said": no one named, but the ministry's side goes on
        if prev is None or (prev.entity or prev.affiliation) is None or types.get(prev.entity or "") in lex.media_types \
                or starts[k] - starts[j] > _REACH:
            continue
        # a paragraph between the two breaks the relay: the previous report must end in this paragraph or the last
        gap = text[max(e for _, e in drafts[j].content + drafts[j].cue) : starts[k]] if drafts[j].content or drafts[j].cue else ""
        if len(_PARAGRAPH_BREAK.findall(gap)) > 1:
            continue
        speakers[k] = dataclasses.replace(speakers[k] or Speaker(), entity=prev.entity, affiliation=prev.affiliation)

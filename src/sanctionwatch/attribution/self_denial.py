"""A speaker saying that its own side did not do something denies it: "We have not shipped a single shell,
the vice minister said", "North Korea did not send troops, a North Korean envoy said".

The gold sets read a denial introduced by "said" or "told" as deny; the content words alone do not show it
("has not sent troops" is a plain negation when a third party says it).  What makes it a denial is who
speaks: the side whose act is negated.
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span, Token

from ..model import Entity
from ..read import Parsed
from .draft import Draft
from .speaker import Speaker

FIRST_PERSON_SUBJECTS = frozenset({"we", "i"})
_PAST_TAGS = frozenset({"VBD", "VBN"})


def negated_past_subject(span: Span) -> Token | None:
    """The subject of the content's main verb when that verb is a negated past act ("had not exported",
    "did not send", "never sold"); present and future negations ("will not tolerate") are no denial."""
    roots = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    verb = next((t for t in roots if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    children = list(verb.children)
    if not any(c.dep_ == "neg" for c in children):
        return None
    if verb.tag_ not in _PAST_TAGS and not any(c.dep_ == "aux" and (c.tag_ == "VBD" or c.lemma_ == "have") for c in children):
        return None
    return next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    for ent in entities:
        for m in ent.mentions:
            if m.start < end and start < m.end:
                return ent
    return None


def _same_side(subject: Entity, words: str, speaker: Speaker, names: dict[str, str]) -> bool:
    for ident in (speaker.entity, speaker.affiliation):
        if ident is None:
            continue
        # "prk-permanent-mission" is a body of "prk"; the "DPRK Ministry of Foreign Affairs" one of "the DPRK"
        if ident == subject.id or ident.startswith(subject.id + "-") or f" {words} " in f" {names.get(ident, '').lower()} ":
            return True
    return False


def own_denials(parsed: Parsed, drafts: Sequence[Draft], speakers: Sequence[Speaker | None], entities: Sequence[Entity], stances: list[str]) -> list[str]:
    """Stances with a neutral attribution turned to deny where its speaker negates its own side's past act."""
    out = list(stances)
    names = {e.id: e.name for e in entities}
    for k, (d, sp) in enumerate(zip(drafts, speakers)):
        if out[k] != "assert" or not d.content:
            continue
        block = parsed.blocks[d.block]
        s, e = min(d.content)
        span = block.doc.char_span(s - block.start, e - block.start, alignment_mode="expand")
        subj = negated_past_subject(span) if span is not None and len(span) else None
        if subj is None:
            continue
        if subj.lower_ in FIRST_PERSON_SUBJECTS:
            out[k] = "deny"
            continue
        at = block.start + subj.idx
        ent = _entity_at(entities, at, at + len(subj.text))
        words = " ".join(t.lower_ for t in subj.subtree if t.dep_ != "det")
        if ent is not None and sp is not None and _same_side(ent, words, sp, names):
            out[k] = "deny"
    return out

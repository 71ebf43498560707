"""A speaker saying that its own side did not do something denies it: "We have not shipped a single shell,
the vice minister said", "North Korea did not send troops, a North Korean envoy said".

The gold sets read a denial introduced by "said" or "told" as deny; the content words alone do not show it
("has not sent troops" is a plain negation when a third party says it).  What makes it a denial is who
speaks: the side whose act is negated.
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span, Token

from ..actors import entity_at
from ..model import Entity
from ..read import Parsed
from .draft import Draft
from .speaker import Speaker

FIRST_PERSON_SUBJECTS = frozenset({"we", "i"})
# "the country", "its government": the speaker's own side when no name is given
SIDE_NOUNS = frozenset({"country", "nation", "government", "state", "regime"})
_PAST_TAGS = frozenset({"VBD", "VBN"})


def negated_past_act(span: Span, mental_states: frozenset[str] = frozenset()) -> tuple[Token, Token] | None:
    """(subject, verb) of the content's main verb when that verb is a negated past act ("had not exported",
    "did not send", "never sold") or a tie denied ("had no connection with"); present and future
    negations ("will not tolerate") are no denial, nor is a negated state of mind ("did not want")."""
    roots = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    verb = next((t for t in roots if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() in mental_states:
        return None
    children = list(verb.children)
    no_tie = verb.lemma_ == "have" and any(
        c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in children)
    if not no_tie and not any(c.dep_ == "neg" for c in children):
        return None
    if not no_tie and verb.tag_ not in _PAST_TAGS and not any(
            c.dep_ == "aux" and (c.tag_ == "VBD" or c.lemma_ == "have") for c in children):
        return None
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (subject, verb) if subject is not None else None


def _speaker_itself(subject: Token, verb: Token, quiet_verbs: frozenset[str]) -> bool:
    """ "X said it had never sold ...", "the embassy said the country had no connection ...": the
    subject stands for the speaker.  Not an empty "it" ("it was not possible to verify"), and not a
    speech or perception verb: "it has not confirmed the reports" withholds, it denies nothing."""
    if verb.lemma_.lower() in quiet_verbs:
        return False
    if subject.lower_ == "it":
        return verb.lemma_ != "be"
    dets = {c.lower_ for c in subject.children if c.dep_ in ("det", "poss")}
    return subject.lemma_.lower() in SIDE_NOUNS and bool(dets & {"the", "its", "our"})


def _same_side(subject: Entity, words: str, speaker: Speaker, names: dict[str, str]) -> bool:
    for ident in (speaker.entity, speaker.affiliation):
        if ident is None:
            continue
        # "prk-permanent-mission" is a body of "prk"; the "DPRK Ministry of Foreign Affairs" one of "the DPRK"
        if ident == subject.id or ident.startswith(subject.id + "-") or f" {words} " in f" {names.get(ident, '').lower()} ":
            return True
    return False


def own_denials(parsed: Parsed, drafts: Sequence[Draft], speakers: Sequence[Speaker | None], entities: Sequence[Entity],
                stances: list[str], quiet_verbs: frozenset[str] = frozenset(),
                mental_states: frozenset[str] = frozenset()) -> list[str]:
    """Stances with a neutral attribution turned to deny where its speaker negates its own side's past act.

    ``quiet_verbs``: speech and perception verbs whose negation withholds rather than denies;
    ``mental_states``: verbs of wishing and feeling whose negation denies no act."""
    out = list(stances)
    names = {e.id: e.name for e in entities}
    for k, (d, sp) in enumerate(zip(drafts, speakers)):
        if out[k] != "assert" or not d.content:
            continue
        block = parsed.blocks[d.block]
        s, e = min(d.content)
        span = block.doc.char_span(s - block.start, e - block.start, alignment_mode="expand")
        act = negated_past_act(span, mental_states) if span is not None and len(span) else None
        if act is None:
            continue
        subj, verb = act
        at = block.start + subj.idx
        ent = entity_at(entities, at, at + len(subj.text))
        if subj.lower_ in FIRST_PERSON_SUBJECTS or (ent is None and d.source and _speaker_itself(subj, verb, quiet_verbs)):
            out[k] = "deny"
            continue
        words = " ".join(t.lower_ for t in subj.subtree if t.dep_ != "det")
        if ent is not None and sp is not None and _same_side(ent, words, sp, names):
            out[k] = "deny"
    return out

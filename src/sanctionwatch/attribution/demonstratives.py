"""A passive report whose subject points back: "Sanctions have failed. This was stated by the envoy on Friday."

Russian and Chinese agency copy, and its machine translations, close a paragraph this way ("This was stated by
the official representative of the Foreign Ministry ..."): the agent speaks, and what it said is the sentence
the demonstrative stands for, not the word "This".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .rules import DEMONSTRATIVES, passive_rule, trimmed


def demonstrative_subject(verb: Token) -> Token | None:
    """The bare "This"/"That" a passive report verb has for its subject ("This was stated by the envoy")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ not in DEMONSTRATIVES or any(True for _ in subj.children):
        return None
    return subj


def sentence_before(verb: Token) -> tuple[int, int] | None:
    """Token range of the sentence before the verb's own, in the same block: what a demonstrative points to."""
    start = verb.sent.start
    if start == 0:
        return None
    prev = verb.doc[start - 1].sent
    return trimmed(verb.doc, prev.start, prev.end) if prev.end - prev.start > 2 else None


def demonstrative_passive_rule(doc: Doc, verb: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "Sanctions have failed. This was stated by the envoy on Friday.": a neutral cue in the passive whose
    subject points back; the agent speaks and the sentence before is what it said."""
    if demonstrative_subject(verb) is None or (before := sentence_before(verb)) is None:
        return None
    found = passive_rule(doc, verb, frozenset(), demonstrative=True)
    if found is None:
        return None
    # "by the envoy at a forum in Vladivostok": the agent ends where a place or time phrase starts
    agent = doc[found[0][0]:found[0][1]].root
    cut = min((c.i for c in agent.children if c.dep_ == "prep" and c.i > agent.i and c.lower_ not in ("of", "for")), default=found[0][1])
    return (found[0][0], cut), found[1], before

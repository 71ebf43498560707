"""Phrases around a cue: the noun phrase of a head word, and the subject a subjectless cue verb shares."""

from __future__ import annotations

from spacy.tokens import Token

from ..read import Block
from .draft import Draft, span_chars

__all__ = ["borrow_subject", "noun_phrase"]

_CLAUSAL = frozenset({"ccomp", "relcl", "acl", "advcl", "xcomp", "punct", "cc", "conj", "appos"})


def noun_phrase(head: Token) -> list[Token]:
    """The head's subtree without clauses hung on it ("Pak Chol [where the money goes]")."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in _CLAUSAL]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(t.children)
    keep.sort(key=lambda t: t.i)
    doc = head.doc
    lo, hi = keep[0].i, keep[-1].i + 1
    # spaCy cuts "Kuk-song" into three tokens and may hang "song" elsewhere: keep the word whole
    while hi < len(doc) and not doc[hi - 1].whitespace_ and (doc[hi].text == "-" or doc[hi - 1].text == "-"):
        hi += 1
    return list(doc[lo:hi])


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
_SHARING_DEPS = frozenset({"advcl", "xcomp", "conj"})


def _shared_subject(cue: list[Token]) -> Token | None:
    """The subject a subjectless cue verb shares with the clause it hangs on: "Trump spoke, calling ...",
    "she wants to portray ...", "he smiled and seemed to ...": the tagger labels a token once, so the
    shared subject is left to the first attribution."""
    inside = {t.i for t in cue}
    roots = [t for t in cue if t.head.i not in inside or t.head is t]
    if not roots or roots[0].pos_ not in ("VERB", "AUX"):
        return None
    t = roots[0]
    for _ in range(4):
        if any(c.dep_ in _SUBJECT_DEPS for c in t.children):
            return None if t is roots[0] else next(c for c in t.children if c.dep_ in _SUBJECT_DEPS)
        if t.dep_ not in _SHARING_DEPS or t.head is t:
            return None
        t = t.head
    return None


def borrow_subject(text: str, block: Block, d: Draft) -> Draft:
    """A draft with a cue but no source takes the subject its cue verb shares (see :func:`_shared_subject`).

    So does a participle cue whose tagged source lies in the object of the clause it hangs on ("The FBI
    attributed the theft to hackers, confirming that ...": not the hackers confirm, the FBI does).
    """
    if not d.cue_tokens:
        return d
    subject = _shared_subject(d.cue_tokens)
    if subject is None or subject.dep_ == "expl":
        return d
    if d.source:
        verb = subject.head
        if not d.source_tokens or not all(verb.i < t.i < d.cue_tokens[0].i for t in d.source_tokens):
            return d
        d.source, d.source_tokens = [], []
    toks = noun_phrase(subject)
    span = span_chars(text, block.start, block.doc, toks[0].i, toks[-1].i + 1)
    if any(s < span[1] and span[0] < e for s, e in d.content + d.cue):
        return d
    d.source, d.source_tokens = [span], toks
    return d

"""Subjects that tell who is spoken of: the subject of the sentence before a subject pronoun (what the last
sentence was about, which a "he" or a "they" opening the next one usually continues; the last name a sentence
mentions is often not its topic), and a headline's bare subject noun ("Diplomat slams ...")."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["headline_noun", "plural_subject_before", "subject_before"]



def subject_before(pronoun: Token) -> Token | None:
    """The subject of the sentence before a subject pronoun, in the same paragraph ("Kim Jong-nam, the
    half-brother of leader Kim Jong Un, died ... Before his death, he said ...": Kim Jong-nam)."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.sent.start == 0:
        return None
    root = pronoun.doc[pronoun.sent.start - 1].sent.root
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)


def headline_noun(head: Token) -> bool:
    """ "Diplomat slams new sanctions": a headline drops the article of a singular noun opening it; the person is
    the one the lede names, not someone new (a bare singular noun opens no sentence of running text)."""
    return (head.tag_ == "NN" and head.left_edge.i == head.sent.start and head.left_edge.is_title
            and head.left_edge.lower_ not in _QUANTIFIERS and not any(c.dep_ in ("det", "predet") for c in head.children))


_QUANTIFIERS = frozenset({"such", "another", "other", "every", "each", "no", "any", "some", "this", "that"})

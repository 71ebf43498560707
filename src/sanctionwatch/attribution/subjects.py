"""Subjects that tell who is spoken of: the subject of the sentence before a subject pronoun (what the last
sentence was about, which a "he" or a "they" opening the next one usually continues; the last name a sentence
mentions is often not its topic), and a headline's bare subject noun ("Diplomat slams ...")."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["headline_noun", "plural_subject_before", "subject_before"]

_PLURAL_NOUNS = frozenset({"NNS", "NNPS"})


def subject_before(pronoun: Token) -> Token | None:
    """The subject of the sentence before a subject pronoun, in the same paragraph ("Kim Jong-nam, the
    half-brother of leader Kim Jong Un, died ... Before his death, he said ...": Kim Jong-nam)."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.sent.start == 0:
        return None
    root = pronoun.doc[pronoun.sent.start - 1].sent.root
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)


def plural_subject_before(pronoun: Token) -> Token | None:
    """The plural common-noun subject of the sentence before a subject "they" in the same paragraph."""
    sent = pronoun.sent
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or sent.start == 0:
        return None
    before = pronoun.doc[sent.start - 1].sent
    # the parser may give the root a second subject: a dateline's place ("SEOUL (AP) - The officials said"), a
    # place at the end of a long subject ("Nurses from a clinic in Dandong, China met ...")
    groups = [c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < before.root.i and c.tag_ in _PLURAL_NOUNS and c.pos_ == "NOUN"]
    return groups[-1] if groups else None


def headline_noun(head: Token) -> bool:
    """ "Diplomat slams new sanctions": a headline drops the article of a singular noun opening it; the person is
    the one the lede names, not someone new (a bare singular noun opens no sentence of running text)."""
    return (head.tag_ == "NN" and head.left_edge.i == head.sent.start and head.left_edge.is_title
            and head.left_edge.lower_ not in _QUANTIFIERS and not any(c.dep_ in ("det", "predet") for c in head.children))


_QUANTIFIERS = frozenset({"such", "another", "other", "every", "each", "no", "any", "some", "this", "that"})

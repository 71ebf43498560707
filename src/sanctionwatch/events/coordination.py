"""Coordinated goods of different types ("a large number of workers as well as troops"): the first named
types the act, as the head of the coordination."""

from __future__ import annotations

from spacy.tokens import Token


def _top(tok: Token) -> Token:
    """The noun a measured word is counted by ("number" of "a number of workers"), else the word itself."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return tok.head.head
    return tok


def coordination_order(word: Token | None, other: Token | None) -> int:
    """Negative when ``word`` is named before ``other`` in one coordination, positive when after, else 0."""
    if word is None or other is None:
        return 0
    a, b = _top(word), _top(other)
    if a.i in {c.i for c in b.conjuncts} or word.i in {c.i for c in other.conjuncts}:
        return word.i - other.i
    return 0

"""The tokens a dependency rule may start from: cue words, "according", nouns of expressed stance, found on
the lemma array of a block without building spaCy Tokens (the rules run on every block)."""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

from .lexicon import Lexicon


def rule_candidates(doc: Doc, lo: int, hi: int, lex: Lexicon) -> list[int]:
    """Indices of tokens a rule could start from, found on the lemma array without building Tokens."""
    strings = doc.vocab.strings
    _lex, words, starts, voices = _rule_words(lex)
    rows = doc.to_array([LEMMA, LOWER])[lo:hi].tolist()
    according = strings["according"]
    # each distinct lemma is looked up once per lexicon, not once per token (nor once per block)
    for lemma, lower in rows:
        if lemma not in starts:
            starts[lemma] = strings[lemma].lower() in words
        if lower not in voices:
            voices[lower] = strings[lower] in lex.expressed_nouns
    return [i for i, (lemma, lower) in enumerate(rows, start=lo) if lower == according or starts[lemma] or voices[lower]]


# Per lexicon: the words a rule may start from, and the verdicts on the lemma and lower-form hashes seen
# so far (a hash names one string in every spaCy store).  An entry holds its lexicon, so the id key
# cannot be reused by another lexicon while it is here.
_RULE_WORDS: dict[int, tuple[Lexicon, frozenset[str], dict[int, bool], dict[int, bool]]] = {}
_RULE_WORDS_LIMIT = 200_000


def _rule_words(lex: Lexicon) -> tuple[Lexicon, frozenset[str], dict[int, bool], dict[int, bool]]:
    hit = _RULE_WORDS.get(id(lex))
    if hit is None or hit[0] is not lex or len(hit[2]) + len(hit[3]) > _RULE_WORDS_LIMIT:
        if len(_RULE_WORDS) >= 8:
            _RULE_WORDS.clear()
        hit = _RULE_WORDS[id(lex)] = (lex, frozenset(lex.stance_of.keys() | lex.noun_cues), {}, {})
    return hit

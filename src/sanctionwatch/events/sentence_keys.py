"""The lower-cased lemma, lower form and coarse POS of every token of a sentence, read once per block.

Trigger matching scans every token; reading these through Token objects cost more than the matching."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER, POS
from spacy.tokens import Doc, Span


@dataclass(frozen=True, slots=True)
class SentenceKeys:
    """Lower-cased lemma, lower form and coarse POS of each token of a sentence (sentence-relative)."""

    lemma: list[str]
    lower: list[str]
    pos: list[str]


def sentence_keys(sent: Span) -> SentenceKeys:
    """Read from the doc's attribute arrays: scanning every token for a trigger through Token
    objects cost more than the matching; a Token is built only where a rule may fire."""
    lemma, lower, pos = _block_keys(sent.doc)
    return SentenceKeys(lemma[sent.start : sent.end], lower[sent.start : sent.end], pos[sent.start : sent.end])


# The key lists of the last blocks read, whole: every sentence of a block (and each sentence twice, in
# the trigger pass and the document-typed pass) used to convert the block's arrays again.  An entry
# holds its Doc, so its id cannot be reused by another Doc while it is here.
_BLOCK_KEYS: dict[int, tuple[Doc, tuple[list[str], list[str], list[str]]]] = {}
_BLOCK_KEYS_LIMIT = 64
# hash -> string per spaCy string store (hash -> lower-cased string for lemmas): a dict hit is cheaper
# than the store's lookup; an entry holds its store, so the id key cannot be reused by another
_STRINGS: dict[int, tuple[object, dict[int, str], dict[int, str]]] = {}
_STRINGS_LIMIT = 200_000


def _block_keys(doc: Doc) -> tuple[list[str], list[str], list[str]]:
    hit = _BLOCK_KEYS.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    store = doc.vocab.strings
    memo = _STRINGS.get(id(store))
    if memo is None or memo[0] is not store or len(memo[1]) + len(memo[2]) > _STRINGS_LIMIT:
        if len(_STRINGS) >= 8:
            _STRINGS.clear()
        memo = _STRINGS[id(store)] = (store, {}, {})
    _store, plain, lowered = memo
    rows = doc.to_array([LEMMA, LOWER, POS]).tolist()
    for r in rows:
        if r[0] not in lowered:
            lowered[r[0]] = store[r[0]].lower()
        for h in (r[1], r[2]):
            if h not in plain:
                plain[h] = store[h]
    keys = ([lowered[r[0]] for r in rows], [plain[r[1]] for r in rows], [plain[r[2]] for r in rows])
    if len(_BLOCK_KEYS) >= _BLOCK_KEYS_LIMIT:
        _BLOCK_KEYS.clear()
    _BLOCK_KEYS[id(doc)] = (doc, keys)
    return keys

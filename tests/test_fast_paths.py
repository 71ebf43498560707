"""The speed paths give the answers of the plain code: array reads, memos and fast rejections."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sanctionwatch.attribution import features
from sanctionwatch.attribution.candidates import rule_candidates
from sanctionwatch.attribution.features import FeatureSpace, block_features
from sanctionwatch.attribution.lexicon import load_lexicon
from sanctionwatch.attribution.meaning import _has_phrase
from sanctionwatch.attribution.tagger import snap_to_words
from sanctionwatch.events.sentence_keys import sentence_keys
from sanctionwatch.name_shapes import fuzzy_place

SENTENCES = [
    "“The shipment never left Nampo,” a spokeswoman for the port authority told reporters on Tuesday.",
    "Officials in Ulaanbaatar said the tanker had switched off its transponder twice.",
    "Lee Soo-min, who ran the trading firm, denies wrongdoing.",
    "Cargo was seized.",
]


@pytest.mark.parametrize(
    "words, phrase, expected",
    [
        (["no", "comment", "was", "made"], "no comment", True),
        (["he", "said", "no"], "no comment", False),  # the first word only, at the very end
        (["not", "not", "at", "all"], "not at all", True),  # the match starts at the second candidate
        (["at", "all"], "not at all", False),
        ([], "at all", False),
        (["anything"], "", True),  # an empty phrase is in every word list, as before
    ],
)
def test_has_phrase(words, phrase, expected):
    assert _has_phrase(words, phrase) is expected


def test_fuzzy_place_memo_follows_the_table():
    # the same misspelling against two tables: the memo must not leak one table's answer into the other
    first = {"ulaanbaatar": "mng"}
    second = {"ulaanbaatar": "capital-x"}
    assert fuzzy_place("Ulanbaatar", first) == "mng"
    assert fuzzy_place("Ulanbaatar", second) == "capital-x"
    assert fuzzy_place("Ulanbaatar", first) == "mng"
    assert fuzzy_place("Ulanbaatar", {}) is None


@pytest.mark.parametrize("text", SENTENCES)
def test_sentence_keys_match_tokens(nlp, text):
    doc = nlp(text)
    for sent in doc.sents:
        keys = sentence_keys(sent)
        assert keys.lemma == [t.lemma_.lower() for t in sent]
        assert keys.lower == [t.lower_ for t in sent]
        assert keys.pos == [t.pos_ for t in sent]


def test_block_features_do_not_depend_on_the_memo(nlp):
    space = FeatureSpace.build(load_lexicon(), {"say": 0.9, "tell": 0.7})
    docs = [nlp(t) for t in SENTENCES]
    first = [block_features(d, space) for d in docs]
    features._STRING_MEMOS.clear()
    for memo in features._P.values():
        memo.clear()
    again = [block_features(d, space) for d in reversed(docs)][::-1]
    assert first == again
    # a block read back from bytes gives the same strings
    assert block_features(Doc(nlp.vocab).from_bytes(docs[0].to_bytes()), space) == first[0]
    # one token's window: a neighbour on each side, and the pad beyond the edges
    row = first[3][0]
    assert "-1w=<pad>" in row and "-2w=<pad>" in row and "1w=was" in row and "1ww=cargo|was" in row


def test_snap_to_words_keeps_a_hyphenated_name_whole(nlp):
    doc = nlp("Lee Soo-min said so.")
    words = [t.text for t in doc]
    assert words[:5] == ["Lee", "Soo", "-", "min", "said"]
    labels = ["B-SRC", "I-SRC", "O", "B-CUE", "B-CUE", "O", "O"]
    assert snap_to_words(doc, labels)[:5] == ["B-SRC", "I-SRC", "I-SRC", "I-SRC", "B-CUE"]
    # labels that already agree, or an "O" before the hyphen, are left alone
    plain = ["O", "O", "O", "O", "B-CUE", "O", "O"]
    assert snap_to_words(doc, plain) == plain


def test_sentence_keys_from_the_block_memo_match_tokens(nlp):
    # each sentence read twice (the trigger pass, then the document-typed pass), and a second block in between
    first, second = nlp(" ".join(SENTENCES)), nlp(SENTENCES[1])
    for doc in (first, second, first):
        for sent in doc.sents:
            keys = sentence_keys(sent)
            assert keys.lemma == [t.lemma_.lower() for t in sent]
            assert keys.lower == [t.lower_ for t in sent]
            assert keys.pos == [t.pos_ for t in sent]


@pytest.mark.parametrize("text", SENTENCES + ["According to the customs office, the cargo was coal."])
def test_rule_candidates_match_a_token_scan(nlp, text):
    lex = load_lexicon()
    words = lex.stance_of.keys() | lex.noun_cues
    doc = nlp(text)
    plain = [t.i for t in doc if t.lower_ == "according" or t.lemma_.lower() in words or t.lower_ in lex.expressed_nouns]
    for _ in range(2):  # the second time from the per-lexicon verdicts
        assert rule_candidates(doc, 0, len(doc), lex) == plain
        assert rule_candidates(doc, 1, len(doc), lex) == [i for i in plain if i >= 1]

"""What the rules repair after a tagger: the labels are given (as a tagger's mistakes), the parse and rules do the rest.

Each case hands ``extract_attributions`` per-token BIO labels of the kind the
encoder produces on real reporting, so the repair is tested whatever either
trained model would say about the sentence.
"""

from __future__ import annotations

import pytest

from sanctionwatch.attribution import extract_attributions
from sanctionwatch.model import STANCES
from sanctionwatch.read import Parsed, load_model, parse
from fragments import joined

TAGS = {"source": "SRC", "cue": "CUE", "content": "CON"}


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def labelled(nlp, text: str, spans: list[tuple[str, str]]) -> tuple[Parsed, list[tuple[list[str], list[float]]]]:
    """The parse of ``text`` (one paragraph) and BIO labels putting each (substring, role) on its tokens."""
    parsed = parse(nlp, text)
    assert len(parsed.blocks) == 1
    block = parsed.blocks[0]
    labels = ["O"] * len(block.doc)
    for piece, role in spans:
        at = text.index(piece)
        toks = [t.i for t in block.doc if at <= block.start + t.idx < at + len(piece)]
        for k, i in enumerate(toks):
            labels[i] = ("B-" if k == 0 else "I-") + TAGS[role]
    return parsed, [(labels, [1.0] * len(labels))]


def attributions(nlp, text: str, spans: list[tuple[str, str]]):
    parsed, labels = labelled(nlp, text, spans)
    atts = extract_attributions(parsed, labels=labels)
    for a in atts:
        for f in a.source + a.cue + a.content:
            assert text[f.start : f.end] == f.text
        assert a.stance in STANCES
    return atts


def with_cue(atts, word: str):
    hits = [a for a in atts if word in joined(a.cue)]
    assert hits, f"no cue {word!r} in {[joined(a.cue) for a in atts]}"
    return hits[0]


def test_the_subject_of_a_speech_cue_read_as_content_is_the_source(nlp):
    text = "Inspectors were reportedly unable to verify what the freighter carries in its hold."
    atts = attributions(nlp, text, [("Inspectors", "content"), ("were reportedly unable to verify", "cue"), ("what the freighter carries in its hold", "content")])
    a = with_cue(atts, "verify")
    assert joined(a.source) == "Inspectors"
    assert joined(a.content) == "what the freighter carries in its hold"
    assert a.negated and a.stance == "none"


@pytest.mark.parametrize(
    "text, subject, cue, rest",
    [
        ("The ceasefire seems to hold along the northern border.", "The ceasefire", "seems", "to hold along the northern border"),
        ("The cargo was believed to contain machine parts.", "The cargo", "was believed", "to contain machine parts"),
    ],
)
def test_a_raising_or_passive_cue_keeps_its_subject_in_the_content(nlp, text, subject, cue, rest):
    atts = attributions(nlp, text, [(subject, "content"), (cue, "cue"), (rest, "content")])
    a = with_cue(atts, cue.split()[-1])
    assert not a.source
    assert subject in joined(a.content)


def test_a_speech_verb_swallowed_by_the_content_splits_into_source_cue_and_content(nlp):
    text = "A lawyer hired by the regulator says that the bank moved funds for a shell firm."
    atts = attributions(nlp, text, [(text[:-1], "content")])
    a = with_cue(atts, "says")
    assert joined(a.source) == "A lawyer hired by the regulator"
    assert joined(a.content) == "that the bank moved funds for a shell firm"


@pytest.mark.parametrize(
    "text",
    [
        "We say that the port was closed for a week.",  # first person: the words of someone quoted
        "“Our crews say that the port was closed for a week.",  # inside a quotation the tagger did not close
    ],
)
def test_a_speech_verb_inside_quoted_words_stays_content(nlp, text):
    atts = attributions(nlp, text, [(text.rstrip("."), "content")])
    assert not any("say" in joined(a.cue) for a in atts)


def test_a_quotation_continues_a_speaker_not_an_action(nlp):
    text = "The bloc began restricting imports in 2010. “The board today listed four firms for evading the ban.”"
    quote = "“The board today listed four firms for evading the ban.”"
    atts = attributions(nlp, text, [("The bloc", "source"), ("began restricting", "cue"), ("imports in 2010", "content"), (quote, "content")])
    assert all(quote not in joined(a.content) for a in atts)


def test_a_quotation_continues_the_speaker_of_the_sentence_before(nlp):
    text = "The bloc said it would act soon. “The board today listed four firms for evading the ban.”"
    quote = "“The board today listed four firms for evading the ban.”"
    atts = attributions(nlp, text, [("The bloc", "source"), ("said", "cue"), ("it would act soon", "content"), (quote, "content")])
    assert quote in joined(with_cue(atts, "said").content)


def test_a_verb_governed_by_a_negating_verb_takes_it_and_its_subject(nlp):
    text = "The premier refrained from denying the presence of foreign advisers."
    atts = attributions(nlp, text, [])
    a = with_cue(atts, "denying")
    assert joined(a.cue) == "refrained from denying"
    assert joined(a.source) == "The premier"
    assert joined(a.content) == "the presence of foreign advisers"
    assert a.negated and a.stance == "none"


def test_a_noun_of_strong_stance_inside_a_content_is_a_nested_attribution(nlp):
    text = 'The envoy questioned the ministry\'s dismissal of the claims as "rumours" at a forum.'
    inner = 'the ministry\'s dismissal of the claims as "rumours"'
    atts = attributions(nlp, text, [("The envoy", "source"), ("questioned", "cue"), (inner, "content")])
    a = with_cue(atts, "dismissal")
    assert a.parent is not None
    assert joined(a.source) == "the ministry's"
    assert joined(a.content) == "the claims"
    assert a.stance == "deny"


def test_a_speaker_closing_the_content_of_an_according_to_phrase_is_nested(nlp):
    text = "The test is only days away, the ministry said at a news conference on Monday, according to an aide."
    atts = attributions(nlp, text, [("The test is only days away, the ministry said at a news conference on Monday", "content"), ("according to", "cue"), ("an aide", "source")])
    a = with_cue(atts, "said")
    assert a.parent is not None
    assert joined(a.source) == "the ministry"
    assert "The test is only days away" in joined(a.content)


def test_attributing_an_act_to_someone_is_an_allegation(nlp):
    text = "The security firm Norvex attributed the theft to a hacking group."
    a = with_cue(attributions(nlp, text, []), "attributed")
    assert joined(a.source) == "The security firm Norvex"
    assert a.stance == "allege"
    assert "the theft" in joined(a.content)


@pytest.mark.parametrize("profile, content", [
    ("fast", "that the freighter was sold abroad last spring"),  # the CRF's short window: the parse ends the noun's clause
    ("accurate", "that the freighter was sold abroad last spring surprised nobody"),  # the encoder read the sentence: its end stands
])
def test_a_noun_cue_content_is_clipped_to_the_noun_clause_for_the_crf_only(nlp, profile, content):
    text = "Her claim that the freighter was sold abroad last spring surprised nobody."
    parsed, labels = labelled(nlp, text, [("Her", "source"), ("claim", "cue"), ("that the freighter was sold abroad last spring surprised nobody", "content")])
    a = with_cue(extract_attributions(parsed, labels=labels, profile=profile), "claim")
    assert joined(a.content) == content


@pytest.mark.parametrize(
    "text, spans, cue, source, content",
    [
        # the tagger read the expletive "it" as the content
        ("It was confirmed by the coast guard that the ferry had sunk near the reef.",
         [("It", "content"), ("was confirmed", "cue")], "confirmed", "the coast guard", "that the ferry had sunk near the reef"),
        # ... or as the source
        ("It was denied by the embassy that any fuel had been sold to the junta.",
         [("It", "source"), ("was denied", "cue"), ("that any fuel had been sold to the junta", "content")],
         "denied", "the embassy", "that any fuel had been sold to the junta"),
    ],
)
def test_an_extraposed_passive_with_an_agent_reports_the_clause_it_stands_for(nlp, text, spans, cue, source, content):
    a = with_cue(attributions(nlp, text, spans), cue)
    assert joined(a.source) == source
    assert joined(a.content) == content

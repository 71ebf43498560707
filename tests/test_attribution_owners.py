"""Who owns a noun cue: the agent after it, the subject of the light verb that hands it over.

"a statement from a delegate of Portugal that ...", "the summit sent the junta a clear warning that ...":
the speaker is neither missing nor the addressee.  Sentences are the team's own.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pycrfsuite")

from sanctionwatch.attribution.draft import Draft  # noqa: E402
from sanctionwatch.attribution.quotes import reclaim_quote_openings  # noqa: E402
from fragments import joined


def with_content(atts, piece):
    hits = [a for a in atts if piece in joined(a.content)]
    assert hits, f"no attribution holds {piece!r}: {[joined(a.content) for a in atts]}"
    return hits


# (sentence, content piece, source, stance)
OWNED = [
    ("The talks stalled after a statement from a delegate of Portugal that the fleet was fishing illegally.",
     "the fleet was fishing illegally", "a delegate of Portugal", "assert"),
    ("The move followed a warning by the coast guard that the vessel carried fuel.",
     "the vessel carried fuel", "the coast guard", "warn"),
    ("The summit sent the junta a clear warning that further abuses would be punished.",
     "further abuses would be punished", "The summit", "warn"),
    ("In the resolution, the council condemns the launch, and the council also sends to the regime a stern warning that it must stop its provocations.",
     "it must stop its provocations", "the council", "warn"),
]


@pytest.mark.parametrize("text,content,source,stance", OWNED)
def test_the_owner_of_a_noun_cue_is_its_source(attributions_of, text, content, source, stance):
    hits = with_content(attributions_of(text), content)
    assert any(joined(a.source) == source and a.stance == stance for a in hits), [(joined(a.source), a.stance) for a in hits]


def test_a_warning_someone_else_rejects_is_not_the_rejecters(attributions_of):
    hits = [a for a in attributions_of("The ministry rejected the warning that the dam could fail.") if joined(a.cue) == "warning"]
    assert all(joined(a.source) != "The ministry" for a in hits)


def test_the_opening_sentences_of_a_split_quotation_go_to_the_closing_speaker(attributions_of):
    text = ("Despite the outage, Nordbank chief Lena Holm assured clients that deposits were safe. "
            "“Nordbank has enough reserves even if nothing is recovered. Every account is fully backed, "
            "and we can absorb the loss,” Holm wrote in a blog post.")
    atts = attributions_of(text)
    holm = [a for a in atts if joined(a.source) == "Holm"]
    assert holm and "Nordbank has enough reserves" in joined(holm[0].content)
    assert "absorb the loss" in joined(holm[0].content)
    assured = [a for a in atts if "assured" in joined(a.cue)]
    assert assured and "reserves" not in joined(assured[0].content)
    assert "deposits were safe" in joined(assured[0].content)


def test_calling_claims_a_smear_denies_them(attributions_of):
    text = ("The envoy told the assembly that Atlantis had sold no fuel. "
            "Atlantis’s accusers were “trying to smear the image of our nation,” the envoy said.")
    hits = with_content(attributions_of(text), "smear the image")
    assert any(a.stance == "deny" for a in hits)


def _span(text, piece):
    at = text.index(piece)
    return (at, at + len(piece))


def test_opening_sentences_nobody_was_given_join_the_closing_speaker():
    text = ("The outage lasted four hours. “Nordbank has enough reserves even if nothing is recovered. Every account "
            "is fully backed, and we can absorb the loss,” Holm wrote in a blog post.")
    closing = Draft(0, [_span(text, "Holm")], [_span(text, "wrote")], [_span(text, "Every account is fully backed, and we can absorb the loss,”")], [])
    reclaim_quote_openings(text, [closing])
    assert [text[s:e] for s, e in closing.content] == [
        "“Nordbank has enough reserves even if nothing is recovered.",
        "Every account is fully backed, and we can absorb the loss,”",
    ]


def test_a_quotation_opened_inside_the_content_is_left_alone():
    text = "Officials said the “TraderTraitor” campaign was behind it, the agency wrote."
    d = Draft(0, [_span(text, "the agency")], [_span(text, "wrote")], [_span(text, "the “TraderTraitor” campaign was behind it")], [])
    reclaim_quote_openings(text, [d])
    assert [text[s:e] for s, e in d.content] == ["the “TraderTraitor” campaign was behind it"]

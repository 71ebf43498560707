"""A speaker fenced off from its cue by a relative clause or an apposition ("X, which ..., said").

Wire copy describes a company or an official between commas right before the speech verb; the
tagger then ends the source too early or not at all.  Sentences are the team's own.
"""

from __future__ import annotations

import pytest
from fragments import joined


# (sentence, cue word, source, a content piece, what the content must not hold)
FENCED = [
    ("The harbour authority, which oversees the port of Vostochny, reported on Friday that the tanker had left without clearance.",
     "reported", "The harbour authority", "the tanker had left without clearance", "oversees"),
    ("According to Interfax, Dmitry Peskov, the Kremlin spokesman, announced that Moscow would host the delegation in July.",
     "announced", "Dmitry Peskov", "Moscow would host the delegation", "Kremlin spokesman"),
]


@pytest.mark.parametrize("text,cue,source,content,not_content", FENCED)
def test_the_subject_before_a_fenced_insertion_is_the_source(attributions_of, text, cue, source, content, not_content):
    hits = [a for a in attributions_of(text) if joined(a.cue).endswith(cue) or joined(a.cue).startswith(cue)]
    assert hits, f"no cue {cue!r}"
    a = hits[0]
    assert joined(a.source) == source
    assert content in joined(a.content)
    assert not_content not in joined(a.content)


# a comma before the cue that fences no description leaves the cue as the tagger read it
UNFENCED = [
    ("The tanker left Nampo in March, officials said.", "said", "officials"),
    ("Sanctions are failing, the envoy said on Tuesday.", "said", "the envoy"),
]


@pytest.mark.parametrize("text,cue,source", UNFENCED)
def test_a_postposed_speaker_is_not_replaced(attributions_of, text, cue, source):
    a = next(a for a in attributions_of(text) if cue in joined(a.cue))
    assert joined(a.source) == source


def test_according_to_content_keeps_the_speaker_of_the_next_clause(attributions_of):
    text = "According to Interfax, Dmitry Peskov, the Kremlin spokesman, announced that Moscow would host the delegation in July."
    a = next(a for a in attributions_of(text) if joined(a.cue) == "According to")
    assert "Dmitry Peskov" in joined(a.content)


def test_according_to_a_list_of_sources_stays_whole(attributions_of):
    text = "According to Seoul, Tokyo and Washington, the tanker changed its name twice."
    a = next(a for a in attributions_of(text) if joined(a.cue) == "According to")
    assert joined(a.source) == "Seoul, Tokyo and Washington"


def test_according_to_keeps_the_apposition_of_its_source(attributions_of):
    text = "According to Mark Dalton, a researcher at the institute, the freighter switched off its transponder."
    a = next(a for a in attributions_of(text) if joined(a.cue) == "According to")
    assert joined(a.source) == "Mark Dalton, a researcher at the institute"


# "As X said, <clause>": the as-clause names the source, the rest of the sentence is what it said
AS_CLAUSES = [
    ("As the ministry said last week, the ship was carrying coal from Nampo.", "the ministry", "said", "the ship was carrying coal from Nampo"),
    ("As reported by Yonhap, the freighter docked in Vladivostok on Monday.", "Yonhap", "reported", "the freighter docked in Vladivostok on Monday"),
    ("As was clarified by the coast guard, the tanker had switched off its transponder.", "the coast guard", "was clarified", "the tanker had switched off its transponder"),
    ("The tanker, as the harbour master noted, was carrying coal.", "the harbour master", "noted", "was carrying coal"),
]


@pytest.mark.parametrize("text,source,cue,content", AS_CLAUSES)
def test_an_as_clause_reports_the_rest_of_its_sentence(attributions_of, text, source, cue, content):
    hits = [a for a in attributions_of(text) if joined(a.cue) == cue]
    assert hits, f"no cue {cue!r}"
    assert joined(hits[0].source) == source
    assert content in joined(hits[0].content)


@pytest.mark.parametrize("text", ["As expected, the council adopted the text.", "As planned, the convoy left at dawn."])
def test_an_as_clause_of_expectation_reports_nothing(attributions_of, text):
    assert not attributions_of(text)

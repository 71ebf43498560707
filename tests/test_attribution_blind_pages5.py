"""Classes of attribution errors read on a fifth blind set of real pages, each restated in the team's own words.

- A wire dateline ("CITY, Mon D (Agency) - ...") that the parser makes the subject is never the source: the
  story's own subject after it speaks, for the verb and for a participle hanging on it.
- A denial word inside a clause that describes a label cue's object ("describes a plot by men who used fake
  names") labels nothing: the cue stays neutral; "called the report fake" still denies.
- A subject "they" after a sentence about a plural group ("Seven nurses met ... They claimed") is that group,
  not the last body the sentence named.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


def show(atts):
    return [(joined(a.source), joined(a.cue), a.stance, a.source_entity, joined(a.content)[:60]) for a in atts]


@pytest.mark.parametrize("text,cue,source", [
    ("OSLO, May 2 (NTB) - Iran on Friday rejected the new European measures, calling them cruel and illegal.", "rejected", "Iran"),
    ("OSLO, May 2 (NTB) - Iran on Friday rejected the new European measures, calling them cruel and illegal.", "calling", "Iran"),
    ("LIMA, June 9 (Andina) - The fisheries ministry on Tuesday denied that any foreign trawler had entered the zone.",
     "denied", "The fisheries ministry"),
])
def test_a_dateline_is_never_the_source(attributions_of, text, cue, source):
    atts = [a for a in attributions_of(text) if joined(a.cue).endswith(cue)]
    assert atts, show(attributions_of(text))
    assert all(joined(a.source) == source for a in atts), show(atts)


@pytest.mark.parametrize("text,cue,stance", [
    ("The second indictment describes a separate plot by a broker and several clerks who used fake identities to get jobs.",
     "describes", "assert"),
    ("The third complaint describes a plot by traders who used fake names.", "describes", "assert"),
    ("The filing describes a network of traders who forged false invoices for the cargo.", "describes", "assert"),
    ("The ministry called the newspaper's story fake.", "called", "deny"),
    ("The embassy described the allegations as false and baseless.", "described", "deny"),
])
def test_a_denial_word_in_a_describing_clause_labels_nothing(attributions_of, text, cue, stance):
    atts = [a for a in attributions_of(text) if joined(a.cue) == cue]
    assert atts and all(a.stance == stance for a in atts), show(attributions_of(text))


@pytest.mark.parametrize("text,wrong", [
    ("Seven nurses from the clinic in Dandong spoke to Reuters on Monday in a hotel lobby. In white coats, they claimed, "
     "\u201cThe director deceived our colleagues.\u201d", "reuters"),
    ("The ministers of Ruritania met the IAEA inspectors on Monday. They said the talks had gone well.", "iaea"),
    ("Four porters of the guest house in Sinuiju, North Korea gave an interview to Reuters on Friday. Smiling, they said, "
     "\u201cThe guards treated our friends kindly.\u201d", "reuters"),
])
def test_they_after_a_plural_subject_is_that_group(attributions_of, text, wrong):
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.source).lower() == "they"]
    assert atts, show(attributions_of(text, resolve=True))
    assert all(a.source_entity != wrong for a in atts), show(atts)


@pytest.mark.parametrize("text,source,content", [
    ("This shameful move is the last gasp of the hirelings, the paper notes.", "the paper", "This shameful move is the last gasp"),
    ("Their boasting about the blockade is sheer nonsense, the daily notes.", "the daily", "Their boasting about the blockade"),
    ("The new rules changed nothing for the farmers, the bulletin notes.", "the bulletin", "The new rules changed nothing"),
])
def test_a_closing_report_the_parser_read_as_a_noun_compound(attributions_of, text, source, content):
    atts = attributions_of(text)
    assert any(joined(a.source) == source and content in joined(a.content) for a in atts), show(atts)


@pytest.mark.parametrize("text,source,body", [
    ("This shameful move is the last gasp of the hirelings, the paper notes, and goes on:\n"
     "The hirelings will pay dearly for their folly.\nThey had better stop at once.", "the paper", "will pay dearly"),
    ("Such talk is a mockery of the nation, the commentary says, and goes on:\n"
     "The puppets have sold out the whole country.", "the commentary", "have sold out the whole country"),
])
def test_and_goes_on_hands_the_lines_below_to_the_closing_speaker(attributions_of, text, source, body):
    atts = attributions_of(text)
    assert any(joined(a.source) == source and body in joined(a.content) for a in atts), show(atts)


@pytest.mark.parametrize("text,wrong", [
    ("Lagos, May 3 (NAN) \u2014 The ministers of Ruritania met the IAEA inspectors on Monday. They said the talks had gone well.", "iaea"),
])
def test_they_after_a_dateline_sentence_is_its_plural_subject(attributions_of, text, wrong):
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.source).lower() == "they"]
    assert atts, show(attributions_of(text, resolve=True))
    assert all(a.source_entity != wrong for a in atts), show(atts)


@pytest.mark.parametrize("text,source,charge", [
    ("Three Dutch citizens have been charged by German prosecutors with smuggling machine tools worth 5 million euros.",
     "German prosecutors", "with smuggling machine tools"),
    ("Two traders were charged by prosecutors in Oslo with breaking export rules, the paper said.", "prosecutors in Oslo",
     "with breaking export rules"),
])
def test_a_passive_charge_keeps_what_the_charged_are_charged_with(attributions_of, text, source, charge):
    atts = [a for a in attributions_of(text) if joined(a.source) == source]
    assert atts and any(charge in joined(a.content) for a in atts), show(attributions_of(text))


@pytest.mark.parametrize("text,source,about", [
    ("The attack on the bank, which Washington blamed on Tehran, caused big losses.", "Washington", "The attack on the bank"),
    ("Officials cited the theft of the coins, which the FBI blamed on Lazarus.", "the FBI", "the theft of the coins"),
])
def test_a_cue_in_a_relative_clause_is_about_the_noun_it_hangs_on(attributions_of, text, source, about):
    atts = [a for a in attributions_of(text) if joined(a.source) == source]
    assert atts and any(about in joined(a.content) for a in atts), show(attributions_of(text))
    assert not any(f.text.lower() in ("which", "that") for a in atts for f in a.content), show(atts)

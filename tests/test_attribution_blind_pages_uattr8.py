"""Classes of attribution errors read on an eighth blind set of real pages (briefing transcripts, a KCNA
statement, machine translations of Korean, Chinese and Russian reports, a defector's interview), each restated
in the team's own words.

- A negated wish or feeling in the speaker's own words ("I did not want my children to ...", "we never expected
  ...") tells a state of mind: it denies no act, so "told"/"said" stays assert.
- "This was stated by X" closing a paragraph (Russian and Chinese agency copy): the agent speaks, and what it said
  is the sentence before, not the word "This"; the agent ends before a place or time phrase.
- "the official representative of the Foreign Ministry Jane Roe" (a title calqued word for word): the person named
  right after the body holds the role, so speaks.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


def show(atts):
    return [(joined(a.source), joined(a.cue), a.stance, a.source_entity, joined(a.content)[:60]) for a in atts]


@pytest.mark.parametrize("text", [
    '"I did not want my children to grow up without hope," the defector told reporters.',
    '"We never expected the talks to collapse so quickly," the minister said.',
    '"I did not like the cold in the logging camps," the former worker said.',
])
def test_a_negated_state_of_mind_is_no_denial(attributions_of, text):
    atts = [a for a in attributions_of(text) if joined(a.cue) in ("told", "said")]
    assert atts and all(a.stance == "assert" for a in atts), show(atts)


@pytest.mark.parametrize("text", [
    '"We did not send any shells to anyone," the envoy told reporters.',
    '"We never knew about the cargo on that ship," the company said.',
])
def test_a_negated_act_of_the_own_side_still_denies(attributions_of, text):
    atts = [a for a in attributions_of(text) if joined(a.cue) in ("told", "said")]
    assert atts and all(a.stance == "deny" for a in atts), show(atts)


@pytest.mark.parametrize("text,said,source", [
    ("The monitoring mission is a political show aimed at one country. "
     "This was stated by the official representative of the Foreign Ministry Jane Roe at a forum in Vladivostok.",
     "The monitoring mission is a political show aimed at one country",
     "the official representative of the Foreign Ministry Jane Roe"),
    ("The new curbs will hurt ordinary people most. This was said by John Doe, an adviser to the president, on Monday.",
     "The new curbs will hurt ordinary people most", "John Doe"),
    ("The new curbs will hurt ordinary people most. This was announced by the Russian Foreign Ministry on Tuesday.",
     "The new curbs will hurt ordinary people most", "the Russian Foreign Ministry"),
])
def test_this_was_stated_by_reports_the_sentence_before(attributions_of, text, said, source):
    atts = attributions_of(text, resolve=True)
    hit = [a for a in atts if joined(a.content) == said]
    assert hit and joined(hit[0].source).startswith(source), show(atts)
    assert "Vladivostok" not in joined(hit[0].source)


def test_the_person_named_after_the_body_holds_the_title(attributions_of):
    text = ("Officials met in Moscow on Monday. The drills are a dangerous provocation. This was stated by the "
            "official representative of the Russian Foreign Ministry Maria Zakharova at a briefing.")
    atts = attributions_of(text, resolve=True)
    hit = [a for a in atts if joined(a.content).startswith("The drills")]
    assert hit and hit[0].source_entity == "maria-zakharova", show(atts)


@pytest.mark.parametrize("text", [
    "The sister of the defector said the drills were a provocation.",
    "This was confirmed. The ship left port on Monday.",
])
def test_look_alikes_name_no_one_else(attributions_of, text):
    for a in attributions_of(text, resolve=True):
        assert a.source_entity != "maria-zakharova"
        assert joined(a.content) != "This"


# --------------------------------------------------------------------------- unquoted words after a colon

def test_unquoted_words_after_a_colon_run_to_the_end_of_the_paragraph(attributions_of):
    text = ("Ministry spokesperson Jane Roe responded: The harbour quarrel is old. We have always urged all parties "
            "to keep their fishing boats apart and to talk every week. Our country hopes for calm.\n\n"
            "The talks are due to resume next month.")
    atts = [a for a in attributions_of(text) if joined(a.cue).startswith("responded")]
    assert atts, show(attributions_of(text))
    said = joined(atts[0].content)
    assert "We have always urged all parties" in said and "Our country hopes for calm" in said, show(atts)
    assert "resume next month" not in said


@pytest.mark.parametrize("text,stays_out", [
    ("Jane Roe responded: The situation is sensitive. Meanwhile, the US envoy said the talks had failed.",
     "the talks had failed"),
    ('Jane Roe responded: The situation is sensitive. "We want calm," she added.', "We want calm"),
])
def test_the_colon_run_stops_where_someone_takes_the_floor_or_a_quotation_starts(attributions_of, text, stays_out):
    atts = [a for a in attributions_of(text) if joined(a.cue).startswith("responded")]
    assert atts and stays_out not in joined(atts[0].content), show(attributions_of(text))


# --------------------------------------------------------------------------- a body's unnamed spokesperson

@pytest.mark.parametrize("text,cue,body", [
    ("Washington will keep its trade curbs in place, a State Department spokesperson said on Tuesday.", "said",
     "us-state-department"),
    ('"Our worries about the shipyard are on the record," the State Department spokesperson warned on Monday.', "warned",
     "us-state-department"),
    ("A spokesman for the US Treasury said the new listings would follow next week.", "said", "us-treasury"),
])
def test_an_unnamed_spokesperson_of_a_body_speaks_for_the_body(attributions_of, text, cue, body):
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.cue) == cue]
    assert atts and atts[0].source_entity == body, show(atts)


@pytest.mark.parametrize("text,cue,not_body", [
    # a country's spokesman is no body of it: the state is not the one who spoke
    ("A North Korean spokesman said the drills were a provocation.", "said", "prk"),
    # a named spokesperson is the person
    ("State Department spokesperson Jane Roe said the sanctions would stay.", "said", "us-state-department"),
])
def test_a_country_or_a_name_keeps_the_spokesperson_apart(attributions_of, text, cue, not_body):
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.cue) == cue]
    assert atts and atts[0].source_entity != not_body, show(atts)


# --------------------------------------------------------------------------- labelled answers of a transcript

TRANSCRIPT = (
    "Foreign Ministry Spokesperson Jane Roe's Regular Press Conference on March 3, 2016\n\n"
    "Deputy Minister John Doe will visit Oslo from March 5 to 7 for talks on trade.\n\n"
    "Q: A newspaper said that the new measures should be tougher. What is your view?\n\n"
    "A: The fishing quarrel has gone on for years. We believe that the new quota broke the treaty.\n\n"
    "On the other hand, fines alone will not settle the quarrel.\n\n"
    "Q: Will the minister travel to Seoul next week?\n\n"
    "A: We will release information on the trip in due course.\n"
)


def test_labelled_answers_of_a_transcript_are_the_hosts(attributions_of):
    atts = attributions_of(TRANSCRIPT, resolve=True)
    hosts = [a for a in atts if joined(a.source).endswith("Jane Roe")]
    said = [joined(a.content) for a in hosts]
    assert any("fines alone will not settle the quarrel" in s for s in said), show(atts)
    assert any("gone on for years" in s for s in said), show(atts)
    assert any("release information on the trip" in s for s in said), show(atts)
    # the opening announcement before the first question is hers too
    assert any("will visit Oslo from March 5 to 7" in s for s in said), show(atts)
    # the questions are the reporters', never the host's
    assert not any("Seoul next week" in s or "should be tougher" in s for s in said), show(atts)


def test_answers_without_a_transcript_header_are_left_alone(attributions_of):
    text = TRANSCRIPT.split("\n\n", 1)[1]
    atts = attributions_of(text, resolve=True)
    assert not any("fines alone will not settle the quarrel" in joined(a.content) for a in atts), show(atts)


# --------------------------------------------------------------------------- "Speaker: claim" headlines

@pytest.mark.parametrize("text,source,said", [
    ("Kremlin: The new sanctions will hurt ordinary people in North Korea\n\nOther words follow here in the text.",
     "Kremlin", "The new sanctions will hurt ordinary people in North Korea"),
])
def test_a_headline_names_its_speaker_before_a_colon(attributions_of, text, source, said):
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.cue) == ":"]
    assert atts and joined(atts[0].source) == source and joined(atts[0].content) == said, show(atts)


@pytest.mark.parametrize("text", [
    "Analysis: The New Sanctions Will Hurt Ordinary People\n\nOther words follow here in the text.",
    "WATCH: The new sanctions will hurt ordinary people\n\nOther words follow here in the text.",
    "The talks in Geneva: what comes next for the region\n\nOther words follow here in the text.",
    "Update: Talks Resume in Geneva After a Week\n\nOther words follow here in the text.",
])
def test_a_label_or_a_sentence_before_a_colon_is_no_speaker(attributions_of, text):
    assert not [a for a in attributions_of(text, resolve=True) if joined(a.cue) == ":"]


# --------------------------------------------------------------------------- reports nobody owns

@pytest.mark.parametrize("text,said", [
    ("There have been reports that the tanker changed its name twice last year.",
     "that the tanker changed its name twice last year"),
    ("Officials were silent amid media reports that the envoy had resigned.", "that the envoy had resigned"),
])
def test_plural_reports_nobody_owns_are_their_own_source(attributions_of, text, said):
    atts = [a for a in attributions_of(text) if joined(a.content) == said]
    assert atts and joined(atts[0].source) in ("reports", "media reports"), show(attributions_of(text))


def test_owned_reports_keep_their_owner(attributions_of):
    text = "The ministry's reports that the ship left port were wrong."
    atts = [a for a in attributions_of(text) if joined(a.content) == "that the ship left port"]
    assert atts and joined(atts[0].source) != "reports", show(attributions_of(text))


# --------------------------------------------------------------------------- speaker labels with a language tag

@pytest.mark.parametrize("text,source,said", [
    ("Jane Roe (Russian): We have never sent weapons to anyone and we will not start now.",
     "Jane Roe", "We have never sent weapons to anyone and we will not start now."),
    ('SOT, Jane Roe, envoy (Korean): "The ship was never ours, and we never loaded it."',
     "Jane Roe", '"The ship was never ours, and we never loaded it."'),
    ("Deputy minister John Doe (Mandarin): The new measures will only make the situation worse.",
     "Deputy minister John Doe", "The new measures will only make the situation worse."),
])
def test_a_speaker_label_with_a_language_tag_gives_the_line_to_the_speaker(attributions_of, text, source, said):
    atts = [a for a in attributions_of(text) if joined(a.content) == said]
    assert atts and joined(atts[0].source) == source, show(attributions_of(text))


@pytest.mark.parametrize("text", [
    "Photo by Jane Roe (AP): A ship waits at the port near the border.",
    "The envoy spoke in her own language (Russian): a long speech that nobody translated.",
])
def test_a_credit_or_a_sentence_is_no_speaker_label(attributions_of, text):
    assert not [a for a in attributions_of(text) if joined(a.cue).endswith("):")], show(attributions_of(text))


# --------------------------------------------------------------------------- a possessive without its apostrophe

def test_a_bare_plural_possessor_owns_the_claims(attributions_of):
    text = "The foreign ministry refuted UN monitors claims that its ships had carried coal to Vietnam."
    atts = [a for a in attributions_of(text) if joined(a.cue) == "claims"]
    assert atts and joined(atts[0].source) == "UN monitors", show(attributions_of(text))


def test_a_second_verb_after_a_comma_and_conjunction_keeps_the_subject(attributions_of):
    text = "The ministry rejected the report, and claims that its ships never carried coal."
    atts = [a for a in attributions_of(text) if joined(a.cue) == "claims"]
    assert atts and joined(atts[0].source) == "The ministry", show(attributions_of(text))


# --------------------------------------------------------------------------- a headline verb read as a noun

@pytest.mark.parametrize("text,source,cue,said", [
    ("Envoy rejects claims over arms shipments\n\nThe envoy spoke to reporters on Monday.",
     "Envoy", "rejects", "claims over arms shipments"),
])
def test_a_headline_verb_the_parser_read_as_a_noun_takes_the_cue_back(attributions_of, text, source, cue, said):
    atts = [a for a in attributions_of(text) if joined(a.cue) == cue]
    assert atts and joined(atts[0].source) == source and joined(atts[0].content) == said, show(attributions_of(text))
    assert atts[0].stance == "deny"


def test_a_headline_with_its_verb_read_right_is_left_alone(attributions_of):
    text = "Panel reports claims of oil transfers at sea\n\nOther text follows here."
    atts = [a for a in attributions_of(text) if joined(a.cue) == "reports"]
    assert atts and joined(atts[0].source) == "Panel", show(attributions_of(text))


# --------------------------------------------------------------------------- a header naming a body, no person

def test_a_statement_header_naming_a_body_makes_the_body_its_author(attributions_of):
    text = ("Statement by the Russian Foreign Ministry on the new sanctions\n\n"
            "We reject the new measures, which only hurt ordinary people.")
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.source) == "We"]
    assert atts and atts[0].source_entity == "rus-mfa", show(atts)


def test_a_person_in_the_header_stays_the_author(attributions_of):
    text = ("Statement by Russian Foreign Ministry spokeswoman Maria Zakharova on the new sanctions\n\n"
            "We reject the new measures, which only hurt ordinary people.")
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.source) == "We"]
    assert atts and atts[0].source_entity == "maria-zakharova", show(atts)

"""Classes of attribution errors read on the lead's blind set of stop 16 (crypto thefts reported by police,
spy agencies and wires; machine-translated pages), each restated in the team's own words.

- A cue the tagger never learnt, with a that-clause after it ("the firm proved that ...", "the agency
  assessed that ...", "the study demonstrated that ..."), reports the clause whoever the subject is.
- "said at the time it had frozen the funds": the parser reads "the time it had ..." as a relative clause of
  the time noun; "at the time" only means "then", and the clause is what was said.
- A news outlet that "has learned" something reports it: assert, not a private thought (stance none).
- "he reconfirmed", "the ministry reaffirmed that ...": a report made again confirms.
- A scrape that lost the quotation marks: "A source told the paper on the 28th, While the guards were ...": the
  clause after the comma opens on a capital mid-sentence; it is what the source said.
- "Diplomat slams ..." in a headline is no new, unnamed diplomat: "the diplomat" later is the one the lede names.
- "Russian Foreign Ministry spokeswoman Jane Roe": a body named after a country puts the person on its side, so
  "the Russian diplomat" after her is her.
- A subject "he" after a sentence about a named person is that person, not the last person the sentence named
  ("Kim Jong-nam, the half-brother of leader Kim Jong Un, died ... he said").
- "The Diplomat" (the magazine) matches only capitalised: "the diplomat said" is a person.
- A statement whose header names its speaker ("Statement by Ambassador Jane Roe following the vote"): "we" in
  its narration is that speaker, not no one.
- "Thank you." closing a speech reports nothing.
- "..., wire fraud, money laundering and identity theft, the Department of Justice (DOJ) said.": the parser reads
  the closing source as the list's last item and leaves the verb without a subject; the words between the last
  comma and the verb are the source (an acronym in parentheses with them).
- A press-conference transcript ("Foreign Ministry Spokesperson Jane Roe's Regular Press Conference on ...", then
  "Q: ..." and "A: ..."): the answers are the spokesperson's, "the Chinese side" is China, and an unquoted
  content does not run on into the next sentence's own speaker.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


def show(atts):
    return [(joined(a.source), joined(a.cue), a.stance, joined(a.content)[:60]) for a in atts]


@pytest.mark.parametrize("text,source,cue,content", [
    ("The security firm proved that the gang was run by the state.", "The security firm", "proved",
     "that the gang was run by the state"),
    ("The agency assessed that the group had stolen the coins.", "The agency", "assessed",
     "that the group had stolen the coins"),
    ("The tracking study demonstrated that the tankers had turned off their beacons.", "The tracking study",
     "demonstrated", "that the tankers had turned off their beacons"),
    ("The exchange said at the time it had frozen the funds.", "The exchange", "said", "it had frozen the funds"),
    ("It named no suspect, but the bank said at the time it had noticed an odd transfer to a new wallet.",
     "the bank", "said", "it had noticed an odd transfer"),
    ("A trader in Sinuiju told the paper on the 3rd, When the guards were changing shifts, the trucks crossed the "
     "bridge.", "A trader in Sinuiju", "told", "When the guards were changing shifts, the trucks crossed"),
    ("The envoy restated that the talks were over.", "The envoy", "restated", "that the talks were over"),
])
def test_the_clause_is_reported(attributions_of, text, source, cue, content):
    atts = attributions_of(text)
    assert any(joined(a.source) == source and joined(a.cue) == cue and content in joined(a.content)
               and a.stance == "assert" for a in atts), show(atts)


@pytest.mark.parametrize("text,cue", [
    ("The first trial proved a failure.", "proved"),  # no clause: no report
    ("It remains to be proved that the ship carried coal.", "proved"),  # no one proves it
    ("The clerk demonstrated the new scanner to the inspectors.", "demonstrated"),
    ("The ministry said at the time which ships had been held.", "said"),  # a question, not a statement
    ("The veteran recalled the time he crossed the river.", "recalled"),  # the time is what he recalled
])
def test_no_clause_reported(attributions_of, text, cue):
    atts = attributions_of(text)
    if cue == "recalled":
        assert all(not joined(a.content).startswith("he crossed") for a in atts), show(atts)
    else:
        assert not [a for a in atts if joined(a.cue) == cue], show(atts)


@pytest.mark.parametrize("text,source,cue,stance", [
    ("The ministry bought fuel abroad last month, Daily NK has learned.", "Daily NK", "has learned", "assert"),
    ("Daily NK has learned that the ministry bought fuel abroad last month.", "Daily NK", "has learned", "assert"),
    ("However, he reconfirmed, For now there is no problem with the trade.", "he", "reconfirmed", "confirm"),
    ("The ministry reaffirmed that it would abide by the resolutions.", "The ministry", "reaffirmed", "confirm"),
])
def test_stance_of_outlets_and_repeated_reports(attributions_of, text, source, cue, stance):
    atts = attributions_of(text, resolve=True)
    assert any(joined(a.source) == source and joined(a.cue) == cue and a.stance == stance for a in atts), show(atts)


def test_one_persons_learning_stays_a_thought(attributions_of):
    atts = attributions_of("The minister learned that the ship had left.", resolve=True)
    assert all(a.stance == "none" for a in atts if joined(a.cue) == "learned"), show(atts)


@pytest.mark.parametrize("text,cue", [
    ("The guide told us on the bus, Pyongyang was quiet.", "told"),  # a name after the comma: no sign of a lost quote
])
def test_a_name_after_the_comma_is_no_lost_quote(attributions_of, text, cue):
    assert all(not joined(a.content).startswith("Pyongyang was quiet") or joined(a.cue) != cue
               for a in attributions_of(text)), show(attributions_of(text))


def test_a_headline_noun_does_not_hide_the_person_the_lede_names(attributions_of):
    text = ("Envoy rejects new sanctions on Pyongyang\n\n"
            "The new sanctions are unlawful, Russian Foreign Ministry spokeswoman Maria Zakharova said on Wednesday.\n\n"
            '"We accept only the Council’s measures," the diplomat said.\n\n'
            '"Calm is needed," the Russian diplomat added.')
    atts = attributions_of(text, resolve=True)
    later = [a for a in atts if joined(a.source) in ("the diplomat", "the Russian diplomat")]
    assert len(later) == 2 and all(a.source_entity == "maria-zakharova" for a in later), show(atts)


def test_another_sides_diplomat_is_not_the_last_person_named(attributions_of):
    text = ("The new sanctions are unlawful, Russian Foreign Ministry spokeswoman Maria Zakharova said on Wednesday. "
            '"Calm is needed," the American diplomat said.')
    atts = attributions_of(text, resolve=True)
    assert all(a.source_entity != "maria-zakharova" for a in atts if joined(a.source) == "the American diplomat"), show(atts)


@pytest.mark.parametrize("text,source,entity", [
    ("Kim Jong-nam, the elder half-brother of North Korean leader Kim Jong Un, died in a hospital. Before his death, "
     "he told a nurse that a stranger had sprayed liquid in his face.", "he", "local:kim-jong-nam"),
    ("Vladimir Putin met Kim Jong Un in Vladivostok. He said the talks were useful.", "He", "vladimir-putin"),
])
def test_he_is_who_the_last_sentence_was_about(attributions_of, text, source, entity):
    atts = attributions_of(text, resolve=True)
    assert any(joined(a.source) == source and a.source_entity == entity for a in atts), show(atts)


def test_a_speaker_keeps_the_floor_over_the_last_sentences_subject(attributions_of):
    text = ('"The ship was empty," Jane Roe said. Kim Jong Un visited the port on Monday. '
            '"It was searched twice," she said.')
    atts = attributions_of(text, resolve=True)
    she = [a for a in atts if joined(a.source) == "she"]
    assert she and she[0].source_entity != "kim-jong-un", show(atts)


def test_the_magazine_is_only_the_capitalised_name(attributions_of):
    atts = attributions_of('"We accept only the Council’s measures," the diplomat said. The Diplomat reported it.',
                           resolve=True)
    assert all(a.source_entity != "the-diplomat" for a in atts if joined(a.source) == "the diplomat"), show(atts)


def test_a_title_is_no_first_name():
    from sanctionwatch.attribution.discourse import Discourse
    from sanctionwatch.model import Entity, Mention

    text = "Ambassador Jane Roe spoke. The Ambassador left."
    roe = Entity("local:jane-roe", "Jane Roe", "person", [Mention(0, 19, "Ambassador Jane Roe")])
    names = Discourse.of(text, [roe], frozenset({"ambassador"})).names
    assert "ambassador" not in names and names["roe"] is roe


def test_the_header_names_whose_statement_it_is(attributions_of):
    text = ("Statement by Deputy Ambassador Jane Roe following the vote on the draft\n\n"
            "Mr. President,\n\nWe hope that the panel will use only verified data.\n\nThank you.")
    atts = attributions_of(text, resolve=True)
    we = [a for a in atts if joined(a.source) == "We"]
    assert we and we[0].source_entity == "local:jane-roe", show(atts)
    assert not [a for a in atts if joined(a.cue) == "Thank"], show(atts)


def test_without_a_header_we_in_narration_is_no_one(attributions_of):
    text = "Jane Roe spoke first.\n\nWe hope that the panel will use only verified data."
    atts = attributions_of(text, resolve=True)
    assert all(a.source_entity is None for a in atts if joined(a.source) == "We"), show(atts)


def test_a_thank_with_an_object_still_supports(attributions_of):
    atts = attributions_of("We thank China for blocking the resolution.")
    assert any(joined(a.cue) == "thank" and a.stance == "support" for a in atts), show(atts)


@pytest.mark.parametrize("text,source,content", [
    ("The two men were charged with fraud, money laundering, and identity theft, the Department of Justice (DOJ) "
     "said.", "the Department of Justice (DOJ)", "The two men were charged with fraud"),
    ("The North fired two missiles into the sea, the Joint Chiefs of Staff (JCS) said.",
     "the Joint Chiefs of Staff (JCS)", "The North fired two missiles into the sea"),
])
def test_a_closing_source_read_into_a_list(attributions_of, text, source, content):
    atts = attributions_of(text)
    said = [a for a in atts if joined(a.cue) == "said"]
    assert said and joined(said[0].source) == source and joined(said[0].content).startswith(content), show(atts)
    assert source not in joined(said[0].content), show(atts)


def test_a_closing_source_the_tagger_missed_in_a_longer_paragraph(attributions_of):
    text = ("A court charged nine men on Monday for using false names to get jobs abroad.\n"
            "The men were charged with conspiring to evade sanctions and committing fraud, money laundering, and "
            "identity theft, the Department of Justice (DOJ) said.\n"
            "Four of them were also charged with perjury.")
    atts = attributions_of(text)
    assert any(joined(a.cue) == "said" and joined(a.source) == "the Department of Justice (DOJ)" for a in atts), show(atts)


@pytest.mark.parametrize("text,cue,reports", [
    ("Pyongyang continues to defy the sanctions, the monitors said.", "continues", False),
    ("The regime kept selling coal, the panel said.", "kept", False),
    ('"We will not stop," he continued.', "continued", True),
    ("He continued that the tests would go on.", "continued", True),
])
def test_continue_reports_only_words(attributions_of, text, cue, reports):
    atts = attributions_of(text)
    assert any(joined(a.cue) == cue for a in atts) is reports, show(atts)


def test_a_press_conference_transcript(attributions_of):
    text = ("Foreign Ministry Spokesperson Jane Roe's Regular Press Conference on May 2, 2016\n\n"
            "Q: What is your comment on the new resolution?\n\n"
            "A: The resolution also states that it is not meant to harm civilians. We maintain that it must be "
            "implemented in full. The Chinese side supports the Council in making a response.")
    atts = attributions_of(text, resolve=True)
    we = [a for a in atts if joined(a.source) == "We"]
    assert we and we[0].source_entity == "local:jane-roe" and we[0].parent is None, show(atts)
    states = [a for a in atts if joined(a.cue) == "also states"]
    assert states and "We maintain" not in joined(states[0].content), show(atts)
    side = [a for a in atts if joined(a.source) == "The Chinese side"]
    assert side and side[0].source_entity == "chn", show(atts)
    assert not any(joined(a.source) in ("Q", "A") for a in atts), show(atts)


def test_a_quotation_may_run_over_sentences(attributions_of):
    text = 'The envoy said: "The ship is ours. We will take it back." The ministry said nothing.'
    atts = attributions_of(text)
    envoy = [a for a in atts if joined(a.source) == "The envoy"]
    assert envoy and "take it back" in joined(envoy[0].content), show(atts)

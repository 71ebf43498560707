"""Classes of attribution errors read on a tenth blind set of real pages (crypto-analytics news, law firms' client
alerts, Korean broadcasters' scripts and a Russian briefing in machine translation, Chinese foreign-ministry copy,
panel summaries), each restated in the team's own words.

- An agentless "It is said / It was also stated that ..." right after a named speaker's report goes on with that
  speaker (a translation that dropped the subject); after an outlet's report ("..., reports Yonhap") it goes on with
  the one the outlet cites, never with the outlet; hearsay passives ("It is reported / believed that ...") and an
  agentless report with no report before it stay unowned.
- A document noun with a participle of making ("a report published by X", "an investigation released by X") speaks
  for its maker, also through a relative pronoun ("..., which showed that ..."); a participle of reading or relaying
  ("a report seen by Reuters") names no author.
- A translated broadcast transcript's bracketed soundbite label ("[Recording: Former envoy Roe] “...”") names the
  speaker of the quotation after it.
- A translated one-line headline "Jane Roe: the policy failed" goes on in lower case after a person's full name: the
  person speaks (a single capitalised word before a lower-case rest stays no speaker).
- A reported clause whose subject is interrupted by a parenthesis between dashes ("The ministry said the tanker —
  which was seized in April — had carried coal"): the reporting verb keeps the whole clause, whether the tagger lost
  the verb or cut its content at the first dash.
- A cue that swallowed its subject ("The agency's latest revision of the rules explains that ...", the verb read
  as a plural noun): the noun phrase is the source, the verb the cue, and the document speaks for its possessor.
- A cue verb in British spelling ("emphasises", "criticised") is the cue its American spelling is; a document that is
  the object of a verb of making ("The office published a paper, which emphasises ...") speaks for the maker.
- Open class (a): a definite body noun ("The panel learned that ...", "the council said") is the body the page named
  with that noun at the head of its name ("the UN Panel of Experts"); a body's finding is then its assessment.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


def show(atts):
    return [(joined(a.source), joined(a.cue), a.stance, a.source_entity, joined(a.content)[:60]) for a in atts]


def _by_cue(atts, cue):
    return [a for a in atts if joined(a.cue).lower() == cue]


@pytest.mark.parametrize("text, first_cue, cue", [
    ("The Defense Ministry said on Monday that the talks with the North had stalled. "
     "It was also stated that the two tankers would stay in port until the inquiry ends.", "said", "was also stated"),
    ("The Treasury Department explained the measure on Friday, saying that the office had abused its powers. "
     "It is said that the workers were kept under constant watch in the camps.", "saying", "is said"),
    ("Officials at the Foreign Ministry said the shipment had left the port in March.\n\n"
     "It was also noted that the crew had switched off the ship's transponder.", "said", "was also noted"),
])
def test_an_agentless_report_goes_on_with_the_speaker_before(attributions_of, text, first_cue, cue):
    atts = attributions_of(text, resolve=True)
    first, then = _by_cue(atts, first_cue), _by_cue(atts, cue)
    assert first and then and (first[0].source_entity or first[0].affiliation) is not None, show(atts)
    assert (then[0].source_entity, then[0].affiliation) == (first[0].source_entity, first[0].affiliation), show(atts)


@pytest.mark.parametrize("text, cue", [
    ("The Defense Ministry said on Monday that the talks with the North had stalled. "
     "It is believed that the two tankers left the port at night.", "is believed"),
    ("It was also stated that the two tankers would stay in port until the inquiry ends.", "was also stated"),
    ("The Defense Ministry said on Monday that the talks with the North had stalled.\n\n"
     "The tankers stayed in port for a week, and their crews were questioned by the police.\n\n"
     "Traders in the port city complained about the delays to their shipments of coal.\n\n"
     "It was also stated that the two tankers would stay in port until the inquiry ends.", "was also stated"),
])
def test_an_agentless_report_without_a_speaker_just_before_stays_unowned(attributions_of, text, cue):
    atts = attributions_of(text, resolve=True)
    assert all(a.source_entity is None for a in _by_cue(atts, cue)), show(atts)


def test_an_agentless_report_after_an_outlet_never_goes_to_the_outlet(attributions_of):
    text = ("Members of the council called the launch reckless at a closed meeting on Friday, reports Yonhap. "
            "It was also stated that the North should return to talks.")
    atts = attributions_of(text, resolve=True)
    outlet = [a.source_entity for a in atts if joined(a.source) == "Yonhap"]
    assert all(a.source_entity is None or a.source_entity not in outlet for a in _by_cue(atts, "was also stated")), show(atts)


@pytest.mark.parametrize("text, cue, author", [
    ("According to a report published by Chainalysis on Monday, the hackers moved the coins through two mixers.",
     "according to", "chainalysis"),
    ("The addresses were flagged after an investigation released by ZachXBT in April, which showed that the group "
     "had moved the coins through two mixers.", "showed", "zachxbt"),
    ("A study conducted by Elliptic found that the thieves had swapped the tokens for bitcoin.", "found", "elliptic"),
])
def test_a_document_speaks_for_its_maker(attributions_of, text, cue, author):
    atts = attributions_of(text, resolve=True)
    found = _by_cue(atts, cue)
    assert found and found[0].source_entity == author, show(atts)


def test_a_document_seen_by_an_outlet_is_not_the_outlet_s(attributions_of):
    text = "According to a confidential report seen by Reuters, the hackers moved the coins through two mixers."
    atts = attributions_of(text, resolve=True)
    found = _by_cue(atts, "according to")
    assert found and found[0].source_entity != "reuters", show(atts)


@pytest.mark.parametrize("label, who", [
    ("[Recording: Former Senior Envoy Roe]", "Former Senior Envoy Roe"),
    ("[Soundbite: Jane Roe, ministry spokeswoman]", "Jane Roe, ministry spokeswoman"),
    ("[Interview: John Doe]", "John Doe"),
])
def test_a_bracketed_soundbite_label_names_the_speaker(attributions_of, label, who):
    text = ("Jane Roe, a former envoy, spoke at an online seminar on Tuesday.\n\n"
            + label + " “We still see gaps in the way the measures are enforced at sea.”\n\n"
            "She also listed the goods that reached the capital last year.")
    atts = [a for a in attributions_of(text) if "gaps in the way" in joined(a.content)]
    assert atts and joined(atts[0].source) == who, show(atts)


def test_a_bracketed_label_without_a_quotation_speaks_for_no_one(attributions_of):
    text = "[Recording: Jane Roe] the audio was cut off before the envoy spoke about the ships.\n"
    atts = attributions_of(text)
    assert not any(joined(a.source) == "Jane Roe" for a in atts), show(atts)


def test_a_lower_case_headline_after_a_full_name_is_the_person_s(attributions_of):
    text = ("Jane Roe: the pressure campaign has run its course\n\n"
            "The spokeswoman spoke at the weekly briefing in the capital on Thursday about the sanctions.")
    atts = [a for a in attributions_of(text) if joined(a.cue) == ":"]
    assert atts and joined(atts[0].source) == "Jane Roe", show(atts)


def test_a_lower_case_headline_after_one_word_has_no_speaker(attributions_of):
    text = ("Sanctions: the pressure campaign has run its course\n\n"
            "The spokeswoman spoke at the weekly briefing in the capital on Thursday about the sanctions.")
    assert not [a for a in attributions_of(text) if joined(a.cue) == ":"]


@pytest.mark.parametrize("text, source, tail", [
    ("The ministry said the tanker — which was seized by the coast guard in April — had carried coal to the port.",
     "The ministry", "had carried coal to the port"),
    ("Quoting port records, the research group said the network — which reportedly controls a dozen shell firms — had "
     "been shipping the coal through two ports.", "the research group", "through two ports"),
])
def test_a_dash_interrupted_clause_stays_with_its_reporting_verb(attributions_of, text, source, tail):
    atts = [a for a in attributions_of(text) if joined(a.cue) == "said"]
    assert atts and joined(atts[0].source) == source and tail in joined(atts[0].content), show(atts)


@pytest.mark.parametrize("text, source, cue", [
    ("The agency's latest revision of the rules explains that the agency will not consider such transfers significant.",
     "The agency's latest revision of the rules", "explains"),
    ("The regulator’s newest reading of its rules explains that banks must report the frozen funds within ten days.",
     "The regulator’s newest reading of its rules", "explains"),
])
def test_a_subject_swallowed_by_the_cue_goes_back_to_the_source(attributions_of, text, source, cue):
    atts = [a for a in attributions_of(text) if "will not consider" in joined(a.content) or "must report" in joined(a.content)]
    assert atts and joined(atts[0].source) == source and joined(atts[0].cue) == cue, show(atts)


def test_a_cue_with_its_auxiliary_keeps_it(attributions_of):
    text = "The ministry has repeatedly said that the tankers left the port at night."
    atts = [a for a in attributions_of(text) if "left the port" in joined(a.content)]
    assert atts and joined(atts[0].source) == "The ministry", show(atts)


def test_a_time_phrase_in_the_cue_is_no_part_of_the_subject(attributions_of):
    text = "SEOUL, May 2 (Example) - The fisheries office on Tuesday denied that any foreign trawler had entered the zone."
    atts = [a for a in attributions_of(text) if joined(a.cue).endswith("denied")]
    assert atts and all(joined(a.source) == "The fisheries office" for a in atts), show(atts)


@pytest.mark.parametrize("text, cue", [
    ("On Monday the regulator published a short paper for banks, which emphasises the dangers of paying remote workers.",
     "emphasises"),
    ("The minister criticised the decision in a speech to the assembly on Monday.", "criticised"),
])
def test_a_british_spelling_of_a_cue_is_a_cue(attributions_of, text, cue):
    atts = attributions_of(text)
    assert _by_cue(atts, cue), show(atts)


def test_a_document_issued_by_a_body_speaks_for_it(attributions_of):
    text = "On Monday the European Commission published a short paper, which emphasises the dangers of paying remote workers."
    atts = _by_cue(attributions_of(text, resolve=True), "emphasises")
    assert atts and atts[0].source_entity is not None and "commission" in atts[0].source_entity, show(atts)


@pytest.mark.parametrize("text, cue, body", [
    ("The UN Panel of Experts met in Geneva in March.\n\nThe panel learned that the tanker had delivered fuel to the "
     "North twice.", "learned", "un-panel-of-experts"),
    ("The UN Security Council met in New York on Friday.\n\nThe council said that the tanker had delivered fuel to "
     "the North twice.", "said", "unsc"),
])
def test_a_body_met_again_by_its_head_noun(attributions_of, text, cue, body):
    atts = _by_cue(attributions_of(text, resolve=True), cue)
    assert atts and atts[0].source_entity == body and atts[0].stance == "assert", show(atts)


def test_a_modified_body_noun_is_not_the_named_body(attributions_of):
    text = ("The UN Panel of Experts met in Geneva in March.\n\nA national panel said that the tanker had delivered "
            "fuel to the North twice.")
    atts = _by_cue(attributions_of(text, resolve=True), "said")
    assert atts and atts[0].source_entity != "un-panel-of-experts", show(atts)

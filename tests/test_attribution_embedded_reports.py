"""Speech found where the tagger's reading stops short: the one quoted by a carrier, a quotation that runs
on, reports inside relative clauses and nouns, claims that are denied, speakers after an apposition."""

from __future__ import annotations

import pytest

from sanctionwatch.attribution.closing import postposed_surface
from sanctionwatch.read import parse
from fragments import attributions_checked, joined


def _extract(nlp, text: str):
    return attributions_checked(nlp, text)


def _with_content(atts, words: str):
    hits = [a for a in atts if words in joined(a.content)]
    assert hits, f"no content with {words!r} in {[joined(a.content) for a in atts]}"
    return hits


@pytest.mark.parametrize("text, speaker, said", [
    # a carrier whose head word is no known outlet still only carries the words
    ("The Hanoi news agency quoted the unnamed envoy as saying the border would stay shut until spring.",
     "the unnamed envoy", "the border would stay shut until spring"),
    ("The filing quoted Mandiant as saying that it traced the intrusion to servers in Minsk.",
     "Mandiant", "that it traced the intrusion to servers in Minsk"),
    # the quotation before the cue stays the content
    ("“We have never sold a single rifle to them,” the paper cited the deputy defence minister as saying.",
     "the deputy defence minister", "“We have never sold a single rifle to them,”"),
])
def test_the_one_quoted_as_saying_is_the_speaker(nlp, text, speaker, said):
    hit = _with_content(_extract(nlp, text), said)[0]
    assert joined(hit.source) == speaker
    assert joined(hit.content) == said


def test_a_quote_paragraph_continues_a_speaker_who_goes_on_referring_to_something(nlp):
    text = ("“The test was a message to Tokyo,” said Park Min-su, a lecturer at Hanyang University, referring to "
            "the drills.\n\n“Tokyo will see more launches before the summer.”")
    hit = _with_content(_extract(nlp, text), "Tokyo will see more launches")[0]
    assert joined(hit.source).startswith("Park Min-su")


@pytest.mark.parametrize("text, speaker, said", [
    ("“The network moved the cash from Europe back to” North Korea, deputy Attorney General Jane Roe said in a "
     "statement.", "deputy Attorney General Jane Roe", "“The network moved the cash from Europe back to” North Korea"),
    ("\"We will ship the spare parts to\" Iran, the broker wrote in an email.", "the broker",
     "\"We will ship the spare parts to\" Iran"),
])
def test_words_after_a_quotation_that_closes_on_a_word_finish_it(nlp, text, speaker, said):
    hit = _with_content(_extract(nlp, text), said)[0]
    assert joined(hit.source) == speaker


@pytest.mark.parametrize("text, denier, claimant", [
    ("DPRK denied on Sunday Washington's claims that it is selling shells to a Russian mercenary group.",
     "DPRK", "Washington's"),
    ("Iran rejected on Friday Israel's accusation that it had armed the militia.", "Iran", "Israel's"),
])
def test_a_denied_claim_is_the_content_of_the_denial(nlp, text, denier, claimant):
    atts = _extract(nlp, text)
    denial = next(a for a in atts if joined(a.source) == denier)
    assert denial.stance == "deny"
    assert joined(denial.content).startswith(claimant)
    claim = next(a for a in atts if a is not denial and "that" in joined(a.content))
    assert joined(claim.source) == claimant


@pytest.mark.parametrize("text, speaker, said", [
    ("There is strong evidence that the Andariel group may be responsible for the theft, based on the nature of the "
     "hacking and the subsequent laundering of the stolen funds, another company, Mandiant, said in a report on "
     "Thursday.", "another company, Mandiant", "There is strong evidence that the Andariel group may be responsible"),
    ("Talks will resume in May, judging by the schedule, another diplomat, Jane Roe, said on Monday.",
     "another diplomat, Jane Roe", "Talks will resume in May"),
])
def test_a_closing_speaker_with_an_apposition_keeps_the_clause_before(nlp, text, speaker, said):
    doc = parse(nlp, text).blocks[0].doc
    verb = next(t for t in doc if t.lower_ == "said")
    found = postposed_surface(doc, verb)
    assert found is not None
    (s0, s1), _, (c0, c1) = found
    assert doc[s0:s1].text == speaker
    assert doc[c0:c1].text.startswith(said)


@pytest.mark.parametrize("text, owner, said", [
    # the report's agent, an apposition and a day stand between the noun and its that-clause
    ("The remarks came in response to a report by a Japanese daily, the Osaka Shimbun, on Thursday that the "
     "freighter had unloaded rifles in Latakia.", "a Japanese daily", "that the freighter had unloaded rifles"),
    ("The statement followed a report by a German weekly, Der Spiegel, on Monday that the tanker had switched off "
     "its transponder.", "a German weekly", "that the tanker had switched off its transponder"),
    # a named owner makes a noun inside another attribution's content someone's words
    ("He called on all parties to show restraint following Myanmar leader Min Aung's statement that his drones "
     "\"have been made ready for combat\" through testing.", "Myanmar leader Min Aung's", "that his drones"),
])
def test_a_noun_report_finds_its_clause_and_owner(nlp, text, owner, said):
    hit = _with_content(_extract(nlp, text), said)
    assert any(joined(a.source).startswith(owner) for a in hit)


@pytest.mark.parametrize("text, runs_to", [
    ("The inspectors said one member state assessed that it is \"very probable\" Iran could fit a small warhead "
     "to a rocket of any range, but it was unclear if such rockets could survive reentry.", "of any range"),
    ("He said the talks were \"dead\" and that no date was set.", "no date was set"),
])
def test_a_reported_clause_runs_on_past_a_quoted_phrase(nlp, text, runs_to):
    atts = _extract(nlp, text)
    assert any(joined(a.content).endswith(runs_to) for a in atts), [joined(a.content) for a in atts]


def test_a_label_in_quotes_does_not_swallow_what_the_speaker_does_next(nlp):
    atts = _extract(nlp, "The minister called the plan \"a farce\" and left the room.")
    hit = next(a for a in atts if "called" in joined(a.cue))
    assert joined(hit.content) == "the plan \"a farce\""


@pytest.mark.parametrize("text, cue, speaker", [
    # a speech participle hung on a reported clause that only states how things are: the reporter goes on
    ("The spokesperson said that the ministry's stance on the issue remains unchanged, asserting that no oil deals "
     "exist between Tehran and Caracas.", "asserting", "The spokesperson"),
    # hung on a report's that-clause: the one who denies the report goes on
    ("The ministry has denied a Japanese media report that Pyongyang has sent shells to Russia by rail, calling the "
     "claim a fabrication.", "calling", "The ministry"),
    # after an act the clause's own subject is the one who goes on
    ("Officials said the navy seized the ship on Monday, accusing it of smuggling fuel.", "accusing", "the navy"),
])
def test_the_subject_of_a_speech_participle_after_a_reported_clause(nlp, text, cue, speaker):
    hit = next(a for a in _extract(nlp, text) if cue in joined(a.cue))
    assert joined(hit.source) == speaker


@pytest.mark.parametrize("text, speaker, said", [
    ("Analysts said the thieves belonged to the group which Washington believes is managed by the spy agency.",
     "Washington", "is managed by the spy agency"),
    ("The firm tracked the tanker which the coast guard says carried the fuel to Nampo.", "the coast guard",
     "carried the fuel to Nampo"),
])
def test_a_report_verb_inside_a_relative_clause(nlp, text, speaker, said):
    hit = _with_content(_extract(nlp, text), said)
    assert any(joined(a.source) == speaker for a in hit)


@pytest.mark.parametrize("text, opening, speaker", [
    # a quotation left open at the end of its paragraph is the words of whoever closes it in the next one,
    # not of the speaker before it
    ("Roe said the talks went well.\n\n“We will meet again. The date is not set.\n\n“We expect progress,” said Lund.",
     "“We will meet again", "Lund"),
    ("In his speech, Roe said the new rockets would help Oslo answer “threats” from the north.\n\n“If the minister’s "
     "boast is true, he is naive.\n\nIf he keeps slandering us, it will backfire on him,” the agency quoted Ivanova "
     "as saying.", "“If the minister’s boast", "Ivanova"),
])
def test_a_quotation_running_over_paragraphs_belongs_to_its_closer(nlp, text, opening, speaker):
    hits = _with_content(_extract(nlp, text), opening)
    assert [joined(a.source) for a in hits] == [speaker]

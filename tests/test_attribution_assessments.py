"""Classes a blind set of real pages showed: an institution's belief as its assessment, and the speaker of a relative clause.

Texts are the team's own.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pycrfsuite")

from sanctionwatch.attribution.draft import Draft, span_chars  # noqa: E402
from sanctionwatch.attribution.phrases import borrow_subject  # noqa: E402
from sanctionwatch.read import Block  # noqa: E402
from fragments import joined


def holding(atts, piece):
    return [a for a in atts if piece in joined(a.content)]


@pytest.mark.parametrize("text,piece,stance", [
    # a body's belief is the assessment it published
    ("The National Intelligence Service believes that the North has moved two hundred rocket launchers to the coast.",
     "two hundred rocket launchers", "assert"),
    ("The FBI also believes the stolen tokens were swapped for stablecoins within a day.",
     "swapped for stablecoins", "assert"),
    ("China expects that the new talks will open in the autumn in Geneva.", "open in the autumn", "assert"),
    # a group named by a plural noun speaks as one
    ("Customs officials believe that the trawler unloaded its catch at a second port.", "unloaded its catch", "assert"),
    ("The plaintiffs think the agency ignored their earlier letters.", "ignored their earlier letters", "assert"),
    # a person's thought stays a cognition cue, a negated belief stays none; so does an unnamed "they"
    ("They believe that the harbour will reopen next month.", "the harbour will reopen", "none"),
    # commentators are no party to the story: their belief is an opinion, however many hold it
    ("Several economists believe the fishing ban cost the port towns a fifth of their income.", "cost the port towns", "none"),
    ("Shipping experts think the trawler unloaded its catch at a second port.", "unloaded its catch", "none"),
    ("Maria Fernandes believes that the harbour will reopen next month.", "the harbour will reopen", "none"),
    ("The FBI does not believe the stolen tokens were swapped for stablecoins.", "swapped for stablecoins", "none"),
])
def test_institutional_belief_is_an_assessment(attributions_of, text, piece, stance):
    found = holding(attributions_of(text, resolve=True), piece)
    assert found, piece
    assert found[0].stance == stance


@pytest.mark.parametrize("text,piece,speaker", [
    ("The Trade Office welcomed the vote. Its remarks differ from those of Prime Minister Helena Varga, who said "
     "earlier that the new levies were a minor step.", "minor step", "varga"),
    ("The ministry praised the accord, but the union leader Tomas Brandt, who told reporters that the deal "
     "would cost jobs, walked out of the talks.", "cost jobs", "brandt"),
])
def test_relative_pronoun_speaks_for_its_antecedent(attributions_of, text, piece, speaker):
    found = holding(attributions_of(text, resolve=True), piece)
    assert found, piece
    assert speaker in (found[0].source_entity or ""), found[0].source_entity


@pytest.mark.parametrize("text,piece,source", [
    ("The smuggling ring Blue Heron, also known as the Harbour Crew, was formally accused by the customs agency of "
     "having moved stolen copper through the port of Velmar.", "stolen copper", "the customs agency"),
    ("The shipping firm Orvane was accused by prosecutors of having falsified the cargo papers of three tankers.",
     "falsified the cargo papers", "prosecutors"),
])
def test_passive_agent_leaves_the_content(attributions_of, text, piece, source):
    found = holding(attributions_of(text, resolve=True), piece)
    assert found, piece
    a = found[0]
    assert joined(a.source) == source
    assert source not in joined(a.content)


@pytest.mark.parametrize("text,piece,not_speaker", [
    ("The UN Security Council renewed the mandate of its expert panel on Friday. The company said in a filing that "
     "its tankers had never called at the port of Nampo.", "never called at the port", ("unsc", "un")),
    ("The United Nations published the list of vessels on Monday. The firm said that none of its ships had carried "
     "coal from the North.", "none of its ships", ("un", "unsc")),
])
def test_commercial_description_is_no_public_body(attributions_of, text, piece, not_speaker):
    found = holding(attributions_of(text, resolve=True), piece)
    assert found, piece
    assert found[0].source_entity not in not_speaker


def test_commercial_description_still_finds_a_named_company(attributions_of):
    text = ("The Security Council listed Baltic Horizon Shipping Ltd on Friday. The company said that its "
            "tankers had never called at the port of Nampo.")
    found = holding(attributions_of(text, resolve=True), "never called at the port")
    assert found and "baltic" in (found[0].source_entity or ""), found and found[0].source_entity


@pytest.mark.parametrize("text,cue,content,source", [
    ("Two chartering firms, both based in Piraeus, have verified that the tanker changed its flag.",
     "have verified", "that the tanker changed its flag", "Two chartering firms"),
    ("The harbour master confirmed that the freighter left at dawn.", "confirmed", "that the freighter left at dawn",
     "The harbour master"),
    # a passive cue's subject is what was reported, never its source
    ("The freighter was confirmed to have left at dawn.", "was confirmed", "to have left at dawn", None),
])
def test_sourceless_active_cue_takes_its_own_subject(nlp, text, cue, content, source):
    doc = nlp(text)
    block = Block(0, doc)
    def toks(piece):
        lo = text.index(piece)
        return [t for t in doc if lo <= t.idx < lo + len(piece)]
    cue_toks, content_toks = toks(cue), toks(content)
    d = Draft(0, [], [span_chars(text, 0, doc, cue_toks[0].i, cue_toks[-1].i + 1)],
              [span_chars(text, 0, doc, content_toks[0].i, content_toks[-1].i + 1)], cue_toks)
    d = borrow_subject(text, block, d)
    got = text[d.source[0][0] : d.source[0][1]] if d.source else None
    assert got == source


@pytest.mark.parametrize("text,piece,stance,source", [
    ("A spokesman for the Lemurian Peace Committee in a statement on Friday termed the northern alliance a gang "
     "of pirates.", "northern alliance", "condemn", "A spokesman for the Lemurian Peace Committee"),
    ("The foreign ministry of Atlantis branded the new embargo an act of economic war.", "the new embargo", "condemn",
     "The foreign ministry of Atlantis"),
    ("The harbour authority branded the accusations a sheer fabrication.", "the accusations", "deny", "The harbour authority"),
])
def test_label_verbs_pin_a_label_on_the_other_side(attributions_of, text, piece, stance, source):
    found = holding(attributions_of(text, resolve=True), piece)
    assert found, piece
    assert found[0].stance == stance
    assert joined(found[0].source).startswith(source)


@pytest.mark.parametrize("text,piece,source", [
    ("Citing the council's silence on the North, Ambassador to the United Nations Maria Ostrova said, it is time to "
     "stop providing tacit permission and to start taking action.", "it is time to stop", "Maria Ostrova"),
    ("Speaking in the capital on Monday, the fisheries minister Tomas Brandt said, the quota talks have failed and "
     "the fleet will stay in port.", "the quota talks have failed", "Tomas Brandt"),
])
def test_comma_after_speech_verb_keeps_the_report(attributions_of, text, piece, source):
    found = holding(attributions_of(text, resolve=True), piece)
    assert found, piece
    assert source in joined(found[0].source)


def test_closing_source_inside_a_reported_sentence(attributions_of):
    text = ("Lemuria moved more than a thousand rocket launchers to Atlantis, Atlantis's intelligence service announced "
            "at a closed briefing for parliamentarians, the Harbour Gazette reports.")
    atts = attributions_of(text, resolve=True)
    inner = [a for a in atts if joined(a.cue) == "announced"]
    assert inner and joined(inner[0].source) == "Atlantis's intelligence service"
    assert "thousand rocket launchers" in joined(inner[0].content)
    assert inner[0].parent is not None and joined(atts[inner[0].parent].source) == "the Harbour Gazette"


@pytest.mark.parametrize("text,content,source,stance", [
    # the agent speaks; the passive subject is what it denied or confirmed
    ("The accusations were denied by the Lemurian embassy on Friday.", "The accusations", "the Lemurian embassy", "deny"),
    ("The reports have not been confirmed by the harbour authority.", "The reports", "the harbour authority", "none"),
    # "neither ... nor" on the subject negates the cue
    ("While neither the ferry sinking nor the navy's accusations have been acknowledged by Lemuria, the country's "
     "role in piracy has been well documented.", "the navy's accusations", "Lemuria", "none"),
])
def test_passive_cue_with_agent(attributions_of, text, content, source, stance):
    found = [a for a in attributions_of(text, resolve=True) if joined(a.source) == source]
    assert found, [joined(a.source) for a in attributions_of(text, resolve=True)]
    assert content in joined(found[0].content)
    assert found[0].stance == stance


@pytest.mark.parametrize("text,content,source,stance", [
    ("Lemuria has not sent warships to Atlantis to help it fight the islanders, one of its United Nations envoys "
     "said Monday, dismissing the navy's claims as “baseless rumor”.", "has not sent warships",
     "one of its United Nations envoys", "deny"),
])
def test_closing_speaker_shared_with_a_participle(attributions_of, text, content, source, stance):
    found = holding(attributions_of(text, resolve=True), content)
    assert found, content
    assert joined(found[0].source) == source and found[0].stance == stance


@pytest.mark.parametrize("text,content,source", [
    ("After Lemuria summoned the envoy, the envoy “stressed that trade between the two islands is not aimed at "
     "anyone else.”", "trade between the two islands", "the envoy"),
    ("The ambassador of Atlantis “stressed that the fleet will stay in port” during the talks.", "the fleet will stay",
     "The ambassador of Atlantis"),
])
def test_quotation_opening_on_the_speech_verb(attributions_of, text, content, source):
    found = holding(attributions_of(text, resolve=True), content)
    assert found, content
    a = found[0]
    assert joined(a.source) == source
    assert not any(c.start < q.end and q.start < c.end for c in a.content for q in a.cue)


@pytest.mark.parametrize("text,cue,consequence", [
    ("The harbour master said the navy chief has already publicly cautioned that should Lemuria's sailors be used "
     "in the raid, they would be considered combatants and legitimate targets.", "has already publicly cautioned",
     "considered combatants"),
    ("The minister warned that should the talks fail, the border would close within a week.", "warned",
     "the border would close"),
])
def test_inverted_conditional_keeps_its_consequence(attributions_of, text, cue, consequence):
    found = [a for a in attributions_of(text, resolve=True) if joined(a.cue) == cue]
    assert found and consequence in joined(found[0].content), [joined(a.content) for a in found]

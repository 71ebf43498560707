"""Classes of attribution errors read on a seventh blind set of real pages (Kremlin and Beijing denials, DPRK
committee statements relayed by state media, defectors, UN panel and monitoring-team reports), each restated
in the team's own words.

- An evidential denial ("there is no proof", "they keep saying it without providing any evidence", "the claims
  are not based on evidence") or a claim dismissed as rumour put about by the other side ("hostile forces are
  spreading rumours") makes a neutral cue a denial.
- A warning the speaker performs at the opening of its words ("We warn that we will not tolerate ...") makes a
  neutral cue warn, whatever condemnation follows it.
- A family name two people of the text share ("Kim" of Kim Yo Jong and Kim Jong Un) names the last of them to
  have spoken; where neither has, it names no one.
- A headline's present-tense speech verb reports what the parser read as its object ("Ministry Says 'No Proof'
  Tanker Left Port") or, closing the headline after a comma, what stands before it ("Fuel curbs biting, envoy
  says"); a straight quote closing a quoted phrase is no part of its last word.
- A subject "they" joined to a clause with a plural subject ("The monitors did not name the state, but they
  claimed ...") is that group, and a subject "it" after a sentence whose subject is a document ("Excerpts of a UN
  report were published. It shows ...") is the document's author, not the outlet that spoke last; the sentence
  before may stand in the block before (its own paragraph, or the same one cut for length).
- A speech verb set inside the sentence ("..., Roe said, as the guards look away") reports the clause it
  interrupts, not the writer's subordinate clause after it.
- An outlet that publishes a document ("The news agency released a statement from the defence ministry
  rejecting ...") only carries it: the author speaks, with the participle the document hangs on as the cue.
- A title-case headline the parser reads as one long name ("Envoy's Deputy Slams New Measures") still holds its
  speech verb: found by its shape, with the words before it speaking (the last of them the head) and the words
  after it said.
- "continue" in its sense of going on with an act ("the regime continues to defy the resolutions") reports
  nothing; "he continued: ..." and "continued to insist that ..." still do.
- A labelling participle after a reported act ("said the North sent weapons, calling it a troubling
  development and raising concerns ...") is the reporter's, not the actor's (after a reported speech act, "said
  Pyongyang rejected the report, calling it a lie", the rule leaves it alone).
- "when asked about X" is the occasion of a reply: being asked reports nothing.
- "X quoth unnamed officials as saying ...": where the parser lost the quoting verb (a spinner's "quoth") and hung
  "as saying" on the noun, that noun (with its left modifiers) is the speaker, not nobody.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


def show(atts):
    return [(joined(a.source), joined(a.cue), a.stance, a.source_entity, joined(a.content)[:60]) for a in atts]


@pytest.mark.parametrize("text,cue", [
    ('"They repeat this every week, without providing any proof," the envoy said.', "said"),
    ("The ministry said on Monday there was no evidence that its tankers had met the barge.", "said"),
    ('"They keep writing about it - they do not provide any evidence," Ivanov told reporters.', "told"),
    ("The embassy said the reports of a secret shipment were not based on evidence.", "said"),
    ('"Hostile forces are spreading rumours that we stole the coins," the spokesman said.', "said"),
])
def test_an_evidential_denial_makes_a_neutral_cue_deny(attributions_of, text, cue):
    atts = [a for a in attributions_of(text) if joined(a.cue) == cue]
    assert atts and all(a.stance == "deny" for a in atts), show(attributions_of(text))


@pytest.mark.parametrize("text", [
    "The inspectors said they found fresh evidence of a transfer at sea.",
    "The envoy said the panel would need proof before it could name the ship.",
])
def test_evidence_as_such_is_no_denial(attributions_of, text):
    atts = [a for a in attributions_of(text) if joined(a.cue) == "said"]
    assert atts and all(a.stance != "deny" for a in atts), show(atts)


def _doc(words, heads, deps, pos, tags):
    import spacy
    from spacy.tokens import Doc

    lemmas = ["say" if w == "saying" else w.lower() for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


# "The paper quoth two unnamed aides as saying the barge left ." as the parser read the spun sentence: "quoth" a
# noun, the aides the root, "as saying" hung on them
_QUOTH = (
    ["The", "paper", "quoth", "two", "unnamed", "aides", "as", "saying", "the", "barge", "left", "."],
    [1, 5, 5, 5, 5, 5, 5, 6, 9, 10, 7, 5],
    ["det", "nmod", "nmod", "nummod", "amod", "ROOT", "prep", "pcomp", "det", "nsubj", "ccomp", "punct"],
    ["DET", "NOUN", "NOUN", "NUM", "ADJ", "NOUN", "ADP", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
    ["DT", "NN", "NN", "CD", "JJ", "NNS", "IN", "VBG", "DT", "NN", "VBD", "."],
)


@pytest.mark.parametrize("doc_args,cue_at,expected", [
    (_QUOTH, 7, "two unnamed aides"),
    # "saying" that is no "as saying" names no one
    ((["Aides", "kept", "saying", "no", "."], [1, 1, 1, 2, 1], ["nsubj", "ROOT", "xcomp", "dobj", "punct"],
      ["NOUN", "VERB", "VERB", "DET", "PUNCT"], ["NNS", "VBD", "VBG", "DT", "."]), 2, None),
])
def test_as_saying_hung_on_a_noun_names_that_noun(doc_args, cue_at, expected):
    from sanctionwatch.attribution.cued_speakers import as_saying_holder

    doc = _doc(*doc_args)
    found = as_saying_holder([doc[cue_at]])
    assert (doc[found[0][0]:found[0][1]].text if found else None) == expected


@pytest.mark.parametrize("text,cue,stance", [
    ('"We warn that we will not tolerate such insults to our state," the bulletin says.', "says", "warn"),
    ('"I warn the puppets once again: they will pay dearly," the deputy director said.', "said", "warn"),
    # the condemnation stays where no warning opens the words
    ('"We will never tolerate such insults to our state," the bulletin says.', "says", "condemn"),
])
def test_a_warning_opening_the_words_makes_a_neutral_cue_warn(attributions_of, text, cue, stance):
    atts = [a for a in attributions_of(text) if joined(a.cue) == cue]
    assert atts and all(a.stance == stance for a in atts), show(attributions_of(text))


@pytest.mark.parametrize("text,expected", [
    ("Kim Yo Jong, the sister of leader Kim Jong Un, criticized the drills on Monday. "
     '"They are stray dogs," Kim said in a statement.', "kim-yo-jong"),
    ("Kim Jong Un inspected a factory, state media said. Kim Yo Jong attacked the drills on Tuesday. "
     '"We will answer," Kim said.', "kim-yo-jong"),
    ("Kim Jong Un inspected a factory, and his sister Kim Yo Jong stood nearby. "
     '"The drills are over," Kim said.', None),
])
def test_a_shared_family_name_names_the_last_of_them_to_speak(attributions_of, text, expected):
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.source) == "Kim"]
    assert atts and all(a.source_entity == expected for a in atts), show(attributions_of(text, resolve=True))


@pytest.mark.parametrize("text,source,content,stance", [
    ("Moscow Says 'No Proof' Pyongyang Sending Shells\n\nThe ministry said on Friday there was no proof.\n", "Moscow", "Pyongyang Sending Shells", "deny"),
    ("Fuel curbs biting hard in the north, envoy says\n\nThe curbs have begun to bite, the envoy said on Friday.\n", "envoy", "Fuel curbs biting hard", "assert"),
])
def test_a_headline_speech_verb_reports(attributions_of, text, source, content, stance):
    title = text.split("\n")[0]
    atts = [a for a in attributions_of(text) if joined(a.source) == source and content in joined(a.content)]
    assert atts and all(a.stance == stance and joined(a.content) in title for a in atts), show(attributions_of(text))


def test_a_sentence_of_the_story_is_no_headline(attributions_of):
    text = "Fuel curbs are biting hard in the north, the envoy says, and prices have doubled since spring.\n"
    assert not [a for a in attributions_of(text) if joined(a.content).startswith("Fuel curbs") and "prices" in joined(a.content)]


@pytest.mark.parametrize("text,cue,wrong,right", [
    ("Yonhap reported that the minister rejected the findings. The UN monitors did not name the state, but they "
     "claimed the data came from a member government.", "claimed", "yonhap", None),
    ("KCNA said the committee rejected the report.\n\nExcerpts of a confidential UN report were published in May. "
     "It shows that the hackers stole funds from two exchanges.", "shows", "kcna", "un"),
    ("KCNA said the committee rejected the report.\n\nExcerpts of a confidential UN report were published in May.\n\n"
     "It shows that the hackers stole funds from two exchanges.", "shows", "kcna", "un"),
])
def test_a_pronoun_goes_back_to_the_subject_the_text_gives_it(attributions_of, text, cue, wrong, right):
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.cue) == cue]
    assert atts and all(a.source_entity != wrong for a in atts), show(attributions_of(text, resolve=True))
    if right is not None:
        assert all(a.source_entity == right for a in atts), show(atts)


@pytest.mark.parametrize("text,reported", [
    ("The trading houses earn a fortune from the cheap workers, Roe said, as the border guards look the other way.",
     "The trading houses earn a fortune from the cheap workers"),
    ("Most of the wages go to the state, the defector said, because the managers keep the accounts.",
     "Most of the wages go to the state"),
])
def test_a_speech_verb_inside_the_sentence_reports_the_clause_it_interrupts(attributions_of, text, reported):
    atts = [a for a in attributions_of(text) if joined(a.cue) == "said"]
    assert atts and all(joined(a.content) == reported for a in atts), show(attributions_of(text))


@pytest.mark.parametrize("text,source,stance", [
    ("The state news agency released a statement from the defence ministry rejecting the claims of arms sales.",
     "the defence ministry", "deny"),
    ("Rodong Sinmun carried a statement by a navy spokesman denouncing the drills as a rehearsal for war.",
     "a navy spokesman", "condemn"),
])
def test_a_published_document_speaks_for_its_author(attributions_of, text, source, stance):
    atts = [a for a in attributions_of(text) if joined(a.source) == source]
    assert atts and all(a.stance == stance for a in atts), show(attributions_of(text))


def test_the_carrier_rule_reads_a_document_owner_by_name():
    import spacy
    from spacy.tokens import Doc

    from sanctionwatch.attribution.published import _document_author

    words = ["KCNA", "published", "another", "Kim", "Yo", "Jong", "statement", "criticizing", "the", "council"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 6, 5, 5, 6, 1, 6, 9, 7],
              deps=["nsubj", "ROOT", "det", "compound", "compound", "compound", "dobj", "acl", "det", "dobj"],
              pos=["PROPN", "VERB", "DET", "PROPN", "PROPN", "PROPN", "NOUN", "VERB", "DET", "NOUN"])
    assert [t.text for t in _document_author(doc[6])] == ["Kim", "Yo", "Jong"]
    assert _document_author(doc[9]) is None


@pytest.mark.parametrize("title,source,stance", [
    ("Beijing Denies Selling Fuel To Pyongyang Tankers", "Beijing", "deny"),
    ("North Korea's Kim Yo Jong Slams Sanctions Measures", "North Korea's Kim Yo Jong", "condemn"),
])
def test_a_title_case_headline_holds_its_speech_verb(attributions_of, title, source, stance):
    text = title + "\n\nThe ministry spoke on Friday.\n"
    atts = [a for a in attributions_of(text) if joined(a.source) == source]
    assert atts and all(a.stance == stance and joined(a.content) in title for a in atts), show(attributions_of(text))


@pytest.mark.parametrize("title", [
    "Kim Jong Un Visits Munitions Factories Near Border",  # no speech verb
    "Kim Jong Un Tours Shipyards And Factories",
    "Six-Party Talks Resume In Beijing",  # a cue word used as a plural noun
    "Hacking Claims Against Pyongyang Grow",
])
def test_a_title_without_a_speech_verb_reports_nothing(attributions_of, title):
    text = title + "\n\nThe ministry spoke on Friday.\n"
    assert not [a for a in attributions_of(text) if a.content and joined(a.content) in title and joined(a.cue)[:1].isupper()]


@pytest.mark.parametrize("text", [
    "The regime continues to defy the resolutions with transfers at sea.",
    "The ministry will continue to enforce the measures, the envoy said.",
])
def test_continuing_an_act_is_no_report(attributions_of, text):
    assert not [a for a in attributions_of(text) if "continue" in joined(a.cue)], show(attributions_of(text))


def test_continuing_to_insist_still_reports(attributions_of):
    text = "The envoy continued to insist that the tanker had never entered the port."
    atts = [a for a in attributions_of(text) if "tanker had never entered" in joined(a.content)]
    assert atts and all(joined(a.source) == "The envoy" for a in atts), show(attributions_of(text))


@pytest.mark.parametrize("text,cue,source", [
    ("The White House said the North recently sent Russia a shipment of shells, calling it a troubling development.",
     "calling", "The White House"),
    ("The ministry said the tanker had entered the port, describing the move as a violation.", "describing", "The ministry"),
])
def test_a_labelling_participle_after_a_reported_act_is_the_reporters(attributions_of, text, cue, source):
    atts = [a for a in attributions_of(text) if joined(a.cue) == cue]
    assert atts and all(joined(a.source) == source for a in atts), show(attributions_of(text))


def test_being_asked_reports_nothing(attributions_of):
    text = '"They keep saying it," the envoy told reporters when asked about the reported shipments.'
    atts = attributions_of(text)
    assert not [a for a in atts if joined(a.cue).startswith("asked")], show(atts)
    assert [a for a in atts if joined(a.cue) == "told"], show(atts)

"""Classes of attribution errors read on a sixth blind set of real pages (denials, accusations, defectors, UN
envoys), each restated in the team's own words.

- A closing "..., Roe said." the parser split off as a sentence of its own (it opens with the comma) still
  reports the clause before it.
- A wire dateline with a single hyphen ("GENEVA - Iran on Tuesday rejected ...") is no part of the source, nor
  is one after an indented scrape date (" date 2021-03-02 UNITED NATIONS, March 1 (Xinhua) - ...").
- A country's demonym counted as one person ("a North Korean who fled") is that person, not the state.
- "Hua" after "Hua Chunying": Chinese and Korean names put the family name first.
- "told reporters at a briefing that ...": the parser hangs the that-clause on the occasion noun; it is the
  verb's content (and "in an interview" is the occasion, not a noun cue without a source).
- A name the entity linker missed, with a person noun in apposition ("Ri Chol Min, the mission's
  counsellor, told ..."), is that person, and a "he" after it resolves to them.
- "China rejects report, says ...": a headline's second verb joined by a comma shares the first one's subject.
- A participle cue hung on a noun that can speak ("a report by experts concluding X was ...") speaks for it.
- "deny" in its sense of withholding ("ships denied port access", "denied visas to ...") reports nothing.
- A denunciation of a report keeps its whole object when an attribution nests in it ("denounced a study by
  analysts concluding that ..."), and a rejection the rules found holds the accusation it rejects ("rejected
  accusations by UN experts that ..., describing ...").
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


def show(atts):
    return [(joined(a.source), joined(a.cue), a.stance, a.source_entity, joined(a.content)[:60]) for a in atts]


def _split_doc(words, heads, deps, pos):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


# "Small boats often quietly carry ore, a main export named in sanctions, Roe said." as the parser may split it:
# two trees, the second opening with the comma before the closing source
_SPLIT = (
    ["Small", "boats", "often", "quietly", "carry", "ore", ",", "a", "main", "export", "named", "in", "sanctions", ",", "Roe", "said", "."],
    [1, 5, 5, 5, 5, 5, 5, 9, 9, 5, 9, 10, 11, 15, 15, 15, 15],
    ["amod", "nsubj", "advmod", "advmod", "compound", "ROOT", "punct", "det", "amod", "appos", "acl", "agent", "pobj", "punct", "nsubj", "ROOT", "punct"],
    ["ADJ", "NOUN", "ADV", "ADV", "NOUN", "NOUN", "PUNCT", "DET", "ADJ", "NOUN", "VERB", "ADP", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT"],
)


@pytest.mark.parametrize("split,content", [
    (_SPLIT, (0, 13)),
    # no split: the sentence stands whole, the rule reads it as before
    ((_SPLIT[0][:6] + [",", "Roe", "said", "."], [1, 8, 8, 8, 5, 8, 8, 8, 8, 8],
      ["amod", "nsubj", "advmod", "advmod", "compound", "ccomp", "punct", "nsubj", "ROOT", "punct"],
      _SPLIT[3][:6] + ["PUNCT", "PROPN", "VERB", "PUNCT"]), None),
])
def test_a_closing_speaker_split_off_at_the_comma_reports_the_clause_before(split, content):
    from sanctionwatch.attribution.closing import postposed_surface, split_start

    doc = _split_doc(*split)
    said = next(t for t in doc if t.text == "said")
    if content is None:
        assert split_start(said) == said.sent.start == 0
        return
    assert split_start(said) == 0 < said.sent.start
    src, cue, found = postposed_surface(doc, said)
    assert found == content and doc[src[0]].text == "Roe" and doc[cue[0]].text == "said"


@pytest.mark.parametrize("text,source,entity", [
    ("UNITED NATIONS - Iran on Tuesday rejected claims by UN inspectors that Tehran hid uranium.", "Iran", "irn"),
    ("GENEVA - North Korea on Friday rejected accusations by U.N. investigators that it sells arms abroad.", "North Korea", "prk"),
])
def test_a_hyphen_dateline_is_no_part_of_the_source(attributions_of, text, source, entity):
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.cue) == "rejected"]
    assert atts and all(joined(a.source) == source and a.source_entity == entity for a in atts), show(attributions_of(text, resolve=True))


@pytest.mark.parametrize("text,cue,state", [
    ("A North Korean who said he had fled a sawmill in Siberia told reporters on Tuesday that the state kept most of the wages.", "said", "prk"),
    ("A North Korean who said he had fled a sawmill in Siberia told reporters on Tuesday that the state kept most of the wages.", "told", "prk"),
    ("An American who worked in the zone for years said the guards were armed.", "said", "usa"),
    ("Two North Koreans who escaped a restaurant in Ningbo said their wages were sent to Pyongyang.", "said", "prk"),
])
def test_a_demonym_counted_as_a_person_is_not_the_state(attributions_of, text, cue, state):
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.cue) == cue]
    assert atts, show(attributions_of(text, resolve=True))
    assert all(a.source_entity != state and a.affiliation == state for a in atts), show(atts)


@pytest.mark.parametrize("name,short,other", [
    ("Hua Chunying", "hua", None),
    ("Ri Kyong Sik", "ri", "Ri Chol Min"),  # two people share the family name: it names neither
    ("Alex Wong", "wong", None),
])
def test_the_first_word_of_a_name_names_its_owner_unless_shared(name, short, other):
    from sanctionwatch.attribution.discourse import Discourse
    from sanctionwatch.model import Entity, Mention

    text = f"{name} spoke. " + (f"{other} spoke too. " if other else "") + f"{short.title()} said so."
    people = [Entity(f"local:{n.lower().replace(' ', '-')}", n, "person", [Mention(text.index(n), text.index(n) + len(n), n)])
              for n in (name, other) if n]
    names = Discourse.of(text, people).names
    if other is None:
        assert names[short].name == name
    else:
        assert short not in names


@pytest.mark.parametrize("text,source,content", [
    ("The minister told lawmakers at a closed-door briefing that the North had sent troops.", "The minister",
     "that the North had sent troops"),
    ("The spokeswoman told reporters at a weekly briefing that Beijing had never broken the embargo.",
     "The spokeswoman", "Beijing had never broken the embargo"),
    ("Pak Song Il, the mission's spokesman, told Yonhap in an interview that the sanctions were illegal.",
     "Pak Song Il, the mission's spokesman", "the sanctions were illegal"),
])
def test_a_that_clause_hung_on_the_occasion_is_the_verbs_content(attributions_of, text, source, content):
    atts = attributions_of(text)
    assert any(joined(a.source).rstrip(",") == source and content in joined(a.content) for a in atts), show(atts)
    assert all(joined(a.source) for a in atts if content in joined(a.content)), show(atts)


@pytest.mark.parametrize("text,cue", [
    ("Officials told reporters at a briefing that officials attended.", "told"),
])
def test_a_true_relative_clause_on_the_occasion_is_no_content(attributions_of, text, cue):
    assert not [a for a in attributions_of(text) if joined(a.cue) == cue], show(attributions_of(text))


def test_a_name_the_linker_missed_speaks_and_is_he_after(attributions_of):
    text = ('"The findings are fraudulent," Ri Chol Min, the mission\'s counsellor, told Kyodo News in an interview. '
            "The note, which he said was the mission's first, denounces the findings.")
    atts = attributions_of(text, resolve=True)
    told = [a for a in atts if joined(a.cue) == "told"]
    he = [a for a in atts if joined(a.source) == "he"]
    assert told and told[0].source_entity == "local:ri-chol-min", show(atts)
    assert he and he[0].source_entity == "local:ri-chol-min", show(atts)


@pytest.mark.parametrize("text,cue,inner", [
    ("Russia on Friday condemned a new study by Western analysts concluding that its fleet had shipped fuel to the North.",
     "condemned", "concluding"),
    ("Syria on Monday denounced a new report by a panel of UN investigators concluding that Damascus had bought missile parts.",
     "denounced", "concluding"),
])
def test_a_denounced_report_keeps_its_nested_finding(attributions_of, text, cue, inner):
    atts = attributions_of(text)
    outer = [a for a in atts if joined(a.cue) == cue]
    assert outer and any(word in joined(outer[0].content) for word in ("report", "study")), show(atts)
    assert outer[0].stance in ("condemn", "deny"), show(atts)
    assert any(joined(a.cue) == inner for a in atts), show(atts)


@pytest.mark.parametrize("text,source", [
    (" date 2021-03-02 UNITED NATIONS, March 1 (Xinhua) \u2014 A spokesperson of Iran's Permanent Mission to the United "
     "Nations on Monday voiced anger at the leak of a draft on the embargo.",
     "A spokesperson of Iran's Permanent Mission to the United Nations"),
])
def test_an_indented_scrape_date_before_a_dateline_is_no_source(attributions_of, text, source):
    atts = [a for a in attributions_of(text, resolve=True) if joined(a.cue).startswith("voiced")]
    assert atts and all(joined(a.source).startswith(source) and a.source_entity != "un" for a in atts), show(attributions_of(text, resolve=True))


@pytest.mark.parametrize("text,reported", [
    ("The freighter is one of the ships denied port access by the sanctions committee.", False),
    ("Norway denied the trawler entry to its harbours.", False),
    ("The consulate denied visas to the trade delegation.", False),
    ("The consulate denied that the trade delegation had asked for visas.", True),
    ("The consulate denied the report.", True),
])
def test_deny_as_withholding_reports_nothing(attributions_of, text, reported):
    denials = [a for a in attributions_of(text) if joined(a.cue) == "denied"]
    assert bool(denials) == reported, show(attributions_of(text))


@pytest.mark.parametrize("text,source,content", [
    ("Chile rejects the report, says it fully enforces the embargo", "Chile", "it fully enforces the embargo"),
    ("Beijing rejects UN report, says it strictly enforces sanctions", "Beijing", "it strictly enforces sanctions"),
    ("Japan protests launch, says missile fell in its zone", "Japan", "missile fell in its zone"),
])
def test_a_second_verb_joined_by_a_comma_shares_the_subject(attributions_of, text, source, content):
    atts = [a for a in attributions_of(text) if joined(a.cue) == "says"]
    assert atts and all(joined(a.source) == source and content in joined(a.content) for a in atts), show(attributions_of(text))


@pytest.mark.parametrize("text,accusation", [
    ("Belarus on Thursday rejected accusations by European auditors that Minsk is dodging trade curbs with an elaborate "
     "web of front firms, describing an audit sent to the Council as a \"forged paper.\"", "accusations"),
    ("Iran on Tuesday rejected allegations by Western inspectors that Tehran is hiding centrifuges with a large network "
     "of tunnels, describing a memo to the board as a \"fabricated paper.\"", "allegations"),
])
def test_a_rejection_keeps_the_accusation_it_rejects(attributions_of, text, accusation):
    atts = attributions_of(text)
    rejected = [a for a in atts if joined(a.cue) == "rejected"]
    accused = [a for a in atts if joined(a.cue) == accusation]
    assert rejected and rejected[0].stance == "deny" and "that" in joined(rejected[0].content), show(atts)
    assert accused and "by" not in joined(accused[0].source) and joined(accused[0].source), show(atts)


# "X rejected accusations by experts that Y is evading sanctions, describing ...": the parser hangs the participle
# inside the that-clause and the tagger reads only the participle (tokens 6-9 taken)
_REJECTED = (
    ["Iran", "rejected", "accusations", "by", "experts", "that", "Tehran", "hides", "uranium", ",", "describing", "it"],
    [1, 1, 1, 2, 3, 7, 7, 2, 7, 7, 7, 10],
    ["nsubj", "ROOT", "dobj", "prep", "pobj", "mark", "nsubj", "acl", "dobj", "punct", "advcl", "dobj"],
    ["PROPN", "VERB", "NOUN", "ADP", "NOUN", "SCONJ", "PROPN", "VERB", "NOUN", "PUNCT", "VERB", "PRON"],
)


@pytest.mark.parametrize("noun,claims,documents,freed", [
    ("accusations", {"accusation"}, set(), True),   # a claim noun holding the tagger's reading
    ("accusations", set(), {"accusation"}, True),   # a document noun likewise
    ("accusations", set(), set(), False),           # any other object still blocks the verb rule
])
def test_a_claim_or_document_holding_a_nested_reading_frees_the_object(noun, claims, documents, freed):
    from sanctionwatch.attribution.embedded import claims_object

    words, heads, deps, pos = _REJECTED
    doc = _split_doc(words, heads, deps, pos)
    lemmas = {noun: "accusation"}
    for t in doc:
        t.lemma_ = lemmas.get(t.text, t.text.lower())
    out = claims_object(doc[1], {6, 7, 8, 10, 11}, frozenset(claims), frozenset(documents))
    assert (2 in out and 11 in out) == freed, out


@pytest.mark.parametrize("head,lemma,speaks", [
    ("experts", "expert", True),
    ("report", "report", True),
    ("operation", "operation", False),  # "an operation dubbed X, underscoring the threat": no speaker
])
def test_a_participle_on_a_speaking_noun_speaks_for_it(head, lemma, speaks):
    from sanctionwatch.attribution.phrases import _described_by

    # "a study by <head> concluding Caracas was ...": the participle hangs (acl) on the noun
    doc = _split_doc(["a", "study", "by", head, "concluding", "Caracas", "was", "lying"], [1, 1, 1, 2, 3, 7, 7, 4],
                     ["det", "ROOT", "prep", "pobj", "acl", "nsubj", "aux", "ccomp"],
                     ["DET", "NOUN", "ADP", "NOUN", "VERB", "PROPN", "AUX", "VERB"])
    doc[3].lemma_ = lemma
    doc[4].tag_ = "VBG"
    found = _described_by([doc[4]], frozenset({"expert", "report", "official"}))
    assert (found is not None and found.i == 3) == speaks

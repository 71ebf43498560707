"""Spans the tagger leaves without their cue are tied to the cue word the parse shows (fast profile)."""

from __future__ import annotations

import pytest

from sanctionwatch.attribution import extract_attributions
from sanctionwatch.attribution.draft import Draft
from sanctionwatch.attribution.group import group_block
from sanctionwatch.attribution.phrases import borrow_subject
from sanctionwatch.attribution.tagger import TokenSpan
from sanctionwatch.read import parse


@pytest.mark.parametrize("text, source, cue", [
    # a postposed source with a locative adverb and a day after the verb (wire copy)
    # (the tagger alone finds the source here but not the verb)
    ("Pyongyang shipped two million rounds to Moscow since June, the intelligence agency here claimed Tuesday. "
     "It gave no details.", "the intelligence agency", "claimed"),
    ("Minsk sold forty tanks to Belgrade in May, the defence ministry here claimed Tuesday. It gave no details.",
     "the defence ministry", "claimed"),
])
def test_a_postposed_source_keeps_its_verb(nlp, text, source, cue):
    atts = extract_attributions(parse(nlp, text), profile="fast")
    hit = next(a for a in atts if cue in " ".join(f.text for f in a.cue))
    assert " ".join(f.text for f in hit.source).startswith(source)
    assert hit.content and hit.content[0].text.split()[0] == text.split()[0]
    for f in hit.source + hit.cue + hit.content:
        assert text[f.start:f.end] == f.text


def test_an_orphan_source_adopts_only_its_own_cue_verb(nlp):
    doc = parse(nlp, "The officials visited the port, and reporters waited outside.").blocks[0].doc
    source = TokenSpan("source", 0, 2, 0.9)  # "The officials": subject of "visited", not a cue word
    assert group_block(doc, [source], frozenset({"say", "claim"})) == []


def test_a_denied_report_is_the_content_of_the_denial(nlp):
    # (the tagger alone reads the reports as the source of "suggesting" and leaves the denial without content)
    text = ("The permanent mission of Chile to the United Nations has denied news reports and remarks from the Peruvian "
            "government suggesting that Chile is shipping rifles to aid Moscow's campaign in Ukraine, calling them rumours.")
    atts = extract_attributions(parse(nlp, text), profile="fast")
    denial = next(a for a in atts if "denied" in " ".join(f.text for f in a.cue))
    assert denial.stance == "deny"
    assert denial.content[0].text.startswith("news reports")
    assert text[denial.content[0].start:denial.content[0].end] == denial.content[0].text


def test_a_reported_attribution_nests_in_the_report(nlp):
    # (the tagger alone gives "tweeted" only the complementizer, which the inner verb claims)
    text = ("Blockscan tweeted that the updates to OFAC's SDN entry for the Zeta Group confirm that the gang was behind "
            "the June hack of the Orbit bridge, in which $90 million was stolen.")
    atts = extract_attributions(parse(nlp, text), profile="fast")
    outer = next(a for a in atts if "tweeted" in " ".join(f.text for f in a.cue))
    inner = next(a for a in atts if "confirm" in " ".join(f.text for f in a.cue))
    assert outer.content[0].text.startswith("that the updates")
    assert outer.content[-1].end >= inner.content[-1].end
    assert not any(f.text == "that" for f in inner.content)


@pytest.mark.parametrize("text, found", [
    # the parser hangs the closing source on the content's last noun and the verb under the content's verb
    ("Belarus delivered more than two hundred tanks to Serbia since April to support Serbia in its dispute with "
     "Kosovo, the Defence Intelligence Agency here claimed Monday.\nThat would be enough for a year, the agency added.",
     ("the Defence Intelligence Agency", "claimed", "Belarus delivered")),
])
def test_a_closing_source_read_from_the_words(nlp, text, found):
    source, cue, content = found
    atts = extract_attributions(parse(nlp, text), profile="fast")
    hit = next(a for a in atts if " ".join(f.text for f in a.cue) == cue)
    assert " ".join(f.text for f in hit.source).startswith(source)
    assert hit.content[0].text.startswith(content) and hit.content[0].text.endswith("Kosovo")
    assert hit.stance == "allege"


@pytest.mark.parametrize("text", [
    "The talks in Geneva ended without a deal on the border dispute, and then the delegates left.",
    "Officials met, and the delegates from both sides signed the accord on Monday.",
])
def test_no_closing_source_without_one(nlp, text):
    atts = extract_attributions(parse(nlp, text), profile="fast")
    assert not any(" ".join(f.text for f in a.source).lower().startswith(("this", "the delegates")) for a in atts)


@pytest.mark.parametrize("source_words, expected", [
    ("Kestrel to Belarusian hackers,", "Interpol"),   # a tagged source inside the object: the clause subject confirms
    ("Interpol", "Interpol"),                          # a right source stays
])
def test_a_participle_cue_takes_the_clause_subject_not_a_word_of_its_object(nlp, source_words, expected):
    text = ("Interpol has officially attributed last month's token heist from Kestrel to Belarusian hackers, "
            "confirming that the raid was carried out under the Nightjar campaign.")
    parsed = parse(nlp, text)
    block = parsed.blocks[0]
    at = text.index(source_words)
    src_toks = [t for t in block.doc if at <= t.idx < at + len(source_words)]
    cue = [t for t in block.doc if t.text == "confirming"]
    draft = Draft(0, [(at, at + len(source_words))], [(cue[0].idx, cue[0].idx + len(cue[0]))],
                  [(text.index("that the raid"), len(text) - 1)], cue, src_toks)
    fixed = borrow_subject(text, block, draft)
    assert [text[s:e] for s, e in fixed.source] == [expected]


@pytest.mark.parametrize("text, source, content_start", [
    ("According to the Spanish Interior Ministry, from 2019 to 2021, Lopez ran a so-called “phone farm” at his flat, "
     "managing more than 50 phones that were used to hide the location of Iranian hackers in Spain.",
     "the Spanish Interior Ministry", "from 2019 to 2021, Lopez ran"),
    ("According to Jane Roe, a spokeswoman for the ministry, the ship left port on Monday.",
     "Jane Roe, a spokeswoman for the ministry", "the ship left"),
])
def test_according_to_reports_its_sentence(nlp, text, source, content_start):
    atts = extract_attributions(parse(nlp, text), profile="fast")
    hit = next(a for a in atts if a.cue[0].text.lower().startswith("according"))
    assert " ".join(f.text for f in hit.source) == source
    assert hit.content[0].text.startswith(content_start)
    for f in hit.source + hit.cue + hit.content:
        assert text[f.start:f.end] == f.text

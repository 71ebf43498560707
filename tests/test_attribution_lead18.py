"""Classes of attribution errors read on the lead's blind set of stop 18 (fishing rights, restaurants abroad,
counterfeit cigarettes; wire copy and machine rewrites), each restated in the team's own words.

- "..., a source familiar with the matter said Tuesday.": the parser hangs the source phrase on the last noun
  of the clause before it and leaves the verb without a subject; the words between the last comma and the
  verb are the source, "familiar with", "close to" and "in Seoul" included, and the weekday after the verb
  dates the statement and names no one.
- "Pyongyang shut 20 shops abroad: source": a wire headline gives its speaker after the colon (a name, an
  acronym, or a noun that speaks); a label after the colon ("...: analysis") is no speaker.
- "..., some idle and others waiting, say local traders.": a speech verb after a comma with its subject after
  it closes the sentence; everything before the comma is what was said.
- "Reuters: ...", "AP: ...": a wire's name before a headline's colon speaks, though the parser reads "Reuters" as
  a common noun and "AP" is in capitals; a label ("WATCH:") or a dateline ("SEOUL:") in capitals does not.
- "X has sent workers, the paper reports citing the Journal": the outlet cited is where the report came from,
  not what it says, even without the comma before "citing"; "citing her work on X" gives reasons and stays a
  report of its own (PolNeAR marks it).
- "Another source said ... It said ...": a pronoun right after a speaker who names no one is that source, not
  an actor the text named before it (here the UN, which would turn a source's claim into the UN's).
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


def show(atts):
    return [(joined(a.source), joined(a.cue), a.stance, joined(a.content)[:60]) for a in atts]


@pytest.mark.parametrize("text,source,content", [
    ("The regime is thought to have shut more than twenty shops in other countries because of tighter "
     "international sanctions, a source familiar with the matter said Tuesday.",
     "a source familiar with the matter", "shut more than twenty shops"),
    ("Fuel shipments to the port rose again in May, an official close to the talks said on Friday.",
     "an official close to the talks", "Fuel shipments to the port rose"),
    ("The country is expected to launch another rocket within weeks, a diplomat in Seoul said.",
     "a diplomat in Seoul", "launch another rocket"),
])
def test_the_phrase_before_a_closing_verb_speaks(attributions_of, text, source, content):
    atts = attributions_of(text)
    assert any(joined(a.source) == source and joined(a.cue) == "said" and content in joined(a.content)
               for a in atts), show(atts)
    assert not any(joined(a.source) in ("Tuesday", "Friday") for a in atts), show(atts)


@pytest.mark.parametrize("headline,source,content", [
    ("Pyongyang shut twenty shops abroad under new sanctions: source", "source",
     "Pyongyang shut twenty shops abroad under new sanctions"),
    ("North Korea sold coal rights to Chinese firms for $20 mln: NIS", "NIS",
     "North Korea sold coal rights to Chinese firms"),
    ("The regime moved its trading houses to the border: ministry official", "ministry official",
     "The regime moved its trading houses to the border"),
])
def test_a_wire_headline_names_its_speaker_after_the_colon(attributions_of, headline, source, content):
    atts = attributions_of(headline + "\n\nThe shops had opened in several cities, officials said on Monday.\n")
    assert any(joined(a.source) == source and joined(a.cue) == ":" and content in joined(a.content)
               for a in atts), show(atts)


@pytest.mark.parametrize("headline", [
    "Sanctions on coal are working: analysis",
    "The regime sent 9,000 crates of shells to its ally: lawmakerBy Example Wire",
    "Sanctions and smuggling on the river: part 2",
    "Ships seen at the port on Monday: photos",
])
def test_a_label_after_the_colon_is_no_speaker(attributions_of, headline):
    atts = attributions_of(headline + "\n\nThe shops had opened in several cities, officials said on Monday.\n")
    assert not any(joined(a.cue) == ":" for a in atts), show(atts)


@pytest.mark.parametrize("text,source,content", [
    ("In the river towns along the border, cooks are back in the kitchens, some busy and others waiting for "
     "their papers, say local traders.", "local traders", "cooks are back in the kitchens"),
    ("Prices of rice at the market have doubled since the spring, some selling at a loss, say residents of the town.",
     "residents of the town", "Prices of rice at the market have doubled"),
])
def test_a_closing_inverted_speech_verb_reports_the_sentence(attributions_of, text, source, content):
    atts = attributions_of(text)
    assert any(joined(a.source) == source and joined(a.cue) == "say" and content in joined(a.content)
               and a.stance == "assert" for a in atts), show(atts)


@pytest.mark.parametrize("headline,source", [
    ("Reuters: North Korea may send workers to Russian-held areas of Ukraine", "Reuters"),
    ("AP: North Korea may send workers to Russian-held areas of Ukraine", "AP"),
])
def test_a_wire_name_before_the_colon_speaks(attributions_of, headline, source):
    atts = attributions_of(headline + "\n\nOfficials of both countries hinted at the plans on Monday.\n")
    assert any(joined(a.source) == source and joined(a.cue) == ":" and "North Korea may send workers" in joined(a.content)
               for a in atts), show(atts)


@pytest.mark.parametrize("headline", [
    "WATCH: North Korea fires a missile into the sea",
    "SEOUL: North Korea fires a missile into the sea",
])
def test_a_label_or_dateline_in_capitals_does_not_speak(attributions_of, headline):
    atts = attributions_of(headline + "\n\nThe launch came on Monday.\n")
    assert not any(joined(a.cue) == ":" for a in atts), show(atts)


def test_the_outlet_cited_is_no_content(attributions_of):
    text = ("The leader has given his ally a new kind of help: migrant builders, the Daily Ledger reports citing "
            "The Morning Chronicle.")
    atts = attributions_of(text)
    assert any(joined(a.source) == "the Daily Ledger" and "The leader has given his ally" in joined(a.content)
               for a in atts), show(atts)
    assert not any(joined(a.content) in ("The Morning Chronicle", "citing The Morning Chronicle") for a in atts), show(atts)


def test_reasons_cited_are_still_reported(attributions_of):
    text = ("In a statement, the pilots' union praised the senator as a friend of its members, citing her work on "
            "safety rules after the crash.")
    atts = attributions_of(text)
    assert any(joined(a.cue) == "citing" and "her work on safety rules" in joined(a.content) for a in atts), show(atts)


def test_a_pronoun_after_an_unnamed_source_is_that_source(attributions_of):
    text = ("The shops closed because of the U.N. Security Council's sanctions, officials in Seoul said on Monday.\n\n"
            "Another source said that the regime had tightened its watch over the staff.\n\n"
            "It said that the shops had also sold goods the sanctions ban.\n")
    atts = attributions_of(text, resolve=True)
    it = [a for a in atts if joined(a.source) == "It"]
    assert it and it[0].source_entity is None, [(joined(a.source), a.source_entity) for a in atts]

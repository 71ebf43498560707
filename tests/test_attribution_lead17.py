"""Classes of attribution errors read on the lead's blind set of stop 17, restated in the team's own words.

- A report closing its sentence with a date and a participle ("..., a Seoul paper reported on Friday, citing
  officials.") reports the clause before it: the participle is no part of the closing tail, whatever the parser
  hung it on, and a name with a hyphen ("the Dong-A Ilbo") is still one source phrase.
- "citing officials" names where a report came from; it reports nothing of its own ("quoting him as saying ..."
  still does).
- A reading whose content is only the date of the report ("reported [on Friday]") is no attribution.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")

CLAUSE = "the army has moved hundreds of trucks to the border"


@pytest.mark.parametrize("text,source", [
    ("The army has moved hundreds of trucks to the border, a Seoul newspaper reported on Friday, citing several officials.",
     "a Seoul newspaper"),
    ("Over the last month, the army has moved hundreds of trucks to the border, the Example Daily reported on Friday, "
     "citing several officials.", "the Example Daily"),
    ("Over the last month, the army has moved hundreds of trucks to the border, the daily Kyung-A Sinmun reported "
     "on Monday, citing two government sources.", "Kyung-A Sinmun"),
    ("The army has moved hundreds of trucks to the border, a Seoul newspaper reported, citing several officials.",
     "a Seoul newspaper"),
])
def test_a_closing_report_with_a_date_and_a_citing_participle_reports_the_clause_before(attributions_of, text, source):
    atts = attributions_of(text)
    found = [a for a in atts if joined(a.cue) == "reported"]
    assert found and source in joined(found[0].source), [(joined(a.source), joined(a.content)) for a in atts]
    assert CLAUSE in joined(found[0].content).lower()
    assert not any(joined(a.cue) == "citing" for a in atts)
    assert not any(joined(a.content).strip().lower() in ("on friday", "on monday") for a in atts)


def test_quoting_someone_as_saying_is_still_a_report(attributions_of):
    text = "The agency ran the story on Monday, quoting an aide as saying the ship had left the port."
    atts = attributions_of(text)
    assert any("the ship had left the port" in joined(a.content) for a in atts), [(joined(a.cue), joined(a.content)) for a in atts]


@pytest.mark.parametrize("text,speaker", [
    ("Kim Yo Jong, the sister of the leader, again denied arms exchanges with Russia, state media KCNA reported on "
     "Friday, saying her nation's new weapons were not for sale to any other countries.", "kim-yo-jong"),
    ("Choe Son Hui rejected the sanctions, KCNA reported, adding that the new measures would change nothing.",
     "choe-son-hui"),
])
def test_a_participle_after_an_outlets_report_is_the_reported_speakers(attributions_of, text, speaker):
    atts = attributions_of(text, resolve=True)
    participle = [a for a in atts if joined(a.cue) in ("saying", "adding")]
    assert participle, [(joined(a.source), joined(a.cue), a.source_entity) for a in atts]
    assert participle[0].source_entity == speaker and participle[0].channel == "kcna"


def test_an_outlets_own_participle_stays_the_outlets(attributions_of):
    text = "The tanker entered the port on Monday, KCNA reported, saying the crew had been detained."
    atts = attributions_of(text, resolve=True)
    participle = [a for a in atts if joined(a.cue) == "saying"]
    assert participle and participle[0].source_entity == "kcna"


def test_according_to_read_whole_by_the_tagger_reports_the_whole_clause(attributions_of):
    text = ("After finishing his degree in Jakarta in 2015, Park Min helped his uncle in North Korea buy machinery in "
            "the city for his chain of factories, according to court documents.")
    found = [a for a in attributions_of(text) if "according" in joined(a.cue)]
    assert found and joined(found[0].source) == "court documents"
    assert "Park Min helped his uncle" in joined(found[0].content)


@pytest.mark.parametrize("text", [
    "Russia and China disputed the panel's findings on Monday.",
    "The ministry rejected the assessments of the monitoring team.",
])
def test_a_monitors_findings_disputed_are_denied(attributions_of, text):
    atts = attributions_of(text)
    assert atts and atts[0].stance == "deny", [(joined(a.cue), a.stance) for a in atts]


def test_a_treaty_opposed_stays_a_condemnation(attributions_of):
    atts = attributions_of("The envoy opposed the conclusion of a new treaty with the islands.")
    assert atts and atts[0].stance == "condemn"


def test_a_relative_pronoun_source_keeps_its_span_and_speaks_for_its_antecedent(attributions_of):
    # the span stays the pronoun, as PolNeAR marks it (the antecedent's phrase cost 1.2 points of its source
    # accuracy); the speaker is the antecedent
    text = "Officials questioned Jane Roe of the Example Institute, who said she had seen the ship."
    found = [a for a in attributions_of(text, resolve=True) if joined(a.cue) == "said"]
    assert found and joined(found[0].source) == "who" and found[0].source_entity == "local:jane-roe"


@pytest.mark.parametrize("text,content,not_in", [
    ("The Joint Chiefs said the launch occurred around 6:29 a.m. Two minutes later, a siren sounded in the city.",
     "the launch occurred around 6:29", "siren"),
    ("The ministry said the ship left at 6 a.m. Monday with its cargo.", "the ship left at 6 a.m. Monday with its cargo",
     None),
])
def test_a_clock_times_stop_may_end_its_sentence(attributions_of, text, content, not_in):
    found = [a for a in attributions_of(text) if joined(a.cue) == "said"]
    assert found and joined(found[0].content).startswith(content)
    assert not_in is None or not_in not in joined(found[0].content)

"""A cue verb that reports only with a clause, a speech verb inserted before a participle, a closing "it".

"add" with a plain noun object is an act ("the navy added two patrol boats"), not a report, even inside
another attribution's content.  In "..., the source said, further speculating that ..." the parser may hang
"said" under the participle; the inserted speaker still owns both the clause before it and the participle.
Sentences are the team's own.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


@pytest.mark.parametrize("text,actor", [
    ("The coast guard has added four new patrol boats to its northern fleet, the Harbour Gazette has learned.", "The coast guard"),
    ("The shipping firm added two more tankers to its fleet last spring, the report said.", "The shipping firm"),
])
def test_add_with_a_noun_object_is_no_report(attributions_of, text, actor):
    atts = attributions_of(text)
    assert atts, "the outer report must stay"
    assert not any(joined(a.source) == actor for a in atts), [(joined(a.source), joined(a.cue)) for a in atts]


@pytest.mark.parametrize("text,source,content", [
    ("Talks had stalled, the envoy said, adding that a new round was planned.", "the envoy", "a new round was planned"),
    ("The harbour paper reported that the minister added: \u201cThe convoy will sail in May.\u201d", "the minister", "The convoy will sail"),
])
def test_add_with_a_clause_still_reports(attributions_of, text, source, content):
    atts = attributions_of(text)
    assert any(joined(a.source) == source and content in joined(a.content) for a in atts), \
        [(joined(a.source), joined(a.cue), joined(a.content)) for a in atts]


@pytest.mark.parametrize("text,source,first,second", [
    ("The guards are all being questioned and the broker was detained, the source said, further speculating that they "
     "all faced prison.", "the source", "the broker was detained", "they all faced prison"),
])
def test_an_inserted_speaker_owns_the_clause_and_the_participle(attributions_of, text, source, first, second):
    atts = attributions_of(text)
    pairs = [(joined(a.source), joined(a.content)) for a in atts]
    assert any(s == source and first in c for s, c in pairs), pairs
    assert any(s == source and second in c for s, c in pairs), pairs
    assert not any(s.startswith("The guards") for s, _ in pairs), pairs


@pytest.mark.parametrize("text,content", [
    ("The sailors hide their names and use forged permits to apply for berths, it further said.", "The sailors hide their names"),
    ("The ministry said the vessels had left port. The crews had switched off their transponders, it added.",
     "The crews had switched off their transponders"),
])
def test_a_closing_it_is_the_speaker_spoken_of_before(attributions_of, text, content):
    atts = attributions_of(text)
    assert any(joined(a.source) == "it" and content in joined(a.content) for a in atts), \
        [(joined(a.source), joined(a.cue), joined(a.content)) for a in atts]

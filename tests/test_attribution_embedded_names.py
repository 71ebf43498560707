"""A pronoun never goes back to a person whose name is only part of a longer name.

"the International Kim Il Sung Prize Council", "Kim Il Sung Square": the name inside the title names no one
who speaks, so "He said" after it is not that person's; a weekday after a name ("Kim Jong Un Thursday")
is a date and leaves the person a referent.  Sentences are the team's own.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


@pytest.mark.parametrize("text,content,not_entity", [
    ("Ramesh, secretary general of the International Kim Il Sung Prize Council, was interviewed by the agency "
     "on Sunday.,  He said the harvest in the north had been good.", "the harvest in the north", "kim-il-sung"),
    ("The rally at Kim Il Sung Square drew a large crowd of students on Monday. "
     "He said the square had never been so full.", "the square had never been so full", "kim-il-sung"),
])
def test_a_name_inside_a_longer_name_is_no_antecedent(attributions_of, text, content, not_entity):
    hits = [a for a in attributions_of(text, resolve=True) if content in joined(a.content)]
    assert hits and all(a.source_entity != not_entity for a in hits), [(joined(a.source), a.source_entity) for a in hits]


def test_a_weekday_after_a_name_leaves_the_person_a_referent(attributions_of):
    atts = attributions_of("Kim Jong Un Thursday met the visiting envoy in the capital. He said the talks had been useful.",
                           resolve=True)
    hits = [a for a in atts if "the talks had been useful" in joined(a.content)]
    assert hits and hits[0].source_entity == "kim-jong-un"


@pytest.mark.parametrize("text,content,not_entity", [
    ("Ramesh, a teacher from Madras, was interviewed by the agency on Sunday.,  He expressed deep respect for "
     "Kim Jong Un.,  He said the harvest in the north had been good.", "the harvest in the north", "kim-jong-un"),
    ("Olga, a nurse from Minsk, spoke to the paper on Friday. She praised Angela Merkel for her long service. "
     "She said the clinics in the east were short of staff.", "the clinics in the east", "angela-merkel"),
])
def test_the_same_pronoun_as_subject_again_is_the_same_speaker(attributions_of, text, content, not_entity):
    atts = attributions_of(text, resolve=True)
    hits = [a for a in atts if content in joined(a.content)]
    first = [a for a in atts if joined(a.source) in ("He", "She")][0]
    assert hits and all(a.source_entity == first.source_entity != not_entity for a in hits), \
        [(joined(a.source), a.source_entity) for a in atts]

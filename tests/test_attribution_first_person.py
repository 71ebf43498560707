"""First person inside an official's quotation: "we" is the official's side, "I" is the official.

"We condemn the launch," a minister says: the state (or whatever side the text gave the minister) condemns,
not the minister as a private person; with no side known the speaker stays open rather than the person.
Sentences are the team's own.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


@pytest.mark.parametrize("text,pronoun,entity", [
    ('Japanese Foreign Minister Yoko Kamikawa spoke on Monday. "We condemn the launch," Kamikawa said.', "We", "jpn"),
    ('Foreign Minister Yoko Kamikawa of Japan said: "We condemn the launch."', "We", "jpn"),
    ('"We condemn the launch," Yoko Kamikawa said on Monday.', "We", None),
    ('"I condemn the launch," Yoko Kamikawa said on Monday.', "I", "local:yoko-kamikawa"),
    ('Foreign Minister Yoko Kamikawa of Japan said: "I condemn the launch."', "I", "local:yoko-kamikawa"),
])
def test_first_person_in_an_officials_quotation(attributions_of, text, pronoun, entity):
    hits = [a for a in attributions_of(text, resolve=True) if joined(a.source) == pronoun]
    assert hits and hits[0].source_entity == entity, [(joined(a.source), a.source_entity) for a in hits]

"""An agentless event takes the agent of the act it continues (events/implicit_agents.py): the same act retold in
the next sentence, and a further act joined by "followed by"; and keeps none where another actor may be meant.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities


def _agents_after(events, etype: str, trigger: str, after: int) -> list[set]:
    return [role_entities(e, "agent") for e in of_type(events, etype) if e.trigger.text == trigger and e.trigger.start >= after]


@pytest.mark.parametrize(
    ("text", "etype", "trigger", "cut"),
    [
        # the same act, retold without its agent
        ("North Korea fired a short-range missile on Thursday, the military said. The missile was launched from "
         "near Wonsan and flew about 400 km.", "missile_launch", "launched", ". "),
        ("The army said North Korea launched a cruise missile on Sunday. It detected the missile, fired from a "
         "coastal site at 5:10 a.m.", "missile_launch", "fired", ". "),
        # a further act joined by a word of continuation
        ("North Korea fired three ballistic missiles on Tuesday, followed by artillery rocket launches on Friday.",
         "missile_launch", "launches", ","),
    ],
)
def test_the_continued_act_lends_its_agent(parse_events, text, etype, trigger, cut):
    found = _agents_after(parse_events(text, "2023-03-10")[1], etype, trigger, text.index(cut))
    assert found
    assert any("prk" in agents for agents in found)


@pytest.mark.parametrize(
    ("text", "etype", "trigger", "cut"),
    [
        # another actor between the two acts
        ("North Korea fired a missile on Tuesday, followed by Japanese missile launches on Friday.",
         "missile_launch", "launches", ","),
        # other counts: not the same act
        ("North Korea fired two missiles on Thursday. Three missiles were launched toward the sea on Thursday.",
         "missile_launch", "launched", ". "),
        # a plan is no continuation
        ("North Korea fired a missile on Thursday. More missiles may be launched soon, officials warned.",
         "missile_launch", "launched", ". "),
    ],
)
def test_no_agent_where_another_may_be_meant(parse_events, text, etype, trigger, cut):
    found = _agents_after(parse_events(text, "2023-03-10")[1], etype, trigger, text.index(cut))
    assert found
    assert all("prk" not in agents for agents in found)

"""A veto and the end of the body whose renewal it blocked are one case when an article ties them
(linking.consequences; ``consequences`` in data/linking.yaml)."""

from __future__ import annotations

import pytest

from sanctionwatch.linking.clustering import link_events
from sanctionwatch.linking.consequences import consequences
from sanctionwatch.model import Argument, Document, Event, Fragment, TimeValue


def _event(text: str, type_: str, trigger: str, agent: str, agent_id: str, when: str | None) -> Event:
    start, a = text.index(trigger), text.index(agent)
    return Event(type_, Fragment.of(text, start, start + len(trigger)),
                 [Argument("agent", a, a + len(agent), agent, agent_id)],
                 time=TimeValue(when, when, when, "day") if when else None)


def _doc(doc_id: str, published: str, publisher: str, text: str, *events: tuple) -> Document:
    return Document(doc_id=doc_id, text=text, publisher=publisher, published=published,
                    events=[_event(text, *e) for e in events])


VETO_DAY = "2025-05-20"
VETO_TEXT = "Moscow vetoed the renewal of the inspectors' mandate at the Security Council on Tuesday."


def _veto_report() -> Document:
    return _doc("v1", "2025-05-21", "Lakeside Courier", VETO_TEXT, ("un_veto", "vetoed", "Moscow", "rus", VETO_DAY))


def _closure_article(closed_on: str | None, trigger: str = "closed") -> Document:
    text = (f"The inspectors' office {trigger} its doors this week. It {trigger} after Moscow vetoed the renewal "
            f"of its mandate in the Security Council.")
    return _doc("c1", "2025-06-20", "Hilltop Post", text,
                ("monitoring_body", trigger, "The inspectors' office", "un", closed_on),
                ("un_veto", "vetoed", "Moscow", "rus", VETO_DAY))


def _case_of(cases, doc_id: str, event_idx: int):
    return next(c for c in cases if any(m.doc_id == doc_id and m.event_idx == event_idx for m in c.members))


def test_the_packaged_rules_hold_the_veto_that_ends_a_body():
    assert any(r.cause == "un_veto" and r.effect == "monitoring_body" and r.effect_phase == "end"
               for r in consequences())


@pytest.mark.parametrize("closed_on, trigger, joined", [
    ("2025-06-18", "closed", True),   # four weeks after the veto: its outcome
    (None, "closed", True),           # undated, but its article says what ended it
    ("2025-09-30", "closed", False),  # four months later: past any mandate's run-out
    ("2025-05-01", "closed", False),  # before the veto: not its outcome
    ("2025-06-18", "opened", False),  # a body set up is no outcome of a veto
])
def test_a_body_ended_by_a_veto_joins_the_veto_case(closed_on, trigger, joined):
    cases = link_events([_veto_report(), _closure_article(closed_on, trigger)])
    veto_case = _case_of(cases, "v1", 0)
    assert (_case_of(cases, "c1", 0) is veto_case) == joined
    assert _case_of(cases, "c1", 1) is veto_case  # the article's own mention of the veto links by evidence
    if joined:
        via = {(m["doc_id"], m["event_idx"]): m for m in veto_case.membership}
        assert via[("c1", 0)]["via"] == "consequence"
        assert via[("c1", 0)]["cause"] == {"doc_id": "c1", "event_idx": 1}


def test_a_closure_no_article_ties_to_the_veto_stays_its_own_case():
    text = "The inspectors' office closed its doors this week, its spokesman said."
    closure = _doc("c2", "2025-06-20", "Hilltop Post", text,
                   ("monitoring_body", "closed", "The inspectors' office", "un", "2025-06-18"))
    cases = link_events([_veto_report(), closure])
    assert _case_of(cases, "c2", 0) is not _case_of(cases, "v1", 0)

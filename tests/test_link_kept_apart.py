"""Two mentions of one article that the article dates apart are no evidence of one event.

Pages, dates and figures are written for these tests.  An article on a launch names the earlier failed
attempts too, each with its own date; event coreference keeps them apart, and the linker must not put
them back together on their own pair.  What coreference keeps apart for a stricter reason than the
linker's (a group and the state it acts for as agents) is still linked, and so are the episodes of a
flow (a durative type), which one article may date by a period and by a day."""

from __future__ import annotations

import pytest

from sanctionwatch.event_coref import conflict
from sanctionwatch.linking.clustering import link_events
from sanctionwatch.linking.items import evidence_items, kept_apart
from sanctionwatch.model import Argument, Document, Event, Fragment, TimeValue

_LAUNCH = ("North Korea put a survey satellite into orbit this week after failures earlier this year. "
           "Its earlier attempt, on June 9, ended with the rocket in the sea.")
_FLOW = ("North Korea shipped shells to Russia this year, officials said. "
         "One train crossed the border on June 9, loaded with shells.")
_THEFT = ("North Korea was behind the theft of coins from Harbourcoin, the police said. "
          "Investigators had earlier tied the theft to the Lazarus Group.")


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _event(text: str, type_: str, trigger: str, agent: tuple[str, str], *, when: tuple[str, str, str] | None = None,
           modality: str = "asserted") -> Event:
    args = [Argument("agent", *_at(text, agent[0]), agent[0], agent[1])]
    time = None
    if when:
        args.append(Argument("time", *_at(text, when[0]), when[0]))
        time = TimeValue(when[0], when[1], when[2], "day" if when[1] == when[2] else "year")
    sentence_start = text.rfind(". ", 0, text.index(trigger)) + 2 if ". " in text[:text.index(trigger)] else 0
    sentence_end = text.index(".", text.index(trigger)) + 1
    return Event(type_, Fragment.of(text, *_at(text, trigger)), args, time=time, modality=modality,
                 sentence=Fragment.of(text, sentence_start, sentence_end))


def _launch_page() -> Document:
    return Document(doc_id="launch", text=_LAUNCH, published="2025-11-20", events=[
        _event(_LAUNCH, "satellite_launch", "put", ("North Korea", "prk"),
               when=("earlier this year", "2025-01-01", "2025-11-20")),
        _event(_LAUNCH, "satellite_launch", "attempt", ("Its", "prk"), when=("on June 9", "2025-06-09", "2025-06-09")),
    ])


def _flow_page() -> Document:
    return Document(doc_id="flow", text=_FLOW, published="2025-11-20", events=[
        _event(_FLOW, "arms_transfer", "shipped", ("North Korea", "prk"),
               when=("this year", "2025-01-01", "2025-11-20")),
        _event(_FLOW, "arms_transfer", "crossed", ("One train", "prk"), when=("on June 9", "2025-06-09", "2025-06-09")),
    ])


def _theft_page() -> Document:
    return Document(doc_id="theft", text=_THEFT, published="2025-11-20", events=[
        _event(_THEFT, "cyber_theft", "theft", ("North Korea", "prk")),
        _event(_THEFT, "cyber_theft", "tied", ("the Lazarus Group", "lazarus-group")),
    ])


def test_offsets_of_the_written_pages_hold():
    for doc in (_launch_page(), _flow_page(), _theft_page()):
        for e in doc.events:
            assert doc.text[e.trigger.start:e.trigger.end] == e.trigger.text
            assert e.sentence is not None and doc.text[e.sentence.start:e.sentence.end] == e.sentence.text
            for arg in e.arguments:
                assert doc.text[arg.start:arg.end] == arg.text


@pytest.mark.parametrize("page, why, apart, cases", [
    # a launch and the earlier attempt: the article dates them apart, so they stay two cases
    (_launch_page, "aggregate", True, 2),
    # shells shipped this year and a train of them in June: episodes of one flow, one case
    (_flow_page, "aggregate", False, 1),
    # the state and the group acting for it: coreference is stricter than the linker, one case
    (_theft_page, "agent", False, 1),
])
def test_mentions_one_article_tells_apart(page, why, apart, cases):
    doc = page()
    items = evidence_items([doc])
    assert len(items) == 2  # coreference kept the two mentions apart ...
    assert conflict(items[0].event, items[1].event) == why  # ... for this reason
    assert kept_apart(items[0], items[1]) == apart
    assert len(link_events([doc])) == cases


def test_an_allegation_and_its_denial_in_one_article_stay_evidence():
    doc = _launch_page()
    doc.events[1] = _event(_LAUNCH, "satellite_launch", "attempt", ("Its", "prk"),
                           when=("on June 9", "2025-06-09", "2025-06-09"), modality="denied")
    items = {i.role: i for i in evidence_items([doc])}
    assert set(items) == {"denial", "report"}
    assert not kept_apart(items["denial"], items["report"])

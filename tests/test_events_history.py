"""History, not news: an event retold long after it happened is marked historical and dated by its story.

Sentences written for these tests (invented places and people)."""

from __future__ import annotations

import pytest

from sanctionwatch.actors import resolve_entities
from sanctionwatch.events import extract_events
from sanctionwatch.events.history import parse_history
from sanctionwatch.model import Document
from sanctionwatch.read import parse

PUBLISHED = "2012-07-01"


@pytest.fixture(scope="module")
def events_of(nlp):
    def _run(text: str, published: str | None = PUBLISHED):
        parsed = parse(nlp, text)
        doc = Document(doc_id="t", text=text, published=published)
        doc.entities = resolve_entities(parsed)
        events = extract_events(parsed, doc)
        for ev in events:  # offsets are sacred, the time argument on a period name included
            assert all(text[a.start:a.end] == a.text for a in ev.arguments)
        return events

    return _run


def _by_trigger(events) -> dict[str, tuple[bool, str | None, str | None]]:
    return {e.trigger.text: (e.historical, e.time.start if e.time else None, e.time.end if e.time else None)
            for e in events}


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # the story's stated year dates the retold events of its paragraph
        ("On March 3, 1951, the invaders crossed the river. Their general deployed fresh troops along the ridge.",
         "deployed", (True, "1951-03-03", "1951-03-03")),
        # a named past period in the clause
        ("During the Korean War the occupiers shipped weapons to their allies.",
         "shipped", (True, "1950-06-25", "1953-07-27")),
        # a past verb the tagger reads as a participle is still past
        ("The Japanese imperialists kidnapped or forcibly took away 5,000 villagers from the valley.",
         "kidnapped", (True, "1910-08-29", "1945-08-15")),
        # an anniversary counts the years back from the report
        ("A seminar marked the 50th anniversary of the general's guidance of the military training of cadets.",
         "military training", (True, "1962-01-01", "1962-12-31")),
        # an own time long before the report
        ("The country conducted its first nuclear test in 2006.", "test", (True, "2006-01-01", "2006-12-31")),
        # news: an own time close to the report
        ("Lanport shipped rifles to the rebels last month.", "shipped", (False, "2012-06-01", "2012-06-30")),
    ],
)
def test_historical_events(events_of, text, trigger, expected):
    assert _by_trigger(events_of(text))[trigger] == expected


@pytest.mark.parametrize(
    "text, trigger",
    [
        # the present tense speaks of now, whatever year the paragraph named before
        ("In 1998 the alliance was founded. Today it ships weapons to the rebels.", "ships"),
        ("The treaty was signed in 1987. A recent report found the firm has been shipping rifles to the rebels.",
         "shipping"),
        # a word that brings the story to the present
        ("In 1998 the alliance was founded. It has since shipped rifles to the rebels.", "shipped"),
        # a paragraph break ends the story
        ("In 1998 the alliance was founded.\n\nThe minister shipped rifles to the rebels.", "shipped"),
        # a year-less date is the report's year, no story
        ("On June 28 the minister shipped rifles to the rebels.", "shipped"),
        # a year in a relative clause dates what it tells of its noun, not the story that follows
        ("The accused run the Harbour Bank, which in 1999 was put on a blacklist. Prosecutors say its managers "
         "shipped rifles to the rebels through shell firms.", "shipped"),
    ],
)
def test_current_events_stay_undated_or_current(events_of, text, trigger):
    historical, start, _ = _by_trigger(events_of(text))[trigger]
    assert not historical and (start is None or start.startswith("2012"))


def test_no_publication_date_nothing_is_history(events_of):
    events = events_of("During the Korean War the occupiers shipped weapons to their allies.", published=None)
    assert [e.historical for e in events] == [False]


def test_history_rules_from_data():
    rules = parse_history({"after_days": 365, "present_words": ["Now"],
                           "periods": [{"names": ["Great  Flood"], "start": "1907-01-01", "end": "1907-12-31"}]})
    assert rules.after_days == 365 and rules.present_words == {"now"}
    assert rules.period_of("great flood").end == "1907-12-31"
    assert rules.pattern.search("after the Great\nFlood of that year")

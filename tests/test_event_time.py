"""Event time is the event's own time; the report's date goes to ``reported``."""

from __future__ import annotations

import pytest

from sanctionwatch.actors import resolve_entities
from sanctionwatch.events import extract_events
from sanctionwatch.model import Document
from sanctionwatch.read import parse

PUBLISHED = "2024-04-05"


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str, published: str | None = PUBLISHED):
        parsed = parse(nlp, text)
        doc = Document(doc_id="t", text=text, published=published)
        doc.entities = resolve_entities(parsed)
        return doc, extract_events(parsed, doc)

    return _run


def _event(events, trigger):
    return next(e for e in events if e.trigger.text == trigger)


@pytest.mark.parametrize(
    "text, trigger, start, end, reported",
    [
        # the event's own expression, with the report verb's date kept apart
        ("Pyongyang has delivered about 4,000 crates of rockets to Moscow since last September, an official said on Monday.",
         "delivered", "2023-09-01", "2024-04-05", "2024-04-01"),
        ("The envoy said on Tuesday that the North had fired a cruise missile on March 20.",
         "fired", "2024-03-20", "2024-03-20", "2024-04-02"),
        # a noun trigger takes the time of its own phrase
        ("Officials condemned the satellite launch of February 9, 2023 at a briefing.",
         "launch", "2023-02-09", "2023-02-09", None),
        # a range qualified by a year
        ("The firm imported North Korean coal between May and July last year.",
         "imported", "2023-05-01", "2023-07-31", None),
    ],
)
def test_own_time_and_reported(run, text, trigger, start, end, reported):
    doc, events = run(text)
    ev = _event(events, trigger)
    assert (ev.time.start, ev.time.end) == (start, end)
    if reported is not None:
        assert ev.reported.start == reported
    assert doc.text[ev.sentence.start:ev.sentence.end] == ev.sentence.text


@pytest.mark.parametrize(
    "text, trigger",
    [
        # the only date belongs to the report
        ("The ministry said on Thursday that Pyongyang sent artillery shells to Moscow.", "sent"),
        ("Pyongyang did not ship any rockets to Moscow, the embassy insisted on Wednesday.", "ship"),
        # to a background clause about another event
        ("North Korea sent engineers to Russia, which attacked Ukraine in February 2022.", "sent"),
        # to a name, not a date
        ("Survivors of the Arduous March said the regime smuggled luxury cars into the country.", "smuggled"),
        # to the scraper's metadata line
        ("date 2024-03-02 News\nThe regime smuggled luxury cars into the country.", "smuggled"),
    ],
)
def test_no_time_of_its_own(run, text, trigger):
    _, events = run(text)
    ev = _event(events, trigger)
    assert ev.time is None


def test_reported_falls_back_to_publication(run):
    _, events = run("North Korea fired two ballistic missiles into the sea.")
    (ev,) = [e for e in events if e.type == "missile_launch"]
    assert ev.time is None
    assert (ev.reported.start, ev.reported.granularity) == (PUBLISHED, "day")
    assert ev.to_dict()["reported"]["start"] == PUBLISHED

"""A denial that names no party answers its article's main story, not the line it happens to follow."""

from __future__ import annotations

from sanctionwatch.linking.clustering import link_events
from sanctionwatch.model import Argument, Document, Event, Fragment, Quantity, TimeValue

TEXT = ("Investigators blamed Pyongyang for the theft of $40 million from a token exchange last week. "
        "The heist drained the exchange's hot wallet, and the theft was traced through mixers. "
        "Monitors have counted 31 earlier attacks on exchanges between 2016 and 2022. "
        "Officials in the North denied involvement in hacking.")


def _event(trigger: str, *, agent: bool = True, when: tuple[str, str] | None = None, modality: str = "asserted",
           qty: Quantity | None = None) -> Event:
    start = TEXT.index(trigger)
    args = [Argument("agent", TEXT.index("Pyongyang"), TEXT.index("Pyongyang") + 9, "Pyongyang", "prk")] if agent else []
    return Event("cyber_theft", Fragment.of(TEXT, start, start + len(trigger)), args, quantity=qty,
                 time=TimeValue("t", when[0], when[1], "range") if when else None, modality=modality)


def test_a_nameless_denial_answers_the_story_most_of_its_article_is_about():
    doc = Document(doc_id="d1", text=TEXT, publisher="Riverside Ledger", published="2025-03-10", events=[
        _event("theft of", qty=Quantity(40_000_000, "USD"), when=("2025-03-03", "2025-03-07")),
        _event("heist"),
        _event("theft was"),
        _event("attacks", when=("2016-01-01", "2022-12-31"), qty=Quantity(31, "attack")),
        _event("hacking", agent=False, modality="denied"),
    ])
    cases = link_events([doc])
    case_of = {m.event_idx: c.id for c in cases for m in c.members}
    assert case_of[3] != case_of[0]  # the tally is a case of its own
    assert case_of[4] == case_of[0]  # the denial answers the theft, though the tally is nearer

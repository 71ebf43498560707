"""Within-document event coreference on small documents written for these tests."""

from __future__ import annotations

from sanctionwatch.event_coref import conflict, coreference_chains, corefer_document, resolve_event_coreference
from sanctionwatch.model import Argument, Document, Event, Fragment, Quantity, TimeValue

TEXT = (
    "Hackers working for Pyongyang stole $40 million from the Zeta exchange on 3 March. "
    "The theft was the largest this year. Investigators traced the heist to a wallet. "
    "In 2019 the same group had stolen $7 million from another platform. "
    "Pyongyang denied the attack."
)


def _at(word: str, nth: int = 0) -> Fragment:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Fragment.of(TEXT, start, start + len(word))


def _arg(role: str, word: str, entity: str | None = None) -> Argument:
    f = _at(word)
    return Argument(role, f.start, f.end, f.text, entity)


def _event(trigger: str, *, nth: int = 0, args=(), time=None, quantity=None, modality="asserted") -> Event:
    return Event("cyber_theft", _at(trigger, nth), list(args), quantity=quantity, time=time, modality=modality)


def _doc(events: list[Event]) -> Document:
    return Document(doc_id="d1", text=TEXT, events=events, published="2024-03-05")


MARCH_3 = TimeValue("on 3 March", "2024-03-03", "2024-03-03", "day")
YEAR_2019 = TimeValue("In 2019", "2019-01-01", "2019-12-31", "year")


def test_anaphors_fold_into_the_event_they_name_with_arguments_merged():
    full = _event("stole", args=[_arg("agent", "Pyongyang", "prk")], time=MARCH_3,
                  quantity=Quantity(40_000_000, "USD"))
    theft = _event("theft", args=[_arg("item", "largest")])
    heist = _event("heist")
    events = resolve_event_coreference(_doc([full, theft, heist]))
    assert len(events) == 1
    merged = events[0]
    assert merged.trigger == full.trigger
    assert [m.text for m in merged.mentions] == ["stole", "theft", "heist"]
    assert {a.role for a in merged.arguments} == {"agent", "item"}
    assert merged.time == MARCH_3 and merged.quantity.value == 40_000_000
    for m in merged.mentions:  # offsets stay sacred
        assert TEXT[m.start:m.end] == m.text


def test_an_earlier_event_with_another_date_and_figure_stays_apart():
    full = _event("stole", args=[_arg("agent", "Pyongyang", "prk")], time=MARCH_3,
                  quantity=Quantity(40_000_000, "USD"))
    old = _event("stolen", time=YEAR_2019, quantity=Quantity(7_000_000, "USD"))
    events = resolve_event_coreference(_doc([full, old]))
    assert len(events) == 2
    assert conflict(full, old) == "time"


def test_a_denial_is_never_folded_into_the_allegation():
    full = _event("stole", time=MARCH_3)
    denial = _event("attack", modality="denied")
    events = resolve_event_coreference(_doc([full, denial]))
    assert [e.modality for e in events] == ["asserted", "denied"]


def test_different_canonical_agents_are_two_events():
    a = _event("stole", args=[_arg("agent", "Pyongyang", "prk")])
    b = _event("heist", args=[_arg("agent", "Investigators", "usa")])
    assert conflict(a, b) == "agent"
    assert len(resolve_event_coreference(_doc([a, b]))) == 2


def test_exact_figures_out_of_tolerance_are_two_events():
    a = _event("stole", quantity=Quantity(40_000_000, "USD"))
    b = _event("heist", quantity=Quantity(7_000_000, "USD"))
    assert conflict(a, b) == "quantity"


def test_an_aggregate_period_does_not_absorb_a_dated_occurrence():
    a = _event("stole", time=MARCH_3)
    tally = _event("theft", time=TimeValue("since 2020", "2020-01-01", "2024-03-05", "open"))
    assert conflict(a, tally) == "aggregate"


def test_an_event_alone_is_returned_unchanged():
    only = _event("stole", time=MARCH_3)
    assert resolve_event_coreference(_doc([only])) == [only]


def test_different_kinds_of_goods_are_two_events():
    text = "The freighter carried artillery shells in May; the tanker carried crude oil in May."

    def item_event(trigger: str, item: str) -> Event:
        t, a = text.index(trigger), text.index(item)
        return Event("arms_transfer", Fragment.of(text, t, t + len(trigger)),
                     [Argument("item", a, a + len(item), item)])

    shells, oil = item_event("carried", "artillery shells"), item_event("tanker", "crude oil")
    assert conflict(shells, oil) == "item"
    assert conflict(shells, item_event("tanker", "artillery shells")) is None


def test_the_pipeline_keeps_every_mention_and_lists_them_on_the_first():
    full = _event("stole", args=[_arg("agent", "Pyongyang", "prk")], time=MARCH_3)
    theft, heist = _event("theft"), _event("heist")
    doc = corefer_document(_doc([full, theft, heist]))
    assert len(doc.events) == 3  # every mention stays in the output, with its own trigger and sentence
    assert [m.text for m in doc.events[0].mentions] == ["stole", "theft", "heist"]
    assert coreference_chains(doc) == [[0, 1, 2]]

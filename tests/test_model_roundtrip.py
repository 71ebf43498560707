"""to_dict and from_dict on the same class: what one writes the other reads back, and the store uses them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sanctionwatch.model import (
    Argument,
    Attribution,
    Document,
    Entity,
    Event,
    Fragment,
    IgnoredRegion,
    Mention,
    Quantity,
    Sentence,
    TimeValue,
    check_offsets,
)
from sanctionwatch.store import Store

TEXT = ("MARLOW, June 4 -- Harbour officials in Marlow said on Tuesday that the tanker Grey Heron had delivered "
        "about 3,000 tonnes of refined oil to a buyer in Tarsk last month, a claim the owner denied.\nAdvertisement")


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def frag(phrase: str) -> Fragment:
    return Fragment.of(TEXT, *at(phrase))


def mention(phrase: str) -> Mention:
    start, end = at(phrase)
    return Mention(start, end, TEXT[start:end])


def argument(role: str, phrase: str, entity: str | None = None) -> Argument:
    start, end = at(phrase)
    return Argument(role, start, end, TEXT[start:end], entity)


ATTRIBUTION = Attribution(
    source=[frag("Harbour officials in Marlow")], cue=[frag("said")],
    content=[frag("the tanker Grey Heron had delivered about 3,000 tonnes of refined oil to a buyer in Tarsk last month")],
    stance="allege", hedged=True, negated=False, source_entity="local:harbour-officials", parent=None,
    kind="indirect", confidence=0.875, affiliation="marlow", channel=None,
)
LAST_MONTH = TimeValue("last month", "2031-05-01", "2031-05-31", "month", True)
REPORTED = TimeValue("on Tuesday", "2031-06-03", "2031-06-03", "day", True)
EVENT = Event(
    type="oil_transfer", trigger=frag("delivered"),
    arguments=[argument("agent", "the tanker Grey Heron", "local:grey-heron"), argument("item", "refined oil"),
               argument("destination", "Tarsk", "tarsk")],
    quantity=Quantity(3000.0, "tonne", True), time=LAST_MONTH, modality="alleged", attribution=0,
    sentence=frag("Harbour officials in Marlow said on Tuesday that the tanker Grey Heron had delivered about 3,000 "
                  "tonnes of refined oil to a buyer in Tarsk last month, a claim the owner denied."),
    confidence=0.5, reported=REPORTED, mentions=[frag("delivered")], historical=True,
)
BARE_EVENT = Event(type="denial", trigger=frag("denied"))
ENTITY = Entity("local:grey-heron", "Grey Heron", "vessel", [mention("Grey Heron")], None)
PLACE = Entity("marlow", "Marlow", "place", [mention("Marlow")], "Q0000001")
IGNORED = IgnoredRegion(*at("Advertisement"), "Advertisement", "advert")
SENTENCE = Sentence(*at("MARLOW, June 4"), "MARLOW, June 4")
DOCUMENT = Document(
    doc_id="d-marlow", text=TEXT, input="marlow.txt", title="A tanker in Marlow", published="2031-06-04",
    publisher="The Marlow Ledger", url="https://ledger.example/marlow", language="en", format="html",
    meta={"citation": "as restated"}, warnings=["no byline"], ignored=[IGNORED], sentences=[SENTENCE],
    entities=[PLACE, ENTITY], attributions=[ATTRIBUTION], events=[EVENT, BARE_EVENT], skipped_stages=["kcna"],
)

OBJECTS = [frag("Tarsk"), IGNORED, mention("Tarsk"), ENTITY, PLACE, ATTRIBUTION, argument("item", "refined oil"),
           Quantity(3000.0, "tonne", True), LAST_MONTH, EVENT, BARE_EVENT, SENTENCE, DOCUMENT]


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: type(o).__name__)
def test_from_dict_reads_back_what_to_dict_wrote(obj: Any) -> None:
    d = obj.to_dict()
    back = type(obj).from_dict(json.loads(json.dumps(d)))  # through JSON, as the store and JSONL keep it
    assert back == obj
    assert back.to_dict() == d


def test_the_document_example_keeps_its_offsets() -> None:
    assert check_offsets(DOCUMENT.to_dict()) == []


@pytest.mark.parametrize(("obj", "dropped"), [
    (Mention(0, 6, "MARLOW", "GPE"), {"label": ""}),  # the NER label is not in the JSON contract
    (Quantity(3000.0, "tonne", True, "about 3,000 tonnes"), {"text": ""}),  # nor the quantity's words
])
def test_fields_outside_the_json_contract_come_back_as_defaults(obj: Any, dropped: dict[str, Any]) -> None:
    back = type(obj).from_dict(obj.to_dict())
    assert back.to_dict() == obj.to_dict()
    assert all(getattr(back, name) == value for name, value in dropped.items())


@pytest.mark.parametrize(("cls", "older", "defaults"), [
    (Attribution, {"source": [], "cue": [], "content": [], "stance": "assert", "hedged": False},
     {"negated": False, "kind": "indirect", "confidence": 1.0, "affiliation": None, "channel": None}),
    (Event, {"type": "seizure", "trigger": {"start": 0, "end": 6, "text": "seized"}, "arguments": [],
             "modality": "asserted"},
     {"time": None, "reported": None, "mentions": [], "quantity": None, "sentence": None, "confidence": 1.0,
      "historical": False}),
    (Document, {"doc_id": "d1", "text": "A short note."},
     {"input": "", "format": "text", "meta": {}, "entities": [], "events": [], "skipped_stages": []}),
])
def test_from_dict_reads_what_older_versions_wrote(cls: type, older: dict[str, Any], defaults: dict[str, Any]) -> None:
    obj = cls.from_dict(older)
    assert {name: getattr(obj, name) for name in defaults} == defaults


def test_the_store_gives_back_the_document_it_was_given(tmp_path) -> None:
    with Store(tmp_path / "t.db") as store:
        store.save_document(DOCUMENT, "test-version")
        back = store.get_document(DOCUMENT.doc_id)
    assert back is not None and back.to_dict() == DOCUMENT.to_dict()

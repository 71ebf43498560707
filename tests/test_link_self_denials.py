"""A state's denial of a one-party act that names its victim but no actor is its denial of its own part
(linking/implied.py ``self_denial_view``); victims named with and without their legal form are one victim
(data/linking.yaml ``corporate_designators``). Sentences written for these tests."""

from __future__ import annotations

import pytest

from sanctionwatch.linking.evidence import actor_score
from sanctionwatch.linking.implied import self_denial_view
from sanctionwatch.linking.victims import victims_conflict
from sanctionwatch.model import Argument, Attribution, Document, Entity, Event, Fragment, Mention

_TEXT = "Ruritania said it had nothing to do with the hacking of Plover Corp. computers."


def _doc(speaker: str | None, *, speaker_text: str = "Ruritania", stance: str = "deny",
         event_type: str = "cyber_theft", target: str | None = "local:plover-corp",
         agent: str | None = None, modality: str = "asserted") -> tuple[Document, Event]:
    text = _TEXT.replace("Ruritania", speaker_text, 1)
    start = text.index("hacking")
    args = []
    if target:
        t0 = text.index("Plover")
        args.append(Argument("target", t0, t0 + len("Plover Corp."), "Plover Corp.", target))
    if agent:
        args.append(Argument("agent", 0, len(speaker_text), speaker_text, agent))
    ev = Event(event_type, Fragment(start, start + 7, "hacking"), args, modality=modality, attribution=0)
    src = Fragment(0, len(speaker_text), speaker_text)
    attr = Attribution(source=[src], cue=[], content=[Fragment(start, len(text), text[start:])], stance=stance,
                       source_entity=speaker)
    entities = []
    for name, actor in (("North Korea", "prk"), ("Russia", "rus")):
        if name in speaker_text:
            i = speaker_text.index(name)
            entities.append(Entity(actor, name, "country", [Mention(i, i + len(name), name)]))
    doc = Document(doc_id="d", text=text, published="2024-05-02", entities=entities, events=[ev], attributions=[attr])
    return doc, ev


def _agents(ev: Event) -> set[str | None]:
    return {a.entity for a in ev.arguments if a.role == "agent"}


def test_a_states_denial_of_a_named_hack_is_its_denial_of_hacking_it():
    doc, ev = _doc("prk", speaker_text="North Korea")
    assert _agents(self_denial_view(doc, ev)) == {"prk"}
    assert ev.arguments == self_denial_view(doc, ev).arguments[1:]  # the document's event is left alone


@pytest.mark.parametrize("kwargs", [
    dict(speaker="prk", speaker_text="North Korea", stance="assert"),       # no denial
    dict(speaker="prk", speaker_text="North Korea", target=None),           # "has long denied hacking": no victim
    dict(speaker="prk", speaker_text="North Korea", agent="usa"),           # an actor is named already
    dict(speaker="prk", speaker_text="North Korea", event_type="arms_transfer"),  # two-party act
    dict(speaker="local:a-blogger", speaker_text="A blogger"),              # no state speaks
    dict(speaker="rus", speaker_text="Russia and North Korea"),             # a joint voice names no one party
])
def test_when_the_denier_is_not_made_the_actor(kwargs):
    doc, ev = _doc(**kwargs)
    assert self_denial_view(doc, ev) is ev


def _theft(target: str) -> Event:
    return Event("cyber_theft", Fragment(0, 1, "x"), [Argument("target", 0, 1, "x", target)])


@pytest.mark.parametrize("a, b, conflict", [
    ("local:plover-corp", "local:plover-pictures-entertainment", False),  # the legal form is no word of the name
    ("local:plover-co-ltd", "local:plover", False),
    ("local:plover-corp", "local:kestrel-corp", True),                     # two companies stay two
])
def test_victims_compared_without_their_legal_form(a, b, conflict):
    assert victims_conflict(_theft(a), _theft(b)) is conflict
    assert (actor_score(_theft(a), _theft(b)) == 0.0) is conflict

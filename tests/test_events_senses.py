"""Trigger words in their everyday sense are no events; the same words in their sanctions sense still are.

The sentences are written for these tests; each restates a pattern the KCNA audit (issue 14) found, with
other names and places.
"""

from __future__ import annotations

import pytest

from sanctionwatch.actors import resolve_entities
from sanctionwatch.events import extract_events
from sanctionwatch.model import Document
from sanctionwatch.read import parse


@pytest.fixture(scope="module")
def types_of(nlp):
    def _run(text: str) -> list[tuple[str, str]]:
        parsed = parse(nlp, text)
        doc = Document(doc_id="t", text=text, published="2012-07-01")
        doc.entities = resolve_entities(parsed)
        return [(e.type, e.trigger.text) for e in extract_events(parsed, doc)]

    return _run


@pytest.mark.parametrize(
    "text",
    [
        # a verb-only lemma used as a noun
        "The ruling camp answered the peace proposal with hostile moves and more forces.",
        "The navy's old arms ship now lies in the museum harbour.",
        "The engineers found a way to remove such defect from the new bus.",
        # a context word that is a verb, or sits in the trigger's place phrase
        "Many villagers were killed and thousands drafted for forced labour.",
        "The governor sent letters to officials in various units of the province.",
        "The chairman arrived at the unit despite heavy snow.",
        "The festival ran for a week, bringing together people to watch films.",
        "The governor sent autographs to the workers of the steel plant.",
        "The delegates received a talk he had with leading officials.",
        "The declaration brought about a signal turn in the movement.",
        "The paper proposes joint use of chaos theory and a neural network for inflow forecasts.",
        "The kingdom's execution of a role as a servant of the empire opened the path to war.",
        # the context word is the adversary, not what moved
        "The old song recalls battles fought against the invading troops.",
        # a trigger that modifies a noun names a kind of thing
        "More missile launching bases are expected to be built in the east.",
        # everyday senses named by the word's arguments
        "The regime is no more than a puppet executing the foreign colonial rule.",
        "The court granted him a stay of execution until the spring.",
        "Workers pushed ahead with the execution of the new road plan.",
        "The council designated the old castle as a heritage site.",
        "Its hack journalists wrote the story without visiting the farm.",
        "The party changed its name before the elections.",
        "The ministry renamed the institute after its founder.",
        "The city set up a committee for the flower festival.",
        "Fresh mountain air made the hikers feel well, and crystal water refreshed them.",
        # where the work is, not who works abroad
        "Service personnel whose term had ended worked hard on the new dam.",
        "The brigade carried out a river-crossing drill near the old iron works.",
        "Barges carrying river sand moored at the northern wharf in spring.",
        "The city froze bus fares for the winter.",
        "The daily carried a photo of the new statues in the square.",
        "The progressive forces should fight against the new security law.",
    ],
)
def test_everyday_sense_is_no_event(types_of, text):
    assert types_of(text) == []


@pytest.mark.parametrize(
    "text, etype, trigger",
    [
        ("The tanker Orchid Star was renamed twice last year.", "ais_manipulation", "renamed"),
        ("The freighter was renamed and changed its flag to Togo.", "ais_manipulation", "changed"),
        ("Envoys set up a new panel of experts to monitor the sanctions.", "monitoring_body", "set"),
        ("The members blocked the establishment of a new committee of experts.", "monitoring_body", "establishment"),
        ("The regime ordered the execution of the defence minister.", "purge_execution", "execution"),
        ("Nine days after the talks, Tokyo designated four firms as targets of sanctions.", "designation", "designated"),
        ("Hackers carried out hacks to steal $90 million from an exchange.", "cyber_theft", "hacks"),
        # a cyber agent, or an amount in dollars spelt out, makes a theft a cyber theft as "$" does
        ("Cyber actors of the state stole the savings of thousands of customers.", "cyber_theft", "stole"),
        ("The operatives stole 35 million U.S. dollars between 2019 and 2020.", "cyber_theft", "stole"),
        ("Thousands of labourers were working abroad for state firms.", "overseas_workers", "working"),
        ("The company shipped rifles to the rebels.", "arms_transfer", "shipped"),
        # a measure in front of the goods is see-through, as a modifier too
        ("The province exported 4.1 million yuan worth of squid to its neighbour in 2021.", "banned_export", "exported"),
        ("The barge carried 3,000 tonnes of anthracite to a southern port.", "banned_export", "carried"),
        ("A small tanker carried 900 tons of diesel to the eastern port in June.", "petroleum_import", "carried"),
        ("Ottawa froze the assets of nine trading firms on Monday.", "designation", "froze"),
        ("Ottawa imposed an asset freeze on nine trading firms.", "designation", "imposed"),
        ("The ministry added two banks to its sanctions list.", "designation", "added"),
        ("The navy test-fired two cruise missiles on Sunday.", "missile_launch", "fired"),
    ],
)
def test_sanctions_sense_still_triggers(types_of, text, etype, trigger):
    assert (etype, trigger) in types_of(text)


def test_absence_of_an_event_is_negated(nlp):
    text = "The ministry asserted the absence of a nuclear test last year."
    parsed = parse(nlp, text)
    doc = Document(doc_id="t", text=text, published="2012-07-01")
    doc.entities = resolve_entities(parsed)
    assert [(e.type, e.modality) for e in extract_events(parsed, doc)] == [("nuclear_test", "negated")]

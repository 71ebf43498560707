"""Who speaks: speaker from syntax, affiliation, channel, discourse resolution, content stance, continued quotes.

Every sentence here is the team's own; entities come from the packaged actor table and the NER.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

pytest.importorskip("pycrfsuite")

from sanctionwatch.actors import resolve_entities  # noqa: E402
from sanctionwatch.attribution import extract_attributions  # noqa: E402
from sanctionwatch.attribution.tagger import model_path  # noqa: E402
from sanctionwatch.model import Attribution  # noqa: E402
from sanctionwatch.read import load_model, parse  # noqa: E402
from fragments import joined

if not model_path().is_file():  # pragma: no cover
    pytest.skip("attribution model not built (training/train_attribution.py)", allow_module_level=True)


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def run(nlp, text: str) -> list[Attribution]:
    parsed = parse(nlp, text)
    atts = extract_attributions(parsed, resolve_entities(parsed))
    for a in atts:
        for f in a.source + a.cue + a.content:
            assert text[f.start : f.end] == f.text
    return atts


def by_content(atts: list[Attribution], words: str) -> Attribution:
    hits = [a for a in atts if words in joined(a.content)]
    assert hits, f"no attribution whose content holds {words!r}: {[joined(a.content) for a in atts]}"
    return hits[0]


# (text, words of the content, speaker id or None, affiliation id or None)
AFFILIATIONS = [
    ("A South Korean defector said he had carried cigarettes across the river for a state trading firm.",
     "carried cigarettes", None, "kor"),
    ("Russia's envoy to the United Nations said the new measures were premature.", "measures were premature", None, "rus"),
    ("China's ambassador told the council that the draft went too far.", "draft went too far", None, "chn"),
    ("The Chinese government said it would enforce the ban on coal imports.", "enforce the ban", "chn", None),
    ("Nobody else spoke. The North Korean regime said the drills were a rehearsal for invasion.", "drills were a rehearsal", "prk", None),
]


@pytest.mark.parametrize("text,content,speaker,affiliation", AFFILIATIONS)
def test_modifiers_give_the_affiliation_not_the_speaker(nlp, text, content, speaker, affiliation):
    a = by_content(run(nlp, text), content)
    assert a.source_entity == speaker
    assert a.affiliation == affiliation


def test_body_of_a_country_gets_an_id_linked_to_it(nlp):
    a = by_content(run(nlp, "Japan's defence ministry said two missiles fell outside its waters."), "two missiles")
    assert a.source_entity is not None and a.source_entity.startswith("jpn-") and "ministry" in a.source_entity
    assert a.affiliation == "jpn"


def test_statement_by_a_body_speaks_for_its_author_and_it_continues(nlp):
    text = (
        "A statement by Iran's foreign ministry said the inspectors had been given full access. "
        "It added that the accusations were politically motivated."
    )
    atts = run(nlp, text)
    first = by_content(atts, "full access")
    second = by_content(atts, "politically motivated")
    assert first.source_entity and first.source_entity != "irn"
    assert second.source_entity == first.source_entity


def test_outlet_that_quotes_someone_is_the_channel(nlp):
    text = "“We have never sold a single shell to anyone,” KCNA quoted a senior defence official as saying."
    a = by_content(run(nlp, text), "never sold")
    assert "senior defence official" in joined(a.source)
    assert a.channel == "kcna"
    assert a.source_entity != "kcna"
    assert a.stance == "deny"


def test_outlet_that_carries_a_statement_is_the_channel(nlp):
    text = "The foreign ministry said the sanctions were illegal, according to KCNA."
    a = [a for a in run(nlp, text) if joined(a.cue) == "said"][0]
    assert a.channel == "kcna"
    assert a.source_entity != "kcna"


def test_inverted_cue_takes_the_name_after_the_verb(nlp):
    text = '"The network moved the money through shell companies in three countries," said Deputy Secretary Maria Lopez.'
    a = by_content(run(nlp, text), "shell companies")
    assert "Maria Lopez" in joined(a.source)


# (text, words of the content, expected speaker id)
DISCOURSE = [
    # a definite description refers back to the nearest actor of a fitting type
    ("Chainalysis traced the coins on Monday. The firm said the stolen funds had reached a mixer.", "stolen funds", "chainalysis"),
    # "it" keeps the current speaker rather than a country named since
    ("The FBI said the hackers worked for Pyongyang. It added that the coins were laundered through mixers.", "coins were laundered", "fbi"),
]


@pytest.mark.parametrize("text,content,speaker", DISCOURSE)
def test_descriptions_and_pronouns_follow_the_discourse(nlp, text, content, speaker):
    assert by_content(run(nlp, text), content).source_entity == speaker


def test_pronoun_never_resolves_to_a_name_inside_a_quotation(nlp):
    text = "“The FBI sent the order,” the exchange wrote on Tuesday. The hacked exchange Bybit posted a notice. “We traced the wallet,” it said."
    atts = run(nlp, text)
    assert by_content(atts, "traced the wallet").source_entity != "fbi"


def test_the_same_description_refers_to_the_same_speaker(nlp):
    text = (
        "A spokesman told reporters the cargo had been inspected. "
        "Kim Jong Un visited the port the next day. "
        "The spokesman said no coal had been found."
    )
    a = by_content(run(nlp, text), "no coal")
    assert a.source_entity != "kim-jong-un"


# (text, words of the content, stance, negated)
CONTENT_STANCE = [
    ("The ministry said the report was a fabrication.", "fabrication", "deny", False),
    ("Pyongyang said it has never had any arms deals with Moscow.", "arms deals", "deny", False),
    ("“We condemn the launch in the strongest terms,” the envoy said.", "launch in the strongest", "condemn", False),
    ("The envoy called the resolution a dangerous provocation.", "dangerous provocation", "condemn", False),
    ("The envoy called the accusations absurd and baseless.", "accusations", "deny", False),
    ("The minister called on all states to enforce the ban.", "enforce the ban", "assert", False),
    ("The president thanked the soldiers for their courage.", "soldiers", "support", False),
    ("The general later refrained from denying the presence of foreign troops.", "presence of foreign troops", "none", True),
]


@pytest.mark.parametrize("text,content,stance,negated", CONTENT_STANCE)
def test_stance_from_content(nlp, text, content, stance, negated):
    a = by_content(run(nlp, text), content)
    assert (a.stance, a.negated) == (stance, negated)


def test_quotation_paragraph_continues_the_speaker(nlp):
    text = (
        'The foreign minister welcomed the vote. "It is a strong signal to the regime," she said.\n\n'
        "Photo: pool\n\n"
        '"The regime must now come back to the table and stop its launches."'
    )
    a = by_content(run(nlp, text), "come back to the table")
    assert a.kind == "direct"
    assert joined(a.source) == "she"


def test_quotation_after_an_intro_line_goes_to_the_one_introduced(nlp):
    text = (
        "Markets were calm on Friday. We asked a spokesperson for the European Commission about the shipments and received this reply:\n\n"
        '"We will enforce every measure against those who help the regime evade them."'
    )
    a = by_content(run(nlp, text), "enforce every measure")
    assert "spokesperson" in joined(a.source)


def test_affiliation_and_channel_are_in_the_output_contract(nlp):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.files("sanctionwatch.schema").joinpath("document.schema.json").read_text())
    text = "“We have never sold a single shell to anyone,” KCNA quoted a North Korean defence official as saying."
    a = by_content(run(nlp, text), "never sold")
    d = a.to_dict()
    assert (d["affiliation"], d["channel"]) == ("prk", "kcna")
    item = schema["properties"]["attributions"]["items"]
    jsonschema.validate(d, {**item, "$defs": schema["$defs"]})
    assert {"affiliation", "channel"} <= set(item["properties"])


@pytest.mark.parametrize("text,source,content", [
    ("The port authority declined a request for comment, the newspaper added.", "the newspaper", "declined a request"),
    ("The tanker switched off its transponder near the island, the coast guard said on Friday.", "the coast guard", "switched off its transponder"),
])
def test_cue_closing_the_sentence_reports_the_clause_before_it(nlp, text, source, content):
    atts = run(nlp, text)
    hits = [a for a in atts if joined(a.source) == source and content in joined(a.content)]
    assert hits, [(joined(a.source), joined(a.cue), joined(a.content)) for a in atts]


def test_rule_only_cue_opens_a_nested_attribution(nlp):
    text = '"On the launch, the intelligence service assessed that the engines came from abroad," the lawmaker said.'
    atts = run(nlp, text)
    inner = [a for a in atts if joined(a.cue) == "assessed"]
    assert inner and inner[0].parent is not None and "engines came from abroad" in joined(inner[0].content)

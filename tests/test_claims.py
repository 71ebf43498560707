"""Claims by originator: who first said it, how much, when, its first report and copies; the right of reply;
sources counted by originator; titles from the claims; the report's claims table and footnotes."""

from __future__ import annotations

import re

import pytest

from sanctionwatch.cases import Case, Claim
from sanctionwatch.linking.claims import originator_of, short_name
from sanctionwatch.linking.clustering import link_events
from sanctionwatch.linking.rebuild import rebuild_cases
from sanctionwatch.linking.status import StatusInput, status_with_reasons
from sanctionwatch.linking.summaries import claims_quantity, summarise
from sanctionwatch.model import (Argument, Attribution, Document, Entity, Event, Fragment, Mention, Quantity, Sentence,
                                 TimeValue)
from sanctionwatch.report.cases import write_case_report
from sanctionwatch.store import Store
from sanctionwatch.store.cases import load_cases

SENTENCE = "Officials in Lumeria said the North moved 4,200 crates of shells to Russia over the winter."
DENIAL = "Pyongyang called the account a fabrication."


def attr(source: str | None = None, *, affiliation: str | None = None, channel: str | None = None,
         stance: str = "allege", speaker: str = "Officials") -> Attribution:
    return Attribution(source=[Fragment(0, len(speaker), speaker)], cue=[Fragment(0, 1, "s")],
                       content=[Fragment(0, 1, "t")], stance=stance, source_entity=source, affiliation=affiliation,
                       channel=channel)


@pytest.mark.parametrize(
    "attribution, expected",
    [
        (None, "outlet:grp"),  # an unattributed statement is the outlet's own reporting
        (attr("us-state-department"), "usa"),  # a ministry speaks for its state
        (attr("local:vera-holm", affiliation="kor"), "kor"),  # a speaker's affiliation
        (attr("local:vera-holm"), "local:vera-holm"),  # a named speaker with no known affiliation
        (attr("un-panel-of-experts"), "un-panel-of-experts"),  # a UN body stays itself
        (attr("msmt"), "msmt"),
        (attr(None, channel="kcna"), "prk"),  # "state media quoted ..." with the speaker unresolved
        (attr(None), "outlet:grp"),  # "officials said": nobody who can be counted but the outlet
    ],
)
def test_originator_of(attribution, expected):
    doc = Document(doc_id="d", text="x" * 40)
    assert originator_of(doc, attribution, "grp", "Tidewater Post").id == expected


def event(qty: float | None = 4200, unit: str = "crate", *, attribution: int | None = None, modality: str = "asserted",
          time: tuple[str, str] | None = ("2024-01-01", "2024-02-29"), agent: str = "prk", at: int = 0) -> Event:
    return Event(
        type="arms_transfer", trigger=Fragment(at, at + 1, "x"),
        arguments=[Argument("agent", at, at + 1, "x", agent), Argument("recipient", at, at + 1, "x", "rus")],
        quantity=Quantity(qty, unit) if qty else None,
        time=TimeValue("t", *time, "range") if time else None, modality=modality, attribution=attribution)


def page(doc_id: str, *events: Event, publisher: str, published: str = "2024-03-04",
         attributions: list[Attribution] | None = None, text: str | None = None) -> Document:
    # pages of different outlets share no run of words (else they are syndicated copies)
    body = text or " ".join(f"{publisher}-{doc_id}-{n}" for n in range(40))
    return Document(doc_id=doc_id, text=body, publisher=publisher, published=published, events=list(events),
                    attributions=attributions or [])


def only_case(docs: list[Document]) -> Case:
    (case,) = link_events(docs)
    return case


def test_outlets_repeating_one_government_are_one_claim_with_copies():
    docs = [page(f"p{i}", event(attribution=0), publisher=name, attributions=[attr("usa")])
            for i, name in enumerate(["Tidewater Post", "Inland Courier", "Quay Daily", "Ridge Times", "Fen Herald"])]
    case = only_case(docs)
    (claim,) = case.claims
    assert (claim.originator, claim.side, claim.first_report) == ("usa", "support", "p0")
    assert claim.copies == ["p1", "p2", "p3", "p4"]
    assert case.originators == ["usa"]
    # independent reporting is still five reports; the reasons say they all relay one originator
    assert case.independent_sources == 5
    assert "every report relays one originator: United States" in case.status_reasons
    assert any("4 page(s) repeat a claim" in r for r in case.status_reasons)


def test_one_publisher_never_corroborates_whoever_it_quotes():
    docs = [page("k1", event(attribution=0), publisher="State Wire", attributions=[attr("us-state-department")]),
            page("k2", event(attribution=0), publisher="State Wire", attributions=[attr("kor")])]
    case = only_case(docs)
    assert case.originators == ["kor", "usa"]
    assert case.independent_sources == 1 and case.status == "single-source"
    assert any("single publisher" in r for r in case.status_reasons)


def test_claims_by_originator_with_quantities_periods_and_first_reports():
    docs = [
        page("a", event(4000, attribution=0), publisher="Tidewater Post", published="2023-10-02",
             attributions=[attr("usa")]),
        page("b", event(4300, attribution=0), publisher="Inland Courier", published="2024-02-20",
             attributions=[attr("local:vera-holm", affiliation="kor")]),
        page("c", event(4500, time=("2023-09-01", "2024-12-31")), publisher="Quay Daily", published="2025-01-15"),
        page("d", event(4000, attribution=0), publisher="Ridge Times", published="2023-10-05",
             attributions=[attr("us-state-department")]),
    ]
    case = only_case(docs)
    rows = [(c.originator, c.quantity.value, c.first_report, c.copies) for c in case.claims]
    assert rows == [("usa", 4000, "a", ["d"]), ("kor", 4300, "b", []), ("outlet:c", 4500, "c", [])]
    assert case.independent_sources == 4 and case.status == "corroborated"
    assert case.originators == ["kor", "outlet:c", "usa"]
    assert (case.claims[2].time_start, case.claims[2].time_end) == ("2023-09-01", "2024-12-31")
    assert "4,000–4,500 crates (US, ROK and Quay Daily)" in case.summary
    assert case.claimants == ["kor", "usa"]


def test_denials_are_the_right_of_reply_never_support():
    docs = [
        page("a", event(attribution=0), publisher="Tidewater Post", attributions=[attr("usa")]),
        page("b", event(attribution=0, modality="denied"), publisher="Inland Courier",
             attributions=[attr("prk", stance="deny", speaker="Pyongyang")]),
    ]
    case = only_case(docs)
    assert [(c.side, c.originator) for c in case.claims] == [("support", "usa"), ("reply", "prk")]
    assert case.status == "contested" and case.originators == ["usa"]
    assert "prk" not in case.claimants
    assert any(r.startswith("denied or rebutted by North Korea") for r in case.status_reasons)


def test_syndicated_copies_of_one_outlet_story_are_one_claim():
    wire = ("KORVIK, March 3 (Nordwire) - The North moved crates of artillery shells across the river crossing "
            "into Russia during the winter, border traders told reporters, in loads carried by night.")
    docs = [page("a", event(None), publisher="Tidewater Post", text=wire),
            page("b", event(None), publisher="Quay Daily", published="2024-03-05", text="Front page\n\n" + wire)]
    case = only_case(docs)
    (claim,) = case.claims
    assert claim.is_outlet and claim.first_report == "a" and claim.copies == ["b"]
    assert case.status == "single-source"


@pytest.mark.parametrize(
    "reports, originators, repliers, min_sources, status",
    [
        (["Tidewater Post", "Quay Daily"], ["US", "ROK"], [], 2, "corroborated"),
        (["Tidewater Post"], ["US", "ROK"], [], 2, "single-source"),  # one publisher, whoever it quotes
        (["Tidewater Post"], ["Tidewater Post (own reporting)"], [], 2, "single-source"),
        (["Tidewater Post", "Quay Daily"], ["US", "ROK"], ["DPRK"], 2, "contested"),
        ([], [], ["DPRK"], 2, "denied-only"),
        (["Tidewater Post"], ["US"], [], 1, "corroborated"),
    ],
)
def test_status_with_reasons(reports, originators, repliers, min_sources, status):
    found, reasons = status_with_reasons(StatusInput(reports, originators, 0, repliers), min_sources)
    assert found == status
    assert reasons[0].startswith(f"{len(reports)} independent report(s)") or not reports
    assert any("right of reply" in r for r in reasons) == bool(repliers)
    assert any("single publisher" in r for r in reasons) == (len(reports) == 1 and min_sources > 1)


def claim(originator: str, name: str, value: float | None, unit: str = "container") -> Claim:
    return Claim(originator, name, "support", Quantity(value, unit) if value else None, None, None, "d", None)


@pytest.mark.parametrize(
    "claims, expected",
    [
        ([claim("usa", "United States", 1000), claim("kor", "South Korea", 7000), claim("msmt", "MSMT team", 20000)],
         "1,000–20,000 containers (US, ROK and MSMT)"),
        ([claim("kor", "South Korea", 7000), claim("outlet:x", "Quay Daily", 7000)], "7,000 containers (ROK and Quay Daily)"),
        # the unit most originators use; others' figures in other units are not mixed in
        ([claim("usa", "United States", 1000), claim("kor", "South Korea", 2000), claim("jpn", "Japan", 9, "million shell")],
         "1,000–2,000 containers (US and ROK)"),
        # more than three originators are counted, not named
        ([claim(c, c.upper(), 10 * i) for i, c in enumerate(["usa", "kor", "jpn", "gbr", "fra"], 1)],
         "10–50 containers (US, ROK and 3 others)"),
        ([claim("outlet:x", "", 12, "factory")], "12 factories"),  # an unnamed outlet is not named
        ([claim("usa", "United States", None)], None),
    ],
)
def test_claims_quantity(claims, expected):
    assert claims_quantity(claims) == expected


def test_short_name_of_an_unknown_originator_is_its_name():
    assert short_name("local:vera-holm", "Vera Holm") == "Vera Holm"
    assert short_name("outlet:abc", "Quay Daily") == "Quay Daily"


def test_no_title_names_more_than_three_actors():
    names = {i: i.title() for i in ("ana", "bo", "cy", "di", "ed")}
    support = {"cy": 5, "ana": 3}
    title = summarise("Arms transfer", {"agent": list(names), "recipient": ["rus"]}, {**names, "rus": "Russia"},
                      None, None, None, None, support=support)
    assert title == "Cy and 4 others: Arms transfer to Russia."
    three = summarise("Launch", {"agent": ["ana", "bo", "cy"]}, names, None, None, None, None)
    assert three == "Ana, Bo and Cy: Launch."


# --------------------------------------------------------------------------
# the report


def report_doc(doc_id: str, sentence: str, *, publisher: str, published: str, attribution: Attribution,
               modality: str = "asserted", quantity: float | None = 4200) -> Document:
    text = f"Heading\n\n{sentence}\n\nEnd."
    s0 = text.index(sentence)
    trig = s0 + (sentence.index("moved") if "moved" in sentence else sentence.index("called"))
    ev = Event(type="arms_transfer", trigger=Fragment.of(text, trig, trig + 5),
               arguments=[Argument("agent", s0, s0 + 5, text[s0:s0 + 5], "prk"),
                          Argument("recipient", s0, s0 + 5, text[s0:s0 + 5], "rus")],
               quantity=Quantity(quantity, "crate") if quantity else None,
               time=TimeValue("winter", "2024-01-01", "2024-02-29", "range"), modality=modality, attribution=0,
               sentence=Fragment.of(text, s0, s0 + len(sentence)))
    # a second mention of the event in the same sentence: one footnote, not two
    twin = Event(type=ev.type, trigger=Fragment.of(text, s0, s0 + 9), arguments=ev.arguments, quantity=ev.quantity,
                 time=ev.time, modality=modality, attribution=0, sentence=ev.sentence)
    at = Attribution(source=[Fragment.of(text, s0, s0 + 9)], cue=[Fragment.of(text, s0 + 10, s0 + 12)],
                     content=[Fragment.of(text, s0 + 13, s0 + len(sentence))], stance=attribution.stance,
                     source_entity=attribution.source_entity, affiliation=attribution.affiliation)
    return Document(doc_id=doc_id, text=text, input=f"{doc_id}.txt", publisher=publisher, published=published,
                    sentences=[Sentence(s0, s0 + len(sentence), sentence)], events=[twin, ev], attributions=[at],
                    entities=[Entity("prk", "North Korea", "country", [Mention(s0, s0 + 5, text[s0:s0 + 5])]),
                              Entity("rus", "Russia", "country", [])])


def claims_store(path):
    with Store(path) as store:
        store.save_document(report_doc("r1", SENTENCE, publisher="Tidewater Post", published="2024-03-01",
                                       attribution=attr("local:lumeria", affiliation="usa")), "t")
        store.save_document(report_doc("r2", SENTENCE, publisher="Inland Courier", published="2024-03-03",
                                       attribution=attr("kor")), "t")
        store.save_document(report_doc("r3", DENIAL, publisher="Quay Daily", published="2024-03-06",
                                       attribution=attr("prk", stance="deny"), modality="denied", quantity=None), "t")
        rebuild_cases(store)
    return path


@pytest.fixture()
def claims_report(tmp_path):
    with Store(claims_store(tmp_path / "c.db")) as store:
        paths = write_case_report(store, tmp_path / "out")
    return {k: p.read_text(encoding="utf-8") for k, p in paths.items()}


def test_report_has_claims_table_reply_reasons_and_named_footnotes(claims_report):
    md, html = claims_report["cases-md"], claims_report["cases-html"]
    assert "| Claim | Originator | Quantity | Period | First report | Copies |" in md
    assert re.search(r"\| United States \| 4,200 crates \| between 2024-01-01 and 2024-02-29 \| Tidewater Post, "
                     r"2024-03-01 \[\^\d+\] \| 0 \|", md)
    assert "Right of reply:" in md and "| North Korea | — |" in md
    assert "  - denied or rebutted by North Korea: right of reply, not support" in md
    notes = re.findall(r"^\[\^\d+\]: (.*)$", md, flags=re.M)
    assert len(notes) == 3  # two mentions of one event in one sentence share a footnote
    assert notes[0].startswith("Said by United States: “Officials in Lumeria")
    assert notes[2].startswith("Denial by North Korea: “Pyongyang called")
    assert "Denial:, " not in md and "Denial:," not in html
    assert "<caption>Claims by originator</caption>" in html and "<caption>Right of reply</caption>" in html
    assert "<b>Said by South Korea:</b>" in html and "Why this status" in html


def test_web_case_page_shows_claims_reply_and_reasons(tmp_path):
    pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")
    from fastapi.testclient import TestClient  # optional extra: the web app

    from sanctionwatch.web import create_app

    db = claims_store(tmp_path / "w.db")
    with Store(db) as store:
        (case_id,) = [c.id for c in load_cases(store)]
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        page_html = client.get(f"/cases/{case_id}").text
    assert "Claims by originator (2)" in page_html and "Right of reply (1)" in page_html
    claims = page_html[page_html.index('id="claims-h"'):page_html.index('id="reply-h"')]
    assert "United States" in claims and "South Korea" in claims and "4,200 crate" in claims
    assert "North Korea" in page_html[page_html.index('id="reply-h"'):]
    assert "denied or rebutted by North Korea" in page_html


def test_a_bare_rejection_answers_the_articles_main_story():
    # three mentions of a shipment, one of a launch; "Pyongyang rejected the accusations" sits nearest the launch
    shipment = [event(None, time=None, at=at) for at in (10, 60, 110)]
    launch = Event(type="missile_launch", trigger=Fragment(300, 305, "fired"),
                   arguments=[Argument("agent", 300, 301, "x", "prk")])
    rejection = Attribution(source=[Fragment(320, 330, "Pyongyang")], cue=[Fragment(331, 339, "rejected")],
                            content=[Fragment(340, 360, "the accusations")], stance="deny", source_entity="prk")
    doc = page("m", *shipment, launch, publisher="Tidewater Post", attributions=[rejection],
               text=" ".join(f"word{n}" for n in range(80)))
    cases = {c.type: c for c in link_events([doc])}
    assert [(m.event_idx, m.attribution_idx) for m in cases["arms_transfer"].denials] == [(None, 0)]
    assert cases["missile_launch"].denials == []


def test_an_outlet_carrying_a_wire_story_is_named_as_readers_know_the_agency():
    case = only_case([page("w", event(None), publisher="Tidewater Post (AP story)")])
    (claim,) = case.claims
    assert claim.display_name == "AP (own reporting)"
    assert case.status_reasons[0].startswith("1 independent report(s): AP ")

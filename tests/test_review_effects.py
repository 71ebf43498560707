"""Reviews take effect: a rejected extraction leaves the cases, the actor pages and the reports, is shown as
rejected in the document view, and the review re-links through the one workflow (CLI and web)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import sanctionwatch as sw
from sanctionwatch import reviews as rv
from sanctionwatch.cli import main
from sanctionwatch.linking.items import evidence_items
from sanctionwatch.model import Argument, Attribution, Entity, Fragment, Mention, Sentence, TimeValue
from sanctionwatch.store.cases import load_cases
from sanctionwatch.workflow import link_cases, review

CLAIM = "Harbour police said Northland shipped 40 rocket launchers to Zembla in March."
LEADS = {"Wire A": "Customs clerks in Ostia counted the crates twice over a long week.",
         "Wire B": "A parliamentary committee heard testimony about the convoy on Tuesday."}


def _doc(publisher: str) -> sw.Document:
    """One outlet's story: its own lead, then the claim (a statement by the harbour police holding one event)."""
    text = f"{LEADS[publisher]}\n\n{CLAIM}\n"
    s = text.index(CLAIM)

    def at(word: str) -> tuple[int, int]:
        a = s + CLAIM.index(word)
        return a, a + len(word)

    doc = sw.Document(doc_id=f"d-{publisher[-1].lower()}", text=text, input=f"{publisher}.txt", publisher=publisher,
                      published="2024-04-0" + ("1" if publisher == "Wire A" else "2"))
    police, said, nland, zem, shipped = at("Harbour police"), at("said"), at("Northland"), at("Zembla"), at("shipped")
    content = (nland[0], s + len(CLAIM) - 1)
    doc.sentences = [Sentence(s, s + len(CLAIM), CLAIM)]
    doc.entities = [Entity("harbour-police", "Harbour police", "org", [Mention(*police, "Harbour police")]),
                    Entity("nland", "Northland", "country", [Mention(*nland, "Northland")]),
                    Entity("zem", "Zembla", "country", [Mention(*zem, "Zembla")])]
    doc.attributions = [Attribution([Fragment.of(text, *police)], [Fragment.of(text, *said)],
                                    [Fragment.of(text, *content)], source_entity="harbour-police")]
    doc.events = [sw.Event(type="arms_transfer", trigger=Fragment.of(text, *shipped),
                           arguments=[Argument("agent", *nland, "Northland", "nland"),
                                      Argument("recipient", *zem, "Zembla", "zem")],
                           time=TimeValue("in March", "2024-03-01", "2024-03-31", "month"), attribution=0,
                           sentence=Fragment.of(text, s, s + len(CLAIM)))]
    return doc


@pytest.fixture
def store(tmp_path: Path):
    with sw.open_store(tmp_path / "sw.db") as st:
        for publisher in LEADS:
            st.save_document(_doc(publisher), "hand-1")
        link_cases(st)
        yield st


def _verdict(store, doc_id: str, target: str, key: str, verdict: str = "wrong", **extra: str) -> None:
    review(store, doc_id=doc_id, target=target, target_key=key, verdict=verdict, reviewer="analyst", **extra)


def _publisher(doc_id: str) -> str:
    return "Wire A" if doc_id == "d-a" else "Wire B"


def _event_key(doc_id: str) -> str:
    return rv.event_key(_doc(_publisher(doc_id)).events[0])


def _attribution_key(doc_id: str) -> str:
    return rv.attribution_key(_doc(_publisher(doc_id)).attributions[0])


def test_a_rejected_event_leaves_its_case_and_the_case_is_relinked_at_once(store) -> None:
    (case,) = load_cases(store)
    assert {m.doc_id for m in case.members} == {"d-a", "d-b"}
    _verdict(store, "d-b", "event", _event_key("d-b"))  # no explicit re-link: the review runs the workflow tail
    (case,) = load_cases(store)
    assert {m.doc_id for m in case.members} == {"d-a"}


def test_a_later_verdict_of_correct_brings_the_event_back(store) -> None:
    _verdict(store, "d-b", "event", _event_key("d-b"))
    _verdict(store, "d-b", "event", _event_key("d-b"), verdict="correct")
    (case,) = load_cases(store)
    assert {m.doc_id for m in case.members} == {"d-a", "d-b"}


def test_a_rejected_attribution_no_longer_carries_its_event(store) -> None:
    (case,) = load_cases(store)
    assert {m.attribution_idx for m in case.members} == {0}
    _verdict(store, "d-b", "attribution", _attribution_key("d-b"))
    (case,) = load_cases(store)
    by_doc = {m.doc_id: m for m in case.members}
    assert by_doc["d-a"].attribution_idx == 0 and by_doc["d-b"].attribution_idx is None


def test_a_rejected_entity_is_no_party_of_the_case(store) -> None:
    assert "zem" in {e for ids in load_cases(store)[0].actors.values() for e in ids}
    for doc_id in ("d-a", "d-b"):
        _verdict(store, doc_id, "entity", "entity=zem")
    (case,) = load_cases(store)
    assert "zem" not in {e for ids in case.actors.values() for e in ids}
    assert {e for ids in case.actors.values() for e in ids} >= {"nland"}


def test_a_corrected_entity_id_replaces_the_old_one_in_the_case(store) -> None:
    for doc_id in ("d-a", "d-b"):
        _verdict(store, doc_id, "entity", "entity=zem", verdict="corrected", field="id", value="zembla-navy")
    actors = {e for ids in load_cases(store)[0].actors.values() for e in ids}
    assert "zembla-navy" in actors and "zem" not in actors


def test_the_case_report_leaves_out_a_rejected_member(store, tmp_path: Path) -> None:
    _verdict(store, "d-b", "event", _event_key("d-b"))
    written = sw.workflow.update_store(store, report_dir=tmp_path / "out", reports="cases")
    md = written["cases-md"].read_text(encoding="utf-8")
    assert "Wire A" in md and "Wire B" not in md


def test_actor_pages_leave_out_rejected_attributions_and_mentions(store) -> None:
    Q = pytest.importorskip("sanctionwatch.web.queries")
    assert Q.actor_said(store, "harbour-police")[0] == 2
    assert Q.actor_mentions(store, "zem")[0] == 2 and Q.said_about(store, "zem")[0] == 2
    _verdict(store, "d-b", "attribution", _attribution_key("d-b"))
    _verdict(store, "d-a", "entity", "entity=zem")
    total, said = Q.actor_said(store, "harbour-police")
    assert total == 1 and [s["doc_id"] for s in said] == ["d-a"]
    assert Q.said_about(store, "zem")[0] == 1
    total, mentions = Q.actor_mentions(store, "zem")
    assert total == 1 and [m["doc_id"] for m in mentions] == ["d-b"]
    summary = Q.actor_summary(store, "harbour-police")
    assert summary is not None and summary["said"] == 1


def test_the_document_view_marks_what_was_rejected(store) -> None:
    pages = pytest.importorskip("sanctionwatch.web.pages")
    _verdict(store, "d-b", "event", _event_key("d-b"))
    _verdict(store, "d-b", "entity", "entity=zem")
    view = pages.document_view(store, store.get_document("d-b"))
    assert [e["rejected"] for e in view["events"]] == [True]
    assert [a["rejected"] for a in view["attributions"]] == [False]
    assert {e["e"].id: e["rejected"] for e in view["entities"]} == {"harbour-police": False, "nland": False, "zem": True}


def test_the_cli_review_command_goes_through_the_workflow(store, tmp_path: Path) -> None:
    db = str(tmp_path / "sw.db")
    runner = CliRunner()
    keys = runner.invoke(main, ["review", "keys", "--db", db, "d-b"])
    assert keys.exit_code == 0, keys.output
    targets = [json.loads(line) for line in keys.output.splitlines()]
    (event,) = [t for t in targets if t["target"] == "event"]
    done = runner.invoke(main, ["review", "add", "--db", db, "--reviewer", "analyst", "d-b", "event",
                                event["target_key"], "wrong"])
    assert done.exit_code == 0, done.output
    (case,) = load_cases(store)
    assert {m.doc_id for m in case.members} == {"d-a"}
    bad = runner.invoke(main, ["review", "add", "--db", db, "--reviewer", "analyst", "d-b", "event",
                               "trigger=1:2;type=nothing", "wrong"])
    assert bad.exit_code != 0 and "has no event" in bad.output


def test_the_web_review_goes_through_the_workflow(store, tmp_path: Path) -> None:
    testclient = pytest.importorskip("fastapi.testclient")
    web = pytest.importorskip("sanctionwatch.web")
    token = "review-token-123456"
    client = testclient.TestClient(web.create_app(str(tmp_path / "sw.db"), token=token), base_url="http://127.0.0.1")
    r = client.post("/api/v1/reviews", headers={"Authorization": f"Bearer {token}"},
                    json={"doc_id": "d-b", "target": "event", "target_key": _event_key("d-b"), "verdict": "wrong",
                          "reviewer": "analyst"})
    assert r.status_code == 201, r.text
    (case,) = load_cases(store)
    assert {m.doc_id for m in case.members} == {"d-a"}


def test_actor_pages_leave_rejected_rows_out_on_both_backends(store_target) -> None:
    Q = pytest.importorskip("sanctionwatch.web.queries")
    with sw.open_store(store_target) as st:
        for publisher in LEADS:
            st.save_document(_doc(publisher), "hand-1")
        link_cases(st)
        _verdict(st, "d-b", "attribution", _attribution_key("d-b"))
        _verdict(st, "d-a", "entity", "entity=zem")
        assert Q.actor_said(st, "harbour-police")[0] == 1 and Q.said_about(st, "zem")[0] == 1
        assert [m["doc_id"] for m in Q.actor_mentions(st, "zem")[1]] == ["d-b"]
        (case,) = load_cases(st)
        by_doc = {m.doc_id: m for m in case.members}
        assert by_doc["d-b"].attribution_idx is None


def test_a_rejected_mention_names_no_actor_of_its_sentence() -> None:
    doc = _doc("Wire A")
    police = doc.entities[0].mentions[0]
    assert "harbour-police" in evidence_items([doc])[0].context
    verdicts = rv.Verdicts.from_rows([("d-a", "mention", rv.mention_key("harbour-police", police), "wrong", None, None)])
    (item,) = evidence_items([verdicts.apply(doc)])
    assert "harbour-police" not in item.context and {"nland", "zem"} <= item.context
    assert doc.entities[0].mentions == [police]  # the stored document is left as it is


def test_the_document_page_renders_rejected_items_marked(store, tmp_path: Path) -> None:
    testclient = pytest.importorskip("fastapi.testclient")
    web = pytest.importorskip("sanctionwatch.web")
    _verdict(store, "d-b", "event", _event_key("d-b"))
    client = testclient.TestClient(web.create_app(str(tmp_path / "sw.db")), base_url="http://127.0.0.1")
    page = client.get("/documents/d-b")
    assert page.status_code == 200 and page.text.count('class="rejected-mark"') == 1
    assert 'class="item rejected"' in page.text
    assert client.get("/documents/d-a").text.count('class="rejected-mark"') == 0

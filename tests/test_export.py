"""`sanctionwatch export`: CSV and JSONL tables that open with the csv module, and FollowTheMoney entities that
pass followthemoney's own validation.  Documents and the list entry are written for the test."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from sanctionwatch.cli import main
from sanctionwatch.export_tables import CASE_COLUMNS, EVENT_COLUMNS, export_tables
from sanctionwatch.linking.rebuild import rebuild_cases
from sanctionwatch.model import Argument, Attribution, Document, Entity, Event, Fragment, Mention, TimeValue
from sanctionwatch.sanctions import import_list, match_store
from sanctionwatch.store import Store

LIST_XML = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2020-01-01T00:00:00"><INDIVIDUALS/><ENTITIES>
 <ENTITY><DATAID>2</DATAID><FIRST_NAME>KOREA SONGAK TRADING CORPORATION</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
  <REFERENCE_NUMBER>KPe.951</REFERENCE_NUMBER><LISTED_ON>2013-01-22</LISTED_ON></ENTITY>
</ENTITIES></CONSOLIDATED_LIST>"""


def _doc(doc_id: str, publisher: str, published: str) -> Document:
    sentence = 'Songak Trading Corp. shipped rifles, "and more", to the Harbour Militia in May 2019, officials said.'
    text = f"Arms report\n\n{sentence}"
    s0 = text.index(sentence)

    def frag(word: str) -> Fragment:
        i = text.index(word)
        return Fragment(i, i + len(word), word)

    agent, recipient, said = frag("Songak Trading Corp."), frag("Harbour Militia"), frag("said")
    event = Event("arms_transfer", frag("shipped"),
                  [Argument("agent", agent.start, agent.end, agent.text, "songak"),
                   Argument("recipient", recipient.start, recipient.end, recipient.text, "local:harbour-militia"),
                   Argument("item", *(lambda f: (f.start, f.end, f.text))(frag("rifles")))],
                  time=TimeValue("in May 2019", "2019-05-01", "2019-05-31", "month"), modality="alleged",
                  attribution=0, sentence=Fragment(s0, len(text), sentence))
    attribution = Attribution(source=[frag("officials")], cue=[said], content=[Fragment(s0, said.start - 12, text[s0:said.start - 12])],
                              stance="assert", source_entity=None)
    return Document(
        doc_id=doc_id, text=text, input=f"{doc_id}.txt", title="Arms report", publisher=publisher, published=published,
        url=f"https://example.org/{doc_id}", events=[event], attributions=[attribution],
        entities=[Entity("songak", "Songak Trading Corp.", "organisation", [Mention(agent.start, agent.end, agent.text)]),
                  Entity("local:harbour-militia", "Harbour Militia", "armed",
                         [Mention(recipient.start, recipient.end, recipient.text)])],
    )


@pytest.fixture()
def store_path(tmp_path, store_target):
    path = store_target
    with Store(path) as store:
        store.save_document(_doc("d1", "Example Wire", "2019-06-01"), "t")
        store.save_document(_doc("d2", "Other Daily", "2019-06-03"), "t")
        xml = tmp_path / "list.xml"
        xml.write_text(LIST_XML, encoding="utf-8")
        import_list(store, xml)
        match_store(store)
        rebuild_cases(store)
    return path


def _csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_tables_open_as_csv_and_jsonl(store_path, tmp_path):
    out = tmp_path / "out"
    with Store(store_path) as store:
        written = export_tables(store, out)
    assert {(w.table, w.format) for w in written} == {(t, f) for t in ("cases", "case_members", "events", "attributions",
                                                                      "entities") for f in ("csv", "jsonl")}
    events = _csv(out / "events.csv")
    assert len(events) == 2 and list(events[0]) == EVENT_COLUMNS
    ev = events[0]
    assert ev["type"] == "arms_transfer" and ev["plover"] and ev["cameo"]  # codes from data/taxonomy.yaml
    assert ev["agent"] == "Songak Trading Corp." and ev["recipient_ids"] == "local:harbour-militia"
    assert ev["sentence"].startswith("Songak Trading Corp. shipped rifles, \"and more\"")  # quotes survive CSV
    jsonl = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert isinstance(jsonl[0]["cameo"], list) and jsonl[0]["cameo"] == ev["cameo"].split("; ")
    cases = _csv(out / "cases.csv")
    assert cases and list(cases[0]) == CASE_COLUMNS and cases[0]["plover"] == ev["plover"]
    entities = {r["entity_id"]: r for r in _csv(out / "entities.csv")}
    assert entities["songak"]["sanctions"] == "un-sc-consolidated:KPe.951" and entities["songak"]["documents"] == "2"
    attributions = _csv(out / "attributions.csv")
    assert len(attributions) == 2 and attributions[0]["source"] == "officials" and attributions[0]["cue"] == "said"
    members = _csv(out / "case_members.csv")
    assert {m["doc_id"] for m in members} == {"d1", "d2"}


def test_ftm_entities_pass_followthemoney_validation(store_path, tmp_path):
    ftm_model = pytest.importorskip("followthemoney", reason="the ftm extra is not installed").model
    result = CliRunner().invoke(main, ["export", "--db", str(store_path), "--out", str(tmp_path / "o"), "--format", "ftm"])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "o" / "entities.ftm.json").read_text(encoding="utf-8").splitlines()
    proxies = []
    for line in lines:
        data = json.loads(line)
        proxy = ftm_model.get_proxy(data, cleaned=False)
        assert proxy.schema.validate(data) is None
        assert all(proxy.get(p) for p in proxy.schema.required), f"{proxy.schema.name} lacks {proxy.schema.required}"
        proxies.append(proxy)
    by_schema: dict[str, list] = {}
    for p in proxies:
        by_schema.setdefault(p.schema.name, []).append(p)
    assert set(by_schema) == {"Organization", "Sanction", "UnknownLink"}
    ids = {p.id for p in proxies}
    (sanction,) = by_schema["Sanction"]
    assert sanction.get("entity")[0] in ids and sanction.get("program") == ["DPRK"]
    assert sanction.get("listingDate") == ["2013-01-22"]
    links = by_schema["UnknownLink"]
    assert len(links) == 2 and all(link.get("subject")[0] in ids and link.get("object")[0] in ids for link in links)
    assert "PLOVER" in links[0].get("role")[0] and links[0].get("startDate") == ["2019-05-01"]


def test_cli_export_all_formats(store_path, tmp_path):
    out = tmp_path / "all"
    result = CliRunner().invoke(main, ["export", "--db", str(store_path), "--out", str(out), "--table", "events",
                                       "--format", "csv", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["events.csv", "events.jsonl"]


def test_cli_export_missing_db(tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "o")])
    assert result.exit_code != 0 and "no database" in result.output


def test_export_reviews_still_a_subcommand(store_path, tmp_path):
    out = tmp_path / "reviews.jsonl"
    result = CliRunner().invoke(main, ["export", "reviews", "--db", str(store_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "0 reviews exported" in result.output and out.read_text() == ""


def test_csv_cells_that_start_like_a_formula_are_not_formulas(tmp_path, store_target):
    doc = _doc("d3", "Example Wire", "2019-06-05")
    doc.title = "=HYPERLINK(\"http://x.test\")"  # article metadata, written by whoever published the page
    with Store(store_target) as store:
        store.save_document(doc, "t")
        export_tables(store, tmp_path / "out")
    (event,) = _csv(tmp_path / "out" / "events.csv")
    assert event["title"] == "'=HYPERLINK(\"http://x.test\")"  # a spreadsheet shows it as text
    assert event["attribution_idx"] == "0"  # numbers are not prefixed
    (line,) = (tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["title"] == doc.title  # JSONL keeps the text as it is

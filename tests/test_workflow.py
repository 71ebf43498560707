"""The corpus workflow as a library: what `run`, `ingest` and `reprocess` share, through the public API."""

from __future__ import annotations

import re
from pathlib import Path

import sanctionwatch as sw
from sanctionwatch.ingest import RawInput
from sanctionwatch.model import Argument, Entity, Fragment, Mention, Sentence, TimeValue, check_offsets
from sanctionwatch.sanctions import import_list
from sanctionwatch.store.cases import load_cases
from sanctionwatch.workflow import link_cases, run_in_store, store_text

LIST_XML = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2021-06-01T00:00:00">
  <INDIVIDUALS/>
  <ENTITIES>
    <ENTITY><DATAID>77</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>NORTHERN LANTERN FREIGHT COMPANY</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.977</REFERENCE_NUMBER><LISTED_ON>2021-05-01</LISTED_ON>
      <COMMENTS1/><LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>NOLAFCO</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ADDRESS/><SORT_KEY/><SORT_KEY_LAST_MOD/></ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""


def test_link_cases_matches_the_imported_list_before_linking(tmp_path: Path) -> None:
    xml = tmp_path / "list.xml"
    xml.write_text(LIST_XML, encoding="utf-8")
    text = "Port records show NOLAFCO chartered two barges in May."
    doc = sw.Document(doc_id="w1", text=text, input="w1.txt", published="2021-06-02")
    at = text.index("NOLAFCO")
    doc.entities = [Entity("nolafco", "NOLAFCO", "org", [Mention(at, at + 7, "NOLAFCO")])]
    with sw.open_store(tmp_path / "sw.db") as store:
        store.save_document(doc, "v1")
        link_cases(store)  # no list yet: linking alone, no error
        assert store.count("list_matches") == 0
        import_list(store, xml)
        link_cases(store)  # what reprocess now runs too: the entities may have changed
        assert store.count("list_matches") == 1


def test_extract_through_the_public_api() -> None:
    text = "Customs officials in Dandong said the barge carried 300 tonnes of coal."
    doc = sw.extract(text, published="2023-04-05", title="Barge")
    assert isinstance(doc, sw.Document) and doc.text == text and doc.title == "Barge"
    assert doc.sentences and not check_offsets(doc.to_dict())


# -- one workflow for every front end --------------------------------------------------------------------------

ALLEGED = "Investigators said Northland shipped 40 rocket launchers to Zembla in March."


class _HandPipeline:
    """Stands in for the spaCy pipeline: each text becomes a document with one arms-transfer event."""

    version = "hand-1"

    def prepare(self, raw: RawInput) -> sw.Document:
        return sw.Document(doc_id=f"h-{raw.hints.get('publisher')}", text=raw.payload, input=raw.input,
                           publisher=raw.hints.get("publisher"), published=raw.hints.get("published"))

    def process(self, docs):
        for doc in docs:
            s = doc.text.index(ALLEGED)
            t = s + ALLEGED.index("shipped")
            doc.sentences = [Sentence(s, s + len(ALLEGED), ALLEGED)]
            doc.entities = [Entity("nland", "Northland", "country", [Mention(s + 19, s + 28, "Northland")]),
                            Entity("zem", "Zembla", "country", [])]
            doc.events = [sw.Event(type="arms_transfer", trigger=Fragment.of(doc.text, t, t + 7),
                                   arguments=[Argument("agent", s + 19, s + 28, "Northland", "nland"),
                                              Argument("recipient", s + 19, s + 28, "Northland", "zem")],
                                   time=TimeValue("March", "2024-03-01", "2024-03-31", "month"),
                                   sentence=Fragment.of(doc.text, s, s + len(ALLEGED)))]
            yield doc


def test_the_web_upload_stores_then_links(tmp_path: Path) -> None:
    with sw.open_store(tmp_path / "sw.db") as store:
        stories = (("Wire A", "2024-04-01", "Harbour officials in Ostia counted the crates twice over a long week."),
                   ("Wire B", "2024-04-02", "A parliamentary committee heard testimony about the convoy on Tuesday."))
        for publisher, day, lead in stories:  # own prose apart from the shared sentence: not copies
            store_text(store, f"{lead}\n\n{ALLEGED}\n", publisher=publisher, published=day,
                       pipeline=_HandPipeline())  # type: ignore[arg-type]
        (case,) = load_cases(store)
        assert case.status == "corroborated" and case.independent_sources == 2
        assert sorted(m.doc_id for m in case.members) == ["h-Wire A", "h-Wire B"]
        assert store.has_document("h-Wire A", "hand-1")


def test_run_report_shows_the_cases_the_store_holds(tmp_path: Path, pipeline) -> None:
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    paths = [str(p) for p in sorted(corpus.glob("*.txt"))[:6]]
    with sw.open_store(tmp_path / "sw.db") as store:
        result = run_in_store(pipeline, store, paths, report_dir=tmp_path / "out")
        stored = load_cases(store)
    md = result.reports["cases-md"].read_text(encoding="utf-8")
    assert result.summary.stored == len(paths) and stored
    assert sorted(re.findall(r"\*\*Case id:\*\* `([^`]+)`", md)) == sorted(c.id for c in stored)
    assert md.count("### Case ") == len(stored)

"""The corpus workflow as a library: what `run`, `ingest` and `reprocess` share, through the public API."""

from __future__ import annotations

from pathlib import Path

import sanctionwatch as sw
from sanctionwatch.model import Entity, Mention, check_offsets
from sanctionwatch.sanctions import import_list
from sanctionwatch.workflow import link_cases

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

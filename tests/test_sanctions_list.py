"""Sanctions-list import and name matching.

A small hand-written list in the UN XML format covers every rule without
external data; the real 2018 list in ../shared is used where present.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sanctionwatch.sanctions_list import import_list, list_from_store, load_un_list, match_store, tokens
from sanctionwatch.store import Store

from sanctionwatch.model import Document, Entity, Mention

SHARED = Path(os.environ.get("SANCTIONWATCH_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
UN_LIST = SHARED / "sanctions-lists" / "un-consolidated-2018-10-29.xml"
needs_un_list = pytest.mark.skipif(not UN_LIST.exists(), reason=f"UN list not found at {UN_LIST} (../shared absent)")

# Fictional entries in the structure of the real list.
FIXTURE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2020-01-01T00:00:00">
  <INDIVIDUALS>
    <INDIVIDUAL><DATAID>1</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME> RI </FIRST_NAME><SECOND_NAME>MYONG SU</SECOND_NAME>
      <THIRD_NAME/><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.901 </REFERENCE_NUMBER><LISTED_ON>2019-05-01</LISTED_ON>
      <COMMENTS1/><DESIGNATION><VALUE>Trade representative</VALUE></DESIGNATION><LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Ri Myong-su</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Uncle Pine</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ADDRESS><COUNTRY/></INDIVIDUAL_ADDRESS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-02-03</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_PLACE_OF_BIRTH/><INDIVIDUAL_DOCUMENT/><SORT_KEY/><SORT_KEY_LAST_MOD/></INDIVIDUAL>
    <INDIVIDUAL><DATAID>2</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>KIM</FIRST_NAME><SECOND_NAME>CHOL U</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.902</REFERENCE_NUMBER><LISTED_ON>2019-05-01</LISTED_ON>
      <COMMENTS1/><LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS><INDIVIDUAL_ADDRESS><COUNTRY/></INDIVIDUAL_ADDRESS>
      <INDIVIDUAL_DATE_OF_BIRTH/><INDIVIDUAL_PLACE_OF_BIRTH/><INDIVIDUAL_DOCUMENT/><SORT_KEY/><SORT_KEY_LAST_MOD/></INDIVIDUAL>
    <INDIVIDUAL><DATAID>3</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>JOHN</FIRST_NAME><SECOND_NAME>EXAMPLE</SECOND_NAME>
      <UN_LIST_TYPE>Iraq</UN_LIST_TYPE><REFERENCE_NUMBER>IQi.901</REFERENCE_NUMBER><LISTED_ON>2005-01-01</LISTED_ON>
      <COMMENTS1/><LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS><INDIVIDUAL_ADDRESS><COUNTRY/></INDIVIDUAL_ADDRESS>
      <INDIVIDUAL_DATE_OF_BIRTH/><INDIVIDUAL_PLACE_OF_BIRTH/><INDIVIDUAL_DOCUMENT/><SORT_KEY/><SORT_KEY_LAST_MOD/></INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY><DATAID>10</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>KOREA PINE RIVER TRADING CORPORATION</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.901</REFERENCE_NUMBER><LISTED_ON>2019-05-01</LISTED_ON>
      <COMMENTS1>Operator of the vessel SEA PINE 3. Company IMO 7654321.</COMMENTS1><LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>"PIRTCO"</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>Songnim Export Company</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ADDRESS><CITY>Pyongyang</CITY></ENTITY_ADDRESS><SORT_KEY/><SORT_KEY_LAST_MOD/></ENTITY>
    <ENTITY><DATAID>11</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>EASTERN HARBOUR BUREAU (EHB)</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.902</REFERENCE_NUMBER><LISTED_ON>2019-05-01</LISTED_ON>
      <COMMENTS1/><LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS><ENTITY_ADDRESS/><SORT_KEY/><SORT_KEY_LAST_MOD/></ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""


@pytest.fixture(scope="module")
def fixture_list(tmp_path_factory):
    path = tmp_path_factory.mktemp("lists") / "list.xml"
    path.write_text(FIXTURE_XML, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sl(fixture_list):
    return load_un_list(fixture_list)


def test_load_reads_names_aliases_identifiers(sl):
    ri = sl.entries["KPi.901"]
    assert ri.name == "RI MYONG SU" and ri.kind == "individual" and ri.regime == "DPRK"
    assert ("Uncle Pine", "low") in ri.aliases and ("Ri Myong-su", "good") in ri.aliases
    pine = sl.entries["KPe.901"]
    assert ("PIRTCO", "aka") in pine.aliases  # quotes around the alias are dropped
    assert ("Songnim Export Company", "fka") in pine.aliases
    assert ("imo", "7654321") in pine.identifiers
    assert ("SEA PINE 3", "vessel") in pine.aliases
    assert sl.stats() == {"entries": 5, "selected": 4, "individuals": 2, "entities": 2, "aliases": 5, "identifiers": 1}


@pytest.mark.parametrize(
    "query, etype, ref, method, min_score, max_score",
    [
        ("Ri Myong Su", "person", "KPi.901", "exact", 1.0, 1.0),  # listed name
        ("RI MYONG-SU", None, "KPi.901", "exact", 1.0, 1.0),  # hyphen variant
        ("Lee Myong-su", "person", "KPi.901", "variant", 0.85, 0.95),  # Ri/Lee
        ("Rhee Myung Soo", "person", "KPi.901", "variant", 0.85, 0.95),  # several variants at once
        ("Myong Su Ri", "person", "KPi.901", "reordered", 0.8, 0.9),  # family name last
        ("Uncle Pine", "person", "KPi.901", "exact", 0.6, 0.75),  # low-quality alias scores lower
        ("Gim Chol-woo", "person", "KPi.902", "variant", 0.85, 0.95),  # Kim/Gim, U/Woo
        ("PIRTCO", "org", "KPe.901", "single-token", 0.8, 0.9),  # single-token alias, exact
        ("Korea Pine River Trading Corporation", "org", "KPe.901", "exact", 1.0, 1.0),
        ("Pine River Trading Corp.", "org", "KPe.901", "legal-form", 0.8, 0.9),
        ("Songnim Export Co", "org", "KPe.901", "legal-form", 0.7, 0.85),  # former name
        ("Eastern Harbour Bureau", "org", "KPe.902", "exact", 1.0, 1.0),  # name without its (EHB)
        ("EHB", "org", "KPe.902", "single-token", 0.75, 0.85),  # the parenthesised acronym
        ("the vessel IMO 7654321", "vessel", "KPe.901", "identifier", 1.0, 1.0),
        ("Sea Pine 3", "vessel", "KPe.901", "exact", 0.7, 0.8),  # vessel named in the comments
    ],
)
def test_match(sl, query, etype, ref, method, min_score, max_score):
    matches = sl.match(query, etype)
    assert matches, f"{query!r} matched nothing"
    best = matches[0]
    assert (best.reference_number, best.method) == (ref, method)
    assert min_score <= best.score <= max_score
    assert ref in best.explanation and 0 <= best.score <= 1


@pytest.mark.parametrize(
    "query, etype",
    [
        ("Kim", "person"),  # a common surname alone
        ("Ri", None),
        ("Korea", None),  # a country word
        ("North Korea", "gpe"),  # places never match
        ("Ri Myong Su", "gpe"),
        ("ehb", "org"),  # short acronyms must be written in capitals
        ("Pine", "org"),  # one token of a longer name
        ("Pine River", "org"),  # part of a name
        ("Korea Trading Company", "org"),  # only generic words left after the legal form
        ("Ri Myong Su", "org"),  # a person's name is not an entity
        ("John Example", "person"),  # other regimes are not matched by default
        ("IMO 1234567", "vessel"),
        ("Kim Jong Un", "person"),
    ],
)
def test_no_false_positive(sl, query, etype):
    assert sl.match(query, etype) == []


def test_other_regimes_on_request(sl):
    assert [m.reference_number for m in sl.match("John Example", regimes=None)] == ["IQi.901"]


def test_explanation_names_alias_quality_and_entry(sl):
    (m,) = sl.match("PIRTCO")
    assert m.explanation == (
        "alias 'PIRTCO' (a.k.a.) of KPe.901 KOREA PINE RIVER TRADING CORPORATION, single-token name, exact match"
    )
    (ri,) = sl.match("Lee Myong Su", "person")
    assert "lee→ri" in ri.explanation and "born 1970-02-03" in ri.explanation


@pytest.mark.parametrize("name, expected", [("Ch'o'l-man", ["chol", "man"]), ("Ri U’n So’ng", ["ri", "un", "song"]), ("Kōryo", ["koryo"])])
def test_tokens_fold_marks(name, expected):
    assert tokens(name) == expected


def test_import_and_match_store(tmp_path, fixture_list):
    with Store(tmp_path / "t.db") as store:
        text = "Officials said Lee Myong-su met PIRTCO staff. Kim was not there."
        doc = Document(doc_id="d1", text=text, input="d1.txt", published="2020-01-02")
        start = text.index("Lee")
        doc.entities = [
            Entity("local:lee-myong-su", "Lee Myong-su", "person", [Mention(start, start + 12, text[start:start + 12])]),
            Entity("pirtco", "Korea Pine River Trading Corporation", "org",
                   [Mention(text.index("PIRTCO"), text.index("PIRTCO") + 6, "PIRTCO")]),
            Entity("local:kim", "Kim", "person", [Mention(text.index("Kim"), text.index("Kim") + 3, "Kim")]),
        ]
        store.save_document(doc, "test")
        import_list(store, fixture_list)
        assert store.count("list_entries") == 5
        reloaded = list_from_store(store)
        assert reloaded is not None and reloaded.entries["KPe.901"].aliases == load_un_list(fixture_list).entries["KPe.901"].aliases
        assert match_store(store) == 2
        rows = {r["entity_id"]: dict(r) for r in store.conn.execute("SELECT * FROM list_matches")}
        assert set(rows) == {"local:lee-myong-su", "pirtco"}
        assert rows["pirtco"]["reference_number"] == "KPe.901" and rows["pirtco"]["score"] == 1.0
        lee = rows["local:lee-myong-su"]
        assert lee["doc_id"] is None or text[lee["start"]:lee["end"]] == lee["matched_text"]
        import_list(store, fixture_list)  # re-import replaces, and clears matches of the old copy
        assert store.count("list_entries") == 5 and store.count("list_matches") == 0


def test_match_store_without_list(tmp_path):
    with Store(tmp_path / "t.db") as store, pytest.raises(LookupError):
        match_store(store)


@needs_un_list
def test_real_list_counts():
    sl = load_un_list(UN_LIST)
    stats = sl.stats()
    assert stats["individuals"] == 80 and stats["entities"] == 75
    assert len(sl.entries) > 1000
    assert all(ref.startswith(("KPi.", "KPe.")) for ref, e in sl.entries.items() if e.regime == "DPRK")


@needs_un_list
@pytest.mark.parametrize(
    "query, etype, ref",
    [
        ("KOMID", "org", "KPe.001"),
        ("Korea Mining Development Trading Corp", "org", "KPe.001"),
        ("Rhee Won-ho", "person", "KPi.033"),
        ("Ri Eun-song", "person", "KPi.078"),
        ("Reconnaissance General Bureau", "org", "KPe.031"),
        ("IMO 5434358", None, "KPe.066"),
        ("Ocean Maritime Management", "org", "KPe.020"),
    ],
)
def test_real_list_matches(query, etype, ref):
    sl = load_un_list(UN_LIST)
    assert ref in [m.reference_number for m in sl.match(query, etype)]


@needs_un_list
@pytest.mark.parametrize("query", ["Kim", "Korea", "North Korea", "Pyongyang", "Kim Jong Un", "Trading Company", "mid"])
def test_real_list_guards(query):
    assert load_un_list(UN_LIST).match(query) == []

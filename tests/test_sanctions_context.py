"""List flags in context: what the document says about a mention, against the entry it matched.

Every document here is written for the test; the entries are invented in the UN list's structure.
"""

from __future__ import annotations

import json

import pytest

from sanctionwatch.model import Argument, Document, Entity, Event, Fragment, Mention, TimeValue
from sanctionwatch.reviews import add_review
from sanctionwatch.sanctions import ListEntry, check, designated_at, import_list, match_store, read_context
from sanctionwatch.store import Store
from sanctionwatch.store import lists as stored_lists

OFFICIAL = ListEntry("KPi.951", "individual", "DPRK", "PAK SU IL", listed_on="2016-03-02",
                     details={"designation": "Representative of the Pinewood Mining Trading Corporation",
                              "nationality": "Democratic People's Republic of Korea", "born": "1961-05-12"})
COMPANY = ListEntry("KPe.951", "entity", "DPRK", "KOREA SONGAK TRADING CORPORATION", listed_on="2013-01-22",
                    aliases=[("Songak", "aka")])
SHIP_OWNER = ListEntry("KPe.952", "entity", "DPRK", "BLUE HERON SHIPPING", aliases=[("Blue Heron", "vessel")],
                       identifiers=[("imo", "9012345")], listed_on="2017-08-05")


def _check(text: str, mention: str, entry: ListEntry, published: str = "2019-06-01", event_date: str | None = None):
    start = text.index(mention)
    return check(entry, read_context(text, start, start + len(mention)), published=published, event_date=event_date)


@pytest.mark.parametrize("text, mention, field, value", [
    ("Pak Su Il, 41, a bus driver, was fined.", "Pak Su Il", "age", 41),
    ("The 27-year-old defector Pak Su Il spoke.", "Pak Su Il", "age", 27),
    ("Pak Su Il (aged 70) died on Monday.", "Pak Su Il", "age", 70),
    ("Pak Su Il, an 82-year-old veteran, laid a wreath.", "Pak Su Il", "age", 82),
    ("Pak Su Il, the 33-year-old coach, resigned.", "Pak Su Il", "age", 33),
    ("Pak Su Il, who was born in 1990, won.", "Pak Su Il", "birth_year", 1990),
    ("Pak Su Il, a teacher at a rural school, said.", "Pak Su Il", "role", "teacher at a rural school"),
    ("Pak Su Il, deputy director of the Harbour Chess Club, said.", "Pak Su Il", "role",
     "deputy director of the Harbour Chess Club"),
    ("Pak Su Il, said the report, was present.", "Pak Su Il", "role", None),  # a clause without a role word
    ("A delegation led by Vice Minister of Fisheries Pak Su Il left.", "Pak Su Il", "role", "Vice Minister of Fisheries"),
    ("He met Army General Pak Su Il there.", "Pak Su Il", "role", "Army General"),
    ("Officials including Kim Ho and Pak Su Il came.", "Pak Su Il", "role", None),
    ("Chinese businessman Pak Su Il was arrested.", "Pak Su Il", "nationality", "China"),
    ("South Korean Pak Su Il left.", "Pak Su Il", "nationality", "Republic of Korea"),
    ("Pak Su Il, a Japanese national, left.", "Pak Su Il", "nationality", "Japan"),
    ("In China Pak Su Il met traders.", "Pak Su Il", "nationality", None),  # a country name is not a nationality
    ("Troops marched through the Songak area in 1951.", "Songak", "place", True),
    ("It was the battle of Songak that ended the war.", "Songak", "place", True),
    ("Songak shipped coal in May.", "Songak", "place", False),
    ("Floods hit Songak, Oakdale and Elm counties last week.", "Songak", "place", True),  # a list of places
    ("Songak, Oakdale and Elm Corporation signed.", "Songak", "place", False),
    ('Pupils recited the poem "Songak" at the ceremony.', "Songak", "work_title", True),
    ("A film titled Songak opened in the capital.", "Songak", "work_title", True),
    ("Songak shipped coal in May.", "Songak", "work_title", False),
    ("The Blue Heron (IMO 9012345) sailed.", "Blue Heron", "imo", "9012345"),
])
def test_read_context(text, mention, field, value):
    start = text.index(mention)
    assert getattr(read_context(text, start, start + len(mention)), field) == value


@pytest.mark.parametrize("text, mention, entry, published, status, check_name", [
    # same name, different person
    ("Pak Su Il, 31, a teacher in a county school, won a prize.", "Pak Su Il", OFFICIAL, "2019-06-01", "rejected", "born"),
    ("The 25-year-old Pak Su Il scored twice.", "Pak Su Il", OFFICIAL, "2019-06-01", "rejected", "born"),
    ("Pak Su Il, who was born in 1985, joined.", "Pak Su Il", OFFICIAL, "2019-06-01", "rejected", "born"),
    ("Pak Su Il, a footballer, scored.", "Pak Su Il", OFFICIAL, "2019-06-01", "rejected", "role"),
    ("Pak Su Il, deputy chairman of the Harbour Chess Club, said.", "Pak Su Il", OFFICIAL, "2019-06-01", "rejected", "role"),
    ("Pak Su Il, head of the DPRK side of the board of the Oakdale Power Company, left.", "Pak Su Il", OFFICIAL,
     "2019-06-01", "rejected", "role"),  # the second named organisation decides
    ("South Korean Pak Su Il, a trader, left.", "Pak Su Il", OFFICIAL, "2019-06-01", "rejected", "nationality"),
    ("A team led by Vice Minister of Fisheries and Ocean Farming Pak Su Il left.", "Pak Su Il", OFFICIAL, "2019-06-01",
     "rejected", "role"),
    ("Troops marched through the Songak area.", "Songak", COMPANY, "2019-06-01", "rejected", "place"),
    ("Pupils sang the song 'Songak' at the festival.", "Songak", COMPANY, "2019-06-01", "rejected", "title"),
    ("The Blue Heron (IMO 9876543) sailed.", "Blue Heron", SHIP_OWNER, "2019-06-01", "rejected", "imo"),
    # the same person
    ("Pak Su Il, 58, was seen in Dalian.", "Pak Su Il", OFFICIAL, "2019-06-01", "designated", "born"),
    ("Pak Su Il, a representative of Pinewood Mining in Dalian, said.", "Pak Su Il", OFFICIAL, "2019-06-01",
     "designated", "role"),
    ("Pak Su Il, a senior weapons official, said.", "Pak Su Il", OFFICIAL, "2019-06-01", "designated", "role"),
    ("Pak Su Il, head of the Dalian office, said.", "Pak Su Il", OFFICIAL, "2019-06-01", "designated", "role"),
    ("Pak Su Il, a trade official in Dalian Port, said.", "Pak Su Il", OFFICIAL, "2019-06-01", "designated", "role"),
    ("North Korean Pak Su Il met buyers.", "Pak Su Il", OFFICIAL, "2019-06-01", "designated", "nationality"),
    ("The Blue Heron (IMO 9012345) sailed.", "Blue Heron", SHIP_OWNER, "2019-06-01", "designated", "imo"),
    # reported before the listing
    ("Songak shipped coal in May.", "Songak", COMPANY, "2012-06-01", "before-listing", "listing-date"),
])
def test_check(text, mention, entry, published, status, check_name):
    result = _check(text, mention, entry, published)
    assert result.status == status, result.summary()
    assert check_name in {r.check for r in result.reasons}
    if status == "rejected":
        assert any(r.verdict == "contradicts" and r.check == check_name for r in result.reasons)


def test_event_date_decides_over_report_date():
    text = "Songak shipped coal in May 2012, the ministry said in 2014."
    early = _check(text, "Songak", COMPANY, published="2014-02-01", event_date="2012-05-01")
    assert early.status == "before-listing" and "event dated 2012-05-01 precedes the listing on 2013-01-22" in early.summary()
    assert _check(text, "Songak", COMPANY, published="2014-02-01").status == "designated"


@pytest.mark.parametrize("listed, when, expected", [
    ("2013-01-22", "2012-04-13", False), ("2013-01-22", "2013-01-22", True), ("2013-01-22", None, None), (None, "2012", None),
])
def test_designated_at(listed, when, expected):
    assert designated_at(listed, when) is expected


LIST_XML = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2020-01-01T00:00:00"><INDIVIDUALS>
 <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>PAK</FIRST_NAME><SECOND_NAME>SU IL</SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
  <REFERENCE_NUMBER>KPi.951</REFERENCE_NUMBER><LISTED_ON>2016-03-02</LISTED_ON>
  <DESIGNATION><VALUE>Representative of the Pinewood Mining Trading Corporation</VALUE></DESIGNATION>
  <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
  <INDIVIDUAL_DATE_OF_BIRTH><DATE>1961-05-12</DATE></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>
</INDIVIDUALS><ENTITIES>
 <ENTITY><DATAID>2</DATAID><FIRST_NAME>KOREA SONGAK TRADING CORPORATION</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
  <REFERENCE_NUMBER>KPe.951</REFERENCE_NUMBER><LISTED_ON>2013-01-22</LISTED_ON>
  <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Songak</ALIAS_NAME></ENTITY_ALIAS></ENTITY>
</ENTITIES></CONSOLIDATED_LIST>"""


def _doc(doc_id: str, text: str, published: str, mentions: list[tuple[str, str, str, int]]) -> Document:
    doc = Document(doc_id=doc_id, text=text, input=f"{doc_id}.txt", published=published)
    for eid, etype, surface, nth in mentions:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        doc.entities.append(Entity(eid, surface, etype, [Mention(start, start + len(surface), surface)]))
    return doc


def test_match_store_keeps_offsets_status_and_reasons(tmp_path, store_target):
    teacher = _doc("d-teacher", "Pak Su Il, 34, a teacher, opened the new school.", "2019-09-01",
                   [("local:pak-su-il", "person", "Pak Su Il", 0)])
    official = _doc("d-official", "Pak Su Il, a representative of Pinewood Mining, signed the deal.", "2019-09-01",
                    [("local:pak-su-il", "person", "Pak Su Il", 0)])
    coal = _doc("d-coal", "Songak Trading Corp. shipped coal to the port in April 2012.", "2012-07-01",
                [("songak", "org", "Songak Trading Corp.", 0)])
    coal.events = [Event("transfer", Fragment(27, 34, "shipped"), [Argument("agent", 0, 20, "Songak Trading Corp.", "songak")],
                         time=TimeValue("in April 2012", "2012-04-01", "2012-04-30", "month"))]
    battle = _doc("d-battle", "Old soldiers recalled the Songak area in winter.", "2019-09-01",
                  [("local:songak", "org", "Songak", 0)])
    with Store(store_target) as store:
        for d in (teacher, official, coal, battle):
            store.save_document(d, "test")
        path = tmp_path / "list.xml"
        path.write_text(LIST_XML, encoding="utf-8")
        import_list(store, path)
        assert match_store(store) == 2  # the official and the company; the teacher and the place are rejected
        flags = {f["doc_id"]: f for f in stored_lists.flags(store)}
        texts = {d.doc_id: d.text for d in (teacher, official, coal, battle)}
        for doc_id, f in flags.items():
            assert texts[doc_id][f["start"]:f["end"]] == f["matched_text"]
        assert flags["d-teacher"]["status"] == "rejected"
        assert {r["check"] for r in json.loads(flags["d-teacher"]["reasons"]) if r["verdict"] == "contradicts"} == {"born", "role"}
        assert flags["d-official"]["status"] == "designated"
        assert flags["d-coal"]["status"] == "before-listing" and flags["d-coal"]["event_date"] == "2012-04-01"
        assert flags["d-battle"]["status"] == "rejected"
        matches = {(m["entity_id"], m["reference_number"]) for m in stored_lists.matches(store)}
        assert matches == {("local:pak-su-il", "KPi.951"), ("songak", "KPe.951")}
        assert "not designated at the time" in next(
            m["explanation"] for m in stored_lists.matches(store) if m["entity_id"] == "songak")


@pytest.mark.parametrize("target, verdict, field, value", [
    ("mention", "wrong", None, None),
    ("entity", "wrong", None, None),
    ("entity", "corrected", "name", "Pak Su Il (a chess coach)"),
])
def test_review_rejects_flag(tmp_path, target, verdict, field, value):
    doc = _doc("d-official", "Pak Su Il, a representative of Pinewood Mining, signed the deal.", "2019-09-01",
               [("local:pak-su-il", "person", "Pak Su Il", 0)])
    with Store(tmp_path / "t.db") as store:
        store.save_document(doc, "test")
        path = tmp_path / "list.xml"
        path.write_text(LIST_XML, encoding="utf-8")
        import_list(store, path)
        assert match_store(store) == 1
        key = "mention=0:9;entity=local:pak-su-il" if target == "mention" else "entity=local:pak-su-il"
        add_review(store, doc_id="d-official", target=target, target_key=key, verdict=verdict, field=field,
                   value=value, reviewer="analyst")
        assert match_store(store) == 0
        (flag,) = stored_lists.flags(store)
        assert flag["status"] == "rejected" and "an analyst" in flag["explanation"]
        assert stored_lists.matches(store) == []


@pytest.mark.parametrize("text, status", [
    ("The fair showed the updated SGT. The SGT has a dictionary.", "rejected"),  # capitals reused by a product
    ("The Songak Group Trading Corporation (SGT) shipped coal. SGT denied it.", "designated"),
])
def test_short_acronym_needs_the_name_in_the_document(tmp_path, text, status):
    xml = LIST_XML.replace("<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Songak</ALIAS_NAME></ENTITY_ALIAS>",
                           "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>SGT</ALIAS_NAME></ENTITY_ALIAS>"
                           "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Songak Group Trading</ALIAS_NAME>"
                           "</ENTITY_ALIAS>")
    nth = text.count("SGT") - 1
    doc = _doc("d-sgt", text, "2019-09-01", [("local:sgt", "org", "SGT", nth)])
    with Store(tmp_path / "t.db") as store:
        store.save_document(doc, "test")
        path = tmp_path / "list.xml"
        path.write_text(xml, encoding="utf-8")
        import_list(store, path)
        match_store(store)
        (flag,) = stored_lists.flags(store)
        assert flag["status"] == status and "acronym" in {r["check"] for r in json.loads(flag["reasons"])}

"""List formats users bring: OFAC SDN XML, EU FSF XML, UK OFSI XML, OpenSanctions/FollowTheMoney JSON.

The fixtures under tests/fixtures/lists/ are invented entries written in each format's structure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctionwatch.cli import main
from sanctionwatch.model import Document, Entity, Mention
from sanctionwatch.sanctions import UnknownListFormat, detect_format, import_list, load_list, match_store
from sanctionwatch.store import Store
from sanctionwatch.store import lists as stored_lists

FIXTURES = Path(__file__).parent / "fixtures" / "lists"


@pytest.mark.parametrize("name, fmt, list_id, dprk_entries", [
    ("ofac_sdn.xml", "ofac", "ofac-sdn", 3),
    ("eu_fsf.xml", "eu", "eu-fsf", 2),
    ("uk_conlist.xml", "uk", "uk-ofsi", 2),
    ("opensanctions.ftm.json", "ftm", "opensanctions", 3),
])
def test_detect_and_load(name, fmt, list_id, dprk_entries):
    path = FIXTURES / name
    assert detect_format(path) == fmt
    sl = load_list(path)
    assert sl.list_id == list_id
    assert sl.stats()["selected"] == dprk_entries  # only the DPRK programmes are matched by default
    assert sl.stats(None)["entries"] == dprk_entries + 1


@pytest.mark.parametrize("name, query, etype, ref, programme", [
    ("ofac_sdn.xml", "Ri Myong Su", "person", "90001", "DPRK3"),  # lastName first, as the list writes Korean names
    ("ofac_sdn.xml", "Lee Myung-soo", "person", "90001", "DPRK3"),  # the a.k.a.
    ("ofac_sdn.xml", "Pine River Trading Corp", "org", "90002", "DPRK2; NKSPEA"),
    ("ofac_sdn.xml", "PIRTCO", "org", "90002", "DPRK2; NKSPEA"),
    ("ofac_sdn.xml", "M/V Sea Pine 3", "vessel", "90003", "DPRK4"),
    ("ofac_sdn.xml", "IMO 7654321", "vessel", "90003", "DPRK4"),
    ("eu_fsf.xml", "Han Tae-ho", "person", "EU.7001.11", "PRK"),
    ("eu_fsf.xml", "Han Thae Ho", "person", "EU.7001.11", "PRK"),
    ("eu_fsf.xml", "EHB", "org", "EU.7002.22", "PRK"),
    ("uk_conlist.xml", "O Chol Min", "person", "DPR9001", "Democratic People's Republic of Korea"),
    ("uk_conlist.xml", "Oh Cheol-min", "person", "DPR9001", "Democratic People's Republic of Korea"),
    ("uk_conlist.xml", "the Morning Harvest", "vessel", "DPR9002", "Democratic People's Republic of Korea"),
    ("opensanctions.ftm.json", "Koh Sung-hee", "person", "os-person-ko1", "DPRK; Invented DPRK programme"),
    ("opensanctions.ftm.json", "Pinewood", "org", "os-company-pw", "NKSPEA"),  # trade name
    ("opensanctions.ftm.json", "IMO 9100091", "vessel", "os-vessel-gl", None),
])
def test_match_names_list_and_programme(name, query, etype, ref, programme):
    sl = load_list(FIXTURES / name)
    matches = sl.match(query, etype)
    assert matches and matches[0].reference_number == ref, f"{query!r}: {matches}"
    assert matches[0].list_id == sl.list_id and matches[0].programme == programme


@pytest.mark.parametrize("name, query, etype", [
    ("ofac_sdn.xml", "Juan Examplar", "person"),  # another programme
    ("ofac_sdn.xml", "Sea Pine", "vessel"),  # part of a vessel's name
    ("eu_fsf.xml", "Ivan Examplevich", "person"),
    ("uk_conlist.xml", "Example Holdings", "org"),
    ("opensanctions.ftm.json", "Maria Exemplo", "person"),
    ("opensanctions.ftm.json", "pinewood", "org"),  # a trade name must be written as a name
    ("opensanctions.ftm.json", "Pinewood", "person"),  # and be an organisation mention
])
def test_no_match_outside_dprk_or_unsafe(name, query, etype):
    assert load_list(FIXTURES / name).match(query, etype) == []


def test_entry_details_read_from_each_format():
    ofac = load_list(FIXTURES / "ofac_sdn.xml").entries["90001"]
    assert ofac.details["born"] == "03 Feb 1970" and ofac.details["nationality"] == "Korea, North"
    assert ofac.details["designation"].startswith("Trade representative")
    eu = load_list(FIXTURES / "eu_fsf.xml").entries["EU.7001.11"]
    assert (eu.listed_on, eu.details["born"]) == ("2016-06-01", "1966-09-30")
    uk = load_list(FIXTURES / "uk_conlist.xml").entries["DPR9001"]
    assert (uk.listed_on, uk.details["born"], uk.name) == ("2013-01-22", "1958-11-11", "O Chol Min")
    assert ("OH Cheol Min", "aka") in uk.aliases
    ftm = load_list(FIXTURES / "opensanctions.ftm.json").entries["os-person-ko1"]
    assert ftm.listed_on == "2019-02-14" and ftm.details["born"] == "1975-04-02"


def test_unknown_format(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text("<catalogue><book/></catalogue>", encoding="utf-8")
    with pytest.raises(UnknownListFormat):
        detect_format(path)


def test_flags_over_several_lists_name_list_and_programme(tmp_path):
    text = "Officials said Lee Myung-soo met the crew of the M/V Sea Pine 3 and staff of Pinewood in the port."
    doc = Document(doc_id="d1", text=text, input="d1.txt", published="2021-05-02")

    def ent(eid, etype, mention):
        start = text.index(mention)
        return Entity(eid, mention, etype, [Mention(start, start + len(mention), mention)])

    doc.entities = [ent("local:lee", "person", "Lee Myung-soo"), ent("local:sea-pine", "vessel", "M/V Sea Pine 3"),
                    ent("local:pinewood", "org", "Pinewood")]
    with Store(tmp_path / "t.db") as store:
        store.save_document(doc, "test")
        for name in ("ofac_sdn.xml", "opensanctions.ftm.json"):
            import_list(store, FIXTURES / name)
        assert match_store(store) == 3
        flags = stored_lists.flags(store)
        got = {(f["list_id"], f["programme"], f["entity_id"]) for f in flags}
        assert got == {("ofac-sdn", "DPRK3", "local:lee"), ("ofac-sdn", "DPRK4", "local:sea-pine"),
                       ("opensanctions", "NKSPEA", "local:pinewood")}
        for f in flags:
            assert text[f["start"]:f["end"]] == f["matched_text"] and f["doc_id"] == "d1"


def test_cli_import_detects_format(tmp_path):
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    for name, label in (("eu_fsf.xml", "eu"), ("uk_conlist.xml", "uk"), ("opensanctions.ftm.json", "ftm")):
        result = runner.invoke(main, ["lists", "import", str(FIXTURES / name), "--db", db])
        assert result.exit_code == 0, result.output
        assert f"format {label}" in result.output
    with Store(db) as store:
        assert stored_lists.list_ids(store) == ["eu-fsf", "opensanctions", "uk-ofsi"]


def test_cli_match_and_flags(tmp_path):
    db = str(tmp_path / "t.db")
    text = "The crew of the M/V Sea Pine 3 was detained."
    start = text.index("M/V")
    doc = Document(doc_id="d9", text=text, input="d9.txt", published="2021-05-02",
                   entities=[Entity("local:sea-pine", "M/V Sea Pine 3", "vessel",
                                    [Mention(start, start + 14, text[start:start + 14])])])
    with Store(db) as store:
        store.save_document(doc, "test")
    runner = CliRunner()
    assert runner.invoke(main, ["lists", "import", str(FIXTURES / "ofac_sdn.xml"), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["lists", "match", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert (row["list_id"], row["programme"], row["reference_number"]) == ("ofac-sdn", "DPRK4", "90003")
    result = runner.invoke(main, ["lists", "flags", "--db", db, "--format", "json", "--status", "designated"])
    (flag,) = json.loads(result.output)
    assert text[flag["start"]:flag["end"]] == flag["matched_text"] == "M/V Sea Pine 3" and flag["doc_id"] == "d9"
    table = runner.invoke(main, ["lists", "flags", "--db", db])
    assert table.exit_code == 0 and "90003" in table.output

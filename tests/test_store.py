"""Store: migrations, atomic per-document writes, round trips, search."""

from __future__ import annotations

import sqlite3

import pytest

from sanctionwatch.model import (
    Argument, Attribution, Document, Entity, Event, Fragment, IgnoredRegion, Mention, Quantity, Sentence, TimeValue,
)
from sanctionwatch.store import Store, StoreError, migrations

TEXT = "Seoul said the North sent 7,000 containers to Russia. Pyongyang denied it."


def sample(doc_id: str = "d1", text: str = TEXT) -> Document:
    f = lambda s, e: Fragment(s, e, text[s:e])  # noqa: E731
    doc = Document(doc_id=doc_id, text=text, input=f"{doc_id}.txt", title="Shipments", published="2024-03-05",
                   publisher="Wire", url="https://x.test", language="en", meta={"cite": "c"}, warnings=["w"])
    doc.ignored = [IgnoredRegion(0, 0, "", "none")][:0]
    doc.sentences = [Sentence(0, 53, text[0:53]), Sentence(54, 74, text[54:74])]
    doc.entities = [Entity("kor", "South Korea", "country", [Mention(0, 5, "Seoul", "GPE")], "Q884"),
                    Entity("prk", "North Korea", "country", [Mention(11, 20, text[11:20]), Mention(54, 63, "Pyongyang")])]
    doc.attributions = [Attribution([f(0, 5)], [f(6, 10)], [f(11, 52)], "allege", source_entity="kor"),
                        Attribution([f(54, 63)], [f(64, 70)], [f(71, 73)], "deny", source_entity="prk")]
    doc.events = [Event("arms_transfer", f(21, 25), [Argument("agent", 11, 20, text[11:20], "prk")],
                        Quantity(7000, "container", False), TimeValue("in March", None, None, "month", False),
                        "alleged", 0, f(0, 53))]
    return doc


def test_fresh_store_is_at_the_latest_schema(tmp_path):
    with Store(tmp_path / "s.db") as s:
        assert s.schema_version() == migrations()[-1][0]
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_round_trip_keeps_every_field(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.save_document(sample(), "v1")
    with Store(tmp_path / "s.db", readonly=True) as s:
        assert s.get_document("d1").to_dict() == sample().to_dict()
        assert s.has_document("d1") and s.has_document("d1", "v1") and not s.has_document("d1", "v2")


def test_saving_again_replaces_instead_of_duplicating(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.save_document(sample(), "v1")
        s.save_document(sample(), "v2")
        assert [s.count(t) for t in ("documents", "sentences", "mentions", "attributions", "events")] == [1, 2, 3, 2, 1]
        assert len(s.search("containers")) == 1  # FTS rows follow the replacement


def test_failed_write_leaves_the_previous_version_intact(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.save_document(sample(), "v1")
        broken = sample()
        broken.events[0].trigger = None  # fails half-way through the inserts
        with pytest.raises(AttributeError):
            s.save_document(broken, "v2")
        assert not s.conn.in_transaction
        assert s.get_document("d1").to_dict() == sample().to_dict()
        assert s.has_document("d1", "v1")


def test_search_snippets_and_bad_queries(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.save_document(sample(), "v1")
        [hit] = s.search("denied")
        assert hit["text"] == "Pyongyang denied it." and "⦃denied⦄" in hit["snippet"]
        assert TEXT[hit["start"]:hit["end"]] == hit["text"]
        with pytest.raises(StoreError, match="bad search query"):
            s.search('"unbalanced')


def test_readonly_refuses_a_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "absent.db", readonly=True)


def test_inputs_table_records_skips(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.record_input("bad.bin", "skipped", reason="binary file")
        s.record_input("bad.bin", "skipped", reason="binary file (again)")
        rows = s.conn.execute("SELECT input, status, reason FROM inputs").fetchall()
        assert [tuple(r) for r in rows] == [("bad.bin", "skipped", "binary file (again)")]


def test_an_old_store_is_migrated_forward(tmp_path):
    path = tmp_path / "old.db"
    version, _name, sql = migrations()[0]
    conn = sqlite3.connect(path)
    conn.executescript(sql + f";PRAGMA user_version = {version};")
    conn.close()
    with Store(path) as s:
        assert s.schema_version() == migrations()[-1][0]

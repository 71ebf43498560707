"""Store: migrations, atomic writes, round trips, search; on SQLite and on PostgreSQL (``store_target``)."""

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
    doc.attributions[0].affiliation, doc.attributions[0].channel = "kor", "yonhap"  # speaker's side, carrier
    doc.events[0].mentions = [f(21, 25)]  # event coreference: the triggers of every mention
    doc.events[0].reported = TimeValue("said", "2024-03-05", "2024-03-05", "day", True)  # the report's own date
    return doc


def test_fresh_store_is_at_the_latest_schema(store_target):
    with Store(store_target) as s:
        assert s.schema_version() == migrations()[-1][0] == migrations(s.dialect)[-1][0]
        if s.dialect == "sqlite":
            assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_round_trip_keeps_every_field(store_target):
    with Store(store_target) as s:
        s.save_document(sample(), "v1")
    with Store(store_target, readonly=True) as s:
        assert s.get_document("d1").to_dict() == sample().to_dict()
        assert s.has_document("d1") and s.has_document("d1", "v1") and not s.has_document("d1", "v2")


def test_saving_again_replaces_instead_of_duplicating(store_target):
    with Store(store_target) as s:
        s.save_document(sample(), "v1")
        s.save_document(sample(), "v2")
        assert [s.count(t) for t in ("documents", "sentences", "mentions", "attributions", "events")] == [1, 2, 3, 2, 1]
        assert len(s.search("containers")) == 1  # FTS rows follow the replacement


def test_failed_write_leaves_the_previous_version_intact(store_target):
    with Store(store_target) as s:
        s.save_document(sample(), "v1")
        broken = sample()
        broken.events[0].trigger = None  # fails half-way through the inserts
        with pytest.raises(AttributeError):
            s.save_document(broken, "v2")
        assert not s.conn.in_transaction
        assert s.get_document("d1").to_dict() == sample().to_dict()
        assert s.has_document("d1", "v1")


def test_search_snippets_and_bad_queries(store_target):
    with Store(store_target) as s:
        s.save_document(sample(), "v1")
        [hit] = s.search("denied")
        assert hit["text"] == "Pyongyang denied it." and "⦃denied⦄" in hit["snippet"]
        assert TEXT[hit["start"]:hit["end"]] == hit["text"]
        with pytest.raises(StoreError, match="bad search query"):
            s.search('"unbalanced')


def test_readonly_refuses_a_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "absent.db", readonly=True)


def test_readonly_store_refuses_writes(store_target):
    Store(store_target).close()
    with Store(store_target, readonly=True) as s, pytest.raises(Exception, match="(?i)read.?only"):
        s.save_document(sample(), "v1")
    with Store(store_target) as s:
        assert s.count("documents") == 0


def test_inputs_table_records_skips(store_target):
    with Store(store_target) as s:
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


def test_a_batch_is_saved_all_or_nothing(store_target):
    docs = [sample("a"), sample("b", TEXT.replace("7,000", "8,000")), sample("a")]
    with Store(store_target) as s:
        s.save_documents(docs, "v1")
        assert s.count("documents") == 2 and s.count("sentences") == 4  # "a" twice in one batch: stored once
        broken = sample("c")
        broken.events[0].trigger = None
        with pytest.raises(AttributeError):
            s.save_documents([sample("d"), broken], "v1")
        assert s.count("documents") == 2 and not s.has_document("d")


@pytest.mark.parametrize("query,hits", [
    ("containers", 1), ("Containers", 1), ("contain*", 1), ('"sent 7,000 containers"', 1),
    ("containers OR denied", 2), ("containers denied", 0), ("Seoul NOT denied", 1), ("(Seoul OR Pyongyang) AND denied", 1),
])
def test_search_syntax_means_the_same_on_both_backends(store_target, query, hits):
    with Store(store_target) as s:
        s.save_document(sample(), "v1")
        found = s.search(query)
        assert len(found) == hits
        for h in found:
            assert TEXT[h["start"]:h["end"]] == h["text"] and "⦃" in h["snippet"]


def test_both_backends_have_the_same_tables_and_columns(tmp_path, pg_url):
    def sqlite_columns(s):
        tables = [r[0] for r in s.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite%'")]
        return {t: [r[1] for r in s.conn.execute(f"PRAGMA table_info({t})")] for t in tables}

    def postgres_columns(s):
        rows = s.conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
            " AND table_name <> 'sanctionwatch_schema' AND column_name NOT IN ('rowid', 'tsv') ORDER BY ordinal_position")
        found: dict = {}
        for table, column in rows:
            found.setdefault(table, []).append(column)
        return found

    with Store(tmp_path / "s.db") as lite, Store(pg_url) as pg:
        assert sqlite_columns(lite) == postgres_columns(pg)
        assert lite.schema_version() == pg.schema_version()


def test_postgres_migrations_are_safe_when_many_processes_open_a_new_database(pg_url):
    from concurrent.futures import ThreadPoolExecutor

    def open_once(_):
        with Store(pg_url) as s:
            return s.schema_version()

    with ThreadPoolExecutor(4) as pool:
        assert set(pool.map(open_once, range(4))) == {migrations("postgresql")[-1][0]}


def test_a_bad_postgres_url_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        Store("postgresql://nobody@127.0.0.1:1/none")


@pytest.mark.parametrize("sql,expected", [
    ("SELECT start, end FROM t WHERE a = ?", 'SELECT start, "end" FROM t WHERE a = %s'),
    ("SELECT m.end, 'end ?' FROM t", "SELECT m.\"end\", 'end ?' FROM t"),
    ("SELECT 1 WHERE x LIKE ? ESCAPE '\\'", "SELECT 1 WHERE x ILIKE %s ESCAPE '\\'"),
    ("SELECT CASE WHEN a THEN 1 END FROM t WHERE b LIKE '%x' AND c = ?", "SELECT CASE WHEN a THEN 1 END FROM t WHERE b ILIKE '%%x' AND c = %s"),
    ("INSERT OR IGNORE INTO t(a) VALUES (?)", "INSERT INTO t(a) VALUES (%s) ON CONFLICT DO NOTHING"),
    ('SELECT "end" FROM t', 'SELECT "end" FROM t'),
])
def test_sql_is_translated_to_postgres(sql, expected):
    from sanctionwatch.store.postgres import translate

    assert translate(sql) == expected


def test_insert_or_replace_is_refused_rather_than_mistranslated():
    from sanctionwatch.store.postgres import translate

    with pytest.raises(ValueError, match="ON CONFLICT"):
        translate("INSERT OR REPLACE INTO t VALUES (?)")


def test_batch_writer_stores_the_good_documents_and_reports_the_one_the_store_refuses(store_target):
    from sanctionwatch.store import BatchWriter

    broken = sample("bad")
    broken.events[0].trigger = None  # cannot be turned into rows
    with Store(store_target) as s:
        with BatchWriter(s, "v1", size=10) as w:
            for doc in (sample("a"), broken, sample("b")):
                w.add(doc)
            w.record("gone.bin", "skipped", reason="binary file")
            assert s.count("documents") == 0  # nothing is written before the batch is full or closed
        assert s.count("documents") == 2 and w.written == 2
        assert [(d.doc_id, r.split(":")[0]) for d, r in w.failed] == [("bad", "store error")]
        statuses = dict(s.conn.execute("SELECT input, status FROM inputs").fetchall())
        assert statuses == {"a.txt": "stored", "b.txt": "stored", "bad.txt": "skipped", "gone.bin": "skipped"}


def test_batch_writer_flushes_by_size_and_on_ctrl_c(store_target):
    from sanctionwatch.store import BatchWriter

    with Store(store_target) as s:
        w = BatchWriter(s, "v1", size=2)
        w.add(sample("a"))
        assert s.count("documents") == 0
        w.add(sample("b"))
        assert s.count("documents") == 2
        with pytest.raises(KeyboardInterrupt), BatchWriter(s, "v1", size=100) as w2:
            w2.add(sample("c"))
            raise KeyboardInterrupt
        assert s.has_document("c")  # already extracted: written before the interrupt goes on
        with pytest.raises(RuntimeError), BatchWriter(s, "v1", size=100) as w3:
            w3.add(sample("d"))
            raise RuntimeError("a bug elsewhere")
        assert not s.has_document("d")  # redone by the next run


def test_a_nul_character_is_refused_by_postgres_alone_and_said_why(pg_url):
    from sanctionwatch.store import BatchWriter

    text = TEXT.replace("7,000", "7\x00000")
    with Store(pg_url) as s, BatchWriter(s, "v1") as w:
        w.add(sample("nul", text))
        w.add(sample("ok"))
    with Store(pg_url) as s:
        assert s.doc_ids() == ["ok"] and "NUL" in w.failed[0][1].upper()


@pytest.mark.parametrize("text,expected", [
    ("Séoul's ship-to-ship", ["seoul", "s", "ship", "to", "ship"]),
    ("7,000 tonnes; 7.5 Mt", ["7", "000", "tonnes", "7", "5", "mt"]),
    ("Kim’s snake_case 한국 E-mail", ["kim", "s", "snake", "case", "한국", "e", "mail"]),
])
def test_postgres_index_words_follow_fts5_unicode61(text, expected):
    from sanctionwatch.store.postgres import tsvector, words

    assert words(text) == expected
    vector = tsvector(text)
    assert all(f"'{w}':" in vector for w in expected)


def test_postgres_snippets_mark_whole_words_and_prefixes():
    from sanctionwatch.store.postgres import snippet

    assert snippet("Pyongyang denied it.", "denied") == "Pyongyang ⦃denied⦄ it."
    assert snippet("Coal and coalition ships", "coal*") == "⦃Coal⦄ and ⦃coalition⦄ ships"
    long = " ".join(f"w{i}" for i in range(100)) + " target " + " ".join(f"v{i}" for i in range(100))
    cut = snippet(long, "target")
    assert cut.startswith("…") and cut.endswith("…") and "⦃target⦄" in cut and len(cut.split()) == 24


def test_targets_name_a_backend_and_messages_hide_passwords(tmp_path):
    from sanctionwatch.store import describe, exists, is_url

    with Store(f"sqlite:///{tmp_path / 'u.db'}") as s:
        assert s.dialect == "sqlite"
    assert (tmp_path / "u.db").exists() and exists(f"sqlite:///{tmp_path / 'u.db'}") and not exists(tmp_path / "no.db")
    assert is_url("postgresql://a@h/db") and is_url("postgres://h/db") and not is_url("sw.db")
    assert describe("postgresql://ana:s3cret@db.example:5432/sw") == "postgresql://ana:***@db.example:5432/sw"
    assert describe("postgresql://ana@db.example/sw") == "postgresql://ana@db.example/sw"

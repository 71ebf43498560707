"""Store checks: a newer schema, a damaged or foreign file, a full disk, a read-only or locked store.

Each condition ends in the store's own error (one line, an exit code from
sanctionwatch.errors) instead of a driver traceback, and a document that could
not be written is left unprocessed so a re-run picks it up.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctionwatch.cli import main
from sanctionwatch.errors import (
    EXIT_STORE_UNAVAILABLE, EXIT_STORE_UNUSABLE, SchemaTooNew, StoreDamaged, StoreFull, StoreLocked, StoreReadOnly,
    StoreIOError, StoreUnreachable,
)
from sanctionwatch.model import Document, Sentence
from sanctionwatch.store import BatchWriter, Store, check_integrity, migrations
from sanctionwatch.store.faults import storage_error

LATEST = migrations()[-1][0]


def note(i: int, words: int = 40) -> Document:
    text = " ".join(f"harbour{i} crane{j} ledger" for j in range(words)) + "."
    return Document(doc_id=f"doc{i:04d}", text=text, input=f"in/{i}.txt", title=f"Note {i}", published="2022-01-01",
                    language="en", sentences=[Sentence(0, len(text), text)])


def filled_store(path: Path, n: int = 60) -> Path:
    with Store(path) as s:
        s.save_documents([note(i) for i in range(n)], "v1")
    return path


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args))


def one_error_line(result) -> str:
    assert "Traceback" not in result.output, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and lines[0].startswith("error:"), result.stderr
    return " ".join(lines)


# -- a store from a newer sanctionwatch -----------------------------------------

@pytest.mark.parametrize("readonly", [False, True])
def test_a_newer_schema_is_refused_naming_both_versions(tmp_path: Path, readonly: bool) -> None:
    db = filled_store(tmp_path / "future.db", 2)
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA user_version = 999")
    with pytest.raises(SchemaTooNew, match=f"schema version 999, newer than version {LATEST}"):
        Store(db, readonly=readonly)
    with sqlite3.connect(db) as raw:  # refused, so nothing was migrated or written
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 999


def test_a_newer_schema_is_refused_on_both_backends(store_target: str) -> None:
    with Store(store_target) as s:
        if s.dialect == "postgresql":
            s.conn.execute("INSERT INTO sanctionwatch_schema(version) VALUES (999)")
        else:
            s.conn.execute("PRAGMA user_version = 999")
    with pytest.raises(SchemaTooNew, match=f"999, newer than version {LATEST}"):
        Store(store_target)


@pytest.mark.parametrize("command", [["cases"], ["search", "harbour1"], ["lists", "match"], ["check"]])
def test_the_cli_refuses_a_newer_schema_in_one_line(tmp_path: Path, command: list[str]) -> None:
    db = filled_store(tmp_path / "future.db", 2)
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA user_version = 999")
    result = run_cli(*command, "--db", str(db))
    assert result.exit_code == EXIT_STORE_UNUSABLE, result.output
    assert "999" in result.stderr and str(LATEST) in result.stderr


# -- damaged and foreign files ------------------------------------------------------

def damage(path: Path, size: int = 8192) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + size] = os.urandom(min(size, len(data) - middle))
    path.write_bytes(bytes(data))


def checkpointed(path: Path) -> Path:
    """Fold the WAL into the main file, so damage to the file is damage to the data."""
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def test_random_bytes_in_the_middle_are_found_on_open_for_writing(tmp_path: Path) -> None:
    db = checkpointed(filled_store(tmp_path / "sw.db"))
    assert check_integrity(db).ok
    damage(db)
    with pytest.raises(StoreDamaged, match="sanctionwatch check"):
        Store(db)
    report = check_integrity(db)
    assert not report.ok and report.problems


def test_ingest_force_refuses_a_damaged_store_and_leaves_it_as_it_was(tmp_path: Path) -> None:
    db = checkpointed(filled_store(tmp_path / "sw.db"))
    damage(db)
    before = db.read_bytes()
    article = tmp_path / "a.txt"
    article.write_text("Customs officers in Nampho inspected a tanker on Tuesday.\n", encoding="utf-8")
    result = run_cli("ingest", str(article), "--db", str(db), "--force", "--no-progress")
    assert result.exit_code == EXIT_STORE_UNUSABLE, result.output
    assert "damaged" in one_error_line(result)
    assert db.read_bytes() == before


def test_check_command_reports_sound_and_damaged_stores(tmp_path: Path) -> None:
    db = checkpointed(filled_store(tmp_path / "sw.db"))
    sound = run_cli("check", "--db", str(db))
    assert sound.exit_code == 0 and "ok" in sound.stderr and f"schema version {LATEST}" in sound.stderr
    damage(db)
    damaged = run_cli("check", "--db", str(db))
    assert damaged.exit_code == EXIT_STORE_UNUSABLE and "problem:" in damaged.stderr


@pytest.mark.parametrize("content", [b"these are field notes, not a database\n" * 200,
                                     b"SQLite format 3\x00" + bytes(range(256)) * 32])
def test_a_file_that_is_not_a_store(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(content)
    with pytest.raises(StoreDamaged):
        Store(db)
    result = run_cli("cases", "--db", str(db))
    assert result.exit_code == EXIT_STORE_UNUSABLE
    assert "damaged or not a sanctionwatch database" in one_error_line(result)


def test_a_truncated_store(tmp_path: Path) -> None:
    db = checkpointed(filled_store(tmp_path / "sw.db"))
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    result = run_cli("search", "harbour1", "--db", str(db))
    assert result.exit_code == EXIT_STORE_UNUSABLE
    one_error_line(result)


# -- full, read-only, locked -----------------------------------------------------------

def test_disk_full_leaves_documents_unprocessed_for_the_next_run(tmp_path: Path) -> None:
    db = tmp_path / "sw.db"
    docs = [note(i, words=400) for i in range(40)]
    with Store(db) as s:
        pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
        s.conn.execute(f"PRAGMA max_page_count = {pages + 8}")  # the "disk" fills after a few documents
        with pytest.raises(StoreFull, match="disk is full"):
            with BatchWriter(s, "v1", size=4) as writer:
                for doc in docs:
                    writer.add(doc)
        stored = s.count("documents")
        assert stored < len(docs)
        skipped = s.conn.execute("SELECT count(*) FROM inputs WHERE status = 'skipped'").fetchone()[0]
        assert skipped == 0, "a document the full disk refused is not a skipped input"
    with Store(db) as s:  # space again: the re-run stores exactly the rest
        todo = [d for d in docs if not s.has_document(d.doc_id, "v1")]
        assert len(todo) == len(docs) - stored
        with BatchWriter(s, "v1") as writer:
            for doc in todo:
                writer.add(doc)
        assert s.count("documents") == len(docs)


def test_a_read_only_store_is_named_as_such(tmp_path: Path) -> None:
    db = filled_store(tmp_path / "sw.db", 1)
    with Store(db, readonly=True) as s, pytest.raises(sqlite3.Error) as caught:
        s.save_document(note(5), "v1")
    fault = storage_error(caught.value, str(db))
    assert isinstance(fault, StoreReadOnly) and fault.exit_code == EXIT_STORE_UNAVAILABLE
    assert str(db) in str(fault) and "\n" not in str(fault)


def test_a_locked_store_is_named_as_such(tmp_path: Path) -> None:
    db = filled_store(tmp_path / "sw.db", 1)
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")
    try:
        waiter = sqlite3.connect(db, timeout=0)
        with pytest.raises(sqlite3.OperationalError) as caught:
            waiter.execute("INSERT INTO inputs(input, status, seen_at) VALUES ('x', 'skipped', 'now')")
        waiter.close()
    finally:
        holder.rollback()
        holder.close()
    assert isinstance(storage_error(caught.value), StoreLocked)


@pytest.mark.parametrize("code, kind", [(13, StoreFull), (8, StoreReadOnly), (5, StoreLocked), (517, StoreLocked),
                                        (11, StoreDamaged), (26, StoreDamaged), (10, StoreIOError),
                                        (778, StoreIOError)])
def test_sqlite_failures_map_by_result_code(code: int, kind: type) -> None:
    exc = sqlite3.OperationalError("the driver's words")
    exc.sqlite_errorcode = code  # extended codes (517 = BUSY_SNAPSHOT, 778 = IOERR_WRITE) by their low byte
    assert type(storage_error(exc)) is kind


class ServerError(Exception):
    """Stands in for a psycopg error: what the mapping reads is its SQLSTATE."""

    def __init__(self, message: str, sqlstate: str):
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize("sqlstate, kind", [
    ("53100", StoreFull), ("25006", StoreReadOnly), ("55P03", StoreLocked), ("XX001", StoreDamaged),
    ("57P01", StoreUnreachable), ("08006", StoreUnreachable),
])
def test_postgres_failures_map_by_sqlstate(sqlstate: str, kind: type) -> None:
    fault = storage_error(ServerError("could not write block\nDETAIL: more", sqlstate), "postgresql://sw@db/x")
    assert type(fault) is kind and "\n" not in str(fault) and "postgresql://sw@db/x" in str(fault)


@pytest.mark.parametrize("exc", [
    ServerError("duplicate key value violates unique constraint", "23505"),
    sqlite3.IntegrityError("UNIQUE constraint failed: documents.doc_id"),
    ValueError("a bug"),
])
def test_errors_that_are_not_about_the_storage_are_left_alone(exc: Exception) -> None:
    assert storage_error(exc) is None

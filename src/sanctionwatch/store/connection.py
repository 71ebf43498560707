"""The database under the store: opening, checking, migrating, transactions.

``Database(target)`` takes a file path (or ``sqlite:///path``) for SQLite, or a
``postgresql://`` URL for PostgreSQL (see :mod:`.postgres`).  SQLite: one file,
WAL journal, foreign keys on, schema migrations tracked in ``PRAGMA
user_version``; PostgreSQL: a ``sanctionwatch_schema`` table.

Opening refuses a store written by a newer sanctionwatch (its schema version
is higher than the last migration packaged here), and a SQLite store opened
for writing passes ``PRAGMA quick_check`` first, so a damaged file is reported
before anything is written into it.  :func:`check_integrity` runs the full
``integrity_check`` for ``sanctionwatch check``.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..errors import SchemaTooNew, StoreDamaged, StoreError
from . import postgres
from .faults import storage_error

_MIGRATION_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")
# Store files this process has quick-checked, as (path, size, mtime): the web's pool opens several
# connections to one store, and the check reads the whole file (about 0.2 s for 33 MB on a 2-core
# machine); a file changed since (written, or damaged) is checked again.
_CHECKED: set[tuple[str, int, int]] = set()


def _file_key(path: str) -> tuple[str, int, int]:
    resolved = Path(path).resolve()
    st = resolved.stat()
    return str(resolved), st.st_size, st.st_mtime_ns
_TABLE_NAME = re.compile(r"[a-z_]+")


def migrations(dialect: str = "sqlite") -> list[tuple[int, str, str]]:
    """(version, name, sql) for every packaged migration of ``dialect``, in order."""
    folder = resources.files("sanctionwatch.store.migrations")
    if dialect == "postgresql":
        folder = folder.joinpath("postgresql")
    found = []
    for entry in folder.iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest_version(dialect: str = "sqlite") -> int:
    return migrations(dialect)[-1][0]


def is_url(target: str | Path) -> bool:
    return postgres.is_url(str(target))


def describe(target: str | Path) -> str:
    """The target for messages, without any password."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", str(target))


def exists(target: str | Path) -> bool:
    """Whether a store is there to open read-only (a server URL is assumed to exist)."""
    target = str(target)
    return is_url(target) or target == ":memory:" or Path(sqlite_path(target)).exists()


def sqlite_path(target: str) -> str:
    return target[len("sqlite:///"):] if target.startswith("sqlite:///") else target


def _connect_sqlite(path: str, readonly: bool) -> sqlite3.Connection:
    if readonly:
        if path != ":memory:" and not Path(path).exists():
            raise StoreError(f"no database at {path}")
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False)
    else:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


class Database:
    """An open connection with the schema checked and migrated.  Use as a context manager or call close()."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        self.dialect = "postgresql" if is_url(self.path) else "sqlite"
        try:
            if self.dialect == "postgresql":
                self.conn: Any = postgres.connect(self.path, readonly=readonly)
            else:
                self.conn = _connect_sqlite(sqlite_path(self.path), readonly)
        except (sqlite3.Error, OSError) as exc:
            raise storage_error(exc, describe(self.path)) or StoreError(
                f"cannot open {describe(self.path)}: {exc}") from exc
        try:
            self._check_on_open(readonly)
        except BaseException:
            self.close()
            raise

    def _check_on_open(self, readonly: bool) -> None:
        try:
            version = self.schema_version()
            latest = latest_version(self.dialect)
            if version > latest:
                raise SchemaTooNew(f"{describe(self.path)} has schema version {version}, newer than version {latest}"
                                   " of this sanctionwatch: upgrade sanctionwatch to use it")
            if not readonly:
                self.quick_check()
                self.migrate()
            elif version < latest:
                raise StoreError(f"{describe(self.path)} has schema {version}; open it once read-write to migrate")
        except sqlite3.Error as exc:
            raise storage_error(exc, describe(self.path)) or StoreError(f"{describe(self.path)}: {exc}") from exc

    def quick_check(self) -> None:
        """Raise StoreDamaged unless SQLite's quick_check passes (PostgreSQL checks its own pages).

        Once per state of the file and process: a file unchanged since it was found sound is not read again."""
        path = sqlite_path(self.path)
        if self.dialect != "sqlite" or path == ":memory:":
            return
        key = _file_key(path)
        if key in _CHECKED:
            return
        problems = [r[0] for r in self.conn.execute("PRAGMA quick_check")]
        if problems == ["ok"]:
            _CHECKED.add(key)
        else:
            raise StoreDamaged(f"{describe(self.path)} is damaged ({problems[0]}): run `sanctionwatch check --db"
                               f" {describe(self.path)}`, then restore it from a backup or re-create it")

    # -- lifecycle ---------------------------------------------------------
    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def schema_version(self) -> int:
        if self.dialect == "postgresql":
            return postgres.schema_version(self.conn)
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> int:
        current = self.schema_version()
        for version, name, sql in migrations(self.dialect):
            if version <= current:
                continue
            try:
                if self.dialect == "postgresql":
                    postgres.apply_migration(self.conn, version, sql)
                else:
                    # executescript() commits any open transaction first, so the
                    # migration carries its own BEGIN/COMMIT to stay all-or-nothing.
                    self.conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\n;PRAGMA user_version = {version};\nCOMMIT;")
            except Exception as exc:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise storage_error(exc, describe(self.path)) or StoreError(
                    f"migration {name} failed: {exc}") from exc
            current = version
        return current

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """All-or-nothing block (nested use joins the outer transaction)."""
        if self.dialect == "postgresql":
            with self.conn.transaction() as c:
                yield c
            return
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    def bulk_insert(self, c: Any, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        """Insert ``rows`` inside the transaction ``c``: one COPY (PostgreSQL) or one prepared statement (SQLite)."""
        if not rows:
            return
        if self.dialect == "postgresql":
            c.copy_rows(table, columns, rows)
            return
        cols = ", ".join(f'"{col}"' for col in columns)
        c.executemany(f"INSERT INTO {table}({cols}) VALUES ({','.join('?' * len(columns))})", rows)

    # -- the schema --------------------------------------------------------
    def count(self, table: str) -> int:
        if not _TABLE_NAME.fullmatch(table):
            raise ValueError(table)
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def table_exists(self, name: str) -> bool:
        if self.dialect == "postgresql":
            return self.conn.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0]
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None

    def columns(self, table: str) -> list[str]:
        """The table's columns in order (PostgreSQL's explicit rowid and tsv left out, as SQLite hides them)."""
        if self.dialect == "postgresql":
            rows = self.conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = ? AND column_name NOT IN ('rowid', 'tsv') ORDER BY ordinal_position", (table,))
            return [r[0] for r in rows]
        if not _TABLE_NAME.fullmatch(table):
            raise ValueError(table)
        return [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]


@dataclass
class IntegrityReport:
    """What ``sanctionwatch check`` found: the schema versions and every problem (empty when sound)."""

    target: str
    schema_version: int | None
    supported_version: int
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_integrity(target: str | Path, max_problems: int = 100) -> IntegrityReport:
    """Run the full integrity check on a store without changing it (SQLite: ``PRAGMA integrity_check``;
    PostgreSQL: the schema version and a read of every table, as the server guards its own pages)."""
    target = str(target)
    dialect = "postgresql" if is_url(target) else "sqlite"
    report = IntegrityReport(describe(target), None, latest_version(dialect))
    try:
        if dialect == "postgresql":
            conn: Any = postgres.connect(target, readonly=True)
        else:
            conn = _connect_sqlite(sqlite_path(target), readonly=True)
    except (sqlite3.Error, OSError) as exc:
        report.problems.append(f"cannot open: {exc}")
        return report
    try:
        if dialect == "postgresql":
            report.schema_version = postgres.schema_version(conn)
            for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").fetchall():
                conn.execute(f'SELECT count(*) FROM "{r[0]}"').fetchone()
        else:
            report.schema_version = conn.execute("PRAGMA user_version").fetchone()[0]
            found = [r[0] for r in conn.execute(f"PRAGMA integrity_check({int(max_problems)})")]
            report.problems += [p for p in found if p != "ok"]
    except Exception as exc:  # noqa: BLE001 - any failure to read is a finding of the check
        report.problems.append(f"{type(exc).__name__}: {exc}")
    finally:
        conn.close()
    if report.schema_version is not None and report.schema_version > report.supported_version:
        report.problems.append(f"schema version {report.schema_version} is newer than version"
                               f" {report.supported_version} of this sanctionwatch")
    return report

"""Driver errors (sqlite3, psycopg) turned into the store's own errors, one line each.

A raw ``sqlite3.DatabaseError: database disk image is malformed`` tells an
operator little and ends in a traceback; :func:`storage_error` names what
happened to the store and what to do, and its class says the exit code
(see :mod:`sanctionwatch.errors`).  Errors that are not about the storage
itself (a constraint, a bad statement) are left as they are: they are bugs
or per-document problems, not the store's state.
"""

from __future__ import annotations

import sqlite3

from ..errors import StoreDamaged, StoreError, StoreFull, StoreIOError, StoreLocked, StoreReadOnly, StoreUnreachable

# SQLite primary result codes (sqlite3.h); the extended code's low byte is the primary one.
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 11, 13, 26

# PostgreSQL SQLSTATEs for the same conditions.
_PG_FULL = {"53100"}  # disk_full
_PG_READONLY = {"25006"}  # read_only_sql_transaction
_PG_LOCKED = {"55P03", "40P01"}  # lock_not_available, deadlock_detected
_PG_DAMAGED = {"XX001", "XX002"}  # data_corrupted, index_corrupted
_PG_UNREACHABLE = {"08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03"}  # connection, shutdown


def _sqlite_kind(exc: sqlite3.Error) -> type[StoreError] | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return {
            _SQLITE_FULL: StoreFull, _SQLITE_READONLY: StoreReadOnly, _SQLITE_BUSY: StoreLocked,
            _SQLITE_LOCKED: StoreLocked, _SQLITE_CORRUPT: StoreDamaged, _SQLITE_NOTADB: StoreDamaged,
            _SQLITE_IOERR: StoreIOError,
        }.get(code & 0xFF)
    # Errors raised by the sqlite3 module itself carry no code: read the message.
    text = str(exc).lower()
    for needle, kind in (("disk is full", StoreFull), ("disk i/o error", StoreIOError), ("readonly", StoreReadOnly), ("read-only", StoreReadOnly),
                         ("locked", StoreLocked), ("malformed", StoreDamaged), ("not a database", StoreDamaged)):
        if needle in text:
            return kind
    return None


def _pg_kind(exc: BaseException) -> type[StoreError] | None:
    state = getattr(exc, "sqlstate", None)
    for states, kind in ((_PG_FULL, StoreFull), (_PG_READONLY, StoreReadOnly), (_PG_LOCKED, StoreLocked),
                         (_PG_DAMAGED, StoreDamaged), (_PG_UNREACHABLE, StoreUnreachable)):
        if state in states:
            return kind
    return None


_ADVICE = {
    StoreFull: "the disk is full: free space and run the command again (documents not written are redone)",
    StoreReadOnly: "the store cannot be written (read-only file, directory or server): fix its permissions",
    StoreLocked: "another process holds the store's lock: wait for it to finish and run the command again",
    StoreIOError: "the operating system could not read or write the store's files (disk or network share):"
                  " check the device and run the command again",
    StoreUnreachable: "the database server cannot be reached or shut down: run the command again when it is back"
                      " (documents not written are redone)",
    StoreDamaged: "the store is damaged or not a sanctionwatch database: run `sanctionwatch check --db` on it,"
                  " then restore it from a backup or re-create it",
}


def storage_error(exc: BaseException, target: str = "the store") -> StoreError | None:
    """The store error ``exc`` means, or None when it is not about the storage itself."""
    if isinstance(exc, StoreError):
        return exc
    kind = _sqlite_kind(exc) if isinstance(exc, sqlite3.Error) else _pg_kind(exc)
    if kind is None:
        return None
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return kind(f"{target}: {_ADVICE[kind]} ({detail})")

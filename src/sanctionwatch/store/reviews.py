"""Analysts' reviews in the store (the rules for what may be reviewed are in :mod:`sanctionwatch.reviews`)."""

from __future__ import annotations

from typing import Any

from .connection import Database
from .filters import Where

REVIEW_COLUMNS = ("doc_id", "target", "target_key", "verdict", "field", "value", "note", "reviewer", "created_at")


def insert_review(db: Database, values: tuple[Any, ...]) -> int:
    """Store one review (values in REVIEW_COLUMNS order); returns its id."""
    with db.transaction() as c:
        cur = c.execute(f"INSERT INTO reviews({', '.join(REVIEW_COLUMNS)}) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
                        values)
        return cur.fetchone()[0]


def _where(doc_id: str | None, target: str | None) -> Where:
    w = Where()
    if doc_id is not None:
        w.add("doc_id = ?", doc_id)
    if target is not None:
        w.add("target = ?", target)
    return w


def select_reviews(db: Database, doc_id: str | None = None, *, target: str | None = None,
                   limit: int | None = None, offset: int = 0) -> list[Any]:
    """Review rows (id and REVIEW_COLUMNS), oldest first."""
    w = _where(doc_id, target)
    sql, args = f"SELECT * FROM reviews{w.sql()} ORDER BY id", list(w.args)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    return db.conn.execute(sql, args).fetchall()


def count_reviews(db: Database, doc_id: str | None = None, *, target: str | None = None) -> int:
    w = _where(doc_id, target)
    return db.conn.execute(f"SELECT count(*) FROM reviews{w.sql()}", w.args).fetchone()[0]

"""Analysts' reviews in the store (the rules for what may be reviewed are in :mod:`sanctionwatch.reviews`)."""

from __future__ import annotations

from typing import Any

from .connection import Database

REVIEW_COLUMNS = ("doc_id", "target", "target_key", "verdict", "field", "value", "note", "reviewer", "created_at")


def insert_review(db: Database, values: tuple[Any, ...]) -> int:
    """Store one review (values in REVIEW_COLUMNS order); returns its id."""
    with db.transaction() as c:
        cur = c.execute(f"INSERT INTO reviews({', '.join(REVIEW_COLUMNS)}) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
                        values)
        return cur.fetchone()[0]


def _where(doc_id: str | None, target: str | None) -> tuple[str, list[Any]]:
    conds, args = [], []
    if doc_id is not None:
        conds.append("doc_id = ?")
        args.append(doc_id)
    if target is not None:
        conds.append("target = ?")
        args.append(target)
    return (" WHERE " + " AND ".join(conds) if conds else ""), args


def select_reviews(db: Database, doc_id: str | None = None, *, target: str | None = None,
                   limit: int | None = None, offset: int = 0) -> list[Any]:
    """Review rows (id and REVIEW_COLUMNS), oldest first."""
    where, args = _where(doc_id, target)
    sql = f"SELECT * FROM reviews{where} ORDER BY id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    return db.conn.execute(sql, args).fetchall()


def count_reviews(db: Database, doc_id: str | None = None, *, target: str | None = None) -> int:
    where, args = _where(doc_id, target)
    return db.conn.execute(f"SELECT count(*) FROM reviews{where}", args).fetchone()[0]

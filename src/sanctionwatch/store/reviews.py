"""Analysts' reviews in the store (the rules for what may be reviewed are in :mod:`sanctionwatch.reviews`)."""

from __future__ import annotations

from typing import Any, Sequence

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


def verdict_rows(db: Database, doc_ids: Sequence[str] | None = None) -> list[tuple[str, str, str, str, str | None,
                                                                                 str | None]]:
    """(doc_id, target, target_key, verdict, field, value) of the extraction reviews (not case reviews), oldest
    first, of every document or of ``doc_ids``."""
    sql = "SELECT id, doc_id, target, target_key, verdict, field, value FROM reviews WHERE target <> 'case'"
    if doc_ids is None:
        rows: list[Any] = db.conn.execute(sql + " ORDER BY id").fetchall()
    else:
        ids = sorted(set(doc_ids))
        rows = []
        for i in range(0, len(ids), 500):  # bounded IN lists
            chunk = ids[i:i + 500]
            rows += db.conn.execute(f"{sql} AND doc_id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        rows.sort(key=lambda r: r["id"])
    return [(r["doc_id"], r["target"], r["target_key"], r["verdict"], r["field"], r["value"]) for r in rows]

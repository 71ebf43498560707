"""Sanctions lists in the store: the imported copy of a list and the matches of stored entities.

Rows go in and out as plain tuples and dicts; building :class:`SanctionsList`
objects from them is :mod:`sanctionwatch.sanctions_list`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from .connection import Database


@dataclass
class StoredList:
    """One list as stored: its head, entries (rows of list_entries) and names/identifiers in insertion order."""

    name: str
    date_generated: str | None
    entries: list[dict[str, Any]] = field(default_factory=list)
    aliases: list[tuple[str, str, str]] = field(default_factory=list)  # (reference_number, alias, quality)
    identifiers: list[tuple[str, str, str]] = field(default_factory=list)  # (reference_number, scheme, value)


def replace_list(db: Database, head: tuple[str, str, str | None, str, str, str], entries: Sequence[tuple],
                 aliases: Sequence[tuple], identifiers: Sequence[tuple]) -> None:
    """Replace the stored copy of a list in one transaction.

    ``head`` is (list_id, name, date_generated, source, sha256, imported_at); ``entries`` rows are
    (list_id, reference_number, kind, regime, name, listed_on, dataid, json); ``aliases`` rows
    (list_id, reference_number, alias, quality); ``identifiers`` rows (list_id, reference_number, scheme, value).
    """
    with db.transaction() as c:
        c.execute("DELETE FROM sanctions_lists WHERE list_id = ?", (head[0],))
        c.execute("INSERT INTO sanctions_lists(list_id, name, date_generated, source, sha256, imported_at)"
                  " VALUES (?,?,?,?,?,?)", head)
        c.executemany("INSERT INTO list_entries(list_id, reference_number, kind, regime, name, listed_on, dataid, json)"
                      " VALUES (?,?,?,?,?,?,?,?)", entries)
        c.executemany("INSERT INTO list_aliases(list_id, reference_number, alias, quality) VALUES (?,?,?,?)", aliases)
        c.executemany("INSERT INTO list_identifiers(list_id, reference_number, scheme, value) VALUES (?,?,?,?)",
                      identifiers)


def read_list(db: Database, list_id: str) -> StoredList | None:
    c = db.conn
    head = c.execute("SELECT name, date_generated FROM sanctions_lists WHERE list_id = ?", (list_id,)).fetchone()
    if head is None:
        return None
    return StoredList(
        head["name"], head["date_generated"],
        [dict(r) for r in c.execute("SELECT * FROM list_entries WHERE list_id = ? ORDER BY reference_number",
                                    (list_id,))],
        [tuple(r) for r in c.execute("SELECT reference_number, alias, quality FROM list_aliases WHERE list_id = ?"
                                     " ORDER BY rowid", (list_id,))],
        [tuple(r) for r in c.execute("SELECT reference_number, scheme, value FROM list_identifiers"
                                     " WHERE list_id = ? ORDER BY rowid", (list_id,))],
    )


def entity_names(db: Database) -> list[tuple[str, str, str | None]]:
    """(entity_id, name, type) of every stored entity name."""
    return [(r["entity_id"], r["name"], r["type"]) for r in db.conn.execute(
        "SELECT entity_id, name, type, min(doc_id) AS doc_id FROM entities GROUP BY entity_id, name, type")]


def mention_texts(db: Database) -> list[tuple[str, str | None, str, int, int, str]]:
    """(entity_id, type, doc_id, start, end, text) of every stored mention, by document and offset."""
    return [(r["entity_id"], r["type"], r["doc_id"], r["start"], r["end"], r["text"]) for r in db.conn.execute(
        "SELECT m.entity_id, e.type, m.doc_id, m.start, m.end, substr(d.text, m.start + 1, m.end - m.start) AS text"
        " FROM mentions m JOIN entities e ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id"
        " JOIN documents d ON d.doc_id = m.doc_id ORDER BY m.doc_id, m.start")]


def replace_matches(db: Database, list_id: str, rows: Sequence[tuple]) -> None:
    """Replace the matches against one list; rows are (list_id, reference_number, entity_id, matched_text,
    doc_id, start, end, score, method, explanation)."""
    with db.transaction() as c:
        c.execute("DELETE FROM list_matches WHERE list_id = ?", (list_id,))
        c.executemany("INSERT INTO list_matches(list_id, reference_number, entity_id, matched_text, doc_id, start,"
                      " end, score, method, explanation) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)


def matches(db: Database, min_score: float = 0.0) -> list[dict[str, Any]]:
    """Stored matches scoring at least ``min_score``, best first (for `lists match`)."""
    return [dict(r) for r in db.conn.execute(
        "SELECT entity_id, matched_text, reference_number, score, method, explanation FROM list_matches"
        " WHERE score >= ? ORDER BY score DESC, entity_id, reference_number", (min_score,))]


def actor_matches(db: Database, actor_id: str) -> list[dict[str, Any]] | None:
    """Sanctions-list matches of an actor; None when no list has been imported into this store."""
    if not db.table_exists("list_matches"):
        return None
    rows = db.conn.execute(
        "SELECT m.list_id, m.reference_number, m.matched_text, m.doc_id, m.start, m.end, m.score, m.method,"
        " m.explanation, e.name AS listed_name, e.kind, e.regime, e.listed_on FROM list_matches m"
        " LEFT JOIN list_entries e ON e.list_id = m.list_id AND e.reference_number = m.reference_number"
        " WHERE m.entity_id = ? ORDER BY m.score DESC", (actor_id,)).fetchall()
    return [dict(r) for r in rows]

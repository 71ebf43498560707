"""Sanctions lists in the store: the imported copy of a list and the matches of stored entities.

Rows go in and out as plain tuples and dicts; building :class:`SanctionsList`
objects from them, and the matching, is :mod:`sanctionwatch.sanctions`' job.
Flags (``list_flags``) are one row per matched mention, with the document, the
mention's offsets, its status and its reasons; ``list_matches`` keeps per
entity the best flag that was not rejected (what cases and actor pages show).
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
    (list_id, reference_number, kind, regime, name, listed_on, dataid, json, programme); ``aliases`` rows
    (list_id, reference_number, alias, quality); ``identifiers`` rows (list_id, reference_number, scheme, value).
    """
    with db.transaction() as c:
        c.execute("DELETE FROM sanctions_lists WHERE list_id = ?", (head[0],))
        c.execute("INSERT INTO sanctions_lists(list_id, name, date_generated, source, sha256, imported_at)"
                  " VALUES (?,?,?,?,?,?)", head)
        c.executemany("INSERT INTO list_entries(list_id, reference_number, kind, regime, name, listed_on, dataid, json,"
                      " programme) VALUES (?,?,?,?,?,?,?,?,?)", entries)
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


def list_ids(db: Database) -> list[str]:
    """Every imported list, by id."""
    if not db.table_exists("sanctions_lists"):
        return []
    return [r["list_id"] for r in db.conn.execute("SELECT list_id FROM sanctions_lists ORDER BY list_id")]


def _chunks(ids: Sequence[str], size: int = 500) -> list[list[str]]:
    """Bounded IN lists."""
    ids = sorted(set(ids))
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def _marks(chunk: Sequence[Any]) -> str:
    return ",".join("?" * len(chunk))


def list_stamps(db: Database) -> dict[str, tuple[str, str]]:
    """list_id -> (sha256, imported_at) of every imported list: what identifies one import of it."""
    if not db.table_exists("sanctions_lists"):
        return {}
    return {r["list_id"]: (r["sha256"], r["imported_at"])
            for r in db.conn.execute("SELECT list_id, sha256, imported_at FROM sanctions_lists")}


def mention_rows(db: Database, doc_ids: Sequence[str] | None = None
                 ) -> list[tuple[str, str | None, str, str, int, int, str, str | None]]:
    """(entity_id, type, entity name, doc_id, start, end, mention text, published) of every stored mention,
    or of the mentions in ``doc_ids``."""
    sql = ("SELECT m.entity_id, e.type, e.name, m.doc_id, m.start, m.end, d.published,"
           " substr(d.text, m.start + 1, m.end - m.start) AS text"
           " FROM mentions m JOIN entities e ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id"
           " JOIN documents d ON d.doc_id = m.doc_id")
    if doc_ids is None:
        rows: list[Any] = db.conn.execute(sql + " ORDER BY m.doc_id, m.start").fetchall()
    else:
        rows = [r for chunk in _chunks(doc_ids) for r in db.conn.execute(
            f"{sql} WHERE m.doc_id IN ({_marks(chunk)}) ORDER BY m.doc_id, m.start", chunk)]
    return [(r["entity_id"], r["type"], r["name"], r["doc_id"], r["start"], r["end"], r["text"], r["published"])
            for r in rows]


def mention_window(db: Database, doc_id: str, start: int, end: int, width: int) -> tuple[str, int]:
    """The text around one mention, up to ``width`` characters each side, and where the window begins."""
    begin = max(0, start - width)
    row = db.conn.execute("SELECT substr(text, ?, ?) AS snippet FROM documents WHERE doc_id = ?",
                          (begin + 1, end - begin + width, doc_id)).fetchone()
    return (row["snippet"] if row else ""), begin


def document_text(db: Database, doc_id: str) -> str:
    row = db.conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    return row["text"] if row else ""


def event_rows(db: Database, doc_ids: Sequence[str]) -> list[tuple[str, str | None, str]]:
    """(doc_id, time_start, json) of the dated events of these documents."""
    out: list[tuple[str, str | None, str]] = []
    ids = sorted(set(doc_ids))
    for i in range(0, len(ids), 500):  # bounded IN lists
        chunk = ids[i:i + 500]
        out.extend((r["doc_id"], r["time_start"], r["json"]) for r in db.conn.execute(
            f"SELECT doc_id, time_start, json FROM events WHERE time_start IS NOT NULL"
            f" AND doc_id IN ({','.join('?' * len(chunk))})", chunk))
    return out


def entity_reviews(db: Database, doc_ids: Sequence[str] | None = None
                   ) -> list[tuple[str, str, str, str, str | None, str | None]]:
    """(doc_id, target, target_key, verdict, field, value) of the reviews of mentions and entities (of every
    document, or of ``doc_ids``), oldest first."""
    sql = "SELECT id, doc_id, target, target_key, verdict, field, value FROM reviews WHERE target IN ('mention', 'entity')"
    if doc_ids is None:
        rows: list[Any] = db.conn.execute(sql + " ORDER BY id").fetchall()
    else:
        rows = sorted((r for chunk in _chunks(doc_ids) for r in db.conn.execute(
            f"{sql} AND doc_id IN ({_marks(chunk)})", chunk)), key=lambda r: r["id"])
    return [(r["doc_id"], r["target"], r["target_key"], r["verdict"], r["field"], r["value"]) for r in rows]


def replace_flags(db: Database, lists: Sequence[str], flags: Sequence[tuple], matches: Sequence[tuple]) -> None:
    """Replace the flags and matches of these lists in one transaction.

    ``flags`` rows are (list_id, reference_number, entity_id, doc_id, start, end, matched_text, score, method,
    status, event_date, reasons_json, explanation); ``matches`` rows are (list_id, reference_number, entity_id,
    matched_text, doc_id, start, end, score, method, explanation).
    """
    with db.transaction() as c:
        for list_id in lists:
            c.execute("DELETE FROM list_flags WHERE list_id = ?", (list_id,))
            c.execute("DELETE FROM list_matches WHERE list_id = ?", (list_id,))
        c.executemany("INSERT INTO list_flags(list_id, reference_number, entity_id, doc_id, start, end, matched_text,"
                      " score, method, status, event_date, reasons, explanation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      flags)
        c.executemany("INSERT INTO list_matches(list_id, reference_number, entity_id, matched_text, doc_id, start,"
                      " end, score, method, explanation) VALUES (?,?,?,?,?,?,?,?,?,?)", matches)


def replace_document_flags(db: Database, lists: Sequence[str], doc_ids: Sequence[str], flags: Sequence[tuple]) -> int:
    """Replace the flags of these lists in these documents only, then recompute, from every stored flag, the
    ``list_matches`` of the entities whose flags changed (per list entry and entity the best flag not
    rejected); one transaction.  ``flags`` rows as in :func:`replace_flags`.  Returns the number of
    ``list_matches`` rows of those entities."""
    with db.transaction() as c:
        touched = {f[2] for f in flags}
        for list_id in lists:
            for chunk in _chunks(doc_ids):
                params = (list_id, *chunk)
                touched |= {r[0] for r in c.execute(
                    f"SELECT DISTINCT entity_id FROM list_flags WHERE list_id = ? AND doc_id IN ({_marks(chunk)})",
                    params)}
                c.execute(f"DELETE FROM list_flags WHERE list_id = ? AND doc_id IN ({_marks(chunk)})", params)
        c.executemany("INSERT INTO list_flags(list_id, reference_number, entity_id, doc_id, start, end, matched_text,"
                      " score, method, status, event_date, reasons, explanation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      flags)
        best: dict[tuple[str, str, str], tuple] = {}
        for list_id in lists:
            for chunk in _chunks(sorted(touched)):
                params = (list_id, *chunk)
                c.execute(f"DELETE FROM list_matches WHERE list_id = ? AND entity_id IN ({_marks(chunk)})", params)
                # The order of a full match: the first flag by document and offsets among the best scores.
                for r in c.execute(
                        "SELECT list_id, reference_number, entity_id, matched_text, doc_id, start, end, score, method,"
                        " explanation FROM list_flags WHERE status <> 'rejected' AND list_id = ?"
                        f" AND entity_id IN ({_marks(chunk)}) ORDER BY score DESC, doc_id, start, end", params):
                    best.setdefault((r[0], r[1], r[2]), tuple(r))
        c.executemany("INSERT INTO list_matches(list_id, reference_number, entity_id, matched_text, doc_id, start,"
                      " end, score, method, explanation) VALUES (?,?,?,?,?,?,?,?,?,?)", [best[k] for k in sorted(best)])
    return len(best)


def replace_matches(db: Database, list_id: str, rows: Sequence[tuple]) -> None:
    """Replace the matches against one list; rows are (list_id, reference_number, entity_id, matched_text,
    doc_id, start, end, score, method, explanation)."""
    replace_flags(db, [list_id], [], rows)


def matches(db: Database, min_score: float = 0.0) -> list[dict[str, Any]]:
    """Stored matches scoring at least ``min_score``, best first (for `lists match`)."""
    return [dict(r) for r in db.conn.execute(
        "SELECT m.list_id, e.programme, m.entity_id, m.matched_text, m.reference_number, m.score, m.method,"
        " m.explanation FROM list_matches m"
        " LEFT JOIN list_entries e ON e.list_id = m.list_id AND e.reference_number = m.reference_number"
        " WHERE m.score >= ? ORDER BY m.score DESC, m.entity_id, m.list_id, m.reference_number", (min_score,))]


def flags(db: Database, *, min_score: float = 0.0, status: str | None = None,
          doc_id: str | None = None, entity_id: str | None = None) -> list[dict[str, Any]]:
    """Stored flags (one per matched mention) with their list entry, best first; ``reasons`` is JSON text."""
    where, params = ["f.score >= ?"], [min_score]
    for column, value in (("f.status", status), ("f.doc_id", doc_id), ("f.entity_id", entity_id)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    return [dict(r) for r in db.conn.execute(
        "SELECT f.list_id, e.programme, f.reference_number, e.name AS listed_name, e.kind, e.listed_on,"
        " f.entity_id, f.doc_id, f.start, f.end, f.matched_text, f.score, f.method, f.status, f.event_date,"
        " f.reasons, f.explanation FROM list_flags f"
        " LEFT JOIN list_entries e ON e.list_id = f.list_id AND e.reference_number = f.reference_number"
        f" WHERE {' AND '.join(where)} ORDER BY f.score DESC, f.doc_id, f.start, f.list_id, f.reference_number",
        params)]


def actor_matches(db: Database, actor_id: str) -> list[dict[str, Any]] | None:
    """Sanctions-list matches of an actor; None when no list has been imported into this store."""
    if not db.table_exists("list_matches"):
        return None
    rows = db.conn.execute(
        "SELECT m.list_id, m.reference_number, m.matched_text, m.doc_id, m.start, m.end, m.score, m.method,"
        " m.explanation, e.name AS listed_name, e.kind, e.regime, e.programme, e.listed_on FROM list_matches m"
        " LEFT JOIN list_entries e ON e.list_id = m.list_id AND e.reference_number = m.reference_number"
        " WHERE m.entity_id = ? ORDER BY m.score DESC", (actor_id,)).fetchall()
    return [dict(r) for r in rows]

"""Read queries for `sanctionwatch export`: cases, events, attributions, entities and list matches, streamed.

Every function yields plain dicts, one per row, in a stable order, without
holding a whole table; shaping into CSV, JSONL or FollowTheMoney is
:mod:`sanctionwatch.export_tables`' and :mod:`sanctionwatch.export_ftm`'s job.
"""

from __future__ import annotations

from typing import Any, Iterator

from .connection import Database


def _rows(db: Database, sql: str, args: tuple = ()) -> Iterator[dict[str, Any]]:
    cur = db.conn.execute(sql, args)
    while True:
        batch = cur.fetchmany(500)
        if not batch:
            return
        for r in batch:
            yield dict(r)


def cases(db: Database) -> Iterator[dict[str, Any]]:
    if not db.table_exists("cases"):
        return iter(())
    return _rows(db, (
        "SELECT c.case_id, c.type, c.category, c.summary, c.status, c.min_sources, c.independent_sources,"
        " c.time_start, c.time_end, c.reported_start, c.reported_end, c.quantity_value, c.quantity_unit, c.json,"
        " (SELECT count(*) FROM case_members m WHERE m.case_id = c.case_id AND m.role != 'denial') AS allegations,"
        " (SELECT count(*) FROM case_members m WHERE m.case_id = c.case_id AND m.role = 'denial') AS denials"
        " FROM cases c ORDER BY c.category, coalesce(c.time_start, c.reported_start), c.case_id"))


def case_members(db: Database) -> Iterator[dict[str, Any]]:
    if not db.table_exists("case_members"):
        return iter(())
    return _rows(db, "SELECT case_id, doc_id, event_idx, attribution_idx, role FROM case_members"
                     " ORDER BY case_id, doc_id, event_idx")


def events(db: Database) -> Iterator[dict[str, Any]]:
    return _rows(db, (
        "SELECT e.doc_id, e.idx, e.type, e.modality, e.attribution_idx, e.time_start, e.time_end, e.json,"
        " d.title, d.published, d.publisher, d.url FROM events e JOIN documents d ON d.doc_id = e.doc_id"
        " ORDER BY e.doc_id, e.idx"))


def attributions(db: Database) -> Iterator[dict[str, Any]]:
    return _rows(db, (
        "SELECT a.doc_id, a.idx, a.source_entity, a.stance, a.hedged, a.negated, a.parent, a.kind, a.start, a.end,"
        " a.json, d.published, d.publisher, d.url FROM attributions a JOIN documents d ON d.doc_id = a.doc_id"
        " ORDER BY a.doc_id, a.idx"))


def entities(db: Database) -> Iterator[dict[str, Any]]:
    """One row per entity id: its most frequent name and type, wikidata id, documents and mentions counted."""
    return _rows(db, (
        "SELECT e.entity_id, max(e.name) AS name, max(e.type) AS type, max(e.wikidata) AS wikidata,"
        " count(DISTINCT e.doc_id) AS documents,"
        " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.entity_id) AS mentions,"
        " min(d.published) AS first_published, max(d.published) AS last_published"
        " FROM entities e JOIN documents d ON d.doc_id = e.doc_id GROUP BY e.entity_id ORDER BY e.entity_id"))


def entity_names(db: Database) -> Iterator[dict[str, Any]]:
    """(entity_id, name) of every distinct name an entity was stored under, by entity."""
    return _rows(db, "SELECT DISTINCT entity_id, name FROM entities ORDER BY entity_id, name")


def list_matches(db: Database) -> Iterator[dict[str, Any]]:
    """Stored list matches (flags not rejected, best per entity and entry) with their list and entry."""
    if not db.table_exists("list_matches"):
        return iter(())
    return _rows(db, (
        "SELECT m.list_id, s.name AS list_name, m.reference_number, m.entity_id, m.matched_text, m.doc_id,"
        " m.score, m.method, m.explanation, e.name AS listed_name, e.kind, e.regime, e.programme, e.listed_on"
        " FROM list_matches m JOIN list_entries e ON e.list_id = m.list_id AND e.reference_number = m.reference_number"
        " JOIN sanctions_lists s ON s.list_id = m.list_id ORDER BY m.entity_id, m.list_id, m.reference_number"))

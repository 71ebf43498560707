"""Stored cases, read back: one filter for the CLI (`cases`) and the web, the list and the detail.

A case is "in a period" when the time of its events overlaps the period, or,
for a case whose events carry no time, when its reporting does.  (The web
once filtered on reporting alone, so a 2019 transfer first reported in 2023
was listed under 2023; the CLI's reading, by event time, won.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..cases import CASE_STATUSES, Case
from .connection import Database
from .filters import Where, parse_period

__all__ = ["CASE_STATUSES", "CaseFilter", "case_exists", "case_links", "case_records", "get_case", "has_cases",
           "list_cases", "load_cases"]


@dataclass(frozen=True)
class CaseFilter:
    status: str | None = None
    type: str | None = None
    category: str | None = None
    actor: str | None = None  # an entity id in any role
    period: str | None = None  # see filters.parse_period

    def where(self) -> Where:
        w = Where()
        if self.status:
            w.add("c.status = ?", self.status)
        if self.type:
            w.add("c.type = ?", self.type)
        if self.category:
            w.add("c.category = ?", self.category)
        if self.actor:
            w.add("c.case_id IN (SELECT case_id FROM case_actors WHERE entity_id = ?)", self.actor)
        if self.period:
            lo, hi = parse_period(self.period)
            if lo:
                w.add("coalesce(c.time_end, c.reported_end) >= ?", lo)
            if hi:
                w.add("coalesce(c.time_start, c.reported_start) <= ?", hi)
        return w


def has_cases(db: Database) -> bool:
    return db.table_exists("cases")


def case_exists(db: Database, case_id: str) -> bool:
    if not has_cases(db):
        return False
    col = "case_id" if "case_id" in db.columns("cases") else "id"
    return db.conn.execute(f"SELECT 1 FROM cases WHERE {col} = ?", (case_id,)).fetchone() is not None


def load_cases(db: Database, f: CaseFilter = CaseFilter()) -> list[Case]:
    """The stored cases (as the linker wrote them), by category, then by date; none before the first linking."""
    if not has_cases(db):
        return []
    w = f.where()
    rows = db.conn.execute(f"SELECT c.* FROM cases c{w.sql()}"
                           " ORDER BY c.category, coalesce(c.time_start, c.reported_start), c.case_id", w.args)
    return [_stored_case(r) for r in rows]


def case_records(db: Database, f: CaseFilter = CaseFilter()) -> list[dict[str, Any]]:
    """Each stored case as its JSON (Case.to_dict), by category, then by date."""
    return [case.to_dict() for case in load_cases(db, f)]


def list_cases(db: Database, f: CaseFilter = CaseFilter(), *, limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, rows of the case columns with member counts), best corroborated first."""
    w = f.where()
    total = db.conn.execute(f"SELECT count(*) FROM cases c{w.sql()}", w.args).fetchone()[0]
    rows = db.conn.execute(
        "SELECT c.case_id, c.type, c.category, c.summary, c.status, c.min_sources, c.independent_sources,"
        " c.time_start, c.time_end, c.reported_start, c.reported_end, c.quantity_value, c.quantity_unit,"
        " (SELECT count(*) FROM case_members m WHERE m.case_id = c.case_id AND m.role != 'denial') AS allegations,"
        " (SELECT count(*) FROM case_members m WHERE m.case_id = c.case_id AND m.role = 'denial') AS denials"
        f" FROM cases c{w.sql()} ORDER BY c.independent_sources DESC, c.reported_end DESC, c.case_id"
        " LIMIT ? OFFSET ?", [*w.args, limit, offset]).fetchall()
    return total, [dict(r) for r in rows]


def _member_view(db: Database, doc_id: str, event_idx: int | None, attribution_idx: int | None,
                 role: str) -> dict[str, Any]:
    c = db.conn.execute
    doc = c("SELECT title, published, publisher, url FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    event = None
    if event_idx is not None:
        r = c("SELECT json FROM events WHERE doc_id = ? AND idx = ?", (doc_id, event_idx)).fetchone()
        event = json.loads(r["json"]) if r else None
    attribution = None
    if attribution_idx is not None:
        r = c("SELECT json FROM attributions WHERE doc_id = ? AND idx = ?", (doc_id, attribution_idx)).fetchone()
        attribution = json.loads(r["json"]) if r else None
    return {
        "doc_id": doc_id, "event_idx": event_idx, "attribution_idx": attribution_idx, "role": role,
        "title": doc["title"] if doc else None, "published": doc["published"] if doc else None,
        "publisher": doc["publisher"] if doc else None, "url": doc["url"] if doc else None,
        "event": event, "attribution": attribution,
    }


def get_case(db: Database, case_id: str) -> dict[str, Any] | None:
    """One case with its members (documents, events, attributions), sources and actors; None if absent."""
    row = db.conn.execute("SELECT * FROM cases WHERE case_id = ?", (case_id,)).fetchone()
    if row is None:
        return None
    c = db.conn.execute
    members = [
        _member_view(db, m["doc_id"], m["event_idx"], m["attribution_idx"], m["role"])
        for m in c("SELECT doc_id, event_idx, attribution_idx, role FROM case_members WHERE case_id = ?"
                   " ORDER BY rowid", (case_id,))
    ]
    sources = [dict(r) for r in c("SELECT kind, source_group, doc_id, publisher, published, url FROM case_sources"
                                  " WHERE case_id = ? ORDER BY kind DESC, source_group, published", (case_id,))]
    actors = [dict(r) for r in c("SELECT role, entity_id, name FROM case_actors WHERE case_id = ? ORDER BY role",
                                 (case_id,))]
    return {
        "case": _stored_case(row).to_dict(),
        "status": row["status"],
        "allegations": [m for m in members if m["role"] != "denial"],
        "denials": [m for m in members if m["role"] == "denial"],
        "sources": sources,
        "actors": actors,
    }


def _stored_case(row: Any) -> Case:
    """The case of one ``cases`` row: its JSON, with the table columns as the authority for what they hold
    (so an older or partial JSON cannot break the page)."""
    try:
        stored = json.loads(row["json"])
    except ValueError:
        stored = {}
    stored = stored if isinstance(stored, dict) else {}
    columns = {
        "id": row["case_id"], "type": row["type"], "category": row["category"], "summary": row["summary"],
        "status": row["status"], "min_sources": row["min_sources"],
        "time": {"start": row["time_start"], "end": row["time_end"]},
        "reported": {"start": row["reported_start"], "end": row["reported_end"]},
    }
    if row["quantity_value"] is None:
        columns["quantity"] = None
    elif not stored.get("quantity"):
        columns["quantity"] = {"value": row["quantity_value"], "unit": row["quantity_unit"], "approximate": False}
    return Case.from_dict({**stored, **columns})


def case_links(db: Database, doc_id: str) -> tuple[dict[int, str], dict[int, str]]:
    """(attribution idx -> case id, event idx -> case id) for one document; empty without cases."""
    if not has_cases(db):
        return {}, {}
    attrs: dict[int, str] = {}
    events: dict[int, str] = {}
    for r in db.conn.execute("SELECT case_id, event_idx, attribution_idx FROM case_members WHERE doc_id = ?",
                             (doc_id,)):
        if r["attribution_idx"] is not None:
            attrs.setdefault(r["attribution_idx"], r["case_id"])
        if r["event_idx"] is not None:
            events.setdefault(r["event_idx"], r["case_id"])
    return attrs, events

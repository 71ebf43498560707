"""The workbench's read queries: filtered, paginated views of documents, actors, attributions, events.

Every function takes the store and plain values (already validated by the
HTTP layer), binds every value as an SQL parameter, and returns
``(total, items)`` for lists so the API can report the full count.  Shaping
for display (highlighting, taxonomy categories, alias tables) is the web's
job, in :mod:`sanctionwatch.web.queries`.  The ``hide_*`` arguments leave out
rows an analyst rejected (found by :func:`sanctionwatch.reviews.rejected_rows`).
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from .connection import Database
from .filters import DocumentFilter, Where, json_array, json_field, like_pattern


def _hide(where: Where, columns: str, rows: Sequence[tuple[Any, ...]]) -> Where:
    """Leave out the rows whose ``columns`` (a tuple of column expressions) equal one of ``rows``."""
    if rows:
        width = len(rows[0])
        values = ",".join("(" + ",".join("?" * width) + ")" for _ in rows)
        where.add(f"({columns}) NOT IN (VALUES {values})", *(v for row in rows for v in row))
    return where


# -- documents ---------------------------------------------------------------
_DOC_COLS = "d.doc_id, d.title, d.published, d.publisher, d.url, d.language, d.input, d.ingested_at"


def list_documents(db: Database, *, period: str | None = None, publisher: str | None = None,
                   language: str | None = None, actor: str | None = None, limit: int = 50,
                   offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    w = DocumentFilter(period, publisher, language).apply(Where(), "d")
    if actor:
        w.add("EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.doc_id AND e.entity_id = ?)", actor)
    total = db.conn.execute(f"SELECT count(*) FROM documents d{w.sql()}", w.args).fetchone()[0]
    rows = db.conn.execute(
        f"SELECT {_DOC_COLS} FROM documents d{w.sql()} ORDER BY d.published DESC, d.doc_id LIMIT ? OFFSET ?",
        [*w.args, limit, offset],
    ).fetchall()
    return total, [dict(r) for r in rows]


# -- actors ------------------------------------------------------------------
def list_actors(db: Database, *, q: str | None = None, type: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    w = Where()
    if q:
        w.add("(e.name LIKE ? ESCAPE '\\' OR e.entity_id LIKE ? ESCAPE '\\')", *(["%" + like_pattern(q) + "%"] * 2))
    if type:
        w.add("e.type = ?", type)
    base = f"FROM entities e{w.sql()} GROUP BY e.entity_id"
    total = db.conn.execute(f"SELECT count(*) FROM (SELECT 1 {base}) AS actors", w.args).fetchone()[0]
    rows = db.conn.execute(
        f"SELECT e.entity_id AS id, max(e.name) AS name, max(e.type) AS type, count(*) AS documents {base}"
        " ORDER BY documents DESC, e.entity_id LIMIT ? OFFSET ?",
        [*w.args, limit, offset],
    ).fetchall()
    return total, [dict(r) for r in rows]


def actor_summary(db: Database, actor_id: str, *, hide_attributions: Sequence[tuple[str, int]] = (),
                  hide_mentions: Sequence[tuple[str, str, int, int]] = (),
                  hide_entities: Sequence[tuple[str, str]] = ()) -> dict[str, Any] | None:
    rows = db.conn.execute(
        "SELECT name, type, wikidata, count(*) AS n FROM entities WHERE entity_id = ? GROUP BY name, type, wikidata"
        " ORDER BY n DESC", (actor_id,)).fetchall()
    if not rows:
        return None
    c = db.conn.execute
    forms = c("SELECT substr(d.text, m.start + 1, m.end - m.start) AS form, count(*) AS n FROM mentions m"
              " CROSS JOIN documents d ON d.doc_id = m.doc_id WHERE m.entity_id = ? GROUP BY form ORDER BY n DESC"
              " LIMIT 30",
              (actor_id,)).fetchall()
    return {
        "id": actor_id,
        "name": rows[0]["name"],
        "type": rows[0]["type"],
        "wikidata": next((r["wikidata"] for r in rows if r["wikidata"]), None),
        "names_used": sorted({r["name"] for r in rows}),
        "surface_forms": [{"text": r["form"], "count": r["n"]} for r in forms],
        "documents": sum(r["n"] for r in rows),
        "mentions": actor_mentions(db, actor_id, limit=0, hide_mentions=hide_mentions,
                                   hide_entities=hide_entities)[0],
        "said": list_attributions(db, source=actor_id, limit=0, hide=hide_attributions)[0],
    }


def actor_mentions(db: Database, actor_id: str, *, limit: int = 50, offset: int = 0,
                   hide_mentions: Sequence[tuple[str, str, int, int]] = (),
                   hide_entities: Sequence[tuple[str, str]] = ()) -> tuple[int, list[dict[str, Any]]]:
    w = Where()
    w.add("m.entity_id = ?", actor_id)
    _hide(w, "m.doc_id, m.entity_id, m.start, m.end", hide_mentions)
    _hide(w, "m.doc_id, m.entity_id", hide_entities)
    total = db.conn.execute(f"SELECT count(*) FROM mentions m{w.sql()}", w.args).fetchone()[0]
    if not limit:
        return total, []
    rows = db.conn.execute(
        "SELECT m.doc_id, m.start, m.end, substr(d.text, m.start + 1, m.end - m.start) AS text,"
        " substr(d.text, max(1, m.start - 79), min(m.start, 80)) AS before,"
        " substr(d.text, m.end + 1, 80) AS after, d.title, d.published, d.publisher"
        f" FROM mentions m CROSS JOIN documents d ON d.doc_id = m.doc_id{w.sql()}"
        " ORDER BY d.published DESC, m.doc_id, m.start LIMIT ? OFFSET ?",
        [*w.args, limit, offset]).fetchall()
    return total, [dict(r) for r in rows]


def _attribution_items(rows: list[Any]) -> list[dict[str, Any]]:
    return [
        {"doc_id": r["doc_id"], "index": r["idx"], "title": r["title"], "published": r["published"],
         "publisher": r["publisher"], "attribution": json.loads(r["json"])}
        for r in rows
    ]


_ATTR_SELECT = "SELECT a.doc_id, a.idx, a.json, d.title, d.published, d.publisher FROM attributions a" \
               " JOIN documents d ON d.doc_id = a.doc_id"


def list_attributions(db: Database, *, stance: str | None = None, source: str | None = None,
                      doc_id: str | None = None, period: str | None = None, publisher: str | None = None,
                      limit: int = 50, offset: int = 0,
                      hide: Sequence[tuple[str, int]] = ()) -> tuple[int, list[dict[str, Any]]]:
    w = _hide(DocumentFilter(period, publisher).apply(Where(), "d"), "a.doc_id, a.idx", hide)
    if stance:
        w.add("a.stance = ?", stance)
    if source:
        w.add("a.source_entity = ?", source)
    if doc_id:
        w.add("a.doc_id = ?", doc_id)
    frm = " FROM attributions a JOIN documents d ON d.doc_id = a.doc_id"
    total = db.conn.execute(f"SELECT count(*){frm}{w.sql()}", w.args).fetchone()[0]
    if not limit:
        return total, []
    rows = db.conn.execute(f"{_ATTR_SELECT}{w.sql()} ORDER BY d.published DESC, a.doc_id, a.idx LIMIT ? OFFSET ?",
                              [*w.args, limit, offset]).fetchall()
    return total, _attribution_items(rows)


def get_attribution(db: Database, doc_id: str, idx: int) -> dict[str, Any] | None:
    rows = db.conn.execute(f"{_ATTR_SELECT} WHERE a.doc_id = ? AND a.idx = ?", (doc_id, idx)).fetchall()
    return _attribution_items(rows)[0] if rows else None


def said_about(db: Database, actor_id: str, *, limit: int = 50, offset: int = 0,
               hide: Sequence[tuple[str, int]] = ()) -> tuple[int, list[dict[str, Any]]]:
    """Attributions whose content fragments contain a mention of the actor (not merely its source)."""
    # CROSS JOIN fixes the order: from the actor's mentions (indexed) to the
    # attributions of the same document that span them, and only then into
    # the JSON fragments; the other way round reads every attribution.
    hits = ("SELECT DISTINCT a.doc_id, a.idx FROM mentions m CROSS JOIN attributions a"
            " ON a.doc_id = m.doc_id AND a.start <= m.start AND a.end >= m.end"
            f" WHERE m.entity_id = ? AND EXISTS (SELECT 1 FROM {json_array(db, 'a.json', 'content', 'c')}"
            f" WHERE m.start >= {json_field(db, 'c.value', 'start', True)}"
            f" AND m.end <= {json_field(db, 'c.value', 'end', True)})")
    hidden = _hide(Where(), "a.doc_id, a.idx", hide)
    if hidden.args:
        hits += hidden.sql(" AND ")
    args = (actor_id, *hidden.args)
    total = db.conn.execute(f"SELECT count(*) FROM ({hits}) AS hits", args).fetchone()[0]
    rows = db.conn.execute(
        f"SELECT a.doc_id, a.idx, a.json, d.title, d.published, d.publisher FROM ({hits}) h"
        " CROSS JOIN attributions a ON a.doc_id = h.doc_id AND a.idx = h.idx JOIN documents d ON d.doc_id = a.doc_id"
        " ORDER BY d.published DESC, a.doc_id, a.idx LIMIT ? OFFSET ?", (*args, limit, offset)).fetchall()
    return total, _attribution_items(rows)


# -- events ------------------------------------------------------------------
def list_events(db: Database, *, type: str | None = None, modality: str | None = None, doc_id: str | None = None,
                period: str | None = None, actor: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    w = DocumentFilter(period).apply(Where(), "d")
    if type:
        # A taxonomy parent ('trade') selects its children ('trade.coal') too.
        w.add("(ev.type = ? OR ev.type LIKE ? ESCAPE '\\')", type, like_pattern(type) + ".%")
    if modality:
        w.add("ev.modality = ?", modality)
    if doc_id:
        w.add("ev.doc_id = ?", doc_id)
    if actor:
        w.add(f"EXISTS (SELECT 1 FROM {json_array(db, 'ev.json', 'arguments', 'g')}"
              f" WHERE {json_field(db, 'g.value', 'entity')} = ?)", actor)
    frm = " FROM events ev JOIN documents d ON d.doc_id = ev.doc_id"
    total = db.conn.execute(f"SELECT count(*){frm}{w.sql()}", w.args).fetchone()[0]
    rows = db.conn.execute(
        f"SELECT ev.doc_id, ev.idx, ev.json, d.title, d.published, d.publisher{frm}{w.sql()}"
        " ORDER BY d.published DESC, ev.doc_id, ev.idx LIMIT ? OFFSET ?", [*w.args, limit, offset]).fetchall()
    return total, [
        {"doc_id": r["doc_id"], "index": r["idx"], "title": r["title"], "published": r["published"],
         "publisher": r["publisher"], "event": json.loads(r["json"])}
        for r in rows
    ]


# -- timeline ----------------------------------------------------------------
def event_month_counts(db: Database, *, date: str = "published", period: str | None = None,
                       actor: str | None = None, modality: str | None = None) -> list[tuple[str, str, int]]:
    """(month, event type, count), dated by publication or by the event's own time, by month."""
    w = DocumentFilter(period).apply(Where(), "d")
    month = "substr(d.published, 1, 7)" if date == "published" else "substr(ev.time_start, 1, 7)"
    w.add(f"{month} IS NOT NULL AND length({month}) = 7")
    if actor:
        w.add("EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = ev.doc_id AND e.entity_id = ?)", actor)
    if modality:
        w.add("ev.modality = ?", modality)
    rows = db.conn.execute(
        f"SELECT {month} AS month, ev.type AS type, count(*) AS n FROM events ev JOIN documents d"
        f" ON d.doc_id = ev.doc_id{w.sql()} GROUP BY month, ev.type ORDER BY month", w.args).fetchall()
    return [(r["month"], r["type"], r["n"]) for r in rows]


# -- facets for the filter forms -------------------------------------------
def facets(db: Database) -> dict[str, list[str]]:
    c = db.conn.execute
    return {
        "publishers": [r[0] for r in c("SELECT DISTINCT publisher FROM documents WHERE publisher IS NOT NULL"
                                       " ORDER BY publisher LIMIT 200")],
        "languages": [r[0] for r in c("SELECT DISTINCT language FROM documents WHERE language IS NOT NULL"
                                      " ORDER BY language LIMIT 100")],
        "event_types": [r[0] for r in c("SELECT DISTINCT type FROM events ORDER BY type LIMIT 300")],
    }

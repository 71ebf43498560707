"""Read-side SQL for the workbench: filtered, paginated views over the store.

Every function takes a :class:`Store` and plain values (already validated by
the HTTP layer), binds every value as an SQL parameter, and returns
``(total, items)`` for lists so the API can report the full count.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from .. import postgres
from ..store import SearchSyntaxError, Store

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WORD = re.compile(r"\w+", re.UNICODE)
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _bound(part: str, upper: bool) -> str:
    m = _DATE.match(part)
    if not m:
        raise ValueError(f"bad date {part!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12:
        raise ValueError(f"bad month in {part!r}")
    if day and not 1 <= int(day) <= _DAYS[int(month) - 1]:
        raise ValueError(f"bad day in {part!r}")
    if day:
        return part
    if month:
        return f"{year}-{month}-{_DAYS[int(month) - 1]:02d}" if upper else f"{year}-{month}-01"
    return f"{year}-12-31" if upper else f"{year}-01-01"


def parse_period(period: str) -> tuple[str | None, str | None]:
    """'2023', '2023-05', '2023-05-17', or a range 'A..B' (either side may be empty) -> inclusive ISO bounds.

    Upper bounds of a month use day 29 for February; dates are compared as
    ISO strings, so that only matters on a non-leap year's non-existent day.
    """
    period = period.strip()
    if ".." in period:
        lo, hi = (p.strip() for p in period.split("..", 1))
        if not lo and not hi:
            raise ValueError("an empty range '..' is not a period")
        lo_b = _bound(lo, False) if lo else None
        hi_b = _bound(hi, True) if hi else None
        if lo_b and hi_b and lo_b > hi_b:
            raise ValueError(f"period {period!r} ends before it starts")
        return lo_b, hi_b
    return _bound(period, False), _bound(period, True)


def fts_query(q: str, mode: str = "words") -> str:
    """Plain words become an AND of quoted terms (no FTS syntax errors possible); 'fts' passes FTS5 syntax through."""
    if mode == "fts":
        return q
    return " ".join('"' + w.replace('"', '""') + '"' for w in _WORD.findall(q))


@dataclass
class Where:
    conds: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)

    def add(self, cond: str, *args: Any) -> "Where":
        self.conds.append(cond)
        self.args.extend(args)
        return self

    def sql(self, lead: str = " WHERE ") -> str:
        return lead + " AND ".join(self.conds) if self.conds else ""


def _doc_filters(w: Where, alias: str, period: str | None = None, publisher: str | None = None,
                 language: str | None = None) -> Where:
    if period:
        lo, hi = parse_period(period)
        if lo:
            w.add(f"{alias}.published >= ?", lo)
        if hi:
            w.add(f"{alias}.published <= ?", hi)
    if publisher:
        w.add(f"{alias}.publisher = ?", publisher)
    if language:
        w.add(f"{alias}.language = ?", language)
    return w


def table_exists(store: Store, name: str) -> bool:
    return store.table_exists(name)


def columns(store: Store, table: str) -> list[str]:
    return store.columns(table)


def _unindexed(store: Store, column: str) -> str:
    """``+column`` on SQLite: keeps its planner off the column's index (see search()); PostgreSQL plans alone."""
    return f"+{column}" if store.dialect == "sqlite" else column


def _json_array(store: Store, column: str, key: str, alias: str) -> str:
    """A FROM item listing the elements of a JSON array held in a text column, as ``alias.value``."""
    if store.dialect == "postgresql":
        return f"jsonb_array_elements({column}::jsonb -> '{key}') {alias}"
    return f"json_each({column}, '$.{key}') {alias}"


def _json_field(store: Store, value: str, key: str, integer: bool = False) -> str:
    if store.dialect == "postgresql":
        return f"({value} ->> '{key}')::int" if integer else f"({value} ->> '{key}')"
    return f"json_extract({value}, '$.{key}')"


# -- documents ---------------------------------------------------------------
_DOC_COLS = "d.doc_id, d.title, d.published, d.publisher, d.url, d.language, d.input, d.ingested_at"


def list_documents(store: Store, *, period: str | None = None, publisher: str | None = None,
                   language: str | None = None, actor: str | None = None, limit: int = 50,
                   offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    w = _doc_filters(Where(), "d", period, publisher, language)
    if actor:
        w.add("EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.doc_id AND e.entity_id = ?)", actor)
    total = store.conn.execute(f"SELECT count(*) FROM documents d{w.sql()}", w.args).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT {_DOC_COLS} FROM documents d{w.sql()} ORDER BY d.published DESC, d.doc_id LIMIT ? OFFSET ?",
        [*w.args, limit, offset],
    ).fetchall()
    return total, [dict(r) for r in rows]


# -- search ------------------------------------------------------------------
def search(store: Store, q: str, *, mode: str = "words", period: str | None = None, publisher: str | None = None,
           language: str | None = None, actor: str | None = None, event_type: str | None = None,
           stance: str | None = None, limit: int = 20, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Sentence-level full-text search; actor/event/stance filters keep sentences that contain such a span.

    Raises SearchSyntaxError for malformed syntax in mode 'fts'.
    """
    match = fts_query(q, mode)
    if not match:
        return 0, []
    if store.dialect == "postgresql":
        try:
            tsq = postgres.tsquery(match)
        except ValueError as exc:
            raise SearchSyntaxError(f"bad search query {q!r}: {exc}") from exc
        w = Where().add("s.tsv @@ ?::tsquery", tsq)
        joins = " FROM sentences s JOIN documents d ON d.doc_id = s.doc_id"
        rank = "ts_rank(s.tsv, ?::tsquery) DESC, s.rowid"
        rank_args = [tsq]
    else:
        w = Where().add("sentences_fts MATCH ?", match)
        joins = (" FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid"
                 " JOIN documents d ON d.doc_id = s.doc_id")
        rank, rank_args = "sentences_fts.rank", []
    _doc_filters(w, "d", period, publisher, language)
    if actor:
        # Unary '+' keeps SQLite on the per-document index: the per-value
        # indexes (entity, type, stance) would scan every match in the store
        # for each candidate sentence.
        w.add(f"EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = s.doc_id AND {_unindexed(store, 'm.entity_id')} = ?"
              " AND m.start >= s.start AND m.end <= s.end)", actor)
    if event_type:
        w.add(f"EXISTS (SELECT 1 FROM events ev WHERE ev.doc_id = s.doc_id AND {_unindexed(store, 'ev.type')} = ?"
              " AND ev.trigger_start >= s.start AND ev.trigger_end <= s.end)", event_type)
    if stance:
        w.add(f"EXISTS (SELECT 1 FROM attributions a WHERE a.doc_id = s.doc_id AND {_unindexed(store, 'a.stance')} = ?"
              " AND a.start < s.end AND a.end > s.start)", stance)
    # One pass: the window count gives the total while the rows are ranked;
    # FTS5's snippet() is left out because it would run on every match
    # before the LIMIT, and sentences are short enough to mark up in Python.
    try:
        rows = store.conn.execute(
            "SELECT s.doc_id, s.idx AS sentence, s.start, s.end, s.text, d.title, d.published, d.publisher,"
            f" d.language, count(*) OVER () AS total{joins}{w.sql()} ORDER BY {rank} LIMIT ? OFFSET ?",
            [*w.args, *rank_args, limit, offset],
        ).fetchall()
    except sqlite3.OperationalError as exc:  # malformed FTS5 syntax (mode 'fts')
        raise SearchSyntaxError(f"bad search query {q!r}: {exc}") from exc
    if rows:
        total = rows[0]["total"]
    else:
        total = store.conn.execute(f"SELECT count(*){joins}{w.sql()}", w.args).fetchone()[0] if offset else 0
    words = query_words(q)
    items = []
    for r in rows:
        item = {k: r[k] for k in r.keys() if k not in ("total", "text")}
        item["snippet_parts"] = highlight(r["text"], words)
        items.append(item)
    return total, items


def query_words(q: str) -> list[str]:
    """The words of a query (FTS operators and quotes dropped), for highlighting."""
    return [w for w in _WORD.findall(q) if w not in ("AND", "OR", "NOT", "NEAR")]


def highlight(text: str, words: list[str], width: int = 320) -> list[tuple[str, bool]]:
    """(text, is_hit) parts of a sentence, words matched case-insensitively as prefixes of tokens.

    Sentences longer than ``width`` are cut to a window around the first hit.
    """
    if not words:
        return [(text[:width], False)]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + r")\w*",
                         re.IGNORECASE | re.UNICODE)
    if len(text) > width:
        m = pattern.search(text)
        lo = max(0, (m.start() if m else 0) - width // 3)
        text = ("…" if lo else "") + text[lo:lo + width] + ("…" if lo + width < len(text) else "")
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            parts.append((text[pos:m.start()], False))
        parts.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        parts.append((text[pos:], False))
    return parts


# -- actors ------------------------------------------------------------------
def list_actors(store: Store, *, q: str | None = None, type: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    w = Where()
    if q:
        w.add("(e.name LIKE ? ESCAPE '\\' OR e.entity_id LIKE ? ESCAPE '\\')", *(["%" + _like(q) + "%"] * 2))
    if type:
        w.add("e.type = ?", type)
    base = f"FROM entities e{w.sql()} GROUP BY e.entity_id"
    total = store.conn.execute(f"SELECT count(*) FROM (SELECT 1 {base}) AS actors", w.args).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT e.entity_id AS id, max(e.name) AS name, max(e.type) AS type, count(*) AS documents {base}"
        " ORDER BY documents DESC, e.entity_id LIMIT ? OFFSET ?",
        [*w.args, limit, offset],
    ).fetchall()
    return total, [dict(r) for r in rows]


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def actor_summary(store: Store, actor_id: str) -> dict[str, Any] | None:
    rows = store.conn.execute(
        "SELECT name, type, wikidata, count(*) AS n FROM entities WHERE entity_id = ? GROUP BY name, type, wikidata"
        " ORDER BY n DESC", (actor_id,)).fetchall()
    if not rows:
        return None
    c = store.conn.execute
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
        "aliases": table_aliases(actor_id),
        "surface_forms": [{"text": r["form"], "count": r["n"]} for r in forms],
        "documents": sum(r["n"] for r in rows),
        "mentions": c("SELECT count(*) FROM mentions WHERE entity_id = ?", (actor_id,)).fetchone()[0],
        "said": c("SELECT count(*) FROM attributions WHERE source_entity = ?", (actor_id,)).fetchone()[0],
    }


def table_aliases(actor_id: str) -> list[str]:
    """Aliases from the actor table (data/actors.yaml and user extensions); [] for document-local actors."""
    try:
        from ..actors import load_actor_table
    except ImportError:  # the actor table is optional for the workbench
        return []
    actor = load_actor_table().get(actor_id)
    return sorted({*actor.aliases, *actor.exact_aliases}) if actor else []


def actor_mentions(store: Store, actor_id: str, *, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    total = store.conn.execute("SELECT count(*) FROM mentions WHERE entity_id = ?", (actor_id,)).fetchone()[0]
    rows = store.conn.execute(
        "SELECT m.doc_id, m.start, m.end, substr(d.text, m.start + 1, m.end - m.start) AS text,"
        " substr(d.text, max(1, m.start - 79), min(m.start, 80)) AS before,"
        " substr(d.text, m.end + 1, 80) AS after, d.title, d.published, d.publisher"
        " FROM mentions m CROSS JOIN documents d ON d.doc_id = m.doc_id WHERE m.entity_id = ?"
        " ORDER BY d.published DESC, m.doc_id, m.start LIMIT ? OFFSET ?",
        (actor_id, limit, offset)).fetchall()
    return total, [dict(r) for r in rows]


def _attribution_items(rows: list[Any]) -> list[dict[str, Any]]:
    return [
        {"doc_id": r["doc_id"], "index": r["idx"], "title": r["title"], "published": r["published"],
         "publisher": r["publisher"], "attribution": json.loads(r["json"])}
        for r in rows
    ]


_ATTR_SELECT = "SELECT a.doc_id, a.idx, a.json, d.title, d.published, d.publisher FROM attributions a" \
               " JOIN documents d ON d.doc_id = a.doc_id"


def list_attributions(store: Store, *, stance: str | None = None, source: str | None = None,
                      doc_id: str | None = None, period: str | None = None, publisher: str | None = None,
                      limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    w = _doc_filters(Where(), "d", period, publisher)
    if stance:
        w.add("a.stance = ?", stance)
    if source:
        w.add("a.source_entity = ?", source)
    if doc_id:
        w.add("a.doc_id = ?", doc_id)
    frm = " FROM attributions a JOIN documents d ON d.doc_id = a.doc_id"
    total = store.conn.execute(f"SELECT count(*){frm}{w.sql()}", w.args).fetchone()[0]
    rows = store.conn.execute(f"{_ATTR_SELECT}{w.sql()} ORDER BY d.published DESC, a.doc_id, a.idx LIMIT ? OFFSET ?",
                              [*w.args, limit, offset]).fetchall()
    return total, _attribution_items(rows)


def get_attribution(store: Store, doc_id: str, idx: int) -> dict[str, Any] | None:
    rows = store.conn.execute(f"{_ATTR_SELECT} WHERE a.doc_id = ? AND a.idx = ?", (doc_id, idx)).fetchall()
    return _attribution_items(rows)[0] if rows else None


def said_about(store: Store, actor_id: str, *, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Attributions whose content fragments contain a mention of the actor (not merely its source)."""
    # CROSS JOIN fixes the order: from the actor's mentions (indexed) to the
    # attributions of the same document that span them, and only then into
    # the JSON fragments; the other way round reads every attribution.
    hits = ("SELECT DISTINCT a.doc_id, a.idx FROM mentions m CROSS JOIN attributions a"
            " ON a.doc_id = m.doc_id AND a.start <= m.start AND a.end >= m.end"
            f" WHERE m.entity_id = ? AND EXISTS (SELECT 1 FROM {_json_array(store, 'a.json', 'content', 'c')}"
            f" WHERE m.start >= {_json_field(store, 'c.value', 'start', True)}"
            f" AND m.end <= {_json_field(store, 'c.value', 'end', True)})")
    total = store.conn.execute(f"SELECT count(*) FROM ({hits}) AS hits", (actor_id,)).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT a.doc_id, a.idx, a.json, d.title, d.published, d.publisher FROM ({hits}) h"
        " CROSS JOIN attributions a ON a.doc_id = h.doc_id AND a.idx = h.idx JOIN documents d ON d.doc_id = a.doc_id"
        " ORDER BY d.published DESC, a.doc_id, a.idx LIMIT ? OFFSET ?", (actor_id, limit, offset)).fetchall()
    return total, _attribution_items(rows)


# -- events ------------------------------------------------------------------
def list_events(store: Store, *, type: str | None = None, modality: str | None = None, doc_id: str | None = None,
                period: str | None = None, actor: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    w = _doc_filters(Where(), "d", period)
    if type:
        # A taxonomy parent ('trade') selects its children ('trade.coal') too.
        w.add("(ev.type = ? OR ev.type LIKE ? ESCAPE '\\')", type, _like(type) + ".%")
    if modality:
        w.add("ev.modality = ?", modality)
    if doc_id:
        w.add("ev.doc_id = ?", doc_id)
    if actor:
        w.add(f"EXISTS (SELECT 1 FROM {_json_array(store, 'ev.json', 'arguments', 'g')}"
              f" WHERE {_json_field(store, 'g.value', 'entity')} = ?)", actor)
    frm = " FROM events ev JOIN documents d ON d.doc_id = ev.doc_id"
    total = store.conn.execute(f"SELECT count(*){frm}{w.sql()}", w.args).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT ev.doc_id, ev.idx, ev.json, d.title, d.published, d.publisher{frm}{w.sql()}"
        " ORDER BY d.published DESC, ev.doc_id, ev.idx LIMIT ? OFFSET ?", [*w.args, limit, offset]).fetchall()
    return total, [
        {"doc_id": r["doc_id"], "index": r["idx"], "title": r["title"], "published": r["published"],
         "publisher": r["publisher"], "event": json.loads(r["json"])}
        for r in rows
    ]


# -- timeline ----------------------------------------------------------------
def category_of(event_type: str) -> str:
    """The event type's category from the taxonomy (data/taxonomy.yaml); 'other' when unknown."""
    try:
        from ..link import taxonomy
    except ImportError:
        return "other"
    return taxonomy().info(event_type).category


def timeline(store: Store, *, by: str = "type", date: str = "published", period: str | None = None,
             actor: str | None = None, modality: str | None = None) -> list[dict[str, Any]]:
    """Event counts per month and type (or category), dated by publication or by the event's own time."""
    w = _doc_filters(Where(), "d", period)
    month = "substr(d.published, 1, 7)" if date == "published" else "substr(ev.time_start, 1, 7)"
    w.add(f"{month} IS NOT NULL AND length({month}) = 7")
    if actor:
        w.add("EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = ev.doc_id AND e.entity_id = ?)", actor)
    if modality:
        w.add("ev.modality = ?", modality)
    rows = store.conn.execute(
        f"SELECT {month} AS month, ev.type AS type, count(*) AS n FROM events ev JOIN documents d"
        f" ON d.doc_id = ev.doc_id{w.sql()} GROUP BY month, ev.type ORDER BY month", w.args).fetchall()
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r["month"], r["type"] if by == "type" else category_of(r["type"]))
        counts[key] = counts.get(key, 0) + r["n"]
    return [{"month": m, "key": k, "count": n} for (m, k), n in sorted(counts.items())]


# -- facets for the filter forms -------------------------------------------
def facets(store: Store) -> dict[str, list[str]]:
    c = store.conn.execute
    return {
        "publishers": [r[0] for r in c("SELECT DISTINCT publisher FROM documents WHERE publisher IS NOT NULL"
                                       " ORDER BY publisher LIMIT 200")],
        "languages": [r[0] for r in c("SELECT DISTINCT language FROM documents WHERE language IS NOT NULL"
                                      " ORDER BY language LIMIT 100")],
        "event_types": [r[0] for r in c("SELECT DISTINCT type FROM events ORDER BY type LIMIT 300")],
    }


# -- cases -------------------------------------------------------------------
CASE_STATUSES = ("single-source", "corroborated", "contested", "denied-only")


def has_cases(store: Store) -> bool:
    return table_exists(store, "cases")


def list_cases(store: Store, *, status: str | None = None, type: str | None = None, category: str | None = None,
               actor: str | None = None, period: str | None = None, limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    w = Where()
    if status:
        w.add("c.status = ?", status)
    if type:
        w.add("c.type = ?", type)
    if category:
        w.add("c.category = ?", category)
    if actor:
        w.add("c.case_id IN (SELECT case_id FROM case_actors WHERE entity_id = ?)", actor)
    if period:
        lo, hi = parse_period(period)
        # A case is in the period when its reporting overlaps it.
        if lo:
            w.add("coalesce(c.reported_end, c.reported_start) >= ?", lo)
        if hi:
            w.add("c.reported_start <= ?", hi)
    total = store.conn.execute(f"SELECT count(*) FROM cases c{w.sql()}", w.args).fetchone()[0]
    rows = store.conn.execute(
        "SELECT c.case_id, c.type, c.category, c.summary, c.status, c.min_sources, c.independent_sources,"
        " c.time_start, c.time_end, c.reported_start, c.reported_end, c.quantity_value, c.quantity_unit,"
        " (SELECT count(*) FROM case_members m WHERE m.case_id = c.case_id AND m.role != 'denial') AS allegations,"
        " (SELECT count(*) FROM case_members m WHERE m.case_id = c.case_id AND m.role = 'denial') AS denials"
        f" FROM cases c{w.sql()} ORDER BY c.independent_sources DESC, c.reported_end DESC, c.case_id"
        " LIMIT ? OFFSET ?", [*w.args, limit, offset]).fetchall()
    return total, [dict(r) for r in rows]


def _member_view(store: Store, doc_id: str, event_idx: int | None, attribution_idx: int | None,
                 role: str) -> dict[str, Any]:
    c = store.conn.execute
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


def get_case(store: Store, case_id: str) -> dict[str, Any] | None:
    row = store.conn.execute("SELECT * FROM cases WHERE case_id = ?", (case_id,)).fetchone()
    if row is None:
        return None
    c = store.conn.execute
    members = [
        _member_view(store, m["doc_id"], m["event_idx"], m["attribution_idx"], m["role"])
        for m in c("SELECT doc_id, event_idx, attribution_idx, role FROM case_members WHERE case_id = ?"
                   " ORDER BY rowid", (case_id,))
    ]
    sources = [dict(r) for r in c("SELECT kind, source_group, doc_id, publisher, published, url FROM case_sources"
                                  " WHERE case_id = ? ORDER BY kind DESC, source_group, published", (case_id,))]
    actors = [dict(r) for r in c("SELECT role, entity_id, name FROM case_actors WHERE case_id = ? ORDER BY role",
                                 (case_id,))]
    # The table columns are the authority; the JSON adds what they lack (and
    # an older or partial JSON cannot break the page).
    base = {
        "id": row["case_id"], "type": row["type"], "category": row["category"], "summary": row["summary"],
        "status": row["status"], "min_sources": row["min_sources"], "independent_sources": row["independent_sources"],
        "time": {"start": row["time_start"], "end": row["time_end"]},
        "reported": {"start": row["reported_start"], "end": row["reported_end"]},
        "quantity": None if row["quantity_value"] is None else {"value": row["quantity_value"],
                                                                 "unit": row["quantity_unit"], "approximate": False},
    }
    try:
        extra = json.loads(row["json"])
    except ValueError:
        extra = {}
    return {
        "case": {**(extra if isinstance(extra, dict) else {}), **base},
        "status": row["status"],
        "allegations": [m for m in members if m["role"] != "denial"],
        "denials": [m for m in members if m["role"] == "denial"],
        "sources": sources,
        "actors": actors,
    }


def case_links(store: Store, doc_id: str) -> tuple[dict[int, str], dict[int, str]]:
    """(attribution idx -> case id, event idx -> case id) for one document; empty without cases."""
    if not has_cases(store):
        return {}, {}
    attrs: dict[int, str] = {}
    events: dict[int, str] = {}
    for r in store.conn.execute("SELECT case_id, event_idx, attribution_idx FROM case_members WHERE doc_id = ?",
                                (doc_id,)):
        if r["attribution_idx"] is not None:
            attrs.setdefault(r["attribution_idx"], r["case_id"])
        if r["event_idx"] is not None:
            events.setdefault(r["event_idx"], r["case_id"])
    return attrs, events


def actor_matches(store: Store, actor_id: str) -> list[dict[str, Any]] | None:
    """Sanctions-list matches of an actor; None when no list has been imported into this store."""
    if not table_exists(store, "list_matches"):
        return None
    rows = store.conn.execute(
        "SELECT m.list_id, m.reference_number, m.matched_text, m.doc_id, m.start, m.end, m.score, m.method,"
        " m.explanation, e.name AS listed_name, e.kind, e.regime, e.listed_on FROM list_matches m"
        " LEFT JOIN list_entries e ON e.list_id = m.list_id AND e.reference_number = m.reference_number"
        " WHERE m.entity_id = ? ORDER BY m.score DESC", (actor_id,)).fetchall()
    return [dict(r) for r in rows]

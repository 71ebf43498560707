"""The linking tables: cases written by a linking pass, and the state the incremental update starts from.

State (migration 0003, all tables without foreign keys so that a deleted document leaves a trace until the
next update): ``linked_documents`` (per linked document the marker of the extraction that was linked, its
publisher and its independent-source key), ``linked_shingles`` (a sample of each document's body shingles,
an inverted index for syndication candidates), ``linked_syndication`` (the pairs found to be copies) and
``linked_case_docs`` (which documents each case was built from: ``case_members`` rows vanish by ON DELETE
CASCADE when a document is re-saved or deleted).  What the rows mean is :mod:`sanctionwatch.linking`'s
business; this module only reads and writes them, in SQL both SQLite and PostgreSQL run.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, Sequence

from ..cases import Case
from ..model import Document, IgnoredRegion
from .connection import Database

_CHUNK = 500  # ids per IN (...) list: far below SQLite's and PostgreSQL's parameter limits

Marker = tuple[str, str, int]  # (pipeline_version, ingested_at, rowid): what identifies one stored extraction


@dataclass(frozen=True, slots=True)
class LinkedDocument:
    """One row of ``linked_documents`` and its sampled shingles (unsigned 64-bit hashes)."""

    doc_id: str
    marker: Marker
    publisher_key: str | None
    source_key: str
    shingle_count: int
    sampled_shingles: Sequence[int]


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """Which members time cannot rule out for an event (see ``blocking_query``).

    ``dated``: the member overlaps [lo, hi] or was published on or after ``lo``.  Otherwise (an undated
    event) the member starts on or before ``hi`` or was published between ``lo`` and ``published_hi``.
    """

    dated: bool
    lo: str
    hi: str
    published_hi: str | None = None


# --------------------------------------------------------------------------
# Reading the state


def has_state(db: Database) -> bool:
    return db.conn.execute("SELECT 1 FROM linked_documents LIMIT 1").fetchone() is not None


def has_cases_with_other_min_sources(db: Database, min_sources: int) -> bool:
    return db.conn.execute("SELECT 1 FROM cases WHERE min_sources <> ? LIMIT 1", (min_sources,)).fetchone() is not None


def document_markers(db: Database, doc_ids: Sequence[str] | None = None) -> dict[str, Marker]:
    """doc_id -> (pipeline_version, ingested_at, rowid) of the stored documents (all, or ``doc_ids``)."""
    sql = "SELECT doc_id, pipeline_version, ingested_at, rowid AS rid FROM documents"
    if doc_ids is None:
        rows: Iterable[Any] = db.conn.execute(sql)
    else:
        rows = (r for chunk in _chunks(doc_ids) for r in db.conn.execute(
            f"{sql} WHERE doc_id IN ({_marks(chunk)})", tuple(chunk)))
    return {r["doc_id"]: (r["pipeline_version"], r["ingested_at"], int(r["rid"])) for r in rows}


def pending_changes(db: Database) -> tuple[list[str], list[str], list[str]]:
    """(added, re-saved, deleted) document ids since the last linking, each sorted."""
    rows = db.conn.execute(
        "SELECT d.doc_id, l.doc_id AS known FROM documents d LEFT JOIN linked_documents l ON l.doc_id = d.doc_id"
        " WHERE l.doc_id IS NULL OR l.pipeline_version <> d.pipeline_version OR l.ingested_at <> d.ingested_at"
        " OR l.doc_rowid <> d.rowid ORDER BY d.doc_id"
    ).fetchall()
    added = [r["doc_id"] for r in rows if r["known"] is None]
    changed = [r["doc_id"] for r in rows if r["known"] is not None]
    removed = [r[0] for r in db.conn.execute(
        "SELECT l.doc_id FROM linked_documents l LEFT JOIN documents d ON d.doc_id = l.doc_id"
        " WHERE d.doc_id IS NULL ORDER BY l.doc_id")]
    return added, changed, removed


def mark_changed(db: Database, doc_ids: Sequence[str]) -> None:
    """Make the next incremental update treat these linked documents as re-saved (an analyst's review
    changed how they read, not their stored extraction)."""
    with db.transaction() as c:
        for chunk in _chunks(sorted(set(doc_ids))):
            c.execute(f"UPDATE linked_documents SET ingested_at = '' WHERE doc_id IN ({_marks(chunk)})", tuple(chunk))


def source_keys(db: Database, doc_ids: Sequence[str]) -> list[tuple[str, str]]:
    """(doc_id, source_key) of the linked documents among ``doc_ids``."""
    return [(r[0], r[1]) for chunk in _chunks(doc_ids) for r in db.conn.execute(
        f"SELECT doc_id, source_key FROM linked_documents WHERE doc_id IN ({_marks(chunk)})", tuple(chunk))]


def documents_with_source_keys(db: Database, keys: Sequence[str]) -> list[tuple[str, str | None, str]]:
    """(doc_id, publisher_key, source_key) of the linked documents carrying one of ``keys``."""
    return [(r["doc_id"], r["publisher_key"], r["source_key"]) for chunk in _chunks(keys) for r in db.conn.execute(
        f"SELECT doc_id, publisher_key, source_key FROM linked_documents WHERE source_key IN ({_marks(chunk)})",
        tuple(chunk))]


def publisher_source_keys(db: Database, publisher_keys: Sequence[str]) -> list[tuple[str, str]]:
    """Distinct (publisher_key, source_key) of the linked documents of ``publisher_keys``."""
    return [(r[0], r[1]) for chunk in _chunks(publisher_keys) for r in db.conn.execute(
        "SELECT DISTINCT publisher_key, source_key FROM linked_documents"
        f" WHERE publisher_key IN ({_marks(chunk)})", tuple(chunk))]


def source_key_sizes(db: Database, keys: Sequence[str]) -> dict[str, int]:
    """source_key -> how many linked documents carry it."""
    return {r[0]: int(r[1]) for chunk in _chunks(keys) for r in db.conn.execute(
        f"SELECT source_key, count(*) FROM linked_documents WHERE source_key IN ({_marks(chunk)})"
        " GROUP BY source_key", tuple(chunk))}


def source_key_in_use(db: Database, key: str) -> bool:
    return db.conn.execute("SELECT 1 FROM linked_documents WHERE source_key = ? LIMIT 1", (key,)).fetchone() is not None


def syndication_pairs_from(db: Database, doc_ids: Sequence[str]) -> list[tuple[str, str]]:
    """Stored copy pairs (doc_a, doc_b), doc_a < doc_b, whose first document is one of ``doc_ids``."""
    return [(r[0], r[1]) for chunk in _chunks(doc_ids) for r in db.conn.execute(
        f"SELECT doc_a, doc_b FROM linked_syndication WHERE doc_a IN ({_marks(chunk)})", tuple(chunk))]


def documents_sharing_shingles(db: Database, shingles: Sequence[int]) -> set[str]:
    """Linked documents holding any of the (sampled, unsigned) ``shingles``."""
    signed = sorted(_signed(h) for h in shingles)
    return {r[0] for chunk in _chunks(signed) for r in db.conn.execute(
        f"SELECT DISTINCT doc_id FROM linked_shingles WHERE shingle IN ({_marks(chunk)})", tuple(chunk))}


def document_bodies(db: Database, doc_ids: Sequence[str]) -> list[Document]:
    """Documents with just their text and ignored regions (enough for shingles), in the order asked."""
    out = []
    for doc_id in doc_ids:
        row = db.conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            continue
        text = row[0]
        ignored = [IgnoredRegion(r[0], r[1], text[r[0]:r[1]], r[2]) for r in db.conn.execute(
            "SELECT start, end, reason FROM ignored WHERE doc_id = ? ORDER BY start", (doc_id,))]
        out.append(Document(doc_id=doc_id, text=text, ignored=ignored))
    return out


def cases_of_documents(db: Database, doc_ids: Sequence[str]) -> set[str]:
    """The cases built from any of ``doc_ids`` (``linked_case_docs``: survives their deletion)."""
    return {r[0] for chunk in _chunks(doc_ids) for r in db.conn.execute(
        f"SELECT DISTINCT case_id FROM linked_case_docs WHERE doc_id IN ({_marks(chunk)})", tuple(chunk))}


def case_members(db: Database, case_ids: Sequence[str]) -> list[tuple[str, str, int | None, int | None]]:
    """(case_id, doc_id, event_idx, attribution_idx) of the cases' members."""
    return [(r[0], r[1], r[2], r[3]) for chunk in _chunks(case_ids) for r in db.conn.execute(
        "SELECT case_id, doc_id, event_idx, attribution_idx FROM case_members"
        f" WHERE case_id IN ({_marks(chunk)}) ORDER BY case_id, doc_id, event_idx", tuple(chunk))]


def member_events(db: Database, case_ids: Sequence[str]) -> list[tuple[str, int, str | None]]:
    """(doc_id, event_idx, published) of the cases' event members."""
    return [(r["doc_id"], r["event_idx"], r["published"]) for chunk in _chunks(case_ids) for r in db.conn.execute(
        "SELECT cm.doc_id, cm.event_idx, d.published FROM case_members cm"
        " JOIN documents d ON d.doc_id = cm.doc_id"
        f" WHERE cm.case_id IN ({_marks(chunk)}) AND cm.event_idx IS NOT NULL"
        " ORDER BY cm.doc_id, cm.event_idx", tuple(chunk))]


def case_json(db: Database, case_ids: Sequence[str]) -> dict[str, str]:
    """case_id -> its stored JSON."""
    return {r[0]: r[1] for chunk in _chunks(case_ids) for r in db.conn.execute(
        f"SELECT case_id, json FROM cases WHERE case_id IN ({_marks(chunk)})", tuple(chunk))}


def blocking_query(types: Sequence[str], window: TimeWindow | None) -> tuple[str, tuple]:
    """SQL for the case members of ``types`` that time does not rule out: a superset, exact scoring follows."""
    sql = ("SELECT cm.case_id, cm.doc_id, cm.event_idx, e.json, d.published FROM case_members cm"
           " JOIN events e ON e.doc_id = cm.doc_id AND e.idx = cm.event_idx"
           " JOIN documents d ON d.doc_id = cm.doc_id"
           f" WHERE e.type IN ({_marks(types)})")
    params: list[Any] = list(types)
    if window is not None:
        # A member whose stored end precedes its start is an interval linking swaps: never excluded.
        always = ("e.modality IN ('denied', 'negated') OR d.published IS NULL"
                  " OR substr(e.time_end, 1, 10) < substr(e.time_start, 1, 10)")
        if window.dated:
            sql += (f" AND ({always} OR (e.time_start IS NOT NULL AND substr(e.time_start, 1, 10) <= ?"
                    " AND substr(COALESCE(e.time_end, e.time_start), 1, 10) >= ?)"
                    " OR substr(d.published, 1, 10) >= ?)")
            params += [window.hi, window.lo, window.lo]
        else:
            sql += (f" AND ({always} OR (e.time_start IS NOT NULL AND substr(e.time_start, 1, 10) <= ?)"
                    " OR substr(d.published, 1, 10) BETWEEN ? AND ?)")
            params += [window.hi, window.lo, window.published_hi]
    return sql + " ORDER BY cm.case_id, cm.doc_id, cm.event_idx", tuple(params)


def blocking_candidates(db: Database, types: Sequence[str], window: TimeWindow | None
                        ) -> list[tuple[str, str, int, str | None]]:
    """(case_id, doc_id, event_idx, published) of the members :func:`blocking_query` selects."""
    sql, params = blocking_query(types, window)
    return [(r["case_id"], r["doc_id"], r["event_idx"], r["published"]) for r in db.conn.execute(sql, params)]


def designated_flags(db: Database, ids: Iterable[str], min_score: float = 0.8) -> dict[str, list[dict[str, Any]]]:
    """entity id -> its sanctions-list matches at or above min_score (empty when no list was matched)."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    rows = db.conn.execute(
        "SELECT m.entity_id, m.list_id, m.reference_number, m.score, m.explanation, e.name, e.listed_on"
        " FROM list_matches m"
        " JOIN list_entries e ON e.list_id = m.list_id AND e.reference_number = m.reference_number"
        f" WHERE m.entity_id IN ({_marks(ids)}) AND m.score >= ? ORDER BY m.entity_id, m.score DESC, m.reference_number",
        (*ids, min_score),
    ).fetchall()
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if all(x["reference_number"] != r["reference_number"] for x in out[r["entity_id"]]):
            out[r["entity_id"]].append({
                "entity_id": r["entity_id"], "reference_number": r["reference_number"], "list_name": r["name"],
                "score": r["score"], "explanation": r["explanation"], "list_id": r["list_id"],
                "listed_on": r["listed_on"],
            })
    return dict(out)


# --------------------------------------------------------------------------
# Writing


def replace_all(db: Database, cases: Sequence[Case], docs: Mapping[str, Document], linked: Sequence[LinkedDocument],
                pairs: Iterable[tuple[str, str]], shingles: Iterable[tuple[int, str]] = ()) -> None:
    """A full rebuild's result: every case and the whole linking state, replaced in one transaction.

    ``docs`` holds every member document; ``shingles`` (signed shingle, doc_id) rows of the sampled index
    beside those of ``linked`` (a streaming caller gives them here, its ``linked`` rows having none)."""
    with db.transaction() as c:
        c.execute("DELETE FROM cases")
        insert_cases(c, cases, docs)
        for table in ("linked_documents", "linked_shingles", "linked_syndication", "linked_case_docs"):
            c.execute(f"DELETE FROM {table}")
        _insert_documents(db, c, linked)
        batch: list[tuple[int, str]] = []
        for row in shingles:
            batch.append(row)
            if len(batch) >= 50_000:
                db.bulk_insert(c, "linked_shingles", ("shingle", "doc_id"), batch)
                batch = []
        db.bulk_insert(c, "linked_shingles", ("shingle", "doc_id"), batch)
        batch = []
        for pair in pairs:  # a streaming caller's pairs come from disk: written in batches, never all held
            batch.append(pair)
            if len(batch) >= 50_000:
                db.bulk_insert(c, "linked_syndication", ("doc_a", "doc_b"), batch)
                batch = []
        db.bulk_insert(c, "linked_syndication", ("doc_a", "doc_b"), batch)
        _insert_case_docs(db, c, cases)


def replace_cases(db: Database, old_case_ids: Sequence[str], dirty: Sequence[str], cases: Sequence[Case],
                  docs: Mapping[str, Document], linked: Sequence[LinkedDocument],
                  rekeyed: Sequence[tuple[str, str]], new_pairs: Sequence[tuple[str, str]]) -> None:
    """An incremental update's result, in one transaction: ``old_case_ids`` give way to ``cases``; the
    ``dirty`` documents' state to ``linked``; ``rekeyed`` (doc_id, source_key) change key; ``new_pairs`` join."""
    with db.transaction() as c:
        for chunk in _chunks(old_case_ids):
            c.execute(f"DELETE FROM cases WHERE case_id IN ({_marks(chunk)})", tuple(chunk))
            c.execute(f"DELETE FROM linked_case_docs WHERE case_id IN ({_marks(chunk)})", tuple(chunk))
        for chunk in _chunks(dirty):
            marks, params = _marks(chunk), tuple(chunk)
            c.execute(f"DELETE FROM linked_documents WHERE doc_id IN ({marks})", params)
            c.execute(f"DELETE FROM linked_shingles WHERE doc_id IN ({marks})", params)
            c.execute(f"DELETE FROM linked_syndication WHERE doc_a IN ({marks}) OR doc_b IN ({marks})", params + params)
            c.execute(f"DELETE FROM linked_case_docs WHERE doc_id IN ({marks})", params)
        insert_cases(c, cases, docs)
        _insert_case_docs(db, c, cases)
        _insert_documents(db, c, linked)
        c.executemany("UPDATE linked_documents SET source_key = ? WHERE doc_id = ?", [(k, d) for d, k in rekeyed])
        c.executemany("INSERT OR IGNORE INTO linked_syndication(doc_a, doc_b) VALUES (?, ?)", list(new_pairs))


def insert_cases(c: Any, cases: Iterable[Case], docs: Mapping[str, Document]) -> None:
    """Write ``cases`` and their members, actors and sources (``docs`` holds every member document)."""
    for case in cases:
        c.execute(
            "INSERT INTO cases(case_id, type, category, summary, status, min_sources, independent_sources,"
            " time_start, time_end, reported_start, reported_end, quantity_value, quantity_unit, json)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                case.id, case.type, case.category, case.summary, case.status, case.min_sources,
                case.independent_sources, case.time_start, case.time_end, case.reported_start, case.reported_end,
                case.quantity.value if case.quantity else None, case.quantity.unit if case.quantity else None,
                json.dumps(case.to_dict(), ensure_ascii=False),
            ),
        )
        c.executemany(
            "INSERT INTO case_members(case_id, doc_id, event_idx, attribution_idx, role) VALUES (?,?,?,?,?)",
            [(case.id, m.doc_id, m.event_idx, m.attribution_idx, m.role) for m in case.members],
        )
        c.executemany(
            "INSERT INTO case_actors(case_id, role, entity_id, name) VALUES (?,?,?,?)",
            [(case.id, role, e, case.actor_names.get(e)) for role, ids in case.actors.items() for e in ids],
        )
        rows = []
        for kind, groups in (("support", case.source_groups), ("denial", case.denial_sources)):
            for n, group in enumerate(groups):
                for doc_id in group:
                    d = docs[doc_id]
                    rows.append((case.id, kind, n, doc_id, d.publisher, d.published, d.url))
        c.executemany(
            "INSERT INTO case_sources(case_id, kind, source_group, doc_id, publisher, published, url)"
            " VALUES (?,?,?,?,?,?,?)",
            rows,
        )


def _insert_documents(db: Database, c: Any, linked: Sequence[LinkedDocument]) -> None:
    db.bulk_insert(
        c, "linked_documents",
        ("doc_id", "pipeline_version", "ingested_at", "doc_rowid", "publisher_key", "source_key", "shingle_count"),
        [(d.doc_id, *d.marker, d.publisher_key, d.source_key, d.shingle_count) for d in linked])
    db.bulk_insert(c, "linked_shingles", ("shingle", "doc_id"),
                   [(_signed(h), d.doc_id) for d in linked for h in d.sampled_shingles])


def _insert_case_docs(db: Database, c: Any, cases: Iterable[Case]) -> None:
    db.bulk_insert(c, "linked_case_docs", ("case_id", "doc_id"),
                   sorted({(case.id, m.doc_id) for case in cases for m in case.members}))


def _signed(h: int) -> int:
    """The 64-bit shingle hash as a signed integer (both databases store signed 64-bit integers)."""
    return h - (1 << 64) if h >= (1 << 63) else h


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))

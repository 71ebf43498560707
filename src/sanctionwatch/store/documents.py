"""Documents in the store: writing them in bulk, reading them back, listing and finding them.

:class:`Store` is the object the rest of sanctionwatch holds: a
:class:`~.connection.Database` with the document methods below; the other
modules of this package (cases, lists, reviews, views, search) take it as
their first argument.  Documents are written in transactions of whole
documents (:meth:`Store.save_documents`), so a crash or Ctrl-C mid-batch
loses at most the documents in flight and the next run resumes where it
stopped (unchanged documents are skipped by hash).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterator, Sequence

from ..model import Attribution, Document, Entity, Event, IgnoredRegion, Mention, Sentence
from . import postgres
from .connection import Database
from .search import search_sentences


def now() -> str:
    # microseconds: incremental linking tells a re-saved document by its ingested_at
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


# The tables of a document, in load order, with the columns save_documents writes.
_DOC_COLUMNS = ("doc_id", "input", "title", "published", "publisher", "url", "language", "format", "text", "meta",
                "warnings", "skipped_stages", "pipeline_version", "ingested_at")
_CHILD_COLUMNS = {
    "ignored": ("doc_id", "start", "end", "reason"),
    "sentences": ("doc_id", "idx", "start", "end", "text"),
    "entities": ("doc_id", "entity_id", "name", "type", "wikidata"),
    "mentions": ("doc_id", "entity_id", "start", "end", "label"),
    "attributions": ("doc_id", "idx", "source_entity", "stance", "hedged", "negated", "parent", "kind", "start",
                     "end", "json"),
    "events": ("doc_id", "idx", "type", "trigger_start", "trigger_end", "modality", "attribution_idx",
               "time_start", "time_end", "json"),
}
_UPSERT_INPUT = ("INSERT INTO inputs(input, doc_id, status, reason, seen_at) VALUES (?,?,?,?,?) "
                 "ON CONFLICT(input) DO UPDATE SET doc_id=excluded.doc_id, status=excluded.status, "
                 "reason=excluded.reason, seen_at=excluded.seen_at")


class Store(Database):
    """An open sanctionwatch store.  Use as a context manager or call close()."""

    # -- writing -----------------------------------------------------------
    def has_document(self, doc_id: str, pipeline_version: str | None = None) -> bool:
        row = self.conn.execute("SELECT pipeline_version FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row is not None and (pipeline_version is None or row[0] == pipeline_version)

    def record_input(self, input: str, status: str, doc_id: str | None = None, reason: str | None = None) -> None:
        self.record_inputs([(input, status, doc_id, reason)])

    def record_inputs(self, records: Sequence[tuple[str, str, str | None, str | None]]) -> None:
        """Upsert (input, status, doc_id, reason) rows of the ``inputs`` table in one transaction."""
        stamp = now()
        with self.transaction() as c:
            c.executemany(_UPSERT_INPUT, [(i, d, s, r, stamp) for i, s, d, r in records])

    def save_document(self, doc: Document, pipeline_version: str) -> None:
        """Replace everything stored for doc.doc_id, atomically."""
        self.save_documents([doc], pipeline_version)

    def save_documents(self, docs: Sequence[Document], pipeline_version: str) -> None:
        """Replace everything stored for each of ``docs``, all in one transaction.

        Rows are bulk-loaded per table for the whole batch: one COPY
        (PostgreSQL) or one prepared statement run over all rows (SQLite).
        """
        if not docs:
            return
        docs = list({d.doc_id: d for d in docs}.values())  # the same text twice in a batch: stored once
        stamp = now()
        columns, rows = document_rows(docs, pipeline_version, stamp, search_index=self.dialect == "postgresql")
        with self.transaction() as c:
            c.executemany("DELETE FROM documents WHERE doc_id = ?", [(d.doc_id,) for d in docs])
            for table, cols in columns.items():
                self.bulk_insert(c, table, cols, rows[table])
            c.executemany(_UPSERT_INPUT, [(d.input, d.doc_id, "stored", None, stamp) for d in docs])

    def doc_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT doc_id FROM documents ORDER BY published, doc_id")]

    def get_document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else self._load(row)

    def iter_documents(self) -> Iterator[Document]:
        for doc_id in self.doc_ids():
            doc = self.get_document(doc_id)
            if doc is not None:
                yield doc

    def _load(self, row: Any) -> Document:
        doc_id, text = row["doc_id"], row["text"]
        q = self.conn.execute
        doc = Document(
            doc_id=doc_id, text=text, input=row["input"], title=row["title"], published=row["published"],
            publisher=row["publisher"], url=row["url"], language=row["language"], format=row["format"],
            meta=json.loads(row["meta"]), warnings=json.loads(row["warnings"]),
            skipped_stages=json.loads(row["skipped_stages"]),
        )
        doc.ignored = [
            IgnoredRegion(r["start"], r["end"], text[r["start"]:r["end"]], r["reason"])
            for r in q("SELECT start, end, reason FROM ignored WHERE doc_id = ? ORDER BY start", (doc_id,))
        ]
        doc.sentences = [
            Sentence(r["start"], r["end"], r["text"])
            for r in q("SELECT start, end, text FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,))
        ]
        entities: dict[str, Entity] = {}
        for r in q("SELECT entity_id, name, type, wikidata FROM entities WHERE doc_id = ? ORDER BY rowid", (doc_id,)):
            entities[r["entity_id"]] = Entity(r["entity_id"], r["name"], r["type"], [], r["wikidata"])
        for r in q("SELECT entity_id, start, end, label FROM mentions WHERE doc_id = ? ORDER BY rowid", (doc_id,)):
            if r["entity_id"] in entities:
                entities[r["entity_id"]].mentions.append(Mention(r["start"], r["end"], text[r["start"]:r["end"]], r["label"] or ""))
        doc.entities = list(entities.values())
        doc.attributions = [
            Attribution.from_dict(json.loads(r["json"]))
            for r in q("SELECT json FROM attributions WHERE doc_id = ? ORDER BY idx", (doc_id,))
        ]
        doc.events = [
            Event.from_dict(json.loads(r["json"])) for r in q("SELECT json FROM events WHERE doc_id = ? ORDER BY idx", (doc_id,))
        ]
        return doc

    def stale_doc_ids(self, version: str, everything: bool = False) -> list[str]:
        """Ids of stored documents extracted by another pipeline version (all of them with ``everything``)."""
        if everything:
            rows = self.conn.execute("SELECT doc_id FROM documents ORDER BY rowid")
        else:
            rows = self.conn.execute(
                "SELECT doc_id FROM documents WHERE pipeline_version <> ? ORDER BY rowid", (version,))
        return [r[0] for r in rows]

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over sentences (see :mod:`.search`); each hit's snippet marks matches as ⦃…⦄.  Best first."""
        return search_sentences(self, query, limit=limit, snippets=True)[1]


def document_rows(docs: Sequence[Document], pipeline_version: str, now: str, *,
                  search_index: bool = False) -> tuple[dict[str, tuple[str, ...]], dict[str, list[tuple]]]:
    """(columns, rows) by table, in load order, for storing ``docs``.

    ``search_index`` adds the sentences' ``tsv`` column, which the PostgreSQL
    store fills itself (see :func:`postgres.tsvector`).
    """
    columns = {"documents": _DOC_COLUMNS, **_CHILD_COLUMNS}
    rows: dict[str, list[tuple]] = {table: [] for table in columns}
    for d in docs:
        rows["documents"].append((
            d.doc_id, d.input, d.title, d.published, d.publisher, d.url, d.language, d.format, d.text,
            json.dumps(d.meta, ensure_ascii=False), json.dumps(d.warnings), json.dumps(d.skipped_stages),
            pipeline_version, now))
        rows["ignored"] += [(d.doc_id, r.start, r.end, r.reason) for r in d.ignored]
        rows["sentences"] += [(d.doc_id, i, s.start, s.end, s.text) for i, s in enumerate(d.sentences)]
        rows["entities"] += [(d.doc_id, e.id, e.name, e.type, e.wikidata) for e in d.entities]
        rows["mentions"] += [(d.doc_id, e.id, m.start, m.end, m.label) for e in d.entities for m in e.mentions]
        rows["attributions"] += [_attribution_row(d.doc_id, i, a) for i, a in enumerate(d.attributions)]
        rows["events"] += [_event_row(d.doc_id, i, e) for i, e in enumerate(d.events)]
    if search_index:
        columns["sentences"] += ("tsv",)
        rows["sentences"] = [(*r, postgres.tsvector(r[4])) for r in rows["sentences"]]
    return columns, rows


def _attribution_row(doc_id: str, idx: int, a: Attribution) -> tuple:
    frags = a.source + a.cue + a.content
    start = min((f.start for f in frags), default=None)
    end = max((f.end for f in frags), default=None)
    return (
        doc_id, idx, a.source_entity, a.stance, int(a.hedged), int(a.negated), a.parent, a.kind, start, end,
        json.dumps(a.to_dict(), ensure_ascii=False),
    )


def _event_row(doc_id: str, idx: int, e: Event) -> tuple:
    return (
        doc_id, idx, e.type, e.trigger.start, e.trigger.end, e.modality, e.attribution,
        e.time.start if e.time else None, e.time.end if e.time else None, json.dumps(e.to_dict(), ensure_ascii=False),
    )

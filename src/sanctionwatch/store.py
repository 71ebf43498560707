"""The evidence store: SQLite (the embedded default) or PostgreSQL (multi-user).

``Store(target)`` takes a file path (or ``sqlite:///path``) for SQLite, or a
``postgresql://`` URL for PostgreSQL (see :mod:`sanctionwatch.postgres`); the
rest of the application talks to ``store.conn`` in one SQL dialect and to the
methods below.

SQLite: one file, WAL journal, foreign keys on, schema migrations tracked in
``PRAGMA user_version``.  Documents are written in transactions of whole
documents (:meth:`Store.save_documents`), so a crash or Ctrl-C mid-batch loses
at most the documents in flight and the next run resumes where it stopped
(unchanged documents are skipped by hash).
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Sequence

from . import postgres
from .model import (
    Argument,
    Attribution,
    Document,
    Entity,
    Event,
    Fragment,
    IgnoredRegion,
    Mention,
    Quantity,
    Sentence,
    TimeValue,
)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


class StoreError(RuntimeError):
    pass


class SearchSyntaxError(StoreError, ValueError):
    """A full-text query the search engine cannot parse."""


def migrations(dialect: str = "sqlite") -> list[tuple[int, str, str]]:
    """(version, name, sql) for every packaged migration of ``dialect``, in order."""
    folder = resources.files("sanctionwatch.migrations")
    if dialect == "postgresql":
        folder = folder.joinpath("postgresql")
    found = []
    for entry in folder.iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _now() -> str:
    # microseconds: incremental linking tells a re-saved document by its ingested_at
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def is_url(target: str | Path) -> bool:
    return postgres.is_url(str(target))


def describe(target: str | Path) -> str:
    """The target for messages, without any password."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", str(target))


def exists(target: str | Path) -> bool:
    """Whether a store is there to open read-only (a server URL is assumed to exist)."""
    target = str(target)
    return is_url(target) or target == ":memory:" or Path(_sqlite_path(target)).exists()


def _sqlite_path(target: str) -> str:
    return target[len("sqlite:///"):] if target.startswith("sqlite:///") else target


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


class Store:
    """An open sanctionwatch database.  Use as a context manager or call close()."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        if is_url(self.path):
            self.dialect = "postgresql"
            self.conn: Any = postgres.connect(self.path, readonly=readonly)
        else:
            self.dialect = "sqlite"
            self.conn = self._connect_sqlite(_sqlite_path(self.path), readonly)
        if not readonly:
            self.migrate()
        elif (version := self.schema_version()) < migrations(self.dialect)[-1][0]:
            self.close()
            raise StoreError(f"{describe(self.path)} has schema {version}; open it once read-write to migrate")

    @staticmethod
    def _connect_sqlite(path: str, readonly: bool) -> sqlite3.Connection:
        if readonly:
            if path != ":memory:" and not Path(path).exists():
                raise StoreError(f"no database at {path}")
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False)
        else:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    # -- lifecycle ---------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def schema_version(self) -> int:
        if self.dialect == "postgresql":
            return postgres.schema_version(self.conn)
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> int:
        current = self.schema_version()
        for version, name, sql in migrations(self.dialect):
            if version <= current:
                continue
            try:
                if self.dialect == "postgresql":
                    postgres.apply_migration(self.conn, version, sql)
                else:
                    # executescript() commits any open transaction first, so the
                    # migration carries its own BEGIN/COMMIT to stay all-or-nothing.
                    self.conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\n;PRAGMA user_version = {version};\nCOMMIT;")
            except Exception as exc:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise StoreError(f"migration {name} failed: {exc}") from exc
            current = version
        return current

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """All-or-nothing block (nested use joins the outer transaction)."""
        if self.dialect == "postgresql":
            with self.conn.transaction() as c:
                yield c
            return
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    # -- writing -----------------------------------------------------------
    def has_document(self, doc_id: str, pipeline_version: str | None = None) -> bool:
        row = self.conn.execute("SELECT pipeline_version FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row is not None and (pipeline_version is None or row[0] == pipeline_version)

    def record_input(self, input: str, status: str, doc_id: str | None = None, reason: str | None = None) -> None:
        with self.transaction() as c:
            c.execute(_UPSERT_INPUT, (input, doc_id, status, reason, _now()))

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
        now = _now()
        columns, rows = document_rows(docs, pipeline_version, now, search_index=self.dialect == "postgresql")
        with self.transaction() as c:
            c.executemany("DELETE FROM documents WHERE doc_id = ?", [(d.doc_id,) for d in docs])
            for table, cols in columns.items():
                self.bulk_insert(c, table, cols, rows[table])
            c.executemany(_UPSERT_INPUT, [(d.input, d.doc_id, "stored", None, now) for d in docs])

    def bulk_insert(self, c: Any, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        """Insert ``rows`` inside the transaction ``c``: one COPY (PostgreSQL) or one prepared statement (SQLite)."""
        if not rows:
            return
        if self.dialect == "postgresql":
            c.copy_rows(table, columns, rows)
            return
        cols = ", ".join(f'"{col}"' for col in columns)
        c.executemany(f"INSERT INTO {table}({cols}) VALUES ({','.join('?' * len(columns))})", rows)

    # -- reading -----------------------------------------------------------
    def count(self, table: str) -> int:
        if not re.fullmatch(r"[a-z_]+", table):
            raise ValueError(table)
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def table_exists(self, name: str) -> bool:
        if self.dialect == "postgresql":
            return self.conn.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0]
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None

    def columns(self, table: str) -> list[str]:
        """The table's columns in order (PostgreSQL's explicit rowid and tsv left out, as SQLite hides them)."""
        if self.dialect == "postgresql":
            rows = self.conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = ? AND column_name NOT IN ('rowid', 'tsv') ORDER BY ordinal_position", (table,))
            return [r[0] for r in rows]
        if not re.fullmatch(r"[a-z_]+", table):
            raise ValueError(table)
        return [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]

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

    def _load(self, row: sqlite3.Row) -> Document:
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
            attribution_from_dict(json.loads(r["json"]))
            for r in q("SELECT json FROM attributions WHERE doc_id = ? ORDER BY idx", (doc_id,))
        ]
        doc.events = [
            event_from_dict(json.loads(r["json"])) for r in q("SELECT json FROM events WHERE doc_id = ? ORDER BY idx", (doc_id,))
        ]
        return doc

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over sentences; each hit's snippet marks matches as ⦃…⦄.

        The syntax is FTS5's (words, "phrases", OR, NOT, prefix*); PostgreSQL
        stores translate it with :func:`postgres.tsquery`.  Best hits first.
        """
        if self.dialect == "postgresql":
            return self._search_postgres(query, limit)
        try:
            rows = self.conn.execute(
                "SELECT s.doc_id, s.idx, s.start, s.end, s.text, d.title, d.published, d.publisher,"
                " snippet(sentences_fts, 0, '⦃', '⦄', '…', 24) AS snippet, bm25(sentences_fts) AS score"
                " FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid"
                " JOIN documents d ON d.doc_id = s.doc_id WHERE sentences_fts MATCH ? ORDER BY score LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise SearchSyntaxError(f"bad search query {query!r}: {exc}") from exc
        return [dict(r) for r in rows]

    def _search_postgres(self, query: str, limit: int) -> list[dict[str, Any]]:
        try:
            tsq = postgres.tsquery(query)
        except ValueError as exc:
            raise SearchSyntaxError(f"bad search query {query!r}: {exc}") from exc
        rows = self.conn.execute(
            "WITH q AS (SELECT ?::tsquery AS q)"
            " SELECT s.doc_id, s.idx, s.start, s.end, s.text, d.title, d.published, d.publisher,"
            " -ts_rank(s.tsv, q.q) AS score"
            " FROM q, sentences s JOIN documents d ON d.doc_id = s.doc_id"
            " WHERE s.tsv @@ q.q ORDER BY score, s.rowid LIMIT ?",
            (tsq, limit),
        ).fetchall()
        return [{**dict(r), "snippet": postgres.snippet(r["text"], query)} for r in rows]


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


class BatchWriter:
    """Buffers extracted documents and input records and writes them in batches.

    One transaction per batch (``size`` documents, or whatever is buffered
    after ``max_seconds``), so a crash loses at most the batch in flight, which
    the next run redoes (stored documents are skipped by hash).  A batch that
    fails is retried one document at a time: the document that still fails
    alone is recorded as skipped with the database's reason and listed in
    ``failed``, and the rest are stored.  On Ctrl-C the documents already
    extracted are written before the interrupt goes on.
    """

    def __init__(self, store: Store, pipeline_version: str, *, size: int = 64, max_seconds: float = 2.0):
        self.store, self.version = store, pipeline_version
        self.size, self.max_seconds = size, max_seconds
        self.docs: list[Document] = []
        self.records: list[tuple[str, str, str | None, str | None]] = []
        self.failed: list[tuple[Document, str]] = []  # (document, reason)
        self.written = 0
        self._since: float | None = None

    def add(self, doc: Document) -> None:
        self.docs.append(doc)
        self._since = self._since or time.monotonic()
        if len(self.docs) >= self.size or time.monotonic() - self._since >= self.max_seconds:
            self.flush()

    def record(self, input: str, status: str, doc_id: str | None = None, reason: str | None = None) -> None:
        self.records.append((input, status, doc_id, reason))

    def flush(self) -> None:
        docs, records = self.docs, self.records
        if not docs and not records:
            return
        self.docs, self.records, self._since = [], [], None
        try:
            with self.store.transaction() as c:
                self.store.save_documents(docs, self.version)
                now = _now()
                c.executemany(_UPSERT_INPUT, [(i, d, s, r, now) for i, s, d, r in records])
            self.written += len(docs)
            return
        except Exception:
            if not docs:  # input records alone failing is the database itself failing
                raise
        for i, s, d, r in records:
            self.store.record_input(i, s, doc_id=d, reason=r)
        for doc in docs:
            try:
                self.store.save_documents([doc], self.version)
                self.written += 1
            except Exception as exc:  # this document alone cannot be stored (e.g. a NUL character for PostgreSQL)
                reason = f"store error: {type(exc).__name__}: {str(exc).strip().splitlines()[0][:300]}"
                self.failed.append((doc, reason))
                self.store.record_input(doc.input, "skipped", reason=reason)

    def __enter__(self) -> "BatchWriter":
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.flush()
        elif issubclass(exc_type, KeyboardInterrupt):
            try:
                self.flush()
            except Exception:  # the interrupt matters more; unsaved documents are redone next run
                pass


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


def _frags(items: list[dict[str, Any]]) -> list[Fragment]:
    return [Fragment(f["start"], f["end"], f["text"]) for f in items]


def attribution_from_dict(d: dict[str, Any]) -> Attribution:
    return Attribution(
        source=_frags(d["source"]), cue=_frags(d["cue"]), content=_frags(d["content"]), stance=d["stance"],
        hedged=d["hedged"], negated=d.get("negated", False), source_entity=d.get("source_entity"),
        parent=d.get("parent"), kind=d.get("kind", "indirect"), confidence=d.get("confidence", 1.0),
    )


def event_from_dict(d: dict[str, Any]) -> Event:
    q, t, s = d.get("quantity"), d.get("time"), d.get("sentence")
    return Event(
        type=d["type"],
        trigger=Fragment(**d["trigger"]),
        arguments=[Argument(a["role"], a["start"], a["end"], a["text"], a.get("entity")) for a in d["arguments"]],
        quantity=Quantity(q["value"], q["unit"], q["approximate"]) if q else None,
        time=TimeValue(t["text"], t["start"], t["end"], t["granularity"], t["anchored"]) if t else None,
        modality=d["modality"],
        attribution=d.get("attribution"),
        sentence=Fragment(**s) if s else None,
        confidence=d.get("confidence", 1.0),
    )

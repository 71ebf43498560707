"""SQLite evidence store.

One file, WAL journal, foreign keys on, schema migrations tracked in
``PRAGMA user_version``.  Each document is written in a single transaction,
so a crash or Ctrl-C mid-batch loses at most the document in flight and the
next run resumes where it stopped (unchanged documents are skipped by hash).
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

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


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every packaged migration, in order."""
    found = []
    for entry in resources.files("sanctionwatch.migrations").iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """An open sanctionwatch database.  Use as a context manager or call close()."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        if readonly:
            if self.path != ":memory:" and not Path(self.path).exists():
                raise StoreError(f"no database at {self.path}")
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
        elif self.schema_version() < migrations()[-1][0]:
            raise StoreError(f"{self.path} has schema {self.schema_version()}; open it once read-write to migrate")

    # -- lifecycle ---------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> int:
        current = self.schema_version()
        for version, name, sql in migrations():
            if version <= current:
                continue
            # executescript() commits any open transaction first, so the
            # migration carries its own BEGIN/COMMIT to stay all-or-nothing.
            try:
                self.conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\n;PRAGMA user_version = {version};\nCOMMIT;")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise StoreError(f"migration {name} failed: {exc}") from exc
            current = version
        return current

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing block (nested use joins the outer transaction)."""
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
        with self.transaction():
            self.conn.execute(
                "INSERT INTO inputs(input, doc_id, status, reason, seen_at) VALUES (?,?,?,?,?) "
                "ON CONFLICT(input) DO UPDATE SET doc_id=excluded.doc_id, status=excluded.status, "
                "reason=excluded.reason, seen_at=excluded.seen_at",
                (input, doc_id, status, reason, _now()),
            )

    def save_document(self, doc: Document, pipeline_version: str) -> None:
        """Replace everything stored for doc.doc_id, atomically."""
        with self.transaction() as c:
            c.execute("DELETE FROM documents WHERE doc_id = ?", (doc.doc_id,))
            c.execute(
                "INSERT INTO documents(doc_id, input, title, published, publisher, url, language, format, text, meta,"
                " warnings, skipped_stages, pipeline_version, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.doc_id, doc.input, doc.title, doc.published, doc.publisher, doc.url, doc.language,
                    doc.format, doc.text, json.dumps(doc.meta, ensure_ascii=False), json.dumps(doc.warnings),
                    json.dumps(doc.skipped_stages), pipeline_version, _now(),
                ),
            )
            c.executemany(
                "INSERT INTO ignored(doc_id, start, end, reason) VALUES (?,?,?,?)",
                [(doc.doc_id, r.start, r.end, r.reason) for r in doc.ignored],
            )
            c.executemany(
                "INSERT INTO sentences(doc_id, idx, start, end, text) VALUES (?,?,?,?,?)",
                [(doc.doc_id, i, s.start, s.end, s.text) for i, s in enumerate(doc.sentences)],
            )
            c.executemany(
                "INSERT INTO entities(doc_id, entity_id, name, type, wikidata) VALUES (?,?,?,?,?)",
                [(doc.doc_id, e.id, e.name, e.type, e.wikidata) for e in doc.entities],
            )
            c.executemany(
                "INSERT INTO mentions(doc_id, entity_id, start, end, label) VALUES (?,?,?,?,?)",
                [(doc.doc_id, e.id, m.start, m.end, m.label) for e in doc.entities for m in e.mentions],
            )
            c.executemany(
                "INSERT INTO attributions(doc_id, idx, source_entity, stance, hedged, negated, parent, kind, start, end, json)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [_attribution_row(doc.doc_id, i, a) for i, a in enumerate(doc.attributions)],
            )
            c.executemany(
                "INSERT INTO events(doc_id, idx, type, trigger_start, trigger_end, modality, attribution_idx,"
                " time_start, time_end, json) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [_event_row(doc.doc_id, i, e) for i, e in enumerate(doc.events)],
            )
            c.execute(
                "INSERT INTO inputs(input, doc_id, status, reason, seen_at) VALUES (?,?,?,?,?) "
                "ON CONFLICT(input) DO UPDATE SET doc_id=excluded.doc_id, status=excluded.status, "
                "reason=excluded.reason, seen_at=excluded.seen_at",
                (doc.input, doc.doc_id, "stored", None, _now()),
            )

    # -- reading -----------------------------------------------------------
    def count(self, table: str) -> int:
        if not re.fullmatch(r"[a-z_]+", table):
            raise ValueError(table)
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

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
        """Full-text search over sentences (FTS5 syntax); each hit's snippet marks matches as ⦃…⦄."""
        try:
            rows = self.conn.execute(
                "SELECT s.doc_id, s.idx, s.start, s.end, s.text, d.title, d.published, d.publisher,"
                " snippet(sentences_fts, 0, '⦃', '⦄', '…', 24) AS snippet, bm25(sentences_fts) AS score"
                " FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid"
                " JOIN documents d ON d.doc_id = s.doc_id WHERE sentences_fts MATCH ? ORDER BY score LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc
        return [dict(r) for r in rows]


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

"""Full-text search over stored sentences: one query builder for the CLI and the web, on both backends.

The search syntax is FTS5's, read by one tokeniser (:data:`postgres.FTS_TOKEN`)
and written out for the backend in use: words, "phrases", OR, AND, NOT,
prefix*, parentheses.  A bare word that holds punctuation (``Yo-jong``,
``ship-to-ship``, ``U.N.``) is searched as the phrase of its words, as
PostgreSQL's translation always did; FTS5 given it raw reads ``-jong`` as a
column filter and fails with "no such column".  NEAR groups are searched as
their plain words on both backends.

Filters (period, publisher, language, actor, event type, stance) keep the
sentences of matching documents or those that contain such a span; the
``WHERE`` clause comes from :mod:`.filters`, as for every other list.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..errors import SearchSyntaxError
from . import postgres
from .connection import Database
from .filters import DocumentFilter, Where, unindexed

_WORD = re.compile(r"\w+", re.UNICODE)
_OPERATORS = ("OR", "AND", "NOT")


def fts_query(q: str, mode: str = "words") -> str:
    """The query in the store's syntax: 'words' ANDs every word of ``q`` (no syntax errors possible);
    'fts' reads ``q`` as FTS5 syntax."""
    if mode == "fts":
        return q
    return " ".join('"' + w.replace('"', '""') + '"' for w in _WORD.findall(q))


def fts5_match(query: str) -> str:
    """The FTS5 MATCH expression for ``query``: every term quoted, so punctuation inside a word is the
    tokenizer's business, not the query parser's.  Raises SearchSyntaxError for unbalanced quotes."""
    if query.count('"') % 2:
        raise SearchSyntaxError(f"bad search query {query!r}: unbalanced quotes")
    out: list[str] = []
    for m in postgres.FTS_TOKEN.finditer(query):
        phrase, star, opening, closing, bare = m.groups()
        if opening or closing:
            out.append(opening or closing)
        elif phrase is not None:
            out.append(f'"{phrase}"{star}')
        elif bare in _OPERATORS:
            out.append(bare)
        elif bare.upper().startswith("NEAR") or not postgres.words(bare):
            continue
        else:
            prefix = "*" if bare.endswith("*") else ""
            out.append('"' + bare.rstrip("*").replace('"', '""') + '"' + prefix)
    if not out:
        raise SearchSyntaxError(f"bad search query {query!r}: nothing to search for")
    return " ".join(out)


def _tsquery(query: str) -> str:
    try:
        return postgres.tsquery(query)
    except ValueError as exc:
        raise SearchSyntaxError(f"bad search query {query!r}: {exc}") from exc


@dataclass(frozen=True)
class SpanFilter:
    """Keep sentences that contain a mention of ``actor``, an event trigger of ``event_type``,
    or an attribution of ``stance`` (each given one)."""

    actor: str | None = None
    event_type: str | None = None
    stance: str | None = None

    def apply(self, w: Where, db: Database) -> Where:
        # Unary '+' keeps SQLite on the per-document index: the per-value
        # indexes (entity, type, stance) would scan every match in the store
        # for each candidate sentence.
        if self.actor:
            w.add("EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = s.doc_id AND"
                  f" {unindexed(db, 'm.entity_id')} = ? AND m.start >= s.start AND m.end <= s.end)", self.actor)
        if self.event_type:
            w.add("EXISTS (SELECT 1 FROM events ev WHERE ev.doc_id = s.doc_id AND"
                  f" {unindexed(db, 'ev.type')} = ? AND ev.trigger_start >= s.start AND ev.trigger_end <= s.end)",
                  self.event_type)
        if self.stance:
            w.add("EXISTS (SELECT 1 FROM attributions a WHERE a.doc_id = s.doc_id AND"
                  f" {unindexed(db, 'a.stance')} = ? AND a.start < s.end AND a.end > s.start)", self.stance)
        return w


def search_sentences(db: Database, query: str, *, documents: DocumentFilter = DocumentFilter(),
                     spans: SpanFilter = SpanFilter(), limit: int = 20, offset: int = 0,
                     snippets: bool = False) -> tuple[int, list[dict[str, Any]]]:
    """(total, hits), best first.  Each hit: doc_id, idx, start, end, text, title, published, publisher,
    language, score; with ``snippets`` also a snippet whose matches are marked ⦃…⦄."""
    if db.dialect == "postgresql":
        tsq = _tsquery(query)
        w = Where().add("s.tsv @@ q.q")
        joins = " FROM (SELECT ?::tsquery AS q) q, sentences s JOIN documents d ON d.doc_id = s.doc_id"
        w.args.insert(0, tsq)  # the placeholder in the FROM item comes first
        score, order = "-ts_rank(s.tsv, q.q)", "score, s.rowid"
        snippet = ""
    else:
        w = Where().add("sentences_fts MATCH ?", fts5_match(query))
        joins = (" FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid"
                 " JOIN documents d ON d.doc_id = s.doc_id")
        score, order = "sentences_fts.rank", "score"
        # snippet() runs on every match before the LIMIT: only when asked for.
        snippet = ", snippet(sentences_fts, 0, '⦃', '⦄', '…', 24) AS snippet" if snippets else ""
    documents.apply(w, "d")
    spans.apply(w, db)
    # One pass: the window count gives the total while the rows are ranked
    # (FTS5 allows no window function next to snippet(): then a second query counts).
    window = "" if snippet else ", count(*) OVER () AS total"
    try:
        rows = db.conn.execute(
            "SELECT s.doc_id, s.idx, s.start, s.end, s.text, d.title, d.published, d.publisher, d.language,"
            f" {score} AS score{snippet}{window}{joins}{w.sql()} ORDER BY {order}"
            " LIMIT ? OFFSET ?", [*w.args, limit, offset]).fetchall()
        if rows and not snippet:
            total = rows[0]["total"]
        elif rows or offset:
            total = db.conn.execute(f"SELECT count(*){joins}{w.sql()}", w.args).fetchone()[0]
        else:
            total = 0
    except sqlite3.OperationalError as exc:  # malformed FTS5 syntax
        raise SearchSyntaxError(f"bad search query {query!r}: {exc}") from exc
    hits = [{k: r[k] for k in r.keys() if k != "total"} for r in rows]
    if snippets and db.dialect == "postgresql":
        for hit in hits:
            hit["snippet"] = postgres.snippet(hit["text"], query)
    return total, hits

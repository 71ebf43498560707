"""PostgreSQL backend of the store: a multi-user alternative to the SQLite file.

``Store("postgresql://user@host/db")`` selects it; everything above the store
(pipeline, linking, reports, the web app) runs unchanged.  It keeps the same
tables, columns and migration versions as SQLite (``migrations/postgresql/``
mirrors ``migrations/``; a test compares the two), with these differences:

* Full-text search uses PostgreSQL's own ``tsvector`` and ``tsquery`` with a
  GIN index instead of FTS5 tables.  The vectors are built here, in Python,
  with FTS5's ``unicode61 remove_diacritics 2`` word rules (:func:`words`),
  rather than by PostgreSQL's parser, whose tokens ("ship-to-ship", "7.5",
  "kim’s", hosts, file names) and locale-dependent classes would find other
  sentences than SQLite does for the same query.
* Tables carry an explicit ``rowid`` identity column where SQLite has an
  implicit one, so that "in insertion order" means the same in both.
* Documents are written in bulk: one transaction per batch and one ``COPY``
  per table, not one INSERT per row.

The application's SQL is written once, in SQLite's dialect with ``?``
placeholders; :func:`translate` rewrites what differs mechanically:
placeholders, the reserved word ``end`` used as a column name,
case-insensitive ``LIKE``, ``INSERT OR IGNORE``, ``CROSS JOIN ... ON`` (a
join-order hint in SQLite), two-argument ``max``/``min``, and NULL ordering
(SQLite sorts NULL first, PostgreSQL last).  Queries that cannot be shared
(FTS, JSON) branch on ``store.dialect``.

Credentials never need to be on the command line: libpq reads ``PGPASSWORD``,
``PGPASSFILE`` (``~/.pgpass``), ``PGSERVICE`` and the other ``PG*`` variables,
and ``SANCTIONWATCH_DB`` can hold the whole URL.
"""

from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Iterable, Iterator, Sequence

from ..errors import StoreError

URL_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")

# Transaction-scoped advisory lock key that serialises migrations between
# processes opening the same database at once (any constant; "sw" in ASCII).
_MIGRATION_LOCK = 0x7377


def is_url(target: str) -> bool:
    return target.startswith(URL_PREFIXES)


def _require_psycopg() -> Any:
    try:
        import psycopg
        import psycopg.pq
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("the PostgreSQL store needs psycopg: pip install 'sanctionwatch[postgres]'") from exc
    return psycopg


# -- SQL dialect ---------------------------------------------------------------

# Literals and quoted identifiers pass through untouched; everything else is rewritten.
_SEGMENTS = re.compile(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")")
_END = re.compile(r"(?<![\w\"])end\b")  # lower-case: the column; the keyword END is written in capitals
_LIKE = re.compile(r"\bLIKE\b")
_CROSS_JOIN = re.compile(r"\bCROSS JOIN\b")
_ORDER_BY = re.compile(r"\bORDER BY\b")
_CLAUSE_END = re.compile(r"\b(LIMIT|OFFSET|UNION|EXCEPT|INTERSECT)\b")
_EXTREMUM = re.compile(r"\b(max|min)\(", re.I)
_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.I)


@lru_cache(maxsize=1024)
def translate(sql: str, with_params: bool = True) -> str:
    """The PostgreSQL form of one statement written in the store's SQLite dialect."""
    if re.search(r"\bINSERT\s+OR\s+(REPLACE|ABORT|FAIL|ROLLBACK)\b", sql, re.I):
        raise ValueError("INSERT OR REPLACE has no portable form: write ON CONFLICT (...) DO UPDATE")
    ignore = bool(_OR_IGNORE.match(sql))
    if ignore:
        sql = _OR_IGNORE.sub("INSERT INTO", sql, count=1)
    out = []
    for i, part in enumerate(_SEGMENTS.split(sql)):
        if i % 2:  # a literal or a quoted identifier
            out.append(part.replace("%", "%%") if with_params else part)
            continue
        if with_params:
            part = part.replace("%", "%%").replace("?", "%s")
        part = _END.sub('"end"', part)
        part = _CROSS_JOIN.sub("JOIN", part)
        out.append(_LIKE.sub("ILIKE", part))
    sql = _scalar_extrema(_null_order("".join(out)))
    if ignore:
        sql = sql.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    return sql


def _closing(sql: str, i: int) -> int:
    """Index of the parenthesis closing the one opened just before ``i`` (or len(sql))."""
    depth = 1
    while i < len(sql):
        depth += {"(": 1, ")": -1}.get(sql[i], 0)
        if depth == 0:
            return i
        i += 1
    return i


def _top_level_split(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def _null_order(sql: str) -> str:
    """Give every ORDER BY term SQLite's NULL placement: first when ascending, last when descending."""
    out, pos = [], 0
    for m in _ORDER_BY.finditer(sql):
        if m.start() < pos:
            continue
        start = m.end()
        # the clause ends at LIMIT/OFFSET/..., or at the parenthesis closing its (sub)query
        close = _closing(sql, start)
        end_kw = _CLAUSE_END.search(sql, start, close)
        end = end_kw.start() if end_kw else close
        terms = []
        for term in _top_level_split(sql[start:end]):
            stripped = term.rstrip()
            if not stripped.strip() or re.search(r"\bNULLS\s+(FIRST|LAST)\s*$", stripped, re.I):
                terms.append(term)
                continue
            nulls = " NULLS LAST" if re.search(r"\bDESC$", stripped, re.I) else " NULLS FIRST"
            terms.append(stripped + nulls + term[len(stripped):])
        out.append(sql[pos:start] + ",".join(terms))
        pos = end
    return "".join(out) + sql[pos:]


def _scalar_extrema(sql: str) -> str:
    """SQLite's two-argument max(a, b)/min(a, b) are PostgreSQL's greatest/least."""
    for m in reversed(list(_EXTREMUM.finditer(sql))):
        close = _closing(sql, m.end())
        if len(_top_level_split(sql[m.end():close])) > 1:
            name = "greatest" if m.group(1).lower() == "max" else "least"
            sql = sql[:m.start()] + name + sql[m.start() + len(m.group(1)):]
    return sql


class Row(tuple):
    """A result row readable by position and by column name, like ``sqlite3.Row``."""

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> "Row":
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: Any):
    index = {d.name: i for i, d in enumerate(cursor.description or ())}
    return lambda values: Row(values, index)


class Connection:
    """The subset of ``sqlite3.Connection`` the application uses, over a psycopg connection.

    The connection is in autocommit mode: a read is its own statement, and
    writes go through :meth:`transaction` (or the store's ``transaction()``).
    """

    def __init__(self, raw: Any):
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] | None = ()) -> Any:
        cur = self.raw.cursor(row_factory=_row_factory)
        cur.execute(translate(sql, bool(params)), params or None)
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        rows = list(rows)
        cur = self.raw.cursor(row_factory=_row_factory)
        if rows:
            cur.executemany(translate(sql, True), rows)
        return cur

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != _require_psycopg().pq.TransactionStatus.IDLE

    def commit(self) -> None:
        if self.in_transaction:
            self.raw.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.raw.execute("ROLLBACK")

    @contextmanager
    def transaction(self) -> Iterator["Connection"]:
        """All-or-nothing; nested use joins the outer transaction (as the SQLite store does)."""
        if self.in_transaction:
            yield self
            return
        self.raw.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            self.raw.execute("COMMIT")

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Bulk-load rows with COPY (inside the caller's transaction)."""
        cols = ", ".join(f'"{c}"' for c in columns)
        with self.raw.cursor().copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)

    def close(self) -> None:
        self.raw.close()


def connect(url: str, *, readonly: bool = False) -> Connection:
    psycopg = _require_psycopg()
    url = url.replace("postgresql+psycopg://", "postgresql://", 1)
    try:
        raw = psycopg.connect(url, autocommit=True, application_name="sanctionwatch")
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to PostgreSQL: {str(exc).strip()}") from exc
    if readonly:
        raw.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    return Connection(raw)


# -- schema ---------------------------------------------------------------------

def schema_version(conn: Connection) -> int:
    row = conn.execute("SELECT to_regclass('sanctionwatch_schema') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM sanctionwatch_schema").fetchone()
    return row[0] or 0


def apply_migration(conn: Connection, version: int, sql: str) -> bool:
    """Apply one migration unless another process already did; all or nothing."""
    with conn.transaction():
        conn.raw.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        conn.raw.execute("CREATE TABLE IF NOT EXISTS sanctionwatch_schema (version INTEGER PRIMARY KEY,"
                         " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        if schema_version(conn) >= version:
            return False
        conn.raw.execute(sql)  # no parameters: the simple protocol runs the whole script
        conn.raw.execute("INSERT INTO sanctionwatch_schema(version) VALUES (%s)", (version,))
    return True


# -- full-text search -------------------------------------------------------------

FTS_TOKEN = re.compile(r'"([^"]*)"(\*?)|(\()|(\))|([^\s()"]+)')
_WORD = re.compile(r"[^\W_]+")
_MAX_POSITION = 16383  # PostgreSQL keeps word positions up to this; later ones share it


def words(text: str) -> list[str]:
    """Index words as FTS5's unicode61 tokenizer with remove_diacritics 2 makes them:
    runs of letters and digits, lower-cased, accents removed."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _WORD.findall(unicodedata.normalize("NFC", stripped).lower())  # NFC: Hangul syllables stay whole


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(text: str) -> str:
    """The text form of the ``tsvector`` of ``text`` (positions from 1), for COPY or ``::tsvector``."""
    positions: dict[str, list[int]] = {}
    for i, w in enumerate(words(text), 1):
        positions.setdefault(w, []).append(min(i, _MAX_POSITION))
    return " ".join(f"{_lexeme(w)}:{','.join(map(str, sorted(set(p))))}" for w, p in positions.items())


_OPERATORS = {"OR": ["|"], "AND": ["&"], "NOT": ["&", "!"]}


def tsquery(fts: str) -> str:
    """Turn the store's search syntax (FTS5's: words, "phrases", OR, AND, NOT, prefix*, parentheses)
    into the text form of a ``tsquery`` over :func:`words`.  Raises ValueError when nothing searchable is left."""
    if fts.count('"') % 2:
        raise ValueError("unbalanced quotes")
    out: list[str] = []
    op, depth = ["&"], 0
    for m in FTS_TOKEN.finditer(fts):
        phrase, star, opening, closing, bare = m.groups()
        if bare in _OPERATORS:
            op = _OPERATORS[bare]
            continue
        if closing:
            if not depth or out[-1] in ("|", "&", "!", "("):
                raise ValueError("unbalanced or empty parentheses")
            out.append(")")
            depth -= 1
            continue
        if bare is not None and bare.upper().startswith("NEAR"):
            continue  # NEAR groups are searched as their plain words
        terms = [] if opening else [_lexeme(w) for w in words(phrase if phrase is not None else bare)]
        if not opening and not terms:
            continue
        if out and out[-1] not in ("|", "&", "!", "("):
            out += op
        if opening:
            out.append("(")
            depth += 1
        else:
            if star or (bare or "").endswith("*"):
                terms[-1] += ":*"
            out.append(" <-> ".join(terms))
        op = ["&"]
    if depth:
        raise ValueError("unbalanced parentheses")
    if not out:
        raise ValueError(f"nothing to search for in {fts!r}")
    return " ".join(out)


def query_terms(fts: str) -> tuple[set[str], set[str]]:
    """(whole words, prefixes) a query looks for, folded like the index, for marking snippets."""
    exact: set[str] = set()
    prefixes: set[str] = set()
    for m in FTS_TOKEN.finditer(fts):
        phrase, star, _opening, _closing, bare = m.groups()
        if bare in _OPERATORS or (bare or "").upper().startswith("NEAR"):
            continue
        found = words(phrase if phrase is not None else (bare or ""))
        if found and (star or (bare or "").endswith("*")):
            prefixes.add(found.pop())
        exact.update(found)
    return exact, prefixes


def snippet(text: str, fts: str, width: int = 24) -> str:
    """The sentence cut to ``width`` words around its first match, matches marked ⦃…⦄ (as FTS5's snippet())."""
    exact, prefixes = query_terms(fts)
    spans = []
    for m in _WORD.finditer(text):
        folded = words(m.group())
        hit = any(w in exact or any(w.startswith(p) for p in prefixes) for w in folded)
        spans.append((m.start(), m.end(), hit))
    if not spans:
        return text
    first = next((i for i, (_, _, hit) in enumerate(spans) if hit), 0)
    lo = max(0, min(first - width // 4, len(spans) - width))
    hi = min(len(spans), lo + width)
    start = 0 if lo == 0 else spans[lo][0]
    end = len(text) if hi == len(spans) else spans[hi - 1][1]
    out, pos = ["…" if lo else ""], start
    for s, e, hit in spans[lo:hi]:
        if hit:
            out += [text[pos:s], "⦃", text[s:e], "⦄"]
            pos = e
    out += [text[pos:end], "…" if hi < len(spans) else ""]
    return "".join(out)

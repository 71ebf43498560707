"""A scratch table on disk for the full rebuild's shingles, so that finding syndicated copies over the whole
store holds no corpus-sized index in memory (whatever backend the store itself uses).

:class:`ShingleSpill` takes each document's shingle set as the rebuild streams the documents, then gives the
pairs of documents sharing shingles with how many they share (the count the in-memory
:func:`sanctionwatch.linking.syndication.syndication_pairs` takes, with the same cap on how many documents
may hold one shingle), and each document's sampled shingles for the linking state.  It lives in a
temporary SQLite file, removed on close.

It also holds the evidence the clustering reads (:mod:`sanctionwatch.linking.sweep`): each document's
linking view and items as one pickled record, and a row per item with its sort key and days, so that the
clustering can take the items in date order and load a document only when the sweep reaches it.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

_BATCH = 50_000


def _signed(h: int) -> int:
    """The 64-bit shingle hash as a signed integer (what SQLite stores)."""
    return h - (1 << 64) if h >= (1 << 63) else h


@dataclass(frozen=True, slots=True)
class SweepRow:
    """An item in sweep order, with where the items still to come after it lie (for finishing clusters)."""

    pos: int  # 0, 1, ... in sweep order
    doc: str
    idx: int
    later_lo: int | None  # the earliest day any later item lies on (None: no later item is placed)
    later_unplaced: bool  # a later item lies nowhere in particular (it may join any cluster)


@dataclass(frozen=True, slots=True)
class ItemRow:
    """What the sweep order is made from: an item's sort key (see ``Item.key``) and blocking facts."""

    key: str
    idx: int
    lo: int | None
    tally: bool  # a multi-year tally with a figure
    undated_figure: bool
    unit: str | None  # the figure's unit (for the two above)


class ShingleSpill:
    """doc -> shingles, on disk; use as a context manager."""

    def __init__(self, directory: str | None = None):
        fd, self.path = tempfile.mkstemp(prefix="sanctionwatch-shingles-", suffix=".db", dir=directory)
        os.close(fd)
        self.conn = sqlite3.connect(self.path)
        # Scratch data: no journal, no fsync; a crash loses nothing that is not recomputed.
        self.conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16000;"
                                "CREATE TABLE sh(shingle INTEGER NOT NULL, doc INTEGER NOT NULL);"
                                "CREATE TABLE ev_docs(doc TEXT PRIMARY KEY, record BLOB NOT NULL);"
                                "CREATE TABLE ev_items(k TEXT NOT NULL, doc TEXT NOT NULL, idx INTEGER NOT NULL,"
                                " lo INTEGER, tally INTEGER NOT NULL, undated_figure INTEGER NOT NULL, unit TEXT);")
        self.ids: list[str] = []  # doc index -> doc_id
        self._pending: list[tuple[int, int]] = []
        self._indexed = False

    def __enter__(self) -> ShingleSpill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass

    def add(self, doc_id: str, shingles: Iterable[int]) -> None:
        n = len(self.ids)
        self.ids.append(doc_id)
        self._pending.extend((_signed(h), n) for h in shingles)
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        self.conn.executemany("INSERT INTO sh(shingle, doc) VALUES (?, ?)", self._pending)
        self._pending = []

    def _index(self) -> None:
        if not self._indexed:
            self._flush()
            self.conn.execute("CREATE INDEX sh_shingle ON sh(shingle, doc)")
            self.conn.execute("CREATE INDEX sh_doc ON sh(doc)")
            self._indexed = True

    def shared_counts(self, max_holders: int = 200) -> Iterator[tuple[str, str, int]]:
        """(doc_a, doc_b, shared shingles), doc_a < doc_b, over the shingles held by 2 to ``max_holders``
        documents (one held by more is boilerplate, not syndication)."""
        self._index()
        rows = self.conn.execute(
            "WITH held AS (SELECT shingle FROM sh GROUP BY shingle HAVING count(*) BETWEEN 2 AND ?)"
            " SELECT a.doc, b.doc, count(*) FROM held h JOIN sh a ON a.shingle = h.shingle"
            " JOIN sh b ON b.shingle = h.shingle AND b.doc > a.doc GROUP BY a.doc, b.doc", (max_holders,))
        for a, b, n in rows:
            x, y = self.ids[a], self.ids[b]
            yield (x, y, n) if x < y else (y, x, n)

    def keep_pairs(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Keep (doc_a, doc_b) pairs (copies found by :meth:`shared_counts`) on disk for :meth:`pairs`."""
        self.conn.execute("CREATE TABLE IF NOT EXISTS pairs(a TEXT NOT NULL, b TEXT NOT NULL)")
        batch: list[tuple[str, str]] = []
        for pair in pairs:  # may come from a query on the shingle table of this connection: another table
            batch.append(pair)
            if len(batch) >= _BATCH:
                self.conn.executemany("INSERT INTO pairs(a, b) VALUES (?, ?)", batch)
                batch = []
        self.conn.executemany("INSERT INTO pairs(a, b) VALUES (?, ?)", batch)

    def pairs(self) -> Iterator[tuple[str, str]]:
        """The kept pairs, sorted; a fresh iterator each call."""
        self.conn.execute("CREATE TABLE IF NOT EXISTS pairs(a TEXT NOT NULL, b TEXT NOT NULL)")
        yield from self.conn.execute("SELECT a, b FROM pairs ORDER BY a, b")

    def sampled(self, mod: int) -> Iterator[tuple[int, str]]:
        """(signed shingle, doc_id) of every document's shingles divisible by ``mod``, by document."""
        self._index()
        for shingle, doc in self.conn.execute(f"SELECT shingle, doc FROM sh WHERE shingle % {int(mod)} = 0"
                                              " ORDER BY doc, shingle"):
            yield shingle, self.ids[doc]

    def add_evidence(self, doc_id: str, record: Any, rows: Iterable[ItemRow]) -> None:
        """Keep a document's linking ``record`` (pickled) and the sweep rows of its items."""
        self.conn.execute("INSERT INTO ev_docs(doc, record) VALUES (?, ?)",
                          (doc_id, pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)))
        self.conn.executemany(
            "INSERT INTO ev_items(k, doc, idx, lo, tally, undated_figure, unit) VALUES (?,?,?,?,?,?,?)",
            [(r.key, doc_id, r.idx, r.lo, int(r.tally), int(r.undated_figure), r.unit) for r in rows])

    def evidence(self, doc_id: str) -> Any:
        """The record :meth:`add_evidence` kept for ``doc_id``."""
        (blob,) = self.conn.execute("SELECT record FROM ev_docs WHERE doc = ?", (doc_id,)).fetchone()
        return pickle.loads(blob)

    def items_per_document(self) -> dict[str, int]:
        return dict(self.conn.execute("SELECT doc, count(*) FROM ev_items GROUP BY doc"))

    def sweep(self) -> Iterator[SweepRow]:
        """Every item row by (key, doc, idx), the clustering's order, with where later items lie."""
        self.conn.execute("CREATE INDEX IF NOT EXISTS ev_order ON ev_items(k, doc, idx)")
        rows = self.conn.execute(
            "SELECT doc, idx, min(lo) OVER later, max(lo IS NULL) OVER later FROM ev_items"
            " WINDOW later AS (ORDER BY k DESC, doc DESC, idx DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)"
            " ORDER BY k, doc, idx")
        for pos, (doc, idx, lo, unplaced) in enumerate(rows):
            yield SweepRow(pos, doc, idx, lo, bool(unplaced))

    def last_figures(self) -> dict[tuple[bool, str | None], int]:
        """(is a tally, unit) -> the sweep position of the last tally (or undated figure) in that unit."""
        rows = self.conn.execute(
            "SELECT tally, unit, max(pos) FROM (SELECT tally, undated_figure, unit,"
            " row_number() OVER (ORDER BY k, doc, idx) - 1 AS pos FROM ev_items)"
            " WHERE tally OR undated_figure GROUP BY tally, unit")
        return {(bool(tally), unit): pos for tally, unit, pos in rows}

"""A scratch table on disk for the full rebuild's shingles, so that finding syndicated copies over the whole
store holds no corpus-sized index in memory (whatever backend the store itself uses).

:class:`ShingleSpill` takes each document's shingle set as the rebuild streams the documents, then gives the
pairs of documents sharing shingles with how many they share (the count the in-memory
:func:`sanctionwatch.linking.syndication.syndication_pairs` takes, with the same cap on how many documents
may hold one shingle), and each document's sampled shingles for the linking state.  It lives in a
temporary SQLite file, removed on close.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from typing import Iterable, Iterator

_BATCH = 50_000


def _signed(h: int) -> int:
    """The 64-bit shingle hash as a signed integer (what SQLite stores)."""
    return h - (1 << 64) if h >= (1 << 63) else h


class ShingleSpill:
    """doc -> shingles, on disk; use as a context manager."""

    def __init__(self, directory: str | None = None):
        fd, self.path = tempfile.mkstemp(prefix="sanctionwatch-shingles-", suffix=".db", dir=directory)
        os.close(fd)
        self.conn = sqlite3.connect(self.path)
        # Scratch data: no journal, no fsync; a crash loses nothing that is not recomputed.
        self.conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16000;"
                                "CREATE TABLE sh(shingle INTEGER NOT NULL, doc INTEGER NOT NULL);")
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

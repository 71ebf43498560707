"""The evidence store: every SQL statement of sanctionwatch lives in this package.

SQLite (the embedded default) or PostgreSQL (multi-user), chosen by the
target: a file path or ``sqlite:///path``, or a ``postgresql://`` URL.  One
module per job:

* :mod:`.connection` opening, checks, migrations (``migrations/``), transactions
* :mod:`.documents`  :class:`Store`: documents written in bulk and read back
* :mod:`.batch`      :class:`BatchWriter`: batched writes for the pipeline
* :mod:`.search`     the one full-text query builder (CLI and web)
* :mod:`.filters`    the one WHERE builder and period reading
* :mod:`.views`      the workbench's read queries (documents, actors, attributions, events, timeline)
* :mod:`.cases`      stored cases: filters, lists, detail
* :mod:`.lists`      sanctions lists and their matches
* :mod:`.reviews`    analysts' reviews
* :mod:`.linking`    the linking tables: cases written by linking, and the incremental update's state
* :mod:`.postgres`   the PostgreSQL dialect, connection and search vectors
* :mod:`.faults`     driver errors turned into the store's errors
"""

from ..errors import SearchSyntaxError, StoreError
from .batch import BatchWriter
from .connection import Database, IntegrityReport, check_integrity, describe, exists, is_url, migrations
from .documents import Store, document_rows

__all__ = [
    "BatchWriter",
    "Database",
    "IntegrityReport",
    "SearchSyntaxError",
    "Store",
    "StoreError",
    "check_integrity",
    "describe",
    "document_rows",
    "exists",
    "is_url",
    "migrations",
]

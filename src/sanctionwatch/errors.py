"""One exception hierarchy for sanctionwatch, rooted at :class:`SanctionwatchError`.

Every error the library raises on purpose derives from the root, and each
class carries the exit code the command line ends with, so the CLI maps errors
to exit codes in one place (``cli._Commands.invoke``) and a script can catch
``SanctionwatchError`` alone.  Built-in bases (``RuntimeError``,
``ValueError``) are kept where callers caught them before the hierarchy existed.

Exit codes: 1 error, 2 usage (a bad argument or query), 4 the store cannot be
used as it is (damaged, not a database, from a newer sanctionwatch), 5 the
store cannot be written now (disk full, read-only, locked by another writer);
3 (finished, some inputs skipped) is decided by the summary, not by an error.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3  # decided by the run's summary (some inputs skipped), never carried by an error
EXIT_STORE_UNUSABLE = 4
EXIT_STORE_UNAVAILABLE = 5


class SanctionwatchError(Exception):
    """Root of every error sanctionwatch raises on purpose."""

    exit_code = EXIT_ERROR


# -- the store -------------------------------------------------------------------

class StoreError(SanctionwatchError, RuntimeError):
    """The store cannot do what was asked (no database there, a migration failed, ...)."""


class SearchSyntaxError(StoreError, ValueError):
    """A full-text query the search engine cannot parse."""

    exit_code = EXIT_USAGE


class StoreUnusable(StoreError):
    """The store cannot be used as it is: rerunning will not help until it is repaired or replaced."""

    exit_code = EXIT_STORE_UNUSABLE


class StoreDamaged(StoreUnusable):
    """Damaged pages, or a file that is not a database at all."""


class SchemaTooNew(StoreUnusable):
    """The store was written by a newer sanctionwatch, whose schema this one does not know."""


class StoreUnavailable(StoreError):
    """The store is sound but cannot be written now; nothing half-written was kept, a rerun resumes."""

    exit_code = EXIT_STORE_UNAVAILABLE


class StoreFull(StoreUnavailable):
    """The disk (or the database's size limit) is full."""


class StoreReadOnly(StoreUnavailable):
    """The store's file, directory or server refuses writes."""


class StoreLocked(StoreUnavailable):
    """Another process holds the lock for longer than the store waits."""


class StoreIOError(StoreUnavailable):
    """The operating system failed a read or write of the store's files (a disk or network share gone)."""


class StoreUnreachable(StoreUnavailable):
    """The database server went away (connection lost, server shut down)."""


# -- the stages ----------------------------------------------------------------------

class IngestError(SanctionwatchError):
    """An input that could not become a document; ``input`` says which, ``reason`` why.

    A corpus run records it as a skipped input (exit code 3 for the run); raised alone (the web upload,
    a script), it is an error of its own.
    """

    def __init__(self, input: str, reason: str):
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason

    def __reduce__(self):  # pickled across worker processes with both arguments
        return (type(self), (self.input, self.reason))


class ModelUnavailable(SanctionwatchError, RuntimeError):
    """A model the pipeline needs is not installed; nothing was extracted."""


class ModelNotFound(ModelUnavailable):
    """The spaCy pipeline named by --model or $SANCTIONWATCH_MODEL (or the default) is not installed."""


class ModelMissing(ModelUnavailable):
    """A trained model the extractor needs (the CRF tagger, the encoder) is not where it is looked for."""


class UnknownProfile(SanctionwatchError, ValueError):
    """An attribution profile other than those the extractor knows."""

    exit_code = EXIT_USAGE


class CorpusNotFound(SanctionwatchError, FileNotFoundError):
    """An evaluation corpus (PolNeAR, the dev sets) is not where it is looked for."""

    exit_code = EXIT_USAGE


# -- sanctions lists -------------------------------------------------------------------

class ListError(SanctionwatchError, ValueError):
    """A sanctions list file sanctionwatch cannot read."""


class UnknownListFormat(ListError):
    """The file is none of the list formats sanctionwatch reads (or the format named is not one)."""


class ListNotImported(SanctionwatchError, LookupError):
    """Matching asked for a sanctions list (or any list) that has not been imported into the store."""


# -- other layers ------------------------------------------------------------------

class ReviewError(SanctionwatchError, ValueError):
    """The review cannot be stored as given (unknown document, target or field)."""

    exit_code = EXIT_USAGE


class ExecutionError(SanctionwatchError, RuntimeError):
    """Extraction on several processes or machines could not go on."""


class EngineUnavailable(ExecutionError):
    """An optional execution engine (Dask, Ray) is not installed."""


class DaskUnavailable(EngineUnavailable):
    pass


class RayUnavailable(EngineUnavailable):
    pass


class WorkerDied(ExecutionError):
    """The worker running a chunk died and its results are lost: raised by an engine, caught by the
    in-order loop (execution/ordered.py), which re-runs or isolates the chunk."""


class NoWorkers(ExecutionError):
    """The cluster lost all its workers; what is stored so far is safe and a rerun resumes."""


class WorkerVersionMismatch(ExecutionError):
    """A worker runs another pipeline version: its results would be stored under the wrong one."""

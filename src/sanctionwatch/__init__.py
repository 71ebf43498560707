"""sanctionwatch: an evidence engine for monitoring sanctions on the DPRK from open-source reporting.

The public surface, for scripts::

    import sanctionwatch as sw

    pipeline = sw.load_pipeline()                      # model and data files, loaded once
    doc = sw.extract("…article text…", pipeline=pipeline)  # one Document, nothing stored
    result = sw.run(["corpus/"], "sw.db", pipeline=pipeline, report_dir="report/")
    with sw.open_store("sw.db", readonly=True) as store:
        hits = store.search('"Kim Yo-jong"')

Everything named in ``__all__`` is kept stable (a test fails when it changes);
anything else is internal.
"""

from .errors import SanctionwatchError, SearchSyntaxError, StoreError
from .model import SCHEMA_VERSION, Attribution, Document, Entity, Event, Fragment, IgnoredRegion, Mention
from .pipeline import Pipeline, Settings, Summary
from .store import Store
from .version import __version__
from .workflow import RunResult, extract, load_pipeline, open_store, run

__all__ = [
    "SCHEMA_VERSION",
    "Attribution",
    "Document",
    "Entity",
    "Event",
    "Fragment",
    "IgnoredRegion",
    "Mention",
    "Pipeline",
    "RunResult",
    "SanctionwatchError",
    "SearchSyntaxError",
    "Settings",
    "Store",
    "StoreError",
    "Summary",
    "__version__",
    "extract",
    "load_pipeline",
    "open_store",
    "run",
]

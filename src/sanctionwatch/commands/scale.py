"""`sanctionwatch reprocess`: bring a store up to the current pipeline version, in parallel if asked."""

from __future__ import annotations

import json
import sys

import click

from ..attribution.profiles import PROFILE_ENV, PROFILES
from ..errors import EXIT_OK, EXIT_PARTIAL
from ..execution import SCHEDULER_ENV
from ..pipeline import Pipeline, Settings
from ..reprocess import reprocess_store
from ..store import Store
from . import db_option


@click.command()
@db_option(must_exist=True, help="Store to update")
@click.option("--all", "everything", is_flag=True, help="Re-process every document, not only those stored by another pipeline version.")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True, envvar="SANCTIONWATCH_WORKERS",
              help="Extraction processes on this machine (or Dask workers with --dask local).")
@click.option("--dask", "scheduler", envvar=SCHEDULER_ENV,
              help=f"Run extraction on Dask: a scheduler address (tcp://host:8786, tls://...) or 'local'; env {SCHEDULER_ENV}.")
@click.option("--chunk", type=click.IntRange(1), default=None, help="Documents per task (default 16; 32 on Dask).")
@click.option("--min-sources", type=int, default=2, show_default=True, help="Independent sources needed to call a case corroborated.")
@click.option("--model", envvar="SANCTIONWATCH_MODEL", help="spaCy pipeline (package name or path); env SANCTIONWATCH_MODEL.")
@click.option("--profile", "attribution_profile", type=click.Choice(PROFILES), envvar=PROFILE_ENV,
              help=f"Attribution tagger, 'fast' or 'accurate'; env {PROFILE_ENV}. Changing it changes the pipeline version.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def reprocess(db_path, everything, workers, scheduler, chunk, min_sources, model, attribution_profile, fmt) -> None:
    """Re-run extraction on stored documents whose pipeline version is not the current one.

    The stored text is the input (the original files are not needed).  Cases are updated
    afterwards (only those the re-processed documents touch).  Safe to interrupt: a rerun continues where it stopped.
    """
    pipeline = Pipeline(Settings(model=model, attribution_profile=attribution_profile))  # a missing model ends in the CLI's one error line
    with Store(db_path) as store:
        summary = reprocess_store(store, pipeline, everything=everything, workers=workers, scheduler=scheduler,
                                  chunk=chunk, min_sources=min_sources)
    if fmt == "json":
        click.echo(json.dumps(summary.as_dict(), indent=2))
    else:
        click.echo(f"pipeline version {summary.version}: {summary.reprocessed} of {summary.candidates} "
                   f"document(s) re-processed in {summary.seconds:.1f}s"
                   + ("; cases updated" if summary.cases_updated else ""), err=True)
        for doc_id, reason in summary.failed:
            click.echo(f"failed {doc_id}: {reason}", err=True)
    sys.exit(EXIT_PARTIAL if summary.failed else EXIT_OK)


commands = [reprocess]

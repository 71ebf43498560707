"""``sanctionwatch review``: an analyst's verdict from the command line, taking effect as the web's does.

``review keys DOC_ID`` lists what a document offers for review (target and key, as the web's document
view shows them); ``review add`` stores a verdict through :func:`sanctionwatch.workflow.review`, which
re-resolves the document's list flags and re-links its cases.
"""

from __future__ import annotations

import json

import click

from .. import reviews as rv
from .. import workflow
from ..errors import ReviewError
from ..escape import terminal
from ..store import Store
from . import db_option

_db = db_option(must_exist=True, help="Store written by `sanctionwatch run`", dest="db")


@click.group("review")
def review_group() -> None:
    """Analysts' reviews: mark an extraction correct or wrong, or correct a field; rejected extractions
    leave the cases, the actor pages and the reports."""


@review_group.command("keys")
@_db
@click.argument("doc_id")
def keys_command(db: str, doc_id: str) -> None:
    """Print the reviewable extractions of a document: one JSON line each, with its target and key."""
    with Store(db, readonly=True) as store:
        doc = store.get_document(doc_id)
        if doc is None:
            raise click.ClickException(f"no document {doc_id!r}")
        for (target, key), current in rv.extraction_keys(doc).items():
            click.echo(json.dumps({"target": target, "target_key": key, "extraction": current}, ensure_ascii=False))


@review_group.command("add")
@_db
@click.argument("doc_id")
@click.argument("target", type=click.Choice(rv.TARGETS))
@click.argument("target_key")
@click.argument("verdict", type=click.Choice(rv.VERDICTS))
@click.option("--reviewer", required=True, envvar="SANCTIONWATCH_REVIEWER", help="Who reviews; env SANCTIONWATCH_REVIEWER.")
@click.option("--field", "field_", default=None, help="The corrected field (with verdict 'corrected').")
@click.option("--value", default=None, help="The corrected value.")
@click.option("--note", default=None, help="A free note.")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="Independent sources needed to call a case corroborated, for the re-linked cases.")
def add_command(db: str, doc_id: str, target: str, target_key: str, verdict: str, reviewer: str,
                field_: str | None, value: str | None, note: str | None, min_sources: int) -> None:
    """Store one review of DOC_ID's TARGET (key TARGET_KEY, see `review keys`) and re-link its cases."""
    with Store(db) as store:
        try:
            done = workflow.review(store, min_sources=min_sources, doc_id=doc_id, target=target,
                                   target_key=target_key, verdict=verdict, reviewer=reviewer, field=field_,
                                   value=value, note=note)
        except ReviewError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"review {done.id}: {done.target} {terminal(done.target_key)} marked {done.verdict}", err=True)


commands = [review_group]

"""`sanctionwatch export`: the store as CSV and JSONL tables, and as FollowTheMoney entities.

Exit codes: 0 ok, 1 error (missing database); storage failures as in :mod:`sanctionwatch.errors`.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from ..export_tables import TABLE_FORMATS, TABLES, export_tables
from ..store import Store, StoreError, exists
from . import StoreTarget
from .web import export_reviews_cmd

err = Console(stderr=True)
FORMATS = (*TABLE_FORMATS, "ftm")


@click.group("export", invoke_without_command=True)
@click.option("--db", "db", envvar="SANCTIONWATCH_DB", type=StoreTarget(), default=None,
              help="Store written by `sanctionwatch run`: a SQLite file or a postgresql:// URL; env SANCTIONWATCH_DB.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None, help="Directory for the files.")
@click.option("--format", "formats", type=click.Choice(FORMATS), multiple=True,
              help="Formats to write (repeatable; default csv, jsonl and ftm).")
@click.option("--table", "tables", type=click.Choice(TABLES), multiple=True,
              help="Tables to write as CSV/JSONL (repeatable; default all).")
@click.pass_context
def export_command(ctx: click.Context, db: str | None, out_dir: str | None, formats: tuple[str, ...],
                   tables: tuple[str, ...]) -> None:
    """Export cases, case members, events (with CAMEO and PLOVER codes), attributions and entities as CSV and
    JSONL, and entities, list matches and actor links as FollowTheMoney entities (entities.ftm.json).

    `sanctionwatch export reviews` writes the analysts' reviews instead.
    """
    if ctx.invoked_subcommand is not None:
        return
    if db is None or out_dir is None:
        raise click.UsageError("export needs --db and --out (or a subcommand: reviews)")
    if not exists(db):
        raise StoreError(f"no database at {db}; create one with `sanctionwatch run PATHS --db {db}`")
    formats = formats or FORMATS
    out = Path(out_dir)
    with Store(db) as store:
        table_formats = [f for f in formats if f in TABLE_FORMATS]
        if table_formats:
            for written in export_tables(store, out, tables=tables or TABLES, formats=table_formats):
                err.print(f"{written.table} ({written.format}): {written.rows} row(s) -> {written.path}")
        if "ftm" in formats:
            # followthemoney takes seconds to import (ICU, its schema); only `export --format ftm` pays for it.
            try:
                from ..export_ftm import export_ftm
            except ImportError as exc:  # the optional extra: pip install 'sanctionwatch[ftm]'
                raise click.UsageError(f"--format ftm needs the followthemoney package: "
                                       f"pip install 'sanctionwatch[ftm]' ({exc})") from exc

            path = out / "entities.ftm.json"
            counts = export_ftm(store, path)
            err.print(f"followthemoney: {', '.join(f'{n} {k}' for k, n in sorted(counts.items())) or 'nothing'}"
                      f" -> {path}")


export_command.add_command(export_reviews_cmd)

commands: list[click.Command] = [export_command]

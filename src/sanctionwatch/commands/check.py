"""`sanctionwatch check`: the full integrity check of a store, without changing it.

Exit codes: 0 sound; 4 damaged, not a database, or from a newer sanctionwatch.
"""

from __future__ import annotations

import click
from rich.console import Console
from rich.markup import escape

from ..errors import EXIT_STORE_UNUSABLE
from ..store import check_integrity, describe
from . import db_option

err = Console(stderr=True, soft_wrap=True)


@click.command("check")
@db_option(must_exist=True, help="Store to check", dest="db")
@click.option("--max-problems", type=click.IntRange(1), default=100, show_default=True,
              help="Stop listing after this many problems.")
def check_command(db: str, max_problems: int) -> None:
    """Run SQLite's full integrity_check (PostgreSQL: read every table) and compare schema versions."""
    report = check_integrity(db, max_problems)
    version = "unknown" if report.schema_version is None else str(report.schema_version)
    err.print(f"{escape(describe(db))}: schema version {version} (this sanctionwatch: {report.supported_version})")
    if report.ok:
        err.print("ok")
        return
    for problem in report.problems:
        err.print(f"[red]problem:[/] {escape(problem)}")
    raise SystemExit(EXIT_STORE_UNUSABLE)


commands: list[click.Command] = [check_command]

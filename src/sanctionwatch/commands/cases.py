"""Case and sanctions-list commands: `report`, `cases`, `lists import`, `lists match`, `lists flags`.

Exit codes: 0 ok, 1 error (missing database, unreadable list), 2 usage (click); storage failures
as in :mod:`sanctionwatch.errors`.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .. import workflow
from ..escape import terminal
from ..sanctions import FORMATS, STATUSES as FLAG_STATUSES, detect_format, import_list, match_store
from ..store import Store, StoreError, exists
from ..store import lists as stored_lists
from ..store.cases import CASE_STATUSES, CaseFilter, load_cases
from ..store.filters import date_bound
from . import db_option

err = Console(stderr=True)
out = Console()


def _open_store(db: str, create: bool = False) -> Store:
    if not create and not exists(db):
        raise StoreError(f"no database at {db}; create one with `sanctionwatch run PATHS --db {db}`")
    return Store(db)


def _bound(value: str | None, param: str) -> str:
    """A --since/--until value as one side of a period (checked here, so the error names the option)."""
    if value is None:
        return ""
    try:
        date_bound(value, upper=param == "--until")
    except ValueError:
        raise click.BadParameter(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}", param_hint=param) from None
    return value


_db_option = db_option(help="Store written by `sanctionwatch run`", dest="db")


@click.command("report")
@_db_option
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Directory for cases.md and cases.html.")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="Independent sources needed to call a case corroborated.")
def report_command(db: str, out_dir: str, min_sources: int) -> None:
    """Write the Panel-style case report (cases.md, cases.html) from the store.

    Runs the corpus workflow's tail first (lists matched, every stored document re-linked), then writes
    the report from the stored cases, so the case tables, `cases`, the web and the report agree.
    """
    with _open_store(db) as store:
        written = workflow.update_store(store, min_sources=min_sources, full=True, report_dir=Path(out_dir),
                                        reports="cases")
    for name, path in written.items():
        err.print(f"report ({name}): {terminal(path)}")


@click.command("cases")
@_db_option
@click.option("--actor", help="Only cases with this actor id in any role (e.g. prk, rus, kim-yo-jong).")
@click.option("--type", "type_", help="Only cases of this event type (an id from data/taxonomy.yaml).")
@click.option("--since", help="Only cases dated (or, if undated, reported) on or after this date.")
@click.option("--until", help="Only cases dated (or, if undated, reported) on or before this date.")
@click.option("--status", type=click.Choice(CASE_STATUSES), help="Only cases with this corroboration status.")
@click.option("--rebuild/--no-rebuild", default=False, show_default=True,
              help="Match the imported lists and re-link the stored documents before listing (otherwise the cases "
                   "of the last run are shown).")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="With --rebuild: independent sources needed to call a case corroborated.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
def cases_command(db, actor, type_, since, until, status, rebuild, min_sources, fmt) -> None:
    """List the cases in the store: linked events with their status and sources."""
    since, until = _bound(since, "--since"), _bound(until, "--until")
    period = f"{since}..{until}" if since or until else None
    with _open_store(db) as store:
        if rebuild:
            workflow.link_cases(store, min_sources, full=True)
        try:
            found = load_cases(store, CaseFilter(status=status, type=type_, actor=actor, period=period))
        except ValueError as exc:  # --since after --until
            raise click.BadParameter(str(exc), param_hint="--since/--until") from None
    if fmt == "json":
        click.echo(json.dumps([c.to_dict() for c in found], indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(found)} case(s)")
    for col in ("case", "status", "sources", "category", "when", "summary"):
        table.add_column(col, overflow="fold")
    for c in found:
        when = c.time_start or (f"reported {c.reported_start}" if c.reported_start else "")
        flag = " ⚑" if c.designated else ""
        table.add_row(c.id, c.status, str(c.independent_sources), c.category, when,
                      terminal(c.summary) + flag)  # summaries quote actor names from articles: not markup
    out.print(table)


@click.group("lists")
def lists_group() -> None:
    """Sanctions lists: import UN, OFAC, EU, UK or OpenSanctions lists and match stored entities against them."""


@lists_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="The list's format (detected from the file when left out).")
def lists_import(file: str, db: str, fmt: str | None) -> None:
    """Import FILE (a sanctions list: UN, OFAC SDN, EU or UK XML, or FollowTheMoney JSON), replacing an earlier copy."""
    try:
        fmt = fmt or detect_format(file)  # UnknownListFormat ends in the CLI's one error line
    except ET.ParseError as exc:
        raise click.ClickException(str(exc)) from exc
    with _open_store(db, create=True) as store:
        try:
            sl = import_list(store, file, fmt)
        except ET.ParseError as exc:
            raise click.ClickException(f"{file} is not valid XML: {exc}") from exc
        except (ValueError, KeyError) as exc:
            raise click.ClickException(f"{file} is not a readable {fmt} list: {exc}") from exc
    stats, dprk = sl.stats(None), sl.stats()
    err.print(f"imported {sl.list_id} (format {fmt}): {stats['entries']} entries ({stats['aliases']} aliases) "
              f"generated {sl.date_generated}; DPRK: {dprk['individuals']} individuals, {dprk['entities']} entities, "
              f"{dprk['aliases']} aliases, {dprk['identifiers']} identifiers")


@lists_group.command("match")
@_db_option
@click.option("--list", "list_id", default=None, help="Only this imported list (default: every imported list).")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True, help="Only show matches scoring at least this.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format.")
def lists_match(db: str, list_id: str | None, min_score: float, fmt: str) -> None:
    """Match every stored mention against the DPRK entries of the imported lists; store flags and matches."""
    with _open_store(db) as store:
        n = match_store(store, list_id)  # ListNotImported ends in the CLI's one error line
        rows = stored_lists.matches(store, min_score)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{n} match(es)")
    for col in ("entity", "text", "list", "entry", "score", "explanation"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["entity_id"], r["matched_text"], f"{r['list_id']} {r['programme'] or ''}".strip(),
                      r["reference_number"], f"{r['score']:.2f}", r["explanation"])
    out.print(table)


@lists_group.command("flags")
@_db_option
@click.option("--status", type=click.Choice(FLAG_STATUSES), default=None, help="Only flags with this status.")
@click.option("--doc", "doc_id", default=None, help="Only flags in this document.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format.")
def lists_flags(db: str, status: str | None, doc_id: str | None, min_score: float, fmt: str) -> None:
    """Show the stored flags (from `lists match`): each matched mention with its document, offsets, status and reasons."""
    with _open_store(db) as store:
        rows = stored_lists.flags(store, min_score=min_score, status=status, doc_id=doc_id)
    for r in rows:
        r["reasons"] = json.loads(r["reasons"])
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} flag(s)")
    for col in ("status", "text", "where", "list", "entry", "score", "reasons"):
        table.add_column(col, overflow="fold")
    for r in rows:
        reasons = "; ".join(f"{x['verdict']}: {x['text']}" for x in r["reasons"]) or r["method"]
        table.add_row(r["status"], terminal(r["matched_text"]), f"{r['doc_id'][:12]}:{r['start']}-{r['end']}",
                      terminal(f"{r['list_id']} {r['programme'] or ''}".strip()),
                      terminal(f"{r['reference_number']} {r['listed_name']}"), f"{r['score']:.2f}", terminal(reasons))
    out.print(table)


commands: list[click.Command] = [report_command, cases_command, lists_group]

"""Case and sanctions-list commands: `report`, `cases`, `lists import`, `lists match`.

Exit codes: 0 ok, 1 error (missing database, unreadable list), 2 usage (click).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..escape import terminal
from ..link import STATUSES
from . import db_option

err = Console(stderr=True)
out = Console()


def _open_store(db: str, create: bool = False):
    from ..store import Store, StoreError, exists

    if not create and not exists(db):
        raise click.ClickException(f"no database at {db}; create one with `sanctionwatch run PATHS --db {db}`")
    try:
        return Store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _iso(value: str | None, param: str) -> str | None:
    if value is None:
        return None
    try:
        if len(value) >= 10:
            return date.fromisoformat(value).isoformat()
        parts = [int(p) for p in value.split("-")]
        if param == "--until":  # a year or month given as upper bound includes all of it
            year, month = parts[0], parts[1] if len(parts) > 1 else 12
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1).isoformat()
        return date(parts[0], parts[1] if len(parts) > 1 else 1, 1).isoformat()
    except ValueError:
        raise click.BadParameter(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}", param_hint=param) from None


_db_option = db_option(help="Store written by `sanctionwatch run`", dest="db")


@click.command("report")
@_db_option
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Directory for cases.md and cases.html.")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="Independent sources needed to call a case corroborated.")
def report_command(db: str, out_dir: str, min_sources: int) -> None:
    """Write the Panel-style case report (cases.md, cases.html) from the store.

    Re-links the stored documents first, so the case tables and the report agree.
    """
    from ..link import rebuild_cases
    from ..report.cases import write_case_report

    with _open_store(db) as store:
        rebuild_cases(store, min_sources=min_sources)
        written = write_case_report(store, Path(out_dir), min_sources=min_sources)
    for name, path in written.items():
        err.print(f"report ({name}): {terminal(path)}")


@click.command("cases")
@_db_option
@click.option("--actor", help="Only cases with this actor id in any role (e.g. prk, rus, kim-yo-jong).")
@click.option("--type", "type_", help="Only cases of this event type (an id from data/taxonomy.yaml).")
@click.option("--since", help="Only cases dated (or, if undated, reported) on or after this date.")
@click.option("--until", help="Only cases dated (or, if undated, reported) on or before this date.")
@click.option("--status", type=click.Choice(STATUSES), help="Only cases with this corroboration status.")
@click.option("--rebuild/--no-rebuild", default=False, show_default=True,
              help="Re-link the stored documents before listing (otherwise the cases of the last run are shown).")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="With --rebuild: independent sources needed to call a case corroborated.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
def cases_command(db, actor, type_, since, until, status, rebuild, min_sources, fmt) -> None:
    """List the cases in the store: linked events with their status and sources."""
    since, until = _iso(since, "--since"), _iso(until, "--until")
    with _open_store(db) as store:
        if rebuild:
            from ..link import rebuild_cases

            rebuild_cases(store, min_sources=min_sources)
        sql = ["SELECT json FROM cases c WHERE 1=1"]
        args: list = []
        if actor:
            sql.append("AND EXISTS (SELECT 1 FROM case_actors a WHERE a.case_id = c.case_id AND a.entity_id = ?)")
            args.append(actor)
        if type_:
            sql.append("AND c.type = ?")
            args.append(type_)
        if status:
            sql.append("AND c.status = ?")
            args.append(status)
        if since:
            sql.append("AND coalesce(c.time_end, c.reported_end) >= ?")
            args.append(since)
        if until:
            sql.append("AND coalesce(c.time_start, c.reported_start) <= ?")
            args.append(until)
        sql.append("ORDER BY c.category, coalesce(c.time_start, c.reported_start), c.case_id")
        rows = [json.loads(r["json"]) for r in store.conn.execute(" ".join(sql), args)]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} case(s)")
    for col in ("case", "status", "sources", "category", "when", "summary"):
        table.add_column(col, overflow="fold")
    for c in rows:
        when = c["time"]["start"] or (f"reported {c['reported']['start']}" if c["reported"]["start"] else "")
        flag = " ⚑" if c.get("designated") else ""
        table.add_row(c["id"], c["status"], str(c["independent_sources"]), c["category"], when or "",
                      terminal(c["summary"]) + flag)  # summaries quote actor names from articles: not markup
    out.print(table)


@click.group("lists")
def lists_group() -> None:
    """Sanctions lists: import the UN consolidated list and match stored entities against it."""


@lists_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_db_option
def lists_import(file: str, db: str) -> None:
    """Import FILE (UN Security Council consolidated list XML) into the store, replacing an earlier copy."""
    from ..sanctions_list import import_list

    with _open_store(db, create=True) as store:
        try:
            sl = import_list(store, file)
        except ET.ParseError as exc:
            raise click.ClickException(f"{file} is not valid XML: {exc}") from exc
    stats, dprk = sl.stats(None), sl.stats()
    err.print(f"imported {stats['entries']} entries ({stats['aliases']} aliases) generated {sl.date_generated}; "
              f"DPRK: {dprk['individuals']} individuals, {dprk['entities']} entities, {dprk['aliases']} aliases, "
              f"{dprk['identifiers']} identifiers")


@lists_group.command("match")
@_db_option
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True, help="Only show matches scoring at least this.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format.")
def lists_match(db: str, min_score: float, fmt: str) -> None:
    """Match every stored entity against the DPRK entries of the imported list and store the matches."""
    from ..sanctions_list import match_store

    with _open_store(db) as store:
        try:
            n = match_store(store)
        except LookupError as exc:
            raise click.ClickException(str(exc)) from exc
        rows = [dict(r) for r in store.conn.execute(
            "SELECT entity_id, matched_text, reference_number, score, method, explanation FROM list_matches"
            " WHERE score >= ? ORDER BY score DESC, entity_id, reference_number", (min_score,))]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{n} match(es)")
    for col in ("entity", "text", "entry", "score", "explanation"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(terminal(r["entity_id"]), terminal(r["matched_text"]), terminal(r["reference_number"]),
                      f"{r['score']:.2f}", terminal(r["explanation"]))
    out.print(table)


commands: list[click.Command] = [report_command, cases_command, lists_group]

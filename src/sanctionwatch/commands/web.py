"""``sanctionwatch serve`` (the workbench) and ``sanctionwatch export reviews``."""

from __future__ import annotations

import sys

import click

from ..reviews import export_reviews
from ..store import Store
from . import db_option

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


@click.command()
@db_option(must_exist=True, help="Store to serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Interface to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--token", envvar="SANCTIONWATCH_TOKEN", default=None,
              help="Allow writes (reviews, uploads) with 'Authorization: Bearer TOKEN'. Env SANCTIONWATCH_TOKEN. "
                   "Without it the server is read-only.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another Host name the server answers to (repeatable), besides 127.0.0.1, localhost, [::1] and "
                   "--host; every other name is refused (DNS rebinding).")
def serve(db_path: str, host: str, port: int, token: str | None, allow_hosts: tuple[str, ...]) -> None:
    """Run the analyst workbench (web UI + JSON API under /api/v1) over a store."""
    try:
        import uvicorn

        from ..web import create_app
        from ..web.security import host_names
    except ImportError as exc:
        raise click.ClickException(f"the workbench needs the 'web' extra (pip install 'sanctionwatch[web]'): {exc}")
    if token is not None and len(token) < 12:
        raise click.BadParameter("use a token of at least 12 characters", param_hint="--token")
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach it can read the store", err=True)
    app = create_app(db_path, token=token, allowed_hosts=host_names(host, allow_hosts))
    mode = "reviews and uploads enabled (bearer token)" if token else "read-only"
    click.echo(f"sanctionwatch workbench on http://{host}:{port}/ ({mode})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)


# Registered under the `export` group of commands/export.py.
@click.command("reviews")
@db_option(must_exist=True, help="Store to export from")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, writable=True), default=None,
              help="JSONL file to write (default: standard output).")
def export_reviews_cmd(db_path: str, out_path: str | None) -> None:
    """Write every analyst review as JSON lines, with the exact span texts it concerns."""
    with Store(db_path) as store:
        if out_path:
            with open(out_path, "w", encoding="utf-8") as fp:
                n = export_reviews(store, fp)
        else:
            n = export_reviews(store, sys.stdout)
    click.echo(f"{n} review{'s' if n != 1 else ''} exported" + (f" to {out_path}" if out_path else ""), err=True)


commands: list[click.Command] = [serve]

"""Sub-command modules.  Each module here exposes ``commands: list[click.Command]``;
``sanctionwatch.cli`` registers all of them on the top-level group."""

from __future__ import annotations

import importlib
import pkgutil

import click

from ..store import describe, exists, is_url


def discover() -> list[click.Command]:
    found: list[click.Command] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(getattr(module, "commands", []))
    return found


class StoreTarget(click.ParamType):
    """A SQLite file path or a postgresql:// URL (passwords belong in PGPASSWORD or ~/.pgpass)."""

    name = "PATH|URL"

    def __init__(self, must_exist: bool = False):
        self.must_exist = must_exist

    def convert(self, value, param, ctx):
        value = str(value)
        if is_url(value):
            return value
        path = click.Path(dir_okay=False).convert(value, param, ctx)
        if self.must_exist and not exists(path):
            self.fail(f"no database at {describe(path)}; create one with `sanctionwatch run PATHS --db {path}`",
                      param, ctx)
        return str(path)


def db_option(*, must_exist: bool = False, help: str = "The store", dest: str = "db_path"):
    """``--db``: a SQLite file or a postgresql:// URL; env SANCTIONWATCH_DB."""
    return click.option(
        "--db", dest, required=True, envvar="SANCTIONWATCH_DB", type=StoreTarget(must_exist),
        help=f"{help}: a SQLite file or a postgresql://user@host/db URL; env SANCTIONWATCH_DB.")

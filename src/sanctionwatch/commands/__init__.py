"""Sub-command modules.  Each module here exposes ``commands: list[click.Command]``;
``sanctionwatch.cli`` registers all of them on the top-level group."""

from __future__ import annotations

import importlib
import pkgutil

import click


def discover() -> list[click.Command]:
    found: list[click.Command] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(getattr(module, "commands", []))
    return found

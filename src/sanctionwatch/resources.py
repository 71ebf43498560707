"""Files shipped inside the package (YAML tables under data/, the JSON schema), read in one place.

Every module that reads a package data file calls :func:`package_yaml` (or
:func:`package_text`) rather than repeating the importlib.resources idiom, so
the files are parsed once per process and a user-facing error names the file.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["package_text", "package_yaml"]


def package_text(package: str, name: str) -> str:
    """The text of ``name`` in ``sanctionwatch.<package>`` (``package`` as a dotted sub-package, e.g. "data")."""
    return resources.files(f"sanctionwatch.{package}").joinpath(name).read_text(encoding="utf-8")


def package_yaml(name: str, package: str = "data") -> Any:
    """The parsed YAML file ``name`` of ``sanctionwatch.<package>``; an empty file reads as {}.

    Each caller gets its own copy, so a caller that edits what it read cannot change what the next one reads.
    """
    return copy.deepcopy(_parsed(package, name))


@lru_cache(maxsize=None)
def _parsed(package: str, name: str) -> Any:
    return yaml.safe_load(package_text(package, name)) or {}

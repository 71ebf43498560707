"""The layout's rules, checked on the source: no import cycles, SQL only in the store, imports at the top (but
optional extras), no module taking another's private names, small modules, a stable public API.

Modelled on httpx's public-API test: changing the public surface must be a
deliberate edit of EXPECTED_API below, not a side effect.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

import sanctionwatch
from sanctionwatch import errors
from sanctionwatch.ingest import IngestError

SRC = Path(sanctionwatch.__file__).resolve().parent
ROOT = "sanctionwatch"

_SQL_CALL = re.compile(r"\.(execute|executemany|executescript|cursor)\(")

# Optional extras may only be imported where they are used, behind a clear ImportError message.
OPTIONAL_EXTRAS = {"distributed", "ray", "psycopg", "psycopg.pq", "playwright",
                   "uvicorn", "sanctionwatch.web",  # the 'web' extra (FastAPI, uvicorn), for `serve` only
                   "sanctionwatch.export_ftm"}  # the 'ftm' extra (followthemoney), for `export --format ftm` only
# Every module is held to the layout's rules; a module under rewrite may be named here for the time of the rewrite.
UNDER_REWRITE: set[str] = set()


def module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _resolve(current: str, is_package: bool, level: int, target: str | None) -> str:
    base = current.split(".") if is_package else current.split(".")[:-1]
    if level:
        base = base[: len(base) - (level - 1)]
        return ".".join(base + ([target] if target else []))
    return target or ""


def _type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING" or \
        isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING"


def imports_in(source: str, name: str, is_package: bool) -> list[tuple[str, int, bool]]:
    """(imported module, line, at module level) for every import in ``source`` that is not for type checkers."""
    tree = ast.parse(source)
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                continue
            nested = top and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, top) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                module = _resolve(name, is_package, child.level, child.module)
                for alias in child.names:
                    sub = f"{module}.{alias.name}"
                    found.append((sub if sub in MODULES else module, child.lineno, top))
            visit(child, nested)

    visit(tree, True)
    return found


def imports(name: str) -> list[tuple[str, int, bool]]:
    path = MODULES[name]
    return imports_in(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")


def late_imports(found: list[tuple[str, int, bool]]) -> list[str]:
    """The imports inside functions that are not of an optional extra."""
    return [f"{m} (line {line})" for m, line, top in found
            if not top and not any(m == x or m.startswith(x + ".") for x in OPTIONAL_EXTRAS)]


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_imports(source: str, name: str, is_package: bool) -> list[str]:
    """Private names this module takes from another sanctionwatch module: by ``from m import _x`` or ``m._x``."""
    tree = ast.parse(source)
    modules: dict[str, str] = {}  # local name -> sanctionwatch module bound to it
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = _resolve(name, is_package, node.level, node.module)
            if module != ROOT and not module.startswith(ROOT + "."):
                continue
            for alias in node.names:
                if f"{module}.{alias.name}" in MODULES:
                    modules[alias.asname or alias.name] = f"{module}.{alias.name}"
                elif _private(alias.name) and module != name:
                    found.append(f"{module}.{alias.name} (line {node.lineno})")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    modules[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else ROOT
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and _private(node.attr):
            module = modules.get(node.value.id)
            if module is not None and module != name:
                found.append(f"{module}.{node.attr} (line {node.lineno})")
    return found


def graph() -> dict[str, set[str]]:
    return {name: {m for m, _, _ in imports(name) if m in MODULES and m != name} for name in MODULES}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            strong(v)
    return out


def test_the_import_graph_has_no_cycle() -> None:
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_sql_outside_the_store() -> None:
    offenders = []
    for name, path in MODULES.items():
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("store/"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _SQL_CALL.search(line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert offenders == []


def _layout_files() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if p.relative_to(SRC).as_posix() not in UNDER_REWRITE]


def test_the_layout_covers_every_module_but_those_under_rewrite() -> None:
    assert UNDER_REWRITE <= {p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py")}
    assert len(_layout_files()) == len(MODULES) - len(UNDER_REWRITE)


@pytest.mark.parametrize("path", _layout_files(), ids=lambda p: p.relative_to(SRC).as_posix())
def test_layout_modules_import_at_the_top_except_optional_extras(path: Path) -> None:
    assert late_imports(imports(module_name(path))) == []


LATE_IMPORT_CASES = [
    ("import json\n", []),
    ("def f():\n    import json\n", ["json (line 2)"]),
    ("def f():\n    from .model import Document\n", ["sanctionwatch.model (line 2)"]),
    ("class C:\n    def m(self):\n        import yaml\n", ["yaml (line 3)"]),
    ("def f():\n    try:\n        import ray\n    except ImportError:\n        raise\n", []),
    ("def f():\n    import psycopg.pq\n", []),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .read import Parsed\n", []),
]


@pytest.mark.parametrize(("source", "late"), LATE_IMPORT_CASES)
def test_the_late_import_check_allows_only_optional_extras(source: str, late: list[str]) -> None:
    assert late_imports(imports_in(source, "sanctionwatch.example", False)) == late


@pytest.mark.parametrize("path", _layout_files(), ids=lambda p: p.relative_to(SRC).as_posix())
def test_layout_modules_stay_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: p.relative_to(SRC).as_posix())
def test_no_module_imports_another_modules_private_names(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert private_imports(source, module_name(path), path.name == "__init__.py") == []


PRIVATE_IMPORT_CASES = [
    ("from .model import Document\n", []),
    ("from .model import _helper\n", ["sanctionwatch.model._helper (line 1)"]),
    ("from .actors.table import _Target as Target\n", ["sanctionwatch.actors.table._Target (line 1)"]),
    ("from . import model\nmodel._cache.clear()\n", ["sanctionwatch.model._cache (line 2)"]),
    ("from . import model\nmodel.__name__\n", []),
    ("from os.path import _get_sep\n", []),  # the standard library's business, not the layout's
    ("def f():\n    from .model import _helper\n", ["sanctionwatch.model._helper (line 2)"]),
]


@pytest.mark.parametrize(("source", "found"), PRIVATE_IMPORT_CASES)
def test_the_private_import_check_finds_private_names(source: str, found: list[str]) -> None:
    assert private_imports(source, "sanctionwatch.example", False) == found


def test_optional_extras_fail_with_an_install_hint() -> None:
    for rel, extra in (("execution/dask_engine.py", "distributed"), ("execution/ray_engine.py", "ray"),
                       ("store/postgres.py", "psycopg")):
        text = (SRC / rel).read_text(encoding="utf-8")
        guard = text[text.index(f"import {extra}"):][:400]
        assert "except ImportError" in guard and "pip install" in guard, rel


EXPECTED_API = [
    "Attribution", "Document", "Entity", "Event", "Fragment", "IgnoredRegion", "Mention", "Pipeline", "RunResult",
    "SCHEMA_VERSION", "SanctionwatchError", "SearchSyntaxError", "Settings", "Store", "StoreError", "Summary",
    "__version__", "extract", "load_pipeline", "open_store", "run",
]
EXPECTED_SIGNATURES = {
    "extract": "(text: 'str', *, title: 'str | None' = None, published: 'str | None' = None, url: 'str | None' = None, "
               "publisher: 'str | None' = None, pipeline: 'Pipeline | None' = None, label: 'str' = 'text') -> 'Document'",
    "load_pipeline": "(model: 'str | None' = None, **settings: 'object') -> 'Pipeline'",
    "open_store": "(target: 'str | Path', *, readonly: 'bool' = False) -> 'Store'",
    "run": "(paths: 'Iterable[str]', db: 'str | Path', *, pipeline: 'Pipeline | None' = None, "
           "report_dir: 'str | Path | None' = None, min_sources: 'int' = 2, force: 'bool' = False, "
           "link: 'bool' = True) -> 'RunResult'",
}


def test_the_public_api_is_what_it_was() -> None:
    assert sorted(sanctionwatch.__all__) == sorted(EXPECTED_API)
    for name in sanctionwatch.__all__:
        assert getattr(sanctionwatch, name) is not None, name
    for name, signature in EXPECTED_SIGNATURES.items():
        assert str(inspect.signature(getattr(sanctionwatch, name))) == signature, name


def test_every_error_is_a_sanctionwatch_error() -> None:
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if c.__module__ == errors.__name__]
    assert classes and all(issubclass(c, sanctionwatch.SanctionwatchError) for c in classes)
    assert all(isinstance(c.exit_code, int) and c.exit_code not in (0, 3) for c in classes)


def test_stage_errors_are_sanctionwatch_errors() -> None:
    assert issubclass(IngestError, errors.SanctionwatchError) and IngestError("a.txt", "empty").exit_code == 1

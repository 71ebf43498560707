"""One error hierarchy: every error sanctionwatch raises on purpose is a SanctionwatchError, and the CLI turns
each into one line and the exit code its class carries, in one place."""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import sanctionwatch
from sanctionwatch import errors
from sanctionwatch.cli import main
from sanctionwatch.execution import WorkerDied as ExecutionWorkerDied
from sanctionwatch.read import ModelNotFound as ReadModelNotFound
from sanctionwatch.sanctions import UnknownListFormat as SanctionsUnknownListFormat
from sanctionwatch.sanctions.formats import detect_format
from sanctionwatch.store import Store

SRC = Path(sanctionwatch.__file__).resolve().parent
BUILTIN_EXCEPTIONS = {name for name, value in vars(builtins).items()
                      if isinstance(value, type) and issubclass(value, BaseException)}
NOT_YET: set[str] = set()  # exception classes allowed outside the hierarchy: none


def _foreign_exception_base(base: ast.expr) -> bool:
    """A built-in exception, or a library's (``click.ClickException``, ``yaml.YAMLError``) named by attribute."""
    if isinstance(base, ast.Name):
        return base.id in BUILTIN_EXCEPTIONS
    return (isinstance(base, ast.Attribute) and base.attr.endswith(("Error", "Exception", "Exit"))
            and not isinstance(getattr(errors, base.attr, None), type))


def exceptions_outside_the_hierarchy(source: str, where: str) -> list[str]:
    return [f"{where}:{node.name}" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.ClassDef) and any(_foreign_exception_base(b) for b in node.bases)]


def test_no_exception_class_is_rooted_outside_errors_py() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel != "errors.py":
            found += exceptions_outside_the_hierarchy(path.read_text(encoding="utf-8"), rel)
    assert set(found) <= NOT_YET


@pytest.mark.parametrize(("source", "found"), [
    ("class Oops(ValueError):\n    pass\n", ["m.py:Oops"]),
    ("class Stop(click.ClickException):\n    pass\n", ["m.py:Stop"]),
    ("class Bad(yaml.YAMLError, KeyError):\n    pass\n", ["m.py:Bad"]),
    ("class Fine(errors.ListError):\n    pass\n", []),
    ("class Fine(StoreError):\n    pass\n", []),
    ("class Table(dict):\n    pass\n", []),
])
def test_the_hierarchy_check_finds_foreign_roots(source: str, found: list[str]) -> None:
    assert exceptions_outside_the_hierarchy(source, "m.py") == found


@pytest.mark.parametrize(("where", "cls"), [
    (ReadModelNotFound, errors.ModelNotFound),
    (SanctionsUnknownListFormat, errors.UnknownListFormat),
    (ExecutionWorkerDied, errors.WorkerDied),
])
def test_the_names_stay_importable_where_they_were(where: type, cls: type) -> None:
    assert where is cls


@pytest.mark.parametrize(("cls", "parents", "code"), [
    (errors.ModelNotFound, (errors.ModelUnavailable, RuntimeError), errors.EXIT_ERROR),
    (errors.UnknownListFormat, (errors.ListError, ValueError), errors.EXIT_ERROR),
    (errors.WorkerDied, (errors.ExecutionError, RuntimeError), errors.EXIT_ERROR),
    (errors.ListNotImported, (LookupError,), errors.EXIT_ERROR),
    (errors.SearchSyntaxError, (errors.StoreError, ValueError), errors.EXIT_USAGE),
    (errors.StoreLocked, (errors.StoreUnavailable,), errors.EXIT_STORE_UNAVAILABLE),
    (errors.SchemaTooNew, (errors.StoreUnusable,), errors.EXIT_STORE_UNUSABLE),
])
def test_each_error_has_its_place_and_exit_code(cls: type, parents: tuple[type, ...], code: int) -> None:
    assert issubclass(cls, errors.SanctionwatchError) and all(issubclass(cls, p) for p in parents)
    assert cls.exit_code == code


@pytest.mark.parametrize("exc", [
    errors.ModelNotFound("spaCy model 'xx_missing' is not installed"),
    errors.UnknownListFormat("lists/roster.xml: root element <roster> is not a sanctions list format"),
    errors.WorkerDied("worker lost"),
    errors.ListNotImported("no sanctions list in the store"),
    errors.SearchSyntaxError("unbalanced quote"),
    errors.StoreLocked("another writer holds the store"),
    errors.SchemaTooNew("schema 99 is newer than this sanctionwatch"),
])
def test_the_cli_maps_every_error_in_one_place(exc: errors.SanctionwatchError) -> None:
    @click.command("explode")
    def explode() -> None:
        raise exc

    main.add_command(explode)
    try:
        result = CliRunner().invoke(main, ["explode"])
    finally:
        main.commands.pop("explode")
    assert result.exit_code == exc.exit_code
    assert result.output.strip() == f"error: {exc}"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_missing_spacy_model_is_one_line_and_exit_1(tmp_path: Path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("The ministry in Freedonia announced new export controls on Tuesday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(doc), "--db", str(tmp_path / "t.db"),
                                       "--model", "xx_no_such_pipeline_sm"])
    assert result.exit_code == errors.EXIT_ERROR
    assert result.output.startswith("error: spaCy model 'xx_no_such_pipeline_sm' is not installed")
    assert "Traceback" not in result.output


def test_reprocess_with_a_missing_model_ends_the_same_way(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    db.touch()
    result = CliRunner().invoke(main, ["reprocess", "--db", str(db), "--model", "xx_no_such_pipeline_sm"])
    assert result.exit_code == errors.EXIT_ERROR
    assert result.output.startswith("error: spaCy model 'xx_no_such_pipeline_sm' is not installed")


def test_an_unknown_list_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    roster = tmp_path / "roster.xml"
    roster.write_text("<roster><member>Ada Quill</member></roster>", encoding="utf-8")
    with pytest.raises(errors.UnknownListFormat):
        detect_format(roster)
    result = CliRunner().invoke(main, ["lists", "import", str(roster), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == errors.EXIT_ERROR
    assert result.output.startswith("error: ") and "<roster>" in result.output


def test_matching_before_any_list_is_imported_is_one_line_and_exit_1(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    Store(db).close()
    result = CliRunner().invoke(main, ["lists", "match", "--db", db])
    assert result.exit_code == errors.EXIT_ERROR
    assert result.output.startswith("error: no sanctions list in the store")

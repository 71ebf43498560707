"""One loader for the package's data files: parsed once, each caller gets its own copy."""

from __future__ import annotations

import json

import pytest

from sanctionwatch.resources import package_text, package_yaml


@pytest.mark.parametrize("name", [
    "romanisation.yaml",
    "list_context.yaml",
    "taxonomy.yaml",
])
def test_package_yaml_reads_a_mapping(name: str) -> None:
    data = package_yaml(name)
    assert isinstance(data, dict) and data


def test_a_caller_cannot_change_what_the_next_one_reads() -> None:
    first = package_yaml("taxonomy.yaml")
    first.clear()
    assert package_yaml("taxonomy.yaml")


def test_package_text_reads_the_schema() -> None:
    schema = json.loads(package_text("schema", "document.schema.json"))
    assert schema["type"] == "object"

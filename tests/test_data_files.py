"""The bundled data files load as the words they list: YAML 1.1 reads a bare on, no, yes or off as a boolean,
which silently drops the word ("No" the surname, "on" the stop word)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "sanctionwatch" / "data"


def _booleans(node, path: str):
    """Booleans among list items and keys; a boolean value of a key is a flag ("exact: true")."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                yield f"{path}/<key {key}>"
            yield from _booleans(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, bool):
                yield f"{path}[{i}]"
            yield from _booleans(value, f"{path}[{i}]")


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_word_lists_hold_no_yaml_booleans(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = list(_booleans(data, ""))
    assert not found, f"{path.name}: quote these words, YAML reads them as true/false: {found}"


def test_the_guard_finds_a_bare_yaml_word():
    assert list(_booleans(yaml.safe_load("words: [at, on, to]"), "")) == ["/words[1]"]
    assert list(_booleans(yaml.safe_load("rule: {exact: true, words: [at, 'on']}"), "")) == []

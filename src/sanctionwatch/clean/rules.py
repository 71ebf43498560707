"""Boilerplate data: the pattern rules and the word lists of ``data/boilerplate.yaml``.

Users extend both with their own files (same schema) named in
$SANCTIONWATCH_BOILERPLATE or passed to ``load_rules``/``load_lexicon``:
their rules are appended, their word lists merged into the packaged ones.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..resources import package_text

BOILERPLATE_ENV = "SANCTIONWATCH_BOILERPLATE"
LEXICON_KEYS = ("agencies", "credit_words", "widget_lines", "rail_headers", "caption_function_words", "caption_place_words",
               "stock_sites")


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]
    scope: str = "line"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists of the line classifier, lower-cased (agencies keep their case for display only)."""

    agencies: tuple[str, ...] = ()
    credit_words: frozenset[str] = field(default_factory=frozenset)
    widget_lines: frozenset[str] = field(default_factory=frozenset)
    rail_headers: frozenset[str] = field(default_factory=frozenset)
    caption_function_words: frozenset[str] = field(default_factory=frozenset)
    caption_place_words: frozenset[str] = field(default_factory=frozenset)
    stock_sites: frozenset[str] = field(default_factory=frozenset)


def rules_from_text(text: str, origin: str) -> list[Rule]:
    """The rules of one boilerplate YAML text; ``origin`` names it in the error for a bad rule."""
    data = yaml.safe_load(text) or {}
    rules = []
    for i, item in enumerate(data.get("rules", []) or []):
        try:
            flags = re.I if item.get("ignore_case") else 0
            rules.append(Rule(item["reason"], re.compile(item["pattern"], flags), item.get("scope", "line")))
        except (KeyError, re.error) as exc:
            raise ValueError(f"{origin}: rule {i}: {exc}") from exc
    return rules


def _lexicon_lists(text: str, origin: str) -> dict[str, list[str]]:
    data = (yaml.safe_load(text) or {}).get("lexicon") or {}
    out = {}
    for key, words in data.items():
        if key not in LEXICON_KEYS:
            raise ValueError(f"{origin}: lexicon: unknown list {key!r} (known: {', '.join(LEXICON_KEYS)})")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"{origin}: lexicon: {key} must be a list of strings")
        out[key] = words
    return out


def _sources(extra: tuple[str, ...]) -> list[tuple[str, str]]:
    packaged = package_text("data", "boilerplate.yaml")
    env = tuple(p for p in os.environ.get(BOILERPLATE_ENV, "").split(os.pathsep) if p)
    return [(packaged, "boilerplate.yaml")] + [(Path(p).read_text("utf-8"), p) for p in extra + env]


@lru_cache(maxsize=8)
def load_rules(extra: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """Packaged rules, then user files given here or in $SANCTIONWATCH_BOILERPLATE."""
    rules: list[Rule] = []
    for text, origin in _sources(extra):
        rules += rules_from_text(text, origin)
    return tuple(rules)


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """Packaged word lists merged with those of user files."""
    merged: dict[str, list[str]] = {key: [] for key in LEXICON_KEYS}
    for text, origin in _sources(extra):
        for key, words in _lexicon_lists(text, origin).items():
            merged[key] += words
    # Longest agency first, so "AFP via Getty Images" is tried before "AFP".
    agencies = tuple(sorted(set(merged["agencies"]), key=len, reverse=True))
    sets = {key: frozenset(w.lower() for w in merged[key]) for key in LEXICON_KEYS if key != "agencies"}
    return Lexicon(agencies=agencies, **sets)

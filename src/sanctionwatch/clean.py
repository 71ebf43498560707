"""Clean stage: mark scraped-news noise as ignored regions, never rewriting the text.

The rules live in ``data/boilerplate.yaml`` (users add their own files).  One
rule is not a pattern: a *stray untranslated heading*, a one-word line such as
"Dopsalg" between paragraphs of machine-translated English, is recognised by
looking the word up in an English word list (the spaCy lemmatizer's index when
a model is loaded).  Regions are merged and sorted; each carries its reason.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Sequence

import yaml

from .model import IgnoredRegion, strip_span

BOILERPLATE_ENV = "SANCTIONWATCH_BOILERPLATE"
_LINE = re.compile(r"[^\n]*")
_ONE_WORD = re.compile(r"^\s*([A-Za-zÀ-ÖØ-öø-ÿ]{4,30})\s*$")


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]
    scope: str = "line"


def _load_rules_file(text: str, origin: str) -> list[Rule]:
    data = yaml.safe_load(text) or {}
    rules = []
    for i, item in enumerate(data.get("rules", [])):
        try:
            flags = re.I if item.get("ignore_case") else 0
            rules.append(Rule(item["reason"], re.compile(item["pattern"], flags), item.get("scope", "line")))
        except (KeyError, re.error) as exc:
            raise ValueError(f"{origin}: rule {i}: {exc}") from exc
    return rules


@lru_cache(maxsize=8)
def load_rules(extra: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """Packaged rules, then user files given here or in $SANCTIONWATCH_BOILERPLATE."""
    rules = _load_rules_file(resources.files("sanctionwatch.data").joinpath("boilerplate.yaml").read_text("utf-8"), "boilerplate.yaml")
    env = tuple(p for p in os.environ.get(BOILERPLATE_ENV, "").split(os.pathsep) if p)
    for path in extra + env:
        rules += _load_rules_file(Path(path).read_text("utf-8"), path)
    return tuple(rules)


def find_ignored(
    text: str,
    rules: Sequence[Rule] | None = None,
    is_word: Callable[[str], bool] | None = None,
) -> list[IgnoredRegion]:
    """All ignored regions of ``text``, merged, sorted, each with a reason."""
    rules = load_rules() if rules is None else rules
    found: list[tuple[int, int, str]] = []
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.start() < len(text) or m.end() > m.start()]
    for i, (lo, hi) in enumerate(lines):
        line = text[lo:hi]
        if not line.strip():
            continue
        for rule in rules:
            m = rule.pattern.search(line)
            if m:
                s, e = (lo, hi) if rule.scope == "line" else (lo + m.start(), lo + m.end())
                found.append((*strip_span(text, s, e), rule.reason))
                if rule.scope == "line":
                    break
        if is_word is not None and _is_stray_heading(text, lines, i, is_word):
            found.append((*strip_span(text, lo, hi), "untranslated_heading"))
    found += _captions_after_credits(text, lines, found)
    return _merge(text, found)


def _captions_after_credits(text: str, lines: list[tuple[int, int]], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The short unpunctuated line under a photo credit is the photo's caption."""
    credit_ends = {e for _s, e, reason in found if reason == "photo_credit"}
    out = []
    for i, (lo, hi) in enumerate(lines):
        if strip_span(text, lo, hi)[1] not in credit_ends:
            continue
        for nlo, nhi in lines[i + 1 : i + 4]:
            line = text[nlo:nhi].strip()
            if not line:
                continue
            if len(line) <= 200 and not line.endswith((".", "!", "?", "\"", "”", ":")):
                out.append((*strip_span(text, nlo, nhi), "caption"))
            break
    return out


def _is_stray_heading(text: str, lines: list[tuple[int, int]], i: int, is_word: Callable[[str], bool]) -> bool:
    lo, hi = lines[i]
    m = _ONE_WORD.match(text[lo:hi])
    if not m or is_word(m.group(1).lower()):
        return False
    # A heading stands alone: blank (or no) lines around it.
    before = i == 0 or not text[lines[i - 1][0]:lines[i - 1][1]].strip()
    after = i + 1 >= len(lines) or not text[lines[i + 1][0]:lines[i + 1][1]].strip()
    return before and after


def _merge(text: str, found: Iterable[tuple[int, int, str]]) -> list[IgnoredRegion]:
    merged: list[list] = []
    for s, e, reason in sorted(f for f in found if f[1] > f[0]):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e, reason])
    return [IgnoredRegion(s, e, text[s:e], reason) for s, e, reason in merged]


def english_words_from_model(nlp) -> Callable[[str], bool] | None:
    """A word test built from the loaded spaCy pipeline's lemmatizer index, if it has one."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        index = lookups.get_table("lemma_index")
        exc = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
    except (KeyError, ValueError, AttributeError):
        return None
    words: set[str] = set()
    for pos in index.keys():
        words.update(index[pos])
    for pos in exc.keys():
        words.update(exc[pos].keys())
    if not words:
        return None
    def is_word(w: str) -> bool:
        return any(form in words for form in _naive_lemmas(w))

    return is_word


def _naive_lemmas(word: str) -> list[str]:
    forms = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.append(word[: -len(suffix)] + repl)
    return forms

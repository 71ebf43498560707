"""Stray untranslated headings: a one-word line that is not an English word, standing alone."""

from __future__ import annotations

import re
from typing import Callable

from .page import Line

_ONE_WORD = re.compile(r"^([A-Za-zÀ-ÖØ-öø-ÿ]{4,30})$")


def is_stray_heading(lines: list[Line], i: int, is_word: Callable[[str], bool]) -> bool:
    m = _ONE_WORD.match(lines[i].text)
    if not m or is_word(m.group(1).lower()):
        return False
    # A heading stands alone: blank (or no) lines around it.
    return lines[i].blank_before and (i + 1 >= len(lines) or lines[i + 1].blank_before)


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

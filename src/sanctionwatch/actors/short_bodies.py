"""A body named again by the short form of its name: "the Ministry of National Defense ... a Defense Ministry
official", "the Ministry of Foreign Affairs ... the Foreign Ministry said".

The table knows the full name (or the context alias the document's country licenses); the short form, written
without a country word, is a new local entity for the NER.  When every word of the short form is a word of a known
body the document has already named, and of only one such body, the short form is that body.  Two bodies that
could own it ("Russia's Defence Ministry" and "the Ministry of National Defense") leave it alone.
"""

from __future__ import annotations

import re

from .groups import Group, Groups, absorb
from .table import PLACE_TYPES

__all__ = ["merge_short_body_names"]

_WORD = re.compile(r"[A-Za-z]+")
# words that make no difference between two names of one body
_FILLER = frozenset({"the", "of", "for", "and", "s"})
# British and American spellings of one word
_SPELLING = {"defence": "defense"}


def _words(surface: str) -> frozenset[str]:
    words = (w.lower() for w in _WORD.findall(surface.replace("’", "'")))
    return frozenset(_SPELLING.get(w, w) for w in words if w not in _FILLER)


def _short_form(group: Group, heads: frozenset[str]) -> frozenset[str] | None:
    """The words of a local body's name when every mention is the same two or three words, one a head word."""
    if not group.id.startswith("local:") or group.type in PLACE_TYPES or group.type == "person" or not group.mentions:
        return None
    forms = {_words(m.text) for m in group.mentions}
    if len(forms) != 1:
        return None
    form = next(iter(forms))
    return form if 2 <= len(form) <= 3 and form & heads else None


def merge_short_body_names(groups: Groups, heads: tuple[str, ...]) -> None:
    """Absorb a local body whose name is the short form of exactly one known body of the document."""
    head_words = frozenset(h.lower() for h in heads)
    known = [(g, [_words(m.text) for m in g.mentions] + [_words(g.name)]) for g in groups.by_id.values()
             if not g.id.startswith("local:") and g.type not in PLACE_TYPES and g.type != "person"]
    for group in [g for g in groups.by_id.values() if g.id.startswith("local:")]:
        form = _short_form(group, head_words)
        if form is None:
            continue
        owners = [g for g, names in known if any(form < name for name in names)]
        if len(owners) == 1 and owners[0].id in groups.by_id and group.id in groups.by_id:
            absorb(groups, owners[0], group)

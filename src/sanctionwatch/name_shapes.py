"""Names recognised by their shape where the actor table and the statistical NER both miss them.

Three shapes recur in sanctions reporting and none is a matter of a lexicon of names:

* a ship's name after a vessel noun ("the cargo ship HAE RYONG", "the tanker Ocean Star"): the
  name is an actor of type vessel, and so is every later use of the same name;
* an organisation whose name ends in an organisation head word and begins with a country
  adjective ("Korean Pioneer Trading Company", "Chinese Harbour Society"): the whole name is one
  organisation, not the country its first word names;
* a machine-translation misspelling of a known place: one edit away from a country or capital
  name of at least seven letters, or two on eight letters with the same first letter and ending.

The module knows nothing of the actor table's classes, so the actors package can use it without a cycle:
it takes plain spans and word lists (data/actors.yaml: vessel_nouns, organisation_heads) and
returns proposals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

# One word of a ship's name: all capitals ("HAEDO", "KUM-SAN-3") or a capitalised word ("Valiant").
_SHIP_WORD = r"(?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*|[A-Z][a-z]+)"
# Words that follow a vessel noun with a capital but do not name the ship.
_NOT_SHIP_NAMES = frozenset(
    """The A An In On At Of For From To With And Or But By Was Were Is Has Had Which That This It
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December""".split()
)
_DEMONYM = re.compile(r"(?:an|ese|ish|i)$")
_FUZZY_MIN = 7


@dataclass(frozen=True, slots=True)
class Shaped:
    start: int
    end: int
    type: str  # "vessel" | "organisation"


def vessel_names(text: str, nouns: Sequence[str]) -> list[Shaped]:
    """Every occurrence of each ship name introduced by a vessel noun (the introduction included)."""
    if not nouns:
        return []
    noun_re = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    # up to four words: Korean ship names run to three syllables and a number ("Kum Un San 3")
    intro = re.compile(rf"\b(?:{noun_re})[ \t]+(?P<name>{_SHIP_WORD}(?:[ \t]+(?:{_SHIP_WORD}|\d+)){{0,3}})", re.IGNORECASE)
    names: set[str] = set()
    for m in intro.finditer(text):
        # The vessel noun is matched without case, the name is not: the name ends before the first word without
        # a capital (or one that never names a ship), so "Ocean Star as Fishing Vessel" stays "Ocean Star".
        words: list[str] = []
        for word in m.group("name").split():
            if word in _NOT_SHIP_NAMES or not word[0].isupper() and not word.isdigit():
                break
            words.append(word)
        if words and words[0][0].isupper():
            names.add(" ".join(words))
    out = []
    for name in names:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            out.append(Shaped(m.start(), m.end(), "vessel"))
    return sorted(out, key=lambda s: (s.start, -s.end))


def organisation_names(text: str, heads: Sequence[str]) -> list[Shaped]:
    """Capitalised names ending in an organisation head word, with a name word besides a demonym.

    "Korean Ungum Corporation" qualifies ("Ungum"); "the Russian Bank" does not: a country
    adjective and a head word alone describe, they do not name.
    """
    if not heads:
        return []
    head_re = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?P<words>(?:[A-Z][\w&'.-]*[ \t]+){{1,5}})(?P<head>{head_re})(?![\w-])")
    out = []
    for m in pattern.finditer(text):
        words = m.group("words").split()
        start = m.start()
        while words and words[0] in _NOT_SHIP_NAMES:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.start("head")
            words.pop(0)
        naming = [w for w in words if w[0].isupper() and not _DEMONYM.search(w)]
        if naming:
            out.append(Shaped(start, m.end(), "organisation"))
    return out


def edit_distance(a: str, b: str, cap: int = 2) -> int:
    """Levenshtein distance of a and b, or cap + 1 as soon as it must exceed cap."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > cap:
            return cap + 1
    return row[-1]


def _near(word: str, name: str) -> bool:
    # One edit on seven letters; two on eight only when the first letter and the last three agree,
    # which keeps a romanisation slip ("Pjongjang") and rejects a neighbour ("Slovakia" / "Slovenia").
    if len(name) < _FUZZY_MIN:
        return False
    distance = edit_distance(word, name)
    if distance <= 1:
        return True
    return distance == 2 and len(word) >= 8 and len(name) >= 8 and word[0] == name[0] and word[-3:] == name[-3:]


def fuzzy_place(surface: str, places: Mapping[str, str]) -> str | None:
    """The id of the one place a long single capitalised word misspells, else None."""
    word = surface.lower()
    if len(word) < _FUZZY_MIN or not surface.isalpha() or not surface[0].isupper():
        return None
    memo = _fuzzy_memo(tuple(places.items()))
    if word not in memo:
        if len(memo) >= _FUZZY_MEMO_WORDS:
            memo.clear()
        n = len(word)
        # a length gap over two is over the edit cap: skip those names without computing a distance
        found = {pid for name, pid in places.items() if abs(len(name) - n) <= 2 and _near(word, name)}
        memo[word] = found.pop() if len(found) == 1 else None
    return memo[word]


# The same unknown spellings recur across a corpus, and each costs an edit distance to every
# place name; answers are kept per word, per distinct place table (the key is its content).
_FUZZY_MEMO_WORDS = 4096


@lru_cache(maxsize=4)
def _fuzzy_memo(places: tuple[tuple[str, str], ...]) -> dict[str, str | None]:
    return {}


def place_names(actors: Iterable[tuple[str, str, Iterable[str]]]) -> dict[str, str]:
    """Single-word names of places, lower-cased, to their actor ids, from (id, type, surfaces)."""
    out: dict[str, str] = {}
    for actor_id, _type, surfaces in actors:
        for s in surfaces:
            if s.isalpha():
                out.setdefault(s.lower(), actor_id)
    return out

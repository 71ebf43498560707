"""Korean names written again in another form: a bare surname the NER missed, two romanisations of one name.

* "Foreign Minister Ri Yong Ho ... Ri, who had refused", "spokesman Lim Su-seok ... said Im": the NER tags a
  short Korean surname standing alone only now and then, so the one person of the document with that surname
  (in any of its romanisations) gets a mention there;
* "Kim Yeo-jung" in a headline and "Kim Yeo-jeong" in the text: machine translation and copy from several
  outlets spell the syllables of one given name differently; two persons of the document with the same
  surname spelling and the same given name up to romanisation are one.

The spelling variants are the syllable equivalents of ``data/romanisation.yaml``, shared with the matching of
sanctions lists.  A surname spelt differently ("Ri" / "Lee") is kept apart in full names: the North and the
South spell the same surname differently, so two such names on one page are usually two people.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..model import Mention
from ..resources import package_yaml
from .groups import Group, Groups, absorb, name_tokens
from .scan import NerSpan

# a surname that is also an English word ("No", "An", "So") opens too many sentences to stand alone
_MIN_SURNAME = 2


@lru_cache(maxsize=1)
def _place_openers() -> frozenset[str]:
    return frozenset(str(w).lower() for w in package_yaml("romanisation.yaml").get("place_openers") or [])


@lru_cache(maxsize=1)
def _romanisation() -> tuple[dict[str, str], frozenset[str]]:
    raw = package_yaml("romanisation.yaml")
    variant_of: dict[str, str] = {}
    for group in raw.get("equivalents") or []:
        spellings = [str(s).lower() for s in group]
        for s in spellings:
            variant_of.setdefault(s, spellings[0])
    surnames = frozenset(variant_of.get(str(s).lower(), str(s).lower()) for s in raw.get("common_surnames") or [])
    return variant_of, surnames


def _covered(groups: Groups, text: str) -> bytearray:
    """One byte per character of ``text``, 1 where a mention of any group covers it."""
    taken = bytearray(len(text))
    for g in groups.by_id.values():
        for m in g.mentions:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    return taken


def fold(token: str) -> str:
    """The key spelling of a romanised syllable ("jeong", "chung" -> "jong"); other words as they are."""
    return _romanisation()[0].get(token, token)


def korean_surname(tokens: tuple[str, ...]) -> str | None:
    """The surname of a name written surname first ("ri", "yong", "ho" -> "ri"), else None.

    A name of two or three syllables whose first one is a common Korean surname in any romanisation."""
    if not 2 <= len(tokens) <= 4 or len(tokens[0]) < _MIN_SURNAME:
        return None
    return tokens[0] if fold(tokens[0]) in _romanisation()[1] else None


def _persons(groups: Groups) -> list[Group]:
    return [g for g in groups.by_id.values() if g.type == "person"]


def _surname_owners(groups: Groups) -> dict[str, set[str]]:
    """Folded surname -> ids of the persons with a full name written surname first."""
    owners: dict[str, set[str]] = {}
    for g in _persons(groups):
        for m in g.mentions:
            tokens = name_tokens(m.text)
            surname = korean_surname(tokens)
            if surname is not None:
                owners.setdefault(fold(surname), set()).add(g.id)
    return owners


_WORD = re.compile(r"(?<![\w’'.-])[A-Z][a-z]{1,4}(?![\w’'-])")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z]")
_NAME_BEFORE = re.compile(r"[A-Z][\w’'-]*[ \t]+$")
# a capitalised word that opens a sentence ("Later Pak said") is no part of a name
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?\"“”]\s*|\n\s*)$")


def add_surname_mentions(groups: Groups, text: str, title_words: frozenset[str]) -> None:
    """A mention of the one person with this surname at each capitalised bare surname no mention covers.

    The word must stand alone: a capitalised word right after it continues a name ("Ri Chang-ho"), and one
    right before it is part of a name too, unless it is a title ("Minister Ri") or opens the sentence."""
    owners = _surname_owners(groups)
    if not owners:
        return
    # every name token of every person: a surname that is also a given name elsewhere names nobody for sure
    other_tokens: dict[str, set[str]] = {}
    for g in _persons(groups):
        for m in g.mentions:
            for t in name_tokens(m.text)[1:]:
                other_tokens.setdefault(fold(t), set()).add(g.id)
    taken = _covered(groups, text)
    for hit in _WORD.finditer(text):
        word = hit.group()
        key = fold(word.lower())
        ids = owners.get(key)
        if not ids or len(ids) != 1 or word.lower() in STOP_WORDS or taken.find(1, hit.start(), hit.end()) != -1:
            continue
        if other_tokens.get(key, set()) - ids:
            continue
        if _NAME_AFTER.match(text, hit.end()):
            continue
        before = _NAME_BEFORE.search(text, max(0, hit.start() - 40), hit.start())
        if (before is not None and before.group().split()[0].lower() not in title_words
                and not _SENTENCE_OPENING.search(text, max(0, before.start() - 3), before.start())):
            continue
        groups.by_id[next(iter(ids))].mentions.append(Mention(hit.start(), hit.end(), word, "PERSON"))


def merge_romanisations(groups: Groups) -> None:
    """One person for two spellings of a Korean name with the same surname ("Kim Yeo-jung" / "Kim Yeo-jeong")."""
    seen: dict[tuple[str, str], str] = {}
    for g in sorted(_persons(groups), key=lambda g: g.id.startswith("local:")):
        if g.id not in groups.by_id:
            continue
        for m in list(g.mentions):
            tokens = name_tokens(m.text)
            if korean_surname(tokens) is None:
                continue
            key = (tokens[0], "".join(fold(t) for t in tokens[1:]))
            other = seen.get(key)
            if other is None:
                seen[key] = g.id
            elif other != g.id and other in groups.by_id and (g.id.startswith("local:") or other.startswith("local:")):
                keep, _ = absorb(groups, groups.by_id[other], g)
                seen[key] = keep.id
                break


# "Ha Min-seok", "Yun Ji-ho": a family name and a hyphenated two-syllable given name, the South Korean press's
# spelling of a person
_HYPHENATED_NAME = re.compile(r"(?<![\w’'.-])(?P<family>[A-Z][a-z]{0,4})[ \t]+(?P<given>[A-Z][a-z]{1,5}-[a-z]{1,5})(?![\w’'-])")


def add_hyphenated_names(groups: Groups, text: str, title_words: frozenset[str]) -> None:
    """A person for each Korean name of the hyphenated shape that no mention covers (the NER misses many after
    an acronym or a title: "the Customs Service (KCS) Ha Min-seok told ...").  A capitalised word
    right before it, not a title, makes it part of a longer name and is left alone."""
    taken = _covered(groups, text)
    for hit in _HYPHENATED_NAME.finditer(text):
        family = hit.group("family").lower()
        if fold(family) not in _romanisation()[1] or family in _place_openers() or taken.find(1, hit.start(), hit.end()) != -1:
            continue
        before = _NAME_BEFORE.search(text, max(0, hit.start() - 40), hit.start())
        if before is not None and before.group().split()[0].lower() not in title_words \
                and not _SENTENCE_OPENING.search(text, max(0, before.start() - 3), before.start()):
            continue
        span = NerSpan(hit.start(), hit.end(), hit.group(), "PERSON")
        group = groups.local(span)
        group.type = "person"
        tokens = name_tokens(hit.group())
        if tokens not in group.names:
            group.names.append(tokens)
        group.mentions.append(Mention(hit.start(), hit.end(), hit.group(), "PERSON"))

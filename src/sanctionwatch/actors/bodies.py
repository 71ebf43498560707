"""Organisations that the alias pass reads as a place, or that a text names twice.

* "Bank of China", "Maritime Safety Bureau of Ukraine", "China Coast Guard": the NER's organisation ends in
  a place the table knows, after "<head> of", or begins with one and ends in a head word.  The alias hit on the place would swallow the body (an alias hit wins
  wherever it overlaps an NER span), so the bank would pass for China.  The body is an entity of its
  own; a place after "of" keeps its inner mention, a place in front is part of the name ("Washington
  Restaurant Association").
* "Tonkin Shipping Co." and, later, "Tonkin Shipping": a firm's name with its company suffix and without
  it are one firm.

Plain spans in, proposals out: resolve.py owns the entities.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from .scan import NerSpan

BODY_LABELS = frozenset({"ORG", "FAC"})


@lru_cache(maxsize=8)
def _head_of(heads: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"\b(?:{words})\s+of\s+(?:the\s+)?$")


def bodies_of_places(
    text: str, ner: Iterable[NerSpan], places: Sequence[tuple[int, int]], heads: tuple[str, ...]
) -> list[tuple[NerSpan, NerSpan]]:
    """(NER span, body span) for NER organisations that end in a place mention after "<head> of", or begin with
    one and end in a head word; the body span is longer than the NER's where the NER stopped at the "of"."""
    head_of = _head_of(heads)
    out = []
    for ner_span in ner:
        if ner_span.label not in BODY_LABELS:
            continue
        span = ner_span
        # the NER may stop before the place: "the Communist Party of" + "Vietnam"
        if _DANGLING_OF.search(text, span.start, span.end):
            nxt = [(s, e) for s, e in places if span.end < s <= span.end + 5 and not text[span.end : s].strip()]
            if nxt:
                span = NerSpan(span.start, nxt[0][1], text[span.start : nxt[0][1]], span.label)
        inner = [(s, e) for s, e in places if span.start <= s and e <= span.end and (s, e) != (span.start, span.end)]
        if not inner:
            continue
        last_start, last_end = max(inner)
        first_start, first_end = min(inner)
        if (last_end == span.end and head_of.search(text, span.start, last_start)) or (
            first_start == span.start
            and _ends_in(text, span.end, heads)
            and not _DEMONYM.search(text, first_start, first_end)  # "North Korean Central Military Commission"
        ):
            out.append((ner_span, span))
    return out


def _ends_in(text: str, end: int, heads: tuple[str, ...]) -> bool:
    """Whether the word before ``end`` is a head word ("China Coast Guard")."""
    m = _LAST_WORD.search(text, 0, end)
    return m is not None and m.group() in heads


_LAST_WORD = re.compile(r"\w+$")
# A country adjective in front describes the body ("North Korean ... Commission"): the NER's own spans and
# the organisation shapes of name_shapes.py decide those; only a country's name in front is taken here.
_DEMONYM = re.compile(r"(?:ian|ean|can|ese|ish)$")


_DANGLING_OF = re.compile(r"\sof(?:\s+the)?$")


@lru_cache(maxsize=8)
def _suffix(heads: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"^(?P<base>\w.*?\w)[\s,]+(?:{words})\.?$")


def short_names(
    names: Iterable[tuple[str, str]], heads: tuple[str, ...], leads: tuple[str, ...] = ()
) -> list[tuple[str, str]]:
    """(id of the full name, id of the short one) for firms named with and without a company suffix.

    ``names`` holds (entity id, a name it is written with) for the candidate entities.  The short name must
    have a word of three letters or more, so that "Co." does not shrink a name to an initial; a short name
    written for two entities is nobody's for sure.
    """
    suffix = _suffix(heads)
    pairs = set(names)
    owners: dict[str, set[str]] = {}
    for entity_id, name in pairs:
        owners.setdefault(_key(name), set()).add(entity_id)
    out = []
    for full_id, name in sorted(pairs):
        for base in _bases(name, suffix, heads, _country_lead(leads)):
            short = owners.get(_key(base), set()) - {full_id}
            if len(short) == 1:
                out.append((full_id, short.pop()))
                break
    return out


@lru_cache(maxsize=8)
def _country_lead(leads: tuple[str, ...]) -> re.Pattern[str]:
    """A country word that opens a firm's name ("Korea Osong Shipping", "DPRK Chonsurim Trading"): the release
    then calls the firm by the word after it ("Osong")."""
    words = "|".join(re.escape(w) for w in sorted(leads, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"^(?:{words})\s+(?P<rest>\S.*)$")


def _bases(name: str, suffix: re.Pattern[str], heads: tuple[str, ...], country_lead: re.Pattern[str]) -> list[str]:
    """The shorter names of a firm, longest first: without its suffixes ("Chonsurim Trading Corporation" ->
    "Chonsurim Trading" -> "Chonsurim"), and without a country word before a distinctive name ("Korea Osong
    Shipping" -> "Osong")."""
    out: list[str] = []
    m = suffix.match(name)
    while m is not None and re.search(r"\w{3,}", m.group("base")):
        out.append(m.group("base"))
        m = suffix.match(m.group("base"))
    for base in list(out):
        lead = country_lead.match(base)
        rest = lead.group("rest") if lead else ""
        if rest[:1].isupper() and re.search(r"\w{4,}", rest) and rest not in heads:
            out.append(rest)
    return out


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").lower().split())

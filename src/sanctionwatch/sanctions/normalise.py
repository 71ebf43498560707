"""Name normalisation for list matching: tokens, romanisation variants, the word tables of ``data/romanisation.yaml``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ..resources import package_yaml

_APOSTROPHES = re.compile(r"[’‘'`´ʼʻ′]")
QUOTES = re.compile(r"[\"“”«»„]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class MatchingRules:
    variant_of: dict[str, str]
    common_surnames: frozenset[str]
    legal_forms: frozenset[str]
    titles: frozenset[str]
    generic_words: frozenset[str]
    type_kind: dict[str, str | None]
    acronym_max_chars: int
    vessel_prefixes: tuple[tuple[str, ...], ...]  # token sequences, longest first
    trade_name_min_chars: int
    regimes: dict[str, str]  # casefolded programme / regime label -> regime (DPRK)


@lru_cache(maxsize=1)
def rules() -> MatchingRules:
    raw = package_yaml("romanisation.yaml")
    return parse_rules(raw)


def parse_rules(raw: dict[str, Any]) -> MatchingRules:
    variant_of: dict[str, str] = {}
    for group in raw.get("equivalents") or []:
        spellings = [tokens(str(s))[0] for s in group if tokens(str(s))]
        for s in spellings:
            variant_of.setdefault(s, spellings[0])
    type_kind: dict[str, str | None] = {}
    for kind, names in (raw.get("entity_types") or {}).items():
        for n in names or []:
            type_kind[str(n).casefold()] = None if kind == "none" else kind
    prefixes = {tuple(tokens(str(p))) for p in raw.get("vessel_prefixes") or [] if tokens(str(p))}
    regimes: dict[str, str] = {}
    for regime, labels in (raw.get("regimes") or {}).items():
        for label in [regime, *(labels or [])]:
            regimes[str(label).casefold()] = str(regime)
    return MatchingRules(
        variant_of=variant_of,
        common_surnames=frozenset(str(s).casefold() for s in raw.get("common_surnames") or []),
        legal_forms=frozenset(str(s).casefold() for s in raw.get("legal_forms") or []),
        titles=frozenset(str(s).casefold() for s in raw.get("titles") or []),
        generic_words=frozenset(str(s).casefold() for s in raw.get("generic_words") or []),
        type_kind=type_kind,
        acronym_max_chars=int(raw.get("acronym_max_chars", 4)),
        vessel_prefixes=tuple(sorted(prefixes, key=len, reverse=True)),
        trade_name_min_chars=int(raw.get("trade_name_min_chars", 4)),
        regimes=regimes,
    )


def tokens(name: str) -> list[str]:
    """Lower-case ASCII-folded word tokens; apostrophes vanish (Ch'o'l -> chol), other punctuation splits."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = QUOTES.sub(" ", _APOSTROPHES.sub("", stripped)).replace("&", " and ")
    return [t for t in _NON_WORD.sub(" ", stripped.casefold()).replace("_", " ").split() if t]


def variant_tokens(toks: list[str], r: MatchingRules) -> list[str]:
    return [r.variant_of.get(t, t) for t in toks]


def key(toks: Iterable[str]) -> str:
    # Joined without spaces: "Jong-un", "Jong Un" and "Jongun" become one key.
    return "".join(toks)


def is_common_surname(token: str, r: MatchingRules) -> bool:
    """A surname on the common list in any of its romanisations (Yoon is Yun, Moon is Mun)."""
    return token in r.common_surnames or r.variant_of.get(token, token) in r.common_surnames


def strip_vessel_prefix(toks: list[str], r: MatchingRules) -> tuple[list[str], bool]:
    """("m", "v", "chong", ...) -> ("chong", ...), True: "M/V", "MV", "the" and ship words before a vessel name."""
    stripped = False
    changed = True
    while changed and toks:
        changed = False
        for prefix in r.vessel_prefixes:
            if len(toks) > len(prefix) and tuple(toks[:len(prefix)]) == prefix:
                toks, stripped, changed = toks[len(prefix):], True, True
                break
    return toks, stripped


def regime_of(label: str | None, r: MatchingRules) -> str:
    """The regime a list's programme label belongs to ("DPRK3", "PRK", "Democratic People's Republic of Korea" -> DPRK)."""
    if not label:
        return ""
    text = label.strip()
    return r.regimes.get(text.casefold(), text)

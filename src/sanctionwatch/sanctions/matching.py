"""Name matching against a sanctions list.

Matching is deliberately conservative because a false "designated" flag on a
news article is worse than a missed one:

* whole names only: the mention must equal a listed name or alias after
  normalisation (case, diacritics, apostrophes, hyphens and spaces ignored);
* romanisation variants (Ri/Rhee/Lee, Jong/Chong/Jeong, Yun/Yoon ...) from
  ``data/romanisation.yaml`` lower the score;
* a single-token mention matches only a single-token listed name, exactly
  (``KOMID``), and short acronyms must be written in capitals; the one
  exception is a company's trade name (``Pinewood`` for ``PINEWOOD CORP``),
  under the conditions written in the data file;
* a mention made only of common surnames matches only as written on the list
  (CHANG CHANG HA), never through variants or word order;
* vessels match with their prefixes dropped (M/V, MV, the tanker) and by IMO number.

Whether the document's context fits the entry (age, role, nationality, a place
that is not a company, the listing date) is :mod:`.context`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from .entries import ListEntry, ListMatch
from .normalise import (
    MatchingRules, is_common_surname, key, rules, strip_vessel_prefix, tokens, variant_tokens,
)

UN_LIST_ID = "un-sc-consolidated"
DEFAULT_REGIMES = ("DPRK",)

# Base score by where the matched name comes from.
QUALITY_SCORE = {
    "name": 1.0, "good": 0.95, "aka": 0.95, "original-script": 0.95, "acronym": 0.9, "fka": 0.9, "low": 0.7,
    "vessel": 0.75, "weak": 0.7,
}
QUALITY_LABEL = {
    "name": "listed name", "good": "alias", "aka": "alias", "original-script": "original-script name",
    "acronym": "acronym", "fka": "former name", "low": "alias", "weak": "alias", "vessel": "vessel",
}
QUALITY_NOTE = {
    "good": "good quality", "low": "low quality", "weak": "weak", "aka": "a.k.a.", "fka": "f.k.a.",
    "acronym": "acronym in the listed name",
    "vessel": "named in the entry's comments; the vessel is not itself a list entry",
}
# Multiplier by how the match was made.
METHOD_FACTOR = {
    "exact": 1.0, "variant": 0.9, "reordered": 0.85, "legal-form": 0.85, "single-token": 0.9, "trade-name": 0.8,
    "common-surnames": 0.9,
}

IMO_IN_TEXT = re.compile(r"\bIMO\)?\s*(?:Number|No\.?|#)?\s*:?\s*(\d{7})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Indexed:
    ref: str
    name: str
    quality: str
    method: str
    single: bool  # the listed name is one token
    acronym: bool  # short enough that the mention must be in capitals


@dataclass(slots=True)
class SanctionsList:
    list_id: str
    name: str
    date_generated: str | None
    entries: dict[str, ListEntry]
    _index: dict[str, list[_Indexed]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._build_index()

    # -- index -------------------------------------------------------------
    def _build_index(self) -> None:
        r = rules()
        index: dict[str, list[_Indexed]] = {}

        def put(k: str, item: _Indexed) -> None:
            if k:
                index.setdefault(k, []).append(item)

        for ref, entry in sorted(self.entries.items()):
            for name, quality in entry.names():
                toks = tokens(name)
                if not toks:
                    continue
                single = len(toks) == 1
                acronym = single and len(toks[0]) <= r.acronym_max_chars
                mk = lambda method: _Indexed(ref, name.strip(), quality, method, single, acronym)  # noqa: E731
                put("exact:" + key(toks), mk("exact"))
                if single:
                    continue  # one-token names match only exactly
                put("variant:" + key(variant_tokens(toks, r)), mk("variant"))
                if entry.kind == "individual":
                    # The list writes family name first; Western-order mentions put it last.
                    put("variant:" + key(variant_tokens(toks[1:] + toks[:1], r)), mk("reordered"))
                else:
                    core = [t for t in toks if t not in r.legal_forms]
                    if _distinctive_core(core, r):  # also when nothing was dropped: "X Bank" vs "X Bank Ltd"
                        put("core:" + key(variant_tokens(core, r)), mk("legal-form"))
                    if core != toks and quality in ("name", "aka", "good") and _trade_name(core, r):
                        put("trade:" + core[0], mk("trade-name"))
            for scheme, value in entry.identifiers:
                put(f"id:{scheme}:{value}", _Indexed(ref, value, "name", "identifier", False, False))
        # A trade name that more than one entry reduces to identifies none of them.
        for k in [k for k, items in index.items() if k.startswith("trade:") and len({i.ref for i in items}) > 1]:
            del index[k]
        self._index = index

    # -- matching ----------------------------------------------------------
    def match(self, name: str, entity_type: str | None = None, *,
              regimes: Iterable[str] | None = DEFAULT_REGIMES) -> list[ListMatch]:
        """List entries this name may refer to, best first (empty when none is plausible)."""
        r = rules()
        kind = _kind(entity_type, r)
        if kind is None:
            return []
        wanted = set(regimes) if regimes is not None else None
        found: dict[str, ListMatch] = {}

        def consider(item: _Indexed, method: str, note: str) -> None:
            entry = self.entries[item.ref]
            if wanted is not None and entry.regime not in wanted:
                return
            if kind != "any" and entry.kind != kind:
                return
            m = self._make_match(entry, item, method, name, note)
            if item.ref not in found or m.score > found[item.ref].score:
                found[item.ref] = m

        for imo in IMO_IN_TEXT.findall(name):
            for item in self._index.get(f"id:imo:{imo}", []):
                consider(item, "identifier", f"IMO number {imo}")

        toks = tokens(name)
        while kind in ("individual", "any") and len(toks) > 2 and toks[0] in r.titles:
            toks = toks[1:]  # "General Kim Yong Chol"
        self._match_tokens(name, toks, kind, r, consider)
        if not found and kind in ("entity", "any"):
            bare, stripped = strip_vessel_prefix(toks, r)
            if stripped:
                self._match_tokens(name, bare, kind, r, consider, prefix_note=True)
        return _ranked(found)

    def _match_tokens(self, name: str, toks: list[str], kind: str, r: MatchingRules, consider,
                      prefix_note: bool = False) -> None:
        after = " after dropping the prefix before a vessel name" if prefix_note else ""
        if not toks:
            return
        if all(is_common_surname(t, r) for t in toks):
            # Only as written on the list, or with each syllable respelled when there are three or more;
            # never in another word order, never two surnames alone through variants.
            strong = ("name", "good", "aka", "vessel")
            for item in self._index.get("exact:" + key(toks), []) if len(toks) >= 2 else []:
                if item.quality in strong:
                    consider(item, "common-surnames", "exact match of a name made of common surnames" + after)
            for item in self._index.get("variant:" + key(variant_tokens(toks, r)), []) if len(toks) >= 3 else []:
                if item.quality in strong and item.method == "variant":
                    consider(item, "common-surnames", "match of a name made of common surnames, romanisation variants"
                             + after)
            return
        if len(toks) == 1:
            for item in self._index.get("exact:" + toks[0], []):
                if not item.single:
                    continue
                if item.acronym and not _is_capitals(name) and not prefix_note:  # "the Koti": a vessel's name
                    continue
                consider(item, "single-token", "single-token name, exact match" + after)
            if kind == "entity" and _is_name_cased(name) and _trade_name(toks, r):
                for item in self._index.get("trade:" + toks[0], []):
                    consider(item, "trade-name", f"trade name: '{item.name}' without its legal form")
            return

        for item in self._index.get("exact:" + key(toks), []):
            consider(item, "exact", "exact match after normalisation" + after)
        variant = variant_tokens(toks, r)
        for item in self._index.get("variant:" + key(variant), []):
            changed = [f"{a}→{b}" for a, b in zip(toks, variant) if a != b]
            note = "match after romanisation variants" + (f" ({', '.join(changed)})" if changed else "")
            if item.method == "reordered":
                note = "match with the family name last" + (
                    f" and romanisation variants ({', '.join(changed)})" if changed else "")
            consider(item, item.method, note + after)
        core = [t for t in variant if t not in r.legal_forms]
        if _distinctive_core(core, r):
            items = self._index.get("core:" + key(core), [])
            # Two entries may share a core only through a variant (Taesong / Daesong Trading): the one whose
            # core is spelled as the mention's is meant.
            plain = [t for t in toks if t not in r.legal_forms]
            same = [i for i in items if [t for t in tokens(i.name) if t not in r.legal_forms] == plain]
            for item in same if same and len({i.ref for i in items}) > 1 else items:
                consider(item, "legal-form", "match ignoring legal form and country words" + after)

    def match_identifier(self, value: str, scheme: str = "imo") -> list[ListMatch]:
        digits = re.sub(r"\D", "", value) if scheme == "imo" else value.strip()
        out = {}
        for item in self._index.get(f"id:{scheme}:{digits}", []):
            entry = self.entries[item.ref]
            out[item.ref] = self._make_match(entry, item, "identifier", value, f"{scheme.upper()} number {digits}")
        return _ranked(out)

    def _make_match(self, entry: ListEntry, item: _Indexed, method: str, query: str, note: str) -> ListMatch:
        if method == "identifier":
            score = 1.0
            what = f"{note} listed for"
        else:
            score = QUALITY_SCORE.get(item.quality, 0.7) * METHOD_FACTOR.get(method, 0.8)
            quality = QUALITY_NOTE.get(item.quality)
            what = f"{QUALITY_LABEL.get(item.quality, 'alias')} '{item.name}'" + (f" ({quality})" if quality else "") + " of"
        explanation = f"{what} {entry.describe()}, {note if method != 'identifier' else 'identifier match'}"
        hint = entry.identity_hint()
        if entry.kind == "individual" and hint:
            explanation += f"; check identity: {hint}"
        return ListMatch(entry.reference_number, entry.name, item.name, item.quality, method, round(score, 3),
                         explanation, query, self.list_id, entry.programme)

    # -- statistics ----------------------------------------------------------
    def stats(self, regimes: Iterable[str] | None = DEFAULT_REGIMES) -> dict[str, int]:
        wanted = set(regimes) if regimes is not None else None
        chosen = [e for e in self.entries.values() if wanted is None or e.regime in wanted]
        return {
            "entries": len(self.entries),
            "selected": len(chosen),
            "individuals": sum(e.kind == "individual" for e in chosen),
            "entities": sum(e.kind == "entity" for e in chosen),
            "aliases": sum(len(e.aliases) for e in chosen),
            "identifiers": sum(len(e.identifiers) for e in chosen),
        }


def _distinctive_core(core: list[str], r: MatchingRules) -> bool:
    """Enough left after dropping legal forms to name one organisation ("Ryonbong", not "Trading")."""
    if len(core) >= 3:
        return True
    if len(core) == 2:
        return not all(t in r.generic_words for t in core)
    return len(core) == 1 and len(core[0]) >= 6 and core[0] not in r.generic_words


def _trade_name(core: list[str], r: MatchingRules) -> bool:
    """One word that can stand for a company on its own (see trade_name_min_chars in the data file)."""
    return (len(core) == 1 and len(core[0]) >= r.trade_name_min_chars and core[0].isalpha()
            and core[0] not in r.generic_words and core[0] not in r.legal_forms and not is_common_surname(core[0], r))


def _ranked(found: dict[str, ListMatch]) -> list[ListMatch]:
    return sorted(found.values(), key=lambda m: (-m.score, m.reference_number))


def _kind(entity_type: str | None, r: MatchingRules) -> str | None:
    """'individual', 'entity', 'any', or None when this type never matches."""
    if not entity_type:
        return "any"
    t = entity_type.casefold()
    if t in r.type_kind:
        return r.type_kind[t]
    return "any"


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_name_cased(text: str) -> bool:
    """Written as a name: every word starts with a capital ("Pinewood", "PINEWOOD", not "pinewood")."""
    words = [w for w in re.split(r"\W+", text) if w]
    return bool(words) and all(w[0].isupper() for w in words)

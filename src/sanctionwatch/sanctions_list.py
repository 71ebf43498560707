"""UN Security Council consolidated sanctions list: import and name matching.

The list (XML, schema ``sc-sanctions.xsd``) has INDIVIDUALS and ENTITIES, each
with a reference number (``KPi.033``, ``KPe.001`` for the DPRK regime), name
parts FIRST_NAME..FOURTH_NAME, aliases of several qualities (Good / Low for
individuals, a.k.a. / f.k.a. for entities) and free-text comments that carry
IMO numbers and names of associated vessels.

Matching is deliberately conservative because a false "designated" flag on a
news article is worse than a missed one:

* whole names only: the mention must equal a listed name or alias after
  normalisation (case, diacritics, apostrophes, hyphens and spaces ignored);
* romanisation variants (Ri/Rhee/Lee, Jong/Chong, Un/Eun ...) from
  ``data/romanisation.yaml`` lower the score;
* a single-token mention matches only a single-token listed name, exactly
  (``KOMID``), and short acronyms must be written in capitals;
* a mention made only of common surnames or country words never matches.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from .store import lists as stored_lists
from .store.connection import Database

UN_LIST_ID = "un-sc-consolidated"
DEFAULT_REGIMES = ("DPRK",)

# Base score by where the matched name comes from.
QUALITY_SCORE = {
    "name": 1.0,
    "good": 0.95,
    "aka": 0.95,
    "original-script": 0.95,
    "acronym": 0.9,
    "fka": 0.9,
    "low": 0.7,
    "vessel": 0.75,
}
QUALITY_LABEL = {
    "name": "listed name",
    "good": "alias",
    "aka": "alias",
    "original-script": "original-script name",
    "acronym": "acronym",
    "fka": "former name",
    "low": "alias",
    "vessel": "vessel",
}
QUALITY_NOTE = {
    "good": "good quality",
    "low": "low quality",
    "aka": "a.k.a.",
    "fka": "f.k.a.",
    "acronym": "acronym in the listed name",
    "vessel": "named in the entry's comments; the vessel is not itself a list entry",
}
# Multiplier by how the match was made.
METHOD_FACTOR = {"exact": 1.0, "variant": 0.9, "reordered": 0.85, "legal-form": 0.85, "single-token": 0.9}

_APOSTROPHES = re.compile(r"[’‘'`´ʼʻ′]")
_QUOTES = re.compile(r"[\"“”«»„]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_IMO_IN_TEXT = re.compile(r"\bIMO\)?\s*(?:Number|No\.?|#)?\s*:?\s*(\d{7})\b", re.IGNORECASE)
_PAREN_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
_VESSEL_IN_COMMENT = re.compile(
    r"\b(?:vessel|tanker|ship|freighter)s?,?\s+(?:the\s+)?((?:[A-Z][A-Za-z]*|\d+)(?:\s+(?:[A-Z][A-Za-z]*|\d+)){0,3})"
)


# --------------------------------------------------------------------------
# Normalisation


@dataclass(frozen=True, slots=True)
class MatchingRules:
    variant_of: dict[str, str]
    common_surnames: frozenset[str]
    legal_forms: frozenset[str]
    titles: frozenset[str]
    generic_words: frozenset[str]
    type_kind: dict[str, str | None]
    acronym_max_chars: int


@lru_cache(maxsize=1)
def rules() -> MatchingRules:
    raw = yaml.safe_load(resources.files("sanctionwatch.data").joinpath("romanisation.yaml").read_text(encoding="utf-8"))
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
    return MatchingRules(
        variant_of=variant_of,
        common_surnames=frozenset(str(s).casefold() for s in raw.get("common_surnames") or []),
        legal_forms=frozenset(str(s).casefold() for s in raw.get("legal_forms") or []),
        titles=frozenset(str(s).casefold() for s in raw.get("titles") or []),
        generic_words=frozenset(str(s).casefold() for s in raw.get("generic_words") or []),
        type_kind=type_kind,
        acronym_max_chars=int(raw.get("acronym_max_chars", 4)),
    )


def tokens(name: str) -> list[str]:
    """Lower-case ASCII-folded word tokens; apostrophes vanish (Ch'o'l -> chol), other punctuation splits."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = _QUOTES.sub(" ", _APOSTROPHES.sub("", stripped)).replace("&", " and ")
    return [t for t in _NON_WORD.sub(" ", stripped.casefold()).replace("_", " ").split() if t]


def variant_tokens(toks: list[str], r: MatchingRules) -> list[str]:
    return [r.variant_of.get(t, t) for t in toks]


def _key(toks: Iterable[str]) -> str:
    # Joined without spaces: "Jong-un", "Jong Un" and "Jongun" become one key.
    return "".join(toks)


# --------------------------------------------------------------------------
# The list


@dataclass(slots=True)
class ListEntry:
    reference_number: str
    kind: str  # individual | entity
    regime: str
    name: str
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, quality)
    identifiers: list[tuple[str, str]] = field(default_factory=list)  # (scheme, value)
    listed_on: str | None = None
    dataid: str | None = None
    details: dict[str, Any] = field(default_factory=dict)  # designation, nationality, born, comments

    def names(self) -> list[tuple[str, str]]:
        """Every (name, quality) to match: the listed name, its parenthesised acronym, the aliases."""
        out = [(self.name, "name")]
        bare = _PAREN_ACRONYM.sub("", self.name).strip()
        if bare != self.name:
            out.append((re.sub(r"\s+", " ", bare), "name"))
            out.extend((m, "acronym") for m in _PAREN_ACRONYM.findall(self.name))
        out.extend(self.aliases)
        return out

    def describe(self) -> str:
        return f"{self.reference_number} {self.name}"

    def identity_hint(self) -> str:
        bits = []
        if self.listed_on:
            bits.append(f"listed {self.listed_on}")
        if self.details.get("designation"):
            bits.append(self.details["designation"])
        if self.details.get("born"):
            bits.append(f"born {self.details['born']}")
        return "; ".join(bits)


@dataclass(frozen=True, slots=True)
class ListMatch:
    reference_number: str
    listed_name: str
    matched_name: str  # the listed name or alias that matched
    quality: str
    method: str
    score: float
    explanation: str
    query: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference_number": self.reference_number, "listed_name": self.listed_name,
            "matched_name": self.matched_name, "quality": self.quality, "method": self.method,
            "score": self.score, "explanation": self.explanation, "query": self.query,
        }


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

        def put(key: str, item: _Indexed) -> None:
            if key:
                index.setdefault(key, []).append(item)

        for ref, entry in sorted(self.entries.items()):
            for name, quality in entry.names():
                toks = tokens(name)
                if not toks:
                    continue
                single = len(toks) == 1
                acronym = single and len(toks[0]) <= r.acronym_max_chars
                mk = lambda method: _Indexed(ref, name.strip(), quality, method, single, acronym)  # noqa: E731
                put("exact:" + _key(toks), mk("exact"))
                if single:
                    continue  # one-token names match only exactly
                put("variant:" + _key(variant_tokens(toks, r)), mk("variant"))
                if entry.kind == "individual":
                    # The list writes family name first; Western-order mentions put it last.
                    put("variant:" + _key(variant_tokens(toks[1:] + toks[:1], r)), mk("reordered"))
                else:
                    core = [t for t in toks if t not in r.legal_forms]
                    if core != toks and _distinctive_core(core, r):
                        put("core:" + _key(variant_tokens(core, r)), mk("legal-form"))
            for scheme, value in entry.identifiers:
                put(f"id:{scheme}:{value}", _Indexed(ref, value, "name", "identifier", False, False))
        self._index = index

    # -- matching ----------------------------------------------------------
    def match(self, name: str, entity_type: str | None = None, *, regimes: Iterable[str] | None = DEFAULT_REGIMES) -> list[ListMatch]:
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

        for imo in _IMO_IN_TEXT.findall(name):
            for item in self._index.get(f"id:imo:{imo}", []):
                consider(item, "identifier", f"IMO number {imo}")

        toks = tokens(name)
        while kind in ("individual", "any") and len(toks) > 2 and toks[0] in r.titles:
            toks = toks[1:]  # "General Kim Yong Chol"
        if not toks or all(t in r.common_surnames for t in toks):
            return _ranked(found)
        if len(toks) == 1:
            for item in self._index.get("exact:" + toks[0], []):
                if not item.single:
                    continue
                if item.acronym and not _is_capitals(name):
                    continue
                consider(item, "single-token", "single-token name, exact match")
            return _ranked(found)

        for item in self._index.get("exact:" + _key(toks), []):
            consider(item, "exact", "exact match after normalisation")
        variant = variant_tokens(toks, r)
        for item in self._index.get("variant:" + _key(variant), []):
            changed = [f"{a}→{b}" for a, b in zip(toks, variant) if a != b]
            note = "match after romanisation variants" + (f" ({', '.join(changed)})" if changed else "")
            if item.method == "reordered":
                note = "match with the family name last" + (f" and romanisation variants ({', '.join(changed)})" if changed else "")
            consider(item, item.method, note)
        core = [t for t in variant if t not in r.legal_forms]
        if _distinctive_core(core, r):
            for item in self._index.get("core:" + _key(core), []):
                consider(item, "legal-form", "match ignoring legal form and country words")
        return _ranked(found)

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
        return ListMatch(
            entry.reference_number, entry.name, item.name, item.quality, method, round(score, 3), explanation, query
        )

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


# --------------------------------------------------------------------------
# Reading the XML


def _text(el: ET.Element | None) -> str:
    return re.sub(r"\s+", " ", (el.text or "")).strip() if el is not None else ""


def _values(parent: ET.Element, tag: str) -> list[str]:
    return [v for el in parent.findall(f"{tag}/VALUE") if (v := _text(el))]


def _alias_quality(raw: str) -> str:
    q = raw.strip().casefold().replace(".", "")
    return {"good": "good", "low": "low", "aka": "aka", "fka": "fka"}.get(q, "aka")


def _entry(el: ET.Element, kind: str) -> ListEntry | None:
    ref = _text(el.find("REFERENCE_NUMBER"))
    if not ref:
        return None
    parts = [_text(el.find(t)) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = " ".join(p for p in parts if p and p.casefold() != "na")
    alias_tag = "INDIVIDUAL_ALIAS" if kind == "individual" else "ENTITY_ALIAS"
    aliases = []
    for a in el.findall(alias_tag):
        alias = _QUOTES.sub("", _text(a.find("ALIAS_NAME"))).strip()
        if alias:
            aliases.append((alias, _alias_quality(_text(a.find("QUALITY")))))
    original = _text(el.find("NAME_ORIGINAL_SCRIPT"))
    if original:
        aliases.append((original, "original-script"))
    comments = _text(el.find("COMMENTS1"))
    identifiers = [("imo", n) for n in dict.fromkeys(_IMO_IN_TEXT.findall(comments))]
    for doc in el.findall("INDIVIDUAL_DOCUMENT"):
        number, dtype = _text(doc.find("NUMBER")), _text(doc.find("TYPE_OF_DOCUMENT")).casefold()
        if number:
            identifiers.append(("passport" if "passport" in dtype else "national-id", number))
    for vessel in dict.fromkeys(_VESSEL_IN_COMMENT.findall(comments)):
        aliases.append((vessel, "vessel"))
    born = [
        _text(d.find("DATE")) or _text(d.find("YEAR"))
        for d in el.findall("INDIVIDUAL_DATE_OF_BIRTH")
        if _text(d.find("DATE")) or _text(d.find("YEAR"))
    ]
    details = {
        "designation": "; ".join(_values(el, "DESIGNATION")),
        "nationality": "; ".join(_values(el, "NATIONALITY")),
        "born": ", ".join(born),
        "comments": comments,
    }
    return ListEntry(
        reference_number=ref, kind=kind, regime=_text(el.find("UN_LIST_TYPE")), name=name, aliases=aliases,
        identifiers=identifiers, listed_on=_text(el.find("LISTED_ON")) or None, dataid=_text(el.find("DATAID")) or None,
        details={k: v for k, v in details.items() if v},
    )


def load_un_list(path: str | Path) -> SanctionsList:
    """Parse the UN SC consolidated list XML (all regimes; matching defaults to DPRK)."""
    root = ET.parse(path).getroot()
    entries: dict[str, ListEntry] = {}
    for tag, kind in (("INDIVIDUALS/INDIVIDUAL", "individual"), ("ENTITIES/ENTITY", "entity")):
        for el in root.findall(tag):
            entry = _entry(el, kind)
            if entry is not None:
                entries[entry.reference_number] = entry
    return SanctionsList(UN_LIST_ID, "UN Security Council Consolidated List", root.get("dateGenerated"), entries)


# --------------------------------------------------------------------------
# Store


def import_list(store: Database, path: str | Path) -> SanctionsList:
    """Load the XML and replace the stored copy of that list, in one transaction."""
    sl = load_un_list(path)
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    entries = list(sl.entries.values())
    stored_lists.replace_list(
        store, (sl.list_id, sl.name, sl.date_generated, str(path), digest, now),
        [(sl.list_id, e.reference_number, e.kind, e.regime, e.name, e.listed_on, e.dataid,
          json.dumps(e.details, ensure_ascii=False)) for e in entries],
        [(sl.list_id, e.reference_number, a, q) for e in entries for a, q in e.aliases],
        [(sl.list_id, e.reference_number, s, v) for e in entries for s, v in e.identifiers],
    )
    return sl


def list_from_store(store: Database, list_id: str = UN_LIST_ID) -> SanctionsList | None:
    stored = stored_lists.read_list(store, list_id)
    if stored is None:
        return None
    entries = {
        r["reference_number"]: ListEntry(
            r["reference_number"], r["kind"], r["regime"], r["name"], listed_on=r["listed_on"], dataid=r["dataid"],
            details=json.loads(r["json"]),
        )
        for r in stored.entries
    }
    for ref, alias, quality in stored.aliases:
        entries[ref].aliases.append((alias, quality))
    for ref, scheme, value in stored.identifiers:
        entries[ref].identifiers.append((scheme, value))
    return SanctionsList(list_id, stored.name, stored.date_generated, entries)


def match_store(store: Database, list_id: str = UN_LIST_ID, regimes: Iterable[str] | None = DEFAULT_REGIMES) -> int:
    """Match every stored entity (its name and each distinct mention text) and replace list_matches.

    Keeps the best match per (entity, list entry).  Returns the number of rows written.
    Raises LookupError when the list has not been imported.
    """
    sl = list_from_store(store, list_id)
    if sl is None:
        raise LookupError(f"sanctions list {list_id!r} is not in the store; run `sanctionwatch lists import` first")
    candidates: dict[tuple[str, str], tuple[str | None, str | None, int | None, int | None]] = {}
    for entity_id, name, etype in stored_lists.entity_names(store):
        candidates.setdefault((entity_id, name), (etype, None, None, None))
    for entity_id, etype, doc_id, start, end, text in stored_lists.mention_texts(store):
        candidates.setdefault((entity_id, text), (etype, doc_id, start, end))
    best: dict[tuple[str, str], tuple[ListMatch, str | None, int | None, int | None]] = {}
    for (entity_id, text), (etype, doc_id, start, end) in sorted(candidates.items(), key=lambda kv: kv[0]):
        for m in sl.match(text, etype, regimes=regimes):
            key = (entity_id, m.reference_number)
            if key not in best or m.score > best[key][0].score:
                best[key] = (m, doc_id, start, end)
    stored_lists.replace_matches(store, list_id, [
        (list_id, ref, entity_id, m.query, doc_id, start, end, m.score, m.method, m.explanation)
        for (entity_id, ref), (m, doc_id, start, end) in sorted(best.items())
    ])
    return len(best)

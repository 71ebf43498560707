"""OpenSanctions / FollowTheMoney entities as JSON: one entity per line (or one JSON array).

Each entity is ``{"id", "schema", "properties": {prop: [values]}}``.  Person,
Organization, Company, LegalEntity and Vessel entities become list entries;
``Sanction`` entities give their programme and start date, either nested in
the target's ``properties.sanctions`` (OpenSanctions ``targets.nested.json``)
or as separate entities whose ``entity`` property names the target
(``entities.ftm.json``).
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from ..entries import ListEntry
from ..matching import SanctionsList
from ..normalise import regime_of, rules

FTM_LIST_ID = "opensanctions"
_TARGET_SCHEMATA = {"Person": "individual", "Organization": "entity", "Company": "entity", "LegalEntity": "entity",
                    "PublicBody": "entity", "Vessel": "entity"}


def read_json_entities(text: str) -> list[dict[str, Any]]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        return [e for e in json.loads(stripped) if isinstance(e, dict)]
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _props(entity: dict[str, Any], name: str) -> list[str]:
    return [str(v) for v in (entity.get("properties") or {}).get(name) or [] if isinstance(v, (str, int, float))]


def _sanctions_of(entity: dict[str, Any], separate: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    nested = [s for s in (entity.get("properties") or {}).get("sanctions") or [] if isinstance(s, dict)]
    return nested + separate.get(entity.get("id", ""), [])


def _entry(entity: dict[str, Any], sanctions: Iterable[dict[str, Any]]) -> ListEntry | None:
    kind = _TARGET_SCHEMATA.get(entity.get("schema", ""))
    names = _props(entity, "name")
    if kind is None or not names or not entity.get("id"):
        return None
    sanctions = list(sanctions)
    programmes = list(dict.fromkeys(p for s in sanctions for p in _props(s, "programId") + _props(s, "program")))
    starts = sorted(d[:10] for s in sanctions for d in _props(s, "startDate") + _props(s, "listingDate"))
    r = rules()
    regime = next((g for p in programmes if (g := regime_of(p, r)) in r.regimes.values()), "")
    countries = {c.casefold() for c in _props(entity, "nationality") + _props(entity, "country")
                 + _props(entity, "jurisdiction") + _props(entity, "flag")}
    if not regime:
        regime = regime_of("KP", r) if "kp" in countries else (programmes[0] if programmes else "")
    aliases = [(a, "aka") for a in dict.fromkeys(names[1:] + _props(entity, "alias")) if a != names[0]]
    aliases += [(a, "fka") for a in _props(entity, "previousName")]
    aliases += [(a, "weak") for a in _props(entity, "weakAlias")]
    identifiers = [("imo", v.replace("IMO", "").strip()) for v in _props(entity, "imoNumber")]
    identifiers += [("passport", v) for v in _props(entity, "passportNumber")]
    details = {
        "designation": "; ".join(_props(entity, "position")),
        "nationality": "; ".join(_props(entity, "nationality")),
        "born": ", ".join(_props(entity, "birthDate")),
        "comments": " ".join(_props(entity, "notes") + [r for s in sanctions for r in _props(s, "reason")]),
        "type": "vessel" if entity.get("schema") == "Vessel" else "",
        "datasets": entity.get("datasets") or [],
    }
    listed_on = starts[0] if starts else (str(entity.get("first_seen"))[:10] if entity.get("first_seen") else None)
    return ListEntry(
        reference_number=str(entity["id"]), kind=kind, regime=regime, name=names[0], aliases=aliases,
        identifiers=identifiers, listed_on=listed_on, dataid=str(entity["id"]),
        details={k: v for k, v in details.items() if v}, programme="; ".join(programmes) or None,
    )


def parse_ftm(text: str) -> SanctionsList:
    entities = read_json_entities(text)
    separate: dict[str, list[dict[str, Any]]] = {}
    for e in entities:
        if e.get("schema") == "Sanction":
            for target in _props(e, "entity"):
                separate.setdefault(target, []).append(e)
    entries = {en.reference_number: en for e in entities if (en := _entry(e, _sanctions_of(e, separate))) is not None}
    return SanctionsList(FTM_LIST_ID, "OpenSanctions (FollowTheMoney entities)", None, entries)

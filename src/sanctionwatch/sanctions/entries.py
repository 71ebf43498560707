"""What a sanctions list holds, whatever its format: entries with names, aliases and identifiers, and matches."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

PAREN_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")


@dataclass(slots=True)
class ListEntry:
    reference_number: str  # the list's own id: KPi.033, an OFAC uid, an EU logical id ...
    kind: str  # individual | entity (vessels are entities with details["type"] == "vessel")
    regime: str  # normalised regime (DPRK), see data/romanisation.yaml regimes
    name: str
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, quality)
    identifiers: list[tuple[str, str]] = field(default_factory=list)  # (scheme, value)
    listed_on: str | None = None
    dataid: str | None = None
    details: dict[str, Any] = field(default_factory=dict)  # designation, nationality, born, comments, type
    programme: str | None = None  # the list's own programme label (DPRK3, PRK ...)

    def names(self) -> list[tuple[str, str]]:
        """Every (name, quality) to match: the listed name, its parenthesised acronym, the aliases."""
        out = [(self.name, "name")]
        bare = PAREN_ACRONYM.sub("", self.name).strip()
        if bare != self.name:
            out.append((re.sub(r"\s+", " ", bare).strip(" ,"), "name"))
            out.extend((m, "acronym") for m in PAREN_ACRONYM.findall(self.name))
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
    list_id: str = ""
    programme: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "list_id": self.list_id, "programme": self.programme,
            "reference_number": self.reference_number, "listed_name": self.listed_name,
            "matched_name": self.matched_name, "quality": self.quality, "method": self.method,
            "score": self.score, "explanation": self.explanation, "query": self.query,
        }

"""A case: one real-world event as reported by any number of articles, with its members and sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Quantity

STATUSES = ("single-source", "corroborated", "contested", "denied-only")
ROLES = ("allegation", "denial", "report")


@dataclass(frozen=True, slots=True)
class CaseMember:
    doc_id: str
    event_idx: int | None  # None for a denial that is an attribution only ("X dismissed the report")
    role: str  # allegation | denial | report
    attribution_idx: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "event_idx": self.event_idx, "attribution_idx": self.attribution_idx, "role": self.role}


@dataclass(slots=True)
class Case:
    id: str
    type: str
    category: str
    summary: str
    actors: dict[str, list[str]]  # role -> canonical/local ids
    actor_names: dict[str, str]
    time_start: str | None
    time_end: str | None
    reported_start: str | None  # earliest and latest publication date of its documents
    reported_end: str | None
    quantity: Quantity | None
    members: list[CaseMember]
    source_groups: list[list[str]]  # independent sources among allegations/reports, each a sorted doc list
    denial_sources: list[list[str]]
    status: str
    min_sources: int
    claimants: list[str] = field(default_factory=list)  # attributed sources of the allegations (entity ids)
    designated: list[dict[str, Any]] = field(default_factory=list)  # sanctions-list matches of its actors
    # Who each source group is (the credited agency or outlet, else the publisher), parallel to source_groups.
    source_labels: list[str] = field(default_factory=list)
    membership: list[dict[str, Any]] = field(default_factory=list)  # why each event is a member (explain_membership)

    @property
    def independent_sources(self) -> int:
        return len(self.source_groups)

    @property
    def allegations(self) -> list[CaseMember]:
        return [m for m in self.members if m.role != "denial"]

    @property
    def denials(self) -> list[CaseMember]:
        return [m for m in self.members if m.role == "denial"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "category": self.category,
            "summary": self.summary,
            "status": self.status,
            "min_sources": self.min_sources,
            "actors": self.actors,
            "actor_names": self.actor_names,
            "time": {"start": self.time_start, "end": self.time_end},
            "reported": {"start": self.reported_start, "end": self.reported_end},
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "independent_sources": self.independent_sources,
            "source_groups": self.source_groups,
            "denial_sources": self.denial_sources,
            "claimants": self.claimants,
            "members": [m.to_dict() for m in self.members],
            "designated": self.designated,
            "source_labels": self.source_labels,
            "membership": self.membership,
        }


def case_status(independent_sources: int, has_denial: bool, min_sources: int = 2) -> str:
    if independent_sources == 0:
        return "denied-only" if has_denial else "single-source"
    if has_denial:
        return "contested"
    return "corroborated" if independent_sources >= min_sources else "single-source"

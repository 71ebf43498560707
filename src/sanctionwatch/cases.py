"""The case: one real-world event reported across documents, and its members.

One type for every reader: the linker builds :class:`Case`, the store writes
``Case.to_dict()`` into the ``cases.json`` column and reads it back with
:meth:`Case.from_dict`, and the CLI, the web and the report use the object
(as followthemoney's proxy keeps ``to_dict`` and ``from_dict`` on one class).
``from_dict`` reads what older sanctionwatch versions stored: a key they did
not write takes its default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Quantity

__all__ = ["CASE_STATUSES", "Case", "CaseMember"]

# The values of Case.status, weakest evidence first (linking.status.case_status decides among them).
CASE_STATUSES = ("single-source", "corroborated", "contested", "denied-only")


@dataclass(frozen=True, slots=True)
class CaseMember:
    doc_id: str
    event_idx: int | None  # None for a denial that is an attribution only ("X dismissed the report")
    role: str  # allegation | denial | report
    attribution_idx: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "event_idx": self.event_idx, "attribution_idx": self.attribution_idx,
                "role": self.role}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CaseMember:
        return cls(d["doc_id"], d.get("event_idx"), d["role"], d.get("attribution_idx"))


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
    membership: list[dict[str, Any]] = field(default_factory=list)  # why each event is a member

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

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Case:
        """The case ``to_dict`` wrote (``independent_sources`` is derived, so it is not read back)."""
        time, reported, q = d.get("time") or {}, d.get("reported") or {}, d.get("quantity")
        return cls(
            id=d["id"], type=d["type"], category=d["category"], summary=d.get("summary") or "",
            actors={role: list(ids) for role, ids in (d.get("actors") or {}).items()},
            actor_names=dict(d.get("actor_names") or {}),
            time_start=time.get("start"), time_end=time.get("end"),
            reported_start=reported.get("start"), reported_end=reported.get("end"),
            quantity=Quantity(q["value"], q["unit"], bool(q.get("approximate", False))) if q else None,
            members=[CaseMember.from_dict(m) for m in d.get("members") or []],
            source_groups=[list(g) for g in d.get("source_groups") or []],
            denial_sources=[list(g) for g in d.get("denial_sources") or []],
            status=d["status"], min_sources=int(d.get("min_sources", 2)),
            claimants=list(d.get("claimants") or []), designated=list(d.get("designated") or []),
            source_labels=list(d.get("source_labels") or []), membership=list(d.get("membership") or []),
        )

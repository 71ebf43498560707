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

__all__ = ["CASE_STATUSES", "Case", "CaseMember", "Claim"]

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
class Claim:
    """One originator's statement within a case: who first made it, how much, when, where it was first
    reported and which later pages repeat it (each repeated or syndicated page once).

    ``originator`` is an actor id (a government, the UN panel, a monitoring team, a named speaker) or
    ``outlet:<source key>`` for an outlet's own unattributed reporting.  ``side`` is ``support`` or
    ``reply`` (a denial or rebuttal: the right of reply, never support).
    """

    originator: str
    originator_name: str
    side: str  # support | reply
    quantity: Quantity | None
    time_start: str | None
    time_end: str | None
    first_report: str  # doc_id of the earliest page carrying it
    first_published: str | None
    copies: list[str] = field(default_factory=list)  # later pages repeating it, first report excluded
    speakers: list[str] = field(default_factory=list)  # who voiced it, as written ("the defence ministry")
    members: list[CaseMember] = field(default_factory=list)

    @property
    def is_outlet(self) -> bool:
        return self.originator.startswith("outlet:")

    @property
    def display_name(self) -> str:
        """Who made it, for readers: an outlet no page names is "an unnamed outlet (own reporting)"."""
        if not self.is_outlet:
            return self.originator_name or self.originator
        outlet = self.originator_name or "an unnamed outlet"
        if self.speakers:  # a speaker the attribution could not resolve ("the team said")
            speaker = self.speakers[0] if len(self.speakers[0]) <= 60 else self.speakers[0][:57].rstrip() + "…"
            return f"{outlet}, citing “{speaker}”"
        return f"{outlet} (own reporting)"

    def to_dict(self) -> dict[str, Any]:
        return {
            "originator": self.originator, "originator_name": self.originator_name, "side": self.side,
            "display_name": self.display_name,  # derived: not read back
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "time": {"start": self.time_start, "end": self.time_end},
            "first_report": {"doc_id": self.first_report, "published": self.first_published},
            "copies": self.copies, "speakers": self.speakers, "members": [m.to_dict() for m in self.members],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        time, first, q = d.get("time") or {}, d.get("first_report") or {}, d.get("quantity")
        return cls(
            originator=d["originator"], originator_name=d.get("originator_name") or d["originator"],
            side=d.get("side") or "support", quantity=_quantity(q),
            time_start=time.get("start"), time_end=time.get("end"),
            first_report=first.get("doc_id") or "", first_published=first.get("published"),
            copies=list(d.get("copies") or []), speakers=list(d.get("speakers") or []),
            members=[CaseMember.from_dict(m) for m in d.get("members") or []],
        )


def _quantity(q: dict[str, Any] | None) -> Quantity | None:
    return Quantity(q["value"], q["unit"], bool(q.get("approximate", False))) if q else None


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
    claims: list[Claim] = field(default_factory=list)  # supporting claims first, then the right of reply
    status_reasons: list[str] = field(default_factory=list)  # why the status is what it is, in words

    @property
    def independent_sources(self) -> int:
        """Independent reporting: publisher groups, syndicated and credited copies of one story once."""
        return len(self.source_groups)

    @property
    def originators(self) -> list[str]:
        """Who made the supporting claims, each once (five outlets relaying one government: one)."""
        return sorted({c.originator for c in self.claims if c.side == "support"})

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
            "claims": [c.to_dict() for c in self.claims],
            "status_reasons": self.status_reasons,
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
            quantity=_quantity(q),
            members=[CaseMember.from_dict(m) for m in d.get("members") or []],
            source_groups=[list(g) for g in d.get("source_groups") or []],
            denial_sources=[list(g) for g in d.get("denial_sources") or []],
            status=d["status"], min_sources=int(d.get("min_sources", 2)),
            claimants=list(d.get("claimants") or []), designated=list(d.get("designated") or []),
            source_labels=list(d.get("source_labels") or []), membership=list(d.get("membership") or []),
            claims=[Claim.from_dict(c) for c in d.get("claims") or []],
            status_reasons=list(d.get("status_reasons") or []),
        )

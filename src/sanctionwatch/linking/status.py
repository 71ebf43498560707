"""A case's corroboration status from its independent sources and its denials, with its reasons in words."""

from __future__ import annotations

from dataclasses import dataclass


def case_status(independent_sources: int, has_denial: bool, min_sources: int = 2) -> str:
    """One of ``cases.CASE_STATUSES``: a denial makes a reported case contested, never corroborated."""
    if independent_sources == 0:
        return "denied-only" if has_denial else "single-source"
    if has_denial:
        return "contested"
    return "corroborated" if independent_sources >= min_sources else "single-source"


@dataclass(frozen=True, slots=True)
class StatusInput:
    reports: list[str]  # who each independent report is (publisher groups: syndicated copies once)
    originators: list[str]  # display names of the supporting claims' distinct originators
    repeated: int  # supporting pages that only repeat a claim already counted
    repliers: list[str]  # display names of those who deny or rebut it


def status_with_reasons(found: StatusInput, min_sources: int = 2) -> tuple[str, list[str]]:
    """The status and why.  Corroboration counts independent reporting (one publisher, and copies of one
    story, count once, so a single publisher never corroborates itself); the reasons also say who
    originated the claims, so reports that all relay one government read as such.  A denial makes a
    case contested."""
    n = len(found.reports)
    status = case_status(n, bool(found.repliers), min_sources)
    reasons = []
    if n:
        reasons.append(f"{n} independent report(s): {'; '.join(found.reports)} (corroboration needs {min_sources})")
    else:
        reasons.append("no supporting report: only the right of reply")
    if len(found.originators) == 1 and n > 1:
        reasons.append(f"every report relays one originator: {found.originators[0]}")
    elif found.originators:
        reasons.append(f"{len(found.originators)} originator(s): {'; '.join(found.originators)}")
    if found.repeated:
        reasons.append(f"{found.repeated} page(s) repeat a claim already counted")
    if n == 1 and min_sources > 1:
        reasons.append("a single publisher (or copies of one story) cannot corroborate itself")
    if found.repliers:
        reasons.append(f"denied or rebutted by {'; '.join(found.repliers)}: right of reply, not support")
    return status, reasons

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
    originators: list[str]  # display names of the supporting claims' distinct originators
    publishers: int  # independent publisher groups among the supporting pages
    repeated: int  # supporting pages that only repeat a claim already counted
    repliers: list[str]  # display names of those who deny or rebut it


def status_with_reasons(found: StatusInput, min_sources: int = 2) -> tuple[str, list[str]]:
    """The status and why.  Independent sources are the distinct originators; a single publisher never
    corroborates (whatever it quotes is its own selection), and a denial makes a case contested."""
    n = len(found.originators)
    needed_publishers = min(2, min_sources)
    counted = n if found.publishers >= needed_publishers else min(n, 1)
    status = case_status(counted, bool(found.repliers), min_sources)
    reasons = []
    if n:
        reasons.append(f"{n} independent originator(s): {'; '.join(found.originators)} (corroboration needs {min_sources})")
    else:
        reasons.append("no supporting claim: only the right of reply")
    if found.repeated:
        reasons.append(f"{found.repeated} page(s) repeat a claim already counted and add no source")
    if n >= min_sources and found.publishers < needed_publishers:
        reasons.append("every supporting page comes from one publisher, which cannot corroborate itself")
    if found.repliers:
        reasons.append(f"denied or rebutted by {'; '.join(found.repliers)}: right of reply, not support")
    return status, reasons

"""A case's corroboration status from its independent sources and its denials."""

from __future__ import annotations


def case_status(independent_sources: int, has_denial: bool, min_sources: int = 2) -> str:
    """One of ``cases.CASE_STATUSES``: a denial makes a reported case contested, never corroborated."""
    if independent_sources == 0:
        return "denied-only" if has_denial else "single-source"
    if has_denial:
        return "contested"
    return "corroborated" if independent_sources >= min_sources else "single-source"

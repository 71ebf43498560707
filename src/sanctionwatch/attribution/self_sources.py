"""A passive report whose source is its own content: "North Korea — which is believed to hold large reserves — ..."
reads the relative pronoun's antecedent as the believer, while it is what is believed of.  A passive cue with no
"by" agent names nobody who holds the belief; when the source found for it overlaps what it reports, that source is
the content's own subject and is dropped, leaving the report agentless (so no actor is credited with a belief about
itself)."""

from __future__ import annotations

from typing import Sequence

from ..model import Attribution


def _overlaps(a: Attribution) -> bool:
    return any(s.start < c.end and c.start < s.end for s in a.source for c in a.content)


def drop_self_sources(attributions: Sequence[Attribution]) -> None:
    """Clear, in place, the source of every passive report whose source overlaps its content."""
    for a in attributions:
        if a.kind == "passive" and a.source and _overlaps(a):
            a.source = []
            a.source_entity = None
            a.affiliation = None

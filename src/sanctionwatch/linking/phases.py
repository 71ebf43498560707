"""The phase of an event whose type covers opposite acts: a body set up or shut down, sanctions imposed or
lifted (``event_phases`` in ``data/linking.yaml``).  Two mentions of different phases are two events."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Event
from ..resources import package_yaml

_ENDINGS = r"(?:s|es|d|ed|ing|ion|ions)?"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    raw = package_yaml("linking.yaml").get("event_phases") or {}
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for type_id, phases in raw.items():
        out[str(type_id)] = [
            (str(phase), re.compile(rf"^(?:{'|'.join(re.escape(str(w).lower().rstrip('e')) for w in words)})e?{_ENDINGS}$"))
            for phase, words in (phases or {}).items()
        ]
    return out


def phase(event: Event) -> str | None:
    """The phase of ``event`` ("start", "end"), or None when its type has none or its trigger names none."""
    patterns = _patterns().get(event.type)
    if not patterns:
        return None
    word = (event.trigger.text.split() or [""])[0].lower()
    # a doubled final consonant ("shutting", "setting") or a real double ("added")
    forms = (word, re.sub(r"([bdgklmnprt])\1(ing|ed)$", r"\1\2", word))
    return next((name for name, rx in patterns if any(rx.match(w) for w in forms)), None)


def phases_differ(a: Event, b: Event) -> bool:
    pa, pb = phase(a), phase(b)
    return pa is not None and pb is not None and pa != pb

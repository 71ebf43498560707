"""Figures that give what the goods are worth today, not the size of the act.

"thieves took 5,000 coins, then valued at 20 billion won and now worth about 300 billion won": the theft
took 20 billion won's worth; the later figure revalues the loot at today's price.  Left among the
sentence's quantities, it became the theft's figure on one page while another page gave the figure of the
day, and two reports of one theft disagreed on its size.  The cues are ``present_value_before`` (the words
just before the figure, its approximator aside) and ``present_value_after`` (right after it) in
``data/quantity.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Sequence

from ..resources import package_yaml

_REACH = 60  # characters looked at on either side of a figure


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    raw = package_yaml("quantity.yaml")
    approx = "|".join(re.escape(str(a)) for a in sorted(raw["approximators"], key=len, reverse=True))

    def alt(key: str) -> str:
        words = sorted((str(w) for w in raw.get(key) or ()), key=len, reverse=True)
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) or r"(?!)"

    before = re.compile(rf"\b(?:{alt('present_value_before')})\s+(?:(?:{approx})\s+)?$", re.I)
    after = re.compile(rf"^\s*,?\s*(?:{alt('present_value_after')})\b", re.I)
    return before, after


def present_value(text: str, found: tuple[int, int, Any]) -> bool:
    """Whether the quantity found at ``found`` (start, end, ...) is a present-day valuation."""
    before, after = _cues()
    start, end = found[0], found[1]
    return bool(before.search(text[max(0, start - _REACH):start]) or after.search(text[end:end + _REACH]))


def without_present_values(text: str, quantities: Sequence[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """``quantities`` less the present-day valuations (see :func:`present_value`)."""
    return [q for q in quantities if not present_value(text, q)]

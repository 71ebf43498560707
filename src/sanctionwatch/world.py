"""The world layer of the actor table: every current country, from maintained data (rigour).

rigour (a dependency of followthemoney, maintained by OpenSanctions) ships ISO 3166
territories offline: short name, official name, alpha-3 code and Wikidata id.  They become
`country` actors with the alpha-3 code as id, the bottom layer under data/actors.yaml, so the
project's own entries (demonyms, capitals, metonyms such as "Pyongyang" or "the Kremlin")
override and extend them.  Without rigour the table is the YAML alone.

A one-word name is matched with its capitalisation only ("Chad", "Jordan", "Turkey" as
written), so a common word is never a country.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

try:  # optional at run time: the packaged YAML still covers the DPRK's neighbours and partners
    from rigour.territories import get_territories
except ImportError:  # pragma: no cover - exercised only without rigour installed
    get_territories = None


@lru_cache(maxsize=1)
def world_entries() -> tuple[dict[str, Any], ...]:
    """Actor-table entries (the YAML schema) for every current country rigour knows."""
    if get_territories is None:
        return ()
    out = []
    for t in get_territories():
        if not t.is_country or t.is_historical or not t.alpha3:
            continue
        # official names only: rigour's in-sentence form ("the United States") would pull "the" into mentions
        names = [n for n in (t.name, t.full_name) if n]
        plain = [n for n in names if " " in n or "-" in n]
        exact = [n for n in names if n not in plain]
        out.append(
            {
                "id": t.alpha3,
                "name": t.name,
                "type": "country",
                "wikidata": t.qid,
                "aliases": [n for n in plain if n != t.name],
                "exact_aliases": exact,
            }
        )
    return tuple(out)

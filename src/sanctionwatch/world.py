"""The world layer of the actor table: every country and territory, from maintained data (pycountry).

pycountry ships ISO 3166-1 offline (pure Python, no compiled dependency): alpha-3 code, the ISO
short name, the common name where ISO's is inverted ("Korea, Republic of" -> "South Korea") and
the official name.  They become `country` actors with the lower-case alpha-3 code as id, the
bottom layer under data/actors.yaml, so the project's own entries (demonyms, capitals,
metonyms such as "Pyongyang" or "the Kremlin") override and extend them.

A one-word name is matched with its capitalisation only ("Chad", "Jordan", "Turkey" as
written), so a common word is never a country.  ISO's inverted forms ("Iran, Islamic
Republic of") are left out: no article writes them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pycountry


@lru_cache(maxsize=1)
def world_entries() -> tuple[dict[str, Any], ...]:
    """Actor-table entries (the YAML schema) for every ISO 3166-1 country and territory."""
    out = []
    for c in pycountry.countries:
        names = [n for n in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None))
                 if n and "," not in n]
        names = list(dict.fromkeys(names))
        if not names:
            continue
        plain = [n for n in names if " " in n or "-" in n]
        exact = [n for n in names if n not in plain]
        out.append(
            {
                "id": c.alpha_3.lower(),
                "name": names[0],
                "type": "country",
                "aliases": [n for n in plain if n != names[0]],
                "exact_aliases": exact,
            }
        )
    return tuple(out)

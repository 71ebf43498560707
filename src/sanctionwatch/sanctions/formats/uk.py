"""The UK consolidated list of financial sanctions targets (OFSI ``ConList`` XML).

``ArrayOfFinancialSanctionsTarget`` holds one ``FinancialSanctionsTarget``
row per *name*: rows sharing a ``GroupID`` are one designation, the row whose
``AliasType`` is "Primary Name" gives its name.  Name parts are ``Name6``
(family name or organisation name) and ``Name1``..``Name5``; ``GroupTypeDescription``
is Individual, Entity or Ship; ``RegimeName`` names the regime; ``DateListed``,
``DOB``, ``Nationality``, ``Position``, ``IMONumber``, ``UKSanctionsListRef``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..entries import ListEntry
from ..matching import SanctionsList
from ..normalise import regime_of, rules
from .ofac import strip_namespaces
from .un import text_of

UK_LIST_ID = "uk-ofsi"


def _row_name(row: ET.Element, individual: bool) -> str:
    family = text_of(row.find("Name6"))
    given = [text_of(row.find(f"Name{i}")) for i in range(1, 6)]
    given = [g for g in given if g]
    return " ".join([family, *given] if individual else [family]).strip() if family else " ".join(given)


def _date(value: str) -> str | None:
    """'22/01/2013' or '2013-01-22T00:00:00' -> '2013-01-22'."""
    if m := re.match(r"(\d{2})/(\d{2})/(\d{4})", value):
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    if m := re.match(r"\d{4}-\d{2}-\d{2}", value):
        return m.group(0)
    return None


def _entry(group_id: str, rows: list[ET.Element]) -> ListEntry | None:
    kind_text = text_of(rows[0].find("GroupTypeDescription")).casefold()
    individual = kind_text == "individual"
    primary = next((r for r in rows if text_of(r.find("AliasType")).casefold().startswith("primary")), rows[0])
    name = _row_name(primary, individual)
    if not name:
        return None
    aliases = []
    for row in rows:
        alias = _row_name(row, individual)
        if row is not primary and alias and alias != name:
            quality = "weak" if "low" in text_of(row.find("AliasQuality")).casefold() else "aka"
            aliases.append((alias, quality))
    field = lambda tag: next((v for r in rows if (v := text_of(r.find(tag)))), "")  # noqa: E731
    regime_name = field("RegimeName")
    identifiers = [("imo", n) for n in re.findall(r"\d{7}", field("IMONumber"))]
    details = {
        "designation": field("Position"), "nationality": field("Nationality"), "born": _date(field("DOB")) or field("DOB"),
        "comments": field("OtherInformation"), "type": "vessel" if kind_text == "ship" else "",
        "uk_reference": field("UKSanctionsListRef"),
    }
    return ListEntry(
        reference_number=field("UKSanctionsListRef") or group_id, kind="individual" if individual else "entity",
        regime=regime_of(regime_name, rules()), name=name, aliases=aliases, identifiers=identifiers,
        listed_on=_date(field("DateListed")), dataid=group_id, details={k: v for k, v in details.items() if v},
        programme=regime_name or None,
    )


def parse_uk(root: ET.Element) -> SanctionsList:
    strip_namespaces(root)
    groups: dict[str, list[ET.Element]] = {}
    for row in root.findall("FinancialSanctionsTarget"):
        groups.setdefault(text_of(row.find("GroupID")), []).append(row)
    entries = {e.reference_number: e for gid, rows in groups.items() if gid and (e := _entry(gid, rows)) is not None}
    return SanctionsList(UK_LIST_ID, "UK Consolidated List of Financial Sanctions Targets", root.get("DateGenerated"),
                         entries)

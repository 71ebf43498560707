"""The UN Security Council consolidated list (XML, schema ``sc-sanctions.xsd``).

INDIVIDUALS and ENTITIES, each with a reference number (``KPi.033``,
``KPe.001`` for the DPRK regime), name parts FIRST_NAME..FOURTH_NAME, aliases
of several qualities (Good / Low for individuals, a.k.a. / f.k.a. for
entities) and free-text comments that carry IMO numbers and names of
associated vessels.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..entries import ListEntry
from ..matching import IMO_IN_TEXT, UN_LIST_ID, SanctionsList
from ..normalise import QUOTES, regime_of, rules

_VESSEL_IN_COMMENT = re.compile(
    r"\b(?:vessel|tanker|ship|freighter)s?,?\s+(?:the\s+)?((?:[A-Z][A-Za-z]*|\d+)(?:\s+(?:[A-Z][A-Za-z]*|\d+)){0,3})"
)


def text_of(el: ET.Element | None) -> str:
    return re.sub(r"\s+", " ", (el.text or "")).strip() if el is not None else ""


def _values(parent: ET.Element, tag: str) -> list[str]:
    return [v for el in parent.findall(f"{tag}/VALUE") if (v := text_of(el))]


def _alias_quality(raw: str) -> str:
    q = raw.strip().casefold().replace(".", "")
    return {"good": "good", "low": "low", "aka": "aka", "fka": "fka"}.get(q, "aka")


def _entry(el: ET.Element, kind: str) -> ListEntry | None:
    ref = text_of(el.find("REFERENCE_NUMBER"))
    if not ref:
        return None
    parts = [text_of(el.find(t)) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = " ".join(p for p in parts if p and p.casefold() != "na")
    alias_tag = "INDIVIDUAL_ALIAS" if kind == "individual" else "ENTITY_ALIAS"
    aliases = []
    for a in el.findall(alias_tag):
        alias = QUOTES.sub("", text_of(a.find("ALIAS_NAME"))).strip()
        if alias:
            aliases.append((alias, _alias_quality(text_of(a.find("QUALITY")))))
    original = text_of(el.find("NAME_ORIGINAL_SCRIPT"))
    if original:
        aliases.append((original, "original-script"))
    comments = text_of(el.find("COMMENTS1"))
    identifiers = [("imo", n) for n in dict.fromkeys(IMO_IN_TEXT.findall(comments))]
    for doc in el.findall("INDIVIDUAL_DOCUMENT"):
        number, dtype = text_of(doc.find("NUMBER")), text_of(doc.find("TYPE_OF_DOCUMENT")).casefold()
        if number:
            identifiers.append(("passport" if "passport" in dtype else "national-id", number))
    for vessel in dict.fromkeys(_VESSEL_IN_COMMENT.findall(comments)):
        aliases.append((vessel, "vessel"))
    born = [
        text_of(d.find("DATE")) or text_of(d.find("YEAR"))
        for d in el.findall("INDIVIDUAL_DATE_OF_BIRTH")
        if text_of(d.find("DATE")) or text_of(d.find("YEAR"))
    ]
    details = {
        "designation": "; ".join(_values(el, "DESIGNATION")),
        "nationality": "; ".join(_values(el, "NATIONALITY")),
        "born": ", ".join(born),
        "comments": comments,
    }
    programme = text_of(el.find("UN_LIST_TYPE"))
    return ListEntry(
        reference_number=ref, kind=kind, regime=regime_of(programme, rules()), name=name, aliases=aliases,
        identifiers=identifiers, listed_on=text_of(el.find("LISTED_ON")) or None,
        dataid=text_of(el.find("DATAID")) or None, details={k: v for k, v in details.items() if v},
        programme=programme or None,
    )


def parse_un(root: ET.Element) -> SanctionsList:
    entries: dict[str, ListEntry] = {}
    for tag, kind in (("INDIVIDUALS/INDIVIDUAL", "individual"), ("ENTITIES/ENTITY", "entity")):
        for el in root.findall(tag):
            entry = _entry(el, kind)
            if entry is not None:
                entries[entry.reference_number] = entry
    return SanctionsList(UN_LIST_ID, "UN Security Council Consolidated List", root.get("dateGenerated"), entries)


def load_un_list(path: str | Path) -> SanctionsList:
    """Parse the UN SC consolidated list XML (all regimes; matching defaults to DPRK)."""
    return parse_un(ET.parse(path).getroot())

"""The UN Security Council consolidated list format (XML, schema ``sc-sanctions.xsd``).

INDIVIDUALS and ENTITIES, each with a reference number (``KPi.033``,
``KPe.001`` for the DPRK regime), name parts FIRST_NAME..FOURTH_NAME, aliases
of several qualities (Good / Low for individuals, a.k.a. / f.k.a. for
entities) and free-text comments that carry IMO numbers and names of
associated vessels.  A new list format is a module like this one that returns
a :class:`~.matching.SanctionsList`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from .matching import IMO_IN_TEXT, QUOTES, UN_LIST_ID, ListEntry, SanctionsList

_VESSEL_IN_COMMENT = re.compile(
    r"\b(?:vessel|tanker|ship|freighter)s?,?\s+(?:the\s+)?((?:[A-Z][A-Za-z]*|\d+)(?:\s+(?:[A-Z][A-Za-z]*|\d+)){0,3})"
)



def _text(el: ET.Element | None) -> str:
    return re.sub(r"\s+", " ", (el.text or "")).strip() if el is not None else ""


def _values(parent: ET.Element, tag: str) -> list[str]:
    return [v for el in parent.findall(f"{tag}/VALUE") if (v := _text(el))]


def _alias_quality(raw: str) -> str:
    q = raw.strip().casefold().replace(".", "")
    return {"good": "good", "low": "low", "aka": "aka", "fka": "fka"}.get(q, "aka")


def _entry(el: ET.Element, kind: str) -> ListEntry | None:
    ref = _text(el.find("REFERENCE_NUMBER"))
    if not ref:
        return None
    parts = [_text(el.find(t)) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = " ".join(p for p in parts if p and p.casefold() != "na")
    alias_tag = "INDIVIDUAL_ALIAS" if kind == "individual" else "ENTITY_ALIAS"
    aliases = []
    for a in el.findall(alias_tag):
        alias = QUOTES.sub("", _text(a.find("ALIAS_NAME"))).strip()
        if alias:
            aliases.append((alias, _alias_quality(_text(a.find("QUALITY")))))
    original = _text(el.find("NAME_ORIGINAL_SCRIPT"))
    if original:
        aliases.append((original, "original-script"))
    comments = _text(el.find("COMMENTS1"))
    identifiers = [("imo", n) for n in dict.fromkeys(IMO_IN_TEXT.findall(comments))]
    for doc in el.findall("INDIVIDUAL_DOCUMENT"):
        number, dtype = _text(doc.find("NUMBER")), _text(doc.find("TYPE_OF_DOCUMENT")).casefold()
        if number:
            identifiers.append(("passport" if "passport" in dtype else "national-id", number))
    for vessel in dict.fromkeys(_VESSEL_IN_COMMENT.findall(comments)):
        aliases.append((vessel, "vessel"))
    born = [
        _text(d.find("DATE")) or _text(d.find("YEAR"))
        for d in el.findall("INDIVIDUAL_DATE_OF_BIRTH")
        if _text(d.find("DATE")) or _text(d.find("YEAR"))
    ]
    details = {
        "designation": "; ".join(_values(el, "DESIGNATION")),
        "nationality": "; ".join(_values(el, "NATIONALITY")),
        "born": ", ".join(born),
        "comments": comments,
    }
    return ListEntry(
        reference_number=ref, kind=kind, regime=_text(el.find("UN_LIST_TYPE")), name=name, aliases=aliases,
        identifiers=identifiers, listed_on=_text(el.find("LISTED_ON")) or None, dataid=_text(el.find("DATAID")) or None,
        details={k: v for k, v in details.items() if v},
    )


def load_un_list(path: str | Path) -> SanctionsList:
    """Parse the UN SC consolidated list XML (all regimes; matching defaults to DPRK)."""
    root = ET.parse(path).getroot()
    entries: dict[str, ListEntry] = {}
    for tag, kind in (("INDIVIDUALS/INDIVIDUAL", "individual"), ("ENTITIES/ENTITY", "entity")):
        for el in root.findall(tag):
            entry = _entry(el, kind)
            if entry is not None:
                entries[entry.reference_number] = entry
    return SanctionsList(UN_LIST_ID, "UN Security Council Consolidated List", root.get("dateGenerated"), entries)

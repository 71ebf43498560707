"""The EU consolidated financial sanctions list, XML export of the FSF (namespace ``fpi/fsd/export``).

``export`` holds one ``sanctionEntity`` per designation (attributes
``logicalId``, ``euReferenceNumber``, ``designationDate``, ``unitedNationId``)
with ``regulation/@programme`` (PRK for the DPRK), ``subjectType/@code``
(person, enterprise), ``nameAlias`` (``wholeName``, ``function``, ``strong``),
``citizenship``, ``birthdate``, ``identification`` and ``remark``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..entries import ListEntry
from ..matching import IMO_IN_TEXT, SanctionsList
from ..normalise import regime_of, rules
from .ofac import strip_namespaces
from .un import text_of

EU_LIST_ID = "eu-fsf"


def _entry(el: ET.Element) -> ListEntry | None:
    ref = el.get("euReferenceNumber") or el.get("logicalId") or ""
    if not ref:
        return None
    subject = el.find("subjectType")
    individual = (subject.get("code", "") if subject is not None else "").casefold() == "person"
    names = []
    functions = []
    for alias in el.findall("nameAlias"):
        whole = (alias.get("wholeName") or " ".join(
            p for p in (alias.get("lastName"), alias.get("firstName")) if p)).strip()
        if whole:
            names.append((whole, "aka" if alias.get("strong", "true") != "false" else "weak"))
        if alias.get("function"):
            functions.append(alias.get("function", ""))
    if not names:
        return None
    programmes = list(dict.fromkeys(reg.get("programme", "") for reg in el.findall("regulation") if reg.get("programme")))
    remarks = [text_of(r) for r in el.findall("remark") if text_of(r)]
    identifiers = [("imo", n) for n in IMO_IN_TEXT.findall(" ".join(remarks))]
    for ident in el.findall("identification"):
        number, code = ident.get("number", ""), ident.get("identificationTypeCode", "").casefold()
        if number and code == "imo":
            identifiers.append(("imo", number))
        elif number and "passport" in code:
            identifiers.append(("passport", number))
    born = [b.get("birthdate") or b.get("year") or "" for b in el.findall("birthdate")]
    details = {
        "designation": "; ".join(dict.fromkeys(functions)),
        "nationality": "; ".join(c.get("countryDescription", "") for c in el.findall("citizenship")
                                 if c.get("countryDescription")),
        "born": ", ".join(b for b in born if b),
        "comments": " ".join(remarks),
        "un_reference": el.get("unitedNationId", ""),
    }
    return ListEntry(
        reference_number=ref, kind="individual" if individual else "entity",
        regime=regime_of(programmes[0] if programmes else "", rules()), name=names[0][0], aliases=names[1:],
        identifiers=identifiers, listed_on=el.get("designationDate") or None, dataid=el.get("logicalId"),
        details={k: v for k, v in details.items() if v}, programme="; ".join(programmes) or None,
    )


def parse_eu(root: ET.Element) -> SanctionsList:
    strip_namespaces(root)
    entries = {e.reference_number: e for el in root.findall("sanctionEntity") if (e := _entry(el)) is not None}
    return SanctionsList(EU_LIST_ID, "EU Consolidated Financial Sanctions List", root.get("generationDate"), entries)

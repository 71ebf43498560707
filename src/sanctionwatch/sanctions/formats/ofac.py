"""The OFAC Specially Designated Nationals list, ``sdn.xml`` (namespace ``sdnList.xsd``).

One ``sdnEntry`` per designation: ``uid``, ``firstName``/``lastName``,
``sdnType`` (Individual, Entity, Vessel, Aircraft), ``programList/program``
(DPRK, DPRK2, DPRK3, NKSPEA ...), ``akaList/aka`` (category strong or weak),
``idList/id`` (an ``idType`` "Vessel Registration Identification" carries the
IMO number), ``dateOfBirthList``, ``nationalityList``, ``title`` and
``remarks``.  The file gives no listing date per entry.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..entries import ListEntry
from ..matching import IMO_IN_TEXT, SanctionsList
from ..normalise import regime_of, rules
from .un import text_of

OFAC_LIST_ID = "ofac-sdn"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def strip_namespaces(root: ET.Element) -> ET.Element:
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
    return root


def _name(el: ET.Element, individual: bool) -> str:
    first, last = text_of(el.find("firstName")), text_of(el.find("lastName"))
    # OFAC writes Korean names as lastName "KIM", firstName "Yong Chol": the list order is family name first.
    return " ".join(p for p in (last, first) if p) if individual else " ".join(p for p in (first, last) if p)


def _entry(el: ET.Element) -> ListEntry | None:
    uid = text_of(el.find("uid"))
    sdn_type = text_of(el.find("sdnType")).casefold()
    if not uid or sdn_type == "aircraft":
        return None
    individual = sdn_type == "individual"
    programmes = [text_of(p) for p in el.findall("programList/program") if text_of(p)]
    r = rules()
    regimes = [regime_of(p, r) for p in programmes]
    aliases = []
    for aka in el.findall("akaList/aka"):
        alias = _name(aka, individual)
        if alias:
            quality = "weak" if text_of(aka.find("category")).casefold() == "weak" else "aka"
            if text_of(aka.find("type")).casefold().startswith("f.k.a"):
                quality = "fka"
            aliases.append((alias, quality))
    identifiers = []
    for ident in el.findall("idList/id"):
        number, itype = text_of(ident.find("idNumber")), text_of(ident.find("idType")).casefold()
        imo = IMO_IN_TEXT.findall(number) or (re.findall(r"\b\d{7}\b", number) if "vessel" in itype else [])
        if imo:
            identifiers.extend(("imo", n) for n in imo)
        elif number and "passport" in itype:
            identifiers.append(("passport", number))
    born = [text_of(d) for d in el.findall("dateOfBirthList/dateOfBirthItem/dateOfBirth") if text_of(d)]
    details = {
        "designation": text_of(el.find("title")),
        "nationality": "; ".join(text_of(n) for n in el.findall("nationalityList/nationality/country") if text_of(n)),
        "born": ", ".join(born),
        "comments": text_of(el.find("remarks")),
        "type": "vessel" if sdn_type == "vessel" else "",
        "programmes": programmes,
    }
    return ListEntry(
        reference_number=uid, kind="individual" if individual else "entity",
        regime=next((g for g in regimes if g == "DPRK"), regimes[0] if regimes else ""),
        name=_name(el, individual), aliases=aliases, identifiers=identifiers, listed_on=None, dataid=uid,
        details={k: v for k, v in details.items() if v}, programme="; ".join(programmes) or None,
    )


def parse_ofac(root: ET.Element) -> SanctionsList:
    strip_namespaces(root)
    entries = {e.reference_number: e for el in root.findall("sdnEntry") if (e := _entry(el)) is not None}
    published = text_of(root.find("publshInformation/Publish_Date")) or None
    return SanctionsList(OFAC_LIST_ID, "OFAC Specially Designated Nationals List", published, entries)

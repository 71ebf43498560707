"""Readers of the list formats users bring, and the detection of which one a file is.

* ``un``: UN Security Council consolidated list XML (root ``CONSOLIDATED_LIST``)
* ``ofac``: OFAC SDN XML (root ``sdnList``)
* ``eu``: EU financial sanctions XML (root ``export``)
* ``uk``: UK OFSI consolidated list XML (root ``ArrayOfFinancialSanctionsTarget``)
* ``ftm``: OpenSanctions / FollowTheMoney JSON entities (JSON lines or an array)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ...errors import UnknownListFormat
from ..matching import SanctionsList
from .eu import parse_eu
from .ftm import parse_ftm
from .ofac import parse_ofac
from .uk import parse_uk
from .un import load_un_list, parse_un

FORMATS = ("un", "ofac", "eu", "uk", "ftm")
_ROOTS = {"consolidated_list": "un", "sdnlist": "ofac", "export": "eu", "arrayoffinancialsanctionstarget": "uk"}


def _local(tag: str) -> str:
    return tag.split("}", 1)[-1].casefold()


def detect_format(path: str | Path) -> str:
    """'un', 'ofac', 'eu', 'uk' or 'ftm' from the file's first bytes and its XML root element."""
    with open(path, "rb") as fh:
        head = fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return "ftm"
    for _, el in ET.iterparse(path, events=("start",)):
        fmt = _ROOTS.get(_local(el.tag))
        if fmt is None:
            raise UnknownListFormat(f"{path}: root element <{_local(el.tag)}> is not a sanctions list format "
                                    f"sanctionwatch reads ({', '.join(FORMATS)})")
        return fmt
    raise UnknownListFormat(f"{path}: empty file")


def load_list(path: str | Path, fmt: str | None = None) -> SanctionsList:
    """Read a list file of any supported format (detected when ``fmt`` is None)."""
    fmt = fmt or detect_format(path)
    if fmt == "ftm":
        return parse_ftm(Path(path).read_text(encoding="utf-8"))
    if fmt not in FORMATS:
        raise UnknownListFormat(f"unknown list format {fmt!r} (one of {', '.join(FORMATS)})")
    root = ET.parse(path).getroot()
    return {"un": parse_un, "ofac": parse_ofac, "eu": parse_eu, "uk": parse_uk}[fmt](root)


__all__ = ["FORMATS", "UnknownListFormat", "detect_format", "load_list", "load_un_list"]

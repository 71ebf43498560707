"""Whose story a page carries: the wire agency or outlet it credits, for counting independent sources.

Outlets run agency copy under their own name ("Daily Tribune (AFP story)",
"SEOUL (Reuters) -").  Such pages are reports of one originator's story and
count once among a case's independent sources, like verbatim copies found by
shingles (:func:`sanctionwatch.linking.syndication.syndication_groups`), which miss rewrites,
condensed briefs and machine translations of one wire story.

The credit comes from

* the publisher name: a known agency (``wire_agencies`` in
  ``data/linking.yaml``) or a credit phrase inside it ("copy of a CNN story",
  "citing Bloomberg", "credited to Decrypt", "(Xinhua report)");
* a dateline credit near the start of the body: ``CITY (AGENCY) -``.

A page quoting an agency ("Reuters reported") is not a credit, nor is a photo
credit ("Photo: AFP"): only datelines and the publisher name count.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .evidence import rules
from ..model import Document

DATELINE_CHARS = 600  # a dateline sits in the first lines of the body

_CREDIT_PHRASES = (
    r"(?:copy|rewrite|translation|version)\s+of\s+(?:an?\s+|the\s+)?(?P<a>[\w.&' -]+?)\s+(?:story|report|article|text)",
    r"(?:citing|credited\s+to|via|from)\s+(?:the\s+)?(?P<b>[\w.&' -]+?)\s*(?:[;),]|$)",
    r"\(\s*(?P<c>[\w.&' -]+?)\s+(?:story|report|copy|wire)\s*\)",
)


@lru_cache(maxsize=1)
def _agency_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for key, names in rules().wire_agencies.items():
        for name in names:
            # Short all-capital abbreviations (AP, AFP) only as written: "ap" in a word is no credit.
            flags = 0 if name.isupper() and len(name) <= 5 else re.IGNORECASE
            out.append((key, re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", flags)))
    return out


def _agency(text: str) -> str | None:
    for key, rx in _agency_patterns():
        if rx.search(text):
            return key
    return None


def _normal(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" .").casefold().removeprefix("the ")


def publisher_credit(publisher: str | None) -> str | None:
    """The agency or outlet a publisher name credits (``'afp'``, ``'cnn'``), or None."""
    if not publisher or "(" not in publisher and not re.search(r"\b(citing|via|credited)\b", publisher, re.I):
        return None
    inner = " ".join(re.findall(r"\(([^()]*)\)", publisher)) or publisher
    found = _agency(inner)
    if found:
        return found
    for pattern in _CREDIT_PHRASES:
        m = re.search(pattern, inner, re.IGNORECASE)
        if m:
            name = next(g for g in m.groups() if g)
            # An outlet is a name ("CNN", "Decrypt"); "a French-language story" names a language.
            if name[:1].isupper() and not re.search(r"language|edition|version|translat", name, re.I):
                return _agency(name) or _normal(name)
    return None


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    names = sorted({n for ns in rules().wire_agencies.values() for n in ns}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"\b[A-Z][A-Za-z0-9.,' ]{{1,60}}\((?P<n>{alt})\)\s*(?:[-\u2013\u2014]{{1,2}})")


def dateline_credit(text: str) -> str | None:
    """The agency of a ``CITY (AGENCY) -`` dateline in the first lines of ``text``, or None."""
    m = _dateline().search(text[:DATELINE_CHARS])
    return _agency(m.group("n")) if m else None


def credit_key(doc: Document) -> str | None:
    """``'credit:<agency>'`` for a page carrying an agency's or outlet's story, else None."""
    found = publisher_credit(doc.publisher) or dateline_credit(doc.text)
    return f"credit:{found}" if found else None


def source_publisher_key(doc: Document) -> str | None:
    """The key that unites a page with the others of one source: its credited story's originator
    when it names one, else its publisher (several articles of one publisher count once)."""
    named = publisher_credit(doc.publisher)
    if named:
        return f"credit:{named}"
    # An agency's own site ("KCNA", "Yonhap News Agency") and pages crediting it are one source; what
    # it relays under another's dateline is still its own choice of story, so one publisher can never
    # corroborate itself.
    own = _agency(doc.publisher) if doc.publisher else None
    if own:
        return f"credit:{own}"
    credited = dateline_credit(doc.text)
    if credited:
        return f"credit:{credited}"
    return (doc.publisher or "").strip().casefold() or None

"""Main-text and metadata extraction from HTML pages, with trafilatura and a plain fallback."""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import trafilatura

_WS = re.compile(r"[ \t\r\f\v]+")


def extract_html(html: str, input: str) -> tuple[str, dict[str, Any]]:
    """(main text, metadata) of an HTML page.  The text is what gets stored and offset into."""
    meta: dict[str, Any] = {}
    try:
        md = trafilatura.extract_metadata(html)
    except Exception:  # trafilatura raises assorted errors on hostile markup
        md = None
    if md is not None:
        for key in ("title", "date", "sitename", "url", "author", "description"):
            value = getattr(md, key, None)
            if value:
                meta["publisher" if key == "sitename" else "published" if key == "date" else key] = value
    try:
        text = trafilatura.extract(
            html, output_format="txt", include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
        )
    except Exception:
        text = None
    if not text:
        text = _fallback_text(html)
    return text or "", meta


def _fallback_text(html: str) -> str:
    """Body text with scripts and styles removed, when trafilatura finds no main content."""
    try:
        tree = lxml.html.fromstring(html)
    except Exception:
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    body = tree.find("body")
    if body is None:  # a page with no body has no article, whatever its <head> says
        return ""
    lines = [_WS.sub(" ", line).strip() for line in body.text_content().splitlines()]
    return "\n".join(line for line in lines if line)

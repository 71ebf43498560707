"""One escaping policy for every output format the project writes.

Article text, metadata (titles, publishers, URLs) and even input file names
are hostile: an attacker who controls a page or a sidecar controls them.  Every
writer (the reports, the web pages, the CLI summary) escapes through this
module so that one format cannot be laxer than another:

- HTML: ``html_text`` (text and quoted attribute values);
- Markdown: ``md_text`` (inline text), ``md_code`` (an inline code span),
  ``md_link`` (an autolink, only for a URL ``safe_url`` accepts);
- terminal: ``terminal`` (rich markup and control characters);
- CSV: ``csv_cell`` (spreadsheet formulas);
- links everywhere: ``safe_url``, the one strict test of a URL.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

from rich.markup import escape as _rich_escape

# The policy of every standalone HTML file the project writes (reports): no
# script at all, inline CSS only, images only as data: URIs (the SVG timeline).
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
REPORT_CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{REPORT_CSP}">'

MAX_URL_CHARS = 2048
# Characters that end or break a URL in HTML attributes, Markdown autolinks or terminals.
_URL_FORBIDDEN = frozenset("<>\"'`\\{}|^")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#!~])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_url(url: str | None) -> str | None:
    """The URL if it may be rendered as a link, else None.

    Only absolute http(s) URLs with a host; nothing that could close an HTML
    attribute or a Markdown autolink (quotes, angle brackets, backticks), and
    no whitespace or control/format characters anywhere (a U+202E or a
    newline in a link is always an attack, never an address).
    """
    if not url or len(url) > MAX_URL_CHARS:
        return None
    u = url.strip()
    if not u.lower().startswith(("http://", "https://")):
        return None
    if any(c in _URL_FORBIDDEN or unicodedata.category(c)[0] in "CZ" for c in u):
        return None
    try:
        parts = urlsplit(u)
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return u


def html_text(value: object) -> str:
    """Text for HTML element content or a double- or single-quoted attribute value."""
    return html.escape(str(value), quote=True)


def md_text(value: object) -> str:
    """Inline Markdown text: no HTML, no emphasis, links, tables or headings can come out of it."""
    text = " ".join(str(value).splitlines())
    text = html.escape(text, quote=False)  # & < > : no raw HTML, no entity tricks
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_code(value: object) -> str:
    """An inline code span whose fence is longer than any run of backticks inside (CommonMark).

    For values the project makes (ids); article-derived text goes through
    ``md_text``, whose entities stay inert even in renderers that mishandle
    code spans.
    """
    text = " ".join(str(value).splitlines())
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_link(url: str | None) -> str | None:
    """A Markdown autolink ``<url>`` for a URL that ``safe_url`` accepts, else None."""
    u = safe_url(url)
    return f"<{u}>" if u else None


def terminal(value: object) -> str:
    """Text for a rich console: markup brackets escaped, control characters shown as \\xNN.

    A file name can hold ``[/]`` (rich would read it as a closing tag and
    raise) or an ANSI escape sequence (which would rewrite the terminal).
    """
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))
    return _rich_escape(text)


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP: prefix with a quote)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def printable_path(name: str) -> str:
    """A file name as valid, printable UTF-8: undecodable bytes become ``\\xNN``.

    Python hands names that are not valid UTF-8 over as lone surrogates
    (``surrogateescape``); those cannot be written to a database, a JSON file
    or a terminal, so every label of an input goes through here first.
    """
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate outside the escape range: not from the file system
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")

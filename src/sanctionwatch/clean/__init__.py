"""Clean stage: mark scraped-news clutter as ignored regions, never rewriting the text.

Three layers, each adding regions with a reason:

* pattern rules from ``data/boilerplate.yaml`` (users add their own files);
* the line classifier (``page``, ``layout``): features of each line's shape and
  its place in the page, for the clutter no pattern names;
* a *stray untranslated heading*, a one-word line such as "Dopsalg" between
  paragraphs of machine-translated English, recognised by looking the word up
  in an English word list (the spaCy lemmatizer's index when a model is loaded);
* scraped paragraph separators (", ," in the KCNA dumps) are marked too, so that
  the reader cuts its blocks there.

Regions are merged and sorted; each carries its reason.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from ..model import IgnoredRegion, strip_span
from .layout import classify
from .page import Features, Line, page_is_latin, page_lines
from .rules import BOILERPLATE_ENV, Lexicon, Rule, load_lexicon, load_rules, rules_from_text
from .words import english_words_from_model, is_stray_heading

__all__ = [
    "BOILERPLATE_ENV", "Lexicon", "Rule", "english_words_from_model", "find_ignored", "load_lexicon", "load_rules",
    "rules_from_text",
]

# ".,  " (two spaces) and ", ," between paragraphs of scraped dumps: not English punctuation.
_SEPARATOR = re.compile(r"(?<=[.!?\"”’']),(?:\s*,)*(?=\s\s|\s*$)|,(?:[ \t]+,)+(?=\s|$)")
_FEATURES: dict[int, Features] = {}
# A longer line is a paragraph (or a whole text without line breaks): a phrase in it never makes it clutter.
MAX_CLUTTER_LINE = 1_500
MAX_CLUTTER_WORDS = 60


def find_ignored(
    text: str,
    rules: Sequence[Rule] | None = None,
    is_word: Callable[[str], bool] | None = None,
    title: str | None = None,
    lexicon: Lexicon | None = None,
) -> list[IgnoredRegion]:
    """All ignored regions of ``text``, merged, sorted, each with a reason.

    ``title`` (the headline from the sidecar, if any) tells the classifier which
    line is the headline: what stands above it is the page's header.
    """
    rules = load_rules() if rules is None else rules
    lexicon = load_lexicon() if lexicon is None else lexicon
    feats = _FEATURES.setdefault(id(lexicon), Features(lexicon))
    found: list[tuple[int, int, str]] = []
    lines = []
    for line in page_lines(text):
        lead = line.start
        for rule in rules:
            if rule.scope == "match":
                for m in rule.pattern.finditer(line.text):
                    if m.end() > m.start():
                        s, e = strip_span(text, line.start + m.start(), line.start + m.end())
                        found.append((s, e, rule.reason))
                        if text[lead:s].strip() == "":
                            lead = e
        lines.append(_rest_of_line(text, line, lead))
    verdicts: dict[int, str] = {}
    for line in lines:
        if not line.text or len(line.text) > MAX_CLUTTER_LINE or line.words > MAX_CLUTTER_WORDS:
            continue
        for rule in rules:
            if rule.scope == "line" and rule.pattern.search(line.text):
                verdicts[line.index] = rule.reason
                break
        if is_word is not None and line.index not in verdicts and is_stray_heading(lines, line.index, is_word):
            verdicts[line.index] = "untranslated_heading"
    verdicts.update(classify(lines, verdicts, feats, title, page_is_latin(text)))
    verdicts.update(_captions_after_credits(lines, verdicts))
    found += [(lines[i].start, lines[i].end, reason) for i, reason in verdicts.items() if lines[i].text]
    found += [(*strip_span(text, m.start(), m.end()), "separator") for m in _SEPARATOR.finditer(text)]
    found += [(m.start(), m.end(), "photo_credit") for m in _stock_credit(lexicon.stock_sites).finditer(text)]
    return _merge(text, found)


@lru_cache(maxsize=8)
def _stock_credit(stock_sites: frozenset[str]) -> re.Pattern[str]:
    """A stock-photo site's credit in brackets anywhere in a line: "(Pixabay)", "[Photo: Shutterstock]",
    "(iStock/Jane Roe)".  A stock site sells pictures and carries no news, so where a scrape glued a picture's
    caption and credit into a paragraph the credit is still clutter (a wire's "(Yonhap)" is not: it may tag a story)."""
    sites = "|".join(re.escape(s) for s in sorted(stock_sites, key=len, reverse=True)) or r"(?!)"
    return re.compile(
        r"[(\[]\s*(?:(?:photo|image|picture|credit|source)\s*(?:credit)?\s*[:/|]\s*)?(?:" + sites + r")\b[^()\[\]\n]{0,40}[)\]]",
        re.IGNORECASE)


def _rest_of_line(text: str, line: Line, lead: int) -> Line:
    """The line without the clutter glued to its start (the scraper's date, a shortcode): a caption or a
    headline behind it is judged on its own."""
    if lead == line.start:
        return line
    start = strip_span(text, lead, line.end)[0]
    return Line.make(line.index, start, line.end, text[start:line.end], line.blank_before)


def _captions_after_credits(lines: list[Line], verdicts: dict[int, str]) -> dict[int, str]:
    """The short unpunctuated line under a photo credit is the photo's caption."""
    out = {}
    for line in lines[:-1]:
        if verdicts.get(line.index) != "photo_credit":
            continue
        below = lines[line.index + 1]
        if below.index not in verdicts and len(below.text) <= 200 and not below.text.endswith((".", "!", "?", "\"", "”", ":")):
            out[below.index] = "caption"
    return out


def _merge(text: str, found: Iterable[tuple[int, int, str]]) -> list[IgnoredRegion]:
    merged: list[list] = []
    for s, e, reason in sorted(f for f in found if f[1] > f[0]):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e, reason])
    return [IgnoredRegion(s, e, text[s:e], reason) for s, e, reason in merged]

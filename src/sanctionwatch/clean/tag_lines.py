"""A tag list the scraper flattened onto one line: "Banking Compliance EU Sanctions Export Controls EU Designations".

A blog shows its post's tags as separate links; a text scrape often joins them with single spaces, so the run of
one-to-three-word lines that ``layout._tag_runs`` finds becomes one long line of capitalised words with no verb and
no full stop.  A headline has the same shape, so the shape alone is not enough: what gives a tag list away is that
its tags share a prefix (the site's section name or the regulator's acronym), so one capitalised word stands in it
three times or more.  A headline or a name list in a story does not repeat a word that often.
"""

from __future__ import annotations

from collections import Counter

from .page import Line

MIN_WORDS = 8
MAX_WORDS = 40
MIN_REPEATS = 3


def flattened_tag_line(line: Line, function_words: frozenset[str]) -> bool:
    """Capitalised words only (but the small words of a title), no closing full stop, one word three times."""
    if line.terminal or not MIN_WORDS <= line.words <= MAX_WORDS:
        return False
    words = [w.strip(",;|&") for w in line.text.split()]
    words = [w for w in words if w]
    if any(not w[0].isupper() and w.lower() not in function_words for w in words):
        return False  # a lower-case content word: running text or a headline with a verb phrase
    counts = Counter(w for w in words if w.lower() not in function_words and len(w) > 1)
    return bool(counts) and max(counts.values()) >= MIN_REPEATS


def flattened_tag_lines(lines: list[Line], head: int | None, function_words: frozenset[str], mark) -> None:
    """Mark every flattened tag list except the headline."""
    for line in lines:
        if line.index != head and flattened_tag_line(line, function_words):
            mark(line.index, "tag_list")

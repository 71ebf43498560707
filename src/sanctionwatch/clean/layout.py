"""Page-level passes of the line classifier: where a line stands decides as much as what it says.

* before the headline: section labels, weather, dates, menus (the page header);
* a line repeating the headline or an earlier line;
* captions: a line ending in a photo credit, the line above a credit-only line;
* a related-stories header and the short links and teasers under it;
* runs of one-to-three-word lines (tag lists, share bars), and a tag list flattened onto one line;
* the short lines that end the page once one of them is known clutter (footer).
"""

from __future__ import annotations

import re

from .page import Features, Line, normalise, shape_reason
from .tag_lines import flattened_tag_lines

HEADLINE_SEARCH = 15  # the headline is looked for among the first non-blank lines only
TAG_RUN = 3
SHAPE_WORDS = 80


def classify(lines: list[Line], verdicts: dict[int, str], feats: Features, title: str | None, latin: bool) -> dict[int, str]:
    """Add verdicts (line index -> reason) to those of the pattern rules; returns the new ones."""
    new: dict[int, str] = {}

    def mark(i: int, reason: str) -> None:
        if i not in verdicts and i not in new:
            new[i] = reason

    def marked(i: int) -> bool:
        return i in verdicts or i in new

    shapes = {}
    for line in lines:
        if line.words > SHAPE_WORDS:
            continue  # a paragraph: no shape of clutter is that long
        reason = shape_reason(line, latin)
        if reason is None and feats.widget(line):
            reason = "page_furniture"
        if reason is None:
            reason = feats.caption_or_credit(line)
        if reason is None and feats.name_place_caption(line):
            reason = "caption"
        if reason:
            shapes[line.index] = reason
    shown = headline_index(lines, title, verdicts, guess=False)
    head = shown if shown is not None else headline_index(lines, None, verdicts | shapes)
    title_shown = shown is not None
    for i, reason in shapes.items():
        if i != head:
            mark(i, reason)

    if head is not None:
        for line in lines[:head]:
            # Above a guessed headline only labels go; above the known one, all but paragraphs.
            if not line.paragraph if title_shown else not line.terminal:
                mark(line.index, "page_header")

    _repeats(lines, head, title, mark)
    _captions_above_credits(lines, verdicts, new, head, mark)
    _rails(lines, feats, head, mark)
    _tag_runs(lines, head, marked, mark)
    flattened_tag_lines(lines, head, feats.lex.caption_function_words, mark)
    _footer(lines, marked, mark)
    return new


def headline_index(lines: list[Line], title: str | None, verdicts: dict[int, str], guess: bool = True) -> int | None:
    """The line holding the headline: the given title where the page shows it, else the first headline-like line."""
    if title and normalise(title):
        want = normalise(title)
        for line in lines[:HEADLINE_SEARCH]:
            if normalise(line.text) == want and line.index not in verdicts:
                return line.index  # the headline itself, before any line that merely contains it
            if line.paragraph and line.index not in verdicts:
                break
        for line in lines[:HEADLINE_SEARCH]:
            got = normalise(line.text)
            if got and (want in got or (len(got) >= 20 and got in want)) and line.index not in verdicts:
                return line.index
            if line.paragraph and line.index not in verdicts:
                break  # the story has begun: a later copy of the title is a link, not the headline
    if not guess:
        return None
    for line in lines[:HEADLINE_SEARCH]:
        if line.terminal and line.words >= 4:
            return None  # the story starts without a headline
        if line.index not in verdicts and 4 <= line.words <= 25 and not line.terminal:
            return line.index
    return None


def _repeats(lines: list[Line], head: int | None, title: str | None, mark) -> None:
    seen: set[str] = set()
    if head is not None:
        seen.add(normalise(lines[head].text))
    if title:
        seen.add(normalise(title))
    for line in lines:
        # long lines repeat verbatim; only short ones (headlines) need the loose comparison
        norm = normalise(line.text) if line.words <= 40 else line.text
        if line.index != head and line.words >= 3 and norm in seen:
            mark(line.index, "repeated_headline" if not line.paragraph else "repeated_line")
        seen.add(norm)


# a reporting clause: a caption shows, a story tells who said what
REPORTING = re.compile(r"\b(said|says|told|tells|reported|according to)\b")


def _captions_above_credits(lines: list[Line], verdicts: dict[int, str], new: dict[int, str], head: int | None, mark) -> None:
    """A credit on a line of its own: the line just above it (no blank line between) is its caption."""
    for line in lines[1:]:
        if new.get(line.index) != "photo_credit" and verdicts.get(line.index) != "photo_credit":
            continue
        above = lines[line.index - 1]
        if line.blank_before or above.index == head or above.paragraph and above.words > 40:
            continue
        if REPORTING.search(above.text):
            continue  # "..., the military said." is the story's lede above a credit for the photo below it
        mark(above.index, "caption")


def _rails(lines: list[Line], feats: Features, head: int | None, mark) -> None:
    """Under a related-stories header, every line up to the next real paragraph is a link or a teaser."""
    in_rail = False
    spaced = _spaced(lines)
    for line in lines:
        if line.index != head and feats.rail_header(line):
            mark(line.index, "related_links")
            in_rail = True
        elif in_rail and (not line.paragraph or line.text.endswith(("…", "...")) or (spaced and not line.blank_before)):
            # a teaser is cut short with an ellipsis, however long: the story's own paragraphs are not; and on
            # a page whose paragraphs stand apart, a two-sentence teaser packed in the rail's list is no paragraph
            mark(line.index, "related_links")
        else:
            in_rail = False


def _spaced(lines: list[Line]) -> bool:
    """The page sets its paragraphs apart with blank lines (most do; a scrape that kept single line breaks does
    not, and there a line glued to the one above can be the story's next paragraph)."""
    paragraphs = [line for line in lines[1:] if line.paragraph]
    return len(paragraphs) >= 3 and sum(line.blank_before for line in paragraphs) * 4 >= len(paragraphs) * 3


def _tag_runs(lines: list[Line], head: int | None, marked, mark) -> None:
    """Lines in a row of at most three words without a full stop: tags, share bars, menus.

    Three are enough when one of them is known clutter ("Share", a count), when
    each is one word, or when they end the page; a list of names in the story
    can be as short, so another run needs five.
    """
    run: list[Line] = []
    for line in lines + [None]:  # type: ignore[list-item]
        short = line is not None and line.index != head and line.words <= 3 and not line.terminal and not line.text[:1] in "-–•*"
        if short:
            run.append(line)
            continue
        clear = line is None or any(marked(item.index) for item in run) or all(item.words == 1 for item in run)
        if (len(run) >= TAG_RUN + 2 or (len(run) >= TAG_RUN and clear)) and not _story_list(lines, run, line, marked):
            for item in run:
                mark(item.index, "tag_list")
        run = []


def _story_list(lines: list[Line], run: list[Line], after: Line | None, marked) -> bool:
    """A run the story itself holds: the names a sentence announces ("designated five people:"), or a list
    standing between two paragraphs of the story with no known clutter in it.  Dropping a list of designees
    costs more than keeping a tag list."""
    if not run or any(marked(item.index) for item in run):
        return False
    before = lines[run[0].index - 1] if run[0].index > 0 else None
    if before is None:
        return False
    if before.text.endswith(":") and before.words >= 4 and not marked(before.index):
        return True
    return after is not None and before.paragraph and after.paragraph and not marked(before.index)


PROSE_WORDS = 10


def _prose(line: Line) -> bool:
    """Running text: ten words or more, most of them in lower case (a label or a name list has few)."""
    words = line.text.split()
    return len(words) >= PROSE_WORDS and sum(w[:1].islower() for w in words) * 2 >= len(words)


def _footer(lines: list[Line], marked, mark) -> None:
    """The short lines that end a page are its footer once one of them is known clutter."""
    run: list[Line] = []
    for line in reversed(lines):
        # A line with a full stop that no rule marked ends the footer: it is the story's last sentence; so
        # does a line of prose without one, the story's last paragraph cut off by the scrape.
        if marked(line.index) or not (line.terminal or line.paragraph or _prose(line)):
            run.append(line)
        else:
            break
    if len(run) >= 2 and any(marked(line.index) for line in run):
        for line in run:
            mark(line.index, "footer")

"""Sentence repair for scraped text, as token and sentence boundaries (the text is never changed).

* A full stop glued to the next sentence after a number or a closing quote
  ("exports fell in 2023.Nine countries ...") is split off by a tokenizer
  infix; spaCy already splits "word.Word".
  infix; a component before the parser, which keeps preset sentence starts,
  starts a sentence there.
* A line break ends a sentence when the line before it is complete: it ends
  with a full stop, or it is a headline, a label or a dateline without one and
  the next line starts a new unit (a capital, a digit, a quotation mark).  In
  a hard-wrapped paragraph (most lines end mid-sentence, all about as long)
  a line break ends a sentence only after a full stop.  Where a line without
  a full stop ends a unit, the reader cuts its block (``line_pieces``), so the
  parser never sees a headline and its lead as one sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

COMPONENT = "sanctionwatch_sentence_repair"
GLUED_STOP_INFIX = r"(?<=[0-9%)\]”\"’])\.(?=[A-Z][a-z])"
_TERMINAL = (".", "!", "?", "…", '."', ".”", "!”", "?”", ".’")
_CLOSERS = ('"', "”", "’", "'", ")")
# A line ending in one of these continues on the next line.
_CONTINUES = {",", ";", "-", "–", "—", "(", "/", "&", "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "by", "for",
              "with", "from", "that", "as", "than", "said", "says", "'s", "’s", "his", "her", "its", "their", "our", "is", "are",
              "was", "were", "be", "has", "have", "had", "will", "would", "not"}
HARD_WRAP_SHARE = 0.5
_POSSESSIVE = ("'s", "’s", "s'", "s’")


def add_sentence_repair(nlp: Language) -> Language:
    """Install the glued-stop infix and, before the parser, the line-break sentence starts (once)."""
    if COMPONENT in nlp.pipe_names:
        return nlp
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + [GLUED_STOP_INFIX]).finditer
    before = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
    if before:
        nlp.add_pipe(COMPONENT, before=before)
    else:
        nlp.add_pipe(COMPONENT, first=True)
    return nlp


@Language.component(COMPONENT)
def sentence_repair(doc: Doc) -> Doc:
    for i in range(2, len(doc)):
        if doc[i - 1].text == "." and _glued_stop(doc[i - 2], doc[i - 1], doc[i]):
            doc[i].is_sent_start = True
        elif _clock_stop(doc[i - 1], doc[i]):
            doc[i].is_sent_start = True
    return doc


# what may open a sentence after a clock time's "a.m."/"p.m." ("... at 6:29 a.m. Two minutes later, ...");
# a name goes on with it ("at 6 a.m. Monday", "at 9 p.m. Seoul time")
_OPENER_POS = frozenset({"DET", "NUM", "PRON", "ADV", "SCONJ", "CCONJ", "ADP"})


def _clock_stop(stop, after) -> bool:
    """An "a.m."/"p.m." that also ends its sentence: its full stop is both."""
    return (stop.lower_ in ("a.m.", "p.m.") and bool(stop.whitespace_) and after.is_title
            and after.pos_ in _OPENER_POS)


def _glued_stop(before, stop, after) -> bool:
    """ "2023.Nine": a stop with no space on either side, after a number or a closing quote."""
    return (not before.whitespace_ and not stop.whitespace_ and after.text[:1].isupper()
            and (before.text[-1:].isdigit() or before.text[-1:] in _CLOSERS + ("%", "]")))


def line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut text[start:end] (one paragraph, no blank line) at the line breaks that end a unit."""
    lines: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        lines.append((pos, stop))
        pos = stop + 1
    if len(lines) < 2:
        return [(start, end)]
    wrapped = _hard_wrapped([text[a:b] for a, b in lines])
    pieces, piece_start = [], start
    for (a, b), (c, d) in zip(lines, lines[1:]):
        line = text[a:b].strip()
        # After a full stop the parser ends the sentence itself; the block stays whole, so a
        # quotation and the "he said" on the next line are still read together.
        if not _complete(line) and line_ends(line, text[c:d].strip(), wrapped):
            pieces.append((piece_start, b))
            piece_start = c
    pieces.append((piece_start, end))
    return pieces


def _complete(line: str) -> bool:
    return bool(line) and (line.endswith(_TERMINAL) or (line[-1] in _CLOSERS and line[:-1].rstrip().endswith((".", "!", "?"))))


def line_ends(line: str, following: str, wrapped: bool) -> bool:
    """Does a sentence end at the break between ``line`` and ``following``?"""
    if not line or not following:
        return False
    if _complete(line):
        return True
    if wrapped:
        return False
    words = line.split()
    if line[-1] in ",;(/&-–—" or words[-1].lower() in _CONTINUES:
        return False
    if line[0].islower() or _open_quote(line):
        return False  # the tail of a wrapped sentence ("were accused of ... to North\nKorea."), or a quotation open

    if words[-1].lower().endswith(_POSSESSIVE) and len(words) > 1:
        return False  # a possessive needs its noun ("... the Women's\nUnions, the source said.")
    first = following[:1]
    return first.isupper() or first.isdigit() or first in "\"“‘'([•–—-"


def _open_quote(line: str) -> bool:
    """Whether the line leaves a quotation open ('introduced him to "one' before 'Mr Kim, ..."')."""
    return line.count('"') % 2 == 1 or line.count("“") > line.count("”")


def _hard_wrapped(lines: list[str]) -> bool:
    """Most lines end mid-sentence and have about the same length: a wrapped paragraph, not headline + body."""
    full = [line.strip() for line in lines if line.strip()]
    if len(full) < 3:
        return False
    body = full[:-1]
    open_ended = sum(1 for line in body if not line.endswith(_TERMINAL))
    median = sorted(len(line) for line in body)[len(body) // 2]
    even = sum(1 for line in body if 0.7 * median <= len(line) <= 1.3 * median)
    return open_ended / len(body) >= HARD_WRAP_SHARE and even / len(body) >= 0.7 and median >= 30

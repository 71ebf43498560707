"""A transcript's speaker label with the language the words were spoken in: "Jane Roe (Russian): We have
never sent weapons to anyone", "SOT, Jane Roe, envoy (Korean): “...”".

Broadcast scripts and interpreted transcripts name the speaker, sometimes with a title after a comma, and the
language of the original in parentheses, before a colon; the words after the colon, to the end of the line,
are the speaker's.  The parser reads such a line as a name followed by a fragment and the tagger finds no cue
in it, so the whole statement would go unattributed.  The language tag is what marks the line as a label (a
plain "Roe: ..." is as often a headline or a caption), so it is required, and only a language the lexicon
lists counts ("Jane Roe (AP): ..." is a credit).

A broadcaster's transcript in translation labels a soundbite in brackets instead: "[Recording: Former envoy Roe]
“We ...”".  The bracketed label word ("Recording", "Soundbite", "Interview") marks it, and the quotation after the
bracket, to the end of the line, is the words of the one it names.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..read import Parsed
from .dash_paragraphs import block_end
from .draft import Draft

# a name, with the title words that may stand before it ("Kremlin spokesman Dmitry Peskov"): up to six words,
# the first and the last capitalised
_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,4}?[ \t]+[A-Z][\w'’.-]+|[A-Z][\w'’.-]+"
_LABEL = re.compile(
    r"^[ \t]*(?:(?:SOUNDBITE|SOT)\b[^:\n]{0,40}?[:,][ \t]*)?"
    rf"(?P<who>{_NAME})(?:[ \t]*,[ \t]*(?P<title>[^:()\n]{{1,80}}?))?[ \t]*"
    r"(?P<tag>\([ \t]*(?P<lang>[A-Za-z]+(?:[ \t]+[A-Za-z]+)?)[ \t]*\)[ \t]*:)[ \t]*(?P<said>\S[^\n]{9,})$",
    re.MULTILINE,
)

# "[Recording: Former envoy Roe] “...”", "[Soundbite: Jane Roe, spokeswoman] "..."": label, speaker, quotation
_BRACKET_LABEL = re.compile(
    r"^[ \t]*\[[ \t]*(?P<tag>(?:recording|soundbite|sound bite|interview|phone interview|audio|voice|sot)[ \t]*:)"
    r"[ \t]*(?P<who>[^\]\n:]{2,80}?)[ \t]*\][ \t]*(?P<said>[“\"«][^\n]{9,})$",
    re.MULTILINE | re.IGNORECASE,
)


def label_drafts(text: str, parsed: Parsed, drafts: Sequence[Draft], languages: frozenset[str]) -> list[Draft]:
    """One draft per speaker-labelled line whose words no other attribution already holds."""
    out: list[Draft] = []
    for bi, block in enumerate(parsed.blocks):
        lo, hi = block.start, block_end(block)
        labelled = [m for m in _LABEL.finditer(text, lo, hi) if m.group("lang").lower() in languages]
        for m in labelled + list(_BRACKET_LABEL.finditer(text, lo, hi)):
            said = m.span("said")
            if any(s < said[1] and said[0] < e for d in drafts for s, e in d.content):
                continue
            toks = lambda a, b: [t for t in block.doc if a <= block.start + t.idx < b]  # noqa: E731
            who, tag = m.span("who"), m.span("tag")
            source_tokens, cue_tokens = toks(*who), toks(*tag)
            if not source_tokens or not cue_tokens:
                continue
            out.append(Draft(bi, [who], [tag], [said], cue_tokens, source_tokens, confidence=0.5))
    return out

"""Unquoted words after a colon run on to the end of their paragraph: "Spokesperson Jane Roe responded: The
harbour dispute is a delicate matter. We have asked both sides to talk. We hope for calm."

Press-conference digests and machine translations of Chinese and Korean reports give a spokesperson's answer
this way, with no quotation marks: every sentence after the colon, up to the end of the line, is the
speaker's.  The run stops at a sentence with a quotation mark (a quotation has its own bounds) and at a
sentence where someone else takes the floor (another cue heading its sentence, with a subject other than the
speaker's "we"/"I"):
"... responded: X. Meanwhile, the envoy said Y." gives the envoy Y.
"""

from __future__ import annotations

from typing import Sequence

from ..read import Parsed
from .dash_paragraphs import block_end
from .draft import Draft, strip_span
from .features import QUOTE_CHARS

# the speaker's own voice inside the run: its "we" and "I" take no floor from it
OWN_VOICE = frozenset({"we", "i", "our side", "the chinese side", "china"})
# "our country", "my government": the speaker's own side
OWN_POSSESSIVES = frozenset({"our", "my"})
# how far past the cue the colon may stand ("responded :", "said, :" in scraped copy)
COLON_GAP = 3


def _after_colon(text: str, d: Draft) -> bool:
    cue_end = max(e for _, e in d.cue)
    if text[cue_end - 1] == ":":
        return True
    rest = text[cue_end : cue_end + COLON_GAP]
    return ":" in rest and rest.strip().startswith(":")


def run_on_after_colon(text: str, parsed: Parsed, drafts: Sequence[Draft]) -> None:
    """Extend the content of a colon-introduced, unquoted attribution over the rest of its paragraph."""
    for d in drafts:
        if not d.cue or not d.content or not d.source or not _after_colon(text, d):
            continue
        start, end = min(s for s, _ in d.content), max(e for _, e in d.content)
        if start < max(e for _, e in d.cue) or any(ch in QUOTE_CHARS for ch in text[start:end]):
            continue
        block = parsed.blocks[d.block]
        stop = text.find("\n", end, block_end(block))
        stop = block_end(block) if stop < 0 else stop
        # someone takes the floor where a cue heads its sentence ("Meanwhile, the envoy said ..."); a cue deep
        # in the speaker's sentence ("we asked both sides to keep talking") is the speaker's own words
        others = [(min(s for s, _ in o.cue), " ".join(text[s:e] for s, e in o.source).strip().lower())
                  for o in drafts if o is not d and o.cue and any(t.dep_ == "ROOT" for t in o.cue_tokens)]
        new_end = end
        for sent in block.doc.sents:
            s, e = strip_span(text, block.start + sent.start_char, block.start + sent.end_char)
            if s < end:
                continue  # the sentence the content already holds
            if s >= stop:
                break
            if any(ch in QUOTE_CHARS for ch in text[s:e]):
                break
            if any(s <= at < e and who and who not in OWN_VOICE and who.split()[0] not in OWN_POSSESSIVES for at, who in others):
                break
            new_end = e
        if new_end > end:
            d.content = [(s, e) for s, e in d.content if e < end] + [(max(s for s, e in d.content if e == end), new_end)]

"""Reports nobody owns are their own source: "There have been reports that the tanker changed its name",
"amid media reports that the envoy had resigned".  The noun is the cue and, as "according to media reports" has
it, the unnamed source too; without it the attribution would have no source at all."""

from __future__ import annotations

from ..read import Block
from .draft import Draft, span_chars


def unowned_report_source(text: str, block: Block, d: Draft, unowned: frozenset[str]) -> None:
    """ "There have been reports that ...", "amid media reports that ...": a plural report noun that no one owns
    is the cue and its own unnamed source, as "according to media reports" has it."""
    if d.source or len(d.cue_tokens) != 1 or d.cue_tokens[0].doc is not block.doc:
        return
    noun = d.cue_tokens[0]
    if noun.tag_ not in ("NNS", "NNPS") or noun.lemma_.lower() not in unowned or any(c.dep_ == "poss" for c in noun.children):
        return
    first = min((c.i for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")), default=noun.i)
    d.source = [span_chars(text, block.start, block.doc, first, noun.i + 1)]
    d.source_tokens = list(block.doc[first : noun.i + 1])

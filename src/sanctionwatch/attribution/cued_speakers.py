"""Speakers the cue's own syntax names: after the verb ('"...," said Under Secretary Jane Roe') or as the
object of a channel verb ("KCNA quoted X as saying")."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Token

from .lexicon import Lexicon


def channel_speaker(cue: Sequence[Token], lex: Lexicon) -> Token | None:
    """ "KCNA cited X as saying" / "KCNA quoted X as saying": X."""
    for tok in cue:
        if tok.lemma_.lower() in lex.channel_cues:
            for c in tok.children:
                if c.dep_ in ("dobj", "nsubjpass") and c.i > tok.i:
                    return c
    return None


def np_range(tok: Token) -> tuple[int, int]:
    """The token range of the noun phrase headed by ``tok`` without a trailing "as saying" clause."""
    keep = [tok] + [t for c in tok.children if c.dep_ not in ("acl", "relcl", "advcl", "punct") for t in c.subtree]
    lo = min(t.i for t in keep)
    hi = max(t.i for t in keep) + 1
    while hi - 1 > lo and tok.doc[hi - 1].is_punct:
        hi -= 1
    return lo, hi


NAME_POS = frozenset({"PROPN", "NOUN", "ADP", "DET", "PUNCT", "ADJ", "CCONJ"})


def inverted_subject(cue: Sequence[Token]) -> tuple[tuple[int, int], Token] | None:
    """ ' "...," said Under Secretary Jane Roe.': (token range, head) of the speaker after the cue verb."""
    for tok in cue:
        if tok.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in tok.children):
            continue
        for c in tok.children:
            if c.dep_ == "nsubj" and c.i > tok.i and c.pos_ in ("PROPN", "NOUN"):
                return np_range(c), c
        # the parser often hangs a title-led name on the verb as a prepositional phrase
        hi = tok.i + 1
        sent_end = tok.sent.end
        while hi < sent_end and tok.doc[hi].pos_ in NAME_POS and tok.doc[hi].text not in ".;:!?\"“”":
            hi += 1
        # a weekday or month after the verb dates the statement ("..., an aide said Tuesday.") and names no one
        names = [t for t in tok.doc[tok.i + 1 : hi] if t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")]
        if names and tok.doc[tok.i + 1].is_title and hi - tok.i <= 25 and (hi >= sent_end or tok.doc[hi].text in ".;"):
            return (tok.i + 1, hi), names[-1]
    return None


# the verbs of "X as saying / stating / telling / adding"
AS_SAYING = frozenset({"say", "state", "tell", "add"})
_NP_LEFT = frozenset({"amod", "det", "compound", "nummod", "poss"})


def as_saying_holder(cue: Sequence[Token]) -> tuple[tuple[int, int], Token] | None:
    """ "... quoth unidentified officials this week as saying X": the one said to be saying, where the parser lost
    the quoting verb (a spinner's "quoth", "cited" read as a noun) and hung "as saying" on the noun itself.
    Only the noun and the words that modify it from the left: the verb's subject before it is the channel."""
    for tok in cue:
        if tok.lemma_.lower() not in AS_SAYING or tok.tag_ != "VBG" or tok.dep_ != "pcomp":
            continue
        prep = tok.head
        if prep.lower_ != "as" or prep.dep_ != "prep":
            continue
        holder = prep.head
        if holder.pos_ not in ("NOUN", "PROPN") or holder.i >= prep.i:
            continue
        lo = holder.i
        while lo > holder.sent.start and holder.doc[lo - 1].dep_ in _NP_LEFT and holder.doc[lo - 1].head.i >= lo:
            lo -= 1
        return (lo, holder.i + 1), holder
    return None

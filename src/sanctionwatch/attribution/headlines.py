"""A title-case headline the parser could not read ("North Korea's Kim Yo Jong Slams Sanctions Measures": every word
a proper noun, no verb): its speech verb is found by its shape, the words before it speak, the words after it are
what they say.  A headline that gives its speaker before a colon ("Roe: Fishing Quotas Have Failed") says the same
with the colon for its verb; a wire headline gives it after the colon ("Fishing quotas have failed: minister").
"""

from __future__ import annotations

import re

from ..read import Block
from .draft import Draft, span_chars
from .lexicon import Lexicon

# a headline is short, sits at the top of the page, and ends without a full stop
MAX_WORDS = 14
TOP_BLOCKS = 3
_TERMINAL = re.compile(r"[.!?]\s*$")
_GLUED = re.compile(r"[a-z][A-Z]")


def _cue_lemma(word: str, lex: Lexicon) -> str | None:
    """The lemma of a third-person verb form ("Slams", "Denies", "Accuses") the stance lexicon knows."""
    low = word.lower()
    if not low.endswith("s") or len(low) < 4:
        return None
    for lemma in (low[:-1], low[:-2], low[:-3] + "y"):
        if lemma in lex.headline_nouns or lemma in lex.noun_cues:
            return None
        if lemma in lex.stance_of and lemma not in lex.cognition and lex.stance_of[lemma] != "none":
            return lemma
    return None


def title_headline(text: str, bi: int, block: Block, lex: Lexicon) -> Draft | None:
    """The draft of a title-case headline block with one speech verb inside it and no verb the parser found."""
    doc = block.doc
    words = [t for t in doc if t.is_alpha]
    if bi >= TOP_BLOCKS or "\n" in doc.text.strip() or not 3 <= len(words) <= MAX_WORDS or _TERMINAL.search(doc.text):
        return None
    if sum(t.text[0].isupper() for t in words) * 4 < len(words) * 3 or any(t.pos_ in ("VERB", "AUX") for t in doc):
        return None
    cues = [(t, lemma) for t in words[1:-1] if t.text[0].isupper() and (lemma := _cue_lemma(t.text, lex))]
    if len(cues) != 1:
        return None
    tok, lemma = cues[0]
    tok.lemma_ = lemma  # the parser's lemma of a verb it read as a name is the name itself
    src = (0, tok.i)
    content = (tok.i + 1, len(doc))
    return Draft(bi, [span_chars(text, block.start, doc, *src)], [span_chars(text, block.start, doc, tok.i, tok.i + 1)],
                 [span_chars(text, block.start, doc, *content)], [tok], _head_last(doc[src[0] : src[1]]), confidence=0.5)


def _head_last(tokens) -> list:
    """An English noun phrase ends in its head ("North Korea's Kim Yo Jong"): the parse of a title-case line
    hangs every word elsewhere, so the speaker is read from the last word alone."""
    words = [t for t in tokens if t.is_alpha]
    return words[-1:] if words else list(tokens)


def _speaker_word(t) -> bool:
    """A word of a headline's speaker before the colon: a capitalised name ("Reuters", which the parser may read
    as a common noun, is a named organisation); in capitals only a short acronym ("AP", "UN"), not a label
    ("WATCH") or a dateline ("SEOUL")."""
    if not t.text[:1].isupper() or not (t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "NORP")):
        return False
    return not t.is_upper or (len(t.text) <= 4 and not (t.ent_type_ == "GPE" and len(t.text) > 2))


# "Roe: ...", "Foreign Ministry: ...": at most this many words before the colon name the speaker
MAX_SPEAKER_WORDS = 4
MIN_CLAIM_WORDS = 3


def colon_headline(text: str, bi: int, block: Block, lex: Lexicon) -> Draft | None:
    """The draft of a one-line headline "Speaker: claim" at the top of the page: a proper name (not a label in
    capitals such as "WATCH:" or a dateline "SEOUL:", and not a section word such as "Analysis:") speaks."""
    doc = block.doc
    if bi >= TOP_BLOCKS or "\n" in doc.text.strip() or _TERMINAL.search(doc.text):
        return None
    colon = next((t for t in doc if t.text == ":"), None)
    if colon is None or not 1 <= colon.i <= MAX_SPEAKER_WORDS or len(doc) - colon.i - 1 < MIN_CLAIM_WORDS:
        return None
    speaker = doc[: colon.i]
    if not all(_speaker_word(t) and t.lower_ not in lex.headline_labels for t in speaker):
        return None
    claim = [t for t in doc[colon.i + 1 :] if t.is_alpha]
    # a translated headline may go on in lower case ("Jane Roe: the policy failed") after a person's full name
    full_name = len(speaker) >= 2 and all(t.pos_ == "PROPN" for t in speaker)
    if len(claim) < MIN_CLAIM_WORDS or not (claim[0].text[0].isupper() or full_name):
        return None
    return Draft(bi, [span_chars(text, block.start, doc, 0, colon.i)], [span_chars(text, block.start, doc, colon.i, colon.i + 1)],
                 [span_chars(text, block.start, doc, colon.i + 1, len(doc))], [colon], _head_last(speaker), confidence=0.5)


def verb_read_as_name(text: str, bi: int, block: Block, d: Draft, lex: Lexicon) -> None:
    """ "Envoy rejects claims over arms shipments": a short headline whose speech verb the parser read as a plural
    noun of the subject ("Envoy rejects") and whose report noun it read as the verb ("claims").  The verb takes
    the cue back; the report noun and what follows are what was rejected."""
    doc = block.doc
    if bi >= TOP_BLOCKS or "\n" in doc.text.strip() or _TERMINAL.search(doc.text) or len(d.cue_tokens) != 1:
        return
    cue, src = d.cue_tokens[0], [t for t in d.source_tokens if t.doc is doc]
    if cue.doc is not doc or len(src) < 2 or src[-1].i != cue.i - 1 or cue.lower_.rstrip("s") not in lex.noun_cues:
        return
    verb = src[-1]
    lemma = _cue_lemma(verb.text, lex)
    if lemma is None or lex.stance_of.get(lemma) == "assert":
        return
    verb.lemma_ = lemma  # the parser's lemma of a verb it read as a noun is the noun
    d.source = [span_chars(text, block.start, doc, src[0].i, verb.i)]
    d.source_tokens = src[:-1]
    d.cue = [span_chars(text, block.start, doc, verb.i, verb.i + 1)]
    d.cue_tokens = [verb]
    d.content = [span_chars(text, block.start, doc, cue.i, len(doc))]
    d.kind = None  # a verb's report now, not a noun's


def _names_a_speaker(words, lex: Lexicon) -> bool:
    """ "NIS", "source", "Seoul's spy agency", "ministry official": a name, or a noun that speaks at its head."""
    head = words[-1]
    if head.lower_ in lex.headline_labels:
        return False  # "...: analysis", "...: photos" label the page
    nouns = lex.speaking_nouns | lex.state_nouns
    # (the parser reads an acronym in capitals as a common noun: "NIS", "JCS")
    named = (head.pos_ == "PROPN" and head.text[:1].isupper()) or (head.is_upper and len(head.text) > 1)
    return head.lower_ in nouns or head.lemma_.lower() in nouns or named


def tail_colon_headline(text: str, bi: int, block: Block, lex: Lexicon) -> Draft | None:
    """The draft of a one-line wire headline "claim: speaker" at the top of the page ("Pyongyang shut 20 shops
    abroad: source", "... : NIS"): a short noun phrase after the last colon, naming a speaker, ends the line."""
    doc = block.doc
    if bi >= TOP_BLOCKS or "\n" in doc.text.strip() or _TERMINAL.search(doc.text):
        return None
    colon = next((t for t in reversed(doc) if t.text == ":"), None)
    if colon is None:
        return None
    words = [t for t in doc[colon.i + 1 :] if not t.is_punct and not t.is_space]
    if not 1 <= len(words) <= MAX_SPEAKER_WORDS or any(t.pos_ in ("VERB", "AUX", "NUM") for t in words):
        return None
    # a byline glued to the headline ("...: lawmakerBy Yonhap") is the page's, not the speaker
    if any(t.lower_ == "by" or _GLUED.search(t.text) for t in words):
        return None
    claim = [t for t in doc[: colon.i] if t.is_alpha]
    if len(claim) < MIN_CLAIM_WORDS or not _names_a_speaker(words, lex):
        return None
    return Draft(bi, [span_chars(text, block.start, doc, words[0].i, words[-1].i + 1)],
                 [span_chars(text, block.start, doc, colon.i, colon.i + 1)],
                 [span_chars(text, block.start, doc, 0, colon.i)], [colon], [words[-1]], confidence=0.5)

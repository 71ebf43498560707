"""What an attribution means once its spans are found: stance, hedging, negation, kind.

All word lists come from data/attribution.yaml (see the rules at its top).
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc, Token

from .features import QUOTE_CHARS
from .lexicon import Lexicon

_WORD = re.compile(r"[\w']+|n't", re.UNICODE)


def _words(text: str) -> list[str]:
    # a straight single quote closing a quoted phrase ("No Proof'") is no part of the word
    return [w.lower().strip("'") for w in _WORD.findall(text.replace("’", "'")) if w.strip("'")]


def _has_phrase(words: Sequence[str], phrase: str) -> bool:
    target = phrase.split()
    n = len(target)
    if not n:
        return True
    if target[0] not in words:  # a scan in C rules out most phrases before any slicing
        return False
    first = target[0]
    return any(words[i] == first and list(words[i : i + n]) == target for i in range(len(words) - n + 1))


def cue_head(cue_tokens: Sequence[Token]) -> Token | None:
    """The syntactic head of the cue: the token whose head lies outside the cue, preferring verbs/nouns."""
    if not cue_tokens:
        return None
    ids = {t.i for t in cue_tokens}
    roots = [t for t in cue_tokens if t.head.i not in ids or t.head.i == t.i]  # spaCy makes a new Token per access: never `is`
    content_words = [t for t in cue_tokens if t.pos_ in ("VERB", "NOUN")]
    for t in roots:
        if t.pos_ in ("VERB", "NOUN"):
            return t
    return (content_words or roots or list(cue_tokens))[0]


def hyphen_adjective(cue_tokens: Sequence[Token], lex: Lexicon) -> bool:
    """ "the above-said crimes", "the so-called report": the cue word is the tail of a hyphenated adjective."""
    head = cue_head(cue_tokens)
    if head is None or head.i < 2:
        return False
    dash, prefix = head.doc[head.i - 1], head.doc[head.i - 2]
    return dash.text == "-" and not dash.whitespace_ and not prefix.whitespace_ and prefix.lower_ in lex.hyphen_prefixes


def withholds(cue_tokens: Sequence[Token], lex: Lexicon) -> bool:
    """ "denied the tanker port access", "vessels denied entry": the cue verb withholds a thing; no report."""
    head = cue_head(cue_tokens)
    if head is None or head.lemma_.lower() not in lex.withholding_verbs:
        return False
    return any(c.dep_ in ("dobj", "dative", "nsubjpass", "oprd") and c.lemma_.lower() in lex.withheld_objects for c in head.children)


def courtesy(cue_tokens: Sequence[Token]) -> bool:
    """ "Thank you.", closing a speech: a formula addressed to the hearers; no report."""
    head = cue_head(cue_tokens)
    return head is not None and head.lemma_.lower() == "thank" and all(
        c.lower_ in ("you", "all", "very", "much", "so") or c.is_punct for c in head.children)


# the conjunctions of "when asked about X", "if asked": the subject is the one asked, and answers elsewhere
_ASKED_WHEN = frozenset({"when", "if", "after", "before", "as", "once", "whenever"})


def being_asked(cue_tokens: Sequence[Token]) -> bool:
    """ "Peskov told agencies when asked about the shipments": being asked is the occasion of a reply, no report."""
    head = cue_head(cue_tokens)
    return head is not None and head.lemma_.lower() == "ask" and head.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in head.children) and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in _ASKED_WHEN for c in head.children)


def no_report(cue_tokens: Sequence[Token], lex: Lexicon) -> bool:
    """A cue word that reports nothing here: part of a hyphenated adjective, a withholding, a courtesy, going on
    with an act, being asked, naming a report's own source."""
    return (hyphen_adjective(cue_tokens, lex) or withholds(cue_tokens, lex) or courtesy(cue_tokens) or aspectual(cue_tokens, lex)
            or being_asked(cue_tokens) or cites_a_source(cue_tokens, lex))


def cites_a_source(cue_tokens: Sequence[Token], lex: Lexicon) -> bool:
    """ "..., the paper reported on Friday, citing government sources": a participle of citing whose object is a
    noun phrase names where the report came from; it reports nothing of its own ("quoting him as saying ..." and
    "citing fears that ..." do)."""
    head = cue_head(cue_tokens)
    if head is None or head.tag_ != "VBG" or head.lemma_.lower() not in lex.channel_cues:
        return False
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    return bool(objects) and not any(c.dep_ in ("ccomp", "advcl", "prep", "xcomp") for c in head.children) and not any(
        t.dep_ in ("ccomp", "acl", "relcl") and t.pos_ in ("VERB", "AUX") for o in objects for t in o.subtree)


def cites_only_its_source(cue_tokens: Sequence[Token], content: Sequence[tuple[int, int]], base: int, lex: Lexicon) -> bool:
    """ "X has sent workers, the paper reports citing the Journal": a reading whose cue runs on into the citing
    participle and whose content is only what the participle cites took the report's source for what it says
    (the rules read the sentence again: the clause before the comma)."""
    # (the participle in the cue, "reports citing", or hung on it and read as content, "reports | citing X")
    for t in {p for c in cue_tokens for p in (c, *c.children)}:
        objects = [o for o in t.children if o.dep_ in ("dobj", "obj")]
        if t.tag_ != "VBG" or t.lemma_.lower() not in lex.channel_cues or not objects:
            continue
        # ("citing fears that ...", "quoting officials who said ...", "quoting an aide as saying ...": what is cited
        # says something itself; "citing her work on X": reasons, not a source; a source is a name or a noun that speaks)
        if any(c.dep_ in ("ccomp", "advcl", "prep", "xcomp") for c in t.children) or any(
                w.dep_ in ("ccomp", "acl", "relcl") and w.pos_ in ("VERB", "AUX") for o in objects for w in o.subtree):
            continue
        if not all(o.pos_ == "PROPN" or o.lemma_.lower() in lex.speaking_nouns or o.lower_ in lex.speaking_nouns
                   for o in objects):
            continue
        lo, hi = base + t.left_edge.idx, base + t.right_edge.idx + len(t.right_edge.text)
        if content and all(lo <= s and e <= hi for s, e in content):
            return True
    return False


def aspectual(cue_tokens: Sequence[Token], lex: Lexicon) -> bool:
    """ "North Korea continues to defy the resolutions", "Russia would continue to build ties": a cue verb in its
    sense of going on with an act reports nothing ("he continued: ..." and "continued to insist that ..." do)."""
    head = cue_head(cue_tokens)
    if head is None or head.lemma_.lower() not in lex.aspectual_verbs:
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() not in lex.stance_of for c in head.children)


def is_negated(cue_tokens: Sequence[Token], lex: Lexicon) -> bool:
    head = cue_head(cue_tokens)
    toks = list(cue_tokens)
    if head is not None:
        toks += [c for c in head.children if c.dep_ in ("neg", "aux", "advmod")]
        # "refused to confirm": the negating verb governs the cue verb
        if head.dep_ == "xcomp":
            toks.append(head.head)
            toks += [c for c in head.head.children if c.dep_ == "neg"]
        # "refrained from denying", "declined to confirm": the governing verb negates the cue
        if head.lemma_.lower() in lex.negating_verbs and any(t.pos_ == "VERB" and t.i != head.i for t in cue_tokens):
            return True
        governor = head.head.head if head.dep_ == "pcomp" else head.head if head.dep_ == "xcomp" else None
        if governor is not None and governor.lemma_.lower() in lex.negating_verbs:
            return True
    # "neither Seoul nor Tokyo confirmed it", "neither claim has been acknowledged by X"
    if head is not None and any(
        c.dep_ in ("nsubj", "nsubjpass") and (any(t.lower_ == "neither" for t in c.subtree) or (c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].lower_ == "neither"))
        for c in head.children
    ):
        return True
    words = [t.lower_.replace("’", "'") for t in sorted(set(toks), key=lambda t: t.i)]
    if any(w in lex.negator_words or t.dep_ == "neg" for w, t in zip(words, sorted(set(toks), key=lambda t: t.i))):
        return True
    lemmas = [t.lemma_.lower() for t in sorted(set(toks), key=lambda t: t.i)]
    return any(_has_phrase(lemmas, p) or _has_phrase(words, p) for p in lex.negator_phrases)


def is_hedged(cue_tokens: Sequence[Token], content_text: str, lex: Lexicon) -> bool:
    head = cue_head(cue_tokens)
    near = list(cue_tokens)
    if head is not None:
        near += [c for c in head.children if c.dep_ in ("advmod", "aux", "auxpass")]
    near_words = [t.lower_ for t in near]
    if any(w in lex.hedge_words for w in near_words):
        return True
    content_words = _words(content_text)
    if any(w in lex.hedge_words for w in content_words):
        return True
    span_words = [t.lower_ for t in sorted(set(near), key=lambda t: t.i)]
    return any(_has_phrase(span_words, p) or _has_phrase(content_words, p) for p in lex.hedge_phrases)


def base_stance(cue_tokens: Sequence[Token], lex: Lexicon) -> str:
    text = " ".join(t.lower_ for t in cue_tokens)
    if "according to" in text:
        return "assert"
    head = cue_head(cue_tokens)
    if head is not None:
        stance = lex.stance_of.get(head.lemma_.lower()) or lex.stance_of.get(head.lower_)
        if stance:
            return stance
    found = [s for t in cue_tokens if t is not head and (s := lex.stance_of.get(t.lemma_.lower()) or lex.stance_of.get(t.lower_))]
    # "issued a statement denouncing": under a light verb the word that says what the statement does wins
    return next((s for s in found if s != "assert"), found[0] if found else "assert")


def _content_noun_stance(content_text: str, lex: Lexicon) -> str | None:
    """ "issued a warning that ...": a light verb takes the stance of the noun that opens its content."""
    for w in _words(content_text)[:3]:
        if w in lex.expressed_nouns:
            return lex.expressed_nouns[w]
        if w in lex.noun_cues and lex.stance_of.get(w) not in (None, "assert"):
            return lex.stance_of[w]
        singular = w[:-1] if w.endswith("s") else w
        if singular in lex.noun_cues and lex.stance_of.get(singular) not in (None, "assert"):
            return lex.stance_of[singular]
    return None


def stance_of(cue_tokens: Sequence[Token], content_text: str, lex: Lexicon) -> tuple[str, bool]:
    """(stance, negated) for a cue and its content, following the rules in the lexicon file."""
    stance = base_stance(cue_tokens, lex)
    head = cue_head(cue_tokens)
    # "according to X, the warning reached the council by fax": a phrase cue reports; a noun opening its content is what the
    # content is about, not an act the cue performs (that reading is for a light verb: "issued a warning that")
    phrase = " ".join(t.lower_ for t in cue_tokens) in lex.phrase_cues
    if head is not None and head.lemma_.lower() not in lex.stance_of and not phrase:
        # "expressed concern over", "voiced hope that": the noun the light verb gives out, in the cue or after it
        shown = next((lex.expressed_nouns[t.lower_] for t in cue_tokens if t is not head and t.lower_ in lex.expressed_nouns), None)
        stance = shown or _content_noun_stance(content_text, lex) or stance
    # the tagger sometimes keeps the object in the cue ("rejected the allegations of")
    words = set(_words(content_text)) | {t.lower_ for t in cue_tokens}
    head = cue_head(cue_tokens)
    head_lemma = head.lemma_.lower() if head is not None else ""
    if stance == "condemn" and words & lex.accusation_nouns:
        stance = "deny"
    elif head is not None and _labels(head, lex) and ((words & lex.denial_words) - _described_in_clause(head, lex) or any(p in content_text.lower() for p in lex.denial_words if " " in p)):
        stance = "deny"
    if stance == "assert" or head_lemma in lex.label_cues:
        stance = _content_stance(content_text, head is not None and _labels(head, lex), lex) or stance
    elif stance == "allege" and _content_stance(content_text, False, lex) == "deny":
        # "kept claiming they had nothing to do with the raid": a claim of innocence is a denial
        stance = "deny"
    negated = is_negated(cue_tokens, lex)
    if negated:
        stance = "none"
    return stance, negated


# a clause that describes the labelled thing: "describes a plot by traders who used fake names" labels the plot
_DESCRIBING_CLAUSES = frozenset({"relcl", "acl"})


def _described_in_clause(head: Token, lex: Lexicon) -> set[str]:
    """Denial words that stand only inside a clause describing the label cue's object: they label nothing."""
    inside: set[str] = set()
    outside: set[str] = set()
    for t in head.subtree:
        if t.lower_ not in lex.denial_words or t.i == head.i:
            continue
        a, in_clause = t, False
        while a.i != head.i and a.head.i != a.i:
            in_clause = in_clause or (a.dep_ in _DESCRIBING_CLAUSES and a.head.i != head.i)
            a = a.head
        (inside if in_clause else outside).add(t.lower_)
    return inside - outside


_LABEL_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "acomp", "nsubjpass"})


def _labels(head: Token, lex: Lexicon) -> bool:
    """ "called the plan dangerous", "was described as a hoax" label something; "called on states to act"
    and "as described in the panel's report" do not: a label needs what it is pinned on."""
    if head.lemma_.lower() not in lex.label_cues:
        return False
    if any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "for", "upon", "off") for c in head.children):
        return False
    return any(c.dep_ in _LABEL_DEPS or (c.dep_ == "prep" and c.lower_ == "as") for c in head.children)


# a condemnation is the speaker's own when it opens the content ("we condemn ...", "it strongly denounced")
CONDEMN_WINDOW = 12
# "called the talks far from productive": a favourable word under one of these is no praise
LABEL_NEGATORS = frozenset({"not", "never", "hardly", "far", "less", "anything", "neither", "nor", "no"})


def _content_stance(content_text: str, label_cue: bool, lex: Lexicon) -> str | None:
    """The stance a neutral cue takes from what is said: a denial of a claim, a condemnation of an act."""
    words = _words(content_text)
    joined = " " + " ".join(words) + " "
    if any(f" {p} " in joined for p in lex.content_denial):
        return "deny"
    opening = " " + " ".join(words[:CONDEMN_WINDOW]) + " "
    # "We warn that we will not tolerate ...": the speaker names the act it performs; it outranks the words after it
    if any(f" {p} " in opening for p in lex.content_warn):
        return "warn"
    if any(f" {p} " in opening for p in lex.content_condemn):
        return "condemn"
    if label_cue and (set(words) & lex.negative_labels or any(f" {p} " in joined for p in lex.negative_labels if " " in p)):
        return "deny" if set(words) & lex.accusation_nouns else "condemn"
    if label_cue and set(words) & lex.positive_labels and not set(words) & LABEL_NEGATORS:
        return "support"
    return None


def kind_of(cue_tokens: Sequence[Token], content_text: str, source_empty: bool, dash: bool, lex: Lexicon) -> str:
    if dash:
        return "dash"
    low = " ".join(t.lower_ for t in cue_tokens)
    if low.startswith("according to"):
        return "according_to"
    head = cue_head(cue_tokens)
    stripped = content_text.strip()
    if stripped[:1] in QUOTE_CHARS and stripped.rstrip(".,")[-1:] in QUOTE_CHARS:
        return "direct"
    if any(c in stripped for c in QUOTE_CHARS):
        return "mixed"
    if head is not None and head.pos_ == "NOUN":
        return "noun"
    if head is not None and (any(c.dep_ == "auxpass" for c in head.children) or (source_empty and head.tag_ == "VBN")):
        return "passive"
    return "indirect"


_CONTENT_NEGATORS = frozenset({"not", "n't", "never", "no", "nothing"})
_SHARED_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "conj"})


def denial_by_participle(cues: Sequence[Sequence[Token]], contents: Sequence[str], stances: list[str]) -> list[str]:
    """ "X has not sent troops, an envoy said, dismissing the claims as rumours", "X denied the report,
    saying its ships had not entered the zone": a participle and the verb it hangs on are one speech act,
    so when one of them denies, a negated content of the other is a denial too."""
    heads = [cue_head(c) for c in cues]
    out = list(stances)
    for b, hb in enumerate(heads):
        if hb is None or hb.tag_ != "VBG" or hb.dep_ not in _SHARED_CLAUSE_DEPS:
            continue
        for a, ha in enumerate(heads):
            if a == b or ha is None or ha.i != hb.head.i or ha.doc is not hb.doc:
                continue
            for denier, other in ((b, a), (a, b)):
                if stances[denier] == "deny" and out[other] == "assert" and _CONTENT_NEGATORS & set(_words(contents[other])):
                    out[other] = "deny"
    return out


_DATE_LABELS = frozenset({"DATE", "TIME"})


def only_a_date(doc: Doc, base: int, content: Sequence[tuple[int, int]]) -> bool:
    """Content that is only the report's date ("..., the paper reported [on Friday], citing ..."): the time of
    the report, not what it says."""
    toks = [t for s, e in content if (span := doc.char_span(s - base, e - base, alignment_mode="expand")) is not None
            for t in span]
    return bool(toks) and any(t.ent_type_ in _DATE_LABELS for t in toks) and all(
        t.ent_type_ in _DATE_LABELS or t.pos_ in ("ADP", "DET", "PUNCT", "SPACE") for t in toks)

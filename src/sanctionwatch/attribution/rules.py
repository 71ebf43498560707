"""Dependency rules that find attributions the tagger left out, and nested ones.

Used for "according to X" phrases, strong-stance verbs (deny, accuse,
condemn, warn, confirm, support) and speech verbs inside another
attribution's content.  All return token ranges [start, end) of one block.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .compound_subjects import compound_name_subject
from .embedded import AGENT_PREPS, PERIODICALS, agent_gap_end
from .features import OPEN_QUOTES, QUOTE_CHARS, STRAIGHT_QUOTES
from .participles import denied_claim_verb, reporter_goes_on


STRONG_STANCES = frozenset({"deny", "allege", "confirm", "condemn", "warn", "support"})
_CONTENT_DEPS = ("ccomp", "dobj", "xcomp", "prep", "oprd", "acomp")


def trimmed(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Drop edge punctuation (commas, full stops) but keep quotation marks."""
    while lo < hi and doc[lo].is_punct and doc[lo].text not in QUOTE_CHARS:
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in QUOTE_CHARS:
        hi -= 1
    return lo, hi


def inserted_speaker(verb: Token) -> Token | None:
    """ "..., the source said, further speculating that ...": the parser hung the inserted speech verb
    under the participle that follows it; that verb's subject speaks for both."""
    if verb.tag_ != "VBG":
        return None
    said = next((c for c in verb.children if c.dep_ == "parataxis" and c.i < verb.i), None)
    return next((c for c in said.children if c.dep_ == "nsubj"), None) if said is not None else None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or for a participle/infinitive clause ("..., calling X absurd") its governor's."""
    inserted = inserted_speaker(verb)
    if inserted is not None:
        return inserted
    if (named := compound_name_subject([verb])) is not None:
        return named  # "as President Roe claims to ...": the name the parser hung on the verb as a compound
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.dep_ != "expl":
                if node is verb or not (reporter_goes_on(verb, node) or denied_claim_verb(verb, node) is not None):
                    return child
        if node is not verb and reporter_goes_on(verb, node):
            node = node.head  # "X said that Y remains unchanged, asserting that ...": X asserts
        elif node is not verb and (outer := denied_claim_verb(verb, node)) is not None:
            node = outer
        elif node.dep_ in ("advcl", "xcomp", "conj", "acl") and node.head is not node:
            node = node.head
        else:
            return None
    return None


def passive_rule(doc: Doc, verb: Token, taken: set[int] | frozenset[int] = frozenset(),
                 demonstrative: bool = False) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "The reports have not been confirmed by the harbour authority": a passive cue with a "by" agent;
    the agent speaks and the passive subject is what it denied, confirmed or condemned."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is None or obj is None or subj is None or subj.lower_ in ("it", "there") or (subj.lower_ in DEMONSTRATIVES and not demonstrative):
        return None
    content = trimmed(doc, subj.left_edge.i, subj.right_edge.i + 1)
    src = trimmed(doc, obj.left_edge.i, obj.right_edge.i + 1)
    if any(i in taken for i in range(*content)) or any(i in taken for i in range(*src)):
        return None
    aux = [c.i for c in verb.children if c.dep_ in ("aux", "neg", "auxpass") and c.i < verb.i]
    if content[1] <= content[0] or src[1] <= src[0]:
        return None
    return src, (min([verb.i] + aux), agent.i + 1), content


# "This was stated by X": the subject points back at what the sentence before said
DEMONSTRATIVES = frozenset({"this", "that"})


def negating_verb(verb: Token, negating: frozenset[str]) -> Token | None:
    """The negating verb that takes ``verb`` through a preposition ("refrained [from denying]", "stopped short of accusing")."""
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head.pos_ == "VERB" and 0 < verb.i - prep.head.i <= 3 and prep.head.lemma_.lower() in negating:
        return prep.head
    return None


def verb_rule(doc: Doc, verb: Token, taken: set[int] | frozenset[int] = frozenset(), shared_sources: set[int] | frozenset[int] = frozenset(),
              negating: frozenset[str] = frozenset()) -> tuple[tuple[int, int] | None, tuple[int, int], tuple[int, int]] | None:
    """(source, cue, content) token ranges for a cue verb from its dependents, or None.

    The content is the run of complements right of the verb (clause, object,
    "of"-phrase), stopping at the first one that holds a token in ``taken``
    (already part of another attribution) or an "according to" phrase.  The
    source may be a span another attribution uses as source too (``shared_sources``):
    "X denied Y, calling Z absurd" has one subject for two cues.  A verb governed by a
    ``negating`` verb ("X refrained from denying Y") takes it into the cue, and its subject.
    """
    comps = []
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.i < verb.i or c.dep_ not in _CONTENT_DEPS or c.lower_ == "according":
            continue
        if any(i in taken for i in range(c.left_edge.i, c.right_edge.i + 1)):
            break
        comps.append(c)
    if not comps:
        return None
    lo = min(c.left_edge.i for c in comps)
    hi = max(c.right_edge.i for c in comps) + 1
    lo, hi = trimmed(doc, lo, hi)
    if hi - lo > 2 and doc[lo].lower_ == "on" and doc[lo + 1].ent_type_ == "DATE" and doc[lo + 1].pos_ == "PROPN":
        lo += 2  # "denied on Sunday Washington's claims": the day is not what is denied
    if hi <= lo:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "neg", "auxpass") and c.i < verb.i]
    cue = (min([verb.i] + [a.i for a in aux]), verb.i + 1)
    outer = negating_verb(verb, negating)
    subj = subject_of(verb)
    if outer is not None:
        cue = (outer.i, verb.i + 1)
        subj = subj or subject_of(outer)
    src = None
    if subj is not None and subj.lower_ not in ("it", "there"):
        src = trimmed(doc, subj.left_edge.i, subj.right_edge.i + 1)
        if src[0] < cue[1] <= src[1] or src[1] <= src[0] or any(i in taken and i not in shared_sources for i in range(*src)):
            src = None
    return src, cue, (lo, hi)


def _document_in(verb: Token, documents: frozenset[str]) -> Token | None:
    """ "as noted in the panel's report": the document the verb's "in" phrase names."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > verb.i), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return obj if obj is not None and obj.lemma_.lower() in documents else None


def as_clause_rule(doc: Doc, verb: Token, documents: frozenset[str] = frozenset()) -> tuple[tuple[int, int], tuple[int, int], list[tuple[int, int]]] | None:
    """ "As the envoy noted, sanctions have not stopped the transfers", "As reported by Yonhap, ...", "As
    stated in the council's report, ..." (a noun of ``documents``): (source, cue, content pieces) for a
    speech verb in an "as" clause; the rest of the sentence is what the source said."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None or verb.dep_ not in ("advcl", "parataxis") or mark.i > verb.i:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    owner = subj if subj is not None else next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    owner = owner if owner is not None else _document_in(verb, documents)
    if owner is None or owner.pos_ == "PRON" and owner.lower_ == "it":
        return None
    sent = verb.sent
    comma = next((t.i for t in doc[max(verb.i, owner.right_edge.i) : sent.end] if t.text == ","), None)
    if comma is None:
        return None
    src = trimmed(doc, owner.left_edge.i, owner.right_edge.i + 1)
    lo = min([c.i for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i] or [verb.i])
    pieces = [p for p in (trimmed(doc, sent.start, mark.i), trimmed(doc, comma + 1, sent.end)) if p[1] > p[0]]
    if not pieces or not any(doc[i].pos_ in ("VERB", "AUX") for p in pieces for i in range(*p)):
        return None
    return src, (lo, verb.i + 1), pieces


def _before_fence(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """ "according to Reuters, Sergei Shoigu, secretary of ..., announced": the parser may join the
    next clause's subject to the phrase's object as a conjunct; the comma before that subject ends the
    object, unless what follows continues a list ("according to Seoul, Tokyo and Washington")."""
    comma = next((k for k in range(lo + 1, hi) if doc[k].text == ","), None)
    if comma is None or any(doc[k].dep_ == "cc" for k in range(comma + 1, hi)):
        return lo, hi
    # an apposition ("according to Jane Roe, a spokeswoman for the ministry,") stays; a conjunct with no
    # "and" is the next clause's subject
    if not any(doc[k].dep_ == "conj" and lo <= doc[k].head.i < comma for k in range(comma + 1, hi)):
        return lo, hi
    return lo, comma


def according_rule(doc: Doc, tok: Token) -> tuple[tuple[int, int] | None, tuple[int, int], list[tuple[int, int]]] | None:
    """"according to X": X is the source, the clause around the phrase the content."""
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    if not objs:
        return None
    src = _before_fence(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1)
    phrase = (tok.i, max(src[1], to.i + 1))
    # the phrase reports the whole sentence, whatever word the parser hung it on
    sent = tok.sent
    lo, hi = sent.start, sent.end
    pieces = [trimmed(doc, lo, phrase[0]), trimmed(doc, phrase[1], hi)]
    pieces = [p for p in pieces if p[1] > p[0]]
    if not pieces:
        return None
    return src, (tok.i, to.i + 1), pieces


_NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ"})
_QUOTE_SPAN_LIMIT = 120  # tokens back from the closing quote to its opener


def quote_then_speaker(doc: Doc, verb: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "'...,' Jane Roe, a deputy to the envoy, posted on Twitter.": the quotation, then who spoke.

    The parser often hangs the speech verb on the name as a modifier after a long apposition,
    so this reads the token order instead: a quotation closed with a comma, a noun phrase with
    no verb of its own, the speech verb, and at most a place or medium before the full stop.
    """
    i = verb.i - 1
    while i >= 0 and doc[i].text not in QUOTE_CHARS:
        if doc[i].pos_ in ("VERB", "AUX") or doc[i].text in ".;:!?":
            return None
        i -= 1
    close = i
    if close < 2 or doc[close - 1].text != "," or close + 1 >= verb.i or doc[close + 1].pos_ not in _NAME_POS:
        return None
    src = trimmed(doc, close + 1, verb.i)
    if src[1] <= src[0] or not any(doc[k].pos_ in ("PROPN", "NOUN") for k in range(*src)):
        return None
    opener = next((k for k in range(close - 1, max(-1, close - _QUOTE_SPAN_LIMIT), -1) if doc[k].text in QUOTE_CHARS), None)
    if opener is None or close - opener < 3:
        return None
    rest = []
    for t in doc[verb.i + 1 :]:
        if t.text in ".!?":
            break
        if not (t.is_punct or t.is_space):
            rest.append(t)
    if len(rest) > 4 or any(t.pos_ not in ("ADP", "PROPN", "NOUN", "ADV", "DET", "NUM") for t in rest):
        return None
    return src, (verb.i, verb.i + 1), (opener, close + 1)


_LINK_POS = frozenset({"AUX", "ADV", "PART", "ADJ"})


def cue_through_verb(doc: Doc, cue: tuple[int, int], content: tuple[int, int], speech: frozenset[str] | set[str]) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None] | None:
    """A cue of a hedge alone ("were reportedly") before "unable to confirm X": the cue runs
    through the speech verb and X is the content, so the negator sits on the cue.

    Returns (cue, content, subject or None) as token ranges.
    """
    lo, hi = cue
    if any(doc[i].pos_ not in ("AUX", "ADV", "PART") for i in range(lo, hi)) or content[0] - hi > 1:
        return None
    for i in range(content[0], min(content[1], content[0] + 5)):
        tok = doc[i]
        if tok.pos_ == "VERB" and tok.lemma_.lower() in speech:
            rest = trimmed(doc, i + 1, content[1])
            if rest[1] <= rest[0]:
                return None
            subj = next((c for k in range(lo, hi) for c in doc[k].head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < lo), None)
            src = trimmed(doc, subj.left_edge.i, subj.right_edge.i + 1) if subj is not None else None
            return (lo, i + 1), rest, src
        if tok.pos_ not in _LINK_POS:
            return None
    return None


def noun_rule(
    doc: Doc, noun: Token, taken: set[int] | frozenset[int] = frozenset(), claim_words: frozenset[str] | None = None
) -> tuple[tuple[int, int] | None, tuple[int, int], tuple[int, int]] | None:
    """ "Pyongyang's denial that it sold arms": (source, cue, content) for a noun with a that-clause.

    Given ``claim_words`` (for a noun of strong stance: denial, dismissal, rejection) an owned
    noun's "of" object is the content too, when it is a claim ("Seoul's rejection of the
    allegations") or is labelled with "as" ("the ministry's dismissal of the reports as lies"):
    "the court's dismissal of the case" reports nobody's words.
    """
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i and any(t.dep_ == "mark" and t.lower_ == "that" for t in c.children)]
    clauses = clauses or _stranded_clause(doc, noun)
    if clauses:
        clause = clauses[0]
        content = trimmed(doc, clause.left_edge.i, clause.right_edge.i + 1)
    else:
        found = _owned_of_object(doc, noun, claim_words) if claim_words is not None else None
        if found is None:
            return None
        content = found
    if content[1] <= content[0] or any(i in taken for i in range(*content)):
        return None
    src = noun_source(doc, noun)
    if src and any(i in taken for i in range(*src)):
        src = None
    return src, (noun.i, noun.i + 1), content


# what a voiced feeling is about: "concern over the launch", "regret at the decision"
_ABOUT_PREPS = frozenset({"over", "about", "at", "on", "regarding", "for", "with"})


def expressed_rule(
    doc: Doc, noun: Token, light_verbs: frozenset[str], taken: set[int] | frozenset[int] = frozenset()
) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "The minister voiced concern over the launch", "Seoul expressed regret that ...": a feeling a light verb
    gives out is a statement; (source, cue, content) with the verb's subject as the source."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in light_verbs:
        return None
    subj = subject_of(verb)
    if subj is None or subj.pos_ == "PRON" and subj.lower_ in ("it", "there"):
        return None
    clause = next((c for c in list(noun.children) + list(verb.children)
                   if c.dep_ in ("acl", "ccomp") and c.i > noun.i and any(t.dep_ == "mark" and t.lower_ == "that" for t in c.children)), None)
    if clause is not None:
        content, cue_end = trimmed(doc, clause.left_edge.i, clause.right_edge.i + 1), noun.i + 1
    else:
        prep = next((c for c in list(noun.children) + list(verb.children) if c.dep_ == "prep" and c.i > noun.i and c.lower_ in _ABOUT_PREPS), None)
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if prep is None or obj is None:
            return None
        content, cue_end = trimmed(doc, obj.left_edge.i, obj.right_edge.i + 1), prep.i + 1
    src = trimmed(doc, subj.left_edge.i, subj.right_edge.i + 1)
    cue = (verb.i, cue_end)
    if content[1] <= content[0] or any(i in taken for r in (src, cue, content) for i in range(*r)):
        return None
    return src, cue, content


def _stranded_clause(doc: Doc, noun: Token) -> list[Token]:
    """ "in response to a statement from X that Y ...": the parser hangs the that-clause of a noun inside
    a prepositional phrase on the verb above; the clause right after the noun's phrase is the noun's."""
    nxt = noun.right_edge.i + 1
    agent = agent_gap_end(doc, noun)
    if agent is not None:
        return [doc[agent].head]
    if noun.dep_ != "pobj" or nxt >= len(doc) or doc[nxt].lower_ != "that" or doc[nxt].dep_ != "mark":
        return []
    clause = doc[nxt].head
    if clause.dep_ != "ccomp" or not clause.head.i < noun.i or clause.i < nxt:
        return []
    return [clause]




def _owned_of_object(doc: Doc, noun: Token, claim_words: frozenset[str]) -> tuple[int, int] | None:
    """The object of "of" after a noun with a possessor ("Seoul's rejection of the claims" -> "the claims")."""
    if not any(c.dep_ == "poss" for c in noun.children):
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i > noun.i:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if not objs:
                continue
            label = next((t for t in doc[child.i : noun.sent.end] if t.lower_ == "as" and t.head.i in (noun.i, objs[0].i)), None)
            if label is not None or objs[0].lower_ in claim_words:
                hi = objs[0].right_edge.i + 1
                if label is not None and label.i < hi:
                    hi = label.i  # "of such reports as lies": the label is the owner's word, not the content
                span = trimmed(doc, objs[0].left_edge.i, hi)
                return span if span[1] > span[0] else None
    return None


def noun_source(doc: Doc, noun: Token) -> tuple[int, int] | None:
    """Who owns a noun cue: its possessor ("Trump's claim", the 's kept as PolNeAR does), its agent
    ("a warning by the coast guard"), or the proper-noun compound before it ("Kim Kuk-song claims ..."
    misparsed as one noun phrase)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return trimmed(doc, child.left_edge.i, child.right_edge.i + 1)
    # "a statement from a delegate of Portugal", "a warning by the coast guard": the agent after the noun
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in AGENT_PREPS and child.i == noun.i + 1:
            objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("PROPN", "NOUN", "ADJ")
                    and (c.ent_type_ not in ("DATE", "TIME") or c.lower_ in PERIODICALS)]
            if objs:
                return trimmed(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1)
    left = [c for c in noun.children if c.i < noun.i and c.dep_ == "compound"]
    if left:
        lo = min(c.left_edge.i for c in left)
        if any(doc[i].pos_ == "PROPN" for i in range(lo, noun.i)):
            return trimmed(doc, lo, noun.i)
    return None


def quoted_as_saying(doc: Doc, verb: Token) -> int | None:
    """End (exclusive) of "quoted as saying" after a passive "quote", or None."""
    i = verb.i
    if verb.lemma_.lower() != "quote" or i + 2 >= len(doc):
        return None
    if doc[i + 1].lower_ == "as" and doc[i + 2].lemma_.lower() in ("say", "tell", "state"):
        return i + 3
    return None


def reports_clause(doc: Doc, verb: Token, content: tuple[int, int]) -> bool:
    """The verb takes a clause or its content is quoted: "added that talks had stalled", 'added: "..."'."""
    return any(c.dep_ in ("ccomp", "parataxis") and c.i > verb.i for c in verb.children) or any(
        doc[i].text in QUOTE_CHARS for i in range(*content))


def quote_opens_at(verb: Token) -> bool:
    """ 'the envoy “stressed that ...”': a quotation opening on the speech verb itself (the writer quotes
    the verb too), a shape the tagger was not trained on."""
    return verb.i > 0 and verb.doc[verb.i - 1].text in OPEN_QUOTES | STRAIGHT_QUOTES and verb.doc[verb.i - 1].whitespace_ == ""


def document_speaks(verb: Token, documents: frozenset[str]) -> bool:
    """A speech verb whose subject is a document ("the report", "a recent study") with a clause after it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return (
        subj is not None
        and subj.lemma_.lower() in documents
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    )


def untrained_cue_with_clause(verb: Token, tagger_cues: frozenset[str]) -> bool:
    """A cue the tagger never learnt, with a that-clause after it ("the firm proved that ...", "the agency
    assessed that ..."): the clause makes it a report whoever the subject is."""
    return verb.lemma_.lower() not in tagger_cues and any(
        c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )



def lost_quote_rule(doc: Doc, verb: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """(source, cue, content) for "A source told the paper on the 28th, While the officials were ...": a clause
    after a comma that opens on a capital mid-sentence is a quotation whose marks the scrape lost; it is the
    speech verb's content, to the end of the clause."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.lower_ in ("it", "there"):
        return None
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i <= verb.i:
            continue
        first = c.left_edge
        if first.i > verb.i + 1 and doc[first.i - 1].text == "," and first.is_title and first.pos_ != "PROPN" and first.lower_ != "i":
            src = trimmed(doc, subj.left_edge.i, subj.right_edge.i + 1)
            content = trimmed(doc, first.i, c.right_edge.i + 1)
            if src[1] > src[0] and content[1] - content[0] >= 3:
                return src, (verb.i, verb.i + 1), content
    return None


# a headline is short and ends without a full stop
HEADLINE_TOKENS = 20


def _headline(verb: Token) -> bool:
    """The verb's sentence is a headline standing alone in its block: short, no closing full stop, a present-tense
    speech verb ("Russia Says ...", "..., defector says")."""
    sent = verb.sent
    return (verb.tag_ in ("VBZ", "VBP") and sent.start == 0 and sent.end == len(verb.doc) and len(sent) <= HEADLINE_TOKENS
            and not any(t.text in ".!?" for t in sent) and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children))


def headline_verb(verb: Token) -> bool:
    """ "Russia Says 'No Proof' North Korea Sending Weapons": a headline's speech verb whose report the parser
    read as an object, a shape the tagger was not trained on."""
    return _headline(verb) and any(c.i > verb.i and c.dep_ in _CONTENT_DEPS for c in verb.children)


def headline_tail(doc: Doc, verb: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "Sanctions hurting the regime, defector says": the speaker and verb close the headline after a comma; what
    stands before the comma is the report (the parser often leaves it a loose dependent)."""
    if not _headline(verb) or any(t.i > verb.i and not t.is_punct for t in verb.sent):
        return None
    # the subject nearest the verb (the parser may make the report's own noun a second subject)
    subj = max((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), key=lambda c: c.i)
    comma = subj.left_edge.i - 1
    if comma <= verb.sent.start or doc[comma].text != ",":
        return None
    return (subj.left_edge.i, subj.i + 1), (verb.i, verb.i + 1), trimmed(doc, verb.sent.start, comma)

"""Phrases around a cue: the noun phrase of a head word, and the subject a subjectless cue verb shares."""

from __future__ import annotations

from spacy.tokens import Token

from .compound_subjects import compound_name_subject
from ..read import Block
from .closing import inverted_closing, subjectless_closing
from .draft import Draft, span_chars, strip_span
from .participles import denied_claim_verb, reporter_goes_on
from .quotes import closes_on_a_word
from .demonstratives import demonstrative_subject, sentence_before
from .rules import inserted_speaker

__all__ = ["borrow_subject", "light_verb_subject", "noun_phrase", "source_across_insertion"]

WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# "bulletin No. 1003", "Resolution Number 5": a number's label, never a speaker
NUMBER_LABELS = frozenset({"no", "no.", "number", "nr", "nr."})
_CLAUSAL = frozenset({"ccomp", "relcl", "acl", "advcl", "xcomp", "punct", "cc", "conj", "appos"})


def noun_phrase(head: Token) -> list[Token]:
    """The head's subtree without clauses hung on it ("Pak Chol [where the money goes]")."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in _CLAUSAL]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(t.children)
    keep.sort(key=lambda t: t.i)
    doc = head.doc
    lo, hi = keep[0].i, keep[-1].i + 1
    # spaCy cuts "Kuk-song" into three tokens and may hang "song" elsewhere: keep the word whole
    while hi < len(doc) and not doc[hi - 1].whitespace_ and (doc[hi].text == "-" or doc[hi - 1].text == "-"):
        hi += 1
    return before_weekday(list(doc[lo:hi]))


def before_weekday(tokens: list[Token]) -> list[Token]:
    """ "A spokesman for the Foreign Ministry Sunday", "Rodong Sinmun Monday in a bylined article": state media
    put the day right after the speaker, where the parse keeps it in the phrase; the speaker ends before it
    ("the Sunday Times", "the Mail on Sunday" keep theirs: no name before the day, or a name after it)."""
    for k in range(1, len(tokens)):
        t = tokens[k]
        if t.lower_ not in WEEKDAYS or tokens[k - 1].pos_ not in ("PROPN", "NOUN"):
            continue
        if k + 1 < len(tokens) and tokens[k + 1].pos_ == "PROPN" and tokens[k + 1].text[:1].isupper():
            continue
        return tokens[:k]
    return tokens


def weekday_source(text: str, block: Block, d: Draft) -> Draft:
    """A tagged source that runs on into the day ("... Foreign Ministry Sunday") ends before it."""
    if not d.source_tokens or d.source_tokens[0].doc is not block.doc or len(d.source) != 1:
        return d
    toks = before_weekday(d.source_tokens)
    if len(toks) < len(d.source_tokens):
        d.source, d.source_tokens = [span_chars(text, block.start, block.doc, toks[0].i, toks[-1].i + 1)], toks
    return d


def tidy_source(text: str, block: Block, d: Draft) -> Draft:
    """A tagged source's edges: the day after or before it, the end of a quotation before it."""
    return quote_tail_source(text, block, leading_weekday_source(text, block, weekday_source(text, block, d)))


def leading_weekday_source(text: str, block: Block, d: Draft) -> Draft:
    """ "denied on Sunday Washington's claims": the day the parse glued to the front of a possessive source is
    the denial's date, not part of the one who claims."""
    toks = d.source_tokens
    if not toks or toks[0].doc is not block.doc or len(d.source) != 1 or len(toks) < 2:
        return d
    first = toks[0]
    if first.lower_ in WEEKDAYS and first.i > 0 and block.doc[first.i - 1].lower_ == "on" and toks[1].pos_ == "PROPN":
        rest = toks[1:]
        d.source, d.source_tokens = [span_chars(text, block.start, block.doc, rest[0].i, rest[-1].i + 1)], rest
    return d


def quote_tail_source(text: str, block: Block, d: Draft) -> Draft:
    """ '"... and siphon the money back to" Pyongyang, the deputy minister said': a quotation that closes on a
    word, not on punctuation, leaves its sentence unfinished; the words up to the next comma finish it and
    belong to the content, the speaker starts after the comma."""
    toks = d.source_tokens
    if not toks or toks[0].doc is not block.doc or len(d.source) != 1:
        return d
    start = d.source[0][0]
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if not closes_on_a_word(text, k):
        return d
    comma = next((j for j, t in enumerate(toks) if t.text == ","), None)
    if comma is None or comma == 0 or comma + 1 >= len(toks):
        return d
    if any(t.ent_type_ == "PERSON" for t in toks[:comma]):
        return d  # '"... we live in" Jane Roe, the director of the centre, said': the name is the speaker
    rest = toks[comma + 1 :]
    tail_end = span_chars(text, block.start, block.doc, toks[0].i, toks[comma].i)[1]
    d.source, d.source_tokens = [span_chars(text, block.start, block.doc, rest[0].i, rest[-1].i + 1)], rest
    d.content = [(s, tail_end) if e == k + 1 else (s, e) for s, e in d.content]
    return d


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
_SHARING_DEPS = frozenset({"advcl", "xcomp", "conj"})


def _shared_subject(cue: list[Token]) -> Token | None:
    """The subject a subjectless cue verb shares with the clause it hangs on: "Trump spoke, calling ...",
    "she wants to portray ...", "he smiled and seemed to ...": the tagger labels a token once, so the
    shared subject is left to the first attribution."""
    inside = {t.i for t in cue}
    roots = [t for t in cue if t.head.i not in inside or t.head.i == t.i]
    if not roots or roots[0].pos_ not in ("VERB", "AUX"):
        return None
    t = roots[0]
    if (inserted := inserted_speaker(t)) is not None:
        return inserted
    for _ in range(4):
        if any(c.dep_ in _SUBJECT_DEPS for c in t.children):
            if t is roots[0]:
                return None
            outer = denied_claim_verb(roots[0], t)
            if outer is not None:
                t = outer  # "denied a report that X sent shells, calling it ...": the denier calls
                continue
            if not reporter_goes_on(roots[0], t):
                return next(c for c in t.children if c.dep_ in _SUBJECT_DEPS)
            t = t.head
            continue
        if t.dep_ not in _SHARING_DEPS or t.head is t:
            return None
        t = t.head
    return None


def _joined_subject(cue: list[Token]) -> Token | None:
    """ "China rejects report, says it enforces the sanctions": headlines and ledes join two verbs with a
    comma; the parser makes the first a clause of the subjectless second, and its subject speaks for both."""
    inside = {t.i for t in cue}
    verb = next((t for t in cue if t.head.i not in inside or t.head.i == t.i), None)
    if verb is None or verb.pos_ != "VERB" or verb.i < 3 or verb.doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children) or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    first = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if first is None or first.pos_ != "VERB" or first.right_edge.i not in (verb.i - 1, verb.i - 2):
        return None
    return next((c for c in first.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None)


def _described_by(cue: list[Token], speaking: frozenset[str]) -> Token | None:
    """ "a report by a panel of experts concluding Pyongyang was ...": a participle cue hung on a noun that can
    speak (a document, an official, experts: ``speaking``) says what that noun says."""
    inside = {t.i for t in cue}
    verb = next((t for t in cue if t.head.i not in inside or t.head.i == t.i), None)
    if verb is None or verb.tag_ != "VBG" or verb.dep_ != "acl" or verb.head.lemma_.lower() not in speaking:
        return None
    return verb.head


def _own_subject(cue: list[Token]) -> Token | None:
    """ "Elliptic and Chainalysis, two analysis firms, have verified that ...": an active cue verb whose
    subject the tagger left unlabelled still has that subject as its source."""
    inside = {t.i for t in cue}
    verb = next((t for t in cue if t.head.i not in inside or t.head.i == t.i), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _take_source(text: str, block: Block, d: Draft, head: Token) -> Draft:
    """The noun phrase of ``head`` becomes the draft's source, unless it overlaps the cue or the content."""
    toks = noun_phrase(head)
    span = span_chars(text, block.start, block.doc, toks[0].i, toks[-1].i + 1)
    if any(s < span[1] and span[0] < e for s, e in d.content + d.cue):
        return d
    d.source, d.source_tokens = [span], toks
    return d


def borrow_subject(text: str, block: Block, d: Draft, speaking: frozenset[str] = frozenset()) -> Draft:
    """A draft with a cue but no source takes the subject its cue verb shares (see :func:`_shared_subject`).

    So does a participle cue whose tagged source lies in the object of the clause it hangs on ("The FBI
    attributed the theft to hackers, confirming that ...": not the hackers confirm, the FBI does).
    """
    if not d.cue_tokens:
        return d
    # "as President Roe claims to ...": the name hung on the verb is its own subject, none is shared
    subject = compound_name_subject(d.cue_tokens) or _shared_subject(d.cue_tokens)
    if subject is None and not d.source:
        subject = _own_subject(d.cue_tokens)
    if subject is None and not d.source:
        # (a content that runs over the first clause keeps it: the subject would overlap it, see _take_source)
        subject = _joined_subject(d.cue_tokens) or _described_by(d.cue_tokens, speaking)
    if subject is None and not d.source:
        return _closing_source(text, block, d)
    if subject is None or subject.dep_ == "expl":
        return d
    if d.source:
        verb = subject.head
        if not d.source_tokens or not all(verb.i < t.i < d.cue_tokens[0].i for t in d.source_tokens):
            return d
        d.source, d.source_tokens = [], []
    d = _take_source(text, block, d, subject)
    # a conjoined closing verb shares no subject with the clause it reports ("X is believed to ..., a source said")
    return d if d.source else _closing_source(text, block, d)


def _closing_source(text: str, block: Block, d: Draft) -> Draft:
    """The noun phrase between the last comma and a closing cue verb left without a subject (see
    :func:`subjectless_closing`), or the subject after it ("..., say local traders.", which the tagger may
    read as the content), is the source; the clause before the comma is the content."""
    if len(d.cue_tokens) != 1:
        return d
    verb = d.cue_tokens[0]
    if (closing := subjectless_closing(block.doc, verb) or inverted_closing(block.doc, verb)) is None:
        return d
    (s0, s1), _, (c0, c1) = closing
    d.source, d.source_tokens = [span_chars(text, block.start, block.doc, s0, s1)], list(block.doc[s0:s1])
    d.content = [span_chars(text, block.start, block.doc, c0, c1)]
    return d


_RELATIVE_WORDS = frozenset({"which", "who", "whose", "whom", "where"})
# an apposition this long or with a verb in it is a clause, not a fenced description of the subject
MAX_APPOSITION = 12
MAX_INSERTION = 40
MAX_SUBJECT = 8


def _is_insertion(toks: list[Token]) -> bool:
    """ "which serves traders in 190 countries" or "the Kremlin spokesman": text fenced off between commas."""
    if not toks:
        return False
    if toks[0].lower_ in _RELATIVE_WORDS:
        return True
    return len(toks) <= MAX_APPOSITION and not any(t.pos_ in ("VERB", "AUX") for t in toks)


def _fenced_subject(cue: list[Token]) -> tuple[list[Token], tuple[int, int]] | None:
    """(subject tokens, insertion token range) for a cue right after "Subject, <insertion>,".

    The tagger reads the comma-fenced relative clause or apposition of "Kraken, which serves traders
    in 190 countries, said ..." as the end of whatever came before and leaves the cue without a source;
    the parser often hangs the subject elsewhere, so the surface commas decide.
    """
    first = min(cue, key=lambda t: t.i)
    doc, sent = first.doc, first.sent
    j = first.i - 1
    while j >= sent.start and doc[j].pos_ == "ADV":  # "..., also confirmed"
        j -= 1
    if j <= sent.start or doc[j].text != ",":
        return None
    close = j
    for k in range(close - 1, max(sent.start, close - MAX_INSERTION) - 1, -1):
        if doc[k].text != ",":
            continue
        if not _is_insertion(list(doc[k + 1 : close])):
            if doc[k + 1].lower_ in _RELATIVE_WORDS:
                return None
            continue
        m = k - 1
        while m >= sent.start and doc[m].text != ",":
            m -= 1
        subject = list(doc[m + 1 : k])
        if not 0 < len(subject) <= MAX_SUBJECT or subject[-1].pos_ == "ADP" or any(t.pos_ in ("VERB", "AUX") for t in subject):
            return None
        if not any(t.pos_ in ("PROPN", "NOUN") for t in subject) and not subject[0].text[:1].isupper():
            return None
        return subject, (k, close + 1)
    return None


def source_across_insertion(text: str, block: Block, d: Draft) -> Draft:
    """A sourceless draft whose cue follows "Subject, <relative clause or apposition>," takes that subject.

    The insertion says who the subject is; it is not what the subject said, so it leaves the content.
    """
    if d.source or not d.cue_tokens or d.cue_tokens[0].doc is not block.doc:
        return d
    found = _fenced_subject(d.cue_tokens)
    if found is None:
        return d
    toks, (lo, hi) = found
    doc = block.doc
    span = span_chars(text, block.start, doc, toks[0].i, toks[-1].i + 1)
    if any(s < span[1] and span[0] < e for s, e in d.content + d.cue):
        return d
    fence = (block.start + doc[lo].idx, block.start + doc[hi - 1].idx + len(doc[hi - 1].text))
    kept = [(s, e) for s, e in d.content if not (fence[0] <= s and e <= fence[1])]
    if not kept:
        return d
    d.source, d.source_tokens, d.content = [span], toks, kept
    return d


def _addressee_ids(verb: Token) -> set[int]:
    """Token ids of whom the verb addresses: "sends [the regime] a warning", "sends a warning [to the regime]"."""
    ids: set[int] = set()
    for c in verb.children:
        if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to"):
            ids |= {t.i for t in c.subtree}
    return ids


def past_number_label(subj: Token | None) -> Token | None:
    """ "The Secretariat ... in its information bulletin No. 1003 on Friday said": the parse makes the issue
    number the subject and leaves the body that speaks as a fragment before it (or cuts the sentence there);
    the fragment's head is the speaker."""
    if subj is None or not (subj.lower_ in NUMBER_LABELS and any(t.like_num for t in subj.subtree) or subj.like_num):
        return subj
    sent = subj.sent
    scope = list(sent)
    if subj.left_edge.i == sent.start and sent.start > 0 and not subj.doc[sent.start - 1].is_punct:
        scope = list(subj.doc[sent.start - 1].sent) + scope
    before = [t for t in scope if t.i < subj.i and t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")]
    return before[0] if before else subj


def number_label_source(text: str, block: Block, d: Draft) -> Draft:
    """A source that is only an issue number ("No. 1003") gives way to the body the number belongs to."""
    if not d.source_tokens or d.source_tokens[0].doc is not block.doc:
        return d
    head = next((t for t in d.source_tokens if t.head.i not in {x.i for x in d.source_tokens} or t.head.i == t.i), None)
    found = past_number_label(head)
    if found is None or found is head:
        return d
    return _take_source(text, block, d, found)


def light_verb_subject(text: str, block: Block, d: Draft, light_verbs: frozenset[str]) -> Draft:
    """A noun cue a light verb hands over ("it also sends to the regime a stern warning that ...") is
    the subject's: the source is the verb's subject, never the addressee the tagger may have taken."""
    if not d.cue_tokens or d.cue_tokens[0].doc is not block.doc:
        return d
    inside = {t.i for t in d.cue_tokens}
    noun = next((t for t in d.cue_tokens if t.pos_ == "NOUN" and t.head.i not in inside), None)
    if noun is None or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in light_verbs:
        return d
    verb = noun.head
    if d.source_tokens and not all(t.i in _addressee_ids(verb) for t in d.source_tokens):
        return d
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return d
    return _take_source(text, block, d, subj)


# "charged by prosecutors with laundering ...", "accused by the panel of shipping ...": the charge a passive report
# names after its agent
_CHARGE_PREPS = frozenset({"with", "of", "for"})


def _add_charge(text: str, block: Block, d: Draft, verb: Token) -> None:
    """The charge belongs with the charged: "Two brokers were charged by prosecutors [with laundering $5 million]"."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in _CHARGE_PREPS or c.i < verb.i or not any(g.dep_ in ("pcomp", "pobj") for g in c.children):
            continue
        span = span_chars(text, block.start, block.doc, c.left_edge.i, c.right_edge.i + 1)
        if d.content and not any(s < span[1] and span[0] < e for s, e in d.content) and not any(s < span[1] and span[0] < e for s, e in d.source):
            d.content = sorted(d.content + [span])


def passive_agent(text: str, block: Block, d: Draft) -> Draft:
    """A passive cue takes its "by" phrase as the source: "the claim was denied by Pyongyang", "X was
    accused by prosecutors of fraud" (where the tagger runs the source on into the "of" phrase)."""
    d = _passive_agent(text, block, d)
    verb = next((t for t in d.cue_tokens if t.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in t.children)), None)
    if verb is not None and d.cue_tokens[0].doc is block.doc and any(c.dep_ == "agent" for c in verb.children):
        _add_charge(text, block, d, verb)
    return d


def _passive_agent(text: str, block: Block, d: Draft) -> Draft:
    if not d.cue_tokens or d.cue_tokens[0].doc is not block.doc:
        return d
    verb = next((t for t in d.cue_tokens if t.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in t.children)), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None) if verb is not None else None
    obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if obj is None or verb is None:
        return d
    # "by prosecutors [of having falsified ...]": a gerund "of" phrase is the charge, not part of the agent
    charge = {t.i for c in obj.children if c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children) for t in c.subtree}
    toks = [t for t in noun_phrase(obj) if t.i not in charge]
    toks = toks[: next((k for k in range(1, len(toks)) if toks[k].i != toks[k - 1].i + 1), len(toks))]
    span = span_chars(text, block.start, block.doc, toks[0].i, toks[-1].i + 1)
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    # "It was confirmed by the coast guard that ...": what was confirmed is the clause the "it" stands for
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > obj.i), None) if subj is not None and subj.lower_ == "it" else None
    # "This was announced by the ministry": what was announced is the sentence before, which "this" points to
    back = sentence_before(verb) if clause is None and demonstrative_subject(verb) is not None else None
    if back is not None:
        this = span_chars(text, block.start, block.doc, verb.doc[back[1] - 1].i + 1, verb.i)
        here = span_chars(text, block.start, block.doc, *back)
        d.content = [(s, e) for s, e in d.content if not (this[0] <= s and e <= this[1])] + [here]
        d.content = sorted(set(d.content))
    if clause is not None and subj is not None:
        it = span_chars(text, block.start, block.doc, subj.i, subj.i + 1)
        d.content = [(s, e) for s, e in d.content if not (it[0] <= s and e <= it[1])] or [
            span_chars(text, block.start, block.doc, clause.left_edge.i, clause.right_edge.i + 1)
        ]
    if d.source:
        if subj is not None and d.source_tokens and {t.i for t in d.source_tokens} <= {t.i for t in subj.subtree}:
            # "The accusations were denied by the embassy": the tagger took what was denied for who denied it
            what_of = clause if clause is not None else subj
            what = span_chars(text, block.start, block.doc, what_of.left_edge.i, what_of.right_edge.i + 1)
            d.source, d.source_tokens, d.content = [span], toks, [what]
            return d
        return _trim_agent_source(text, d, span, toks)
    if any(s < span[1] and span[0] < e for s, e in d.cue):
        return d
    # the tagger may have run the content over the agent ("was accused by [the FBI of having ...]"):
    # the agent is who speaks, so it leaves the content
    content = []
    for s, e in d.content:
        for lo, hi in ((s, min(e, span[0])), (max(s, span[1]), e)) if s < span[1] and span[0] < e else ((s, e),):
            lo, hi = strip_span(text, lo, hi, " ,\n\t")
            if hi > lo:
                content.append((lo, hi))
    if not content:
        return d
    d.content = content
    d.source, d.source_tokens = [span], toks
    return d


def _trim_agent_source(text: str, d: Draft, span: tuple[int, int], toks: list[Token]) -> Draft:
    """A source that holds the agent and runs past it ("prosecutors of having falsified ...") is cut back
    to the agent; what followed it is content."""
    if len(d.source) != 1 or not d.source[0][0] <= span[0] < d.source[0][1] or d.source[0][1] <= span[1]:
        return d
    rest = text[span[1] : d.source[0][1]]
    lead = len(rest) - len(rest.lstrip(" ,"))
    words = rest.split()
    if not words or words[0].lower() != "of":
        return d
    tail = strip_span(text, span[1] + lead + len("of"), d.source[0][1], " ,\n\t")
    if tail[1] > tail[0] and not any(s < tail[1] and tail[0] < e for s, e in d.content):
        d.content = sorted(d.content + [tail])
    d.source, d.source_tokens = [(d.source[0][0], span[1])] if d.source[0][0] < span[0] else [span], toks
    return d


_INVERTED_CONDITIONAL = frozenset({"should", "had", "were"})


def inverted_conditional(text: str, block: Block, d: Draft) -> Draft:
    """ "cautioned that should the sailors be used, they would be targets": the parser takes the fronted
    condition for the whole clause and hangs the cue under the consequence; the content runs on to the
    end of the sentence."""
    if not d.content or not d.cue_tokens or d.cue_tokens[0].doc is not block.doc:
        return d
    start, end = min(d.content)
    words = text[start:end].split()
    if len(words) < 3 or words[0].lower() != "that" or words[1].lower() not in _INVERTED_CONDITIONAL:
        return d
    sent = d.cue_tokens[-1].sent
    last = sent[-1] if not sent[-1].is_punct or len(sent) == 1 else sent[-2]
    stop = block.start + last.idx + len(last.text)
    if stop <= end or any(s < stop and end < e for s, e in d.cue + d.source):
        return d
    d.content = [(s, e) for s, e in d.content if (s, e) != (start, end)] + [(start, stop)]
    d.content.sort()
    return d


_RELATIVE_OBJECTS = frozenset({"which", "that", "whom", "who"})
_NOUN_LINKS = frozenset({"of", "on", "against", "from"})


def relative_object(text: str, block: Block, d: Draft) -> Draft:
    """ "the hacking of the studio, which Washington blamed on Pyongyang": what a cue inside a relative clause
    is about is the noun the clause hangs on, not the relative pronoun standing for it."""
    if not d.cue_tokens or d.cue_tokens[0].doc is not block.doc or not d.content:
        return d
    verb = next((t for t in d.cue_tokens if t.dep_ == "relcl" and t.pos_ == "VERB"), None)
    pronoun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _RELATIVE_OBJECTS and c.i < verb.i), None) if verb is not None else None
    if verb is None or pronoun is None:
        return d
    doc = block.doc
    noun = verb.head
    # the parser hangs the clause on the nearest noun: "the attack on the bank, which ..." is about the attack
    for _ in range(3):
        if noun.dep_ == "pobj" and noun.head.lower_ in _NOUN_LINKS and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
    end = verb.left_edge.i
    while end > noun.left_edge.i and doc[end - 1].is_punct:
        end -= 1
    if end <= noun.left_edge.i:
        return d
    what = span_chars(text, block.start, doc, noun.left_edge.i, end)
    said = span_chars(text, block.start, doc, pronoun.i, pronoun.i + 1)
    d.content = sorted({p for p in d.content if p != said} | {what})
    return d

"""Speakers named after what they said: "Talks stalled, the ministry added.", "..., the spy agency here claimed
Wednesday.", "The ambassador said, it is time to act.", "..., the ministry was quoted as saying.", "..., say local traders."

Each rule returns (source, cue, content) token ranges [start, end) of one block, like those of ``rules``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .rules import quoted_as_saying, trimmed


def postposed_quoted(doc: Doc, verb: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "Talks stalled, the ministry was quoted as saying.": the passive report closing its sentence.

    The parser joins such a tail to the clause before it as a conjunct, so the order of the tokens
    decides: the clause, a comma, a noun phrase with no verb, "was quoted as saying", the full stop.
    """
    said_end = quoted_as_saying(doc, verb)
    if said_end is None or verb.i < 2 or doc[verb.i - 1].pos_ != "AUX":
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[said_end : verb.sent.end]):
        return None
    i = verb.i - 2
    while i > verb.sent.start and doc[i].text != ",":
        if doc[i].pos_ in ("VERB", "AUX"):
            return None
        i -= 1
    if doc[i].text != ",":
        return None
    src = trimmed(doc, i + 1, verb.i - 1)
    if src[1] < verb.i - 1 and doc[src[1]].text == ")" and any(doc[k].text == "(" for k in range(*src)):
        src = (src[0], src[1] + 1)  # keep the abbreviation's closing parenthesis: "the Agency (DIA)"
    content = trimmed(doc, verb.sent.start, i)
    if src[1] <= src[0] or content[1] - content[0] < 3 or not any(doc[k].pos_ in ("PROPN", "NOUN") for k in range(*src)):
        return None
    return src, (verb.i - 1, said_end), content


def postposed_rule(doc: Doc, verb: Token, end: int | None = None) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "Talks stalled, the ministry added.": a speech verb closing its sentence after its subject.

    The clause before the comma is the content, even when the tagger has already read an
    attribution inside it ("X declined a request, the BBC added": the BBC reports X's refusal).
    ``end`` bounds the sentence for a nested reading: in "Talks stalled, the ministry said at a
    news conference, according to an aide" the outer phrase past ``end`` is no part of the tail.
    """
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    comp = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < (subj.i if subj is not None else verb.i)), None)
    # a closing "it" is the organisation spoken of before ("..., it further said"), never an expletive
    if subj is None or comp is None or subj.lower_ == "there":
        return None
    stop = verb.sent.end if end is None else min(end, verb.sent.end)
    going_on = _participle_tail(doc, verb.i + 1, stop)  # "..., the paper reported on Friday, citing officials."
    rest = [t for t in doc[verb.i + 1 : stop] if not t.is_punct and not t.is_space and t.i not in going_on]
    words = [t for t in rest if t.pos_ not in ("ADP", "DET")]
    if any(t.pos_ not in ("ADV", "NOUN", "PROPN", "NUM", "ADP", "DET") for t in rest) or len(words) > 3:
        return None  # only a date, place or occasion may follow the verb ("..., the agency said at a news conference on Friday.")
    src = trimmed(doc, subj.left_edge.i, subj.right_edge.i + 1)
    content = trimmed(doc, comp.left_edge.i, comp.right_edge.i + 1)
    if content[1] <= content[0] or src[1] <= src[0] or content[1] > src[0]:
        return None
    return src, (verb.i, verb.i + 1), content


def comma_clause_rule(doc: Doc, verb: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "The ambassador said, it is time to act.": a comma between the speech verb and what it reports
    (common in translated and non-native copy) makes the parser read the report as the root and the
    speech verb as its parataxis; the clause after the comma is the content."""
    if verb.dep_ != "parataxis" or verb.pos_ != "VERB" or verb.head.i <= verb.i:
        return None
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].text != ",":
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects or subjects[0].lower_ in ("it", "there") or any(c.i > verb.i and not c.is_punct for c in verb.children):
        return None
    src = trimmed(doc, min(c.left_edge.i for c in subjects), max(c.right_edge.i for c in subjects) + 1)
    content = trimmed(doc, verb.i + 2, verb.sent.end)
    if content[1] <= content[0] or src[1] <= src[0]:
        return None
    return src, (verb.i, verb.i + 1), content


def split_start(verb: Token) -> int:
    """Where the verb's sentence starts, read past a split the parser made at the comma before a closing
    source: in "Ships carry coal, a key export covered by sanctions, Wong said." a long apposition may
    leave ", Wong said." a sentence of its own, whose comma shows it goes on with the one before."""
    sent = verb.sent
    if sent.start > 0 and verb.doc[sent.start].text == ",":
        return verb.doc[sent.start - 1].sent.start
    return sent.start


# words a closing source phrase is made of ("the National Intelligence Service here", "Seoul's spy agency")
_SOURCE_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "PART", "NUM"})
_PLACE_ADVERBS = frozenset({"here", "there"})
# ("a source familiar with the matter", "an official close to the talks", "a diplomat in Seoul")
_SOURCE_PREPOSITIONS = frozenset({"of", "for", "at", "with", "to", "in", "about"})


# "..., the agency announced at a closed briefing for lawmakers": an occasion phrase this long may follow the verb
MAX_OCCASION = 8


def _source_word(t: Token) -> bool:
    """A word of a closing source phrase: "the spy agency", "one of its envoys", "a spokesman for the ministry"."""
    # (a hyphen inside a name: "the Dong-A Ilbo")
    return (t.pos_ in _SOURCE_POS or t.dep_ == "poss" or (t.pos_ == "ADP" and t.lower_ in _SOURCE_PREPOSITIONS)
            or (t.text == "-" and t.ent_iob_ == "I"))


def postposed_surface(doc: Doc, verb: Token, end: int | None = None) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "X sent shells to Y since August, the spy agency here claimed Wednesday.": the closing source read
    from the words alone, where the parser has hung the source on the content (an apposition of its last
    noun) and the verb under the content's verb.  The verb ends its sentence but for a date or place; the
    words between the last comma and the verb are one noun phrase; the content runs from the sentence
    start to that comma.
    """
    sent = verb.sent
    start = split_start(verb)
    stop = sent.end if end is None else min(end, sent.end)
    # "..., an envoy said Monday, dismissing the claims": a participle sharing the subject is a cue of its own
    going_on = {t.i for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i for t in c.subtree}
    if verb.dep_ == "parataxis" and verb.head.tag_ == "VBG" and verb.head.i > verb.i:
        # "..., the source said, further speculating that ...": the parser hung the verb under the participle
        going_on |= {t.i for t in verb.head.subtree if t.i > verb.i}
    # "..., a newspaper reported on Friday, citing officials": the parser may hang the participle on the content's verb
    going_on |= _participle_tail(doc, verb.i + 1, stop)
    rest = [t for t in doc[verb.i + 1 : stop] if not t.is_punct and not t.is_space and t.i not in going_on]
    if len(rest) > 3 or any(t.pos_ not in ("NOUN", "PROPN", "NUM", "ADP", "DET") for t in rest):
        # or the verb's own prepositional phrases, the occasion of the statement
        occasion = {t.i for c in verb.children if c.dep_ == "prep" and c.i > verb.i for t in c.subtree}
        if len(rest) > MAX_OCCASION or not all(t.i in occasion for t in rest):
            return None
    comma = next((k for k in range(verb.i - 1, max(start, verb.i - 10) - 1, -1) if doc[k].text == ","), None)
    if comma == verb.i - 1:
        # "..., another company, Elliptic, said": the comma before the verb closes an apposition; the source
        # is the verb's subject, and the comma before it ends the content
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.right_edge.i >= verb.i - 2), None)
        if subj is not None and subj.left_edge.i > start and doc[subj.left_edge.i - 1].text == ",":
            comma = subj.left_edge.i - 1
    if comma is None or comma - start < 4:
        return None
    # (an acronym in parentheses belongs to the name: "..., the Department of Justice (DOJ) said")
    words = [t for t in doc[comma + 1 : verb.i]
             if t.lower_ not in _PLACE_ADVERBS and not (t.text == "," and t.i > comma + 1) and t.text not in "()"]
    if not words or not all(_source_word(t) for t in words) or not any(t.pos_ in ("NOUN", "PROPN") for t in words):
        return None
    if words[0].pos_ == "DET" and words[0].lower_ not in ("the", "a", "an", "another"):
        return None  # "..., this said" is no source phrase
    src = trimmed(doc, words[0].i, words[-1].i + 1)
    if src[1] < verb.i and doc[src[1]].text == ")" and any(t.text == "(" for t in doc[src[0] : src[1]]):
        src = (src[0], src[1] + 1)
    content = trimmed(doc, start, comma)
    if content[1] - content[0] < 4 or src[1] <= src[0]:
        return None
    return src, (verb.i, verb.i + 1), content


def _participle_tail(doc: Doc, start: int, stop: int) -> set[int]:
    """The tokens of a participle clause set off by a comma in ``doc[start:stop]`` (", citing officials", ", saying
    ..."), whatever the parser hung it on; scraped copy drops the comma ("the paper reports citing the Journal")."""
    if start < stop and doc[start].tag_ == "VBG" and doc[start].dep_ in ("advcl", "xcomp", "acl"):
        return {t.i for t in doc[start].subtree if t.i >= start}
    for k in range(start, stop - 1):
        part = doc[k + 1]
        if doc[k].text == "," and part.tag_ == "VBG" and part.dep_ in ("advcl", "xcomp", "conj", "acl"):
            return {t.i for t in part.subtree if t.i > k}
    return set()


# the words of a closing source the parser read as a noun compound: "the paper", "the Foreign Ministry's answer"
_COMPOUND_SOURCE_POS = frozenset({"NOUN", "PROPN", "ADJ", "PART"})


def misread_closing_verb(doc: Doc, tok: Token, cue_lemmas) -> list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]]:
    """ "X is a despicable act, the paper notes, and goes on: ...": the parser reads "paper notes" as a
    noun compound, so no verb closes the sentence. A plural noun whose lemma is a speech verb, after a
    comma and a short definite noun phrase, ending the clause, is that verb; the clause before the comma is
    what was said (a colon after "and goes on" then hands the paragraphs below to the same speaker: statements)."""
    if tok.tag_ != "NNS" or not tok.lower_.endswith("s") or tok.lemma_.lower() not in cue_lemmas:
        return []
    sent = tok.sent
    comma = next((k for k in range(tok.i - 1, max(sent.start, tok.i - 5) - 1, -1) if doc[k].text == ","), None)
    if comma is None or comma - sent.start < 4:
        return []
    words = list(doc[comma + 1 : tok.i])
    if not 2 <= len(words) <= 4 or words[0].lower_ not in ("the", "this") or not all(t.pos_ in _COMPOUND_SOURCE_POS or t.dep_ == "poss" for t in words[1:]):
        return []
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and after.text not in (",", ".", ":") and not after.is_space:
        return []
    return [(trimmed(doc, comma + 1, tok.i), (tok.i, tok.i + 1), trimmed(doc, sent.start, comma))]


def subjectless_closing(doc: Doc, verb: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """(source, cue, content) for a closing speech verb left without a subject because the parser took the
    source into the content ("... wire fraud, money laundering and identity theft, the Department of Justice
    said": the department read as the list's last item)."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return postposed_surface(doc, verb)


def inverted_closing(doc: Doc, verb: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "Workers are back at the border, some idle and others waiting, say local traders.": a speech verb after
    a comma, its subject after it, closing the sentence; everything before the comma is what was said."""
    if verb.pos_ != "VERB" or verb.i < 1 or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)
    if subj is None or subj.left_edge.i != verb.i + 1:
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[subj.right_edge.i + 1 : verb.sent.end]):
        return None
    start = split_start(verb)
    content = trimmed(doc, start, verb.i - 1)
    if content[1] - content[0] < 4:
        return None
    return (subj.left_edge.i, subj.right_edge.i + 1), (verb.i, verb.i + 1), content

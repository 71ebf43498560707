"""What a source word goes back to when the words around it say so: a subject pronoun ("Seven nurses met
reporters. They claimed ...", "The monitors did not name the state, but they said ...", "Excerpts of a UN report
were published. It shows ...", "Kim Jong-nam, the half-brother of leader Kim Jong Un, died ... he said ..."), a
headline's bare subject noun ("Diplomat slams ...": the person the lede names), a relative pronoun ("President
Roe, who said ..."), a document's author ("a statement by X"); and the tense of a cue, which keeps an interview's
speakers apart."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span, Token

_PLURAL_NOUNS = frozenset({"NNS", "NNPS"})
_SUBJECTS = ("nsubj", "nsubjpass")


def _plural_subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i and c.tag_ in _PLURAL_NOUNS and c.pos_ == "NOUN"]


def sentence_before(pronoun: Token, blocks: Sequence[tuple[int, Doc]], base: int) -> Span | None:
    """The sentence before the pronoun's: in its own block, else the last of the block before (a paragraph of its
    own, or the same paragraph cut at a sentence end for its length)."""
    sent = pronoun.sent
    if sent.start > 0:
        return pronoun.doc[sent.start - 1].sent
    earlier = [(start, doc) for start, doc in blocks if start < base and len(doc)]
    if not earlier:
        return None
    doc = max(earlier, key=lambda b: b[0])[1]
    return doc[len(doc) - 1].sent


def plural_subject_before(pronoun: Token, before: Span | None) -> Token | None:
    """The plural common-noun subject of the clause a subject "they" is joined to ("The monitors did not name
    the state, but they claimed ..."), else of the sentence before it in the same paragraph."""
    if pronoun.dep_ not in _SUBJECTS:
        return None
    verb = pronoun.head
    if verb.dep_ == "conj" and verb.head.i < pronoun.i and (groups := _plural_subjects(verb.head)):
        return groups[-1]
    if before is None:
        return None
    # the parser may give the root a second subject: a dateline's place ("SEOUL (AP) - The officials said"), a
    # place at the end of a long subject ("Nurses from a clinic in Dandong, China met ...")
    groups = _plural_subjects(before.root)
    return groups[-1] if groups else None


def document_subject_before(pronoun: Token, documents: frozenset[str], before: Span | None) -> Token | None:
    """A document that is the subject of the sentence before a subject "it" ("The report was published in
    May.", "Excerpts from a UN report were published."): the document, not the last speaker, goes on."""
    if pronoun.dep_ not in _SUBJECTS or pronoun.lower_ != "it" or before is None:
        return None
    for subj in (c for c in before.root.children if c.dep_ in _SUBJECTS and c.i < before.root.i):
        if subj.lemma_.lower() in documents:
            return subj
        # "excerpts from / a copy of the report": the part stands for the document
        for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
            paper = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in documents), None)
            if paper is not None:
                return paper
    return None


def subject_before(pronoun: Token, before: Span | None) -> Token | None:
    """The subject of the sentence before a subject pronoun ("Kim Jong-nam, the half-brother of leader Kim Jong Un,
    died ... Before his death, he said ...": Kim Jong-nam)."""
    if pronoun.dep_ not in _SUBJECTS or before is None:
        return None
    return next((c for c in before.root.children if c.dep_ in _SUBJECTS and c.i < before.root.i), None)


def headline_noun(head: Token) -> bool:
    """ "Diplomat slams new sanctions": a headline drops the article of a singular noun opening it; the person is
    the one the lede names, not someone new (a bare singular noun opens no sentence of running text)."""
    return (head.tag_ == "NN" and head.left_edge.i == head.sent.start and head.left_edge.is_title
            and head.left_edge.lower_ not in _QUANTIFIERS and not any(c.dep_ in ("det", "predet") for c in head.children))


_QUANTIFIERS = frozenset({"such", "another", "other", "every", "each", "no", "any", "some", "this", "that"})


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def relative_antecedent(head: Token) -> Token:
    """ "President Roe, who said earlier that ...": a relative pronoun speaks for the noun its clause hangs
    on ("those" in "those who ...", which names no one), not for the last speaker of the discourse."""
    clause = head.head
    if head.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN", "PRON", "DET"):
        return clause.head
    return head


def cue_tense(cue: Sequence[Token]) -> str | None:
    """"present" for "says", "past" for "said"/"declared"; None where the cue has no finite verb."""
    for t in cue:
        if t.tag_ in ("VBZ", "VBP"):
            return "present"
        if t.tag_ == "VBD":
            return "past"
    return None


def document_author(head: Token, makers: frozenset[str] = frozenset()) -> Token | None:
    """ "a statement by X" / "X's report" / "an investigation released by X": the author of a document noun."""
    for c in head.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
        # a participle of making hung on the noun names its maker as the passive's agent ("a report published by
        # X", "a study conducted by X"; "a report seen by X" names a reader)
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in makers:
            for a in c.children:
                if a.dep_ == "agent":
                    return next((g for g in a.children if g.dep_ == "pobj"), None)
    # the object of a verb of making has its maker as the verb's subject ("X issued a note, which says ...")
    if head.dep_ == "dobj" and head.head.lemma_.lower() in makers:
        return next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    return None

"""Lemma repair for plurals the model does not know.

spaCy's rule lemmatizer tries its suffix rules in order and, for a word in none
of its tables, keeps the first candidate: an unknown plural in "-ies" loses its
"s" only ("cryptocurrencies" -> "cryptocurrencie").  Every lexicon lists the
singular, so the commonest plural of the field matched nothing ("the theft of
cryptocurrencies" was no theft).  A component after the lemmatizer gives such a
noun its "-y" singular; a plural whose "-ie" singular the tables know ("movies",
"cookies") keeps it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "sanctionwatch_lemma_repair"
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def add_lemma_repair(nlp: Language) -> Language:
    """Install the repair after the lemmatizer (once); a pipeline without one is left as it is."""
    if COMPONENT not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="lemmatizer")
    return nlp


def known_singulars(nlp: Language) -> frozenset[str]:
    """The nouns the lemmatizer's index knows (empty where the pipeline has no such table)."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


def ies_singular(lower: str, lemma: str, known: frozenset[str]) -> str | None:
    """The "-y" singular of an unknown "-ies" plural the lemmatizer cut to "-ie"; None when the lemma stands."""
    if len(lower) > 4 and lower.endswith("ies") and lemma == lower[:-1] and lemma not in known:
        return lower[:-3] + "y"
    return None


class LemmaRepair:
    def __init__(self, known: frozenset[str]):
        self.known = known

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if tok.tag_ in _PLURAL_TAGS:
                singular = ies_singular(tok.lower_, tok.lemma_.lower(), self.known)
                if singular is not None:
                    tok.lemma_ = singular
        return doc


@Language.factory(COMPONENT)
def make_lemma_repair(nlp: Language, name: str) -> LemmaRepair:
    return LemmaRepair(known_singulars(nlp))

"""When a trigger word names no event: a phrasal verb or a describing participle, a noun modifier that names a kind
of thing, a word inside the name of a treaty or a facility; and when a word the parser read as a noun is a verb."""

from __future__ import annotations

from spacy.tokens import Token

from .taxonomy import Taxonomy


def other_sense(tok: Token, lemma: str, tax: Taxonomy) -> bool:
    """A phrasal verb ("carried out a transfer") or a describing participle ("ships carrying coal")."""
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and lemma in tax.modality.get("descriptive_participles", frozenset()):
        return True
    phrasal = tax.modality.get("phrasal_senses", frozenset())
    return any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in phrasal for c in tok.children)


def names_a_thing(tok: Token, tax: Taxonomy) -> bool:
    """A one-word trigger that modifies a noun names a kind of thing, not an occurrence: "launching
    bases", "the firing range", "the ore-transport plan" (a noun that is itself a trigger or a measure
    stays: "missile test launch", "a smuggling shipment")."""
    if tok.dep_ not in ("compound", "amod") or tok.head.i == tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.pos_ == "PROPN" and tok.is_title and tok.head.is_title and tok.i > tok.sent.start:
        return False  # a headline's verb the tagger read as a name ("Russia, China Veto UN Sanctions")
    head, lower = tok.head.lemma_.lower(), tok.head.lower_
    if head in tax.by_lemma or head in tax.measures:
        return False
    # a misparsed verb before its object ("test-fired cruise missiles", "help the North launch satellites")
    rules = tax.by_lemma.get(tok.lemma_.lower(), ())
    return not any(r.context is not None and (head in r.context or lower in r.context) for r in rules)


_TITLE_LABELS = frozenset({"ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT"})


def in_a_title(tok: Token, tax: Taxonomy) -> bool:
    """A capitalised word inside the name of a treaty or law ("the Convention on Registration of Objects
    Launched into Outer Space", "the Nuclear-Test-Ban Treaty") names the text, not an occurrence; inside the
    name of a facility ("the Sohae Satellite Launch Center") it names the place."""
    if not tok.text[:1].isupper() or tok.i == tok.sent.start or tok.ent_type_ not in _TITLE_LABELS:
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    titles = tax.modality.get("title_nouns", frozenset()) | tax.modality.get("facility_nouns", frozenset())
    return ent is not None and any(t.lemma_.lower() in titles and t.text[:1].isupper() for t in ent)


def helped_verb(tok: Token) -> bool:
    """ "helped procure luxury goods", "for helping supply goods": the bare infinitive after "help", which the
    parser often reads as a noun (a compound of the goods, or the head of the phrase); it is the verb."""
    return (tok.pos_ == "NOUN" and tok.i > tok.sent.start and tok.doc[tok.i - 1].lemma_.lower() == "help"
            and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children))

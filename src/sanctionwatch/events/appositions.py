"""A participant named in apposition: "inspected the Hong Kong vessel, Lighthouse Winmore, ...", "transferred
the oil to a North Korean ship, the Sam Jong 2". The descriptive noun phrase is the argument the tree gives;
the name set off after it is the same participant, in the same role."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Argument
from .argument_spans import ArgumentContext, argument_at

# roles whose participant may be a named thing described first ("the tanker X", "a firm, Y"); an agent's own
# apposition is read with it (events.arguments), and a causer's object ("had his uncle X executed") is no agent
_NAMED_ROLES = frozenset({"target", "recipient", "partner", "destination", "origin"})


def argument_head(sent: Span, base: int, a: Argument) -> Token | None:
    """The root token of the argument's span."""
    span = sent.doc.char_span(a.start - base, a.end - base, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _name(tok: Token) -> bool:
    """A name: a proper noun, or a noun whose compounds are proper nouns ("the Sam Jong 2")."""
    return tok.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def _set_off_name(sent: Span, base: int, a: Argument) -> list[Token]:
    """A name set off by a comma right after the phrase, which the parser hung elsewhere ("to a North Korean ship,
    the Sam Jong 2, and ...": "Jong" read as an adverbial of the verb)."""
    span = sent.doc.char_span(a.start - base, a.end - base, alignment_mode="expand")
    if span is None or span.end + 1 >= sent.end:
        return []
    # (or right after it: "hacked the Japanese exchange Coincheck", the name read as an adverbial too)
    comma = sent.doc[span.end].text == ","
    tok = sent.doc[span.end + 1] if comma else sent.doc[span.end]
    tok = tok.nbor() if tok.dep_ == "det" and tok.i + 1 < sent.end else tok
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    deps = ("npadvmod", "appos") if comma else ("npadvmod", "appos", "dobj")  # ("hacked the exchange Bithumb")
    return [tok] if (tok.pos_ == "PROPN" and tok.dep_ in deps and tok.head.i != span.root.i
                     and tok.ent_type_ not in ("DATE", "TIME")) else []  # ("seized the tanker Monday")


def with_named_appositions(ctx: ArgumentContext, sent: Span, args: list[Argument]) -> list[Argument]:
    """``args`` and, for each participant described by a noun phrase, the name in apposition to it."""
    have = {(a.start, a.end) for a in args}
    extra = []
    for a in args:
        if a.role not in _NAMED_ROLES:
            continue
        head = argument_head(sent, ctx.base, a)
        if head is None or head.pos_ != "NOUN":
            continue
        for ap in [*(c for c in head.children if c.dep_ == "appos" and _name(c)), *_set_off_name(sent, ctx.base, a)]:
            named = argument_at(ctx, a.role, ap)
            if (named.start, named.end) not in have and not (a.start <= named.start and named.end <= a.end):
                have.add((named.start, named.end))
                extra.append(named)
    return args + extra

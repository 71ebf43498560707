"""A short name the text defines in quotation marks after a name: "Example Network Technology Co., Ltd. (“Example
Star”)", "the Office of Foreign Assets Control (“OFAC”)", "Example Trading LLC (the “Company”)" is not taken.

Law firms' client alerts, court filings and press releases define a short name this way and then use only it.  The
short name is the named actor wherever it stands, even where a word in it names someone else on its own ("China" in
a company's short name "China Star"): the mentions inside it give way.  Only a capitalised short name of up to six
words counts; a generic defined term ("the Company", "the Act") names a role in the document, not an actor.
"""

from __future__ import annotations

import re

from ..model import Mention
from .groups import Groups

__all__ = ["add_defined_terms"]

# "(“Example Star”)", "(the "Example Star")", "(hereinafter “Example Star”)", right after the name
_DEFINED = re.compile(
    r"[ \t]*\([ \t]*(?:(?:hereinafter|hereafter)(?:[ \t]+(?:referred[ \t]+to[ \t]+as|called))?[ \t]*,?[ \t]+)?"
    r"(?:the[ \t]+)?[“\"](?P<name>[A-Z][\w’'&.-]*(?:[ \t]+[A-Z0-9][\w’'&.-]*){0,5})[”\"][ \t]*\)"
)
# defined terms that name a part the actor plays in the document, not the actor
_GENERIC = frozenset({"company", "companies", "act", "agreement", "bank", "group", "firm", "entity", "entities",
                      "parties", "party", "designees", "order", "rule", "regulations", "guidance", "advisory"})


def add_defined_terms(groups: Groups, text: str) -> None:
    """Every use of a quoted short name defined right after an actor's mention becomes that actor's mention."""
    for g in list(groups.by_id.values()):
        for m in list(g.mentions):
            found = _DEFINED.match(text, m.end)
            if found is None or found.group("name").lower() in _GENERIC or found.group("name") == m.text:
                continue
            short = found.group("name")
            for hit in re.finditer(rf"(?<![\w’'-]){re.escape(short)}(?![\w-])", text):
                _claim(groups, g.id, hit.start(), hit.end(), short, m.label)


def _claim(groups: Groups, owner: str, start: int, end: int, short: str, label: str) -> None:
    """The span [start, end) is the owner's: other actors' mentions inside it go, a longer one keeps it."""
    for h in groups.by_id.values():
        if any(x.start < start and end <= x.end or x.start <= start and end < x.end for x in h.mentions):
            return  # part of a longer name ("the Example Star Group")
    for h in list(groups.by_id.values()):
        if h.id != owner:
            h.mentions = [x for x in h.mentions if not (start <= x.start and x.end <= end)]
            if not h.mentions:
                del groups.by_id[h.id]
    group = groups.by_id[owner]
    if not any(x.start == start and x.end == end for x in group.mentions):
        group.mentions.append(Mention(start, end, short, label))

"""A person's name at the end of a long title, where the NER took it for part of the title or missed it:
"Acting Under Secretary of the Treasury for Terrorism and Financial Intelligence Jane Roe said".

The title must hold one of the table's ``role_nouns`` ("Secretary", "Minister", "Director"), the name is the
two capitalised words right before a verb of saying (three where the first is a Korean surname: "Vice
Minister Kim Son Gyong said"), and no actor of the document covers any of it already.  A name that ends in
an organisation's head word ("Trade Association") is an organisation, not a person.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Mention
from ..timex_lexicon import day_and_month_names
from .groups import Groups, absorb, contains, name_tokens
from .scan import NerSpan
from .surnames import korean_surname

_SAYING = r"(?:said|says|told|stated|added|noted|warned|announced|explained|wrote|stressed|declared|insisted)"
_FUNCTION = frozenset({"of", "for", "and", "the", "on", "in", "to", "at"})


@lru_cache(maxsize=4)
def _run_before_saying() -> re.Pattern[str]:
    # a run of capitalised words (and the function words of titles) that ends right before the verb
    word = r"(?:[A-Z][\w’'.-]*|of|for|and|the|on|in|to|at)"
    return re.compile(rf"(?<![\w’'.-])(?P<run>{word}(?:[ \t]+{word}){{2,16}})[ \t]+(?={_SAYING}\b)")


def add_titled_names(groups: Groups, text: str, role_nouns: tuple[str, ...], heads: tuple[str, ...]) -> None:
    """A person for the name that closes a title before a verb of saying, where no mention covers it."""
    roles = frozenset(r.lower() for r in role_nouns)
    head_words = frozenset(h.lower() for h in heads)
    spans = [(m.start, m.end) for g in groups.by_id.values() for m in g.mentions]
    for m in _run_before_saying().finditer(text):
        words = list(re.finditer(r"\S+", m.group("run")))
        if len(words) < 3:
            continue
        size = 2
        first = words[-3].group() if len(words) >= 4 else ""
        if first and korean_surname(name_tokens(" ".join(w.group() for w in words[-3:]))) is not None:
            size = 3
        found = _name_span(m, words, size, roles, head_words, spans)
        if found is None:
            # "Chief Cabinet Secretary Morikawa said", "Ambassador to the United Nations Takahara said": translated
            # copy names a person by the family name alone, right after the title word or the body's name
            found = _name_span(m, words, 1, roles, head_words, spans, alone=True)
        if found is None:
            continue
        start, end = found
        group = groups.local(NerSpan(start, end, text[start:end], "PERSON"))
        group.type = "person"
        tokens = name_tokens(text[start:end])
        if tokens not in group.names:
            group.names.append(tokens)
        group.mentions.append(Mention(start, end, text[start:end], "PERSON"))
        spans.append((start, end))
        # "Roe said" further on, which the NER read as a person of its own before this name was known
        for other in [g for g in groups.by_id.values() if g is not group and g.id.startswith("local:") and g.type == "person"]:
            if other.names and all(contains(tokens, n) for n in other.names):
                absorb(groups, group, other)



def _name_span(m: re.Match[str], words: list[re.Match[str]], size: int, roles: frozenset[str], head_words: frozenset[str],
               spans: list[tuple[int, int]], alone: bool = False) -> tuple[int, int] | None:
    """Character span of the last ``size`` words of the run as a person's name after a title, or None."""
    name, title = words[-size:], [w.group() for w in words[:-size]]
    if not any(w.lower() in roles for w in title) or title[-1].lower() in _FUNCTION:
        return None
    texts = [w.group() for w in name]
    if any(not t[0].isupper() or not t.replace("-", "").isalpha() or t.lower() in head_words | roles for t in texts):
        return None
    start, end = m.start("run") + name[0].start(), m.start("run") + name[-1].end()
    if any(s < end and start < e for s, e in spans):
        return None
    if alone:
        # the word before must end the title: a title word, or the last word of an actor's name ("United Nations")
        before = m.start("run") + words[-2].start(), m.start("run") + words[-2].end()
        # a month or a weekday before the verb is a date ("Minister Roe on Monday said" is not at issue: only one
        # capitalised word stands alone here)
        if len(texts[0]) < 3 or texts[0].lower() in day_and_month_names() or not (
                title[-1].lower() in roles or any(s < before[1] and before[0] < e for s, e in spans)):
            return None
    return start, end

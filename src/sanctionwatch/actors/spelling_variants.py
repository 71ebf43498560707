"""A family name written alone in a second spelling: "Jane Ostrowicz ... former adviser Ostrowitz".

Machine translation (from Korean or Russian copy above all) transliterates a foreign family name afresh each time
it meets it, so one person turns up as "Ostrowicz" and "Ostrowitz", "Nebenzia" and "Nebenzya".  A person the page
names only by one word that differs from the family name of a person named in full by one letter (a long name, the
same first letter), and by no other person's, is that person, whatever type the NER guessed for the odd word (a
foreign family name alone is often read as a place).  Short names are left alone: "Kim" and
"Kin" are as likely two people.
"""

from __future__ import annotations

from .groups import Group, Groups, absorb, name_tokens

__all__ = ["merge_spelling_variants"]

# family names shorter than this may differ by a letter and still be two people's
MIN_LETTERS = 7


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter replaced, dropped or added, the first letter kept."""
    if a == b or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def merge_spelling_variants(groups: Groups) -> None:
    """Absorb a one-word person into the one person named in full whose family name it spells another way."""
    persons = [g for g in groups.by_id.values() if g.type == "person"]
    full: list[tuple[Group, str]] = []
    for g in persons:
        for m in g.mentions:
            tokens = name_tokens(m.text)
            if len(tokens) >= 2 and len(tokens[-1]) >= MIN_LETTERS:
                full.append((g, tokens[-1]))
    for g in list(groups.by_id.values()):
        if not g.id.startswith("local:") or g.id not in groups.by_id:
            continue
        words = {name_tokens(m.text) for m in g.mentions}
        if len(words) != 1 or len(next(iter(words))) != 1:
            continue
        word = next(iter(words))[0]
        if len(word) < MIN_LETTERS:
            continue
        owners = {o.id for o, family in full if o.id != g.id and _one_letter_apart(word, family)}
        if len(owners) == 1 and (owner := owners.pop()) in groups.by_id:
            absorb(groups, groups.by_id[owner], g)

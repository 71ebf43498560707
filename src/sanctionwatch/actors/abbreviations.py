"""Abbreviations: "The Maritime Transparency Initiative (MTI)", "IAEA" for a name spelt out elsewhere in the
document; one entity for a name and its abbreviation."""

from __future__ import annotations

import re

from ..model import Mention
from .groups import Group, Groups, absorb
from .table import PLACE_TYPES, WORD_RE


_PAREN_ABBREVIATION = re.compile(r"\s*\(\s*(?P<abbr>[A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
_FUNCTION_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "to", "&"})
_POSTMODIFIERS = frozenset({"on", "for", "in", "against"})


def _initials(name: str) -> str:
    return "".join(w[0] for w in WORD_RE.findall(name) if w.lower() not in _FUNCTION_WORDS).upper()


def _add_abbreviation_mentions(groups: Groups, group: Group, text: str, abbr: str, label: str) -> None:
    """Every whole-word use of an abbreviation the NER missed is a mention of the actor it abbreviates."""
    spans = [(m.start, m.end) for g in groups.by_id.values() for m in g.mentions]
    for hit in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text):
        if not any(s < hit.end() and hit.start() < e for s, e in spans):
            group.mentions.append(Mention(hit.start(), hit.end(), abbr, label))


_PAREN_DEFINITION = re.compile(r"\(\s*(?P<abbr>[A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
_NAME_WORDS_BEFORE = re.compile(r"(?:(?:[A-Z][\w’'&.\-]*|of|for|the|and|on|in|to|&)[ \t]+){1,9}$")


def _defined_name(text: str, paren_start: int, abbr: str) -> tuple[int, int] | None:
    """The capitalised words just before "(ABBR)" whose initials spell ABBR, as (start, end), else None."""
    letters = "".join(c for c in abbr if c.isalpha()).upper()
    run = _NAME_WORDS_BEFORE.search(text, max(0, paren_start - 160), paren_start)
    if len(letters) < 2 or run is None:
        return None
    words = list(re.finditer(r"\S+", text[run.start() : paren_start]))
    # "the Panel of Experts on North Korea (PoE)": the abbreviation may leave out the name's closing phrase
    for last in [len(words)] + [k for k in range(len(words) - 1, 0, -1) if words[k].group().lower() in _POSTMODIFIERS]:
        first = _first_word_spelling(letters, [w.group() for w in words[:last]])
        if first is not None:
            return run.start() + words[first].start(), run.start() + words[last - 1].end()
    return None


def _first_word_spelling(letters: str, words: list[str]) -> int | None:
    """The index of the first word of the shortest tail of ``words`` whose initials spell ``letters``.

    A function word may give its initial or not: "Voice of America (VOA)" and "Bank of Japan (BOJ)" count
    the "of", "Center for Strategic and International Studies (CSIS)" skips "for" and "and"."""
    readings = {""}  # the initials the tail read so far may spell
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        longer = set()
        for initials in readings:
            spelt = word[0].upper() + initials
            if spelt == letters:
                return i
            if letters.endswith(spelt):
                longer.add(spelt)
            if word.lower() in _FUNCTION_WORDS:
                longer.add(initials)
        if not longer:
            return None
        readings = longer
    return None


def _place_inside(group: Group, mention: Mention, start: int, end: int) -> bool:
    return group.type in PLACE_TYPES and start <= mention.start and mention.end <= end


def add_defined_names(groups: Groups, text: str) -> None:
    """Extend an abbreviation's entity to the name it abbreviates where the NER missed that name.

    "The Maritime Transparency Initiative (MTI)": the definition pattern is a strong
    signal on its own, but it fires only for an abbreviation that already is an entity,
    so a title-cased technical term ("Automatic Identification System (AIS)") creates nothing.
    """
    mentions = [(g, m) for g in groups.by_id.values() for m in g.mentions]
    for paren in _PAREN_DEFINITION.finditer(text):
        owner = next((g for g, m in mentions if (m.start, m.end) == (paren.start("abbr"), paren.end("abbr"))), None)
        span = _defined_name(text, paren.start(), paren.group("abbr")) if owner is not None else None
        if span is None or owner.type == "person":
            continue
        start, end = span
        if any(m.start < end and start < m.end and (g is owner or not _place_inside(g, m, start, end)) for g, m in mentions):
            continue  # the NER or the table named it (or part of it) already
        # a place inside the name ("American" in a misspelt "Voice of American") keeps its inner mention
        mention = Mention(start, end, text[start:end], "ORG")
        owner.mentions.append(mention)
        mentions.append((owner, mention))


def merge_abbreviations(groups: Groups, text: str) -> None:
    """One entity for a name and its abbreviation within a document.

    Merged when the abbreviation follows the name in parentheses, or when a local
    organisation's initials spell an abbreviation used elsewhere in the document
    ("International Atomic Energy Agency" ... "IAEA").  A table actor absorbs a local one;
    two table actors are never merged.
    """
    surfaces: dict[str, str] = {}
    for g in groups.by_id.values():
        for m in g.mentions:
            surfaces.setdefault(m.text.replace(".", ""), g.id)
    for g in list(groups.by_id.values()):
        if g.id not in groups.by_id or not g.id.startswith("local:") or g.type == "person":
            continue
        partner = None
        for m in list(g.mentions):
            paren = _PAREN_ABBREVIATION.match(text, m.end)
            if not paren:
                continue
            abbr = paren.group("abbr")
            partner = surfaces.get(abbr.replace(".", ""))
            if partner is None:
                surfaces[abbr.replace(".", "")] = g.id
            _add_abbreviation_mentions(groups, g, text, abbr, m.label)
            break
        if partner is None:
            partner = _defined_before(groups, g, text)
        if partner is None:
            # "C4ADS" abbreviates "Center for Advanced Defense Studies": digits are not initials
            initials = _initials(g.name)
            short = {re.sub(r"\d", "", k): gid for k, gid in surfaces.items() if k.isupper() or any(c.isdigit() for c in k)}
            if len(initials) >= 3 and initials in short:
                partner = short[initials]
        if partner is None or partner == g.id or partner not in groups.by_id:
            continue
        keep, gone = absorb(groups, g, groups.by_id[partner])
        for key, gid in surfaces.items():
            if gid == gone.id:
                surfaces[key] = keep.id


def _defined_before(groups: Groups, g: Group, text: str) -> str | None:
    """The table actor named just before a local abbreviation in parentheses ("the Panel of Experts on North
    Korea (PoE)"): the abbreviation is that actor's."""
    for m in g.mentions:
        lo = max(0, m.start - 3)
        paren = re.search(r"\(\s*$", text[lo : m.start])
        if paren is None or not re.match(r"\s*\)", text[m.end : m.end + 3]):
            continue
        span = _defined_name(text, lo + paren.start(), m.text)
        if span is None:
            continue
        start, end = span
        others = [o for o in groups.by_id.values() if o is not g]
        if any(om.start <= start and end <= om.end for o in others if o.id.startswith("local:") for om in o.mentions):
            return None  # the whole name is a local actor's mention: the parenthesis rule above merges it, with every later use
        # the actor whose mention ends the name: its head ("Panel of Experts", not "United Nations")
        named = [o for o in others if o.type != "person" and any(start <= om.start and om.end == end for om in o.mentions)]
        if named:
            return named[0].id
    return None

"""Quantities: "some 7,000 containers" -> Quantity(7000, "container", approximate=True).

Decisions (the lexicon is ``data/quantity.yaml``):

* A quantity needs a unit: a counted noun ("containers", "troops"), a
  currency ("$2.8 billion" -> 2.8e9 USD) or a measure ("tonnes").  A bare
  number ("7,000 of them") is not reported.
* Durations and ages are not quantities: a number whose unit is a unit of
  time ("five or six years", "30 years", "73rd anniversary") is skipped.
  Time belongs to :mod:`sanctionwatch.timex`.
* A four-digit number 1900-2099 without a thousands comma and without a
  currency is read as a year, not an amount.
* Approximators ("some", "about", "more than", "up to") and vague plurals
  ("millions of shells" -> 1e6 shell) set ``approximate``; bounds are read
  as approximate because the figure is not the exact amount.
* Units are lower-case singular nouns ("container", "barrel", "troop");
  currencies are ISO 4217 codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from .resources import package_yaml
from .model import Quantity


@dataclass(frozen=True, slots=True)
class _Lexicon:
    approximators: tuple[str, ...]
    scales: dict[str, float]
    vague_scales: dict[str, float]
    number_words: dict[str, float]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    duration_units: frozenset[str]
    unit_aliases: dict[str, str]
    not_after: frozenset[str]
    not_units: frozenset[str]
    skip_words: frozenset[str]
    calibre_units: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = package_yaml("quantity.yaml")
    low = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
    return _Lexicon(
        approximators=tuple(str(a).lower() for a in raw["approximators"]),
        scales={str(k).lower(): float(v) for k, v in raw["scales"].items()},
        vague_scales={str(k).lower(): float(v) for k, v in raw["vague_scales"].items()},
        number_words={str(k).lower(): float(v) for k, v in raw["number_words"].items()},
        currency_symbols={str(k).lower(): str(v) for k, v in raw["currency_symbols"].items()},
        currency_words={str(k).lower(): str(v) for k, v in raw["currency_words"].items()},
        duration_units=low(raw["duration_units"]),
        unit_aliases={str(k).lower(): str(v) for k, v in raw["unit_aliases"].items()},
        not_after=low(raw["not_after"]),
        not_units=low(raw["not_units"]),
        skip_words=low(raw["skip_words"]),
        calibre_units=low(raw.get("calibre_units", ())),
    )


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Patterns:
    exact: re.Pattern[str]
    vague: re.Pattern[str]
    word: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lex = _lexicon()
    approx = rf"(?P<approx>(?:{_alt(lex.approximators)})\s+)?"
    cur = rf"(?P<cur>{_alt(lex.currency_symbols)})\s?"
    # "$1,4 billion" (a translation's decimal comma): fewer than three digits after the comma cannot be
    # a thousands group, and only a scale word may follow
    decimal_comma = rf"\d{{1,3}},\d{{1,2}}(?=[\s-]?(?:{_alt(lex.scales)})\b)"
    tens = [w for w, v in lex.number_words.items() if 20 <= v < 100 and v % 10 == 0]
    units = [w for w, v in lex.number_words.items() if 1 <= v < 10 and " " not in w]
    compound = rf"(?:{_alt(tens)})[\s-](?:{_alt(units)})\b"  # "thirty-five", "twenty one"
    # a broadcaster's spelled-out decimal ("one-point-two trillion won", "2-point-5 million"): read as 1.2, 2.5
    digit = rf"(?:\d+|{_alt(w for w, v in lex.number_words.items() if 0 <= v < 10 and v == int(v) and ' ' not in w)})"
    point = rf"{digit}-point(?:-{digit})+\b"
    num = rf"(?P<num>{point}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{decimal_comma}|\d+(?:\.\d+)?|{compound}|(?:{_alt(lex.number_words)}))"
    # "four-thousand-100 troops": a broadcaster's remainder after "thousand" adds to it (4,100)
    scale = rf"(?:[\s-]?(?P<scale>{_alt(lex.scales)})\b(?:-(?P<rest>\d{{1,3}})(?![\d,.]))?)?"
    # "$US620 ($861) million": a converted figure in brackets before the scale belongs to the amount
    paren = rf"(?:\s*\([^()\d]{{0,4}}[\d.,]+\)(?=[\s-]?(?:{_alt(lex.scales)})\b))?"
    exact = re.compile(rf"(?<![\w$€£¥₩.,]){approx}(?:{cur})?{num}(?![\w.,]*\d){paren}{scale}", re.I)
    vague = rf"(?P<vague>(?:(?:tens|hundreds|dozens)\s+of\s+)?(?:{_alt(lex.vague_scales)}))\s+of\b"
    # a word, or a dotted abbreviation ("U.S.") that must not end the scan for the unit
    return _Patterns(exact, re.compile(rf"\b{vague}", re.I), re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][A-Za-z0-9-]*"))


_SPACE = re.compile(r"\s+")
_LIST_SEP = r"\s*(?:-|–|to|and then|and|or|,)\s*"
_RANGE_SEP = r"\s*(?:-|–|to)\s*"


def _singular(word: str, lex: _Lexicon) -> str:
    w = word.lower()
    if w in lex.unit_aliases:
        return lex.unit_aliases[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if re.search(r"(?:ss|x|ch|sh)es$", w):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _unit_after(text: str, pos: int, end: int, lex: _Lexicon) -> tuple[str, int] | None:
    """The unit noun after ``pos``: (canonical unit, end offset), skipping modifiers; None when there is none."""
    p = _patterns()
    skipped: tuple[str, int] | None = None  # "7,000 artillery" when no noun follows
    last_name: tuple[str, int] | None = None
    plural_name = False
    for _ in range(5):
        m = _SPACE.match(text, pos, end)
        if not m:
            return skipped or last_name
        cal = _calibre_at(text, m.end(), end, lex)
        if cal is not None:
            # "6 million 152 mm shells": a calibre between the count and the noun says which shells
            pos = cal
            continue
        w = p.word.match(text, m.end(), end)
        if not w:
            return skipped or last_name
        word = w.group(0)
        low = word.lower()
        two = re.match(r"[A-Za-z]+\s+[A-Za-z]+", text[w.start():end])
        if two and two.group(0).lower() in lex.currency_words:
            return lex.currency_words[two.group(0).lower()], w.start() + two.end()
        if two and two.group(0).lower() in lex.unit_aliases:
            return lex.unit_aliases[two.group(0).lower()], w.start() + two.end()
        if low in lex.currency_words:
            return lex.currency_words[low], w.end()
        if low in lex.not_units:
            # "the two Hyundai Grand Tourers were ...": only names followed; the last one is counted
            return skipped or last_name
        # a hyphenated word before another word modifies it ("two ship-to-ship transfers", "three non-Chinese ships")
        hyphen_mod = "-" in low and re.match(r"\s+[A-Za-z]", text[w.end():end]) is not None
        if word[0].isupper() or low in lex.skip_words or hyphen_mod:
            if word[0].islower():
                skipped = (_singular(word, lex), w.end())
            elif word[-1] != ".":
                last_name = (_singular(word, lex), w.end())
                plural_name = low.endswith("s")
            pos = w.end()
            continue
        if last_name is not None and plural_name and low.endswith("ing"):
            return last_name  # "4,000 North Koreans working in Tomsk": the people, not what they do
        nxt = re.match(r"\s+([a-z][a-z-]*)", text[w.end():end])
        if low.endswith("ing") and nxt and nxt.group(1) not in lex.not_units:
            # "three fishing boats", "12 training aircraft": a gerund before a noun says which kind
            skipped = (_singular(word, lex), w.end())
            pos = w.end()
            continue
        return _singular(word, lex), w.end()
    return skipped or last_name


def _calibre_at(text: str, pos: int, end: int, lex: _Lexicon) -> int | None:
    """The end of a calibre ("152 mm", "122-millimetre") that starts at ``pos``, or None."""
    if not lex.calibre_units:
        return None
    m = re.match(rf"\d+(?:\.\d+)?\s?-?\s?(?:{_alt(lex.calibre_units)})\b", text[pos:end], re.I)
    return pos + m.end() if m else None


def _to_number(num: str, lex: _Lexicon) -> float | None:
    low = num.lower()
    if low in lex.number_words:
        return lex.number_words[low]
    if "-point-" in low:
        whole, *decimals = [p if p.isdigit() else str(int(lex.number_words.get(p, -1))) for p in re.split(r"-(?:point-)?", low)]
        return None if "-1" in (whole, *decimals) else float(f"{whole}.{''.join(decimals)}")
    parts = re.split(r"[\s-]+", low)
    if len(parts) == 2 and all(p in lex.number_words for p in parts):
        return lex.number_words[parts[0]] + lex.number_words[parts[1]]
    if re.fullmatch(r"\d{1,3},\d{1,2}", num):
        return float(num.replace(",", "."))
    try:
        return float(num.replace(",", ""))
    except ValueError:
        return None


def _tidy(value: float) -> float:
    # 7000.0 -> 7000 so the JSON reads as the source did; floats stay floats
    return int(value) if float(value).is_integer() else round(value, 6)


def _previous_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)\.?\s*$", text[max(0, start - 20):start])
    return m.group(1).lower() if m else ""


def _exact(m: re.Match[str], text: str, end: int, lex: _Lexicon) -> tuple[int, int, Quantity] | None:
    value = _to_number(m["num"], lex)
    if value is None or _previous_word(text, m.start("num") if not m["cur"] else m.start()) in lex.not_after:
        return None
    scale = lex.scales.get((m["scale"] or "").lower(), 1.0)
    if m["rest"]:
        if scale != 1000:
            return None  # only "thousand" takes a spelled remainder ("four-thousand-100")
        value, scale = value * scale + int(m["rest"]), 1.0
    # "m"/"bn" abbreviations only count as scales when glued to a currency amount
    if m["scale"] and m["scale"].lower() in ("m", "b", "bn", "mln") and not m["cur"]:
        return None
    stop = m.end()
    unit: str | None = lex.currency_symbols[m["cur"].lower()] if m["cur"] else None
    after = _unit_after(text, stop, end, lex)
    if unit is None and (after is None or after[0] in lex.not_units) and m["scale"]:
        # "$200-500 million": the second figure of a currency range takes the first one's currency
        back = re.search(rf"({_alt(lex.currency_symbols)})\s?[\d.,]+{_RANGE_SEP}$", text[max(0, m.start() - 24):m.start()], re.I)
        if back:
            unit, after = lex.currency_symbols[back.group(1).lower()], None
    if unit is None:
        if after is None:
            return None
        unit, stop = after
    elif after is not None and after[0] in lex.currency_words.values() and after[0] == unit:
        stop = after[1]  # "$5 million dollars"
    if unit in lex.duration_units or unit in lex.calibre_units:
        return None  # "152 mm shells": the calibre is the shells' size, not how many
    if m["num"].isdigit() and len(m["num"]) == 4 and 1900 <= int(m["num"]) <= 2099 and not m["cur"] and not m["scale"]:
        return None
    named = text[m.end():stop].split()
    if (m["num"].isdigit() and len(m["num"]) == 4 and not m["cur"] and not m["scale"] and named
            and all(w[0].isupper() for w in named) and not named[-1].endswith("s")):
        return None  # "the UN 1718 Committee Panel": a number in a name, not a count of panels ("3000 Koreans" is)
    start = m.start()
    approximate = bool(m["approx"])
    q = Quantity(_tidy(value * scale), unit, approximate, text[start:stop])
    return start, stop, q


def _vague(m: re.Match[str], text: str, end: int, lex: _Lexicon) -> tuple[int, int, Quantity] | None:
    words = re.split(r"\s+of\s+", m["vague"].lower())
    value = 1.0
    for w in words:
        value *= lex.vague_scales.get(w, 1.0)
    after = _unit_after(text, m.end(), end, lex)
    if after is None or after[0] in lex.duration_units:
        return None
    unit, stop = after
    return m.start(), stop, Quantity(_tidy(value), unit, True, text[m.start():stop])


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Quantity]]:
    """Quantities in ``text[start:end]`` as (start, end, Quantity), non-overlapping, in order."""
    lex, p = _lexicon(), _patterns()
    end = len(text) if end is None else end
    found: list[tuple[int, int, Quantity]] = []
    for m in p.vague.finditer(text, start, end):
        hit = _vague(m, text, end, lex)
        if hit:
            found.append(hit)
    for m in p.exact.finditer(text, start, end):
        hit = _exact(m, text, end, lex)
        if hit:
            found.append(hit)
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    chosen: list[tuple[int, int, Quantity]] = []
    for f in found:
        if all(f[1] <= c[0] or f[0] >= c[1] for c in chosen):
            chosen.append(f)
    # "$200" of "$200-500 million" is a member of the range, not an amount of its own
    members = [m for c in chosen for m in list_members(text, c, start)]
    return sorted((c for c in chosen if not any(c[0] < m[1] and m[0] < c[1] for m in members)), key=lambda f: f[0])




def list_members(text: str, found: tuple[int, int, Quantity], start: int = 0) -> list[tuple[int, int, Quantity]]:
    """Bare numbers listed before a quantity that share its unit and scale.

    "800 and then 1,200 tons" -> 800 tonne; "$200-500 million" -> 200 million USD;
    "3, 5 and 9 launchers" -> 3 and 5 launcher.  Each member keeps its own offsets.
    """
    lex, p = _lexicon(), _patterns()
    s, _, q = found
    m = p.exact.match(text, s)
    if m is None:
        return []
    scale = lex.scales.get((m["scale"] or "").lower(), 1.0)
    cur = rf"(?:{_alt(lex.currency_symbols)})?\s?"
    member = re.compile(rf"(?<![\w$.,]){cur}(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_alt(lex.number_words)})(?:{_LIST_SEP})$", re.I)
    out: list[tuple[int, int, Quantity]] = []
    at = s + (len(m["approx"]) if m["approx"] else 0)
    for _ in range(5):
        mm = member.search(text, max(start, at - 40), at)
        if mm is None:
            break
        value = _to_number(mm.group(1), lex)
        if value is None or (mm.group(1).isdigit() and len(mm.group(1)) == 4 and 1900 <= int(mm.group(1)) <= 2099):
            break
        out.append((mm.start(), mm.end(1), Quantity(_tidy(value * scale), q.unit, q.approximate, text[mm.start():mm.end(1)])))
        at = mm.start()
    return sorted(out, key=lambda f: f[0])


def parse_quantity(text: str) -> Quantity | None:
    """Parse one quantity expression; None when ``text`` holds no quantity (or only a duration)."""
    hits = find_quantities(text)
    return hits[0][2] if hits else None


_COUNT_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|as well as\s+)$")


def joined_counts(text: str, found: tuple[int, int], others: Sequence[tuple[int, int, Quantity]]) -> list[tuple[int, int]]:
    """Counts of other things joined to a count by "and" ("one person and 21 entities", "16 persons, 3 firms and
    one bank"): each is a figure of the same act."""
    out: list[tuple[int, int]] = []
    end = found[1]
    for s, e, _ in sorted(others, key=lambda q: q[0]):
        if s < end:
            continue
        if not _COUNT_JOIN.match(text[end:s]) or s - end > 12:
            break
        out.append((s, e))
        end = e
    return out

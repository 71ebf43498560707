"""Does what the document says about a mention fit the list entry it matched?

A name match says only that the names agree.  Before a flag is raised the
words around the mention are read for what identifies the person or
organisation, and compared with the entry:

* age or year of birth ("Kim Yong Chol, 39," in a 2018 article was born about
  1979, not in 1962);
* role ("a teacher"; "deputy secretary general of the DPRK Football
  Association" against a listing as KOMID representative);
* nationality ("South Korean Ri ..." against a DPRK national);
* entity type (a name used as a place, "the Pinewood area", is not a company);
* an IMO number next to a vessel's name;
* the listing date against the date of the event or report: a flag on a 2012
  event of an entity listed in 2013 says so and is not "designated at the time".

Words live in ``data/list_context.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..resources import package_yaml
from .entries import ListEntry
from .normalise import rules, tokens

STATUSES = ("designated", "before-listing", "rejected")
BIRTH_YEAR_TOLERANCE = 2  # an age gives the birth year to within one; lists round some dates of birth
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AGE_AFTER = re.compile(r"^\s*(?:,\s*|\(\s*)(?:aged\s+)?(\d{1,2})\s*(?:,|\)|\.|;|\s+(?:and|who|was|is|said)\b|$)")
_AGE_BEFORE = re.compile(r"\b(\d{1,2})-year-old\s+(?:[A-Za-z]+\s+){0,4}$")
_AGED_AFTER = re.compile(r"^[^.;]{0,30}?\baged\s+(\d{1,2})\b")
_WORK_BEFORE = re.compile(r"\b([A-Za-z]+)\s*[\"'“‘«]?\s*$")
# an apposition giving the age: "Pak Su Il, an 82-year-old veteran," / "Pak Su Il, the 40-year-old envoy"
_AGE_APPOSITION = re.compile(r"^\s*,\s*(?:an?|the)\s+(\d{1,2})-year-old\b")
_BORN = re.compile(r"^[^.;]{0,50}?\b(?:born|b\.)\s+(?:in\s+|on\s+)?(?:[A-Za-z]+\.?\s+)?(?:\d{1,2},?\s+)?"
                   r"(?:[A-Za-z]+\s+)?(1[89]\d\d|20\d\d)\b")
_CLAUSE = re.compile(r"^\s*,\s*(?:\d{1,2}\s*,\s*)?(?:who\s+(?:is|was)\s+)?([^,.;()]{2,120})")
# A capitalised title written before a name: "Vice Minister of Electric Power Industry", "KPA General".
_TITLE_BEFORE = re.compile(r"(?:^|[^\w\s'’-]\s*|\b[a-z]+\s+)"
                           r"((?:[A-Z][\w'’.-]*\s+)(?:(?:of|the|and|for)\s+|[A-Z][\w'’.-]*\s+){0,8})$")
_NAME_LIST = re.compile(r"^(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})*\s*,?\s+(?:and|or)\s+"
                        r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+([a-z]+)")
_IMO_AFTER = re.compile(r"^[^.;]{0,20}?\bIMO\b[^0-9.;]{0,12}(\d{7})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ContextWords:
    occupations: frozenset[str]
    role_words: frozenset[str]
    role_stop_words: frozenset[str]
    nationalities: tuple[tuple[tuple[str, ...], str], ...]  # (phrase tokens, country), longest phrase first
    nationality_names: tuple[tuple[tuple[str, ...], str], ...]  # also how lists write them
    place_nouns: frozenset[str]
    place_leads: tuple[tuple[str, ...], ...]
    work_nouns: frozenset[str]


@lru_cache(maxsize=1)
def context_words() -> ContextWords:
    raw = package_yaml("list_context.yaml")
    return parse_context_words(raw)


def parse_context_words(raw: dict[str, Any]) -> ContextWords:
    fold = lambda xs: frozenset(str(x).casefold() for x in xs or [])  # noqa: E731
    def phrases(table: dict[str, list[str]] | None) -> list[tuple[tuple[str, ...], str]]:
        return [(tuple(tokens(str(p))), str(country)) for country, ps in (table or {}).items()
                for p in [country, *(ps or [])] if tokens(str(p))]

    nats = [n for n in phrases(raw.get("nationalities")) if n[0] != tuple(tokens(n[1]))]
    names = phrases(raw.get("nationalities")) + phrases(raw.get("nationality_names"))
    return ContextWords(
        occupations=fold(raw.get("civilian_occupations")), role_words=fold(raw.get("role_words")),
        role_stop_words=fold(raw.get("role_stop_words")),
        nationalities=tuple(sorted(nats, key=lambda n: -len(n[0]))),
        nationality_names=tuple(sorted(names, key=lambda n: -len(n[0]))),
        place_nouns=fold(raw.get("place_nouns")),
        place_leads=tuple(tuple(tokens(str(p))) for p in raw.get("place_lead_words") or [] if tokens(str(p))),
        work_nouns=fold(raw.get("work_nouns")),
    )


@dataclass(frozen=True, slots=True)
class Reason:
    check: str  # age | born | role | nationality | place | title | imo | listing-date
    verdict: str  # fits | contradicts | note
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"check": self.check, "verdict": self.verdict, "text": self.text}


@dataclass(slots=True)
class MentionContext:
    """What the words around one mention say about it."""

    age: int | None = None
    birth_year: int | None = None
    role: str | None = None
    nationality: str | None = None  # a country name from the data file
    place: bool = False
    work_title: bool = False  # the name is the title of a poem, song, film ... ("the poem 'Pinewood'")
    imo: str | None = None


@dataclass(slots=True)
class FlagCheck:
    status: str
    reasons: list[Reason] = field(default_factory=list)

    def summary(self) -> str:
        return "; ".join(r.text for r in self.reasons)


def read_context(text: str, start: int, end: int) -> MentionContext:
    """Read age, year of birth, role, nationality, place use and an IMO number around text[start:end]."""
    w = context_words()
    left, right = text[max(0, start - 100):start], text[end:end + 160]
    ctx = MentionContext()
    if m := (_AGE_AFTER.match(right) or _AGED_AFTER.match(right) or _AGE_APPOSITION.match(right)
             or _AGE_BEFORE.search(left)):
        age = int(m.group(1))
        ctx.age = age if 16 <= age <= 99 else None
    if m := _BORN.match(right):
        ctx.birth_year = int(m.group(1))
    elif m := re.search(r"\((?:born|b\.)\s+(?:[A-Za-z0-9 ,]+?\s)?(1[89]\d\d|20\d\d)\)\s*$", left):
        ctx.birth_year = int(m.group(1))
    if m := _CLAUSE.match(right):
        clause = m.group(1).strip()
        words = set(tokens(clause))
        first = clause.split()[0] if clause.split() else ""
        if first[:1].islower() and words & (w.occupations | w.role_words):
            ctx.role = re.sub(r"^(?:the|a|an)\s+", "", clause)
    left_words = tokens(left)
    if ctx.role is None and left_words and left_words[-1] in w.occupations and re.search(r"\b[a-z]+\s+$", left):
        ctx.role = left_words[-1]  # "footballer Ri Myong Su"
    if ctx.role is None and (m := _TITLE_BEFORE.search(left)) and set(tokens(m.group(1))) & w.role_words:
        ctx.role = m.group(1).strip()  # "Vice Minister of Electric Power Industry Ri Myong Su"
    ctx.nationality = _nationality(left_words, right, w)
    right_words = tokens(right[:30])
    if right_words and right_words[0] in w.place_nouns and re.match(r"^\s+[A-Za-z]", right):
        ctx.place = True
    # "Pinewood, Oakdale and Elm counties": the noun after a list of names makes each of them a place.
    if m := _NAME_LIST.match(right):
        ctx.place = ctx.place or (tokens(m.group(1)) or [""])[0] in w.place_nouns
    if any(tuple(left_words[-len(lead):]) == lead for lead in w.place_leads if len(left_words) >= len(lead)):
        ctx.place = True
    if (m := _WORK_BEFORE.search(left)) and m.group(1).casefold() in w.work_nouns:
        ctx.work_title = True
    if m := _IMO_AFTER.match(right):
        ctx.imo = m.group(1)
    return ctx


def _nationality(left_words: list[str], right: str, w: ContextWords) -> str | None:
    # "South Korean Ri ...", "Chinese businessman Li ...": the phrase ends the words before, or one role word follows it.
    for phrase, country in w.nationalities:
        n = len(phrase)
        for skip in (0, 1):
            tail = left_words[len(left_words) - n - skip:len(left_words) - skip] if len(left_words) >= n + skip else []
            if tuple(tail) == phrase and (skip == 0 or left_words[-1] in w.occupations | w.role_words):
                return country
    if m := re.match(r"^\s*,\s*(?:a|an)\s+([A-Za-z .']{3,40}?)\s+(?:national|citizen|passport holder)\b", right):
        said = tuple(tokens(m.group(1)))
        for phrase, country in w.nationalities:
            if said == phrase:
                return country
    return None


def check(entry: ListEntry, ctx: MentionContext, *, published: str | None, event_date: str | None) -> FlagCheck:
    """The flag's status and the reasons for it."""
    reasons = [*_identity_reasons(entry, ctx, published)]
    if any(r.verdict == "contradicts" for r in reasons):
        return FlagCheck("rejected", reasons)
    when = event_date or published
    if entry.listed_on and when and when[:10] < entry.listed_on[:10]:
        what = "event" if event_date else "report"
        reasons.append(Reason("listing-date", "note",
                              f"{what} dated {when[:10]} precedes the listing on {entry.listed_on[:10]}:"
                              " not designated at the time"))
        return FlagCheck("before-listing", reasons)
    if entry.listed_on:
        reasons.append(Reason("listing-date", "fits", f"listed on {entry.listed_on[:10]}"))
    return FlagCheck("designated", reasons)


def acronym_reason(entry: ListEntry, acronym: str, document_text: str) -> Reason:
    """A bare short acronym (PAD, MID, RGB) names a listed organisation only where the document also spells it out.

    Short capitals are reused by products, parties and other bodies ("the updated PAD", a tablet); news that means
    the listed body names it in full at least once.
    """
    doc_key = " ".join(tokens(document_text))
    short = tokens(acronym)
    for name, _ in entry.names():
        toks = tokens(name)
        if toks != short and len(toks) > 1 and f" {' '.join(toks)} " in f" {doc_key} ":
            return Reason("acronym", "fits", f"the document also names it {name!r}")
    return Reason("acronym", "contradicts",
                  f"the acronym {acronym!r} alone: the document never names {entry.name!r} or another of its names")


def designated_at(listed_on: str | None, when: str | None) -> bool | None:
    """Whether an entry listed on ``listed_on`` was designated on ``when`` (None when either date is unknown)."""
    if not listed_on or not when:
        return None
    return when[:10] >= listed_on[:10]


def _identity_reasons(entry: ListEntry, ctx: MentionContext, published: str | None) -> list[Reason]:
    out: list[Reason] = []
    w = context_words()
    if ctx.place and entry.kind == "entity" and entry.details.get("type") != "vessel":
        out.append(Reason("place", "contradicts", "the text uses the name as a place, not an organisation"))
    if ctx.work_title and entry.kind == "entity":
        out.append(Reason("title", "contradicts", "the text uses the name as the title of a work, not an organisation"))
    if entry.kind == "individual":
        out.extend(_birth_reasons(entry, ctx, published))
        if ctx.role:
            out.append(_role_reason(entry, ctx.role, w))
        if ctx.nationality:
            listed = _listed_countries(entry, w)
            if listed:
                verdict = "fits" if ctx.nationality in listed else "contradicts"
                out.append(Reason("nationality", verdict,
                                  f"the text says {ctx.nationality}; listed nationality {', '.join(sorted(listed))}"))
    if ctx.imo:
        imos = {v for s, v in entry.identifiers if s == "imo"}
        if imos:
            verdict = "fits" if ctx.imo in imos else "contradicts"
            out.append(Reason("imo", verdict, f"IMO {ctx.imo} in the text; listed IMO {', '.join(sorted(imos))}"))
    return out


def _birth_reasons(entry: ListEntry, ctx: MentionContext, published: str | None) -> list[Reason]:
    listed = sorted({int(y) for y in _YEAR.findall(str(entry.details.get("born", "")))})
    if not listed:
        return []
    if ctx.birth_year is not None:
        year, said = ctx.birth_year, f"born {ctx.birth_year}"
    elif ctx.age is not None and published and _YEAR.match(published[:4]):
        year, said = int(published[:4]) - ctx.age, f"aged {ctx.age} in {published[:4]} (born about {int(published[:4]) - ctx.age})"
    else:
        return []
    fits = any(abs(year - y) <= BIRTH_YEAR_TOLERANCE for y in listed)
    return [Reason("born", "fits" if fits else "contradicts",
                   f"the text says {said}; listed as born {entry.details['born']}")]


def _role_reason(entry: ListEntry, role: str, w: ContextWords) -> Reason:
    listing = " ".join(str(entry.details.get(k, "")) for k in ("designation", "comments")).strip()
    said = f"the text calls them {role!r}" + (f"; listed as {listing[:160]!r}" if listing else "")
    if not listing:
        return Reason("role", "note", said)
    listed_words = set(tokens(listing))
    r = rules()
    if any(t in w.occupations and t not in listed_words for t in tokens(role)):
        return Reason("role", "contradicts", said)

    def distinctive(words: list[str]) -> set[str]:
        return {t for t in words if len(t) > 2 and t not in w.role_stop_words and t not in w.role_words
                and t not in r.legal_forms and t not in r.generic_words and t not in w.occupations}

    if distinctive(tokens(role)) & listed_words:
        return Reason("role", "fits", said)
    # Only a named organisation ("... of the Pinewood Sports Club") can contradict a listing: a paraphrased
    # function ("a senior weapons official") may describe the listed post in other words.
    # A named organisation is two or more capitalised words ("of the Harbour Chess Club"); one capitalised word
    # after a preposition is as often a place ("head of the Pyongyang office").
    orgs = re.finditer(r"\b(?:of|at|for)\s+(?:the\s+)?([A-Z][\w'’-]*\s*(?:(?:and\s+|&\s+)?[A-Z][\w'’-]*\s*)+)", role)
    if any(distinctive(tokens(org.group(1))) for org in orgs):
        return Reason("role", "contradicts", said)
    return Reason("role", "note", said)


def _listed_countries(entry: ListEntry, w: ContextWords) -> set[str]:
    said = entry.details.get("nationality", "")
    out = set()
    for part in [said, *re.split(r"[;,]\s*", said)] if said else []:
        toks = tuple(tokens(part))
        for phrase, country in w.nationality_names:
            if toks == phrase:
                out.add(country)
    return out

"""NER mentions and alias hits to entities: partial names, abbreviations, relation descriptions, shapes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from ..model import Entity, Mention
from ..name_shapes import Shaped, fuzzy_place, organisation_names, vessel_names
from .abbreviations import add_defined_names, merge_abbreviations
from .bodies import bodies_of_places, short_names
from .datelines import colon_dateline_places, dateline_places
from .defined_terms import add_defined_terms
from .spelling_variants import merge_spelling_variants
from .declared import ALIAS_LINK, after_mentions, name_before_alias
from .groups import Group, Groups, absorb, name_tokens
from .inner_places import inner_places
from .places import places_not_persons
from .roles import add_role_mentions
from .scan import AliasHit, NerSpan, scan_blocks
from .short_bodies import merge_short_body_names
from .surnames import add_hyphenated_names, add_surname_mentions, merge_romanisations
from .titled_names import add_titled_names
from .table import ALIAS_LABEL, DEMONYM_ENDING, PLACE_LABELS, PLACE_TYPES, RESOLVED_ONLY_LABELS, Actor, ActorTable, load_actor_table

if TYPE_CHECKING:
    from ..read import Parsed


def _inside(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(lo <= start and end <= hi for lo, hi in ranges)


# --------------------------------------------------------------------------- resolution


def _names_country(table: ActorTable, surface: str) -> bool:
    actor = table.lookup(surface)
    return actor is not None and actor.type == "country"


def _is_place(type_or_label: str) -> bool:
    return type_or_label in PLACE_TYPES or type_or_label in PLACE_LABELS


def _add_alias_hits(
    groups: Groups, hits: list[AliasHit], text: str, table: ActorTable, datelines: list[tuple[int, int]],
    surnames: Sequence[tuple[int, int]] = (),
) -> tuple[set[str], bytearray]:
    """Record alias hits; return the ids mentioned by plain aliases and a mask of the characters taken.

    A place's name that ends a person's name ("Lisa Monaco", "Chad" in "Ben Chad") is the surname: the
    ``surnames`` ranges are the NER's person names with a word before the place."""
    resolved: list[tuple[AliasHit, Actor]] = []
    for hit in hits:
        actor = table.get(hit.target.actor_id) if hit.target.actor_id else None
        if actor is None or _is_place(actor.type) and any(s < hit.start and hit.end <= e for s, e in surnames):
            continue
        if not (_is_place(actor.type) and _inside(hit.start, hit.end, datelines)):
            resolved.append((hit, actor))
    present = {actor.id for hit, actor in resolved if hit.target.requires is None}
    taken = bytearray(len(text))
    for hit, actor in resolved:
        if hit.target.requires is not None and not set(hit.target.requires) & present:
            continue
        groups.canonical(actor).mentions.append(Mention(hit.start, hit.end, text[hit.start : hit.end], ALIAS_LABEL))
        taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    return present, taken


def _add_ner_spans(
    groups: Groups,
    ner: list[NerSpan],
    table: ActorTable,
    present: set[str],
    taken: bytearray,
    datelines: list[tuple[int, int]],
    text: str,
) -> None:
    leftovers: list[NerSpan] = []
    for span in ner:
        if taken.find(1, span.start, span.end) != -1:
            continue  # the alias hit wins
        actor = table.lookup(span.text, context=present)
        if actor is None and span.label in PLACE_LABELS and span.text.isalpha() and span.text.islower():
            # "Russia, china and France": a one-word country is matched with its capital only, so that a
            # common word is never a country; here the NER itself read the lower-case word as a place (a
            # name written in capitals, "US", is an acronym: "us" is a pronoun whatever the NER says)
            place = table.get(table.places.get(span.text, ""))
            if place is not None and any(s.lower() == span.text and s.istitle() for s in place.surfaces()):
                actor = place
        if actor is None and span.label != "PERSON" and " " not in span.text:
            # machine translation misspells capitals and countries ("Pjongjang"): one edit on a long word
            place_id = fuzzy_place(span.text, table.places)
            actor = table.get(place_id) if place_id else None
        kind = actor.type if actor is not None else span.label
        if (_is_place(kind) or actor is None and kind != "PERSON") and _inside(span.start, span.end, datelines):
            # the place of a dateline, also where the NER read it as an organisation ("BRUSSELS (Reuters) –"
            # would pass for the agency's name before its abbreviation); a person is kept, since the title-case
            # colon dateline has the shape of a heading such as "President Yoon: ..."
            continue
        if actor is not None:
            groups.canonical(actor).mentions.append(Mention(span.start, span.end, span.text, span.label))
        elif span.label not in RESOLVED_ONLY_LABELS and not (span.label == "NORP" and DEMONYM_ENDING.search(span.text)):
            leftovers.append(span)
    # Longest names first, so "Kim Kuk-song" exists before "Kuk-song" looks for it.
    leftovers.sort(key=lambda s: (s.label != "PERSON", -len(name_tokens(s.text)), s.start))
    for span in leftovers:
        mention = Mention(span.start, span.end, span.text, span.label)
        if span.label == "PERSON":
            tokens = name_tokens(span.text)
            owners = groups.person_owners(tokens)
            own = _introduced_alone(groups, span, tokens, owners, text)
            if own is not None:
                own.mentions.append(mention)
                continue
            if len(owners) > 1:
                continue  # an ambiguous partial name ("Kim" among several Kims) names nobody for sure
            if owners:
                groups.by_id[owners.pop()].mentions.append(mention)
                continue
            group = groups.local(span)
            if tokens not in group.names:
                group.names.append(tokens)
        else:
            owners = groups.person_owners(name_tokens(span.text)) if span.label == "ORG" else set()
            if len(owners) == 1:
                # the NER often reads a bare surname as an organisation ("Singh said" after "spokeswoman
                # Sabrina Singh"): a proper part of one person's name in this document is that person
                groups.by_id[owners.pop()].mentions.append(mention)
                continue
            group = groups.local(span)
        group.mentions.append(mention)


# "Mr. Kim", "Ms. Lee": the writer's own name for someone
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$")


def _introduced_alone(groups: Groups, span: NerSpan, tokens: tuple[str, ...], owners: set[str], text: str) -> Group | None:
    """The person a partial name stands for on its own, or None where it may be part of a longer name.

    A surname that the page introduces with an honorific before any longer name holding it ("a worker called Mr.
    Kim" paragraphs before "the diplomat Kim Yong-ho") is a person of its own (an interviewee known only so), and
    so is every later use of it; without the honorific the surname may be a headline's short form, left as it is.
    """
    for g in groups.by_id.values():
        if g.id.startswith("local:") and g.type == "person" and tokens in g.names and g.names[0] == tokens:
            return g
    if len(owners) != 1 or not _HONORIFIC.search(text[max(0, span.start - 8) : span.start]):
        return None
    owner = groups.by_id[next(iter(owners))]
    if any(m.start < span.start for m in owner.mentions):
        return None
    group = groups.local(span)
    group.names = [tokens]
    return group


def resolve_entities(parsed: "Parsed", table: ActorTable | None = None) -> list[Entity]:
    """One Entity per canonical actor or per unknown entity, mentions in document order."""
    table = table or load_actor_table()
    hits, ner = scan_blocks(parsed, table)
    ner = places_not_persons(ner)  # a port the NER took for a person is a place
    datelines = dateline_places(parsed.text) + [
        (s, e) for s, e in colon_dateline_places(parsed.text) if not _names_country(table, parsed.text[s:e])
    ]
    groups = Groups()
    persons = [(n.start, n.end) for n in ner if n.label == "PERSON"]
    present, taken = _add_alias_hits(groups, hits, parsed.text, table, datelines, persons)
    _add_ner_spans(groups, ner, table, present, taken, datelines, parsed.text)
    _add_bodies_of_places(groups, ner, parsed.text, table)
    _add_relation_descriptions(groups, parsed.text, table)
    _add_shaped_names(groups, parsed.text, table)
    add_defined_names(groups, parsed.text)
    merge_abbreviations(groups, parsed.text)
    _merge_aliases(groups, parsed.text)
    add_defined_terms(groups, parsed.text)
    _merge_short_names(groups, table)
    merge_short_body_names(groups, table.organisation_heads + table.body_heads)
    add_titled_names(groups, parsed.text, table.role_nouns, table.organisation_heads + table.body_heads)
    add_hyphenated_names(groups, parsed.text, table.title_words)
    merge_romanisations(groups)
    merge_spelling_variants(groups)
    add_surname_mentions(groups, parsed.text, table.title_words)
    add_role_mentions(groups, parsed.text, table.role_nouns)
    _add_inner_places(groups, parsed.text, table)
    return groups.entities()


def _add_bodies_of_places(groups: Groups, ner: list[NerSpan], text: str, table: ActorTable) -> None:
    """"Bank of China": the NER's organisation is the body; the place it ends in keeps its own mention, the place
    in front of "China Coast Guard" is part of the name."""
    places: list[tuple[int, int]] = []
    others: list[tuple[int, int]] = []
    for g in groups.by_id.values():
        (places if g.type in PLACE_TYPES else others).extend((m.start, m.end) for m in g.mentions)
    for ner_span, span in bodies_of_places(text, ner, places, table.body_heads):
        cut = (ner_span.start, ner_span.end)  # "Communist Party of": the NER's own cut-off name gives way
        if any(s < span.end and span.start < e for s, e in others if (s, e) != cut):
            continue  # a table actor or a name of the NER's own holds part of it
        if cut != (span.start, span.end):
            _drop_local_mention(groups, cut)
        if any(s == span.start for s, _ in places):
            # "Washington Restaurant Association", "China Coast Guard": the place is part of a name
            _drop_place_mentions(groups, span.start, span.end)
        actor = table.lookup(span.text)
        group = groups.canonical(actor) if actor is not None else groups.local(span)
        group.mentions.append(Mention(span.start, span.end, span.text, span.label))
        others.append((span.start, span.end))


def _drop_local_mention(groups: Groups, span: tuple[int, int]) -> None:
    for g in [g for g in groups.by_id.values() if g.id.startswith("local:")]:
        g.mentions = [m for m in g.mentions if (m.start, m.end) != span]
        if not g.mentions:
            del groups.by_id[g.id]


def _drop_place_mentions(groups: Groups, start: int, end: int) -> None:
    for g in [g for g in groups.by_id.values() if g.type in PLACE_TYPES]:
        g.mentions = [m for m in g.mentions if not (start <= m.start and m.end <= end)]
        if not g.mentions:
            del groups.by_id[g.id]


def _merge_short_names(groups: Groups, table: ActorTable) -> None:
    """"Tonkin Shipping Co." ... "Tonkin Shipping": one local firm."""
    names = [(g.id, m.text) for g in groups.by_id.values() if g.id.startswith("local:") and g.type not in ("person", *PLACE_TYPES)
             for m in g.mentions]
    for full_id, short_id in short_names(names, table.organisation_heads + table.body_heads, table.country_leads):
        if full_id in groups.by_id and short_id in groups.by_id:
            absorb(groups, groups.by_id[full_id], groups.by_id[short_id])


def _add_inner_places(groups: Groups, text: str, table: ActorTable) -> None:
    """An inner mention of the place that opens another actor's name ("DPRK Foreign Ministry")."""
    spans = [(m.start, m.end, g.id) for g in groups.by_id.values() if g.type not in PLACE_TYPES for m in g.mentions]
    for actor, start, end in inner_places(text, spans, table):
        group = groups.canonical(actor)
        if not any(m.start == start and m.end == end for m in group.mentions):
            group.mentions.append(Mention(start, end, text[start:end], ALIAS_LABEL))


# "the Center for Advanced Defense Studies (C4ADS)": the parenthesis names the same actor
def _merge_aliases(groups: Groups, text: str) -> None:
    """One entity for two names the text declares the same; a table actor absorbs a local one, two table actors stay.

    The other name joins as a mention where the NER missed it (after the known one, or before it); the
    NER's type for either name is a guess ("Quiet Finch" read as a person), so a known type wins.
    """
    spans = [(m.start, m.end) for g in groups.by_id.values() for m in g.mentions]
    for g in list(groups.by_id.values()):
        for m in list(g.mentions):
            before = name_before_alias(text, m.start)
            if before is not None and g.id in groups.by_id:
                before = after_mentions(text, before, spans)
                if before is not None:
                    g.mentions.append(Mention(before[0], before[1], text[before[0] : before[1]], m.label))
                    spans.append(before)
            link = ALIAS_LINK.match(text, m.end)
            if g.id not in groups.by_id or link is None:
                continue
            start, end = link.span("name")
            end = start + len(text[start:end].rstrip(".,"))
            others = [(h, x) for h in groups.by_id.values() for x in h.mentions if x.start < end and start < x.end]
            if not others:
                g.mentions.append(Mention(start, end, text[start:end], m.label))
                continue
            other = others[0][0]
            if other.id == g.id or not (g.id.startswith("local:") or other.id.startswith("local:")):
                continue
            keep, gone = absorb(groups, g, other)
            if keep.id.startswith("local:") and keep.type == "person" and gone.type != "person":
                keep.type = gone.type


# "Kim Jong-un's sister", "the powerful sister of North Korean leader Kim Jong-un": a description
# that names another actor through a relation listed in the table.  Up to four modifier words
# may stand between the noun and the name ("of North Korean leader").
_BEFORE_NAME = r"(?:[Tt]he\s+|[Hh]is\s+|[Hh]er\s+)?(?:[\w-]+\s+){{0,2}}?(?P<noun>{nouns})\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}$"
_AFTER_NAME = r"^[’']s\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{nouns})\b"


def _add_relation_descriptions(groups: Groups, text: str, table: ActorTable) -> None:
    """Add a mention of actor A over each description "<noun> of B" / "B's <noun>" that A's relations list."""
    for actor in table:
        for rel in actor.relations:
            owner = groups.by_id.get(rel.of)
            if owner is None:
                continue
            nouns = "|".join(re.escape(n) for n in rel.nouns)
            before = re.compile(_BEFORE_NAME.format(nouns=nouns), re.IGNORECASE)
            after = re.compile(_AFTER_NAME.format(nouns=nouns), re.IGNORECASE)
            for m in list(owner.mentions):
                window = max(0, m.start - 120)
                b = before.search(text, window, m.start)
                if b and "\n" not in text[b.start():m.start]:
                    _add_mention(groups, actor, text, b.start(), m.end)
                a = after.match(text[m.end:m.end + 60])
                if a:
                    _add_mention(groups, actor, text, m.start, m.end + a.end())


def _add_mention(groups: Groups, actor: Actor, text: str, start: int, end: int) -> None:
    group = groups.canonical(actor)
    if not any(x.start == start and x.end == end for x in group.mentions):
        group.mentions.append(Mention(start, end, text[start:end], "RELATION"))


_BASED_IN = re.compile(r"\S-based\s+(?=[A-Z])")


def _add_shaped_names(groups: Groups, text: str, table: ActorTable) -> None:
    """Vessel names after a vessel noun, and organisations named with a country adjective in front.

    A proposal takes over country mentions inside it ("Russian" in "Russian Financial Society") and
    local NER mentions it covers; it yields to any other mention it overlaps (a table actor knows better).
    """
    proposals = organisation_names(text, table.organisation_heads) + vessel_names(text, table.vessel_nouns)
    for shaped in proposals:
        based = _BASED_IN.search(text, shaped.start, shaped.end)
        if based is not None:
            shaped = Shaped(based.end(), shaped.end, shaped.type)  # "Hong Kong-based X Shipping" is X Shipping
        overlapping = [
            (g, m) for g in groups.by_id.values() for m in g.mentions if m.start < shaped.end and shaped.start < m.end
        ]
        same = [(g, m) for g, m in overlapping if (m.start, m.end) == (shaped.start, shaped.end)]
        if same:
            group = same[0][0]
            if group.id.startswith("local:"):
                group.type = shaped.type  # "the vessel Ryusong": the noun outweighs the NER's guess
            continue
        if any(
            m.start < shaped.start
            or m.end > shaped.end
            or not (g.type in PLACE_TYPES or (g.id.startswith("local:") and (g.type != "person" or _cut_ship_name(shaped, m))))
            for g, m in overlapping
        ):
            continue
        for g, m in overlapping:
            g.mentions.remove(m)
            if not g.mentions:
                del groups.by_id[g.id]
        _add_shaped(groups, table, text, shaped)


def _cut_ship_name(shaped: Shaped, m: Mention) -> bool:
    """The NER read the first words of a longer ship name as a person ("Kum Un" of "Kum Un San 3")."""
    return shaped.type == "vessel" and m.start == shaped.start and m.end < shaped.end


def _add_shaped(groups: Groups, table: ActorTable, text: str, shaped: Shaped) -> None:
    surface = text[shaped.start : shaped.end]
    label = "VESSEL" if shaped.type == "vessel" else "ORG"
    actor = table.lookup(surface)
    if actor is not None:
        group = groups.canonical(actor)
    else:
        group = groups.local(NerSpan(shaped.start, shaped.end, surface, label))
        group.type = shaped.type
    group.mentions.append(Mention(shaped.start, shaped.end, surface, label))


def entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping [start, end) most (ties: the longest mention), else None."""
    best: tuple[int, int] = (0, 0)
    found: Entity | None = None
    for entity in entities:
        for m in entity.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0 and not (start == end and m.start <= start < m.end):
                continue
            score = (max(overlap, 1 if start == end else 0), m.end - m.start)
            if score > best:
                best, found = score, entity
    return found

"""The linking rules of ``data/linking.yaml``, read once: durative and single-incident types, item classes,
wire agencies, the bodies that act for a state, related types and the patterns of named objects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..resources import package_yaml


@dataclass(frozen=True, slots=True)
class LinkingRules:
    durative_types: frozenset[str]
    durative_slack_days: int
    durative_max_gap_days: int
    undated_window_days: int
    item_class: dict[str, str]  # word -> class
    item_covers: dict[str, frozenset[str]]  # general class -> the classes it covers
    wire_agencies: dict[str, tuple[str, ...]]  # key -> names as written
    state_of: dict[str, str]  # actor id -> the state it acts for
    related_types: frozenset[frozenset[str]]
    joint_agent_types: frozenset[str]
    single_incident_types: frozenset[str] = frozenset()
    distinct_figure_ratio: float = 3.0
    generic_report_days: int = 14
    named_objects: tuple[tuple[str, re.Pattern[str]], ...] = ()  # kind -> pattern whose groups hold identifiers
    object_item_types: frozenset[str] = frozenset()  # types whose target is the goods acted on (a vessel seized)
    carrier_classes: frozenset[str] = frozenset()  # classes of goods that carry the others (vessels)
    contrastive_words: frozenset[str] = frozenset()  # "other", "another": a party set apart from one named before
    type_item_classes: dict[str, frozenset[str]] = field(default_factory=dict)  # type -> the goods it implies
    corporate_designators: frozenset[str] = frozenset()  # "corp", "inc": a company's legal form, not its name
    named_target_types: frozenset[str] = frozenset()  # acts done to one named thing (a vessel seized)
    series_nouns: frozenset[str] = frozenset()  # "series", "spate": a noun of many occurrences ("a series of thefts")


@lru_cache(maxsize=1)
def rules() -> LinkingRules:
    return parse_rules(package_yaml("linking.yaml"))


def parse_rules(raw: dict[str, Any]) -> LinkingRules:
    item_class = {str(w).casefold(): str(cls) for cls, words in (raw.get("item_classes") or {}).items() for w in words}
    return LinkingRules(
        durative_types=frozenset(raw.get("durative_types") or ()),
        durative_slack_days=int(raw.get("durative_slack_days", 30)),
        durative_max_gap_days=int(raw.get("durative_max_gap_days", 180)),
        undated_window_days=int(raw.get("undated_window_days", 30)),
        item_class=item_class,
        item_covers={str(k): frozenset(map(str, v or ())) for k, v in (raw.get("item_class_covers") or {}).items()},
        wire_agencies={str(k): tuple(str(n) for n in v) for k, v in (raw.get("wire_agencies") or {}).items()},
        state_of={str(m): str(state) for state, ids in (raw.get("part_of") or {}).items() for m in ids},
        joint_agent_types=frozenset(map(str, raw.get("joint_agent_types") or ())),
        single_incident_types=frozenset(map(str, raw.get("single_incident_types") or ())),
        distinct_figure_ratio=float(raw.get("distinct_figure_ratio", 3)),
        generic_report_days=int(raw.get("generic_report_days", 14)),
        related_types=frozenset(frozenset(map(str, pair)) for pair in raw.get("related_types") or () if len(pair) == 2),
        named_objects=tuple((str(kind), re.compile(str(pattern), re.IGNORECASE))
                            for kind, pattern in (raw.get("named_objects") or {}).items()),
        object_item_types=frozenset(map(str, raw.get("object_item_types") or ())),
        carrier_classes=frozenset(map(str, raw.get("carrier_classes") or ())),
        contrastive_words=frozenset(str(w).casefold() for w in raw.get("contrastive_words") or ()),
        type_item_classes={str(t): frozenset(map(str, v or ())) for t, v in (raw.get("type_item_classes") or {}).items()},
        corporate_designators=frozenset(str(w).casefold() for w in raw.get("corporate_designators") or ()),
        named_target_types=frozenset(map(str, raw.get("named_target_types") or ())),
        series_nouns=frozenset(str(w).casefold() for w in raw.get("series_nouns") or ()),
    )

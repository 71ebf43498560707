"""Known places the NER reads as persons: a small gazetteer (``data/places.yaml``) of the cities and ports the field
names.  The small spaCy model tags an unfamiliar one-word city ("Nakhodka", "Sinuiju") as PERSON, which makes a
port a person and, after a reporting verb, a speaker.  A span that is exactly a listed name becomes a place before
the actor layer groups its mentions; a longer span holding one ("Mr. Posyet Lee") is left as the NER read it.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import yaml

from ..resources import package_yaml
from .scan import NerSpan

PLACES_ENV = "SANCTIONWATCH_PLACES"
PLACE_LABEL = "GPE"


def env_places_paths() -> tuple[Path, ...]:
    """The user's place files named in $SANCTIONWATCH_PLACES (they change extraction, so the pipeline version)."""
    return tuple(Path(p) for p in os.environ.get(PLACES_ENV, "").split(os.pathsep) if p)


@lru_cache(maxsize=4)
def known_places(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The packaged names and those of user files (given here or in $SANCTIONWATCH_PLACES), case-folded."""
    names = list(package_yaml("places.yaml").get("cities") or [])
    for path in tuple(Path(p) for p in extra) + env_places_paths():
        names += (yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}).get("cities") or []
    return frozenset(str(n).casefold() for n in names)


def places_not_persons(ner: list[NerSpan], places: frozenset[str] | None = None) -> list[NerSpan]:
    """The NER spans with every PERSON that is a known place relabelled as one."""
    places = known_places() if places is None else places
    return [replace(s, label=PLACE_LABEL) if s.label == "PERSON" and s.text.casefold() in places else s for s in ner]

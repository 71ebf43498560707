"""Entities: spaCy NER plus a user-extensible table of canonical actors.

Two passes over the parsed blocks, then a merge:

1. an *alias pass* over the tokens with the actor table (``data/actors.yaml``
   plus user files), so that known actors are found even where the statistical
   NER misses or mislabels them, as it often does on machine-translated text;
2. the spaCy NER spans of interesting labels, trimmed of titles, a leading
   "the" and a possessive "'s".

An alias hit wins wherever it overlaps an NER span.  NER-only spans become
document-local entities (``local:<slug>``), except that a partial person name
("Kuk-song", "Kim Kuk", "Putin") joins the one person in the document whose
name contains it, and is dropped when several do (a bare "Kim" among several
Kims names nobody in particular).

Context aliases ("the North", "the regime") resolve only when the document
also mentions one of the actors listed in their ``requires`` (data, not code).
A dateline ("(Seoul)", "SEOUL, March 3 (Yonhap) --") says where a story was
filed, so a place inside it is not a mention; the agency in it is kept, as a
mention of the media outlet that reported the story.

The package: ``table`` loads the actor table, ``scan`` makes the two passes, ``datelines`` finds
datelines, ``bodies`` finds organisations named after a place ("Bank of China") and firms named with
and without a company suffix, ``inner_places`` finds the place inside a name ("South Korea's spy agency", "DPRK Foreign Ministry"),
``resolve`` merges it all into entities.
"""

from __future__ import annotations

from .datelines import DATELINE_WINDOW, dateline_end, dateline_places
from .places import PLACES_ENV, env_places_paths
from .resolve import entity_at, resolve_entities
from .table import (
    ACTORS_ENV,
    ALIAS_LABEL,
    KEEP_LABELS,
    LOCAL_TYPES,
    Actor,
    ActorTable,
    ContextAlias,
    Relation,
    env_actor_paths,
    load_actor_table,
    packaged_actors_path,
    surface_key,
)

__all__ = [
    "ACTORS_ENV",
    "ALIAS_LABEL",
    "DATELINE_WINDOW",
    "KEEP_LABELS",
    "LOCAL_TYPES",
    "PLACES_ENV",
    "Actor",
    "ActorTable",
    "ContextAlias",
    "Relation",
    "dateline_end",
    "dateline_places",
    "entity_at",
    "env_actor_paths",
    "env_places_paths",
    "load_actor_table",
    "packaged_actors_path",
    "resolve_entities",
    "surface_key",
]

"""Entities and sanctions-relevant links as FollowTheMoney entities (JSON lines), for Aleph and OpenSanctions tools.

* each stored actor of a kind FollowTheMoney models becomes a Person,
  Organization, PublicBody or Vessel with its names (``alias``), its Wikidata
  id and the URLs of the reports that mention it; places, weapons and products
  are not exported as entities;
* each list match that was not rejected becomes a ``Sanction`` naming the
  list (``authority``), its programme and listing date, with the match's
  explanation as ``summary`` (a name match in news text, not an official record);
* each asserted or alleged event with an agent and another actor (recipient,
  partner, target) becomes an ``UnknownLink`` whose ``role`` is the event type
  and its CAMEO / PLOVER codes, dated, with the sentence as ``summary``.

The ``followthemoney`` package builds and cleans every entity.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from followthemoney import model
from followthemoney.proxy import EntityProxy

from .events import load_taxonomy
from .export_tables import event_rows
from .store import exports as q
from .store.connection import Database

ID_PREFIX = "sanctionwatch"
# Our actor types -> FollowTheMoney schemata; types not here are not exported as entities.
SCHEMA_OF_TYPE = {
    "person": "Person", "per": "Person",
    "organisation": "Organization", "organization": "Organization", "org": "Organization", "media": "Organization",
    "armed": "Organization", "intelligence": "Organization", "group": "Organization", "company": "Company",
    "government": "PublicBody", "country": "PublicBody",  # a state acting in an event: its government
    "vessel": "Vessel",
}
LINK_ROLES = ("recipient", "partner", "target")
LINK_MODALITIES = ("asserted", "alleged")


def entity_id(actor_id: str) -> str:
    proxy = model.make_entity("Thing")
    return str(proxy.make_id(ID_PREFIX, "actor", actor_id))


def actor_entities(db: Database) -> Iterator[EntityProxy]:
    names: dict[str, list[str]] = {}
    for r in q.entity_names(db):
        names.setdefault(r["entity_id"], []).append(r["name"])
    for r in q.entities(db):
        schema = SCHEMA_OF_TYPE.get((r["type"] or "").casefold())
        if schema is None or not r["name"]:
            continue
        proxy = model.make_entity(schema)
        proxy.id = entity_id(r["entity_id"])
        proxy.add("name", r["name"])
        proxy.add("alias", [n for n in names.get(r["entity_id"], []) if n != r["name"]])
        if r["wikidata"]:
            proxy.add("wikidataId", r["wikidata"])
        proxy.add("notes", f"sanctionwatch actor {r['entity_id']}: {r['documents']} document(s), "
                           f"{r['mentions']} mention(s), {r['first_published'] or '?'} to {r['last_published'] or '?'}")
        yield proxy


def sanctions(db: Database, exported: set[str]) -> Iterator[EntityProxy]:
    for m in q.list_matches(db):
        target = entity_id(m["entity_id"])
        if target not in exported:
            continue
        proxy = model.make_entity("Sanction")
        proxy.make_id(ID_PREFIX, "sanction", m["list_id"], m["reference_number"], m["entity_id"])
        proxy.add("entity", target)
        proxy.add("authority", m["list_name"])
        proxy.add("program", m["programme"] or m["regime"])
        proxy.add("listingDate", m["listed_on"])
        proxy.add("authorityId", m["reference_number"])
        proxy.add("summary", f"name match in news text (score {m['score']:.2f}, {m['method']}): {m['explanation']}")
        yield proxy


def links(db: Database, exported: set[str]) -> Iterator[EntityProxy]:
    types = load_taxonomy().types
    for e in event_rows(db, types):
        if e["modality"] not in LINK_MODALITIES:
            continue
        pairs = [(agent, role, other) for role in LINK_ROLES for other in e[f"{role}_ids"] for agent in e["agent_ids"]]
        for agent, role, other in pairs:
            subject, obj = entity_id(agent), entity_id(other)
            if subject == obj or subject not in exported or obj not in exported:
                continue
            proxy = model.make_entity("UnknownLink")
            proxy.make_id(ID_PREFIX, "link", e["doc_id"], str(e["idx"]), agent, other)
            proxy.add("subject", subject)
            proxy.add("object", obj)
            codes = "; ".join(filter(None, [f"CAMEO {', '.join(e['cameo'])}" if e["cameo"] else "",
                                            f"PLOVER {e['plover']}" if e["plover"] else ""]))
            proxy.add("role", f"{e['label'] or e['type']} ({role}, {e['modality']})" + (f" [{codes}]" if codes else ""))
            proxy.add("startDate", e["time_start"])
            proxy.add("date", e["published"])
            proxy.add("summary", e["sentence"])
            proxy.add("sourceUrl", e["url"])
            proxy.add("publisher", e["publisher"])
            yield proxy


def export_ftm(db: Database, path: str | Path) -> dict[str, int]:
    """Write the FollowTheMoney entities as JSON lines to ``path``; returns counts by schema."""
    counts: dict[str, int] = {}
    exported: set[str] = set()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        def write(proxy: EntityProxy) -> None:
            fh.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
            counts[proxy.schema.name] = counts.get(proxy.schema.name, 0) + 1

        for proxy in actor_entities(db):
            exported.add(str(proxy.id))
            write(proxy)
        for proxy in sanctions(db, exported):
            write(proxy)
        for proxy in links(db, exported):
            write(proxy)
    return counts

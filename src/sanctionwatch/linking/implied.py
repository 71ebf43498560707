"""Events that are evidence of another event type: the use of another state's weapons implies their transfer.

"Russia fired North Korean ballistic missiles at Ukraine" reports a launch by
Russia, but to a sanctions monitor it is evidence that North Korea supplied
the missiles: it belongs with the reports of that transfer, not with North
Korea's own missile tests.  The pairs of types (``implied_transfers`` in
``data/linking.yaml``) say which uses imply which transfer; the event is seen
by the linker as that transfer from the state its item names (agent) to the
user (recipient).  Likewise a state's denial of a one-party act that names no
actor is seen as denying its own part (:func:`self_denial_view`).  Only the
linker's view changes: the document keeps its event.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..actors import load_actor_table
from ..model import Argument, Document, Event
from ..resources import package_yaml
from .states import acting_state


@lru_cache(maxsize=1)
def implied_types() -> dict[str, str]:
    """use type -> the type the linker sees it as, when its item names another state."""
    raw = package_yaml("linking.yaml").get("implied_transfers") or []
    return {str(r["use"]): str(r["as"]) for r in raw}


def _is_state(actor_id: str | None) -> bool:
    if not actor_id or actor_id.startswith("local:"):
        return False
    actor = load_actor_table().get(actor_id)
    return actor is not None and actor.type == "country"


def linking_view(event: Event) -> Event:
    """The event as the linker should weigh it: a use of a foreign state's weapons as their transfer."""
    as_type = implied_types().get(event.type)
    if as_type is None:
        return event
    agents = {a.entity: a for a in event.arguments if a.role == "agent" and _is_state(a.entity)}
    origins = {a.entity for a in event.arguments if a.role == "item" and _is_state(a.entity)}
    if len(agents) != 1 or len(origins) != 1 or set(agents) & origins:
        return event
    (user,) = agents.values()
    item = next(a for a in event.arguments if a.role == "item" and a.entity in origins)
    supplier = Argument("agent", item.start, item.end, item.text, item.entity)
    args = [a for a in event.arguments if a.role not in ("agent", "destination", "location")]
    return replace(event, type=as_type, arguments=[supplier, replace(user, role="recipient"), *args])


def self_denial_view(doc: Document, event: Event) -> Event:
    """A state's denial of an act that names no actor, seen as the denial of its own part in it: "North Korea
    said it had nothing to do with the hacking of the studio" denies that North Korea hacked the studio.
    Without it, such a denial carries only its victim and meets the allegation "North Korea hacked the studio"
    on the sentence's actors alone.  Only states (and their organs, folded to the state) deny for themselves
    here: a person or a body of no known state may deny on another's behalf, and a joint denial ("Russia and
    North Korea deny") names no one party.  Only one-party acts (``self_denial_types``): "Moscow denies any
    arms trade" denies a purchase, not a sale by Moscow."""
    if event.type not in _self_denial_types() or (event.modality not in ("denied", "negated") and not _in_denial(doc, event)):
        return event
    # a denial that names its victim denies one act; "has long denied carrying out cyberattacks" names none,
    # and an agent put on it would bind the habit to whichever attack the other reports name
    if any(a.role == "agent" for a in event.arguments) or not any(a.role == "target" and a.entity for a in event.arguments):
        return event
    attr = doc.attributions[event.attribution] if event.attribution is not None and 0 <= event.attribution < len(doc.attributions) else None
    if attr is None or attr.negated:
        return event
    state = _speaking_state(doc, event.attribution)
    if state is None:
        return event
    where = attr.source[0] if attr.source else event.trigger
    return replace(event, arguments=[Argument("agent", where.start, where.end, where.text, state), *event.arguments])


@lru_cache(maxsize=1)
def _self_denial_types() -> frozenset[str]:
    return frozenset(map(str, package_yaml("linking.yaml").get("self_denial_types") or ()))


def _speaking_state(doc: Document, index: int | None) -> str | None:
    """The state whose voice an attribution is: its speaker's, the speaker's affiliation, the state outlet
    that carried it, or those of the statement it is quoted in ("the spokesman said, according to KCNA")."""
    seen: set[int] = set()
    while index is not None and 0 <= index < len(doc.attributions) and index not in seen:
        seen.add(index)
        attr = doc.attributions[index]
        if len(_states_named(doc, attr.source)) > 1:
            return None
        for actor in (attr.source_entity, attr.affiliation, attr.channel):
            state = actor if _is_state(actor) else (acting_state(actor) if actor else None)
            if state is not None:
                return state
        index = attr.parent
    return None


def _in_denial(doc: Document, event: Event) -> bool:
    attr = doc.attributions[event.attribution] if event.attribution is not None and 0 <= event.attribution < len(doc.attributions) else None
    return attr is not None and attr.stance == "deny"


def _states_named(doc: Document, spans) -> set[str]:
    """The states (an organ folded to its state) whose names lie in ``spans``: more than one is a joint voice."""
    found = set()
    for e in doc.entities:
        state = e.id if _is_state(e.id) else acting_state(e.id)
        if state and any(f.start <= m.start and m.end <= f.end for f in spans for m in e.mentions):
            found.add(state)
    return found

"""Events that are evidence of another event type: the use of another state's weapons implies their transfer.

"Russia fired North Korean ballistic missiles at Ukraine" reports a launch by
Russia, but to a sanctions monitor it is evidence that North Korea supplied
the missiles: it belongs with the reports of that transfer, not with North
Korea's own missile tests.  The pairs of types (``implied_transfers`` in
``data/linking.yaml``) say which uses imply which transfer; the event is seen
by the linker as that transfer from the state its item names (agent) to the
user (recipient).  Only the linker's view changes: the document keeps its event.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..actors import load_actor_table
from ..model import Argument, Event
from ..resources import package_yaml


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

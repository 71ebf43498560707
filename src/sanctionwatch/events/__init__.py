"""Sanctions-relevant events, one sentence at a time.

For each parsed sentence:

1. **Triggers.** Every token is looked up in an index compiled once from
   ``data/taxonomy.yaml`` (lemma -> rules).  A rule with a *context* fires
   only when one of the context words is among the trigger's syntactic
   arguments (objects, subject, compounds, "of"/"to" phrases, up to three
   links away), which is what tells "sent ... weapons" (arms_transfer) from
   "sent ... troops" (troop_deployment) and keeps a bare "missile" from being
   a launch.  Multiword phrases ("front company") are matched on lemmas or
   lower-case forms.  Types are tried in file order; the first wins a token.
2. **Arguments** come from the dependency tree: the agent is the subject (or
   the "by" phrase, a possessor, the subject of a light verb such as
   "conducted", or the object of "accused X of"); the item is the context
   word's noun phrase; prepositions map to roles (to -> destination, from ->
   origin, in -> location ...).  Actor arguments carry the entity id of the
   mention they overlap.
3. **Quantity and time** (``timing``): the quantity nearest the trigger in
   its clause (every figure of a list: "800 and then 1,200 tons"), and the
   event's *own* time: a time expression the parse attaches to the event,
   never one of the report verb, another event or a background clause (those
   dates go to ``reported``; an event without its own time keeps ``time``
   null).
4. **Modality**: negation and modal auxiliaries on the trigger or the verbs
   governing it; an enclosing attribution's stance; else local cues
   ("accused", "said", "reportedly").  An event reported by someone other
   than its agent is *alleged*.

Triggers under a governing verb such as "ban" or "cap" describe a rule, not an
occurrence ("the resolutions ban coal exports"), and are skipped.

Modules: ``taxonomy`` (the YAML compiled), ``triggers`` (detection),
``arguments`` (roles from the tree), ``agents`` (the agent's repairs: datelines,
quoted pronouns, class nouns, anaphors), ``nominal`` (context-less nouns typed by
their document), ``abroad`` (workers abroad named without a trigger verb), ``timing`` (time, reported date, quantity clause),
``history`` (events told long after they happened: marked historical and
dated by their story), ``modality``, ``extract`` (the entry point).
"""

from .extract import extract_events
from .taxonomy import EventType, Taxonomy, TriggerRule, load_taxonomy

__all__ = ["EventType", "Taxonomy", "TriggerRule", "extract_events", "load_taxonomy"]

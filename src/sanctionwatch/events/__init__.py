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
3. **Quantity and time**: the quantity (``quantity.find_quantities``) and
   time expression (``timex.find_times``) of the sentence that lie in the
   trigger's clause, else the nearest ones in the sentence.
4. **Modality**: negation and modal auxiliaries on the trigger or the verbs
   governing it; an enclosing attribution's stance; else local cues
   ("accused", "said", "reportedly").  An event reported by someone other
   than its agent is *alleged*.

Triggers under a governing verb such as "ban" or "cap" describe a rule, not an
occurrence ("the resolutions ban coal exports"), and are skipped.
"""

from .extract import extract_events
from .taxonomy import EventType, Taxonomy, TriggerRule, load_taxonomy

__all__ = ["EventType", "Taxonomy", "TriggerRule", "extract_events", "load_taxonomy"]

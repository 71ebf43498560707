"""Cross-document linking: events of different articles into cases, with their independent sources.

One module per job, in the order a linking pass uses them:

* ``taxonomy``: the event types' labels, categories and relations (a view of data/taxonomy.yaml);
* ``evidence``: field-by-field scores of two events (data/linking.yaml); ``credit``: whose story a page carries;
* ``syndication``: copies of one text (shingles) and independent-source keys;
* ``scoring``: the weighted evidence that two events are one real event;
* ``cases``: the Case and its members; ``items``: events as clustering items;
* ``clustering``: the one clustering both the full and the incremental linking run;
* ``summaries``: a case's fields, title sentence and membership explanation;
* ``rebuild``: a full re-link of the store; ``incremental``, ``sources`` and ``neighbourhood``: the update.

Within-document event coreference (:mod:`sanctionwatch.event_coref`) is a pipeline stage, not part of this
package: it runs per document at extraction time, and linking reads its result.  Every SQL statement lives in
:mod:`sanctionwatch.store.linking`.
"""

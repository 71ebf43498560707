-- sanctionwatch store, schema 3: what the last case linking saw, so that
-- link_incremental.update_cases() re-links only what changed since.
-- None of these tables references documents: a deleted document must leave
-- its trace here until the next update removes it from its cases.

-- One row per document the cases were built from, with the marker of the
-- extraction that was linked (a re-saved document gets a new ingested_at/rowid).
CREATE TABLE linked_documents (
    doc_id           TEXT PRIMARY KEY,
    pipeline_version TEXT NOT NULL,
    ingested_at      TEXT NOT NULL,
    doc_rowid        INTEGER NOT NULL,          -- documents.rowid when it was linked
    publisher_key    TEXT,                      -- casefolded publisher: one publisher is one source
    source_key       TEXT NOT NULL,             -- independent source: syndicated copies and one publisher share it
    shingle_count    INTEGER NOT NULL           -- body shingles, the denominator of syndication containment
);
CREATE INDEX linked_documents_source ON linked_documents(source_key);
CREATE INDEX linked_documents_publisher ON linked_documents(publisher_key);

-- A sample of each linked document's body shingles (those = 0 mod 4): the
-- inverted index that finds syndication candidates for a new document.
CREATE TABLE linked_shingles (
    shingle INTEGER NOT NULL,                   -- signed 64-bit form of link.shingles()
    doc_id  TEXT NOT NULL
);
CREATE INDEX linked_shingles_shingle ON linked_shingles(shingle);
CREATE INDEX linked_shingles_doc ON linked_shingles(doc_id);

-- Pairs of documents found to be syndicated copies (doc_a < doc_b).
CREATE TABLE linked_syndication (
    doc_a TEXT NOT NULL,
    doc_b TEXT NOT NULL,
    PRIMARY KEY (doc_a, doc_b)
);
CREATE INDEX linked_syndication_b ON linked_syndication(doc_b);

-- Which documents each case was built from; unlike case_members it survives
-- the document's deletion or re-saving (ON DELETE CASCADE empties those).
CREATE TABLE linked_case_docs (
    case_id TEXT NOT NULL,
    doc_id  TEXT NOT NULL,
    PRIMARY KEY (case_id, doc_id)
);
CREATE INDEX linked_case_docs_doc ON linked_case_docs(doc_id);

-- sanctionwatch store, schema 3, PostgreSQL form of ../0003_linking_state.sql (same tables and columns).

CREATE TABLE linked_documents (
    doc_id           TEXT PRIMARY KEY,
    pipeline_version TEXT NOT NULL,
    ingested_at      TEXT NOT NULL,
    doc_rowid        BIGINT NOT NULL,
    publisher_key    TEXT,
    source_key       TEXT NOT NULL,
    shingle_count    INTEGER NOT NULL,
    rowid            BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX linked_documents_source ON linked_documents(source_key);
CREATE INDEX linked_documents_publisher ON linked_documents(publisher_key);

CREATE TABLE linked_shingles (
    shingle BIGINT NOT NULL,
    doc_id  TEXT NOT NULL,
    rowid   BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX linked_shingles_shingle ON linked_shingles(shingle);
CREATE INDEX linked_shingles_doc ON linked_shingles(doc_id);

CREATE TABLE linked_syndication (
    doc_a TEXT NOT NULL,
    doc_b TEXT NOT NULL,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (doc_a, doc_b)
);
CREATE INDEX linked_syndication_b ON linked_syndication(doc_b);

CREATE TABLE linked_case_docs (
    case_id TEXT NOT NULL,
    doc_id  TEXT NOT NULL,
    rowid   BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (case_id, doc_id)
);
CREATE INDEX linked_case_docs_doc ON linked_case_docs(doc_id);

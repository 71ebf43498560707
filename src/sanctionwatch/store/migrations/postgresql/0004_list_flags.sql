-- sanctionwatch store, schema 4, PostgreSQL form of ../0004_list_flags.sql (same tables and columns).

ALTER TABLE list_entries ADD COLUMN programme TEXT;

CREATE TABLE list_flags (
    list_id          TEXT NOT NULL,
    reference_number TEXT NOT NULL,
    entity_id        TEXT NOT NULL,
    doc_id           TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    matched_text     TEXT NOT NULL,
    score            DOUBLE PRECISION NOT NULL CHECK (score >= 0 AND score <= 1),
    method           TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('designated', 'before-listing', 'rejected')),
    event_date       TEXT,
    reasons          TEXT NOT NULL DEFAULT '[]',
    explanation      TEXT NOT NULL,
    rowid            BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (list_id, reference_number, doc_id, start, "end"),
    FOREIGN KEY (list_id, reference_number) REFERENCES list_entries(list_id, reference_number) ON DELETE CASCADE
);
CREATE INDEX list_flags_entity ON list_flags(entity_id);
CREATE INDEX list_flags_doc ON list_flags(doc_id);

-- sanctionwatch store, schema 1: documents and everything extracted from them.
-- Offsets are character offsets into documents.text (Python str indices).

CREATE TABLE documents (
    doc_id           TEXT PRIMARY KEY,          -- sha256 of the stored text (content hash)
    input            TEXT NOT NULL,             -- path as given, or path:line for JSONL
    title            TEXT,
    published        TEXT,                      -- ISO date or NULL
    publisher        TEXT,
    url              TEXT,
    language         TEXT,
    format           TEXT NOT NULL,
    text             TEXT NOT NULL,
    meta             TEXT NOT NULL DEFAULT '{}',   -- JSON
    warnings         TEXT NOT NULL DEFAULT '[]',   -- JSON
    skipped_stages   TEXT NOT NULL DEFAULT '[]',   -- JSON
    pipeline_version TEXT NOT NULL,
    ingested_at      TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_publisher ON documents(publisher);

-- Every input seen, also the ones that were skipped, so that nothing is lost silently.
CREATE TABLE inputs (
    input       TEXT PRIMARY KEY,
    doc_id      TEXT REFERENCES documents(doc_id) ON DELETE SET NULL,
    status      TEXT NOT NULL,                  -- stored | unchanged | skipped
    reason      TEXT,
    seen_at     TEXT NOT NULL
);

CREATE TABLE ignored (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    reason  TEXT NOT NULL
);
CREATE INDEX ignored_doc ON ignored(doc_id);

CREATE TABLE sentences (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE entities (
    doc_id    TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,                    -- canonical actor id or local:slug
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    wikidata  TEXT,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX entities_entity ON entities(entity_id);

CREATE TABLE mentions (
    doc_id    TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    label     TEXT
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE attributions (
    doc_id        TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    source_entity TEXT,
    stance        TEXT NOT NULL,
    hedged        INTEGER NOT NULL,
    negated       INTEGER NOT NULL,
    parent        INTEGER,
    kind          TEXT,
    start         INTEGER,                      -- extent of all fragments, for range queries
    end           INTEGER,
    json          TEXT NOT NULL,                -- the full Attribution as in the JSON contract
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX attributions_source ON attributions(source_entity);
CREATE INDEX attributions_stance ON attributions(stance);

CREATE TABLE events (
    doc_id          TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    type            TEXT NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    modality        TEXT NOT NULL,
    attribution_idx INTEGER,
    time_start      TEXT,
    time_end        TEXT,
    json            TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX events_type ON events(type);

-- Analyst reviews (filled by the web workbench); never touched by re-processing.
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id      TEXT NOT NULL,                  -- no FK: a review outlives re-processing
    target      TEXT NOT NULL,                  -- entity | attribution | event | case | ...
    target_key  TEXT NOT NULL,                  -- e.g. attribution index, or a span "start:end"
    verdict     TEXT NOT NULL,                  -- correct | wrong | corrected
    field       TEXT,
    value       TEXT,
    note        TEXT,
    reviewer    TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX reviews_doc ON reviews(doc_id);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

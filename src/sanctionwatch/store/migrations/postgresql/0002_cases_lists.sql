-- sanctionwatch store, schema 2, PostgreSQL form of ../0002_cases_lists.sql (same tables and columns).

CREATE TABLE cases (
    case_id             TEXT PRIMARY KEY,
    type                TEXT NOT NULL,
    category            TEXT NOT NULL,
    summary             TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('single-source', 'corroborated', 'contested', 'denied-only')),
    min_sources         INTEGER NOT NULL,
    independent_sources INTEGER NOT NULL,
    time_start          TEXT,
    time_end            TEXT,
    reported_start      TEXT,
    reported_end        TEXT,
    quantity_value      DOUBLE PRECISION,
    quantity_unit       TEXT,
    json                TEXT NOT NULL,
    rowid               BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX cases_type ON cases(type);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_time ON cases(time_start);

CREATE TABLE case_members (
    case_id         TEXT NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
    doc_id          TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    event_idx       INTEGER,
    attribution_idx INTEGER,
    role            TEXT NOT NULL CHECK (role IN ('allegation', 'denial', 'report')),
    rowid           BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX case_members_case ON case_members(case_id);
CREATE INDEX case_members_doc ON case_members(doc_id, event_idx);

CREATE TABLE case_actors (
    case_id   TEXT NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    name      TEXT,
    rowid     BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (case_id, role, entity_id)
);
CREATE INDEX case_actors_entity ON case_actors(entity_id);

CREATE TABLE case_sources (
    case_id      TEXT NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('support', 'denial')),
    source_group INTEGER NOT NULL,
    doc_id       TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    publisher    TEXT,
    published    TEXT,
    url          TEXT,
    rowid        BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX case_sources_case ON case_sources(case_id);

CREATE TABLE sanctions_lists (
    list_id        TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    date_generated TEXT,
    source         TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    imported_at    TEXT NOT NULL
);

CREATE TABLE list_entries (
    list_id          TEXT NOT NULL REFERENCES sanctions_lists(list_id) ON DELETE CASCADE,
    reference_number TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('individual', 'entity')),
    regime           TEXT NOT NULL,
    name             TEXT NOT NULL,
    listed_on        TEXT,
    dataid           TEXT,
    json             TEXT NOT NULL,
    PRIMARY KEY (list_id, reference_number)
);
CREATE INDEX list_entries_regime ON list_entries(regime);

CREATE TABLE list_aliases (
    list_id          TEXT NOT NULL,
    reference_number TEXT NOT NULL,
    alias            TEXT NOT NULL,
    quality          TEXT NOT NULL,
    rowid            BIGINT GENERATED ALWAYS AS IDENTITY,
    FOREIGN KEY (list_id, reference_number) REFERENCES list_entries(list_id, reference_number) ON DELETE CASCADE
);
CREATE INDEX list_aliases_entry ON list_aliases(list_id, reference_number);

CREATE TABLE list_identifiers (
    list_id          TEXT NOT NULL,
    reference_number TEXT NOT NULL,
    scheme           TEXT NOT NULL,
    value            TEXT NOT NULL,
    rowid            BIGINT GENERATED ALWAYS AS IDENTITY,
    FOREIGN KEY (list_id, reference_number) REFERENCES list_entries(list_id, reference_number) ON DELETE CASCADE
);
CREATE INDEX list_identifiers_value ON list_identifiers(scheme, value);

CREATE TABLE list_matches (
    list_id          TEXT NOT NULL,
    reference_number TEXT NOT NULL,
    entity_id        TEXT NOT NULL,
    matched_text     TEXT NOT NULL,
    doc_id           TEXT REFERENCES documents(doc_id) ON DELETE CASCADE,
    start            INTEGER,
    "end"            INTEGER,
    score            DOUBLE PRECISION NOT NULL CHECK (score >= 0 AND score <= 1),
    method           TEXT NOT NULL,
    explanation      TEXT NOT NULL,
    PRIMARY KEY (list_id, reference_number, entity_id),
    FOREIGN KEY (list_id, reference_number) REFERENCES list_entries(list_id, reference_number) ON DELETE CASCADE
);
CREATE INDEX list_matches_entity ON list_matches(entity_id);

-- sanctionwatch store, schema 2: cross-document cases and sanctions lists.
-- Cases are derived data: link.rebuild_cases() replaces them wholesale.

CREATE TABLE cases (
    case_id             TEXT PRIMARY KEY,       -- "case-" + hash of its members (stable across rebuilds)
    type                TEXT NOT NULL,          -- event type id from data/taxonomy.yaml
    category            TEXT NOT NULL,
    summary             TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('single-source', 'corroborated', 'contested', 'denied-only')),
    min_sources         INTEGER NOT NULL,       -- the threshold the status was computed with
    independent_sources INTEGER NOT NULL,
    time_start          TEXT,                   -- ISO dates, NULL when no member is dated
    time_end            TEXT,
    reported_start      TEXT,                   -- publication dates of its documents
    reported_end        TEXT,
    quantity_value      REAL,
    quantity_unit       TEXT,
    json                TEXT NOT NULL           -- the full Case (link.Case.to_dict())
);
CREATE INDEX cases_type ON cases(type);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_time ON cases(time_start);

-- One row per event (or denial-only attribution) in a case.
CREATE TABLE case_members (
    case_id         TEXT NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
    doc_id          TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    event_idx       INTEGER,                    -- events.idx; NULL for an attribution-only denial
    attribution_idx INTEGER,                    -- attributions.idx carrying the claim or the denial
    role            TEXT NOT NULL CHECK (role IN ('allegation', 'denial', 'report'))
);
CREATE INDEX case_members_case ON case_members(case_id);
CREATE INDEX case_members_doc ON case_members(doc_id, event_idx);

CREATE TABLE case_actors (
    case_id   TEXT NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
    role      TEXT NOT NULL,                    -- agent | recipient | partner | origin | destination
    entity_id TEXT NOT NULL,
    name      TEXT,
    PRIMARY KEY (case_id, role, entity_id)
);
CREATE INDEX case_actors_entity ON case_actors(entity_id);

-- Documents behind a case, grouped into independent sources (syndicated copies
-- and one publisher's articles share a source_group).
CREATE TABLE case_sources (
    case_id      TEXT NOT NULL REFERENCES cases(case_id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('support', 'denial')),
    source_group INTEGER NOT NULL,
    doc_id       TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    publisher    TEXT,
    published    TEXT,
    url          TEXT
);
CREATE INDEX case_sources_case ON case_sources(case_id);

-- Imported sanctions lists (one row per list; re-importing a list replaces it).
CREATE TABLE sanctions_lists (
    list_id        TEXT PRIMARY KEY,            -- e.g. un-sc-consolidated
    name           TEXT NOT NULL,
    date_generated TEXT,
    source         TEXT NOT NULL,               -- file path as imported
    sha256         TEXT NOT NULL,
    imported_at    TEXT NOT NULL
);

CREATE TABLE list_entries (
    list_id          TEXT NOT NULL REFERENCES sanctions_lists(list_id) ON DELETE CASCADE,
    reference_number TEXT NOT NULL,             -- KPi.033, KPe.001, QDi.001 ...
    kind             TEXT NOT NULL CHECK (kind IN ('individual', 'entity')),
    regime           TEXT NOT NULL,             -- UN_LIST_TYPE: DPRK, Iran, Al-Qaida ...
    name             TEXT NOT NULL,             -- FIRST_NAME..FOURTH_NAME joined
    listed_on        TEXT,
    dataid           TEXT,
    json             TEXT NOT NULL,             -- designation, nationality, comments, dates of birth ...
    PRIMARY KEY (list_id, reference_number)
);
CREATE INDEX list_entries_regime ON list_entries(regime);

CREATE TABLE list_aliases (
    list_id          TEXT NOT NULL,
    reference_number TEXT NOT NULL,
    alias            TEXT NOT NULL,
    quality          TEXT NOT NULL,             -- name | good | low | aka | fka | acronym | original-script
    FOREIGN KEY (list_id, reference_number) REFERENCES list_entries(list_id, reference_number) ON DELETE CASCADE
);
CREATE INDEX list_aliases_entry ON list_aliases(list_id, reference_number);

CREATE TABLE list_identifiers (
    list_id          TEXT NOT NULL,
    reference_number TEXT NOT NULL,
    scheme           TEXT NOT NULL,             -- imo | passport | national-id
    value            TEXT NOT NULL,
    FOREIGN KEY (list_id, reference_number) REFERENCES list_entries(list_id, reference_number) ON DELETE CASCADE
);
CREATE INDEX list_identifiers_value ON list_identifiers(scheme, value);

-- Stored entities (by id) matched against list entries; rebuilt by sanctions_list.match_store().
CREATE TABLE list_matches (
    list_id          TEXT NOT NULL,
    reference_number TEXT NOT NULL,
    entity_id        TEXT NOT NULL,
    matched_text     TEXT NOT NULL,             -- the entity name or mention text that matched
    doc_id           TEXT REFERENCES documents(doc_id) ON DELETE CASCADE,  -- where that text occurs
    start            INTEGER,
    end              INTEGER,
    score            REAL NOT NULL CHECK (score >= 0 AND score <= 1),
    method           TEXT NOT NULL,             -- exact | variant | reordered | legal-form | identifier
    explanation      TEXT NOT NULL,
    PRIMARY KEY (list_id, reference_number, entity_id),
    FOREIGN KEY (list_id, reference_number) REFERENCES list_entries(list_id, reference_number) ON DELETE CASCADE
);
CREATE INDEX list_matches_entity ON list_matches(entity_id);

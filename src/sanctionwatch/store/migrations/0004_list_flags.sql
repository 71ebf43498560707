-- sanctionwatch store, schema 4: sanctions-list flags in context, and the programme of each list entry.
-- Lists now come from several publishers (UN, OFAC, EU, UK, OpenSanctions); each entry keeps its own
-- programme label next to the normalised regime.

ALTER TABLE list_entries ADD COLUMN programme TEXT;  -- the list's own label: DPRK3, PRK, "Democratic People's Republic of Korea" ...

-- One row per mention that matched a list entry, with what the document says about it.
-- Rebuilt by sanctions.flags.match_store(); list_matches keeps the best flag per entity that was not rejected.
CREATE TABLE list_flags (
    list_id          TEXT NOT NULL,
    reference_number TEXT NOT NULL,
    entity_id        TEXT NOT NULL,
    doc_id           TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    start            INTEGER NOT NULL,          -- the mention: documents.text[start:end] == matched_text
    end              INTEGER NOT NULL,
    matched_text     TEXT NOT NULL,
    score            REAL NOT NULL CHECK (score >= 0 AND score <= 1),
    method           TEXT NOT NULL,             -- exact | variant | reordered | legal-form | trade-name | identifier ...
    status           TEXT NOT NULL CHECK (status IN ('designated', 'before-listing', 'rejected')),
    event_date       TEXT,                      -- date of the entity's event in the document (else NULL: the report date was used)
    reasons          TEXT NOT NULL DEFAULT '[]',  -- JSON [{check, verdict, text}]: age, born, role, nationality, place, imo, listing-date
    explanation      TEXT NOT NULL,
    PRIMARY KEY (list_id, reference_number, doc_id, start, end),
    FOREIGN KEY (list_id, reference_number) REFERENCES list_entries(list_id, reference_number) ON DELETE CASCADE
);
CREATE INDEX list_flags_entity ON list_flags(entity_id);
CREATE INDEX list_flags_doc ON list_flags(doc_id);

-- 001: documents, events, failures, runs.
CREATE TABLE documents (
    id                  TEXT PRIMARY KEY,      -- doc_id: file stem or the record's id
    path                TEXT NOT NULL,         -- file path, URL or <stdin>
    url                 TEXT,
    title               TEXT,
    publisher           TEXT,
    language            TEXT NOT NULL,         -- ISO 639-1
    script              TEXT NOT NULL,         -- ISO 15924
    language_source     TEXT NOT NULL,         -- script | detected | metadata | prior
    pub_date            TEXT,                  -- ISO, possibly partial
    pub_date_precision  TEXT,                  -- day | month | year
    pub_date_source     TEXT,
    dateline            TEXT,
    content_hash        TEXT NOT NULL,         -- SHA-256 of the text: re-runs skip unchanged articles
    pipeline            TEXT NOT NULL,         -- fingerprint of code version, backend and language data
    text                TEXT NOT NULL,         -- the original text
    lines_json          TEXT NOT NULL,         -- [[number, start, end, noise reason or null], ...]
    story_id            TEXT,
    ingested_at         TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents(content_hash);
CREATE INDEX documents_story ON documents(story_id);

CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type          TEXT NOT NULL,               -- PLOVER type
    mode          TEXT,
    source_code   TEXT NOT NULL,
    target_code   TEXT,
    date          TEXT,
    main          INTEGER NOT NULL,
    symmetric     INTEGER NOT NULL,
    intensity     REAL,
    backend       TEXT NOT NULL,               -- e.g. rules.v1
    record_json   TEXT NOT NULL                -- the full Event record
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_dyad ON events(source_code, target_code, date);

CREATE TABLE failures (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id    INTEGER,
    path      TEXT NOT NULL,
    reason    TEXT NOT NULL,                   -- empty | binary | undecodable | too-large | malformed | ...
    stage     TEXT NOT NULL,
    detail    TEXT NOT NULL,
    at        TEXT NOT NULL
);

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    inputs      TEXT NOT NULL,                 -- JSON list of the paths given
    documents   INTEGER DEFAULT 0,
    new_documents INTEGER DEFAULT 0,
    events      INTEGER DEFAULT 0,
    failures    INTEGER DEFAULT 0
);

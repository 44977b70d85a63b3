-- 002: stories — what each document's main news is (signature), the dyad index used for
-- blocking, and the merged events of each story.
CREATE TABLE doc_signatures (
    doc_id       TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    record_json  TEXT NOT NULL,                -- dyads, types, persons, dates, place
    vector       BLOB,                         -- title+lead embedding (float32), for text similarity
    reason_json  TEXT                          -- why the document joined or started its story
);
CREATE TABLE story_keys (
    dyad    TEXT NOT NULL,                     -- "BLR|IRN"
    day     TEXT NOT NULL,                     -- event or publication day, '' when unknown
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX story_keys_dyad_day ON story_keys(dyad, day);
CREATE INDEX story_keys_doc ON story_keys(doc_id);

CREATE TABLE story_events (
    id           TEXT PRIMARY KEY,
    story_id     TEXT NOT NULL,
    type         TEXT NOT NULL,
    source_code  TEXT NOT NULL,
    target_code  TEXT,
    date         TEXT,
    intensity    REAL,
    record_json  TEXT NOT NULL                 -- canonical event with its sources (NumSources, NumArticles)
);
CREATE INDEX story_events_story ON story_events(story_id);
CREATE INDEX story_events_dyad ON story_events(source_code, target_code, date);

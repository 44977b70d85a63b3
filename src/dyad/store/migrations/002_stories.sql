-- 002: stories (documents whose main event is one real-world event) and their merged events.
CREATE TABLE stories (
    id           TEXT PRIMARY KEY,
    created_at   TEXT NOT NULL,
    record_json  TEXT NOT NULL                 -- doc ids, languages, reasons each document joined
);
CREATE TABLE story_events (
    id           TEXT PRIMARY KEY,
    story_id     TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    type         TEXT NOT NULL,
    source_code  TEXT NOT NULL,
    target_code  TEXT,
    date         TEXT,
    record_json  TEXT NOT NULL                 -- canonical event with sources, NumSources, NumArticles
);
CREATE INDEX story_events_dyad ON story_events(source_code, target_code, date);

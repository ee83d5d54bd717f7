-- Saved searches (as migrations/sqlite/0005).
CREATE TABLE saved_searches (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    query      TEXT NOT NULL,
    created_at TEXT NOT NULL
);

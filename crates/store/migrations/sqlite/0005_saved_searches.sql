-- Searches the operator saved: listed on the site, each with its feeds.
-- Append-only: never edit once shipped.

CREATE TABLE saved_searches (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    query      TEXT NOT NULL,
    created_at TEXT NOT NULL
);

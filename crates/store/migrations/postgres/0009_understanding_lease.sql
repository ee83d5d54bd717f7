-- Work one process does for all of them, leased like feeds (as migrations/sqlite/0009).
CREATE TABLE process_leases (
    name        TEXT PRIMARY KEY NOT NULL,
    owner       TEXT NOT NULL,
    lease_until TEXT NOT NULL
);

CREATE INDEX articles_unplaced ON articles (sort_at, id) WHERE story_id IS NULL;

-- Work one process does for all of them, leased like feeds: understanding articles into
-- stories keeps its state in the process that does it, so one process (the holder of the
-- `understanding` lease) places every article, those other processes stored included.
CREATE TABLE process_leases (
    name        TEXT PRIMARY KEY NOT NULL,
    owner       TEXT NOT NULL,
    lease_until TEXT NOT NULL
);

-- The articles no process has placed in a story yet: the understanding holder's queue.
CREATE INDEX articles_unplaced ON articles (sort_at, id) WHERE story_id IS NULL;

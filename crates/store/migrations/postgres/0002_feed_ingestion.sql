-- Feed ingestion (as migrations/sqlite/0002).
ALTER TABLE feeds ADD COLUMN site_url TEXT;
ALTER TABLE feeds ADD COLUMN paused BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE feeds ADD COLUMN etag TEXT;
ALTER TABLE feeds ADD COLUMN last_modified TEXT;
ALTER TABLE feeds ADD COLUMN last_polled_at TEXT;
ALTER TABLE feeds ADD COLUMN next_poll_at TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN last_status TEXT NOT NULL DEFAULT 'new';
ALTER TABLE feeds ADD COLUMN last_error TEXT;
ALTER TABLE feeds ADD COLUMN error_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN item_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN poll_interval_secs BIGINT NOT NULL DEFAULT 3600;

CREATE INDEX feeds_due ON feeds (paused, next_poll_at);

ALTER TABLE articles ADD COLUMN feed_summary TEXT;

CREATE TABLE entries (
    feed_id       TEXT NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    entry_key     TEXT NOT NULL,
    article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    content_hash  TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    PRIMARY KEY (feed_id, entry_key)
);

CREATE INDEX entries_by_article ON entries (article_id);

CREATE TABLE article_revisions (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    revision    BIGINT NOT NULL,
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    body_text   TEXT NOT NULL,
    body_html   TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    PRIMARY KEY (article_id, revision)
);

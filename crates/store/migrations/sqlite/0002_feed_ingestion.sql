-- Feed ingestion: polling state per feed, entry identity per feed, article revisions.
-- Append-only: never edit once shipped.

ALTER TABLE feeds ADD COLUMN site_url TEXT;
ALTER TABLE feeds ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN etag TEXT;
ALTER TABLE feeds ADD COLUMN last_modified TEXT;
ALTER TABLE feeds ADD COLUMN last_polled_at TEXT;
ALTER TABLE feeds ADD COLUMN next_poll_at TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN last_status TEXT NOT NULL DEFAULT 'new';
ALTER TABLE feeds ADD COLUMN last_error TEXT;
ALTER TABLE feeds ADD COLUMN error_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0;
-- The interval the scheduler chose last, in seconds, reused after a 304.
ALTER TABLE feeds ADD COLUMN poll_interval_secs INTEGER NOT NULL DEFAULT 3600;

CREATE INDEX feeds_due ON feeds (paused, next_poll_at);

-- The summary the feed gave, kept beside newsdesk's own (`summary`).
ALTER TABLE articles ADD COLUMN feed_summary TEXT;

-- Which article an entry of a feed became. The key is `guid:<guid>`, else `link:<canonical
-- link>`, else `hash:<content hash>`; the content hash tells a changed entry from a re-poll.
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

-- What an article said before it changed, newest revision last.
CREATE TABLE article_revisions (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    body_text   TEXT NOT NULL,
    body_html   TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    PRIMARY KEY (article_id, revision)
);

-- newsdesk schema, version 1. Migrations are append-only: never edit this file once it has
-- shipped; add 0002_... instead. The runner refuses a database whose applied migration
-- checksum differs from the one embedded in the binary.

-- Ids are UUIDs as lowercase hyphenated text; times are UTC as fixed-width
-- 'YYYY-MM-DDTHH:MM:SS.ffffffZ' text, so that text order is time order on both backends.

CREATE TABLE sources (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    homepage    TEXT NOT NULL,
    domain      TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE feeds (
    id          TEXT PRIMARY KEY NOT NULL,
    source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    url         TEXT NOT NULL UNIQUE,
    title       TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE articles (
    -- A stable integer row key for the full-text index (an implicit rowid may change on VACUUM).
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT NOT NULL,
    byline          TEXT,
    published_at    TEXT,
    updated_at      TEXT,
    language        TEXT,
    url             TEXT,
    original_url    TEXT,
    original_domain TEXT,
    comment_count   INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    source_id       TEXT REFERENCES sources(id) ON DELETE SET NULL,
    feed_id         TEXT REFERENCES feeds(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    modified_at     TEXT NOT NULL,
    -- When the article belongs in time: published_at, else created_at. Lists sort by it.
    sort_at         TEXT NOT NULL
);

CREATE INDEX articles_by_time ON articles (sort_at DESC, id DESC);
CREATE INDEX articles_by_url ON articles (url);
CREATE INDEX articles_by_source ON articles (source_id, sort_at DESC);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, summary, body_text,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, summary, body_text)
    VALUES (new.seq, new.title, new.summary, new.body_text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary, body_text)
    VALUES ('delete', old.seq, old.title, old.summary, old.body_text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, body_text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary, body_text)
    VALUES ('delete', old.seq, old.title, old.summary, old.body_text);
    INSERT INTO articles_fts (rowid, title, summary, body_text)
    VALUES (new.seq, new.title, new.summary, new.body_text);
END;

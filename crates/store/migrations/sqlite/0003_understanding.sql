-- What newsdesk understands of the articles: stories, syndicated copies, entities, keyphrases.
-- Append-only: never edit once shipped.

-- A story: the articles that tell one event. Its title and summary are those of its lead
-- article (the earliest that is not a copy); counts and times are kept up to date as articles
-- join. A story found to be the same as another is merged into it and remembers where it went,
-- so that old links still lead somewhere.
CREATE TABLE stories (
    id              TEXT PRIMARY KEY NOT NULL,
    title           TEXT NOT NULL DEFAULT '',
    summary         TEXT NOT NULL DEFAULT '',
    lead_article_id TEXT REFERENCES articles(id) ON DELETE SET NULL,
    first_seen_at   TEXT NOT NULL,
    last_seen_at    TEXT NOT NULL,
    article_count   INTEGER NOT NULL DEFAULT 0,
    source_count    INTEGER NOT NULL DEFAULT 0,
    merged_into     TEXT REFERENCES stories(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL
);

CREATE INDEX stories_by_last_seen ON stories (merged_into, last_seen_at DESC);

ALTER TABLE articles ADD COLUMN story_id TEXT REFERENCES stories(id) ON DELETE SET NULL;
-- The original this article is a syndicated copy of.
ALTER TABLE articles ADD COLUMN copy_of TEXT REFERENCES articles(id) ON DELETE SET NULL;
-- Keyphrases as a JSON array of strings.
ALTER TABLE articles ADD COLUMN keyphrases TEXT NOT NULL DEFAULT '[]';

CREATE INDEX articles_by_story ON articles (story_id, sort_at);
CREATE INDEX articles_by_copy_of ON articles (copy_of);

-- One row per entity across all articles; `key` is the same for every article naming it.
CREATE TABLE entities (
    id    INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL,
    key   TEXT NOT NULL,
    name  TEXT NOT NULL,
    UNIQUE (kind, key)
);

CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    mentions   INTEGER NOT NULL CHECK (mentions > 0),
    PRIMARY KEY (article_id, entity_id)
);

CREATE INDEX article_entities_by_entity ON article_entities (entity_id, article_id);

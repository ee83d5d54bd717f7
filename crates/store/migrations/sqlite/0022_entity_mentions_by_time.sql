-- An entity's page lists its newest mentions and the stories they belong to: each mention
-- keeps its article's time, and the index of mentions by entity is ordered by it, so the page
-- reads as many mentions as it shows instead of every article that ever named the entity.
-- The application keeps `sort_at` equal to the article's when the article's time changes.
-- Append-only: never edit once shipped.
ALTER TABLE article_entities ADD COLUMN sort_at TEXT NOT NULL DEFAULT '';
UPDATE article_entities SET sort_at = (SELECT a.sort_at FROM articles a WHERE a.id = article_entities.article_id);
DROP INDEX article_entities_by_entity;
CREATE INDEX article_entities_by_entity ON article_entities (entity_id, sort_at DESC, article_id DESC);

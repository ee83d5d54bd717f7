-- A story's language: the language of the article its title was taken from (its lead's until
-- the title is drawn from all its articles), so that pages say which language a story in
-- another language than theirs is in. Filled from each story's lead article; a story whose
-- title was drawn from all its articles gets its own when next drawn.
-- Append-only: never edit once shipped.
ALTER TABLE stories ADD COLUMN language TEXT;
UPDATE stories SET language = (SELECT a.language FROM articles a WHERE a.id = stories.lead_article_id)
WHERE lead_article_id IS NOT NULL;

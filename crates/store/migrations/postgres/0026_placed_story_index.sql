-- The story members' index holds placed articles only. Every new article is stored unplaced
-- and placed moments later; in the index of all articles it went in once under no story (at
-- its time among all unplaced articles, a leaf page of its own for most articles of a feed's
-- poll) and moved under its story when placed: two writes to the index for one. Every
-- statement that reads the index asks for a story (`story_id = ...`, `IN (...)`), which
-- implies a story, so the partial index answers them as before.
-- Append-only: never edit once shipped.
DROP INDEX articles_by_story;
CREATE INDEX articles_by_story ON articles (story_id, sort_at, copy_of, source_id, original_domain, id)
    WHERE story_id IS NOT NULL;

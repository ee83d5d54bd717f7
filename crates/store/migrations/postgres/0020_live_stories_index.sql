-- Live stories (not merged, with articles), newest activity first, with every column the
-- front page counts and ranks them by: a front page reads this index and the rows of the
-- stories it shows, never every story's row. It replaces the index of all stories by
-- activity, which planners took for the front page's count (reading every story's row) and
-- for an entity's stories (scanning every story in order); merges keep an index of their own
-- for the foreign key.
-- Append-only: never edit once shipped.
DROP INDEX stories_by_last_seen;
CREATE INDEX stories_merged ON stories (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX stories_live ON stories (last_seen_at DESC, id DESC, source_count)
    WHERE merged_into IS NULL AND article_count > 0;

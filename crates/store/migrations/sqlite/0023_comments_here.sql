-- An article's comment count also carries, for an imported article, the count its previous
-- site showed (the page format's comment count), but only the comments approved here can be
-- read here: pages count those. Moderation keeps both counts.
-- Append-only: never edit once shipped.
ALTER TABLE articles ADD COLUMN comments_here INTEGER NOT NULL DEFAULT 0 CHECK (comments_here >= 0);
UPDATE articles SET comments_here = (SELECT count(*) FROM comments c WHERE c.article_id = articles.id AND c.status = 'approved')
WHERE id IN (SELECT article_id FROM comments WHERE status = 'approved');

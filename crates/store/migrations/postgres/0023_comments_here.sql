-- An article's comment count also carries, for an imported article, the count its previous
-- site showed (the page format's comment count), but only the comments approved here can be
-- read here: pages count those. Moderation keeps both counts.
-- Append-only: never edit once shipped.
ALTER TABLE articles ADD COLUMN comments_here BIGINT NOT NULL DEFAULT 0 CHECK (comments_here >= 0);
UPDATE articles a SET comments_here = c.n
FROM (SELECT article_id, count(*) AS n FROM comments WHERE status = 'approved' GROUP BY article_id) c
WHERE a.id = c.article_id;

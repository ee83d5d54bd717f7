-- An article's lead image on the outlet's site (the feed's media or enclosure, or the page's
-- metadata). Pages show it through the image proxy; NULL when the article has none.
ALTER TABLE articles ADD COLUMN image_url TEXT;

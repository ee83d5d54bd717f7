-- `GET /api/v1/articles?since=`: articles stored or changed since a time, in the order they
-- changed, walked by (modified_at, id).
CREATE INDEX articles_by_change ON articles (modified_at, id);

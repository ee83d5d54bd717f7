-- Where an outlet's name came from, so that better evidence replaces weaker and nothing
-- replaces the operator's: 'domain' (none known yet), 'feed' (a feed's title), 'site' (the
-- site's own name on its pages), 'operator' (renamed by hand).
ALTER TABLE sources ADD COLUMN named_by TEXT NOT NULL DEFAULT 'feed'
    CHECK (named_by IN ('domain', 'feed', 'site', 'operator'));

-- Every name an entity has been written as ("ECB", "European Central Bank", "EZB"), so that
-- its page lists them and an address made from any of them finds it.
CREATE TABLE entity_names (
    entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    folded    TEXT NOT NULL,
    PRIMARY KEY (entity_id, name)
);

CREATE INDEX entity_names_by_folded ON entity_names (folded);

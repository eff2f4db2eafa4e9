-- moneytrail SQLite index, schema version 1.
-- Every statement is idempotent (IF NOT EXISTS) so that two processes opening a new
-- database at once both end with the same schema.
-- Timestamps are INTEGER microseconds since the Unix epoch, UTC: exact round trip of a
-- Python datetime, and min/max/ORDER BY work on them directly.

CREATE TABLE IF NOT EXISTS sites (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE IF NOT EXISTS pages (
    id         INTEGER PRIMARY KEY,
    url        TEXT NOT NULL UNIQUE,
    site_id    INTEGER NOT NULL REFERENCES sites (id),
    title      TEXT NOT NULL,
    text       TEXT NOT NULL,
    lang       TEXT,
    status     INTEGER NOT NULL,
    fetched_at INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    crawl_run  TEXT NOT NULL,
    via        TEXT NOT NULL,
    fields     TEXT NOT NULL DEFAULT '{}'  -- JSON object of the site's selector fields
);

-- One row per (kind, value). The aggregates are maintained on every write and always
-- equal what page_entities says; an entity that no stored page mentions any more is
-- deleted. UNIQUE (value, kind) rather than (kind, value): lookups without a kind use it.
CREATE TABLE IF NOT EXISTS entities (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    value         TEXT NOT NULL,
    folded        TEXT,  -- aliases only: index.folding.fold_alias(value)
    first_seen    INTEGER NOT NULL,
    last_seen     INTEGER NOT NULL,
    page_count    INTEGER NOT NULL,
    mention_count INTEGER NOT NULL,
    -- Sum over the entity's pages of the other non-alias entities on each: an upper bound
    -- on its distinct links, which lets most_connected skip most entities.
    link_bound    INTEGER NOT NULL,
    UNIQUE (value, kind)
);

-- Which entities a page mentions, and since when: the source of entity page counts,
-- first/last seen and co-occurrence. first_seen survives a changed page that still
-- mentions the entity; last_seen is the newest fetch that showed it.
CREATE TABLE IF NOT EXISTS page_entities (
    page_id    INTEGER NOT NULL REFERENCES pages (id),
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (page_id, entity_id)
) WITHOUT ROWID;
-- Newest pages of an entity first: evidence is read in this order.
CREATE INDEX IF NOT EXISTS page_entities_by_entity ON page_entities (entity_id, last_seen);

-- The evidence: every occurrence, with offsets into pages.text. Site and fetch time are
-- the page's (one body hash, one latest fetch), so they are not repeated here.
-- Rows are found through page_entities and then by page, so the only index is by page,
-- which new pages append to. entity_id has no foreign key for the same reason as
-- alias_trigrams below: without an index on it, SQLite would scan this table on every
-- entity delete. The writer deletes a page's mentions before any entity they name.
CREATE TABLE IF NOT EXISTS mentions (
    id         INTEGER PRIMARY KEY,
    page_id    INTEGER NOT NULL REFERENCES pages (id),
    entity_id  INTEGER NOT NULL,
    raw        TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    context    TEXT NOT NULL,
    extractor  TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_by_page ON mentions (page_id, entity_id);

-- Number of pages per (entity, site), so an entity's site list stays right when a page
-- stops mentioning it.
CREATE TABLE IF NOT EXISTS entity_sites (
    entity_id INTEGER NOT NULL REFERENCES entities (id),
    site_id   INTEGER NOT NULL REFERENCES sites (id),
    pages     INTEGER NOT NULL,
    PRIMARY KEY (entity_id, site_id)
) WITHOUT ROWID;

-- Trigrams of folded aliases (index/trigrams.py) for typo-tolerant candidate retrieval.
-- No foreign key: SQLite would scan the whole table on every entity delete (entity_id is
-- not a leading column here); the writer deletes an entity's trigrams with it.
CREATE TABLE IF NOT EXISTS alias_trigrams (
    gram      TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    PRIMARY KEY (gram, entity_id)
) WITHOUT ROWID;

-- Full text of titles and page text; external content, so the text is stored once.
CREATE VIRTUAL TABLE IF NOT EXISTS pages_fts USING fts5 (
    title, text, content = 'pages', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Rank title matches above body matches (bm25 weights per column).
INSERT INTO pages_fts (pages_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)');
CREATE TRIGGER IF NOT EXISTS pages_fts_insert AFTER INSERT ON pages BEGIN
    INSERT INTO pages_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS pages_fts_update AFTER UPDATE OF title, text ON pages BEGIN
    INSERT INTO pages_fts (pages_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO pages_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS pages_fts_delete AFTER DELETE ON pages BEGIN
    INSERT INTO pages_fts (pages_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

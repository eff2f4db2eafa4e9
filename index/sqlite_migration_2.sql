-- moneytrail SQLite index, schema version 2: mentions clustered by page and entity.
-- WITHOUT ROWID with the key (page_id, entity_id, seq) needs no separate index: a new
-- page's mentions are appended in one place, and the evidence of an entity on a page,
-- or all mentions of a page, are one key range. seq numbers a page's mentions in the
-- order the extractors gave them.

CREATE TABLE mentions_v2 (
    page_id    INTEGER NOT NULL,
    entity_id  INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    raw        TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    context    TEXT NOT NULL,
    extractor  TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (page_id, entity_id, seq),
    -- Every mention belongs to a page-entity row (which references the page and the
    -- entity): one key lookup per insert, and page_entities rows cannot be deleted
    -- while mentions remain.
    FOREIGN KEY (page_id, entity_id) REFERENCES page_entities (page_id, entity_id)
) WITHOUT ROWID;

INSERT INTO mentions_v2
SELECT page_id, entity_id, row_number() OVER (PARTITION BY page_id ORDER BY id) - 1,
       raw, start, "end", context, extractor, confidence
FROM mentions;

DROP TABLE mentions;
ALTER TABLE mentions_v2 RENAME TO mentions;

-- moneytrail SQLite index, schema version 2: mentions clustered by page and entity.
-- WITHOUT ROWID with the key (page_id, entity_id, seq) needs no separate index: a new
-- page's mentions are appended in one place, and the evidence of an entity on a page,
-- or all mentions of a page, are one key range. seq numbers a page's mentions in the
-- order the extractors gave them.

CREATE TABLE mentions_v2 (
    page_id    INTEGER NOT NULL REFERENCES pages (id),
    entity_id  INTEGER NOT NULL,  -- no foreign key: see schema version 1
    seq        INTEGER NOT NULL,
    raw        TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    context    TEXT NOT NULL,
    extractor  TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (page_id, entity_id, seq)
) WITHOUT ROWID;

INSERT INTO mentions_v2
SELECT page_id, entity_id, row_number() OVER (PARTITION BY page_id ORDER BY id) - 1,
       raw, start, "end", context, extractor, confidence
FROM mentions;

DROP TABLE mentions;
ALTER TABLE mentions_v2 RENAME TO mentions;

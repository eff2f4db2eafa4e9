"""The SQL that applies one staged batch of pages (index.sqlite_ingest runs it in order).

Staging tables are TEMP, per connection. Python stages each page once, each distinct
entity of the batch once (``eord``) and each page-entity pair with its mention count; the
rest is set-based, joined on small integer keys. Mentions, the bulk of the rows, go
straight into their table from Python once page and entity ids are known.

Pages are staged rather than inserted row by row because the full-text index costs
about twice as much per INSERT statement as per row of one INSERT ... SELECT.
"""

from __future__ import annotations

STAGING_TABLES = (
    """CREATE TEMP TABLE IF NOT EXISTS stage_pages (
        ord INTEGER PRIMARY KEY, page_id INTEGER, site_id INTEGER, outcome TEXT NOT NULL,
        url TEXT NOT NULL UNIQUE, site TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
        lang TEXT, status INTEGER NOT NULL, fetched_at INTEGER NOT NULL, sha256 TEXT NOT NULL,
        crawl_run TEXT NOT NULL, via TEXT NOT NULL, fields TEXT NOT NULL)""",
    """CREATE TEMP TABLE IF NOT EXISTS stage_entities (
        eord INTEGER PRIMARY KEY, entity_id INTEGER, kind TEXT NOT NULL, value TEXT NOT NULL)""",
    # page_links: the other non-alias entities on the same page (see entities.link_bound).
    """CREATE TEMP TABLE IF NOT EXISTS stage_page_entities (
        ord INTEGER NOT NULL, eord INTEGER NOT NULL, mentions INTEGER NOT NULL,
        page_links INTEGER NOT NULL, PRIMARY KEY (ord, eord)) WITHOUT ROWID""",
    # Page-entity rows the batch adds, and those it takes away from changed pages: the
    # entity aggregates move by exactly their difference.
    """CREATE TEMP TABLE IF NOT EXISTS added_page_entities (
        page_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, site_id INTEGER NOT NULL,
        first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, mentions INTEGER NOT NULL,
        page_links INTEGER NOT NULL, PRIMARY KEY (page_id, entity_id)) WITHOUT ROWID""",
    """CREATE TEMP TABLE IF NOT EXISTS removed_page_entities (
        page_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, site_id INTEGER NOT NULL,
        first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, mentions INTEGER NOT NULL,
        page_links INTEGER NOT NULL, PRIMARY KEY (page_id, entity_id)) WITHOUT ROWID""",
)

STAGE_PAGE = """INSERT INTO temp.stage_pages
    (ord, outcome, url, site, title, text, lang, status, fetched_at, sha256, crawl_run, via,
     fields)
    VALUES (?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
STAGE_ENTITY = "INSERT INTO temp.stage_entities (eord, kind, value) VALUES (?, ?, ?)"
STAGE_PAGE_ENTITY = """INSERT INTO temp.stage_page_entities (ord, eord, mentions, page_links)
    VALUES (?, ?, ?, ?)"""
OUTCOMES = "SELECT DISTINCT outcome FROM temp.stage_pages"


# Decided again under the write lock: another process may have written a page since.
DECIDE_OUTCOMES = (
    """INSERT INTO sites (name) SELECT DISTINCT site FROM temp.stage_pages WHERE true
       ON CONFLICT (name) DO NOTHING""",
    """UPDATE temp.stage_pages
       SET site_id = (SELECT id FROM sites WHERE name = stage_pages.site)""",
    """UPDATE temp.stage_pages SET page_id = p.id,
           outcome = CASE WHEN p.sha256 = stage_pages.sha256 THEN 'unchanged' ELSE 'changed' END
       FROM pages AS p WHERE p.url = stage_pages.url""",
)

REPLACE_CHANGED = (
    """INSERT INTO temp.removed_page_entities
       SELECT pe.page_id, pe.entity_id, p.site_id, pe.first_seen, pe.last_seen, pe.mentions,
              sum(e.kind != 'alias') OVER (PARTITION BY pe.page_id) - (e.kind != 'alias')
       FROM temp.stage_pages AS s
       JOIN page_entities AS pe ON pe.page_id = s.page_id
       JOIN pages AS p ON p.id = s.page_id
       JOIN entities AS e ON e.id = pe.entity_id
       WHERE s.outcome = 'changed'""",
    """DELETE FROM mentions
       WHERE page_id IN (SELECT page_id FROM temp.stage_pages WHERE outcome = 'changed')""",
    """DELETE FROM page_entities
       WHERE page_id IN (SELECT page_id FROM temp.stage_pages WHERE outcome = 'changed')""",
    """UPDATE pages SET site_id = s.site_id, title = s.title, text = s.text, lang = s.lang,
           status = s.status, fetched_at = s.fetched_at, sha256 = s.sha256,
           crawl_run = s.crawl_run, via = s.via, fields = s.fields
       FROM temp.stage_pages AS s
       WHERE pages.id = s.page_id AND s.outcome = 'changed'""",
)

INSERT_NEW_PAGES = (
    """INSERT INTO pages
           (url, site_id, title, text, lang, status, fetched_at, sha256, crawl_run, via, fields)
       SELECT url, site_id, title, text, lang, status, fetched_at, sha256, crawl_run, via,
              fields
       FROM temp.stage_pages WHERE outcome = 'new' ORDER BY ord""",
    """UPDATE temp.stage_pages SET page_id = (SELECT id FROM pages WHERE url = stage_pages.url)
       WHERE outcome = 'new'""",
)

# Resolve the batch's entities to ids, creating the missing ones, but only for pages
# being (re)written. RETURNING gives the created ones, whose alias trigrams are indexed.
RESOLVE_KNOWN_ENTITIES = """UPDATE temp.stage_entities SET entity_id = e.id
    FROM entities AS e
    WHERE e.value = stage_entities.value AND e.kind = stage_entities.kind"""
INSERT_NEW_ENTITIES = """INSERT INTO entities
        (kind, value, folded, first_seen, last_seen, page_count, mention_count, link_bound)
    SELECT se.kind, se.value, CASE WHEN se.kind = 'alias' THEN fold_alias(se.value) END,
           min(s.fetched_at), max(s.fetched_at), 0, 0, 0
    FROM temp.stage_page_entities AS spe
    JOIN temp.stage_entities AS se ON se.eord = spe.eord
    JOIN temp.stage_pages AS s ON s.ord = spe.ord
    WHERE se.entity_id IS NULL AND s.outcome != 'unchanged'
    GROUP BY spe.eord
    RETURNING id, folded"""
RESOLVE_NEW_ENTITIES = """UPDATE temp.stage_entities
    SET entity_id = (SELECT id FROM entities
                     WHERE value = stage_entities.value AND kind = stage_entities.kind)
    WHERE entity_id IS NULL"""

INSERT_PAGE_ENTITIES = (
    # An entity still on a changed page keeps the first_seen it had there.
    """INSERT INTO temp.added_page_entities
       SELECT s.page_id, se.entity_id, s.site_id,
              coalesce(min(r.first_seen, s.fetched_at), s.fetched_at), s.fetched_at,
              spe.mentions, spe.page_links
       FROM temp.stage_page_entities AS spe
       JOIN temp.stage_pages AS s ON s.ord = spe.ord
       JOIN temp.stage_entities AS se ON se.eord = spe.eord
       LEFT JOIN temp.removed_page_entities AS r
            ON r.page_id = s.page_id AND r.entity_id = se.entity_id
       WHERE s.outcome != 'unchanged'""",
    """INSERT INTO page_entities (page_id, entity_id, first_seen, last_seen, mentions)
       SELECT page_id, entity_id, first_seen, last_seen, mentions
       FROM temp.added_page_entities""",
)

WRITTEN_PAGE_IDS = "SELECT ord, page_id FROM temp.stage_pages WHERE outcome != 'unchanged'"
ENTITY_IDS = "SELECT eord, entity_id FROM temp.stage_entities"
INSERT_MENTION = """INSERT INTO mentions
    (page_id, entity_id, seq, raw, start, "end", context, extractor, confidence)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""

UPDATE_AGGREGATES = (
    """UPDATE entities SET
           page_count = entities.page_count + d.pages,
           mention_count = entities.mention_count + d.mentions,
           link_bound = entities.link_bound + d.page_links,
           first_seen = min(entities.first_seen, coalesce(d.first_seen, entities.first_seen)),
           last_seen = max(entities.last_seen, coalesce(d.last_seen, entities.last_seen))
       FROM (SELECT entity_id, sum(pages) AS pages, sum(mentions) AS mentions,
                    sum(page_links) AS page_links,
                    min(first_seen) AS first_seen, max(last_seen) AS last_seen
             FROM (SELECT entity_id, 1 AS pages, mentions, page_links, first_seen, last_seen
                   FROM temp.added_page_entities
                   UNION ALL
                   SELECT entity_id, -1, -mentions, -page_links, NULL, NULL
                   FROM temp.removed_page_entities)
             GROUP BY entity_id) AS d
       WHERE entities.id = d.entity_id""",
    """INSERT INTO entity_sites (entity_id, site_id, pages)
       SELECT entity_id, site_id, sum(pages)
       FROM (SELECT entity_id, site_id, 1 AS pages FROM temp.added_page_entities
             UNION ALL
             SELECT entity_id, site_id, -1 FROM temp.removed_page_entities)
       WHERE true
       GROUP BY entity_id, site_id
       ON CONFLICT (entity_id, site_id) DO UPDATE SET pages = pages + excluded.pages""",
)

# After a changed page dropped some entities: first/last seen may have come from the rows
# that went, and entities no page mentions any more are deleted.
CORRECT_AFTER_REMOVAL = (
    """DELETE FROM entity_sites WHERE pages = 0
       AND entity_id IN (SELECT entity_id FROM temp.removed_page_entities)""",
    """UPDATE entities SET
           first_seen = (SELECT min(first_seen) FROM page_entities WHERE entity_id = entities.id),
           last_seen = (SELECT max(last_seen) FROM page_entities WHERE entity_id = entities.id)
       WHERE page_count > 0
       AND id IN (SELECT entity_id FROM temp.removed_page_entities)""",
)
VANISHED_ENTITIES = """SELECT id, folded FROM entities WHERE page_count = 0
    AND id IN (SELECT entity_id FROM temp.removed_page_entities)"""
DELETE_VANISHED = """DELETE FROM entities WHERE page_count = 0
    AND id IN (SELECT entity_id FROM temp.removed_page_entities)"""

INSERT_TRIGRAM = "INSERT INTO alias_trigrams (gram, entity_id) VALUES (?, ?)"
DELETE_TRIGRAM = "DELETE FROM alias_trigrams WHERE gram = ? AND entity_id = ?"

# A re-fetch with the same body hash: the page and its entities were seen again, nothing
# else moves. An older fetch arriving late changes nothing.
TOUCH_UNCHANGED = (
    """UPDATE pages SET fetched_at = s.fetched_at, status = s.status,
           crawl_run = s.crawl_run, via = s.via
       FROM temp.stage_pages AS s
       WHERE pages.id = s.page_id AND s.outcome = 'unchanged'
       AND s.fetched_at >= pages.fetched_at""",
    """UPDATE page_entities SET last_seen = s.fetched_at
       FROM temp.stage_pages AS s
       WHERE page_entities.page_id = s.page_id AND s.outcome = 'unchanged'
       AND s.fetched_at > page_entities.last_seen""",
    """UPDATE entities SET last_seen = u.last_seen
       FROM (SELECT pe.entity_id, max(s.fetched_at) AS last_seen
             FROM temp.stage_pages AS s JOIN page_entities AS pe ON pe.page_id = s.page_id
             WHERE s.outcome = 'unchanged' GROUP BY pe.entity_id) AS u
       WHERE entities.id = u.entity_id AND u.last_seen > entities.last_seen""",
)

CLEAR_STAGING = tuple(
    f"DELETE FROM temp.{table}"
    for table in (
        "stage_pages",
        "stage_entities",
        "stage_page_entities",
        "added_page_entities",
        "removed_page_entities",
    )
)

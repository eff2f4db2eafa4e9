"""What must hold in a SQLite index after any sequence of writes, kills and rollbacks.

Every maintained aggregate is recomputed from the base tables and compared; the base
tables are checked against each other. Returns the problems found (empty when sound).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from index.folding import fold_alias
from index.trigrams import padded_trigrams

_CHECKS = {
    "page_entities disagree with mentions": """
        SELECT count(*) FROM (
            SELECT page_id, entity_id, count(*) AS n FROM mentions GROUP BY page_id, entity_id
        ) AS m FULL OUTER JOIN page_entities AS pe USING (page_id, entity_id)
        WHERE m.n IS NOT pe.mentions""",
    "entity aggregates disagree with page_entities": """
        SELECT count(*) FROM entities AS e LEFT JOIN (
            SELECT entity_id, count(*) AS pages, sum(mentions) AS mentions,
                   min(first_seen) AS first_seen, max(last_seen) AS last_seen
            FROM page_entities GROUP BY entity_id
        ) AS a ON a.entity_id = e.id
        WHERE a.pages IS NOT e.page_count OR a.mentions IS NOT e.mention_count
           OR a.first_seen IS NOT e.first_seen OR a.last_seen IS NOT e.last_seen""",
    "entity_sites disagree with pages": """
        SELECT count(*) FROM (
            SELECT pe.entity_id, p.site_id, count(*) AS pages
            FROM page_entities AS pe JOIN pages AS p ON p.id = pe.page_id
            GROUP BY pe.entity_id, p.site_id
        ) AS a FULL OUTER JOIN entity_sites AS es USING (entity_id, site_id)
        WHERE a.pages IS NOT es.pages""",
    "link bounds disagree with pages": """
        SELECT count(*) FROM entities AS e LEFT JOIN (
            SELECT pe.entity_id,
                   sum(n.linkable - (e2.kind != 'alias')) AS bound
            FROM page_entities AS pe
            JOIN entities AS e2 ON e2.id = pe.entity_id
            JOIN (SELECT pe3.page_id, sum(e3.kind != 'alias') AS linkable
                  FROM page_entities AS pe3 JOIN entities AS e3 ON e3.id = pe3.entity_id
                  GROUP BY pe3.page_id) AS n ON n.page_id = pe.page_id
            GROUP BY pe.entity_id
        ) AS a ON a.entity_id = e.id
        WHERE coalesce(a.bound, 0) != e.link_bound""",
    "mention offsets outside page text": """
        SELECT count(*) FROM mentions AS m JOIN pages AS p ON p.id = m.page_id
        WHERE m.start < 0 OR m."end" < m.start OR m."end" > length(p.text)""",
    "page_entities last_seen is not the page's fetch time": """
        SELECT count(*) FROM page_entities AS pe JOIN pages AS p ON p.id = pe.page_id
        WHERE pe.last_seen != p.fetched_at OR pe.first_seen > pe.last_seen""",
    "sites without pages": """
        SELECT count(*) FROM sites WHERE id NOT IN (SELECT site_id FROM pages)""",
}


def problems(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        found = [name for name, query in _CHECKS.items() if conn.execute(query).fetchone()[0]]
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            found.append("SQLite integrity check failed")
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            found.append("foreign key violations")
        try:
            conn.execute("INSERT INTO pages_fts (pages_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            found.append(f"full-text index is inconsistent: {exc}")
        aliases = conn.execute("SELECT id, value, folded FROM entities WHERE kind = 'alias'")
        expected_grams = set()
        for entity_id, value, folded in aliases:
            if folded != fold_alias(value):
                found.append(f"alias {value!r} stored folded as {folded!r}")
            expected_grams |= {(gram, entity_id) for gram in padded_trigrams(fold_alias(value))}
        if set(conn.execute("SELECT gram, entity_id FROM alias_trigrams")) != expected_grams:
            found.append("alias trigrams disagree with aliases")
        return found
    finally:
        conn.close()

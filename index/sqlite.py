"""The embedded index: IndexBackend on one SQLite file (WAL, FTS5).

Writes go through index.sqlite_ingest (batched, one transaction per batch); this module
answers the searches, with the semantics documented in index.backend. Reads first apply
any staged writes, so a process always sees what it wrote.

Fuzzy alias search takes candidates from the alias_trigrams table (index.trigrams) and
judges them with index.folding, as the Elasticsearch backend does.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from index.folding import alias_match_score, fold_alias, typo_budget
from index.model import (
    ConnectedEntity,
    Cooccurrence,
    EntityHit,
    EntityView,
    Evidence,
    IndexStats,
    KindCount,
    Mention,
    Page,
    PageHit,
    WriteOutcome,
)
from index.sqlite_connect import connect, path_from_url
from index.sqlite_ingest import BatchWriter
from index.sqlite_time import from_micros, to_micros
from index.trigrams import padded_trigrams

ALIAS = "alias"
SNIPPET_MARKS = ("«", "»")  # around matched words in PageHit.snippet
_SNIPPET_WORDS = 24
# Fuzzy alias search ranks at most this many trigram candidates; far more than any
# realistic number of names one typo or two away from a query.
_ALIAS_CANDIDATES = 5000

_ENTITY_COLUMNS = "id, kind, value, first_seen, last_seen, page_count, mention_count"


class SQLiteIndex:
    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        batch_pages: int = 5000,
        max_delay: float = 2.0,
    ) -> None:
        self.path = path
        self._conn = conn
        self._writer = BatchWriter(conn, batch_pages=batch_pages, max_delay=max_delay)

    @classmethod
    def from_url(cls, url: str, *, batch_pages: int = 5000, max_delay: float = 2.0) -> SQLiteIndex:
        """``sqlite:///relative/path.db`` or ``sqlite:////absolute/path.db``; the file and
        its directories are created if missing. Writes are committed every
        ``batch_pages`` pages, or once the oldest unwritten page is ``max_delay`` seconds
        old (checked on the next write), and on flush and close."""
        path = path_from_url(url)
        return cls(connect(path), path, batch_pages=batch_pages, max_delay=max_delay)

    # -- writing ---------------------------------------------------------------------

    def write_page(self, page: Page, mentions: Sequence[Mention]) -> WriteOutcome:
        return self._writer.write(page, mentions)

    def page_sha256(self, url: str) -> str | None:
        return self._writer.pending_sha256(url) or self._writer.stored_sha256(url)

    def flush(self) -> None:
        self._writer.apply()

    def close(self) -> None:
        try:
            self._writer.apply()
            # Lets SQLite refresh the statistics its query planner uses, cheaply.
            self._conn.execute("PRAGMA optimize")
        finally:
            self._conn.close()

    # -- searching -------------------------------------------------------------------

    def lookup(self, value: str, kind: str | None = None, limit: int = 20) -> list[EntityHit]:
        self._writer.apply()
        query = f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE value = ?"
        params: tuple = (value,)
        if kind is not None:
            query += " AND kind = ?"
            params += (kind,)
        query += " ORDER BY page_count DESC, kind LIMIT ?"
        rows = self._conn.execute(query, (*params, _rows(limit))).fetchall()
        return [self._hit(row, 1.0) for row in rows]

    def search_alias(self, name: str, limit: int = 20) -> list[EntityHit]:
        self._writer.apply()
        folded = fold_alias(name)
        if not folded:
            return []
        grams = padded_trigrams(folded)
        # A match within the typo budget keeps all but 4 trigrams per typo (trigrams.py).
        min_shared = max(1, len(grams) - 4 * typo_budget(folded))
        rows = self._conn.execute(
            f"""WITH candidates AS (
                    SELECT entity_id, count(*) AS shared FROM alias_trigrams
                    WHERE gram IN (SELECT value FROM json_each(?))
                    GROUP BY entity_id HAVING shared >= ?
                    ORDER BY shared DESC LIMIT ?)
                SELECT e.folded, {", ".join("e." + c for c in _ENTITY_COLUMNS.split(", "))}
                FROM candidates JOIN entities AS e ON e.id = candidates.entity_id""",
            # One JSON parameter: any length of name stays within SQLite's parameter limit.
            (json.dumps(sorted(grams)), min_shared, _ALIAS_CANDIDATES),
        ).fetchall()
        scored = []
        for candidate_folded, *entity in rows:
            score = alias_match_score(folded, candidate_folded)
            if score is not None:
                scored.append((score, entity))
        # Exact (folded) first, then closer spellings, then the more active alias.
        scored.sort(key=lambda hit: (-hit[0], -hit[1][5], hit[1][2]))
        return [self._hit(entity, score) for score, entity in scored[: _rows(limit)]]

    def search_text(self, query: str, limit: int = 20) -> list[PageHit]:
        self._writer.apply()
        match = _fts_query(query)
        if not match:
            return []
        rows = self._conn.execute(
            """SELECT p.url, s.name, p.title, p.fetched_at,
                      snippet(pages_fts, -1, ?, ?, '…', ?), -pages_fts.rank
               FROM pages_fts
               JOIN pages AS p ON p.id = pages_fts.rowid
               JOIN sites AS s ON s.id = p.site_id
               WHERE pages_fts MATCH ?
               ORDER BY pages_fts.rank, p.url LIMIT ?""",
            (*SNIPPET_MARKS, _SNIPPET_WORDS, match, _rows(limit)),
        ).fetchall()
        return [
            PageHit(
                url=url,
                site=site,
                title=title,
                fetched_at=from_micros(fetched_at),
                snippet=snippet,
                score=score,
            )
            for url, site, title, fetched_at, snippet, score in rows
        ]

    def entity(
        self, kind: str, value: str, evidence_limit: int = 100, cooccurring_limit: int = 50
    ) -> EntityView | None:
        self._writer.apply()
        row = self._conn.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE value = ? AND kind = ?",
            (value, kind),
        ).fetchone()
        if row is None:
            return None
        entity_id, kind, value, first_seen, last_seen, page_count, mention_count = row
        # page_entities.last_seen is the page's fetched_at; its index gives newest first.
        evidence = self._conn.execute(
            """SELECT p.url, s.name, p.fetched_at, p.sha256, m.raw, m.start, m."end",
                      m.context, m.extractor, m.confidence
               FROM page_entities AS pe
               JOIN pages AS p ON p.id = pe.page_id
               JOIN sites AS s ON s.id = p.site_id
               JOIN mentions AS m ON m.page_id = pe.page_id AND m.entity_id = pe.entity_id
               WHERE pe.entity_id = ?
               ORDER BY pe.last_seen DESC, p.url, m.start, m.seq LIMIT ?""",
            (entity_id, _rows(evidence_limit)),
        ).fetchall()
        cooccurring = self._conn.execute(
            # Count first, then look names up once per co-occurring entity.
            """SELECT e.kind, e.value, shared.pages
               FROM (SELECT other.entity_id, count(*) AS pages
                     FROM page_entities AS mine
                     JOIN page_entities AS other
                          ON other.page_id = mine.page_id AND other.entity_id != mine.entity_id
                     WHERE mine.entity_id = ?
                     GROUP BY other.entity_id) AS shared
               JOIN entities AS e ON e.id = shared.entity_id
               ORDER BY shared.pages DESC, e.kind, e.value LIMIT ?""",
            (entity_id, _rows(cooccurring_limit)),
        ).fetchall()
        return EntityView(
            kind=kind,
            value=value,
            first_seen=from_micros(first_seen),
            last_seen=from_micros(last_seen),
            sites=self._sites_of(entity_id),
            page_count=page_count,
            mention_count=mention_count,
            evidence=tuple(_evidence(*row) for row in evidence),
            cooccurring=tuple(
                Cooccurrence(kind=other_kind, value=other_value, pages=pages)
                for other_kind, other_value, pages in cooccurring
            ),
        )

    def stats(self) -> IndexStats:
        self._writer.apply()
        by_kind = tuple(
            KindCount(kind=kind, mentions=mentions, entities=entities)
            for kind, mentions, entities in self._conn.execute(
                """SELECT kind, sum(mention_count), count(*) FROM entities
                   GROUP BY kind ORDER BY kind"""
            )
        )
        (pages,) = self._conn.execute("SELECT count(*) FROM pages").fetchone()
        sites = tuple(row[0] for row in self._conn.execute("SELECT name FROM sites ORDER BY name"))
        return IndexStats(
            pages=pages,
            mentions=sum(count.mentions for count in by_kind),
            entities=sum(count.entities for count in by_kind),
            by_kind=by_kind,
            sites=sites,
        )

    def first_seen_between(
        self,
        since: datetime | None,
        until: datetime,
        sites: Sequence[str] = (),
        limit: int = 1000,
    ) -> list[EntityHit]:
        self._writer.apply()
        query = f"SELECT {_ENTITY_COLUMNS} FROM entities AS e WHERE e.first_seen <= ?"
        params: list[object] = [to_micros(until)]
        if since is not None:
            query += " AND e.first_seen > ?"
            params.append(to_micros(since))
        if sites:
            marks = ", ".join("?" * len(sites))
            query += f""" AND EXISTS (
                SELECT 1 FROM entity_sites AS es JOIN sites AS s ON s.id = es.site_id
                WHERE es.entity_id = e.id AND s.name IN ({marks}))"""
            params.extend(sites)
        query += " ORDER BY e.first_seen, e.kind, e.value LIMIT ?"
        rows = self._conn.execute(query, (*params, _rows(limit))).fetchall()
        return [self._hit(row, 1.0) for row in rows]

    def most_connected(self, limit: int = 10) -> list[ConnectedEntity]:
        """Exact link counts, computed only for entities that could still make the list.

        Counting every entity's distinct neighbours is a self-join over all page-entity
        pairs (seconds at a million mentions); entities.link_bound caps each count, so
        candidates are taken in decreasing bound and the scan stops once no remaining
        bound can reach the list.
        """
        if limit < 1:
            return []
        self._writer.apply()
        candidates = self._conn.execute(
            """SELECT id, kind, value, page_count, link_bound FROM entities
               WHERE kind != ? AND link_bound > 0
               ORDER BY link_bound DESC""",
            (ALIAS,),
        )
        ranked: list[ConnectedEntity] = []
        for entity_id, kind, value, page_count, link_bound in candidates:
            if len(ranked) >= limit and link_bound < ranked[-1].links:
                break
            links = self._links_of(entity_id)
            if links:
                ranked.append(ConnectedEntity(kind, value, links, page_count))
                ranked.sort(key=lambda e: (-e.links, -e.page_count, e.kind, e.value))
                del ranked[limit:]
        return ranked

    def _links_of(self, entity_id: int) -> int:
        """Distinct non-alias entities sharing a page with this one."""
        (links,) = self._conn.execute(
            """SELECT count(*)
               FROM (SELECT DISTINCT other.entity_id
                     FROM page_entities AS mine
                     JOIN page_entities AS other
                          ON other.page_id = mine.page_id AND other.entity_id != mine.entity_id
                     WHERE mine.entity_id = ?) AS neighbour
               JOIN entities AS e ON e.id = neighbour.entity_id
               WHERE e.kind != ?""",
            (entity_id, ALIAS),
        ).fetchone()
        return links

    # -- helpers ---------------------------------------------------------------------

    def _hit(self, row: Sequence, score: float) -> EntityHit:
        entity_id, kind, value, first_seen, last_seen, page_count, mention_count = row
        return EntityHit(
            kind=kind,
            value=value,
            first_seen=from_micros(first_seen),
            last_seen=from_micros(last_seen),
            sites=self._sites_of(entity_id),
            page_count=page_count,
            mention_count=mention_count,
            score=score,
        )

    def _sites_of(self, entity_id: int) -> tuple[str, ...]:
        return tuple(
            row[0]
            for row in self._conn.execute(
                """SELECT s.name FROM entity_sites AS es JOIN sites AS s ON s.id = es.site_id
                   WHERE es.entity_id = ? ORDER BY s.name""",
                (entity_id,),
            )
        )


def _rows(limit: int) -> int:
    """A limit as SQL takes it: SQLite reads a negative LIMIT as no limit at all."""
    return max(limit, 0)


def _evidence(
    url: str,
    site: str,
    fetched_at: int,
    sha256: str,
    raw: str,
    start: int,
    end: int,
    context: str,
    extractor: str,
    confidence: float,
) -> Evidence:
    return Evidence(
        url=url,
        site=site,
        fetched_at=from_micros(fetched_at),
        sha256=sha256,
        raw=raw,
        start=start,
        end=end,
        context=context,
        extractor=extractor,
        confidence=confidence,
    )


def _fts_query(text: str) -> str:
    """Every word must occur; each is quoted so that user input is never FTS5 syntax."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())

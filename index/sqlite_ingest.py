"""Batched, atomic page writes for the SQLite index.

Pages are staged in memory and applied a batch at a time, in one transaction of
set-based SQL over TEMP staging tables (index.sqlite_batch_sql). Python only builds
tuples and numbers the batch's distinct entities, so each entity is resolved once per
batch however many pages mention it; that is what lets ingest run at tens of thousands
of mentions a second.

A batch is applied when it reaches ``batch_pages`` pages or ``batch_mentions`` mentions,
when its oldest page has waited ``max_delay`` seconds (a slow crawl still lands every
few seconds), on flush and on close. It is one transaction: a kill at any point loses
at most that batch and never leaves half a page.

Whether a page is new, changed or unchanged is decided again under the write lock when
the batch is applied, so two processes writing the same index stay consistent; the
outcome write() returns is the one seen when it was called.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from index import sqlite_batch_sql as sql
from index.model import Mention, Page, WriteOutcome
from index.sqlite_time import to_micros
from index.trigrams import padded_trigrams

ALIAS = "alias"
# One encoder for all pages: json.dumps with options builds a new one on every call.
_FIELDS_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


@dataclass(slots=True)
class _Batch:
    pages: list[tuple] = field(default_factory=list)  # _page_row(page), by ord
    entities: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, value) -> eord
    page_entities: list[tuple] = field(default_factory=list)
    # (ord, eord, seq, raw, start, end, context, extractor, confidence)
    mentions: list[tuple] = field(default_factory=list)
    sha256_by_url: dict[str, str] = field(default_factory=dict)
    started: float = 0.0  # time.monotonic() of the first staged page

    def entity_rows(self) -> list[tuple[int, str, str]]:
        return [(eord, kind, value) for (kind, value), eord in self.entities.items()]


class BatchWriter:
    def __init__(
        self,
        conn: sqlite3.Connection,
        batch_pages: int = 5000,
        batch_mentions: int = 50_000,
        max_delay: float = 2.0,
    ) -> None:
        if batch_pages < 1 or batch_mentions < 1 or max_delay < 0:
            raise ValueError("batch sizes must be at least 1 and max_delay not negative")
        self._conn = conn
        self._batch_pages = batch_pages
        self._batch_mentions = batch_mentions
        self._max_delay = max_delay
        self._batch = _Batch()
        for statement in sql.STAGING_TABLES:
            conn.execute(statement)

    def write(self, page: Page, mentions: Sequence[Mention]) -> WriteOutcome:
        """Stage one page; raises ValueError for a page or mention that contradicts it."""
        if page.url in self._batch.sha256_by_url:
            # One row per URL per batch keeps the set-based SQL simple.
            self.apply()
        stored = self.stored_sha256(page.url)
        self._stage(page, mentions)
        batch = self._batch
        if (
            len(batch.pages) >= self._batch_pages
            or len(batch.mentions) >= self._batch_mentions
            or time.monotonic() - batch.started >= self._max_delay
        ):
            self.apply()
        if stored is None:
            return WriteOutcome.NEW
        return WriteOutcome.UNCHANGED if stored == page.sha256 else WriteOutcome.CHANGED

    def pending_sha256(self, url: str) -> str | None:
        return self._batch.sha256_by_url.get(url)

    def stored_sha256(self, url: str) -> str | None:
        row = self._conn.execute("SELECT sha256 FROM pages WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def apply(self) -> None:
        """Write every staged page in one transaction.

        If that fails (disk full, database locked too long, Ctrl-C) the transaction is
        rolled back and the pages stay staged, so the next write or flush tries again and
        nothing written so far is lost while the process lives.
        """
        batch = self._batch
        if not batch.pages:
            return
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany(sql.STAGE_PAGE, ((n, *row) for n, row in enumerate(batch.pages)))
            conn.executemany(sql.STAGE_ENTITY, batch.entity_rows())
            conn.executemany(sql.STAGE_PAGE_ENTITY, batch.page_entities)
            self._apply_staged(batch)
            for statement in sql.CLEAR_STAGING:
                conn.execute(statement)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite itself rolls back on some errors (disk full)
                conn.execute("ROLLBACK")
            raise
        self._batch = _Batch()

    def _stage(self, page: Page, mentions: Sequence[Mention]) -> None:
        """Adds the page to the batch, or raises ValueError and adds nothing of it.

        (An entity number handed out for a refused page stays unused: entities are only
        created for the page-entity rows that name them.)
        """
        batch = self._batch
        page_row = _page_row(page)
        ord_ = len(batch.pages)
        entities = batch.entities
        text_length = len(page.text)
        mention_rows = []
        mentions_per_entity: dict[int, int] = {}
        linkable: set[int] = set()  # non-alias entities of this page
        for seq, mention in enumerate(mentions):
            if mention.url != page.url or not 0 <= mention.start <= mention.end <= text_length:
                raise ValueError(_contradiction(page, mention))
            key = (mention.kind, mention.value)
            eord = entities.get(key)
            if eord is None:
                eord = entities[key] = len(entities)
            mentions_per_entity[eord] = mentions_per_entity.get(eord, 0) + 1
            if mention.kind != ALIAS:
                linkable.add(eord)
            mention_rows.append(
                (
                    ord_,
                    eord,
                    seq,
                    mention.raw,
                    mention.start,
                    mention.end,
                    mention.context,
                    mention.extractor,
                    mention.confidence,
                )
            )
        if not batch.pages:
            batch.started = time.monotonic()
        batch.pages.append(page_row)
        batch.sha256_by_url[page.url] = page.sha256
        batch.mentions.extend(mention_rows)
        for eord, count in mentions_per_entity.items():
            others = len(linkable) - (eord in linkable)
            batch.page_entities.append((ord_, eord, count, others))

    def _apply_staged(self, batch: _Batch) -> None:
        conn = self._conn
        for statement in sql.DECIDE_OUTCOMES:
            conn.execute(statement)
        present = {outcome for (outcome,) in conn.execute(sql.OUTCOMES)}
        if "changed" in present:
            for statement in sql.REPLACE_CHANGED:
                conn.execute(statement)
        if "new" in present:
            for statement in sql.INSERT_NEW_PAGES:
                conn.execute(statement)
        conn.execute(sql.RESOLVE_KNOWN_ENTITIES)
        created = conn.execute(sql.INSERT_NEW_ENTITIES).fetchall()
        conn.executemany(sql.INSERT_TRIGRAM, _trigram_rows(created))
        conn.execute(sql.RESOLVE_NEW_ENTITIES)
        for statement in sql.INSERT_PAGE_ENTITIES:
            conn.execute(statement)
        page_ids = dict(conn.execute(sql.WRITTEN_PAGE_IDS).fetchall())
        entity_ids = dict(conn.execute(sql.ENTITY_IDS).fetchall())
        conn.executemany(
            sql.INSERT_MENTION,
            (
                (page_ids[mention[0]], entity_ids[mention[1]], *mention[2:])
                for mention in batch.mentions
                if mention[0] in page_ids
            ),
        )
        for statement in sql.UPDATE_AGGREGATES:
            conn.execute(statement)
        if "changed" in present:
            for statement in sql.CORRECT_AFTER_REMOVAL:
                conn.execute(statement)
            vanished = conn.execute(sql.VANISHED_ENTITIES).fetchall()
            conn.executemany(sql.DELETE_TRIGRAM, _trigram_rows(vanished))
            conn.execute(sql.DELETE_VANISHED)
        if "unchanged" in present:
            for statement in sql.TOUCH_UNCHANGED:
                conn.execute(statement)


def _trigram_rows(entities: list[tuple[int, str | None]]) -> list[tuple[str, int]]:
    return [
        (gram, entity_id)
        for entity_id, folded in entities
        if folded is not None
        for gram in padded_trigrams(folded)
    ]


def _page_row(page: Page) -> tuple:
    return (
        page.url,
        page.site,
        page.title,
        page.text,
        page.lang,
        page.status,
        to_micros(page.fetched_at),
        page.sha256,
        page.crawl_run,
        page.via,
        _FIELDS_JSON.encode(page.fields),
    )


def _contradiction(page: Page, mention: Mention) -> str:
    if mention.url != page.url:
        return f"mention of {mention.value!r} is for {mention.url}, not {page.url}"
    return (
        f"mention of {mention.value!r} on {page.url} has offsets {mention.start}:"
        f"{mention.end} outside the page text (length {len(page.text)})"
    )

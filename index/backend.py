"""The one interface every index backend implements (SQLite, Elasticsearch).

Both backends must give the same answers to the same inputs; tests/index/ is the
conformance suite that proves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, runtime_checkable

from index.model import (
    ConnectedEntity,
    EntityHit,
    EntityView,
    IndexStats,
    Mention,
    Page,
    PageHit,
    WriteOutcome,
)


@runtime_checkable
class IndexBackend(Protocol):
    def write_page(self, page: Page, mentions: Sequence[Mention]) -> WriteOutcome:
        """Store a fetched page and its mentions.

        Same body hash as stored: mentions are left as they are, only the page's and its
        entities' last-seen advance. Different hash: the page's mentions are replaced.

        Entity aggregates always describe the stored pages: page/mention counts and sites
        count them; first_seen is the earliest fetch that showed the entity on a page that
        still shows it (kept across changes of that page), last_seen the latest. An entity
        that no stored page mentions any more is gone: lookups and stats do not see it.
        """

    def page_sha256(self, url: str) -> str | None:
        """Body hash last stored for ``url`` (None if never seen)."""

    def flush(self) -> None:
        """Make everything written so far durable and visible to searches."""

    def close(self) -> None: ...

    def lookup(self, value: str, kind: str | None = None, limit: int = 20) -> list[EntityHit]:
        """Exact lookup of a normalised value (address, phone, email...).

        Without a kind, every kind stored under that value: most pages first, then by kind.
        """

    def search_alias(self, name: str, limit: int = 20) -> list[EntityHit]:
        """Fuzzy alias search: case-, accent- and leetspeak-insensitive, typo-tolerant.

        Ranked: exact match first, then by similarity, then by activity (pages).
        Entities of kind "alias" only. Matching and score are index.folding's
        (fold_alias, typo_budget, alias_match_score); ties of score and pages by value.
        """

    def search_text(self, query: str, limit: int = 20) -> list[PageHit]:
        """Full-text search over page text and titles.

        Every word must occur (case-insensitive); the query is text, never query syntax.
        Best first; the snippet shows the matched words.
        """

    def entity(
        self, kind: str, value: str, evidence_limit: int = 100, cooccurring_limit: int = 50
    ) -> EntityView | None:
        """None if unknown. Evidence: one per mention, newest fetch first (then url, start).
        Co-occurring: most shared pages first, then by kind and value. Sites are sorted."""

    def stats(self) -> IndexStats:
        """by_kind and sites sorted by name."""

    def first_seen_between(
        self,
        since: datetime | None,
        until: datetime,
        sites: Sequence[str] = (),
        limit: int = 1000,
    ) -> list[EntityHit]:
        """Entities first seen after ``since`` (None: from the beginning) and at or before
        ``until``, seen on at least one of ``sites`` (hosts, as Page.site; empty: any).
        Oldest first, then by kind and value. Scores are 1.0. This is "what is new since
        the last crawl run" (`moneytrail runs show`)."""

    def most_connected(self, limit: int = 10) -> list[ConnectedEntity]:
        """Entities with the most distinct co-occurring entities (excluding aliases' noise).

        Alias entities are neither ranked nor counted as links; entities without links
        are left out. Most links first, then most pages, then by kind and value.
        """

"""The index's data model (DESIGN.md): what is stored and what searches return.

All timestamps are timezone-aware UTC datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    site: str  # host, e.g. "abcd...xyz.onion" or "127.0.0.1:8001"
    title: str
    text: str  # visible text; mention offsets point into it
    lang: str | None
    status: int
    fetched_at: datetime
    sha256: str  # of the raw body as received
    crawl_run: str
    via: str  # "tor" | "direct"
    # Structured fields from the site's selectors (listing_title, vendor, price, contact).
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity on a page."""

    kind: str
    value: str
    raw: str
    start: int
    end: int
    context: str
    extractor: str
    confidence: float
    url: str
    site: str
    fetched_at: datetime


class WriteOutcome(StrEnum):
    NEW = "new"  # page was not in the index
    CHANGED = "changed"  # body hash differed: mentions replaced
    UNCHANGED = "unchanged"  # same body hash: mentions kept, last_seen bumped


@dataclass(frozen=True, slots=True)
class EntityRef:
    kind: str
    value: str


@dataclass(frozen=True, slots=True)
class Cooccurrence:
    """Another entity seen on the same pages as the one being viewed."""

    kind: str
    value: str
    pages: int  # number of pages both appear on


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an entity was seen: enough to show a finding is what the page said."""

    url: str
    site: str
    fetched_at: datetime
    sha256: str
    raw: str
    start: int
    end: int
    context: str
    extractor: str
    confidence: float


@dataclass(frozen=True, slots=True)
class EntityHit:
    """A row in a search result: an aggregated entity and how well it matched."""

    kind: str
    value: str
    first_seen: datetime
    last_seen: datetime
    sites: tuple[str, ...]
    page_count: int
    mention_count: int
    score: float  # 1.0 = exact; lower = fuzzier


@dataclass(frozen=True, slots=True)
class EntityView:
    """Everything an analyst sees for one entity (``moneytrail entity KIND VALUE``)."""

    kind: str
    value: str
    first_seen: datetime
    last_seen: datetime
    sites: tuple[str, ...]
    page_count: int
    mention_count: int
    evidence: tuple[Evidence, ...]
    cooccurring: tuple[Cooccurrence, ...]


@dataclass(frozen=True, slots=True)
class PageHit:
    url: str
    site: str
    title: str
    fetched_at: datetime
    snippet: str
    score: float


@dataclass(frozen=True, slots=True)
class KindCount:
    kind: str
    mentions: int
    entities: int


@dataclass(frozen=True, slots=True)
class ConnectedEntity:
    kind: str
    value: str
    links: int  # distinct co-occurring entities
    page_count: int


@dataclass(frozen=True, slots=True)
class IndexStats:
    pages: int
    mentions: int
    entities: int
    by_kind: tuple[KindCount, ...]
    sites: tuple[str, ...] = ()

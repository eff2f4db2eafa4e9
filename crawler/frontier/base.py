"""What every frontier does: a crash-safe queue of requests with a seen set and leases.

A request moves through three states. *queued*: waiting. *leased*: a worker took it
and is fetching it; if that worker dies, the lease runs out (or, for a frontier used by
one process, the next start reclaims it) and the request is queued again. *done*: it
was fetched and its page and links were stored; only its key stays, in the seen set,
so it is never fetched again in this crawl.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class PushOutcome(StrEnum):
    QUEUED = "queued"
    DUPLICATE = "duplicate"  # already seen in this crawl
    OVER_BUDGET = "over_budget"  # the site's max_pages is reached


@dataclass(frozen=True, slots=True)
class FrontierEntry:
    key: str  # request fingerprint, hex
    site: str  # configured site name
    priority: int  # higher first; first in, first out within one priority
    payload: str  # the request, as crawler.frontier.codec encodes it


class Frontier(Protocol):
    # How long a lease lasts unless renewed; None: leases never expire (one process).
    lease_seconds: float | None
    # Requests a stopped crawl had taken, queued again when this frontier was opened.
    reclaimed_at_open: int

    def push(
        self, entry: FrontierEntry, *, replaces: str | None, dont_filter: bool, budget: int
    ) -> PushOutcome:
        """Queue ``entry`` unless its key was seen (or ``dont_filter``) or the site's
        ``budget`` of distinct keys (0: none) is spent.

        ``replaces``: the key of the leased request this one was derived from (a
        redirect or a retry). Both steps happen atomically: the old request is done,
        or, for a retry (same key and ``dont_filter``, as Scrapy's retries are), it
        goes back to the queue with the new payload. A redirect to itself is done.
        """

    def lease(self, sites: Sequence[str]) -> FrontierEntry | None:
        """Take the next request of the first site in ``sites`` that has one queued."""

    def ack(self, keys: Sequence[str]) -> None:
        """The leased requests ``keys`` are done."""

    def renew(self) -> None:
        """Extend this worker's leases (called periodically while it works)."""

    def reclaim_expired(self) -> int:
        """Queue again the requests whose leases ran out; how many."""

    def release(self) -> int:
        """Give this worker's leases back to the queue (stopping early); how many."""

    def pending(self) -> bool:
        """Anything queued or leased, by any worker of this crawl."""

    def complete(self) -> None:
        """The crawl is over: drop what only the crawl needed."""

    def close(self) -> None: ...

"""The Scrapy scheduler that keeps every request in the frontier, not in memory.

A request is acked (done) only once its response has been fully handled and what came
of it is durable: its links pushed, its page flushed to the index. Handled is known
from a marker request that rides the spider output behind everything the callback
produced (see ack.py) and, for download failures, behind the errback's output; Scrapy
handles one response's outputs in order when CONCURRENT_ITEMS is 1, so the marker
cannot overtake the page it stands for. Durable is known by sending the flush_index
signal before acking a batch.
"""

from __future__ import annotations

import inspect
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider
from scrapy.core.scheduler import BaseScheduler
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.defer import deferred_from_coro
from twisted.python.failure import Failure

from crawler import signals
from crawler.config import SiteConfig
from crawler.frontier import open_frontier
from crawler.frontier.base import Frontier, FrontierEntry, PushOutcome
from crawler.frontier.codec import RequestCodecError, decode_request, encode_request
from crawler.middlewares import SITE_META

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

FRONTIER_KEY_META = "moneytrail_frontier_key"  # set on a request when it is leased
ACK_META = "moneytrail_frontier_ack"  # on a marker request: this key is handled
# A site gets at most this many requests per unit of its concurrency at once, so one
# slow site cannot hold leases (work another worker could do) in a downloader queue.
LEASES_PER_CONCURRENCY = 2
# Handled requests are acked in batches, after one index flush for the whole batch:
# at most this many, or this old. A kill loses at most that much work (refetched).
ACK_BATCH = 200
TICK_SECONDS = 2.0
RECLAIM_EVERY_SECONDS = 1.0


def ack_marker(key: str) -> Request:
    """A request that is never downloaded: reaching the scheduler, it marks ``key`` handled."""
    return Request("data:,", meta={ACK_META: key}, dont_filter=True)


class FrontierScheduler(BaseScheduler):
    def __init__(self, crawler: Crawler, frontier: Frontier, sites: list[SiteConfig]) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.frontier = frontier
        self.budgets = {site.name: site.max_pages for site in sites}
        self.capacity = {site.name: LEASES_PER_CONCURRENCY * site.concurrency for site in sites}
        self._inflight: dict[str, str] = {}  # key -> site: leased here, not handled yet
        self._handled: list[str] = []  # handled, to be acked after the next index flush
        self._spider: Spider | None = None
        self._broken = False
        self._last_reclaim = 0.0
        self._timer: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierScheduler:
        settings = crawler.settings
        if settings.getint("CONCURRENT_ITEMS") != 1:
            raise ValueError("FrontierScheduler needs CONCURRENT_ITEMS = 1 (see its docstring)")
        sites = [SiteConfig.model_validate(s) for s in settings.getlist("MONEYTRAIL_SITES")]
        frontier = open_frontier(
            settings.get("MONEYTRAIL_FRONTIER"),
            settings.get("MONEYTRAIL_RUN_ID"),
            [site.name for site in sites],
            Path(settings.get("MONEYTRAIL_STATE_DIR")),
        )
        return cls(crawler, frontier, sites)

    # -- the BaseScheduler interface ---------------------------------------------------

    def open(self, spider: Spider) -> None:
        self._spider = spider
        reclaimed = self.frontier.reclaimed_at_open
        if reclaimed:
            logger.info("resuming: %d requests a stopped crawl had taken are queued", reclaimed)
            self.stats.inc_value("frontier/reclaimed", reclaimed)
        interval = TICK_SECONDS
        if self.frontier.lease_seconds is not None:
            # Renew our leases well before they run out.
            interval = min(interval, self.frontier.lease_seconds / 3)
        self._timer = create_looping_call(self._tick)
        self._timer.start(interval, now=False)

    def close(self, reason: str) -> None:
        if self._timer is not None and self._timer.running:
            self._timer.stop()
        self._ack_handled()
        if self._broken:
            return
        try:
            if reason == "finished" and not self.frontier.pending():
                self.frontier.complete()
            else:
                released = self.frontier.release()
                if released:
                    self.stats.inc_value("frontier/released", released)
        except Exception:
            # Nothing is lost: unreleased leases expire (Redis) or are reclaimed when the
            # frontier is next opened (SQLite).
            logger.exception("could not settle the frontier at close")
        finally:
            self.frontier.close()

    def has_pending_requests(self) -> bool:
        if self._broken:
            return False
        if self._handled and not self._inflight:
            # Nothing of ours is being fetched or parsed: ack now rather than at the
            # next tick, so that the crawl can end (or others can see it end).
            self._ack_handled()
        if self._inflight or self._handled:
            return True
        return bool(self._guard(self.frontier.pending))

    def enqueue_request(self, request: Request) -> bool:
        if self._broken:
            return False
        handled = request.meta.get(ACK_META)
        if handled is not None:
            self._mark_handled(handled)
            return True
        site = request.meta.get(SITE_META)
        if site not in self.budgets:
            self.stats.inc_value("frontier/no_site")
            logger.warning("request outside every configured site not queued: %s", request.url)
            return False
        replaces = request.meta.get(FRONTIER_KEY_META)
        if isinstance(request.errback, _MarkAfterErrback):
            request = request.replace(errback=request.errback.errback)
        assert self._spider is not None, "scheduler used before open()"
        entry = FrontierEntry(
            key=self.crawler.request_fingerprinter.fingerprint(request).hex(),
            site=site,
            priority=request.priority,
            payload=encode_request(request, self._spider, frozenset({FRONTIER_KEY_META})),
        )
        outcome = self._guard(
            lambda: self.frontier.push(
                entry, replaces=replaces, dont_filter=request.dont_filter, budget=self.budgets[site]
            )
        )
        if outcome is None:
            return False
        if replaces is not None:
            # A redirect or retry took over; the original will not be handled itself.
            self._inflight.pop(replaces, None)
        self.stats.inc_value(f"frontier/{outcome.value}")
        return outcome is PushOutcome.QUEUED

    def next_request(self) -> Request | None:
        while not self._broken:
            entry = self._lease()
            if entry is None:
                return None
            self._inflight[entry.key] = entry.site
            try:
                request = decode_request(entry.payload, self._spider)
            except RequestCodecError as exc:
                # Retrying cannot make it readable: count it, log it, let it go.
                logger.error("dropping request %s from the frontier: %s", entry.key, exc)
                self.stats.inc_value("frontier/unreadable")
                self._mark_handled(entry.key)
                continue
            request.meta[FRONTIER_KEY_META] = entry.key
            request.errback = _MarkAfterErrback(request.errback, entry.key, self._mark_handled)
            self.stats.inc_value("frontier/leased")
            return request
        return None

    # -- internals ---------------------------------------------------------------------

    def _lease(self) -> FrontierEntry | None:
        sites = self._sites_with_room()
        entry = self._guard(lambda: self.frontier.lease(sites))
        now = time.monotonic()
        if entry is None and sites and now - self._last_reclaim > RECLAIM_EVERY_SECONDS:
            self._last_reclaim = now
            if self._reclaim():
                entry = self._guard(lambda: self.frontier.lease(sites))
        return entry

    def _sites_with_room(self) -> list[str]:
        busy = Counter(self._inflight.values())
        open_sites = [s for s, room in self.capacity.items() if busy[s] < room]
        return sorted(open_sites, key=lambda s: busy[s] / self.capacity[s])

    def _mark_handled(self, key: str) -> None:
        # A second marker for one response (an HTTP error passes both the errback and
        # the spider middleware) finds the key gone and changes nothing.
        if self._inflight.pop(key, None) is None:
            return
        self._handled.append(key)
        if len(self._handled) >= ACK_BATCH:
            self._ack_handled()

    def _ack_handled(self) -> None:
        if self._broken or not self._handled:
            return
        for _, result in self.crawler.signals.send_catch_log(signal=signals.flush_index):
            if isinstance(result, Failure):
                # send_catch_log logged it. Unflushed pages must not be acked: stop, so
                # they are crawled again when the crawl resumes.
                self._stop("index flush failed; stopping this crawl so that nothing is lost")
                return
        keys, self._handled = self._handled, []
        self._guard(lambda: self.frontier.ack(keys))
        if not self._broken:
            self.stats.inc_value("frontier/acked", len(keys))

    def _reclaim(self) -> int:
        reclaimed = self._guard(self.frontier.reclaim_expired) or 0
        if reclaimed:
            logger.info("queued again %d requests whose worker stopped renewing them", reclaimed)
            self.stats.inc_value("frontier/reclaimed", reclaimed)
        return reclaimed

    def _tick(self) -> None:
        self._ack_handled()
        if self.frontier.lease_seconds is not None:
            self._guard(self.frontier.renew)
            self._reclaim()

    def _guard(self, call: Callable[[], Any]) -> Any:
        """Run a frontier call; if the frontier fails, stop the crawl and ack no more.

        Stopping is what keeps the crawl lossless: a page whose links could not be
        pushed is never acked, so it stays leased and is crawled again on resume.
        """
        if self._broken:
            return None
        try:
            return call()
        except Exception:
            logger.exception("frontier call failed")
            self._stop("frontier failed; stopping this crawl so that nothing is lost")
            return None

    def _stop(self, message: str) -> None:
        logger.error(message)
        self._broken = True
        self.stats.set_value("frontier/failed", 1)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="frontier_error"))


class _MarkAfterErrback:
    """Wraps a leased request's errback so that a failed download is marked handled
    too, after whatever the errback yields has been handled."""

    def __init__(self, errback: Callable[..., Any] | None, key: str, mark: Callable[[str], None]):
        self.errback = errback
        self.key = key
        self.mark = mark

    def __call__(self, failure: Failure) -> Any:
        output = self.errback(failure) if self.errback is not None else failure
        if isinstance(output, Failure):
            self.mark(self.key)
            return output
        if inspect.isasyncgen(output) or inspect.iscoroutine(output):
            raise TypeError("FrontierScheduler supports only plain (not async) errbacks")
        return self._then_marker(output)

    def _then_marker(self, output: Iterable[Any] | None) -> Iterator[Any]:
        yield from output or ()
        yield ack_marker(self.key)

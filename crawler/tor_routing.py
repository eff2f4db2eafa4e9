"""Route Tor requests: which tor instance, which circuit, when to wait, when to give up.

TorRoutingMiddleware (a downloader middleware) owns the crawl's TorPool. For every request
that must go through Tor (site ``via: tor``, or any ``.onion`` host) it

- picks the site's instance (sticky: one site, one instance for the whole run) and puts a
  TorRoute in ``request.meta[ROUTE_META]``: SOCKS address plus per-site credentials, so
  tor's IsolateSOCKSAuth gives every site its own circuits;
- waits, with growing pauses, while that instance is unhealthy, and stops the crawl with
  one clear message once it has been unhealthy for ``tor.unavailable_timeout``; the
  request is never sent another way;
- tells a dead site from a broken Tor path: when a request fails it looks at the
  instance itself; a failure on a healthy instance is the site's, anything else is Tor's
  and the request is retried once Tor is back (without spending the site's retries);
- classifies each site for this run as up / slow / down (stats
  ``moneytrail/site_state/<site>``) and holds back requests to down sites with
  exponential backoff;
- feeds per-instance error rates to a NEWNYM policy.

The download handler (crawler.download_handlers) refuses any Tor request without a route.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from scrapy import signals
from scrapy.exceptions import (
    CloseSpider,
    DownloadCancelledError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotConfigured,
    StopDownload,
)
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import task, threads
from twisted.internet.error import TimeoutError as TwistedTimeoutError
from twisted.internet.task import LoopingCall

from crawler.config import SiteConfig, TorSettings
from crawler.middlewares import SITE_META, VIA_META
from crawler.tor import ERROR_MIN_REQUESTS, InstanceStatus, TorInstance, TorPool, TorUnavailable

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

ROUTE_META = "moneytrail_tor_route"
INSTANCE_META = "moneytrail_tor_instance"
PATH_RETRIES_META = "moneytrail_tor_path_retries"

CLOSE_REASON = "tor_unavailable"
MAX_PATH_RETRIES = 20  # retries of one request after Tor-path failures
DOWN_STREAK = 5  # failures in a row, with no answer between, that make an answering site down
HEALTH_INTERVAL = 2.0  # seconds between health checks of every instance
WAIT_FIRST, WAIT_MAX = 0.5, 8.0  # pauses of a request waiting for a healthy instance
STATUS_FILE = "status.json"  # under <state_dir>/tor/, read by `moneytrail tor status`


@dataclass(frozen=True, slots=True)
class TorRoute:
    """How one request reaches Tor: the instance's SOCKS port and the site's credentials."""

    instance: str
    socks_host: str
    socks_port: int
    username: str
    password: str

    @property
    def proxy_url(self) -> str:
        # socks5h: the hostname goes to tor unresolved (remote DNS); .onion names only
        # mean something inside Tor, and a local lookup would leak what we visit.
        credentials = f"{quote(self.username, safe='')}:{quote(self.password, safe='')}"
        return f"socks5h://{credentials}@{self.socks_host}:{self.socks_port}"


def is_onion_host(host: str) -> bool:
    return host.lower().rstrip(".").endswith(".onion")


def is_tor_request(request: Request) -> bool:
    """Must this request go through Tor? Yes for `via: tor` and for any .onion host."""
    if request.meta.get(VIA_META) == "tor":
        return True
    return is_onion_host(urlparse_cached(request).hostname or "")


@dataclass(slots=True)
class SiteHealth:
    """What one run learned about one site reached through Tor."""

    name: str
    ok: int = 0  # answers (any HTTP status)
    slow: int = 0  # answers slower than slow_threshold, and timeouts on a healthy path
    failures: int = 0  # failures while the site's tor instance was healthy
    path_failures: int = 0  # failures while the instance was not: Tor's doing, not the site's
    tor_given_up: bool = False  # the crawl stopped because Tor stayed unavailable
    consecutive_failures: int = 0
    retry_at: float = 0.0  # monotonic time before which the site is left alone

    @property
    def looks_down(self) -> bool:
        """Nothing answered yet, or a long run of failures since the last answer. One bad
        page (a timeout, a reset) on a site that answers otherwise is not the site down."""
        if not self.consecutive_failures:
            return False
        return self.ok == 0 or self.consecutive_failures >= DOWN_STREAK

    @property
    def state(self) -> str:
        if self.ok:
            return "slow" if 2 * self.slow >= self.ok + self.failures else "up"
        if self.failures:
            return "down"
        if self.path_failures or self.tor_given_up:
            return CLOSE_REASON  # never reached: Tor was not usable, the site may be fine
        return "idle"


class TorRoutingMiddleware:
    """Downloader middleware: sticky Tor routes, fail-closed waiting, site health."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.tor = TorSettings.model_validate(settings.getdict("MONEYTRAIL_TOR") or {})
        self.run_id = settings.get("MONEYTRAIL_RUN_ID") or "run"
        self.state_dir = Path(settings.get("MONEYTRAIL_STATE_DIR") or "state")
        sites = [SiteConfig.model_validate(s) for s in settings.getlist("MONEYTRAIL_SITES")]
        self.site_order = [site.name for site in sites]
        self.tor_sites = [
            site.name
            for site in sites
            if site.via == "tor" or any(is_onion_host(h.split(":")[0]) for h in site.hosts())
        ]
        self.needs_tor = bool(self.tor_sites)
        self.pool = TorPool(self.tor, self.state_dir)  # bootstrap progress: INFO log lines
        self.sites: dict[str, SiteHealth] = {}
        self.assignment: dict[str, TorInstance] = {}
        self.status: dict[str, InstanceStatus] = {}
        self.unhealthy_since: dict[str, float] = {}
        self.ready = False
        self.stopping: str | None = None  # the stop message, once Tor is given up on
        self.closing = False
        self._health_loop: LoopingCall | None = None
        self._probing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TorRoutingMiddleware:
        if not crawler.settings.getbool("MONEYTRAIL_TOR_ROUTING_ENABLED", True):
            raise NotConfigured
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    # -- lifecycle --------------------------------------------------------------------

    async def spider_opened(self) -> None:
        if not self.needs_tor:
            return
        try:
            await maybe_deferred_to_future(threads.deferToThread(self.pool.start))
        except TorUnavailable as exc:
            # Raising CloseSpider from spider_opened closes the crawl with this reason.
            self._give_up(f"tor could not be started: {exc}", close=False)
            raise CloseSpider(CLOSE_REASON) from None
        now = time.monotonic()
        # Until proven healthy every instance counts as unhealthy since the start, so a
        # tor that is down from the beginning hits unavailable_timeout like any other.
        self.unhealthy_since = {instance.name: now for instance in self.pool.instances}
        await self._refresh_health()
        self.ready = True
        self._health_loop = LoopingCall(self._refresh_health_in_background)
        self._health_loop.start(HEALTH_INTERVAL, now=False)

    async def spider_closed(self) -> None:
        self.closing = True
        if self._health_loop is not None and self._health_loop.running:
            self._health_loop.stop()
        for site in self.sites.values():
            self._publish(site)
        if self.ready:
            await self._refresh_health()  # final counters into stats and the status file
        await maybe_deferred_to_future(threads.deferToThread(self.pool.close))

    def site_states(self) -> dict[str, str]:
        """This run's state per Tor site: up, slow, down, idle or tor_unavailable."""
        return {name: site.state for name, site in self.sites.items()}

    # -- downloader middleware --------------------------------------------------------

    async def process_request(self, request: Request) -> None:
        if not is_tor_request(request):
            return
        # A route from an earlier attempt (redirect, retry) may name a dead port.
        request.meta.pop(ROUTE_META, None)
        site = self._site(request)
        if not self.ready:
            self._refuse(request, "tor is not available in this crawl")
        await self._wait_out_backoff(site, request)
        instance = await self._healthy_instance(site.name, request)
        request.meta[ROUTE_META] = TorRoute(
            instance=instance.name,
            socks_host=instance.socks.host,
            socks_port=instance.socks.port,
            username=site.name,
            password=self.run_id,
        )
        request.meta[INSTANCE_META] = instance.name

    def process_response(self, request: Request, response: Response) -> Response:
        route = request.meta.pop(ROUTE_META, None)
        if route is None:
            return response
        self._answered(request, route)
        return response

    def _answered(self, request: Request, route: TorRoute) -> None:
        """The site answered through this route (whatever we then did with the answer)."""
        self.pool.instance(route.instance).record(ok=True)
        site = self._site(request)
        site.ok += 1
        site.consecutive_failures = 0
        site.retry_at = 0.0
        if request.meta.get("download_latency", 0.0) > self.tor.slow_threshold:
            site.slow += 1
        self._publish(site)

    async def process_exception(self, request: Request, exception: Exception) -> Request | None:
        route = request.meta.pop(ROUTE_META, None)
        if route is None or isinstance(exception, IgnoreRequest | StopDownload):
            return None
        if isinstance(exception, DownloadCancelledError):
            # Cancelled by us at the size cap (Content-Length over DOWNLOAD_MAXSIZE): the
            # site and the Tor path both answered. Counting it as a failure would back a
            # healthy site off for minutes because it links to big files.
            self._answered(request, route)
            return None
        instance = self.pool.instance(route.instance)
        site = self._site(request)
        # Is the Tor path itself fine? Look now, not at the last periodic check: a tor
        # that just died is what makes the difference between "site down" and "Tor down".
        status = await maybe_deferred_to_future(threads.deferToThread(instance.probe))
        self._apply(status)
        path_retries = request.meta.get(PATH_RETRIES_META, 0)
        # The cap only matters for a tor that flaps between checks; a tor that stays down
        # is handled by unavailable_timeout.
        if not status.healthy and path_retries < MAX_PATH_RETRIES:
            site.path_failures += 1
            self.stats.inc_value("moneytrail/tor/path_failures")
            self._publish(site)
            logger.info(
                "tor path failed for %s (%s: %s); retrying when tor is back",
                request.url,
                instance.name,
                status.problem,
            )
            retry = request.replace(dont_filter=True)
            retry.meta[PATH_RETRIES_META] = path_retries + 1
            return retry
        instance.record(ok=False)
        site.failures += 1
        site.consecutive_failures += 1
        if _is_timeout(exception):
            site.slow += 1
        self._publish(site)
        if site.looks_down:
            backoff = min(
                self.tor.down_backoff * 2 ** (site.consecutive_failures - 1),
                self.tor.down_backoff_max,
            )
            site.retry_at = time.monotonic() + backoff
            logger.info(
                "%s looks down (%s through healthy %s); its next request waits %.0fs",
                site.name,
                exception,
                instance.name,
                backoff,
            )
        await self._maybe_newnym(instance)
        return None  # RetryMiddleware and the spider's errback take it from here

    # -- routing ----------------------------------------------------------------------

    def _site(self, request: Request) -> SiteHealth:
        name = request.meta.get(SITE_META) or (urlparse_cached(request).hostname or "unknown")
        if name not in self.sites:
            self.sites[name] = SiteHealth(name)
        return self.sites[name]

    def _instance_for(self, site: str) -> TorInstance:
        # Sticky and balanced: configured sites in order, round robin over the instances.
        if site not in self.assignment:
            instances = self.pool.instances
            position = (
                self.site_order.index(site) if site in self.site_order else len(self.assignment)
            )
            self.assignment[site] = instances[position % len(instances)]
            self.stats.set_value(f"moneytrail/tor/site_instance/{site}", self.assignment[site].name)
        return self.assignment[site]

    async def _healthy_instance(self, site: str, request: Request) -> TorInstance:
        instance = self._instance_for(site)
        pause = WAIT_FIRST
        waited = False
        while True:
            if self.stopping:
                self._refuse(request, self.stopping)
            status = self.status.get(instance.name)
            if status is not None and status.healthy:
                return instance
            down_for = time.monotonic() - self.unhealthy_since.get(instance.name, time.monotonic())
            if down_for >= self.tor.unavailable_timeout:
                problem = status.problem if status else "not checked yet"
                self._give_up(
                    f"{instance.name} (SOCKS {instance.socks}) has not been usable for "
                    f"{down_for:.0f}s: {problem}"
                )
                self._refuse(request, self.stopping or CLOSE_REASON)
            if not waited:
                waited = True
                self.stats.inc_value("moneytrail/tor/requests_waited")
            remaining = self.tor.unavailable_timeout - down_for
            await _sleep(max(0.05, min(pause, remaining)))
            pause = min(pause * 2, WAIT_MAX)

    async def _wait_out_backoff(self, site: SiteHealth, request: Request) -> None:
        # A down site is not hammered: its requests wait for the backoff to run out.
        while (delay := site.retry_at - time.monotonic()) > 0:
            if self.stopping:
                self._refuse(request, self.stopping)
            self.stats.inc_value("moneytrail/tor/backoff_waits")
            await _sleep(min(delay, WAIT_MAX))

    def _refuse(self, request: Request, reason: str) -> None:
        self.stats.inc_value("moneytrail/tor/refused")
        raise IgnoreRequest(f"not sent ({reason}): {request.url}")

    def _give_up(self, why: str, close: bool = True) -> None:
        if self.stopping:
            return
        self.stopping = f"tor unavailable: {why}"
        for name in {*self.tor_sites, *self.sites}:
            site = self.sites.setdefault(name, SiteHealth(name))
            site.tor_given_up = True
            self._publish(site)
        logger.error(
            "Stopping the crawl: %s. No request was sent outside Tor; pending Tor requests "
            "are dropped and will be fetched by the next run.",
            self.stopping,
        )
        self.stats.set_value("moneytrail/tor/stopped", why)
        if close and self.crawler.engine is not None:
            # Not awaited: closing waits for in-flight requests, and ours is one of them.
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=CLOSE_REASON))

    # -- health -----------------------------------------------------------------------

    def _refresh_health_in_background(self) -> Any:
        if self._probing:
            return None
        return deferred_from_coro(self._refresh_health())

    async def _refresh_health(self) -> None:
        self._probing = True
        try:
            statuses = await maybe_deferred_to_future(threads.deferToThread(self.pool.probe))
        finally:
            self._probing = False
        for status in statuses:
            self._apply(status)
            instance = self.pool.instance(status.name)
            exited = instance.process is not None and instance.process.poll() is not None
            if exited and not self.closing:
                # A tor we launched died: start it again (in its own thread; bootstrap
                # from its cached consensus takes seconds). Requests wait meanwhile.
                logger.warning("%s: tor process died; relaunching", instance.name)
                threads.deferToThread(self.pool.relaunch, instance)
        self._write_status_file(statuses)

    def _apply(self, status: InstanceStatus) -> None:
        before = self.status.get(status.name)
        self.status[status.name] = status
        if status.healthy:
            self.unhealthy_since.pop(status.name, None)
        else:
            self.unhealthy_since.setdefault(status.name, time.monotonic())
        if before is not None and before.healthy != status.healthy:
            if status.healthy:
                logger.warning("%s is usable again", status.name)
            else:
                logger.warning("%s is not usable: %s", status.name, status.problem)
        prefix = f"moneytrail/tor/{status.name}"
        self.stats.set_value(f"{prefix}/healthy", int(status.healthy))
        self.stats.set_value(f"{prefix}/circuits_built", status.circuits_built)
        self.stats.set_value(f"{prefix}/circuits_failed", status.circuits_failed)
        self.stats.set_value(f"{prefix}/requests_ok", status.requests_ok)
        self.stats.set_value(f"{prefix}/requests_failed", status.requests_failed)
        self.stats.set_value(f"{prefix}/newnym", status.newnym_count)

    async def _maybe_newnym(self, instance: TorInstance) -> None:
        rate, count = instance.error_rate()
        if count < ERROR_MIN_REQUESTS or rate < self.tor.newnym_error_rate:
            return
        sent = await maybe_deferred_to_future(threads.deferToThread(instance.newnym))
        if sent:
            logger.warning(
                "%s: %.0f%% of its last %d requests failed; sent NEWNYM",
                instance.name,
                100 * rate,
                count,
            )

    def _publish(self, site: SiteHealth) -> None:
        self.stats.set_value(f"moneytrail/site_state/{site.name}", site.state)

    def _write_status_file(self, statuses: list[InstanceStatus]) -> None:
        # `moneytrail tor status` shows a live crawl's pool from this snapshot.
        path = self.state_dir / "tor" / STATUS_FILE
        snapshot = {
            "pid": os.getpid(),
            "run_id": self.run_id,
            "mode": self.pool.mode,
            "updated_at": time.time(),
            "instances": [asdict(s) | {"healthy": s.healthy} for s in statuses],
            "sites": {name: site.state for name, site in self.sites.items()},
            "assignment": {site: instance.name for site, instance in self.assignment.items()},
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(".tmp")
            partial.write_text(json.dumps(snapshot, indent=1))
            partial.replace(path)
        except OSError as exc:
            logger.debug("cannot write %s: %s", path, exc)


def _is_timeout(exception: Exception) -> bool:
    return isinstance(exception, DownloadTimeoutError | TwistedTimeoutError | TimeoutError)


async def _sleep(seconds: float) -> None:
    # A Twisted delayed call, not time.sleep: the reactor keeps serving other requests.
    from twisted.internet import reactor

    await maybe_deferred_to_future(task.deferLater(reactor, seconds, lambda: None))

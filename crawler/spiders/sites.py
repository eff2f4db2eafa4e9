"""One spider for every configured site: follows links within each site's hosts and
limits, and hands each text page to the pipeline as a FetchedPage."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urljoin, urlsplit

import scrapy
from parsel import Selector
from scrapy.exceptions import StopDownload
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from crawler.config import Selector as FieldSelector
from crawler.config import SiteConfig
from crawler.cookies import load_cookies
from crawler.items import FetchedPage
from crawler.media import is_media_url
from crawler.middlewares import SITE_META, VIA_META, on_hosts
from crawler.text import visible_text

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class SiteState:
    """Per-site counters for one run; the budget stops link-following, not fetching."""

    def __init__(self, config: SiteConfig) -> None:
        self.config = config
        self.hosts = frozenset(config.hosts())
        self.deny = [re.compile(p) for p in config.deny_url_patterns]
        # A login-walled site's session: sent with the start requests, then kept in the
        # site's own cookie jar by Scrapy's CookiesMiddleware.
        self.login_cookies = load_cookies(config.cookies_file) if config.cookies_file else []
        self.scheduled: set[str] = set()

    def budget_left(self) -> bool:
        return len(self.scheduled) < self.config.max_pages

    def wants(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        if not on_hosts(parts, self.hosts):
            return False
        return not any(p.search(url) for p in self.deny)


class SitesSpider(scrapy.Spider):
    name = "moneytrail"

    def __init__(self, sites: list[SiteConfig], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sites = {site.name: SiteState(site) for site in sites}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SitesSpider:
        sites = [SiteConfig.model_validate(s) for s in crawler.settings.getlist("MONEYTRAIL_SITES")]
        spider = cls(sites, *args, **kwargs)
        spider._set_crawler(crawler)
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for state in self.sites.values():
            for url in state.config.start_urls:
                request = self._request(state, url, depth=0)
                if request is not None:
                    yield request

    def _request(self, state: SiteState, url: str, depth: int) -> scrapy.Request | None:
        url = urldefrag(url)[0]
        if url in state.scheduled or not state.budget_left():
            return None
        state.scheduled.add(url)
        return scrapy.Request(
            url,
            cookies=state.login_cookies if depth == 0 else None,
            callback=self.parse,
            errback=self.failed,
            meta={
                SITE_META: state.config.name,
                VIA_META: state.config.via,
                # One download slot per site carries its concurrency and delay.
                "download_slot": state.config.name,
                # Cookies are kept per site and never shared across sites.
                "cookiejar": state.config.name,
                "depth": depth,
            },
        )

    def parse(self, response: Response) -> Iterator[FetchedPage | scrapy.Request]:
        state = self.sites[response.meta[SITE_META]]
        stats = self.crawler.stats
        stats.inc_value(f"moneytrail/site/{state.config.name}/ok")
        if not isinstance(response, TextResponse):
            stats.inc_value("moneytrail/skipped/not_text")
            return
        try:
            selector = _selector(response)
        except (ValueError, TypeError) as exc:
            # lxml refuses some bodies outright; the failure is counted, the crawl goes on.
            logger.warning("unparseable page %s: %s", response.url, exc)
            stats.inc_value("moneytrail/skipped/unparseable")
            return
        yield self._page(state, response, selector)
        depth = response.meta.get("depth", 0)
        if depth >= state.config.max_depth:
            return
        for href in selector.xpath("//a/@href | //area/@href").getall():
            url = urljoin(response.url, href.strip())
            if is_media_url(url):
                stats.inc_value("moneytrail/dropped/media_url")
            elif state.wants(url):
                request = self._request(state, url, depth + 1)
                if request is not None:
                    yield request

    def _page(self, state: SiteState, response: TextResponse, selector: Selector) -> FetchedPage:
        root = selector.root
        html_element = root.getroottree().getroot() if root is not None else None
        lang = html_element.get("lang") if html_element is not None else None
        return FetchedPage(
            url=response.url,
            site=state.config.name,
            host=urlsplit(response.url).netloc.lower(),
            title=" ".join((selector.xpath("//title/text()").get() or "").split()),
            text=visible_text(root),
            lang=lang or None,
            status=response.status,
            fetched_at=datetime.now(UTC),
            sha256=hashlib.sha256(response.body).hexdigest(),
            via=state.config.via,
            region=state.config.region,
            fields=_structured_fields(selector, state.config),
        )

    def failed(self, failure: Failure) -> None:
        request = failure.request
        site = request.meta.get(SITE_META, "?")
        stats = self.crawler.stats
        reason = _failure_reason(failure)
        stats.inc_value(f"moneytrail/failed/{reason}")
        if reason != "stopped_at_headers":
            stats.inc_value(f"moneytrail/site/{site}/failed")
        logger.info("fetch failed (%s): %s", reason, request.url)


def _selector(response: TextResponse) -> Selector:
    """The parsed page. lxml silently stops at a NUL character, so a page with stray NUL
    bytes would lose everything after them; a browser shows the rest, and so do we."""
    if "\x00" in response.text:
        return Selector(text=response.text.replace("\x00", "\ufffd"))
    return response.selector


def _structured_fields(page: Selector, site: SiteConfig) -> dict[str, str]:
    fields = {}
    for name, wanted in site.selectors.items():
        values = _select(page, wanted)
        if values:
            fields[name] = " | ".join(values)
    return fields


def _select(page: Selector, wanted: FieldSelector) -> list[str]:
    found = page.css(wanted.css) if wanted.css else page.xpath(wanted.xpath or "")
    values = (" ".join(v.split()) for v in found.getall())
    return list(dict.fromkeys(v for v in values if v))


def _failure_reason(failure: Failure) -> str:
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(StopDownload):
        return "stopped_at_headers"
    if failure.check(TimeoutError, TCPTimedOutError):
        return "timeout"
    if failure.check(DNSLookupError):
        return "dns"
    return type(failure.value).__name__

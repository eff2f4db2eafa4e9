"""Downloader middlewares that keep a crawl inside its sites and away from media."""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import TYPE_CHECKING
from urllib.parse import ParseResult, SplitResult

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached

from crawler.media import is_media_url

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

SITE_META = "moneytrail_site"
VIA_META = "moneytrail_via"


class SiteScopeMiddleware:
    """Every request, redirects included, must stay on the hosts of the site it belongs to.

    Scrapy's OffsiteMiddleware matches domains without ports; fixture and LAN sites
    differ only by port, and an .onion reached from a direct site must never be fetched.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        sites = crawler.settings.getlist("MONEYTRAIL_SITES")
        self.hosts = {site["name"]: _site_hosts(site) for site in sites}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteScopeMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        site = request.meta.get(SITE_META)
        parts = urlparse_cached(request)
        host = (parts.hostname or "").lower()
        if site not in self.hosts:
            self.stats.inc_value("moneytrail/dropped/no_site")
            raise IgnoreRequest(f"request without a configured site: {request.url}")
        if host.endswith(".onion") and request.meta.get(VIA_META) != "tor":
            # Fail closed: never let an .onion request go anywhere but Tor.
            self.stats.inc_value("moneytrail/dropped/onion_not_via_tor")
            raise IgnoreRequest(f"refusing .onion request outside Tor: {request.url}")
        if not on_hosts(parts, self.hosts[site]):
            self.stats.inc_value("moneytrail/dropped/offsite")
            logger.debug("off-site request dropped: %s (site %s)", request.url, site)
            raise IgnoreRequest(f"off-site: {request.url}")


class MediaURLFilterMiddleware:
    """Drops requests whose URL names an image, video, audio file or archive."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MediaURLFilterMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if is_media_url(request.url):
            self.stats.inc_value("moneytrail/dropped/media_url")
            raise IgnoreRequest(f"media URL: {request.url}")


def on_hosts(parts: ParseResult | SplitResult, hosts: Collection[str]) -> bool:
    """A URL is on a site if its host:port, or its bare host, is one of the site's hosts."""
    return (parts.netloc or "").lower() in hosts or (parts.hostname or "").lower() in hosts


def _site_hosts(site: dict) -> frozenset[str]:
    from crawler.config import SiteConfig

    return frozenset(SiteConfig.model_validate(site).hosts())

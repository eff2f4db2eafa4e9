"""Download handlers: Tor requests through Tor's SOCKS port, everything else directly.

RoutingDownloadHandler serves the "http" and "https" schemes. A request that must go
through Tor (site ``via: tor`` or an ``.onion`` host) is downloaded by TorDownloadHandler
through the SOCKS route TorRoutingMiddleware put in its meta; without a route it is
refused before any socket is opened. Every other request goes to Scrapy's default
HTTP11DownloadHandler.

Why Scrapy's HttpxDownloadHandler for Tor: it is Scrapy's own (scrapy[httpx], 2.17+),
speaks SOCKS5 with the hostname sent to the proxy (remote DNS, what socks5h means), keeps
one httpx client per proxy URL (so one per instance and site: connection pools are never
shared between sites), and already honours everything our other components rely on:
DOWNLOAD_MAXSIZE/WARNSIZE, the headers_received and bytes_received signals with
StopDownload, dataloss handling and download_latency. Twisted's HTTP11 handler has no
SOCKS support at all. We only change where its proxy comes from.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, ClassVar

from scrapy.core.downloader.handlers._httpx import HttpxDownloadHandler
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.utils.misc import build_from_crawler

from crawler.tor_routing import ROUTE_META, TorRoute, is_tor_request

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


class TorRouteMissing(Exception):
    """A request that must go through Tor carries no Tor route: it is not sent at all."""


class TorDownloadHandler(HttpxDownloadHandler):
    """HttpxDownloadHandler whose only proxy is the request's Tor route.

    ``meta["proxy"]`` and Proxy-Authorization are ignored: a Tor request goes to the
    SOCKS port chosen by TorRoutingMiddleware, with that site's credentials, or nowhere.
    """

    # Upstream flags the whole handler experimental and warns on every crawl; we use one
    # path of it (HTTP/1.1 through SOCKS5), which our end-to-end Tor tests exercise.
    experimental: ClassVar[bool] = False

    def _extract_proxy_url_with_creds(self, request: Request) -> str:
        return tor_route(request).proxy_url


class RoutingDownloadHandler(BaseDownloadHandler):
    """The "http"/"https" handler: Tor requests to Tor, the rest to Scrapy's default."""

    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._direct: HTTP11DownloadHandler = build_from_crawler(HTTP11DownloadHandler, crawler)
        # Built on the first Tor request: crawls without Tor sites never need it.
        self._tor: TorDownloadHandler | None = None

    async def download_request(self, request: Request) -> Response:
        if is_tor_request(request):
            try:
                tor_route(request)  # refuse before anything is built or opened
            except TorRouteMissing as exc:
                # Always a wiring bug, never a network condition: say it loudly.
                logger.error("%s", exc)
                raise
            if self._tor is None:
                self._tor = build_from_crawler(TorDownloadHandler, self.crawler)
            return await self._tor.download_request(request)
        return await self._direct.download_request(request)

    async def close(self) -> None:
        await self._direct.close()
        if self._tor is not None:
            await self._tor.close()


def tor_route(request: Request) -> TorRoute:
    route = request.meta.get(ROUTE_META)
    if not isinstance(route, TorRoute):
        raise TorRouteMissing(
            f"refusing {request.url}: it must go through Tor and has no Tor route "
            "(is crawler.tor_routing.TorRoutingMiddleware enabled?)"
        )
    return route

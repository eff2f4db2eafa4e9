"""Extensions: abort non-text responses at their headers, before any body is read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import StopDownload

from crawler.media import is_text_content_type

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Headers


class ContentTypeGuard:
    """Stops the download of anything that is not text, by its Content-Type header.

    A URL without a media extension can still answer with an image; investigators of
    trafficking must never collect such material by accident, so the body is not read.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.max_bytes = crawler.settings.getint("DOWNLOAD_MAXSIZE")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContentTypeGuard:
        guard = cls(crawler)
        crawler.signals.connect(guard.headers_received, signal=signals.headers_received)
        return guard

    def headers_received(
        self, headers: Headers, body_length: object, request: Request, spider: object
    ) -> None:
        if not is_text_content_type(headers.get(b"Content-Type")):
            self.stats.inc_value("moneytrail/dropped/media_content_type")
            raise StopDownload(fail=True)
        # body_length is Twisted's UNKNOWN_LENGTH marker (a str) for chunked bodies.
        declared = body_length if isinstance(body_length, int) else None
        if self.max_bytes and declared and declared > self.max_bytes:
            # Declared too big: do not read even the first byte of it.
            self.stats.inc_value("moneytrail/dropped/too_large")
            raise StopDownload(fail=True)

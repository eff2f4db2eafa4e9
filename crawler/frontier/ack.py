"""Spider middleware that acknowledges a leased request once its response is handled."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from crawler.frontier.scheduler import FRONTIER_KEY_META, ack_marker

if TYPE_CHECKING:
    from scrapy.http import Response


class FrontierAckMiddleware:
    """Appends an ack marker after everything a response's callback produced.

    It must be the outermost spider middleware (lowest order), so the marker passes no
    other middleware and follows the callback's last item and link. A callback that
    raises half way still gets its marker: refetching a page cannot fix a parser bug,
    and an un-acked lease would keep the crawl from ever finishing.
    """

    def process_spider_output(
        self, response: Response, result: Iterable[Any], spider: Any = None
    ) -> Iterator[Any]:
        error: Exception | None = None
        try:
            yield from result
        except Exception as exc:
            error = exc
        marker = _marker(response)
        if marker is not None:
            yield marker
        if error is not None:
            raise error

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any], spider: Any = None
    ) -> AsyncIterator[Any]:
        error: Exception | None = None
        try:
            async for output in result:
                yield output
        except Exception as exc:
            error = exc
        marker = _marker(response)
        if marker is not None:
            yield marker
        if error is not None:
            raise error


def _marker(response: Response) -> Any:
    key = response.meta.get(FRONTIER_KEY_META)
    return ack_marker(key) if key is not None else None

"""Extension: hands the crawl's stats to a callback every few seconds and at the end.

The callback is the ``MONEYTRAIL_CHECKPOINT`` setting, so whoever starts the crawl
decides where figures go (moneytrail records them with the run, so a killed crawl
keeps the figures of the pages it did index). It must be a plain function: Scrapy
deep-copies its settings, which would copy a bound method's object.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

DEFAULT_INTERVAL_SECONDS = 2.0

Checkpoint = Callable[[dict[str, Any]], None]


class StatsCheckpoint:
    def __init__(self, crawler: Crawler, sink: Checkpoint, interval: float) -> None:
        self.stats = crawler.stats
        self.sink = sink
        self.interval = interval
        self._timer = create_looping_call(self._checkpoint)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StatsCheckpoint:
        sink = crawler.settings.get("MONEYTRAIL_CHECKPOINT")
        if sink is None:
            raise NotConfigured("no MONEYTRAIL_CHECKPOINT callback")
        interval = crawler.settings.getfloat(
            "MONEYTRAIL_CHECKPOINT_INTERVAL", DEFAULT_INTERVAL_SECONDS
        )
        extension = cls(crawler, sink, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        self._timer.start(self.interval, now=False)

    def spider_closed(self) -> None:
        if self._timer.running:
            self._timer.stop()
        self._checkpoint()

    def _checkpoint(self) -> None:
        self.sink(dict(self.stats.get_stats()))

"""Item pipeline: run the extractor registry over each page and write it to the index."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from crawler import signals
from crawler.items import FetchedPage
from extractors.base import ExtractOptions, Match
from extractors.registry import Registry, default_registry
from index import open_index
from index.backend import IndexBackend
from index.model import Mention, Page, WriteOutcome

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

# Structured fields whose value is a person's or vendor's name.
ALIAS_FIELDS = ("vendor",)


class ExtractAndIndexPipeline:
    def __init__(self, crawler: Crawler, registry: Registry) -> None:
        settings = crawler.settings
        self.stats = crawler.stats
        self.registry = registry
        self.index_url = settings.get("MONEYTRAIL_INDEX_URL")
        self.index_options = settings.getdict("MONEYTRAIL_INDEX_OPTIONS")
        self.run_id = settings.get("MONEYTRAIL_RUN_ID")
        self.aliases = settings.getbool("MONEYTRAIL_EXTRACT_ALIASES", True)
        self.spacy_model = settings.get("MONEYTRAIL_SPACY_MODEL")
        self.index: IndexBackend | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractAndIndexPipeline:
        pipeline = cls(crawler, default_registry())
        crawler.signals.connect(pipeline.flush_index, signal=signals.flush_index)
        return pipeline

    def open_spider(self) -> None:
        self.index = open_index(self.index_url, **self.index_options)

    def flush_index(self) -> None:
        """The frontier acks pages only once they are durable here (crawler.signals)."""
        if self.index is not None:
            self.index.flush()

    def close_spider(self) -> None:
        if self.index is not None:
            self.index.flush()
            self.index.close()
            self.index = None

    def process_item(self, item: FetchedPage) -> FetchedPage:
        assert self.index is not None, "pipeline used before open_spider"
        page = Page(
            url=item.url,
            site=item.host,
            title=item.title,
            text=item.text,
            lang=item.lang,
            status=item.status,
            fetched_at=item.fetched_at,
            sha256=item.sha256,
            crawl_run=self.run_id,
            via=item.via,
            fields=item.fields,
        )
        # Incremental: an unchanged body is not extracted again; the index only
        # advances last-seen for what it already holds.
        unchanged = self.index.page_sha256(item.url) == item.sha256
        mentions = [] if unchanged else [_mention(m, page) for m in self._extract(item)]
        outcome = self.index.write_page(page, mentions)
        self.stats.inc_value(f"moneytrail/pages/{outcome.value}")
        self.stats.inc_value(f"moneytrail/site/{item.site}/pages")
        if outcome is not WriteOutcome.UNCHANGED:
            for mention in mentions:
                self.stats.inc_value(f"moneytrail/mentions/{mention.kind}")
        return item

    def _extract(self, item: FetchedPage) -> list[Match]:
        structured = tuple(
            name.strip()
            for field in ALIAS_FIELDS
            if field in item.fields
            for name in item.fields[field].split(" | ")
            if name.strip()
        )
        options = ExtractOptions(
            default_region=item.region,
            structured_aliases=structured,
            aliases=self.aliases,
            spacy_model=self.spacy_model,
        )
        try:
            return self.registry.extract(item.text, options)
        except Exception:
            # A bug in one extractor must not cost us the page: it is indexed without
            # mentions, counted, and logged with the URL so it can be reproduced.
            logger.exception("extraction failed on %s", item.url)
            self.stats.inc_value("moneytrail/extract_errors")
            return []


def _mention(match: Match, page: Page) -> Mention:
    return Mention(
        kind=match.kind,
        value=match.value,
        raw=match.raw,
        start=match.start,
        end=match.end,
        context=match.context,
        extractor=match.extractor,
        confidence=match.confidence,
        url=page.url,
        site=page.site,
        fetched_at=page.fetched_at,
    )

"""Scrapy settings built from moneytrail's config: one place, composed by priority dicts."""

from __future__ import annotations

from typing import Any

from crawler.config import AppConfig, SiteConfig


def build_settings(app: AppConfig, sites: list[SiteConfig], run_id: str) -> dict[str, Any]:
    crawl = app.crawl
    index = app.index
    index_options = {
        key: value
        for key, value in {
            "api_key": index.api_key,
            "username": index.username,
            "password": index.password,
            "ca_certs": str(index.ca_certs) if index.ca_certs else None,
            "verify_certs": index.verify_certs,
            "spool_dir": str(index.spool_dir),
        }.items()
        if value is not None
    }
    if index.url.startswith("sqlite://"):
        index_options = {}
    return {
        "BOT_NAME": "moneytrail",
        "SPIDER_MODULES": ["crawler.spiders"],
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": crawl.log_level,
        "USER_AGENT": crawl.user_agent,
        "CONCURRENT_REQUESTS": crawl.concurrency,
        # Per-site concurrency and delay live in one download slot per site.
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrency,
        "DOWNLOAD_SLOTS": {
            site.name: {"concurrency": site.concurrency, "delay": site.delay} for site in sites
        },
        "DOWNLOAD_TIMEOUT": crawl.download_timeout,
        "DOWNLOAD_MAXSIZE": crawl.max_body_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": crawl.retry_times,
        "COOKIES_ENABLED": True,
        "AJAXCRAWL_ENABLED": False,
        # Breadth-first, so a page budget is spent on the pages nearest the start.
        "DEPTH_PRIORITY": 1,
        # Requests live in a crash-safe frontier (SQLite per run, or a shared Redis), so
        # a killed crawl resumes and many processes can share one crawl.
        "SCHEDULER": "crawler.frontier.scheduler.FrontierScheduler",
        # A request is acked after its outputs; that order holds with one item at a time.
        "CONCURRENT_ITEMS": 1,
        "SPIDER_MIDDLEWARES": {"crawler.frontier.ack.FrontierAckMiddleware": 1},
        "DOWNLOADER_MIDDLEWARES": {
            # Our scope check replaces OffsiteMiddleware: it knows ports and Tor.
            "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
            "crawler.middlewares.SiteScopeMiddleware": 50,
            "crawler.middlewares.MediaURLFilterMiddleware": 60,
            # Last before the download: sticky per-site Tor routes, fail-closed waiting.
            "crawler.tor_routing.TorRoutingMiddleware": 950,
        },
        # Tor requests go through Tor's SOCKS port or nowhere; the rest use Scrapy's default.
        "DOWNLOAD_HANDLERS": {
            "http": "crawler.download_handlers.RoutingDownloadHandler",
            "https": "crawler.download_handlers.RoutingDownloadHandler",
        },
        "EXTENSIONS": {
            "crawler.extensions.ContentTypeGuard": 0,
            # Run records keep figures saved while crawling (MONEYTRAIL_CHECKPOINT).
            "crawler.checkpoint.StatsCheckpoint": 10,
        },
        "ITEM_PIPELINES": {"crawler.pipelines.ExtractAndIndexPipeline": 300},
        "MONEYTRAIL_SITES": [site.model_dump(mode="json") for site in sites],
        "MONEYTRAIL_TOR": app.tor.model_dump(mode="json"),
        "MONEYTRAIL_STATE_DIR": str(crawl.state_dir),
        "MONEYTRAIL_RUN_ID": run_id,
        "MONEYTRAIL_FRONTIER": app.scheduler,
        "MONEYTRAIL_INDEX_URL": index.url,
        "MONEYTRAIL_INDEX_OPTIONS": index_options,
        "MONEYTRAIL_EXTRACT_ALIASES": app.extract.aliases,
        "MONEYTRAIL_SPACY_MODEL": app.extract.spacy_model,
    }

"""Run one crawl in this process and report what happened.

Twisted's reactor cannot be restarted, so a process runs at most one crawl; the
CLI and the scheduler start a new process per run.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from scrapy import signals
from scrapy.crawler import CrawlerProcess

from crawler.config import AppConfig, ConfigError, SiteConfig
from crawler.settings import build_settings
from crawler.spiders.sites import SitesSpider

SLOW_LATENCY_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class SiteReport:
    name: str
    pages: int  # pages indexed
    ok: int  # responses received
    failed: int  # requests that ended in an error
    state: str  # up | slow | down | idle


@dataclass(frozen=True, slots=True)
class CrawlReport:
    run_id: str
    started_at: datetime
    finished_at: datetime
    finish_reason: str
    sites: tuple[SiteReport, ...]
    pages_new: int
    pages_changed: int
    pages_unchanged: int
    mentions_by_kind: dict[str, int]
    dropped: dict[str, int]
    failures: dict[str, int]

    @property
    def pages(self) -> int:
        return self.pages_new + self.pages_changed + self.pages_unchanged

    @property
    def interrupted(self) -> bool:
        return self.finish_reason not in ("finished", "closespider_pagecount")


@dataclass(slots=True)
class CrawlProgress:
    """A live snapshot, handed to a progress callback after each page."""

    pages: int = 0
    failed: int = 0
    mentions: int = 0
    per_site: dict[str, int] = field(default_factory=dict)


ProgressCallback = Callable[[CrawlProgress], None]


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def select_sites(app: AppConfig, site_names: list[str] | None) -> list[SiteConfig]:
    if not site_names:
        if not app.sites:
            raise ConfigError(f"{app.sites_dir}: no site files (*.yaml) to crawl")
        return list(app.sites)
    return [app.site(name) for name in site_names]


def run_crawl(
    app: AppConfig,
    site_names: list[str] | None = None,
    run_id: str | None = None,
    progress: ProgressCallback | None = None,
    extra_settings: dict[str, Any] | None = None,
) -> CrawlReport:
    sites = select_sites(app, site_names)
    run_id = run_id or new_run_id()
    settings = build_settings(app, sites, run_id)
    settings.update(extra_settings or {})
    started = datetime.now(UTC)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SitesSpider)
    live = CrawlProgress()
    latencies: dict[str, list[float]] = {}

    def on_item(item: Any, response: Any, spider: Any) -> None:
        live.pages += 1
        live.per_site[item.site] = live.per_site.get(item.site, 0) + 1
        live.mentions = sum(
            v for k, v in crawler.stats.get_stats().items() if k.startswith("moneytrail/mentions/")
        )
        if progress is not None:
            progress(live)

    def on_response(response: Any, request: Any, spider: Any) -> None:
        site = request.meta.get("moneytrail_site")
        latency = request.meta.get("download_latency")
        if site and latency is not None:
            latencies.setdefault(site, []).append(latency)

    def on_error(failure: Any, response: Any = None, spider: Any = None) -> None:
        live.failed += 1

    crawler.signals.connect(on_item, signal=signals.item_scraped)
    crawler.signals.connect(on_response, signal=signals.response_received)
    crawler.signals.connect(on_error, signal=signals.spider_error)
    process.crawl(crawler)
    process.start()
    stats = crawler.stats.get_stats()
    return _report(run_id, started, stats, sites, latencies)


def _report(
    run_id: str,
    started: datetime,
    stats: dict[str, Any],
    sites: list[SiteConfig],
    latencies: dict[str, list[float]],
) -> CrawlReport:
    def prefixed(prefix: str) -> dict[str, int]:
        return {k[len(prefix) :]: int(v) for k, v in stats.items() if k.startswith(prefix)}

    site_reports = []
    for site in sites:
        pages = int(stats.get(f"moneytrail/site/{site.name}/pages", 0))
        ok = int(stats.get(f"moneytrail/site/{site.name}/ok", 0))
        failed = int(stats.get(f"moneytrail/site/{site.name}/failed", 0))
        state = stats.get(f"moneytrail/site_state/{site.name}") or _site_state(
            ok, failed, latencies.get(site.name, [])
        )
        site_reports.append(SiteReport(site.name, pages, ok, failed, state))
    return CrawlReport(
        run_id=run_id,
        started_at=started,
        finished_at=datetime.now(UTC),
        finish_reason=str(stats.get("finish_reason", "unknown")),
        sites=tuple(site_reports),
        pages_new=int(stats.get("moneytrail/pages/new", 0)),
        pages_changed=int(stats.get("moneytrail/pages/changed", 0)),
        pages_unchanged=int(stats.get("moneytrail/pages/unchanged", 0)),
        mentions_by_kind=prefixed("moneytrail/mentions/"),
        dropped=prefixed("moneytrail/dropped/"),
        failures=prefixed("moneytrail/failed/"),
    )


def _site_state(ok: int, failed: int, latencies: list[float]) -> str:
    """Direct sites: down if nothing answered, slow if the typical answer is slow."""
    if ok == 0:
        return "down" if failed else "idle"
    typical = sorted(latencies)[len(latencies) // 2] if latencies else 0.0
    return "slow" if typical > SLOW_LATENCY_SECONDS else "up"

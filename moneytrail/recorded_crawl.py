"""A crawl as a recorded run: claim the sites, resume or start the run, crawl, record.

This is what ``moneytrail crawl`` (and so every scheduled run) does around
crawler.run.run_crawl. What a run found that the index had never seen is asked of the
index afterwards (entities first seen during the run, on its sites), so the answer is
the same with SQLite or a shared Elasticsearch and counts every worker's pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from crawler.config import AppConfig
from crawler.frontier import check_run_id
from crawler.run import CrawlReport, ProgressCallback, new_run_id, run_crawl, select_sites
from crawler.settings import build_settings
from index import open_index
from index.model import EntityHit
from moneytrail.coordination import coordinator_for
from moneytrail.runs import RunCounters, RunRecord, RunStore

# The new-entity count stored with a run is exact up to this (Elasticsearch's default
# max_result_window); `runs show` lists at most its --limit.
NEW_ENTITIES_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class RecordedCrawl:
    report: CrawlReport
    run: RunRecord  # as recorded after this attempt, totals over all attempts
    resumed: bool  # this attempt continued (or joined) an unfinished run


def crawl_and_record(
    app: AppConfig,
    site_names: list[str] | None = None,
    run_id: str | None = None,
    resume: bool = True,
    progress: ProgressCallback | None = None,
    extra_settings: dict[str, Any] | None = None,
) -> RecordedCrawl:
    """Crawl as one attempt of a run. Raises SiteLockedError if another run holds a
    site, RunFinishedError if ``run_id`` names a finished run, FrontierURLError for a
    bad run id or scheduler URL, ConfigError for unknown sites."""
    sites = select_sites(app, site_names)
    if run_id is not None:
        check_run_id(run_id)
    names = sorted(site.name for site in sites)
    hosts = sorted({host for site in sites for host in site.hosts()})
    with RunStore.in_state_dir(app.crawl.state_dir) as store:
        coordinator = coordinator_for(app, store)
        with coordinator.claim(names, run_id, resume, new_run_id()) as claim:
            attempt = store.start_attempt(claim.run_id, names, hosts)

            def checkpoint(stats: dict[str, Any]) -> None:
                store.checkpoint(attempt, RunCounters.from_stats(stats))

            settings = {"MONEYTRAIL_CHECKPOINT": checkpoint, **(extra_settings or {})}
            report = run_crawl(app, names, claim.run_id, progress, settings)
            completed = report.finish_reason == "finished"
            store.finish_attempt(
                attempt,
                _counters(report),
                report.finish_reason,
                completed,
                {site.name: site.state for site in report.sites},
            )
            if completed:
                coordinator.completed(names, claim.run_id)
                record = store.get(claim.run_id)
                assert record is not None
                found = new_entities(app, record, store.previous(record), NEW_ENTITIES_LIMIT)
                store.set_new_entities(claim.run_id, len(found))
        record = store.get(claim.run_id)
    assert record is not None
    return RecordedCrawl(report, record, claim.resumed)


def new_entities(
    app: AppConfig, run: RunRecord, previous: RunRecord | None, limit: int
) -> list[EntityHit]:
    """What is new since the previous run of the same sites: entities the index first
    saw after that run ended (ever, if there was none) and up to the end of ``run``, on
    the run's sites. Oldest first."""
    options = build_settings(app, [], run.run_id)["MONEYTRAIL_INDEX_OPTIONS"]
    index = open_index(app.index.url, **options)
    try:
        since = previous.finished_at if previous is not None else None
        until = run.finished_at or datetime.now(UTC)
        return index.first_seen_between(since, until, run.hosts, limit=limit)
    finally:
        index.close()


def _counters(report: CrawlReport) -> RunCounters:
    return RunCounters(
        pages_new=report.pages_new,
        pages_changed=report.pages_changed,
        pages_unchanged=report.pages_unchanged,
        pages_failed=sum(site.failed for site in report.sites),
        mentions=sum(report.mentions_by_kind.values()),
    )

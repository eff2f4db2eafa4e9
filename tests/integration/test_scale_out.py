"""Scale-out over a shared Redis frontier: real redis-server, real `moneytrail crawl`
processes, a 2,000-page fixture site. Each worker has a state directory of its own, as
it would on a machine of its own; they share the Redis frontier and the index."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.frontier.scheduler import ACK_BATCH, LEASES_PER_CONCURRENCY
from moneytrail.fixtures.generator import build_sites
from moneytrail.fixtures.server import FixtureServer
from moneytrail.fixtures.site import FixtureSite
from tests.integration.crawl_env import (
    CrawlEnv,
    fixture_site_config,
    index_contents,
    served_paths,
)

pytestmark = pytest.mark.redis

PAGES = 2000
SITE = "market"
LEASE_SECONDS = 3


@dataclass(frozen=True)
class Crawl:
    requests: Counter[str]  # path -> times the server answered it
    pages: dict[str, str]
    entities: dict[tuple[str, str], tuple[int, int]]


@pytest.fixture(scope="module")
def market() -> FixtureSite:
    return next(s for s in build_sites(seed=5, pages=PAGES) if s.name == SITE)


@pytest.fixture(scope="module")
def server(market: FixtureSite) -> Iterator[FixtureServer]:
    with FixtureServer([market]) as running:
        yield running


@pytest.fixture(scope="module")
def single_process(
    market: FixtureSite, server: FixtureServer, tmp_path_factory: pytest.TempPathFactory
) -> Crawl:
    """The reference: the same site crawled by one process with a local frontier."""
    server.reset_stats()
    env = CrawlEnv.create(tmp_path_factory.mktemp("single"), [_config(market, server)])
    done = env.run("crawl")
    assert done.returncode == 0, done.stderr
    return Crawl(served_paths(server, SITE), *index_contents(env.index))


def test_the_reference_crawl_fetches_every_page_once(
    market: FixtureSite, single_process: Crawl
) -> None:
    assert set(single_process.requests) == set(market.paths())
    assert set(single_process.requests.values()) == {1}
    assert len(single_process.pages) == PAGES


def test_two_workers_crawl_every_page_once_and_index_what_one_process_would(
    market: FixtureSite,
    server: FixtureServer,
    single_process: Crawl,
    redis_url: str,
    tmp_path: Path,
) -> None:
    server.reset_stats()
    env = _shared_env(tmp_path, market, server, redis_url)
    workers = [_start_worker(env, "two-workers", n) for n in (1, 2)]
    reports = [_finish(worker) for worker in workers]

    requests = served_paths(server, SITE)
    assert requests == single_process.requests  # every page, exactly once, across both
    pages_per_worker = [_pages(report) for report in reports]
    assert sum(pages_per_worker) == PAGES
    assert all(pages > 0 for pages in pages_per_worker), pages_per_worker  # both worked
    assert index_contents(env.index) == (single_process.pages, single_process.entities)


def test_a_worker_killed_half_way_loses_nothing(
    market: FixtureSite,
    server: FixtureServer,
    single_process: Crawl,
    redis_url: str,
    tmp_path: Path,
) -> None:
    server.reset_stats()
    env = _shared_env(tmp_path, market, server, redis_url)
    victim = _start_worker(env, "kill", 1)
    survivor = _start_worker(env, "kill", 2)
    _wait_for_requests(server, PAGES // 2)
    victim.send_signal(signal.SIGKILL)
    victim.communicate()
    report = _finish(survivor)

    requests = served_paths(server, SITE)
    assert set(requests) == set(single_process.requests)  # nothing missing
    # Fetched twice: only what the killed worker had taken and not yet acked.
    refetched = [path for path, n in requests.items() if n > 1]
    site_concurrency = fixture_site_config(market, server.url(SITE)).get("concurrency", 4)
    assert len(refetched) <= ACK_BATCH + LEASES_PER_CONCURRENCY * site_concurrency
    assert max(requests.values()) <= 2
    assert report["finish_reason"] == "finished"
    assert index_contents(env.index) == (single_process.pages, single_process.entities)


def _config(market: FixtureSite, server: FixtureServer) -> dict:
    return fixture_site_config(market, server.url(SITE))


def _shared_env(
    tmp_path: Path, market: FixtureSite, server: FixtureServer, redis_url: str
) -> CrawlEnv:
    scheduler = f"{redis_url}?lease_seconds={LEASE_SECONDS}"
    return CrawlEnv.create(tmp_path, [_config(market, server)], scheduler=scheduler)


def _start_worker(env: CrawlEnv, run_id: str, number: int) -> subprocess.Popen[str]:
    state = env.root / f"machine-{number}" / "state"
    return env.start(
        "crawl", "--run-id", run_id, "--json", env={"MONEYTRAIL_CRAWL__STATE_DIR": str(state)}
    )


def _finish(worker: subprocess.Popen[str]) -> dict:
    out, err = worker.communicate(timeout=300)
    assert worker.returncode == 0, err[-3000:]
    return json.loads(out)


def _pages(report: dict) -> int:
    return report["pages_new"] + report["pages_changed"] + report["pages_unchanged"]


def _wait_for_requests(server: FixtureServer, count: int, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while server.stats().site_requests(SITE) < count:
        assert time.monotonic() < deadline, f"fewer than {count} requests after {timeout}s"
        time.sleep(0.05)

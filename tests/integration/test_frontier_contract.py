"""One contract for both frontiers: SQLite (one process) and Redis (shared, real server)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import redis

from crawler.frontier import FrontierURLError, open_frontier, parse_redis_url
from crawler.frontier.base import Frontier, FrontierEntry, PushOutcome
from crawler.frontier.redis import RedisFrontier
from crawler.frontier.sqlite import SQLiteFrontier

SITES = ["market", "forum"]
NO_BUDGET = 0

Factory = Callable[[], Frontier]


@pytest.fixture(params=["sqlite", pytest.param("redis", marks=pytest.mark.redis)])
def new_frontier(request: pytest.FixtureRequest, tmp_path: Path) -> Factory:
    """Opens the same crawl's frontier (a second call: another process, or worker)."""
    if request.param == "sqlite":
        return lambda: open_frontier(None, "run-1", SITES, tmp_path)
    url = request.getfixturevalue("redis_url")
    return lambda: open_frontier(url + "?lease_seconds=30", "run-1", SITES, tmp_path)


def entry(key: str, site: str = "market", priority: int = 0) -> FrontierEntry:
    return FrontierEntry(key, site, priority, f'{{"url": "{key}"}}')


def push(frontier: Frontier, item: FrontierEntry, **kwargs: object) -> PushOutcome:
    options = {"replaces": None, "dont_filter": False, "budget": NO_BUDGET} | kwargs
    return frontier.push(item, **options)  # type: ignore[arg-type]


def drain(frontier: Frontier, sites: list[str] = SITES) -> list[str]:
    keys = []
    while (taken := frontier.lease(sites)) is not None:
        keys.append(taken.key)
        frontier.ack([taken.key])
    return keys


def test_seen_keys_are_queued_once(new_frontier: Factory) -> None:
    frontier = new_frontier()
    assert not frontier.pending()
    assert push(frontier, entry("a")) is PushOutcome.QUEUED
    assert push(frontier, entry("a")) is PushOutcome.DUPLICATE
    assert frontier.pending()
    assert drain(frontier) == ["a"]
    assert not frontier.pending()
    # Done is still seen: a link found again later is not crawled again.
    assert push(frontier, entry("a")) is PushOutcome.DUPLICATE


def test_higher_priority_first_then_first_in_first_out(new_frontier: Factory) -> None:
    frontier = new_frontier()
    for key, priority in [("d1", -1), ("d0", 0), ("d2", -2), ("d1b", -1), ("d0b", 0)]:
        push(frontier, entry(key, priority=priority))
    assert drain(frontier) == ["d0", "d0b", "d1", "d1b", "d2"]


def test_lease_takes_sites_in_the_order_given(new_frontier: Factory) -> None:
    frontier = new_frontier()
    push(frontier, entry("m1", "market"))
    push(frontier, entry("f1", "forum"))
    taken = frontier.lease(["forum", "market"])
    assert taken is not None and (taken.key, taken.site) == ("f1", "forum")
    assert frontier.lease(["forum"]) is None  # market has one, but was not asked for
    assert frontier.lease([]) is None


def test_budget_counts_distinct_keys_per_site(new_frontier: Factory) -> None:
    frontier = new_frontier()
    outcomes = [push(frontier, entry(f"k{i}"), budget=3) for i in range(5)]
    assert outcomes == [PushOutcome.QUEUED] * 3 + [PushOutcome.OVER_BUDGET] * 2
    assert push(frontier, entry("other", "forum"), budget=3) is PushOutcome.QUEUED
    assert len(drain(frontier)) == 4


def test_a_redirect_replaces_its_request(new_frontier: Factory) -> None:
    frontier = new_frontier()
    push(frontier, entry("old"))
    assert frontier.lease(SITES).key == "old"
    assert push(frontier, entry("new"), replaces="old") is PushOutcome.QUEUED
    assert drain(frontier) == ["new"]
    assert push(frontier, entry("old")) is PushOutcome.DUPLICATE


def test_a_redirect_to_a_seen_page_still_finishes_its_request(new_frontier: Factory) -> None:
    frontier = new_frontier()
    push(frontier, entry("seen"))
    push(frontier, entry("old"))
    drain_one = frontier.lease(SITES)
    frontier.ack([drain_one.key])
    assert frontier.lease(SITES).key == "old"
    assert push(frontier, entry("seen"), replaces="old") is PushOutcome.DUPLICATE
    assert not frontier.pending()


def test_a_redirect_to_itself_finishes_its_request(new_frontier: Factory) -> None:
    frontier = new_frontier()
    push(frontier, entry("loop"))
    assert frontier.lease(SITES).key == "loop"
    assert push(frontier, entry("loop"), replaces="loop") is PushOutcome.DUPLICATE
    assert not frontier.pending()


def test_a_retry_goes_back_to_the_queue_with_its_new_payload(new_frontier: Factory) -> None:
    frontier = new_frontier()
    push(frontier, entry("a"))
    assert frontier.lease(SITES).key == "a"
    retry = FrontierEntry("a", "market", 0, '{"retry": 1}')
    assert push(frontier, retry, replaces="a", dont_filter=True) is PushOutcome.QUEUED
    again = frontier.lease(SITES)
    assert again is not None and again.payload == '{"retry": 1}'
    frontier.ack(["a"])
    assert not frontier.pending()


def test_dont_filter_refetches_done_keys_but_never_doubles_open_ones(
    new_frontier: Factory,
) -> None:
    frontier = new_frontier()
    push(frontier, entry("a"))
    assert push(frontier, entry("a"), dont_filter=True) is PushOutcome.DUPLICATE
    drain(frontier)
    assert push(frontier, entry("a"), dont_filter=True) is PushOutcome.QUEUED
    assert drain(frontier) == ["a"]


def test_release_gives_leases_back(new_frontier: Factory) -> None:
    frontier = new_frontier()
    push(frontier, entry("a"))
    push(frontier, entry("b"))
    assert frontier.lease(SITES).key == "a"
    assert frontier.release() == 1
    assert drain(frontier) == ["a", "b"]


def test_a_second_opening_sees_the_same_crawl(new_frontier: Factory) -> None:
    first = new_frontier()
    push(first, entry("a"))
    push(first, entry("b"))
    drain_a = first.lease(SITES)
    first.ack([drain_a.key])
    first.close()
    second = new_frontier()
    assert push(second, entry("a")) is PushOutcome.DUPLICATE
    assert drain(second) == ["b"]


def test_sqlite_frontier_requeues_what_a_killed_process_had_taken(tmp_path: Path) -> None:
    first = open_frontier(None, "run-1", SITES, tmp_path)
    push(first, entry("a"))
    push(first, entry("b"))
    assert first.lease(SITES).key == "a"
    # No release, no ack: what SIGKILL leaves behind.
    second = open_frontier(None, "run-1", SITES, tmp_path)
    assert second.reclaimed_at_open == 1
    assert drain(second) == ["a", "b"]


def test_sqlite_frontier_complete_removes_its_file(tmp_path: Path) -> None:
    frontier = open_frontier(None, "run-1", SITES, tmp_path)
    assert isinstance(frontier, SQLiteFrontier)
    push(frontier, entry("a"))
    drain(frontier)
    frontier.complete()
    frontier.close()
    assert list((tmp_path / "frontier").iterdir()) == []


@pytest.mark.redis
def test_redis_lease_expires_and_another_worker_takes_it(redis_url: str) -> None:
    dead = RedisFrontier(redis.Redis.from_url(redis_url), "run-1", SITES, 0.2, worker="dead")
    alive = RedisFrontier(redis.Redis.from_url(redis_url), "run-1", SITES, 30, worker="alive")
    push(dead, entry("a"))
    assert dead.lease(SITES).key == "a"
    assert alive.lease(SITES) is None
    assert alive.pending()  # a lease is outstanding: the crawl is not over
    reclaimed = _wait_for(alive.reclaim_expired)
    assert reclaimed == 1
    taken = alive.lease(SITES)
    assert taken is not None and taken.key == "a"
    alive.ack(["a"])
    assert not alive.pending()


@pytest.mark.redis
def test_redis_renew_extends_only_the_workers_own_leases(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    one = RedisFrontier(redis.Redis.from_url(redis_url), "run-1", SITES, 30, worker="one")
    two = RedisFrontier(redis.Redis.from_url(redis_url), "run-1", SITES, 30, worker="two")
    push(one, entry("a"))
    push(one, entry("b"))
    one.lease(SITES)
    two.lease(SITES)
    leases = one.key("leases")
    before = {k: client.zscore(leases, k) for k in ("a", "b")}
    time.sleep(0.05)
    one.renew()
    after = {k: client.zscore(leases, k) for k in ("a", "b")}
    assert after["a"] > before["a"]
    assert after["b"] == before["b"]


@pytest.mark.redis
def test_redis_complete_keeps_only_the_seen_sets_with_an_expiry(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    frontier = RedisFrontier(redis.Redis.from_url(redis_url), "run-1", SITES, 30)
    push(frontier, entry("a"))
    drain(frontier)
    frontier.complete()
    remaining = sorted(k.decode() for k in client.keys("*"))
    assert remaining == [frontier.key("seen:market"), frontier.key("seq")]
    assert client.ttl(frontier.key("seen:market")) > 0


@pytest.mark.redis
def test_redis_workers_racing_take_every_request_exactly_once(redis_url: str) -> None:
    seed = RedisFrontier(redis.Redis.from_url(redis_url), "run-1", SITES, 30)
    for i in range(600):
        push(seed, entry(f"k{i}", SITES[i % 2]))
    taken: list[list[str]] = [[], [], []]

    def work(index: int) -> None:
        worker = RedisFrontier(redis.Redis.from_url(redis_url), "run-1", SITES, 30)
        taken[index].extend(drain(worker))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [key for keys in taken for key in keys]
    assert sorted(everything) == sorted(f"k{i}" for i in range(600))
    assert not seed.pending()


@pytest.mark.redis
def test_redis_runs_do_not_share_keys(redis_url: str, tmp_path: Path) -> None:
    one = open_frontier(redis_url, "run-1", SITES, tmp_path)
    two = open_frontier(redis_url, "run-2", SITES, tmp_path)
    push(one, entry("a"))
    assert push(two, entry("a")) is PushOutcome.QUEUED


def test_scheduler_url_parameters() -> None:
    assert parse_redis_url("redis://h:6379/2") == ("redis://h:6379/2", 120.0)
    assert parse_redis_url("redis://h/0?lease_seconds=5&socket_timeout=3") == (
        "redis://h/0?socket_timeout=3",
        5.0,
    )
    for bad in ["http://h/0", "redis://h/0?lease_seconds=0", "redis://h/0?lease_seconds=x"]:
        with pytest.raises(FrontierURLError):
            parse_redis_url(bad)


def test_run_ids_cannot_escape_the_state_directory(tmp_path: Path) -> None:
    with pytest.raises(FrontierURLError):
        open_frontier(None, "../elsewhere", SITES, tmp_path)


def _wait_for(call: Callable[[], int], seconds: float = 10.0) -> int:
    deadline = time.monotonic() + seconds
    while (result := call()) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    return result

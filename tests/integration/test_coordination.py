"""Site locks and run choice, local (flock) and shared (real redis-server)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from moneytrail.coordination import (
    LocalCoordinator,
    RedisCoordinator,
    RunFinishedError,
    SiteLockedError,
)
from moneytrail.runs import RunCounters, RunStore


def local(tmp_path: Path) -> LocalCoordinator:
    state = tmp_path / "state"
    return LocalCoordinator(state, RunStore.in_state_dir(state))


def test_local_lock_refuses_an_overlapping_run_and_says_who_holds_it(tmp_path: Path) -> None:
    first, second = local(tmp_path), local(tmp_path)
    with first.claim(["market", "forum"], None, True, "run-a") as claim:
        assert claim.run_id == "run-a" and not claim.resumed
        with pytest.raises(SiteLockedError) as refused, second.claim(["forum"], None, True, "b"):
            pass
        message = str(refused.value)
        assert "'forum'" in message and "run run-a" in message and "pid" in message
        # Another site is free.
        with second.claim(["adboard"], None, True, "run-c") as other:
            assert other.run_id == "run-c"
    with second.claim(["forum"], None, True, "run-d") as later:
        assert later.run_id == "run-d"


def test_local_claim_resumes_the_unfinished_run_of_the_same_sites(tmp_path: Path) -> None:
    coordinator = local(tmp_path)
    store = coordinator.store
    attempt = store.start_attempt("stopped", ["market"], [])
    store.finish_attempt(attempt, RunCounters(), "shutdown", False, {})
    with coordinator.claim(["market"], None, True, "fresh") as claim:
        assert (claim.run_id, claim.resumed) == ("stopped", True)
    with coordinator.claim(["market"], None, False, "fresh") as claim:
        assert (claim.run_id, claim.resumed) == ("fresh", False)
    with coordinator.claim(["market", "forum"], None, True, "other") as claim:
        assert claim.run_id == "other"
    with coordinator.claim(["market"], "stopped", True, "unused") as claim:
        assert (claim.run_id, claim.resumed) == ("stopped", True)


def test_local_claim_refuses_a_finished_run_id(tmp_path: Path) -> None:
    coordinator = local(tmp_path)
    attempt = coordinator.store.start_attempt("done", ["market"], [])
    coordinator.store.finish_attempt(attempt, RunCounters(), "finished", True, {})
    with pytest.raises(RunFinishedError), coordinator.claim(["market"], "done", True, "x"):
        pass


@pytest.mark.redis
def test_redis_workers_of_one_run_share_sites_other_runs_are_refused(redis_url: str) -> None:
    one = RedisCoordinator(redis.Redis.from_url(redis_url))
    two = RedisCoordinator(redis.Redis.from_url(redis_url))
    three = RedisCoordinator(redis.Redis.from_url(redis_url))
    with one.claim(["market"], None, True, "run-a") as first:
        # Started with the same command: joins the run instead of starting its own.
        with two.claim(["market"], None, True, "run-b") as second:
            assert (second.run_id, second.resumed) == ("run-a", True)
        with pytest.raises(SiteLockedError) as refused, three.claim(["market"], "run-z", True, "x"):
            pass
        assert "run run-a" in str(refused.value) and "1 worker" in str(refused.value)
        assert first.run_id == "run-a"
    # All workers left: a new run may take the site.
    with three.claim(["market"], "run-z", True, "unused") as claim:
        assert claim.run_id == "run-z"


@pytest.mark.redis
def test_redis_unfinished_run_is_resumed_until_completed(redis_url: str) -> None:
    coordinator = RedisCoordinator(redis.Redis.from_url(redis_url))
    with coordinator.claim(["forum", "market"], None, True, "run-a"):
        pass  # every worker stopped before the crawl completed
    with coordinator.claim(["market", "forum"], None, True, "run-b") as claim:
        assert (claim.run_id, claim.resumed) == ("run-a", True)
    coordinator.completed(["market", "forum"], "run-a")
    with coordinator.claim(["market", "forum"], None, True, "run-c") as claim:
        assert (claim.run_id, claim.resumed) == ("run-c", False)


@pytest.mark.redis
def test_redis_membership_of_a_killed_worker_lapses(redis_url: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, redis_url], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        other = RedisCoordinator(redis.Redis.from_url(redis_url))
        with pytest.raises(SiteLockedError), other.claim(["market"], "run-b", True, "x"):
            pass
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        deadline = time.monotonic() + 10
        while True:
            try:
                with other.claim(["market"], "run-b", True, "x") as claim:
                    assert claim.run_id == "run-b"
                    break
            except SiteLockedError:
                assert time.monotonic() < deadline, "the killed worker's lock never lapsed"
                time.sleep(0.1)
    finally:
        holder.kill()
        holder.wait()


HOLD_LOCK = """
import sys, time, redis
from moneytrail.coordination import RedisCoordinator
coordinator = RedisCoordinator(redis.Redis.from_url(sys.argv[1]), ttl_seconds=0.6)
with coordinator.claim(["market"], "run-a", True, "unused"):
    print("held", flush=True)
    time.sleep(600)
"""

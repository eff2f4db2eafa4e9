from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from moneytrail.runs import FINISHED, INTERRUPTED, RUNNING, RunCounters, RunStore

T0 = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)


def store(tmp_path: Path) -> RunStore:
    return RunStore.in_state_dir(tmp_path / "state")


def test_counters_from_crawl_stats() -> None:
    stats = {
        "moneytrail/pages/new": 5,
        "moneytrail/pages/changed": 2,
        "moneytrail/pages/unchanged": 7,
        "moneytrail/site/market/failed": 3,
        "moneytrail/site/forum/failed": 1,
        "moneytrail/site/forum/ok": 40,
        "moneytrail/mentions/btc": 4,
        "moneytrail/mentions/phone": 6,
        "downloader/request_count": 99,
    }
    counters = RunCounters.from_stats(stats)
    assert counters == RunCounters(5, 2, 7, 4, 10)
    assert counters.pages_fetched == 14
    assert RunCounters.from_stats({}) == RunCounters()


def test_a_run_resumed_after_a_kill_sums_its_attempts(tmp_path: Path) -> None:
    runs = store(tmp_path)
    first = runs.start_attempt("r1", ["market", "forum"], ["b:2", "a:1"], now=T0)
    runs.checkpoint(first, RunCounters(pages_new=40, mentions=100))
    # SIGKILL here: the attempt never finishes. The record says what it reached.
    record = runs.get("r1")
    assert record is not None
    assert (record.status, record.attempts, record.counters.pages_new) == (RUNNING, 1, 40)
    assert record.sites == ("forum", "market") and record.hosts == ("a:1", "b:2")

    second = runs.start_attempt("r1", ["forum", "market"], ["a:1", "b:2"], now=T0 + timedelta(1))
    assert second.number == 2
    runs.finish_attempt(
        second,
        RunCounters(pages_new=60, pages_unchanged=5, pages_failed=1, mentions=150),
        "finished",
        completed=True,
        site_states={"market": "up", "forum": "slow"},
        now=T0 + timedelta(days=1, hours=1),
    )
    record = runs.get("r1")
    assert record is not None
    assert record.status == FINISHED and record.finished
    assert record.started_at == T0  # the run started with its first attempt
    assert record.finished_at == T0 + timedelta(days=1, hours=1)
    assert record.counters == RunCounters(100, 0, 5, 1, 250)
    assert record.site_states == {"market": "up", "forum": "slow"}


def test_interrupted_runs_are_the_ones_to_resume(tmp_path: Path) -> None:
    runs = store(tmp_path)
    done = runs.start_attempt("old", ["market"], [], now=T0)
    runs.finish_attempt(done, RunCounters(), "finished", True, {}, now=T0)
    assert runs.unfinished(["market"]) is None
    stopped = runs.start_attempt("new", ["market"], [], now=T0 + timedelta(hours=1))
    runs.finish_attempt(stopped, RunCounters(), "shutdown", False, {}, now=T0)
    assert runs.get("new").status == INTERRUPTED
    assert runs.unfinished(["market"]).run_id == "new"
    assert runs.unfinished(["market", "forum"]) is None  # a different set of sites
    assert [r.run_id for r in runs.latest()] == ["new", "old"]
    assert [r.run_id for r in runs.latest(limit=1)] == ["new"]


def test_a_killed_attempt_on_this_machine_is_reaped(tmp_path: Path) -> None:
    runs = store(tmp_path)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    attempt = runs.start_attempt("r1", ["market"], [], now=T0)
    # Pretend the attempt was that (now gone) process.
    runs._conn.execute("UPDATE attempts SET pid = ? WHERE run_id = 'r1'", (child.pid,))
    runs.start_attempt("alive", ["forum"], [], now=T0)  # this process: alive
    assert runs.reap_dead_attempts() == 1
    assert runs.get("r1").status == INTERRUPTED
    assert runs.get("r1").finish_reason == "killed"
    assert runs.get("alive").status == RUNNING
    assert attempt.number == 1


def test_down_streak_counts_consecutive_down_runs_of_a_site(tmp_path: Path) -> None:
    runs = store(tmp_path)
    history = [
        {"market": "down", "forum": "up"},
        {"market": "up"},
        {"forum": "down"},
        {"market": "down", "forum": "down"},
        {"market": "down"},
    ]
    for hour, states in enumerate(history):
        attempt = runs.start_attempt(f"r{hour}", sorted(states), [], now=T0 + timedelta(hours=hour))
        runs.finish_attempt(attempt, RunCounters(), "finished", True, states, now=T0)
    assert runs.down_streak("market") == 2
    assert runs.down_streak("forum") == 2
    assert runs.down_streak("never-crawled") == 0


def test_the_store_survives_reopening(tmp_path: Path) -> None:
    with store(tmp_path) as runs:
        runs.start_attempt("r1", ["market"], [], now=T0)
        runs.set_new_entities("r1", 12)
    with store(tmp_path) as runs:
        assert runs.get("r1").new_entities == 12
        assert runs.get("missing") is None

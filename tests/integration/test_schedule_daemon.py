"""`moneytrail schedule`: the daemon starting real crawl processes, retries of down
sites, and the crontab / systemd output, through the real CLI."""

from __future__ import annotations

import signal
import time
from datetime import timedelta
from pathlib import Path

import pytest

from crawler.config import load_config
from moneytrail.runs import RunStore
from moneytrail.scheduler_daemon import RetryPolicy, SchedulerDaemon
from moneytrail.scheduling import crawl_command
from tests.integration.crawl_env import CrawlEnv
from tests.integration.site_graph import SiteGraph


def site(graph: SiteGraph, schedule: str | None) -> dict:
    config = {"name": "graph", "start_urls": [graph.url], "via": "direct", "max_depth": 1000}
    return config | ({"schedule": schedule} if schedule else {})


def finished_runs(env: CrawlEnv) -> list:
    if not (env.state_dir / "runs.sqlite").exists():
        return []
    with RunStore.in_state_dir(env.state_dir) as store:
        return [run for run in store.latest() if run.finished]


def test_the_daemon_crawls_on_schedule_incrementally_and_stops_on_sigterm(tmp_path: Path) -> None:
    graph = SiteGraph(20)
    with graph.serve():
        env = CrawlEnv.create(tmp_path, [site(graph, "2s")])
        daemon = env.start("schedule", "--run-now")
        deadline = time.monotonic() + 120
        while len(finished_runs(env)) < 2:
            assert daemon.poll() is None, daemon.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "the daemon did not run the crawl twice"
            time.sleep(0.2)
        daemon.send_signal(signal.SIGTERM)
        _, err = daemon.communicate(timeout=120)
    assert daemon.returncode == 0, err[-3000:]
    oldest, newer = sorted(finished_runs(env), key=lambda run: run.started_at)[:2]
    assert oldest.counters.pages_new == 20
    assert newer.counters.pages_unchanged == 20 and newer.counters.pages_new == 0
    assert "scheduled crawl graph (2s)" in err


def test_a_down_site_is_retried_with_backoff_before_its_next_run(tmp_path: Path) -> None:
    graph = SiteGraph(5)
    graph.down = True
    with graph.serve():
        env = CrawlEnv.create(tmp_path, [site(graph, "0 3 * * *")])
        app = load_config(env.config)
        retry = RetryPolicy(first=timedelta(seconds=1), longest=timedelta(seconds=2))
        daemon = SchedulerDaemon(app, crawl_command(env.config), env.root, retry)
        daemon.start(run_now=True)
        try:
            deadline = time.monotonic() + 120
            while daemon.finished_runs < 3:
                assert time.monotonic() < deadline, "the down site was not retried"
                time.sleep(0.1)
        finally:
            daemon.stop()
    runs = finished_runs(env)
    assert len(runs) >= 3
    assert all(run.site_states == {"graph": "down"} for run in runs)
    with RunStore.in_state_dir(env.state_dir) as store:
        assert store.down_streak("graph") == len(runs)
    assert [retry.delay(n) for n in (1, 2, 3)] == [timedelta(seconds=s) for s in (1, 2, 2)]


def test_emit_crontab_and_systemd_units(tmp_path: Path) -> None:
    graph = SiteGraph(5)
    with graph.serve():
        env = CrawlEnv.create(tmp_path, [site(graph, "30m")])
    crontab = env.run("schedule", "--emit", "cron")
    assert crontab.returncode == 0, crontab.stderr
    (line,) = [row for row in crontab.stdout.splitlines() if not row.startswith("#")]
    assert line.startswith(f"*/30 * * * * cd {env.root} && ")
    assert line.endswith(f"crawl --config {env.config} --site graph")
    systemd = env.run("schedule", "--emit", "systemd")
    assert "OnActiveSec=1800s\nOnUnitActiveSec=1800s" in systemd.stdout


@pytest.mark.parametrize(
    ("schedule", "message"),
    [
        (None, "no site in"),
        ("every day", "site 'graph': field 'schedule': schedule 'every day'"),
        ("0 3 * * 9", "9 is outside 0-7"),
    ],
)
def test_schedule_errors_are_one_clear_message(
    tmp_path: Path, schedule: str | None, message: str
) -> None:
    graph = SiteGraph(5)
    with graph.serve():
        env = CrawlEnv.create(tmp_path, [site(graph, schedule)])
    done = env.run("schedule", "--emit", "cron", env={"COLUMNS": "300"})
    assert done.returncode == 2
    assert message in done.stderr

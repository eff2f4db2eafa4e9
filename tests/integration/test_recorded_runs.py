"""Recorded, incremental, resumable runs through the real `moneytrail` CLI (local frontier)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from crawler.frontier.scheduler import ACK_BATCH, LEASES_PER_CONCURRENCY
from moneytrail.fixtures.generator import build_sites
from moneytrail.fixtures.server import FixtureServer
from tests.integration.crawl_env import (
    CrawlEnv,
    fixture_site_config,
    index_contents,
    served_paths,
)
from tests.integration.site_graph import SiteGraph

NEW_BTC = "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo"  # bitcoin key_io_valid.json, mainnet
NEW_EMAIL = "newvendor@proton.me"


def graph_site(graph: SiteGraph, **overrides: object) -> dict:
    return {
        "name": "graph",
        "start_urls": [graph.url],
        "via": "direct",
        "max_depth": 1000,
    } | overrides


def test_second_run_is_incremental_and_shows_only_what_is_new(tmp_path: Path) -> None:
    graph = SiteGraph(120)
    with graph.serve():
        env = CrawlEnv.create(tmp_path, [graph_site(graph)])
        first = env.json("crawl")
        graph.extra_text[7] = f"new wallet {NEW_BTC}, write to {NEW_EMAIL}"
        second = env.json("crawl")
    assert (first["pages_new"], first["pages_unchanged"]) == (120, 0)
    assert (second["pages_new"], second["pages_changed"], second["pages_unchanged"]) == (0, 1, 119)
    assert set(graph.requests.values()) == {2}  # every page fetched once per run
    assert not (env.state_dir / "frontier" / f"{second['run_id']}.sqlite").exists()

    runs = env.json("runs")
    assert [r["run_id"] for r in runs] == [second["run_id"], first["run_id"]]
    latest = runs[0]
    assert latest["status"] == "finished" and latest["attempts"] == 1
    assert latest["counters"] == {
        "pages_new": 0,
        "pages_changed": 1,
        "pages_unchanged": 119,
        "pages_failed": 0,
        "mentions": 2,
    }
    assert latest["new_entities"] == 2
    assert latest["site_states"] == {"graph": "up"}

    shown = env.json("runs", "show", second["run_id"])
    assert shown["previous_run"]["run_id"] == first["run_id"]
    # Same page, same fetch: oldest first, then by kind.
    assert [(e["kind"], e["value"]) for e in shown["new_entities"]] == [
        ("btc", NEW_BTC),
        ("email", NEW_EMAIL),
    ]
    text = env.run("runs", "show", "latest", env={"COLUMNS": "200"})
    assert text.returncode == 0 and NEW_BTC in text.stdout and "new addresses (1)" in text.stdout


def test_an_overlapping_run_of_a_site_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    graph = SiteGraph(30)
    graph.gate.clear()  # the first crawl waits on its first page until we let it go
    with graph.serve():
        env = CrawlEnv.create(tmp_path, [graph_site(graph)])
        running = env.start("crawl", "--json")
        try:
            _wait_until(lambda: sum(graph.requests.values()) > 0, process=running)
            refused = env.run("crawl")
        finally:
            graph.gate.set()
        out, err = running.communicate(timeout=120)
    assert refused.returncode == 3
    assert "site 'graph' is already being crawled by run" in refused.stderr
    assert "overlapping runs of a site are not allowed" in refused.stderr
    assert running.returncode == 0, err
    assert json.loads(out)["pages_new"] == 30


@pytest.mark.parametrize("frontier", ["sqlite", pytest.param("redis", marks=pytest.mark.redis)])
def test_redirects_retries_and_errors_all_end_their_requests(
    tmp_path: Path, frontier: str, request: pytest.FixtureRequest
) -> None:
    scheduler = request.getfixturevalue("redis_url") if frontier == "redis" else None
    graph = SiteGraph(40)
    graph.failing = {5}  # 500: retried twice, then given up
    graph.redirects = {6: "/p/30", 7: "/p/7", 8: "/p/1"}  # new page, itself, a seen page
    graph.extra_links = {0: ["/p/999", "/p/6", "/p/7", "/p/8"]}  # 404 and the redirects
    with graph.serve():
        env = CrawlEnv.create(tmp_path, [graph_site(graph)], scheduler=scheduler)
        report = env.json("crawl")
    assert report["finish_reason"] == "finished"
    assert graph.requests["/p/5"] == 3  # RETRY_TIMES is 2
    assert graph.requests["/p/7"] == 1  # a redirect to itself ends its request
    assert graph.requests["/p/999"] == 1
    assert all(n == 1 for path, n in graph.requests.items() if path != "/p/5")
    # Every lease was acked, or the run could not have completed.
    if scheduler is None:
        assert not list((env.state_dir / "frontier").iterdir())
    (run,) = env.json("runs")
    assert run["status"] == "finished"


def test_a_down_site_is_recorded_down(tmp_path: Path) -> None:
    graph = SiteGraph(10)
    graph.down = True
    with graph.serve():
        env = CrawlEnv.create(tmp_path, [graph_site(graph)])
        report = env.json("crawl")
    (run,) = env.json("runs")
    assert report["sites"][0]["state"] == "down"
    assert run["site_states"] == {"graph": "down"} and run["status"] == "finished"
    assert run["counters"]["pages_failed"] == 1 and run["counters"]["pages_new"] == 0


def test_bad_input_gives_one_clear_error(tmp_path: Path) -> None:
    site = {"name": "graph", "start_urls": ["http://127.0.0.1:9/"], "via": "direct"}
    env = CrawlEnv.create(tmp_path, [site])
    unknown = env.run("crawl", "--site", "nope")
    assert unknown.returncode == 2 and "no site named 'nope'" in unknown.stderr
    bad_id = env.run("crawl", "--run-id", "../x")
    assert bad_id.returncode == 2 and "run id '../x'" in bad_id.stderr
    missing = env.run("runs", "show", "no-such-run")
    assert missing.returncode == 2 and "no run 'no-such-run'" in missing.stderr
    assert env.json("runs") == []
    not_redis = CrawlEnv.create(tmp_path / "http", [site], scheduler="http://127.0.0.1:9/0")
    refused = not_redis.run("crawl")
    assert refused.returncode == 2 and "use redis://host:port/db" in refused.stderr
    unreachable = CrawlEnv.create(tmp_path / "down", [site], scheduler="redis://127.0.0.1:9/0")
    refused = unreachable.run("crawl")
    assert refused.returncode == 2 and "scheduler redis://127.0.0.1:9/0" in refused.stderr


def test_a_crawl_killed_half_way_resumes_where_it_stopped(tmp_path: Path) -> None:
    pages = 600
    market = next(s for s in build_sites(seed=9, pages=pages) if s.name == "market")
    with FixtureServer([market]) as server:
        reference = CrawlEnv.create(
            tmp_path / "reference", [fixture_site_config(market, server.url("market"))]
        )
        assert reference.run("crawl").returncode == 0
        full = served_paths(server, "market")
        server.reset_stats()

        env = CrawlEnv.create(
            tmp_path / "killed", [fixture_site_config(market, server.url("market"))]
        )
        victim = env.start("crawl", "--json")
        _wait_until(lambda: server.stats().site_requests("market") >= pages // 2, victim)
        victim.send_signal(signal.SIGKILL)
        victim.communicate()
        before = served_paths(server, "market")
        resumed = env.run("crawl", "--json")
        after = served_paths(server, "market")

    assert resumed.returncode == 0, resumed.stderr
    report = json.loads(resumed.stdout)
    (run,) = env.json("runs")
    assert run["run_id"] == report["run_id"] and run["attempts"] == 2
    assert run["status"] == "finished"
    # Nothing lost: every page of a full crawl was fetched, and the index is the same.
    assert set(after) == set(full)
    assert index_contents(env.index) == index_contents(reference.index)
    # Nothing fetched again needlessly: only pages the killed process had not yet
    # made durable (its unacked batch and what was in flight) come twice.
    again = [path for path in before if after[path] > 1]
    assert len(again) <= ACK_BATCH + LEASES_PER_CONCURRENCY * 4
    assert sum(after.values()) - sum(before.values()) == pages - len(before) + len(again)


def _wait_until(
    condition: Callable[[], bool], process: subprocess.Popen[str], timeout: float = 90.0
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            _, err = process.communicate()
            pytest.fail(f"crawl ended or stalled (status {process.returncode}):\n{err[-3000:]}")
        time.sleep(0.02)


@pytest.fixture(autouse=True)
def _no_stray_config(monkeypatch: pytest.MonkeyPatch) -> None:
    # The CLI reads MONEYTRAIL_* overrides; a developer's environment must not leak in.
    for name in list(os.environ):
        if name.startswith("MONEYTRAIL_"):
            monkeypatch.delenv(name)

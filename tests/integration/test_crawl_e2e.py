"""End to end: generated fixture sites -> `moneytrail crawl` (a real subprocess, real
HTTP on 127.0.0.1) -> extractors -> SQLite, compared with the generator's ground truth."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from extractors import kinds
from index import open_index
from moneytrail.fixtures.generator import build_sites, write_site_configs
from moneytrail.fixtures.server import FixtureServer
from moneytrail.fixtures.site import FixtureSite

REPO = Path(__file__).resolve().parents[2]
SEED = 11
PAGES = 120
BODY_CAP = 1_000_000
# Kinds the walking skeleton promises recall on, for entities written plainly.
RECALL_KINDS = kinds.CRYPTO | {kinds.PHONE, kinds.EMAIL}


def write_config(root: Path, server: FixtureServer, sites: list[FixtureSite], **crawl) -> Path:
    write_site_configs(sites, server.urls(), root / "sites")
    main = {
        "index": {"url": f"sqlite:///{root / 'index.db'}"},
        "crawl": {
            "concurrency": 16,
            "download_timeout": 2,
            "retry_times": 0,
            "max_body_bytes": BODY_CAP,
            "state_dir": str(root / "state"),
            "log_level": "WARNING",
        }
        | crawl,
    }
    (root / "moneytrail.yaml").write_text(yaml.safe_dump(main))
    return root / "moneytrail.yaml"


def crawl(config: Path, *extra: str, timeout: float = 300) -> tuple[dict, str]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "moneytrail.cli",
            "crawl",
            "--config",
            str(config),
            "--json",
            *extra,
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout), result.stderr


@pytest.fixture(scope="module")
def sites() -> list[FixtureSite]:
    return list(build_sites(seed=SEED, pages=PAGES))


@pytest.fixture(scope="module")
def crawled(tmp_path_factory, sites) -> Iterator[tuple[dict, FixtureServer, Path]]:
    root = tmp_path_factory.mktemp("e2e")
    with FixtureServer(sites, slow_seconds=6) as server:
        config = write_config(root, server, sites)
        report, _ = crawl(config)
        yield report, server, config


def test_crawl_finishes_despite_traps(crawled) -> None:
    report, _, _ = crawled
    assert report["finish_reason"] == "finished"
    assert {site["state"] for site in report["sites"]} == {"up"}
    # Every content page of every site was indexed, plus some trap pages.
    assert report["pages_new"] >= 3 * PAGES
    failures = report["failures"]
    assert failures.get("http_404", 0) > 0 and failures.get("http_500", 0) > 0
    assert failures.get("timeout", 0) + failures.get("DownloadTimeoutError", 0) > 0


def test_recall_on_plainly_written_entities(crawled, sites) -> None:
    _report, _, config = crawled
    index = open_index(yaml.safe_load(config.read_text())["index"]["url"])
    planted = {
        (e.kind, e.value)
        for site in sites
        for e in site.ground_truth()
        if not e.obfuscated and e.kind in RECALL_KINDS and e.reachable
    }
    missed = sorted(pair for pair in planted if not index.lookup(pair[1], kind=pair[0]))
    recall = 1 - len(missed) / len(planted)
    assert len(planted) > 100
    assert recall >= 0.95, f"recall {recall:.3f}; missed {missed[:10]}"


def test_no_media_and_the_cap_holds(crawled) -> None:
    report, server, _ = crawled
    stats = server.stats()
    assert stats.media_url_requests == 0
    # Extension-less media (6-12 MiB bodies) is cut at the headers: per request, no more
    # than what the server had pushed into socket buffers before the client hung up.
    media_requests = sum(n for (_, path), n in stats.requests_by_path.items() if "/media/" in path)
    assert media_requests > 0
    assert stats.media_body_bytes_sent / media_requests < 1_000_000
    # The 50 MiB page: not read past the cap (plus what sat in socket buffers).
    assert stats.huge_page_bytes_sent <= BODY_CAP + 4_000_000
    assert report["dropped"].get("media_url", 0) > 0
    assert report["dropped"].get("media_content_type", 0) > 0
    assert report["dropped"].get("offsite", 0) > 0  # the foreign redirect


def test_recrawl_is_idempotent(crawled) -> None:
    report, _server, config = crawled
    db = Path(yaml.safe_load(config.read_text())["index"]["url"].removeprefix("sqlite:///"))
    before = index_counts(db)
    again, _ = crawl(config)
    assert again["pages_new"] == 0
    assert again["pages_changed"] == 0
    assert again["pages_unchanged"] == report["pages_new"]
    assert index_counts(db) == before


def index_counts(db: Path) -> tuple[int, ...]:
    index = open_index(f"sqlite:///{db}")
    stats = index.stats()
    return stats.pages, stats.mentions, stats.entities


def test_ctrl_c_leaves_a_consistent_index(tmp_path: Path) -> None:
    sites = list(build_sites(seed=SEED + 1, pages=2000))
    with FixtureServer(sites, slow_seconds=2) as server:
        config = write_config(tmp_path, server, sites, concurrency=4)
        process = subprocess.Popen(
            [sys.executable, "-m", "moneytrail.cli", "crawl", "--config", str(config)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        db = tmp_path / "index.db"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and server.stats().requests < 300:
            time.sleep(0.2)
        assert server.stats().requests >= 300, "crawl did not get going"
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
        fetched = server.stats().requests
    assert process.returncode == 130, stderr[-3000:]
    assert fetched < 3 * 2000, "Ctrl-C did not stop the crawl"
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    index = open_index(f"sqlite:///{db}")
    stats = index.stats()
    # What was fetched before the stop is kept (flushed at the graceful close).
    assert stats.pages >= 200
    # Every stored page's mentions are whole: each mention's entity knows its page.
    for row in index.stats().by_kind:
        assert row.entities > 0 and row.mentions >= row.entities


def test_unreachable_site_is_counted_and_the_crawl_finishes(tmp_path: Path, sites) -> None:
    with FixtureServer(sites[:1]) as server:
        write_site_configs(sites[:1], server.urls(), tmp_path / "sites")
    # The server is gone: its port now refuses connections.
    config = write_config_dead(tmp_path)
    report, _ = crawl(config)
    assert report["finish_reason"] == "finished"
    assert [site["state"] for site in report["sites"]] == ["down"]
    assert report["pages_new"] == 0


def write_config_dead(root: Path) -> Path:
    main = {
        "index": {"url": f"sqlite:///{root / 'index.db'}"},
        "crawl": {"download_timeout": 2, "retry_times": 0, "state_dir": str(root / "state")},
    }
    (root / "moneytrail.yaml").write_text(yaml.safe_dump(main))
    return root / "moneytrail.yaml"


def test_environment_reaches_the_crawl(tmp_path: Path, sites) -> None:
    """MONEYTRAIL_* overrides apply to a real crawl (here: a different index file)."""
    with FixtureServer(sites[:1]) as server:
        config = write_config(tmp_path, server, sites[:1])
        other = tmp_path / "other.db"
        env = {**os.environ, "MONEYTRAIL_INDEX__URL": f"sqlite:///{other}"}
        result = subprocess.run(
            [sys.executable, "-m", "moneytrail.cli", "crawl", "--config", str(config), "--json",
             "--site", sites[0].name],
            capture_output=True, text=True, cwd=REPO, env=env, timeout=300,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert other.exists() and not (tmp_path / "index.db").exists()

"""Fail closed: a Tor request is never made except through Tor. Each crawl runs against a
listener that records every connection, so "no direct connection" is observed, not assumed.

No tor process is needed: these are the situations where there is no usable tor.
"""

from __future__ import annotations

from pathlib import Path

from crawler.config import SiteConfig, TorSettings

from .support import ConnectionRecorder, LinkedSite, closed_port, crawl

ONION = "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd.onion"
STOP_MESSAGE = "Stopping the crawl: tor unavailable"


def _tor_sites(recorder: ConnectionRecorder) -> list[SiteConfig]:
    return [
        # A clearnet site marked via: tor, on a port where a direct connection would be seen.
        SiteConfig(name="clear-via-tor", start_urls=[f"http://127.0.0.1:{recorder.port}/"]),
        SiteConfig(name="hidden", start_urls=[f"http://{ONION}/"]),
    ]


def test_tor_down_from_the_start_stops_cleanly_without_direct_connections(
    tmp_path: Path,
) -> None:
    dead = closed_port()
    tor = TorSettings(
        mode="attach",
        socks=f"127.0.0.1:{dead}",
        control=f"127.0.0.1:{dead}",
        unavailable_timeout=3,
    )
    with ConnectionRecorder() as recorder:
        result = crawl(tmp_path, tor, _tor_sites(recorder))
    assert recorder.connections == 0
    assert result.returncode == 0, result.stderr
    assert result.finish_reason == "tor_unavailable"
    assert result.stderr.count(STOP_MESSAGE) == 1, result.stderr
    assert "does not answer" in result.stderr
    assert result.site("clear-via-tor")["state"] == "tor_unavailable"
    assert result.site("hidden")["state"] == "tor_unavailable"
    assert result.report["pages_new"] == 0


def test_tor_that_cannot_be_launched_stops_cleanly_without_direct_connections(
    tmp_path: Path,
) -> None:
    tor = TorSettings(mode="launch", instances=2, tor_binary=str(tmp_path / "missing-tor"))
    with ConnectionRecorder() as recorder:
        result = crawl(tmp_path, tor, _tor_sites(recorder))
    assert recorder.connections == 0
    assert result.returncode == 0, result.stderr
    assert result.finish_reason == "tor_unavailable"
    assert result.stderr.count(STOP_MESSAGE) == 1, result.stderr
    assert "missing-tor" in result.stderr
    assert {s["state"] for s in result.report["sites"]} == {"tor_unavailable"}


def test_the_download_handler_refuses_tor_requests_without_a_route(tmp_path: Path) -> None:
    # Defence in depth: even with the routing middleware switched off, the handler
    # refuses to send a Tor request anywhere.
    dead = closed_port()
    tor = TorSettings(mode="attach", socks=f"127.0.0.1:{dead}", control=f"127.0.0.1:{dead}")
    with ConnectionRecorder() as recorder:
        result = crawl(
            tmp_path,
            tor,
            _tor_sites(recorder),
            settings={"MONEYTRAIL_TOR_ROUTING_ENABLED": False},
        )
    assert recorder.connections == 0
    assert result.report["failures"].get("TorRouteMissing") == 2, result.report["failures"]
    assert "has no Tor route" in result.stderr


def test_direct_sites_still_go_direct_and_never_start_tor(tmp_path: Path) -> None:
    # Only direct sites: the pool is never started, so no tor is needed or launched.
    tor = TorSettings(mode="launch", tor_binary=str(tmp_path / "missing-tor"))
    with LinkedSite(pages=8) as site:
        sites = [
            SiteConfig(name="plain", start_urls=[f"http://127.0.0.1:{site.port}/"], via="direct")
        ]
        result = crawl(tmp_path, tor, sites)
        assert site.served_paths() == site.paths()
    assert result.finish_reason == "finished", result.stderr
    assert result.pages_per_site == {"plain": 8}
    assert not (tmp_path / "state" / "tor").exists()

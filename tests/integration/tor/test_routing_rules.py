"""Routing rules, health logic and pool errors that need no running tor."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest
from scrapy import Request

from crawler.config import TorSettings
from crawler.tor import Address, InstanceStatus, TorPool, TorUnavailable, socks_answers
from crawler.tor_routing import SiteHealth, TorRoute, is_onion_host, is_tor_request

from .support import closed_port

ONION = "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd.onion"


def test_route_uses_socks5h_with_quoted_site_credentials() -> None:
    route = TorRoute("tor-1", "127.0.0.1", 9050, "market:one/two", "run@1")
    assert route.proxy_url == "socks5h://market%3Aone%2Ftwo:run%401@127.0.0.1:9050"


@pytest.mark.parametrize(
    ("url", "via", "expected"),
    [
        (f"http://{ONION}/", "direct", True),  # an .onion goes through Tor whatever the config
        (f"http://{ONION.upper()}/x", None, True),
        (f"http://{ONION}./", None, True),  # trailing dot is the same host
        ("http://example.org/", "tor", True),
        ("http://example.org/", "direct", False),
        ("http://onion.example.org/", None, False),
        ("http://example.onion.evil.org/", None, False),
    ],
)
def test_which_requests_must_use_tor(url: str, via: str | None, expected: bool) -> None:
    meta = {"moneytrail_via": via} if via else {}
    assert is_tor_request(Request(url, meta=meta)) is expected


def test_onion_host_match_is_on_the_last_label() -> None:
    assert is_onion_host(ONION)
    assert not is_onion_host("onion")
    assert not is_onion_host("notonion")


@pytest.mark.parametrize(
    ("health", "state"),
    [
        (SiteHealth("s"), "idle"),
        (SiteHealth("s", ok=5), "up"),
        (SiteHealth("s", ok=4, slow=3), "slow"),
        (SiteHealth("s", ok=2, slow=0, failures=2), "up"),
        (SiteHealth("s", ok=1, slow=2, failures=2), "slow"),  # two timeouts, one answer
        (SiteHealth("s", failures=3), "down"),
        (SiteHealth("s", path_failures=3), "tor_unavailable"),  # Tor's fault, not the site's
        (SiteHealth("s", failures=1, path_failures=3), "down"),
        (SiteHealth("s", tor_given_up=True), "tor_unavailable"),
    ],
)
def test_site_state(health: SiteHealth, state: str) -> None:
    assert health.state == state


@pytest.mark.parametrize(
    ("health", "down"),
    [
        (SiteHealth("s"), False),
        (SiteHealth("s", failures=1, consecutive_failures=1), True),  # never answered
        (SiteHealth("s", ok=40, failures=1, consecutive_failures=1), False),  # one bad page
        (SiteHealth("s", ok=40, failures=4, consecutive_failures=4), False),
        (SiteHealth("s", ok=40, failures=5, consecutive_failures=5), True),  # stopped answering
        (SiteHealth("s", ok=40, failures=9, consecutive_failures=0), False),
    ],
)
def test_when_a_site_is_held_back(health: SiteHealth, down: bool) -> None:
    assert health.looks_down is down


def _status(**changes: object) -> InstanceStatus:
    values: dict[str, object] = {
        "name": "tor-1",
        "mode": "attach",
        "socks": "127.0.0.1:1",
        "control": "127.0.0.1:2",
        "pid": None,
        "socks_answers": True,
        "control_connected": True,
        "bootstrap_percent": 100,
        "bootstrap_summary": "Done",
        "circuit_established": True,
        "dormant": False,
        "circuits_built": 0,
        "circuits_failed": 0,
        "requests_ok": 0,
        "requests_failed": 0,
        "recent_requests": 0,
        "error_rate": 0.0,
        "newnym_count": 0,
        "last_newnym": None,
        "problem": None,
        "checked_at": 0.0,
    }
    values.update(changes)
    return InstanceStatus(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "healthy"),
    [
        ({}, True),
        ({"socks_answers": False}, False),
        ({"bootstrap_percent": 85}, False),
        ({"circuit_established": False}, False),
        ({"circuit_established": False, "dormant": True}, True),
        # No control access: the SOCKS port is all we can judge by.
        ({"control_connected": False, "bootstrap_percent": None}, True),
        ({"control_connected": False, "socks_answers": False}, False),
    ],
)
def test_instance_health(changes: dict[str, object], healthy: bool) -> None:
    assert _status(**changes).healthy is healthy


@pytest.mark.parametrize("text", ["9050", "localhost:", ":9050", "host:port", "h:70000", "h:0"])
def test_bad_addresses_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="host:port"):
        Address.parse(text)


def test_address_round_trip() -> None:
    assert str(Address.parse("127.0.0.1:9050")) == "127.0.0.1:9050"
    assert Address.parse("[::1]:9050") == Address("::1", 9050)


def test_an_http_server_is_not_mistaken_for_socks() -> None:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert not socks_answers(Address("127.0.0.1", server.server_address[1]))
    finally:
        server.shutdown()
        server.server_close()
    assert not socks_answers(Address("127.0.0.1", closed_port()))


def test_launch_without_a_tor_binary_says_so(tmp_path: Path) -> None:
    settings = TorSettings(mode="launch", instances=1, tor_binary=str(tmp_path / "no-tor"))
    with pytest.raises(TorUnavailable, match=r"cannot start.*no-tor"):
        TorPool(settings, tmp_path).start()


def test_auto_launches_when_nothing_answers(tmp_path: Path) -> None:
    messages: list[str] = []
    settings = TorSettings(
        mode="auto", socks=f"127.0.0.1:{closed_port()}", tor_binary=str(tmp_path / "no-tor")
    )
    with pytest.raises(TorUnavailable, match="cannot start"):
        TorPool(settings, tmp_path, progress=messages.append).start()
    assert any("launching" in m for m in messages)


def test_attach_with_a_malformed_address_names_the_field(tmp_path: Path) -> None:
    settings = TorSettings(mode="attach", socks="nowhere")
    with pytest.raises(TorUnavailable, match=r"tor\.socks"):
        TorPool(settings, tmp_path).start()


def test_launched_instances_get_separate_data_directories(tmp_path: Path) -> None:
    first = TorPool(TorSettings(), tmp_path)
    second = TorPool(TorSettings(), tmp_path)
    try:
        taken = first._claim_datadirs(tmp_path, 2)
        # A second crawl on the same state directory must not reuse a locked one.
        assert second._claim_datadirs(tmp_path, 2) == ["tor-3", "tor-4"]
        assert taken == ["tor-1", "tor-2"]
    finally:
        first.close()
        second.close()
    third = TorPool(TorSettings(), tmp_path)
    assert third._claim_datadirs(tmp_path, 1) == ["tor-1"]  # released on close
    third.close()

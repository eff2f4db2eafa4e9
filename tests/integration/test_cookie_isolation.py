"""Cookies are kept per site and never shared across sites.

Both sites live on 127.0.0.1 and differ only by port; cookie domains ignore ports, so one
shared jar would send site A's session cookie to site B. The crawl must not.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]


class CookieSite(ThreadingHTTPServer):
    def __init__(self, name: str) -> None:
        super().__init__(("127.0.0.1", 0), CookieHandler)
        self.name = name
        self.seen: list[tuple[str, str]] = []  # (path, Cookie header)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


class CookieHandler(BaseHTTPRequestHandler):
    server: CookieSite

    def do_GET(self) -> None:
        self.server.seen.append((self.path, self.headers.get("Cookie", "")))
        body = b'<html><body><a href="/next">next</a> page</body></html>'
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if self.path == "/":
            self.send_header("Set-Cookie", f"session={self.server.name}; Path=/")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def sites() -> Iterator[list[CookieSite]]:
    servers = [CookieSite("alpha"), CookieSite("beta")]
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    yield servers
    for server in servers:
        server.shutdown()
        server.server_close()


def crawl(root: Path, site_configs: list[dict]) -> dict:
    """Write a config for these sites under root, crawl it with the real CLI, return the report."""
    (root / "sites").mkdir()
    for config in site_configs:
        (root / "sites" / f"{config['name']}.yaml").write_text(yaml.safe_dump(config))
    main = {
        "index": {"url": f"sqlite:///{root / 'index.db'}"},
        "crawl": {"state_dir": str(root / "state"), "download_timeout": 5},
    }
    (root / "moneytrail.yaml").write_text(yaml.safe_dump(main))
    result = subprocess.run(
        [sys.executable, "-m", "moneytrail.cli", "crawl", "--json",
         "--config", str(root / "moneytrail.yaml")],
        capture_output=True, text=True, cwd=REPO, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_each_site_gets_only_its_own_cookies(tmp_path: Path, sites: list[CookieSite]) -> None:
    configs = [{"name": s.name, "start_urls": [s.url], "via": "direct"} for s in sites]
    assert crawl(tmp_path, configs)["pages_new"] == 4
    for site in sites:
        cookies = dict(site.seen)
        # The site's own cookie comes back to it (so cookies do work)...
        assert cookies["/next"] == f"session={site.name}"
        # ...and no request to it ever carried the other site's cookie.
        others = {s.name for s in sites} - {site.name}
        assert not any(f"session={other}" in header for _, header in site.seen for other in others)


def test_a_cookies_file_logs_the_crawl_in(tmp_path: Path, sites: list[CookieSite]) -> None:
    site = sites[0]
    cookies = tmp_path / "cookies.txt"
    cookies.write_text(
        "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tlogin\tinvestigator-session\n"
    )
    config = {
        "name": site.name,
        "start_urls": [site.url],
        "via": "direct",
        "cookies_file": str(cookies),
    }
    crawl(tmp_path, [config])
    seen = dict(site.seen)
    assert "login=investigator-session" in seen["/"]
    # The file's cookie stays in the site's jar next to the one the site set.
    assert "login=investigator-session" in seen["/next"]
    assert f"session={site.name}" in seen["/next"]

"""Real loopback servers and a crawl-in-a-subprocess helper for the Tor tests.

A crawl runs in a child process because Twisted's reactor cannot be restarted, so one
pytest process could run only one crawl.
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from crawler.config import SiteConfig, TorSettings

REPO = Path(__file__).resolve().parents[3]
# Announced by LinkedSite's oversized files: over the default crawl.max_body_bytes (5 MiB).
OVERSIZED_BYTES = 64 * 1024 * 1024


class LinkedSite:
    """A small site of ``pages`` linked HTML pages on 127.0.0.1, recording what it served.

    Page n links to n+1, n+2 and 2n+1, so a crawler reaches every page from "/" over a
    few levels. ``delay`` seconds are spent before each answer (a slow site); a ``broken``
    site's "/" links to every page, and it hangs up on all of them without answering.
    An ``oversized`` site's "/" links only to that many files /big/N that announce a body
    of OVERSIZED_BYTES, more than any crawl here accepts, and send a few bytes of it.
    """

    def __init__(
        self,
        pages: int = 20,
        delay: float = 0.0,
        marker: str = "site",
        broken: bool = False,
        oversized: int = 0,
    ) -> None:
        self.pages = pages
        self.delay = delay
        self.marker = marker
        self.broken = broken  # every page but "/" hangs up without answering
        self.oversized = oversized
        self.served: list[str] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site._serve(self)

            def log_message(self, *_args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def paths(self) -> set[str]:
        return {"/"} | {f"/p/{n}" for n in range(1, self.pages)}

    def served_paths(self) -> set[str]:
        with self._lock:
            return set(self.served)

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        if self.oversized and path.startswith("/big/"):
            self._serve_oversized(handler)
            return
        number = -1
        if path == "/":
            number = 0
        elif path.startswith("/p/") and path[3:].isdigit():
            number = int(path[3:])
        if not 0 <= number < self.pages:
            handler.send_response(404)
            handler.end_headers()
            return
        if self.broken and number > 0:
            with self._lock:
                self.served.append(path)
            handler.close_connection = True
            return
        if self.delay:
            time.sleep(self.delay)
        # A broken site's pages cannot link on, so its home links to all of them.
        targets = range(1, self.pages) if self.broken else (number + 1, number + 2, 2 * number + 1)
        links = " ".join(f'<a href="/p/{m}">page {m}</a>' for m in targets if 0 < m < self.pages)
        if self.oversized:
            links = " ".join(f'<a href="/big/{m}">file {m}</a>' for m in range(self.oversized))
        body = (
            f"<html><head><title>{self.marker} {number}</title></head><body>"
            f"<p>{self.marker} page {number}</p>{links}</body></html>"
        ).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
        with self._lock:
            self.served.append(path)

    def _serve_oversized(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.served.append(handler.path)
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(OVERSIZED_BYTES))
        handler.end_headers()
        # The crawler may hang up at the headers already, as it should.
        with contextlib.suppress(OSError):
            handler.wfile.write(b"<html>" + b" " * 4096)
        handler.close_connection = True

    def __enter__(self) -> LinkedSite:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class ConnectionRecorder:
    """Listens on 127.0.0.1 and counts every connection: proof that nothing went direct."""

    def __init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self.connections = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def port(self) -> int:
        return self._socket.getsockname()[1]

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._socket.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def __enter__(self) -> ConnectionRecorder:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._socket.close()


def closed_port() -> int:
    """A loopback port with nothing listening on it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class CrawlResult:
    returncode: int
    stderr: str
    report: dict[str, Any] = field(default_factory=dict)
    pages_per_site: dict[str, int] = field(default_factory=dict)
    tor_status: dict[str, Any] = field(default_factory=dict)

    @property
    def finish_reason(self) -> str:
        return str(self.report.get("finish_reason"))

    def site(self, name: str) -> dict[str, Any]:
        for site in self.report.get("sites", []):
            if site["name"] == name:
                return site
        raise KeyError(name)


class CrawlProcess:
    """One crawl in a child process (tests/integration/tor/crawl_child.py)."""

    def __init__(
        self,
        workdir: Path,
        tor: TorSettings,
        sites: list[SiteConfig],
        *,
        crawl: dict[str, Any] | None = None,
        settings: dict[str, Any] | None = None,
        index: bool = False,
    ) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.state_dir = workdir / "state"
        spec = {
            "app": {
                "index": {"url": f"sqlite:///{workdir / 'index.db'}"},
                "crawl": {
                    "state_dir": str(self.state_dir),
                    "download_timeout": 20,
                    "log_level": "INFO",
                    **(crawl or {}),
                },
                "tor": tor.model_dump(mode="json"),
                "sites": [site.model_dump(mode="json") for site in sites],
            },
            "settings": settings or {},
            "index": index,
        }
        spec_path = workdir / "crawl-spec.json"
        spec_path.write_text(json.dumps(spec))
        self._stderr_path = workdir / "crawl.log"
        self._stderr = self._stderr_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.tor.crawl_child", str(spec_path)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
        )

    def wait(self, timeout: float = 300) -> CrawlResult:
        try:
            stdout, _ = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            raise
        finally:
            self._stderr.close()
        stderr = self._stderr_path.read_text(errors="replace")
        result = CrawlResult(self.process.returncode, stderr)
        if stdout.strip():
            output = json.loads(stdout)
            result.report = output["report"]
            result.pages_per_site = output["pages_per_site"]
        status_file = self.state_dir / "tor" / "status.json"
        if status_file.exists():
            result.tor_status = json.loads(status_file.read_text())
        return result


def crawl(workdir: Path, tor: TorSettings, sites: list[SiteConfig], **options: Any) -> CrawlResult:
    return CrawlProcess(workdir, tor, sites, **options).wait()

"""A small site on 127.0.0.1 whose pages, links and faults a test controls.

Page ``/p/<i>`` links to ``i+1`` (so every page is reachable from ``/p/0``) and to two
pages further away, so links are found many times over. It counts requests per path,
can serve any page with new text, fail or redirect a page, link to more paths, answer
slowly, or hold every answer.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class SiteGraph:
    def __init__(self, pages: int, delay: float = 0.0) -> None:
        self.pages = pages
        self.delay = delay
        self.extra_text: dict[int, str] = {}  # page -> text added to it
        self.failing: set[int] = set()  # pages answering 500
        self.redirects: dict[int, str] = {}  # page -> path it answers 302 to
        self.extra_links: dict[int, list[str]] = {}  # page -> more hrefs on it
        self.down = False  # every request answers 503
        # Cleared: requests are counted, then wait until it is set again.
        self.gate = threading.Event()
        self.gate.set()
        self.requests: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None, "serve() first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/p/0"

    def paths(self) -> list[str]:
        return [f"/p/{i}" for i in range(self.pages)]

    def links(self, page: int) -> list[int]:
        n = self.pages
        return sorted({(page + 1) % n, (page * 7 + 3) % n, (page * 13 + 5) % n} - {page})

    def body(self, page: int) -> str:
        hrefs = [f"/p/{j}" for j in self.links(page)] + self.extra_links.get(page, [])
        links = "".join(f'<a href="{href}">link</a> ' for href in hrefs)
        text = self.extra_text.get(page, "")
        return (
            f"<html><head><title>Page {page}</title></head><body>"
            f"<p>Listing {page}. {text}</p>{links}</body></html>"
        )

    def count(self, path: str) -> None:
        with self._lock:
            self.requests[path] += 1

    @contextmanager
    def serve(self) -> Iterator[SiteGraph]:
        graph = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                graph.count(self.path)
                graph.gate.wait()
                if graph.delay:
                    time.sleep(graph.delay)
                page = _page_number(self.path, graph.pages)
                if page in graph.redirects:
                    self.send_response(302)
                    self.send_header("Location", graph.redirects[page])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if graph.down or page is None or page in graph.failing:
                    status = 503 if graph.down else (404 if page is None else 500)
                    self.send_error(status)
                    return
                data = graph.body(page).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        self._server = server
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            server.shutdown()
            server.server_close()


def _page_number(path: str, pages: int) -> int | None:
    prefix = "/p/"
    if not path.startswith(prefix) or not path[len(prefix) :].isdigit():
        return None
    page = int(path[len(prefix) :])
    return page if page < pages else None

"""Scale-out: pages/minute with 1, 2 and 4 crawler processes sharing one Redis frontier.

    .venv/bin/python bench/scale.py [--pages 400] [--latency 1.0] [--concurrency 4]

The fixture market is served behind a relay that holds every response for
``--latency`` seconds, as Tor's circuits do, so that one worker with a site
concurrency of ``--concurrency`` is latency-bound the way a Tor crawl is; more workers
(in production: more machines, each with its own tor) multiply the requests in flight.
Traps are left out (deny patterns) so every run crawls the same pages. Prints pages
per minute (first worker's start to last worker's end, start-up included) and the
speed-up over one worker; never passes or fails on time. Workers all run on this
machine here, so past the number of cores they also compete for CPU.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from support import free_port, wait_for_port  # noqa: E402

from moneytrail.fixtures.generator import build_sites, site_config  # noqa: E402
from moneytrail.fixtures.traps import TRAPS  # noqa: E402

SEED = 11


@contextmanager
def process(argv: list[str], port: int) -> Iterator[None]:
    child = subprocess.Popen(argv, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        yield
    finally:
        child.terminate()
        child.wait(timeout=30)


@contextmanager
def latency_relay(upstream_port: int, latency: float) -> Iterator[int]:
    """A loopback relay that answers every GET after ``latency`` seconds."""

    class Relay(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            time.sleep(latency)
            upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=30)
            try:
                upstream.request("GET", self.path, headers={"Host": self.headers["Host"]})
                answer = upstream.getresponse()
                body = answer.read()
            finally:
                upstream.close()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Relay)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def write_config(workdir: Path, site: dict, redis_url: str) -> Path:
    (workdir / "sites").mkdir(parents=True)
    (workdir / "sites" / "market.yaml").write_text(yaml.safe_dump(site))
    config = workdir / "moneytrail.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "index": {"url": f"sqlite:///{workdir / 'index.db'}"},
                "scheduler": redis_url,
                "crawl": {"concurrency": 32, "retry_times": 0, "log_level": "ERROR"},
            }
        )
    )
    return config


def start_worker(config: Path, run_id: str, state_dir: Path) -> subprocess.Popen[str]:
    argv = [sys.executable, "-m", "moneytrail.cli", "crawl", "--config", str(config)]
    return subprocess.Popen(
        [*argv, "--run-id", run_id, "--json"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Each worker stands for a machine of its own: its own state directory.
        env={**os.environ, "MONEYTRAIL_CRAWL__STATE_DIR": str(state_dir)},
    )


def crawl_with(workers: int, config: Path, workdir: Path) -> dict[str, float]:
    run_id = f"scale-{workers}w-{int(time.time())}"
    started = time.perf_counter()
    children = [start_worker(config, run_id, workdir / f"state-{n}") for n in range(workers)]
    reports = []
    for child in children:
        out, err = child.communicate(timeout=3600)
        if child.returncode != 0:
            raise RuntimeError(f"worker failed ({child.returncode}):\n{err[-3000:]}")
        reports.append(json.loads(out))
    wall = time.perf_counter() - started
    first = min(datetime.fromisoformat(r["started_at"]) for r in reports)
    last = max(datetime.fromisoformat(r["finished_at"]) for r in reports)
    pages = sum(r["pages_new"] + r["pages_changed"] + r["pages_unchanged"] for r in reports)
    crawling = (last - first).total_seconds()
    return {
        "pages": pages,
        "crawl_seconds": crawling,
        "wall_seconds": wall,
        "pages_per_minute": pages / crawling * 60,
        "per_worker": [r["pages_new"] + r["pages_changed"] + r["pages_unchanged"] for r in reports],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400, help="content pages of the site")
    parser.add_argument("--latency", type=float, default=1.0, help="seconds added per request")
    parser.add_argument("--concurrency", type=int, default=4, help="per site, per worker")
    parser.add_argument("--workers", default="1,2,4")
    args = parser.parse_args()
    if shutil.which("redis-server") is None:
        sys.exit("redis-server is not installed (apt-get install redis-server)")
    counts = [int(n) for n in args.workers.split(",")]
    site = next(s for s in build_sites(seed=SEED, pages=args.pages) if s.name == "market")
    print(
        f"machine: {os.cpu_count()} cores · fixture market: {args.pages} content pages · "
        f"latency {args.latency:.2f} s/request · site concurrency {args.concurrency} per worker"
    )
    fixture_port, redis_port = free_port(), free_port()
    with tempfile.TemporaryDirectory() as tmp, process(
        [sys.executable, "-m", "moneytrail.fixtures", "serve", "--seed", str(SEED), "--pages",
         str(args.pages), "--sites", "market", "--ports", str(fixture_port)], fixture_port,
    ), process(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(redis_port), "--save", "",
         "--appendonly", "no", "--dir", tmp], redis_port,
    ), latency_relay(fixture_port, args.latency) as relay_port:  # fmt: skip
        config = site_config(site, f"http://127.0.0.1:{relay_port}", via="direct")
        config |= {
            "concurrency": args.concurrency,
            "max_depth": 1000,
            "deny_url_patterns": [f"^https?://[^/]+{t.prefix}" for t in TRAPS],
        }
        results = {}
        for n in counts:
            workdir = Path(tmp) / f"{n}-workers"
            workdir.mkdir()
            db = counts.index(n)
            configuration = write_config(workdir, config, f"redis://127.0.0.1:{redis_port}/{db}")
            print(f"{n} worker(s) ...", flush=True)
            results[n] = crawl_with(n, configuration, workdir)
    base = results[counts[0]]["pages_per_minute"]
    header = ("workers", "pages", "crawl s", "pages/min", "speed-up")
    print("\n{:>7} {:>6} {:>8} {:>10} {:>9}  per worker".format(*header))
    for n, r in results.items():
        print(
            f"{n:>7} {r['pages']:>6} {r['crawl_seconds']:>8.1f} {r['pages_per_minute']:>10,.0f} "
            f"{r['pages_per_minute'] / base:>8.2f}x  {r['per_worker']}"
        )


if __name__ == "__main__":
    main()

"""Crawl throughput through Tor: the fixture market as an .onion service on the private
Tor network (moneytrail.tornet), crawled at a few concurrency settings, each next to the
same crawl done directly in the same run, and next to the limit concurrency / round trip.

    .venv/bin/python bench/tor_crawl.py [--pages 500] [--concurrency 1,4,16]

The round trip is the median latency of sequential GETs of one page over a kept-alive
connection (through Tor: over the site's own circuit). Every crawl is the real
`moneytrail crawl` (fetch + extract + index into a fresh SQLite file), traps excluded, so
each one fetches exactly the same content pages. Prints figures; never passes or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx2
import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from support import free_port, wait_for_port  # noqa: E402

from moneytrail.fixtures.generator import build_sites, site_config  # noqa: E402
from moneytrail.fixtures.traps import TRAPS  # noqa: E402
from moneytrail.tornet import PrivateTorNetwork  # noqa: E402

SEED = 3
SITE = "market"


@dataclass(frozen=True)
class CrawlFigures:
    route: str  # "tor" or "direct"
    concurrency: int
    responses: int
    pages_indexed: int
    seconds: float

    @property
    def pages_per_minute(self) -> float:
        return self.responses / self.seconds * 60


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--concurrency", default="1,4,16")
    args = parser.parse_args()
    levels = [int(part) for part in args.concurrency.split(",")]
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}", flush=True)
    site = next(s for s in build_sites(seed=SEED, pages=args.pages) if s.name == SITE)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        started = time.monotonic()
        network = PrivateTorNetwork(
            workdir / "tornet",
            progress=lambda m: print(
                f"  [{time.monotonic() - started:5.1f}s] tor: {m}", flush=True
            ),
        )
        port = free_port()
        # The fixture server runs in its own process so it does not share the crawler's GIL.
        server = subprocess.Popen(
            [sys.executable, "-m", "moneytrail.fixtures", "serve", "--seed", str(SEED),
             "--pages", str(args.pages), "--sites", SITE, "--ports", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO,
        )  # fmt: skip
        try:
            network.start()
            wait_for_port(port)
            onion = network.add_onion_service(port)
            print(f"  network up in {time.monotonic() - started:.0f}s; {SITE} at {onion}")
            direct_url = f"http://127.0.0.1:{port}"
            tor_url = f"http://{onion}"
            proxy = f"socks5h://bench-rtt:x@{network.client_socks}"
            rtt = {"direct": round_trip(direct_url, None), "tor": round_trip(tor_url, proxy)}
            print(
                f"round trip (median of 30 sequential GETs): direct {1000 * rtt['direct']:.1f} ms,"
                f" tor {1000 * rtt['tor']:.1f} ms"
            )
            results: list[CrawlFigures] = []
            for concurrency in levels:
                for route, url in (("direct", direct_url), ("tor", tor_url)):
                    run_dir = workdir / f"{route}-{concurrency}"
                    figures = crawl(site, url, route, concurrency, run_dir, network)
                    results.append(figures)
                    rate = figures.pages_per_minute
                    print(
                        f"  {route:>6} c={concurrency:<3} {rate:8,.0f} pages/min"
                        f" ({figures.responses} responses in {figures.seconds:.1f} s)",
                        flush=True,
                    )
        finally:
            server.terminate()
            server.wait(timeout=30)
            network.stop()
    print_table(results, rtt)


def round_trip(base_url: str, proxy: str | None, samples: int = 30) -> float:
    latencies = []
    with httpx2.Client(proxy=proxy, timeout=60, trust_env=False) as client:
        client.get(f"{base_url}/")  # connect (and for Tor: build the circuit) first
        for _ in range(samples):
            started = time.perf_counter()
            client.get(f"{base_url}/").raise_for_status()
            latencies.append(time.perf_counter() - started)
    return statistics.median(latencies)


def crawl(
    site: object,
    base_url: str,
    route: str,
    concurrency: int,
    workdir: Path,
    network: PrivateTorNetwork,
) -> CrawlFigures:
    sites_dir = workdir / "sites"
    sites_dir.mkdir(parents=True)
    config = site_config(site, base_url, via=route)  # type: ignore[arg-type]
    config |= {
        "max_depth": 1000,
        "concurrency": concurrency,
        "deny_url_patterns": [f"^https?://[^/]+{trap.prefix}" for trap in TRAPS],
    }
    (sites_dir / f"{SITE}.yaml").write_text(yaml.safe_dump(config))
    main_config = {
        "index": {"url": f"sqlite:///{workdir / 'bench.db'}"},
        "crawl": {
            "concurrency": concurrency,
            "download_timeout": 30,
            "retry_times": 1,
            "state_dir": str(workdir / "state"),
            "log_level": "ERROR",
        },
        "tor": network.attach_settings().model_dump(mode="json"),
    }
    (workdir / "moneytrail.yaml").write_text(yaml.safe_dump(main_config))
    result = subprocess.run(
        [sys.executable, "-m", "moneytrail.cli", "crawl", "--config",
         str(workdir / "moneytrail.yaml"), "--json"],
        capture_output=True, text=True, cwd=REPO, timeout=3600,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"{route} crawl failed ({result.returncode}):\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout)
    seconds = _timestamp(report["finished_at"]) - _timestamp(report["started_at"])
    return CrawlFigures(
        route=route,
        concurrency=concurrency,
        responses=sum(s["ok"] for s in report["sites"]),
        pages_indexed=report["pages_new"] + report["pages_changed"] + report["pages_unchanged"],
        seconds=seconds,
    )


def print_table(results: list[CrawlFigures], rtt: dict[str, float]) -> None:
    print()
    print(
        f"{'conc.':>5} | {'direct p/min':>12} | {'tor p/min':>9} | {'tor/direct':>10} |"
        f" {'tor limit c/rtt':>15} | {'tor % of limit':>14}"
    )
    by_key = {(r.route, r.concurrency): r for r in results}
    for concurrency in sorted({r.concurrency for r in results}):
        direct = by_key[("direct", concurrency)]
        tor = by_key[("tor", concurrency)]
        limit = concurrency / rtt["tor"] * 60
        print(
            f"{concurrency:>5} | {direct.pages_per_minute:>12,.0f} | {tor.pages_per_minute:>9,.0f}"
            f" | {tor.pages_per_minute / direct.pages_per_minute:>10.2f} | {limit:>15,.0f}"
            f" | {100 * tor.pages_per_minute / limit:>13.0f}%"
        )


def _timestamp(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()


if __name__ == "__main__":
    main()

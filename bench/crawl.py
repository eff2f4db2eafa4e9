"""End-to-end crawl throughput: fetch + extract + index on a fixture site, next to
`scrapy bench` measured in the same run on the same machine.

    .venv/bin/python bench/crawl.py [--pages 10000] [--concurrency 16]

Prints pages/minute for both and their ratio (target: moneytrail >= 0.6 x scrapy bench).
Never passes or fails on time: it prints figures.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from support import free_port, wait_for_port  # noqa: E402

from moneytrail.fixtures.generator import build_sites, site_config  # noqa: E402


def scrapy_bench_pages_per_minute() -> float:
    """Scrapy's own benchmark: a link-following spider against its bench server, 10 s."""
    with tempfile.TemporaryDirectory() as empty:  # no scrapy.cfg around to pick up
        result = subprocess.run(
            [sys.executable, "-m", "scrapy", "bench", "-s", "LOGSTATS_INTERVAL=60"],
            capture_output=True,
            text=True,
            cwd=empty,
            timeout=300,
        )
    stats_text = result.stderr[result.stderr.rfind("Dumping Scrapy stats:") :]
    match = re.search(r"\{.*\}", stats_text, re.S)
    if match is None:
        raise RuntimeError(f"could not read scrapy bench output:\n{result.stderr[-2000:]}")
    stats = ast.literal_eval(re.sub(r"datetime\.datetime\([^)]*\)", "None", match.group(0)))
    return stats["response_received_count"] / stats["elapsed_time_seconds"] * 60


def moneytrail_pages_per_minute(pages: int, concurrency: int, workdir: Path) -> dict[str, float]:
    site = next(s for s in build_sites(seed=3, pages=pages) if s.name == "market")
    port = free_port()
    # The fixture server runs in its own process so it does not share the crawler's GIL.
    server = subprocess.Popen(
        [sys.executable, "-m", "moneytrail.fixtures", "serve", "--seed", "3",
         "--pages", str(pages), "--sites", site.name, "--ports", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO,
    )  # fmt: skip
    try:
        wait_for_port(port)
        sites_dir = workdir / "sites"
        sites_dir.mkdir(parents=True, exist_ok=True)
        config = site_config(site, f"http://127.0.0.1:{port}", via="direct")
        config |= {"concurrency": concurrency}  # budget and depth: the site config's own
        (sites_dir / f"{site.name}.yaml").write_text(yaml.safe_dump(config))
        (workdir / "moneytrail.yaml").write_text(
            yaml.safe_dump(
                {
                    "index": {"url": f"sqlite:///{workdir / 'bench.db'}"},
                    "crawl": {
                        "concurrency": concurrency,
                        "download_timeout": 5,
                        "retry_times": 0,
                        "state_dir": str(workdir / "state"),
                        "log_level": "ERROR",
                    },
                }
            )
        )
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "moneytrail.cli", "crawl", "--config",
             str(workdir / "moneytrail.yaml"), "--json"],
            capture_output=True, text=True, cwd=REPO, timeout=3600,
        )  # fmt: skip
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    if result.returncode != 0:
        raise RuntimeError(f"crawl failed ({result.returncode}):\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout)
    crawl_seconds = _parse_time(report["finished_at"]) - _parse_time(report["started_at"])
    fetched = sum(site["ok"] for site in report["sites"])
    mentions = sum(report["mentions_by_kind"].values())
    return {
        "pages_indexed": report["pages_new"] + report["pages_changed"] + report["pages_unchanged"],
        "responses": fetched,
        "mentions": mentions,
        "crawl_seconds": crawl_seconds,
        "process_seconds": elapsed,
        "pages_per_minute": fetched / crawl_seconds * 60,
    }


def _parse_time(text: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(text).timestamp()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    print("scrapy bench (10 s, its own server) ...", flush=True)
    baseline = scrapy_bench_pages_per_minute()
    print(f"  scrapy bench: {baseline:,.0f} pages/min")
    print(f"moneytrail crawl of a {args.pages:,}-page fixture market ...", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        ours = moneytrail_pages_per_minute(args.pages, args.concurrency, Path(tmp))
    print(
        f"  moneytrail: {ours['pages_per_minute']:,.0f} pages/min "
        f"({ours['responses']:,} responses, {ours['pages_indexed']:,} pages indexed, "
        f"{ours['mentions']:,} mentions, {ours['crawl_seconds']:.1f} s crawling, "
        f"{ours['process_seconds']:.1f} s with process start)"
    )
    print(
        f"ratio moneytrail / scrapy bench: {ours['pages_per_minute'] / baseline:.2f} "
        "(target >= 0.6)"
    )


if __name__ == "__main__":
    main()

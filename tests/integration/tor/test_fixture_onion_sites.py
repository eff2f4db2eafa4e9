"""The bundled fixture sites served as .onion services on the private Tor network,
crawled with the real `moneytrail crawl`, compared with the generator's ground truth."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from extractors import kinds
from index import open_index
from moneytrail.fixtures.generator import build_sites, site_config
from moneytrail.fixtures.server import FixtureServer
from moneytrail.fixtures.traps import TRAPS
from moneytrail.tornet import PrivateTorNetwork

from .support import REPO

pytestmark = pytest.mark.tor

SEED = 23
PAGES = 50
RECALL_KINDS = kinds.CRYPTO | {kinds.PHONE, kinds.EMAIL}


def test_fixture_onion_sites_match_ground_truth(
    tor_network: PrivateTorNetwork, tmp_path: Path
) -> None:
    sites = build_sites(seed=SEED, pages=PAGES)
    index_path = tmp_path / "index.db"
    (tmp_path / "sites").mkdir()
    with FixtureServer(sites) as server:
        onions = {
            site.name: tor_network.add_onion_service(server.port(site.name)) for site in sites
        }
        for site in sites:
            config = site_config(site, f"http://{onions[site.name]}", via="tor")
            # The traps are the direct end-to-end test's business; here every request
            # goes through Tor, and the crawl must find exactly the content pages.
            config["deny_url_patterns"] = [f"^https?://[^/]+{trap.prefix}" for trap in TRAPS]
            (tmp_path / "sites" / f"{site.name}.yaml").write_text(yaml.safe_dump(config))
        main = {
            "index": {"url": f"sqlite:///{index_path}"},
            "crawl": {
                "concurrency": 16,
                "download_timeout": 30,
                "state_dir": str(tmp_path / "state"),
                "log_level": "WARNING",
            },
            "tor": tor_network.attach_settings().model_dump(mode="json"),
        }
        (tmp_path / "moneytrail.yaml").write_text(yaml.safe_dump(main))
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "moneytrail.cli",
                "crawl",
                "--config",
                str(tmp_path / "moneytrail.yaml"),
                "--json",
            ],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=600,
        )
        served = server.stats()
    assert done.returncode == 0, done.stderr[-4000:]
    report = json.loads(done.stdout)
    assert report["finish_reason"] == "finished"
    assert {s["name"]: s["state"] for s in report["sites"]} == {s.name: "up" for s in sites}

    # Every content page, once, fetched through Tor, under its onion address.
    with sqlite3.connect(f"file:{index_path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT url, via FROM pages").fetchall()
    assert {via for _, via in rows} == {"tor"}
    indexed = {(urlsplit(url).hostname, unquote(urlsplit(url).path)) for url, _ in rows}
    expected = {(onions[site.name], path) for site in sites for path in site.paths()}
    assert indexed == expected
    assert served.media_url_requests == 0

    index = open_index(f"sqlite:///{index_path}")
    try:
        planted = {
            (e.kind, e.value)
            for site in sites
            for e in site.ground_truth()
            # Trap pages were denied above: their entities are not expected.
            if not e.obfuscated and e.kind in RECALL_KINDS and e.trap is None
        }
        missed = sorted(pair for pair in planted if not index.lookup(pair[1], kind=pair[0]))
    finally:
        index.close()
    # The same bar as the direct end-to-end test: Tor must not cost a single point of it.
    recall = 1 - len(missed) / len(planted)
    assert len(planted) > 50
    assert recall >= 0.95, f"recall {recall:.3f}; missed {missed[:5]}"

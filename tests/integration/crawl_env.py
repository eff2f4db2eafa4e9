"""A moneytrail installation in a temporary directory, driven through the real CLI."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from moneytrail.fixtures.generator import site_config
from moneytrail.fixtures.server import FixtureServer
from moneytrail.fixtures.site import FixtureSite
from moneytrail.fixtures.traps import TRAPS

CLI_TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class CrawlEnv:
    root: Path  # working directory of every command
    config: Path
    index: Path  # the SQLite index file

    @classmethod
    def create(
        cls,
        root: Path,
        sites: list[dict[str, Any]],
        scheduler: str | None = None,
        index: Path | None = None,
        concurrency: int = 16,
    ) -> CrawlEnv:
        config_dir = root / "config"
        (config_dir / "sites").mkdir(parents=True, exist_ok=True)
        index = index or root / "data" / "index.db"
        main: dict[str, Any] = {
            "index": {"url": f"sqlite:///{index}"},
            "crawl": {"state_dir": str(root / "state"), "concurrency": concurrency},
        }
        if scheduler is not None:
            main["scheduler"] = scheduler
        (config_dir / "moneytrail.yaml").write_text(yaml.safe_dump(main))
        for site in sites:
            (config_dir / "sites" / f"{site['name']}.yaml").write_text(yaml.safe_dump(site))
        return cls(root, config_dir / "moneytrail.yaml", index)

    @property
    def state_dir(self) -> Path:
        return self.root / "state"

    def argv(self, *args: str) -> list[str]:
        command, *rest = args
        return [
            sys.executable,
            "-m",
            "moneytrail.cli",
            command,
            "--config",
            str(self.config),
            *rest,
        ]

    def run(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.argv(*args),
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=CLI_TIMEOUT_SECONDS,
            env={**os.environ, **(env or {})},
        )

    def start(self, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
        return subprocess.Popen(
            self.argv(*args),
            cwd=self.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **(env or {})},
        )

    def json(self, *args: str) -> Any:
        done = self.run(*args, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)


def index_contents(index: Path) -> tuple[dict[str, str], dict[tuple[str, str], tuple[int, int]]]:
    """Pages (url -> body hash) and entities ((kind, value) -> (pages, mentions)) of a
    SQLite index, read straight from its tables: what "the same index" means here."""
    conn = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    try:
        pages = dict(conn.execute("SELECT url, sha256 FROM pages"))
        entities = {
            (kind, value): (pages_, mentions)
            for kind, value, pages_, mentions in conn.execute(
                "SELECT kind, value, page_count, mention_count FROM entities"
            )
        }
    finally:
        conn.close()
    return pages, entities


def fixture_site_config(site: FixtureSite, base_url: str, **overrides: Any) -> dict[str, Any]:
    """The fixture site's own config, without its traps: every crawl of it then fetches
    the same finite set of URLs, so crawls can be compared request for request."""
    config = site_config(site, base_url, via="direct")
    config["deny_url_patterns"] = [f"^https?://[^/]+{trap.prefix}" for trap in TRAPS]
    config["max_depth"] = 1000
    return config | overrides


def served_paths(server: FixtureServer, site: str) -> Counter[str]:
    """Requests the fixture server answered for ``site``, by path."""
    return Counter(
        {path: n for (name, path), n in server.stats().requests_by_path.items() if name == site}
    )

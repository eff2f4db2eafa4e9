"""`moneytrail demo`, the command `make demo` runs, end to end in a real subprocess.

Direct (no Tor) and small, so that it costs seconds: the fixture sites are served on
loopback, crawled, indexed, and the demo's own ground-truth check must find every
plainly written crypto, phone and e-mail entity. The Tor route is the Tor tests' job.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
_GROUND_TRUTH = re.compile(r"ground truth: (\d+)/(\d+) ")


def test_the_demo_crawls_indexes_and_finds_what_was_planted(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "moneytrail.cli",
            "demo",
            "--no-tor",
            "--pages",
            "50",
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
        env={**os.environ, "COLUMNS": "200"},  # rich wraps at the terminal width
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    found, planted = map(int, _GROUND_TRUTH.search(done.stdout).groups())
    assert planted > 50 and found == planted
    with sqlite3.connect(f"file:{tmp_path / 'moneytrail.db'}?mode=ro", uri=True) as db:
        pages = db.execute("SELECT count(*) FROM pages").fetchone()[0]
    assert pages > 100

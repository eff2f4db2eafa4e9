"""SQLite backend: write consistency under mixed workloads, kills, rollbacks, two writers
and bad input."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from index.model import WriteOutcome
from index.sqlite import SQLiteIndex
from index.sqlite_time import to_micros
from tests.index.builders import BTC, PHONE, at, listing, page, write_all
from tests.index.sqlite_invariants import problems

REPO = Path(__file__).resolve().parents[2]
POOL = (
    [("btc", f"bc1qtest{n:02d}") for n in range(8)]
    + [("alias", name) for name in ("DarkLord", "d4rkl0rd", "GhostPlug", "Snow_White", "Лорд")]
    + [("phone", f"+1512555{n:04d}") for n in range(6)]
)


def open_index(path: Path, **options) -> SQLiteIndex:
    return SQLiteIndex.from_url(f"sqlite:///{path}", **options)


def random_listing(rng: random.Random, url: str, hour: float):
    spots = rng.choices(POOL, k=rng.randint(0, 6))
    return listing(url, spots, words=f"version {rng.randint(0, 2)}", fetched_at=at(hour))


@pytest.mark.parametrize("batch_pages", [1, 3, 1000])
def test_mixed_new_changed_unchanged_writes_keep_every_aggregate_right(tmp_path, batch_pages):
    rng = random.Random(batch_pages)
    path = tmp_path / "index.db"
    index = open_index(path, batch_pages=batch_pages)
    latest = {}
    for step in range(400):
        url = f"http://{rng.choice('abc')}.onion/item/{rng.randrange(25)}"
        built, mentions = random_listing(rng, url, hour=step)
        outcome = index.write_page(built, mentions)
        previous = latest.get(url)
        if previous is None:
            assert outcome is WriteOutcome.NEW
        elif previous[0].sha256 == built.sha256:
            assert outcome is WriteOutcome.UNCHANGED
            continue  # the stored mentions are the previous ones
        else:
            assert outcome is WriteOutcome.CHANGED
        latest[url] = (built, mentions)
    index.close()

    assert problems(path) == []
    index = open_index(path)
    expected = Counter((m.kind, m.value) for _, mentions in latest.values() for m in mentions)
    stats = index.stats()
    assert (stats.pages, stats.mentions, stats.entities) == (
        len(latest),
        sum(expected.values()),
        len(expected),
    )
    for (kind, value), count in expected.items():
        (hit,) = index.lookup(value, kind=kind)
        assert hit.mention_count == count
    index.close()


def test_a_failed_batch_is_rolled_back_whole_and_written_on_the_next_flush(tmp_path):
    path = tmp_path / "index.db"
    index = open_index(path)
    write_all(index, listing("http://a.onion/0", [("btc", BTC)]))
    for n in range(1, 6):
        index.write_page(*listing(f"http://a.onion/{n}", [("btc", BTC), ("phone", PHONE)]))
    # Abort the batch transaction part-way, as a full disk or Ctrl-C would.
    calls = Counter()

    def abort_after_a_while() -> bool:
        calls["steps"] += 1
        return calls["steps"] > 100  # the whole batch takes ~400 calls

    index._conn.set_progress_handler(abort_after_a_while, 10)

    with pytest.raises(sqlite3.OperationalError):
        index.flush()

    index._conn.set_progress_handler(None, 0)
    assert problems(path) == []
    assert sqlite3.connect(path).execute("SELECT count(*) FROM pages").fetchone() == (1,)
    index.flush()
    assert index.lookup(BTC)[0].page_count == 6
    index.close()
    assert problems(path) == []


CRASH_WRITER = """
import sys
from index.sqlite import SQLiteIndex
from index.sqlite_time import to_micros
from tests.index.builders import at, listing

index = SQLiteIndex.from_url("sqlite:///" + sys.argv[1], batch_pages=7)
for n in range(1_000_000):
    spots = [("btc", f"bc1qcrash{n % 11}"), ("alias", f"Vendor{n % 5}"), ("phone", f"+1{n:010d}")]
    url = f"http://crash.onion/{n % 60}"
    index.write_page(*listing(url, spots, words=str(n), fetched_at=at(n)))
"""


def test_a_killed_writer_leaves_whole_batches_only(tmp_path):
    path = tmp_path / "index.db"
    open_index(path).close()
    writer = subprocess.Popen([sys.executable, "-c", CRASH_WRITER, str(path)], cwd=REPO)
    try:
        watcher = sqlite3.connect(path, timeout=30)
        deadline = time.monotonic() + 120
        # Wait until it has committed many batches and rewritten each of its 60 pages.
        rewritten = to_micros(at(130))
        while (watcher.execute("SELECT max(fetched_at) FROM pages").fetchone()[0] or 0) < rewritten:
            assert writer.poll() is None, "the writer died on its own"
            assert time.monotonic() < deadline, "the writer committed nothing in 2 minutes"
            time.sleep(0.05)
        watcher.close()
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()

    assert problems(path) == []
    index = open_index(path)
    assert index.stats().pages == 60
    index.close()


def test_two_writers_on_one_file_stay_consistent(tmp_path):
    path = tmp_path / "index.db"
    first, second = open_index(path), open_index(path)

    # Both see a new page; the second lands first, so the first's batch finds it stored.
    assert first.write_page(*listing("http://a.onion/1", [("btc", BTC)])) is WriteOutcome.NEW
    assert second.write_page(*listing("http://a.onion/1", [("phone", PHONE)])) is WriteOutcome.NEW
    second.flush()
    first.flush()

    assert second.lookup(PHONE) == []
    assert [hit.page_count for hit in second.lookup(BTC)] == [1]
    first.close()
    second.close()
    assert problems(path) == []


def test_reads_see_this_process_writes_before_a_flush(tmp_path):
    index = open_index(tmp_path / "index.db")

    index.write_page(*listing("http://a.onion/1", [("btc", BTC)]))

    assert index.page_sha256("http://a.onion/1") is not None
    assert [hit.value for hit in index.lookup(BTC)] == [BTC]
    index.close()


def test_a_naive_timestamp_is_refused(tmp_path):
    index = open_index(tmp_path / "index.db")
    built, mentions = listing("http://a.onion/1", [("btc", BTC)], fetched_at=datetime(2025, 1, 1))

    with pytest.raises(ValueError, match="no timezone"):
        index.write_page(built, mentions)
    index.close()


def test_mentions_that_contradict_their_page_are_refused_and_nothing_is_staged(tmp_path):
    path = tmp_path / "index.db"
    index = open_index(path)
    built, mentions = listing("http://a.onion/1", [("btc", BTC)])
    other, _ = listing("http://a.onion/2", [])
    beyond = page("http://a.onion/3", "short")
    too_far = replace(mentions[0], url=beyond.url)

    with pytest.raises(ValueError, match=r"is for http://a\.onion/1, not http://a\.onion/2"):
        index.write_page(other, mentions)
    with pytest.raises(ValueError, match="outside the page text"):
        index.write_page(beyond, [too_far])

    write_all(index, (built, mentions))
    stats = index.stats()
    assert (stats.pages, stats.mentions) == (1, 1)
    index.close()
    assert problems(path) == []


def test_with_no_delay_allowed_every_write_is_committed_at_once(tmp_path):
    path = tmp_path / "index.db"
    index = open_index(path, max_delay=0)
    other_process = sqlite3.connect(path)

    index.write_page(*listing("http://a.onion/1", [("btc", BTC)]))

    assert other_process.execute("SELECT count(*) FROM pages").fetchone() == (1,)
    index.close()


def test_by_default_writes_wait_for_a_batch(tmp_path):
    path = tmp_path / "index.db"
    index = open_index(path)
    other_process = sqlite3.connect(path)

    index.write_page(*listing("http://a.onion/1", [("btc", BTC)]))

    assert other_process.execute("SELECT count(*) FROM pages").fetchone() == (0,)
    index.flush()
    assert other_process.execute("SELECT count(*) FROM pages").fetchone() == (1,)
    index.close()


def test_an_absurdly_long_alias_query_is_answered(tmp_path):
    index = open_index(tmp_path / "index.db")
    write_all(index, listing("http://a.onion/1", [("alias", "x" * 40)]))

    assert index.search_alias("x" * 50_000) == []
    assert [hit.value for hit in index.search_alias("x" * 41)] == ["x" * 40]
    index.close()

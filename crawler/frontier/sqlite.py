"""A frontier in one SQLite file, for a crawl run by one process at a time.

The site lock guarantees a single process per crawl, so a lease here never expires
while its process lives; when a process is killed, the next one to open the file
queues its leases again. Every push, lease and ack is its own committed transaction
in WAL mode, so SIGKILL at any instant loses nothing that was committed.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from crawler.frontier.base import FrontierEntry, PushOutcome

QUEUED, LEASED, DONE = 0, 1, 2

SCHEMA = """
CREATE TABLE IF NOT EXISTS requests (
    key      TEXT PRIMARY KEY,
    site     TEXT NOT NULL,
    state    INTEGER NOT NULL,
    priority INTEGER NOT NULL,
    seq      INTEGER NOT NULL,
    payload  TEXT  -- NULL once done: only the key is still needed, as "seen"
);
CREATE INDEX IF NOT EXISTS requests_queue ON requests (site, priority DESC, seq)
    WHERE state = 0;
"""


class SQLiteFrontier:
    lease_seconds = None

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._conn = sqlite3.connect(path, isolation_level=None)
        # synchronous=NORMAL with WAL: a commit survives the process being killed;
        # only a power cut can drop the newest commits, and those go in order (a
        # dropped ack means a refetch, never a lost link).
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(SCHEMA)
        self.reclaimed_at_open = self._conn.execute(
            "UPDATE requests SET state = ? WHERE state = ?", (QUEUED, LEASED)
        ).rowcount
        self._seen_per_site = Counter(
            dict(self._conn.execute("SELECT site, COUNT(*) FROM requests GROUP BY site"))
        )
        self._seq = self._conn.execute("SELECT COALESCE(MAX(seq), 0) FROM requests").fetchone()[0]
        self._leased: set[str] = set()

    def push(
        self, entry: FrontierEntry, *, replaces: str | None, dont_filter: bool, budget: int
    ) -> PushOutcome:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            retry = replaces == entry.key and dont_filter
            if replaces is not None and not retry:
                self._mark_done(replaces)
            row = conn.execute("SELECT state FROM requests WHERE key = ?", (entry.key,)).fetchone()
            if row is not None:
                if not (retry or (dont_filter and row[0] == DONE)):
                    conn.execute("COMMIT")
                    return PushOutcome.DUPLICATE
                self._seq += 1
                conn.execute(
                    "UPDATE requests SET state = ?, priority = ?, seq = ?, payload = ? "
                    "WHERE key = ?",
                    (QUEUED, entry.priority, self._seq, entry.payload, entry.key),
                )
                self._leased.discard(entry.key)
                conn.execute("COMMIT")
                return PushOutcome.QUEUED
            if not dont_filter and budget and self._seen_per_site[entry.site] >= budget:
                conn.execute("COMMIT")
                return PushOutcome.OVER_BUDGET
            self._seq += 1
            conn.execute(
                "INSERT INTO requests (key, site, state, priority, seq, payload) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (entry.key, entry.site, QUEUED, entry.priority, self._seq, entry.payload),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self._seen_per_site[entry.site] += 1
        return PushOutcome.QUEUED

    def lease(self, sites: Sequence[str]) -> FrontierEntry | None:
        for site in sites:
            # fetchall: the statement runs to completion, so its autocommit happens now.
            rows = self._conn.execute(
                "UPDATE requests SET state = ? WHERE key = ("
                "  SELECT key FROM requests WHERE state = ? AND site = ?"
                "  ORDER BY priority DESC, seq LIMIT 1"
                ") RETURNING key, priority, payload",
                (LEASED, QUEUED, site),
            ).fetchall()
            if rows:
                key, priority, payload = rows[0]
                self._leased.add(key)
                return FrontierEntry(key, site, priority, payload)
        return None

    def ack(self, keys: Sequence[str]) -> None:
        with self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            for key in keys:
                self._mark_done(key)

    def renew(self) -> None:
        """Nothing to do: one process per crawl, so leases never time out."""

    def reclaim_expired(self) -> int:
        return 0

    def release(self) -> int:
        released = self._conn.execute(
            "UPDATE requests SET state = ? WHERE state = ?", (QUEUED, LEASED)
        ).rowcount
        self._leased.clear()
        return released

    def pending(self) -> bool:
        if self._leased:
            return True
        row = self._conn.execute("SELECT 1 FROM requests WHERE state = ? LIMIT 1", (QUEUED,))
        return row.fetchone() is not None

    def complete(self) -> None:
        """The file is only the crawl's memory: once it finished, it goes."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        self._conn.close()

    def _mark_done(self, key: str) -> None:
        self._conn.execute(
            "UPDATE requests SET state = ?, payload = NULL WHERE key = ?", (DONE, key)
        )
        self._leased.discard(key)

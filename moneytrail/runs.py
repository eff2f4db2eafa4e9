"""Run records: one row per crawl run, one per attempt (a process that worked on it).

They live in ``state_dir/runs.sqlite``, apart from the index, so they work the same
whichever index backend is configured. A run killed half way is resumed by a later
attempt under the same run id; the run's figures are the sums over its attempts, and
an attempt checkpoints its figures while it works, so a SIGKILL loses only the last
few seconds of them (never pages: those are in the index and the frontier).
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

RUNNING, FINISHED, INTERRUPTED = "running", "finished", "interrupted"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id           TEXT PRIMARY KEY,
    sites        TEXT NOT NULL,  -- JSON list of configured site names, sorted
    hosts        TEXT NOT NULL,  -- JSON list of their hosts (Page.site in the index)
    started_at   INTEGER NOT NULL,  -- microseconds since the epoch, UTC
    finished_at  INTEGER,
    status       TEXT NOT NULL,
    finish_reason TEXT,
    new_entities INTEGER,
    site_states  TEXT NOT NULL DEFAULT '{}'  -- JSON {site: up|slow|down|idle}
);
CREATE TABLE IF NOT EXISTS attempts (
    run_id          TEXT NOT NULL REFERENCES runs (id),
    attempt         INTEGER NOT NULL,
    host            TEXT NOT NULL,
    pid             INTEGER NOT NULL,
    started_at      INTEGER NOT NULL,
    ended_at        INTEGER,
    pages_new       INTEGER NOT NULL DEFAULT 0,
    pages_changed   INTEGER NOT NULL DEFAULT 0,
    pages_unchanged INTEGER NOT NULL DEFAULT 0,
    pages_failed    INTEGER NOT NULL DEFAULT 0,
    mentions        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, attempt)
);
CREATE INDEX IF NOT EXISTS runs_by_start ON runs (started_at);
"""


@dataclass(frozen=True, slots=True)
class RunCounters:
    pages_new: int = 0
    pages_changed: int = 0
    pages_unchanged: int = 0
    pages_failed: int = 0
    mentions: int = 0  # mentions written: those of new and changed pages

    @classmethod
    def from_stats(cls, stats: Mapping[str, Any]) -> RunCounters:
        """From a crawl's Scrapy stats (the names crawler.pipelines and the spider use)."""

        def total(prefix: str, suffix: str = "") -> int:
            return sum(
                int(v) for k, v in stats.items() if k.startswith(prefix) and k.endswith(suffix)
            )

        return cls(
            pages_new=int(stats.get("moneytrail/pages/new", 0)),
            pages_changed=int(stats.get("moneytrail/pages/changed", 0)),
            pages_unchanged=int(stats.get("moneytrail/pages/unchanged", 0)),
            pages_failed=total("moneytrail/site/", "/failed"),
            mentions=total("moneytrail/mentions/"),
        )

    @property
    def pages_fetched(self) -> int:
        return self.pages_new + self.pages_changed + self.pages_unchanged


@dataclass(frozen=True, slots=True)
class Attempt:
    run_id: str
    number: int


@dataclass(frozen=True, slots=True)
class RunRecord:
    run_id: str
    sites: tuple[str, ...]
    hosts: tuple[str, ...]
    started_at: datetime
    finished_at: datetime | None
    status: str  # running | finished | interrupted
    finish_reason: str | None
    attempts: int
    counters: RunCounters
    new_entities: int | None
    site_states: dict[str, str] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.status == FINISHED


class RunStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.executescript(SCHEMA)

    @classmethod
    def in_state_dir(cls, state_dir: Path) -> RunStore:
        return cls(state_dir / "runs.sqlite")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> RunStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------

    def start_attempt(
        self, run_id: str, sites: Sequence[str], hosts: Sequence[str], now: datetime | None = None
    ) -> Attempt:
        """Record that this process starts (or resumes) ``run_id``."""
        now = now or _now()
        with self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute(
                "INSERT INTO runs (id, sites, hosts, started_at, status) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET status = excluded.status, finished_at = NULL",
                (run_id, _json(sorted(sites)), _json(sorted(hosts)), _micros(now), RUNNING),
            )
            number = self._conn.execute(
                "SELECT COALESCE(MAX(attempt), 0) + 1 FROM attempts WHERE run_id = ?", (run_id,)
            ).fetchone()[0]
            self._conn.execute(
                "INSERT INTO attempts (run_id, attempt, host, pid, started_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (run_id, number, socket.gethostname(), os.getpid(), _micros(now)),
            )
        return Attempt(run_id, number)

    def checkpoint(self, attempt: Attempt, counters: RunCounters) -> None:
        self._conn.execute(
            "UPDATE attempts SET pages_new = ?, pages_changed = ?, pages_unchanged = ?, "
            "pages_failed = ?, mentions = ? WHERE run_id = ? AND attempt = ?",
            (
                counters.pages_new,
                counters.pages_changed,
                counters.pages_unchanged,
                counters.pages_failed,
                counters.mentions,
                attempt.run_id,
                attempt.number,
            ),
        )

    def finish_attempt(
        self,
        attempt: Attempt,
        counters: RunCounters,
        finish_reason: str,
        completed: bool,
        site_states: Mapping[str, str],
        now: datetime | None = None,
    ) -> None:
        """Close the attempt; the run is finished if ``completed``, else interrupted."""
        now = now or _now()
        with self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            self.checkpoint(attempt, counters)
            self._conn.execute(
                "UPDATE attempts SET ended_at = ? WHERE run_id = ? AND attempt = ?",
                (_micros(now), attempt.run_id, attempt.number),
            )
            self._conn.execute(
                "UPDATE runs SET status = ?, finish_reason = ?, finished_at = ?, site_states = ? "
                "WHERE id = ?",
                (
                    FINISHED if completed else INTERRUPTED,
                    finish_reason,
                    _micros(now) if completed else None,
                    _json(dict(site_states)),
                    attempt.run_id,
                ),
            )

    def set_new_entities(self, run_id: str, count: int) -> None:
        self._conn.execute("UPDATE runs SET new_entities = ? WHERE id = ?", (count, run_id))

    # -- reading ---------------------------------------------------------------------

    def reap_dead_attempts(self) -> int:
        """Runs still marked running whose process on this machine is gone (killed):
        mark them interrupted. Returns how many."""
        here = socket.gethostname()
        dead = [
            run_id
            for run_id, host, pid in self._conn.execute(
                "SELECT r.id, a.host, a.pid FROM runs r JOIN attempts a ON a.run_id = r.id "
                "WHERE r.status = ? AND a.ended_at IS NULL AND a.attempt = "
                "(SELECT MAX(attempt) FROM attempts WHERE run_id = r.id)",
                (RUNNING,),
            )
            if host == here and not _alive(pid)
        ]
        for run_id in dead:
            self._conn.execute(
                "UPDATE runs SET status = ?, finish_reason = 'killed' WHERE id = ? AND status = ?",
                (INTERRUPTED, run_id, RUNNING),
            )
        return len(dead)

    def get(self, run_id: str) -> RunRecord | None:
        rows = self._select("WHERE r.id = ?", (run_id,))
        return rows[0] if rows else None

    def latest(self, limit: int = 20) -> list[RunRecord]:
        return self._select("", (), order="r.started_at DESC", limit=limit)

    def unfinished(self, sites: Sequence[str]) -> RunRecord | None:
        """The newest run of exactly these sites that did not finish: the one to resume."""
        rows = self._select(
            "WHERE r.sites = ? AND r.status != ?",
            (_json(sorted(sites)), FINISHED),
            order="r.started_at DESC",
            limit=1,
        )
        return rows[0] if rows else None

    def previous(self, run: RunRecord) -> RunRecord | None:
        """The newest finished run of exactly the same sites that started before ``run``."""
        rows = self._select(
            "WHERE r.sites = ? AND r.status = ? AND r.started_at < ?",
            (_json(sorted(run.sites)), FINISHED, _micros(run.started_at)),
            order="r.started_at DESC",
            limit=1,
        )
        return rows[0] if rows else None

    def down_streak(self, site: str) -> int:
        """How many of the site's latest ended runs in a row found it down."""
        streak = 0
        for (states,) in self._conn.execute(
            "SELECT site_states FROM runs WHERE status != ? AND site_states != '{}' "
            "ORDER BY started_at DESC",
            (RUNNING,),
        ):
            state = json.loads(states).get(site)
            if state is None:
                continue
            if state != "down":
                break
            streak += 1
        return streak

    def _select(
        self, where: str, params: tuple[Any, ...], order: str = "r.started_at", limit: int = -1
    ) -> list[RunRecord]:
        query = (
            "SELECT r.id, r.sites, r.hosts, r.started_at, r.finished_at, r.status, "
            "r.finish_reason, r.new_entities, r.site_states, COUNT(a.attempt), "
            "COALESCE(SUM(a.pages_new), 0), COALESCE(SUM(a.pages_changed), 0), "
            "COALESCE(SUM(a.pages_unchanged), 0), COALESCE(SUM(a.pages_failed), 0), "
            "COALESCE(SUM(a.mentions), 0) "
            f"FROM runs r LEFT JOIN attempts a ON a.run_id = r.id {where} "
            f"GROUP BY r.id ORDER BY {order} LIMIT ?"
        )
        return [_record(row) for row in self._conn.execute(query, (*params, limit))]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def _record(row: Sequence[Any]) -> RunRecord:
    (run_id, sites, hosts, started, finished, status, reason, new_entities, states, attempts,
     new, changed, unchanged, failed, mentions) = row  # fmt: skip
    return RunRecord(
        run_id=run_id,
        sites=tuple(json.loads(sites)),
        hosts=tuple(json.loads(hosts)),
        started_at=_from_micros(started),
        finished_at=_from_micros(finished) if finished is not None else None,
        status=status,
        finish_reason=reason,
        attempts=attempts,
        counters=RunCounters(new, changed, unchanged, failed, mentions),
        new_entities=new_entities,
        site_states=json.loads(states),
    )


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def _now() -> datetime:
    return datetime.now(UTC)


def _micros(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


def _from_micros(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)

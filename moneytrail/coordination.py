"""Which run a crawl belongs to, and the lock that keeps runs of one site from overlapping.

Local (no ``scheduler``): one process per site at a time, enforced with ``flock`` on
``state_dir/locks/<site>.lock`` (the kernel drops it when the process dies, SIGKILL
included). A crawl without ``--run-id`` resumes the newest unfinished run of exactly
the same sites, found in the run records.

Redis (``scheduler: redis://...``): many workers, on many machines, may work on one
run; the lock refuses only a *different* run of the same site. Each worker holds a
membership with a deadline that a heartbeat thread renews, so a killed worker's
membership lapses by itself. The unfinished run of a set of sites is kept in Redis, so
workers started with the same command join the same run, and a crawl whose every
worker died is resumed by the next one to start.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import secrets
import socket
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import redis

from crawler.config import AppConfig
from crawler.frontier import parse_redis_url
from moneytrail.runs import RunStore

logger = logging.getLogger(__name__)

LOCK_TTL_SECONDS = 60.0


class SiteLockedError(RuntimeError):
    """Another run of the site is in progress. The message says which and where."""


class RunFinishedError(RuntimeError):
    """The run id names a run that already finished."""


@dataclass(frozen=True, slots=True)
class Claim:
    run_id: str
    resumed: bool  # an unfinished run is continued (or joined), not started


class Coordinator(Protocol):
    def claim(
        self, sites: Sequence[str], run_id: str | None, resume: bool, new_run_id: str
    ) -> AbstractContextManager[Claim]:
        """Lock ``sites`` for one run, held until the block ends. The run is ``run_id``
        if given; else, with ``resume``, the unfinished run of exactly these sites;
        else ``new_run_id``. Raises SiteLockedError if another run holds a site."""

    def completed(self, sites: Sequence[str], run_id: str) -> None:
        """The run finished: the next crawl of these sites starts a new run."""


def _sites_key(sites: Sequence[str]) -> str:
    return json.dumps(sorted(sites), separators=(",", ":"))


def _holder(run_id: str) -> dict[str, object]:
    return {
        "run_id": run_id,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "since": datetime.now(UTC).isoformat(timespec="seconds"),
    }


class LocalCoordinator:
    def __init__(self, state_dir: Path, store: RunStore) -> None:
        self.lock_dir = state_dir / "locks"
        self.store = store

    @contextmanager
    def claim(
        self, sites: Sequence[str], run_id: str | None, resume: bool, new_run_id: str
    ) -> Iterator[Claim]:
        self.lock_dir.mkdir(parents=True, exist_ok=True)
        with ExitStack() as held:
            files = [held.enter_context(self._flock(site)) for site in sorted(sites)]
            # Only now, holding every lock, is "unfinished" a stable answer.
            self.store.reap_dead_attempts()
            claim = self._choose(sites, run_id, resume, new_run_id)
            for handle in files:
                handle.seek(0)
                handle.truncate()
                handle.write(json.dumps(_holder(claim.run_id)))
                handle.flush()
            yield claim

    def completed(self, sites: Sequence[str], run_id: str) -> None:
        """Nothing to do: the run records say it finished."""

    def _choose(
        self, sites: Sequence[str], run_id: str | None, resume: bool, new_run_id: str
    ) -> Claim:
        if run_id is not None:
            known = self.store.get(run_id)
            if known is not None and known.finished:
                raise RunFinishedError(f"run {run_id!r} already finished; give another run id")
            return Claim(run_id, resumed=known is not None)
        unfinished = self.store.unfinished(sites) if resume else None
        if unfinished is not None:
            return Claim(unfinished.run_id, resumed=True)
        return Claim(new_run_id, resumed=False)

    @contextmanager
    def _flock(self, site: str) -> Iterator[object]:
        path = self.lock_dir / f"{site}.lock"
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held across the yield
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                raise SiteLockedError(_locked_message(site, handle.read(), str(path))) from None
            yield handle
        finally:
            handle.close()  # closing the descriptor releases the lock


def _locked_message(site: str, holder_json: str, where: str) -> str:
    try:
        holder = json.loads(holder_json)
        who = (
            f"run {holder['run_id']} (pid {holder['pid']} on {holder['host']}, "
            f"since {holder['since']})"
        )
    except (ValueError, KeyError, TypeError):
        who = "another run"
    return (
        f"site {site!r} is already being crawled by {who}; overlapping runs of a site are "
        f"not allowed: wait for it to end or stop it (lock: {where})"
    )


_NOW_MS = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
"""

# KEYS: the site's lock hash   ARGV: run id, worker, ttl ms
# The hash has field "run" and one field per live worker: its membership deadline.
_JOIN = (
    _NOW_MS
    + """
local run = redis.call('HGET', KEYS[1], 'run')
local live = 0
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  if fields[i] ~= 'run' then
    if tonumber(fields[i + 1]) < now then
      redis.call('HDEL', KEYS[1], fields[i])
    else
      live = live + 1
    end
  end
end
if live > 0 and run ~= ARGV[1] then return {0, run, live} end
redis.call('HSET', KEYS[1], 'run', ARGV[1], ARGV[2], now + tonumber(ARGV[3]))
redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[3]))
return {1, ARGV[1], live + 1}
"""
)

# KEYS: the site's lock hash   ARGV: run id, worker, ttl ms
_RENEW = (
    _NOW_MS
    + """
if redis.call('HGET', KEYS[1], 'run') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], ARGV[2], now + tonumber(ARGV[3]))
redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[3]))
return 1
"""
)

# KEYS: the site's lock hash   ARGV: worker
_LEAVE = """
redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('HLEN', KEYS[1]) <= 1 then redis.call('DEL', KEYS[1]) end
return 1
"""

# KEYS: unfinished runs hash   ARGV: sites key, run id
_FORGET_IF = """
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  return redis.call('HDEL', KEYS[1], ARGV[1])
end
return 0
"""

UNFINISHED_KEY = "moneytrail:runs:unfinished"


class RedisCoordinator:
    def __init__(self, client: redis.Redis, ttl_seconds: float = LOCK_TTL_SECONDS) -> None:
        self._redis = client
        self.ttl_ms = int(ttl_seconds * 1000)
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self._join = client.register_script(_JOIN)
        self._renew = client.register_script(_RENEW)
        self._leave = client.register_script(_LEAVE)
        self._forget_if = client.register_script(_FORGET_IF)

    @contextmanager
    def claim(
        self, sites: Sequence[str], run_id: str | None, resume: bool, new_run_id: str
    ) -> Iterator[Claim]:
        claim = self._choose(sites, run_id, resume, new_run_id)
        joined: list[str] = []
        try:
            for site in sorted(sites):
                ok, holder, workers = self._join(
                    keys=[_lock_key(site)], args=[claim.run_id, self.worker, self.ttl_ms]
                )
                if not ok:
                    raise SiteLockedError(
                        f"site {site!r} is already being crawled by run {holder.decode()} "
                        f"({workers} worker(s) alive); overlapping runs of a site are not "
                        "allowed: wait for it to end, or start this worker with that run id"
                    )
                joined.append(site)
            with self._heartbeat(claim.run_id, joined):
                yield claim
        finally:
            for site in joined:
                self._leave(keys=[_lock_key(site)], args=[self.worker])

    def completed(self, sites: Sequence[str], run_id: str) -> None:
        self._forget_if(keys=[UNFINISHED_KEY], args=[_sites_key(sites), run_id])

    def _choose(
        self, sites: Sequence[str], run_id: str | None, resume: bool, new_run_id: str
    ) -> Claim:
        key = _sites_key(sites)
        if run_id is not None or not resume:
            chosen = run_id or new_run_id
            previous = self._redis.hget(UNFINISHED_KEY, key)
            self._redis.hset(UNFINISHED_KEY, key, chosen)
            return Claim(chosen, resumed=previous is not None and previous.decode() == chosen)
        # Workers started at the same moment race here; HSETNX makes one run id win.
        self._redis.hsetnx(UNFINISHED_KEY, key, new_run_id)
        chosen = self._redis.hget(UNFINISHED_KEY, key).decode()
        return Claim(chosen, resumed=chosen != new_run_id)

    @contextmanager
    def _heartbeat(self, run_id: str, sites: Sequence[str]) -> Iterator[None]:
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(self.ttl_ms / 3000):
                try:
                    for site in sites:
                        if not self._renew(
                            keys=[_lock_key(site)], args=[run_id, self.worker, self.ttl_ms]
                        ):
                            logger.error("lost the lock of site %s to another run", site)
                except redis.RedisError:
                    logger.exception("cannot renew site locks in redis; retrying")

        thread = threading.Thread(target=beat, name="moneytrail-lock-heartbeat", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()


def _lock_key(site: str) -> str:
    return f"moneytrail:lock:{site}"


def coordinator_for(app: AppConfig, store: RunStore) -> Coordinator:
    if app.scheduler is None:
        return LocalCoordinator(app.crawl.state_dir, store)
    client_url, _ = parse_redis_url(app.scheduler)
    return RedisCoordinator(redis.Redis.from_url(client_url))

"""The crawl frontier: which requests are waiting, taken and done, kept outside the
crawler process so that a killed crawl resumes and several processes share one crawl.

``scheduler`` unset: one SQLite file per run under ``state_dir/frontier/``.
``scheduler: redis://host:port/db``: one shared frontier per run id in Redis; the
optional query parameter ``lease_seconds`` (default 120) is how long a dead worker's
requests stay taken before another worker crawls them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.frontier.base import Frontier, FrontierEntry, PushOutcome

DEFAULT_LEASE_SECONDS = 120.0
REDIS_SCHEMES = ("redis", "rediss", "unix")
RUN_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.:-]{1,100}$")


class FrontierURLError(ValueError):
    """The scheduler URL names no frontier we have, or has a bad parameter."""


def local_frontier_path(state_dir: Path, run_id: str) -> Path:
    return state_dir / "frontier" / f"{run_id}.sqlite"


def check_run_id(run_id: str) -> None:
    """Run ids name files and Redis keys: a short, plain word."""
    if not RUN_ID_PATTERN.match(run_id):
        raise FrontierURLError(f"run id {run_id!r}: use up to 100 letters, digits, _ . : -")


def open_frontier(
    scheduler_url: str | None, run_id: str, sites: Sequence[str], state_dir: Path
) -> Frontier:
    check_run_id(run_id)
    if scheduler_url is None:
        from crawler.frontier.sqlite import SQLiteFrontier

        return SQLiteFrontier(local_frontier_path(state_dir, run_id))
    client_url, lease_seconds = parse_redis_url(scheduler_url)
    import redis

    from crawler.frontier.redis import RedisFrontier

    return RedisFrontier(redis.Redis.from_url(client_url), run_id, sites, lease_seconds)


def parse_redis_url(url: str) -> tuple[str, float]:
    """The URL for the redis client (our own parameters removed) and the lease length."""
    parts = urlsplit(url)
    if parts.scheme not in REDIS_SCHEMES:
        raise FrontierURLError(
            f"scheduler {url!r}: use redis://host:port/db (or rediss://, unix://)"
        )
    query = parse_qsl(parts.query, keep_blank_values=True)
    ours = dict(q for q in query if q[0] == "lease_seconds")
    rest = [q for q in query if q[0] != "lease_seconds"]
    lease_seconds = DEFAULT_LEASE_SECONDS
    if "lease_seconds" in ours:
        try:
            lease_seconds = float(ours["lease_seconds"])
        except ValueError:
            lease_seconds = 0.0
        if not lease_seconds > 0:
            raise FrontierURLError(f"scheduler {url!r}: lease_seconds must be a positive number")
    return urlunsplit(parts._replace(query=urlencode(rest))), lease_seconds


__all__ = [
    "Frontier",
    "FrontierEntry",
    "FrontierURLError",
    "PushOutcome",
    "check_run_id",
    "local_frontier_path",
    "open_frontier",
    "parse_redis_url",
]

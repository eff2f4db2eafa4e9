"""A frontier in Redis, shared by any number of crawler processes on any machines.

Why not scrapy-redis (0.9.1): its scheduler pops a request off the shared queue, so a
worker killed between the pop and the fetch loses that request for good, and its last
release predates Scrapy's async ``start()``. Here a taken request is *leased*: it moves
to a sorted set scored by a deadline, the worker renews its leases while it lives, and
any worker queues expired leases again. Each state change is one Lua script, so it is
atomic however many workers race. Deadlines use the Redis server's clock, so the
workers' clocks do not matter. Payloads are JSON (see codec), never pickle.

All keys of one crawl share the hash tag ``{run id}``: one slot in a Redis Cluster.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Sequence

import redis

from crawler.frontier.base import FrontierEntry, PushOutcome

# Scores are ``-priority * 2**32 + sequence``: ZPOPMIN gives the highest priority
# first and, within a priority, the oldest push.
SEQUENCE_SPAN = 2**32
RECLAIM_BATCH = 500
# After the crawl, its seen set stays this long, so a late worker joining the same run
# id finds every page done instead of starting the crawl over.
KEEP_SEEN_SECONDS = 7 * 24 * 3600

_NOW_MS = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
"""

# KEYS: seen, queue, payload, site, score, leases, owner, seq
# ARGV: key, site, priority, payload, replaces, dont_filter, budget
PUSH = """
local key, site, payload, replaces = ARGV[1], ARGV[2], ARGV[4], ARGV[5]
local priority, budget = tonumber(ARGV[3]), tonumber(ARGV[7])
local dont_filter = ARGV[6] == '1'
local retry = replaces == key and dont_filter
if replaces ~= '' and not retry then
  redis.call('ZREM', KEYS[6], replaces)
  redis.call('HDEL', KEYS[7], replaces)
  redis.call('HDEL', KEYS[3], replaces)
  redis.call('HDEL', KEYS[4], replaces)
  redis.call('HDEL', KEYS[5], replaces)
end
if redis.call('SISMEMBER', KEYS[1], key) == 1 then
  local open = redis.call('HEXISTS', KEYS[3], key) == 1
  if not (retry or (dont_filter and not open)) then return 'duplicate' end
elseif not dont_filter and budget > 0 and redis.call('SCARD', KEYS[1]) >= budget then
  return 'over_budget'
end
redis.call('ZREM', KEYS[6], key)
redis.call('HDEL', KEYS[7], key)
redis.call('SADD', KEYS[1], key)
local score = -priority * SEQUENCE_SPAN + redis.call('INCR', KEYS[8])
redis.call('HSET', KEYS[3], key, payload)
redis.call('HSET', KEYS[4], key, site)
redis.call('HSET', KEYS[5], key, score)
redis.call('ZADD', KEYS[2], score, key)
return 'queued'
""".replace("SEQUENCE_SPAN", str(SEQUENCE_SPAN))

# KEYS: leases, owner, payload, queue...   ARGV: lease_ms, worker
LEASE = (
    _NOW_MS
    + """
local deadline = now + tonumber(ARGV[1])
for i = 4, #KEYS do
  while true do
    local popped = redis.call('ZPOPMIN', KEYS[i])
    if #popped == 0 then break end
    local payload = redis.call('HGET', KEYS[3], popped[1])
    if payload then
      redis.call('ZADD', KEYS[1], deadline, popped[1])
      redis.call('HSET', KEYS[2], popped[1], ARGV[2])
      return {i - 4, popped[1], payload, popped[2]}
    end
  end
end
return false
"""
)

# KEYS: leases, owner   ARGV: lease_ms, worker, key...
RENEW = (
    _NOW_MS
    + """
local deadline = now + tonumber(ARGV[1])
local renewed = 0
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[2], ARGV[i]) == ARGV[2] then
    redis.call('ZADD', KEYS[1], 'XX', deadline, ARGV[i])
    renewed = renewed + 1
  end
end
return renewed
"""
)

_REQUEUE = """
local function requeue(key)
  redis.call('ZREM', KEYS[1], key)
  redis.call('HDEL', KEYS[2], key)
  local site = redis.call('HGET', KEYS[3], key)
  if site then redis.call('ZADD', ARGV[1] .. site, redis.call('HGET', KEYS[4], key), key) end
end
"""

# KEYS: leases, owner, site, score   ARGV: queue key prefix, limit
RECLAIM = (
    _NOW_MS
    + _REQUEUE
    + """
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[2]))
for _, key in ipairs(expired) do requeue(key) end
return #expired
"""
)

# KEYS: leases, owner, site, score   ARGV: queue key prefix, worker, key...
RELEASE = (
    _REQUEUE
    + """
local released = 0
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[2], ARGV[i]) == ARGV[2] then
    requeue(ARGV[i])
    released = released + 1
  end
end
return released
"""
)

# KEYS: leases, owner, payload, site, score   ARGV: key...
ACK = """
for _, key in ipairs(ARGV) do
  redis.call('ZREM', KEYS[1], key)
  for i = 2, 5 do redis.call('HDEL', KEYS[i], key) end
end
return #ARGV
"""


class RedisFrontier:
    def __init__(
        self,
        client: redis.Redis,
        run_id: str,
        sites: Sequence[str],
        lease_seconds: float,
        worker: str | None = None,
    ) -> None:
        self._redis = client
        self.prefix = f"moneytrail:frontier:{{{run_id}}}"
        self.sites = list(sites)
        self.lease_seconds = lease_seconds
        # Expired leases are found by any worker's periodic reclaim, not at open.
        self.reclaimed_at_open = 0
        self.lease_ms = int(lease_seconds * 1000)
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self._leased: set[str] = set()
        self._push = client.register_script(PUSH)
        self._lease = client.register_script(LEASE)
        self._renew = client.register_script(RENEW)
        self._reclaim = client.register_script(RECLAIM)
        self._release = client.register_script(RELEASE)
        self._ack = client.register_script(ACK)

    def key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def queue_key(self, site: str) -> str:
        return self.key(f"queue:{site}")

    def push(
        self, entry: FrontierEntry, *, replaces: str | None, dont_filter: bool, budget: int
    ) -> PushOutcome:
        outcome = self._push(
            keys=[
                self.key(f"seen:{entry.site}"),
                self.queue_key(entry.site),
                *self._entry_keys(),
                self.key("leases"),
                self.key("owner"),
                self.key("seq"),
            ],
            args=[
                entry.key,
                entry.site,
                entry.priority,
                entry.payload,
                replaces or "",
                int(dont_filter),
                budget,
            ],
        )
        if replaces is not None:
            self._leased.discard(replaces)
        return PushOutcome(outcome.decode() if isinstance(outcome, bytes) else outcome)

    def lease(self, sites: Sequence[str]) -> FrontierEntry | None:
        if not sites:
            return None
        found = self._lease(
            keys=[
                self.key("leases"),
                self.key("owner"),
                self.key("payload"),
                *(self.queue_key(s) for s in sites),
            ],
            args=[self.lease_ms, self.worker],
        )
        if not found:
            return None
        index, key, payload, score = found
        key = key.decode()
        self._leased.add(key)
        priority = -(int(float(score)) // SEQUENCE_SPAN)
        return FrontierEntry(key, sites[index], priority, payload.decode())

    def ack(self, keys: Sequence[str]) -> None:
        if keys:
            self._ack(
                keys=[self.key("leases"), self.key("owner"), *self._entry_keys()],
                args=list(keys),
            )
            self._leased.difference_update(keys)

    def renew(self) -> None:
        if self._leased:
            self._renew(
                keys=[self.key("leases"), self.key("owner")],
                args=[self.lease_ms, self.worker, *sorted(self._leased)],
            )

    def reclaim_expired(self) -> int:
        return int(
            self._reclaim(
                keys=self._requeue_keys(),
                args=[self.key("queue:"), RECLAIM_BATCH],
            )
        )

    def release(self) -> int:
        if not self._leased:
            return 0
        released = self._release(
            keys=self._requeue_keys(),
            args=[self.key("queue:"), self.worker, *sorted(self._leased)],
        )
        self._leased.clear()
        return int(released)

    def pending(self) -> bool:
        if self._leased:
            return True
        # One MULTI: read apart, a lease taken between the two reads would look like an
        # empty queue and no leases, and this worker would end the crawl too early.
        pipe = self._redis.pipeline(transaction=True)
        pipe.zcard(self.key("leases"))
        for site in self.sites:
            pipe.zcard(self.queue_key(site))
        return any(pipe.execute())

    def complete(self) -> None:
        pipe = self._redis.pipeline(transaction=True)
        for site in self.sites:
            pipe.expire(self.key(f"seen:{site}"), KEEP_SEEN_SECONDS)
        pipe.expire(self.key("seq"), KEEP_SEEN_SECONDS)
        pipe.execute()

    def close(self) -> None:
        self._redis.close()

    def _entry_keys(self) -> list[str]:
        return [self.key("payload"), self.key("site"), self.key("score")]

    def _requeue_keys(self) -> list[str]:
        return [self.key("leases"), self.key("owner"), self.key("site"), self.key("score")]

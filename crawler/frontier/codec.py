"""Requests as JSON text, so a frontier can hold them on disk or in a shared Redis.

JSON rather than pickle (what Scrapy's disk queues use): a Redis frontier is shared by
many machines, and unpickling what another machine wrote would let anyone able to
write to Redis run code on every crawler.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from scrapy import Request, Spider
from scrapy.utils.request import request_from_dict

logger = logging.getLogger(__name__)

# Meta keys that only make sense inside the process that set them.
PROCESS_LOCAL_META = frozenset({"download_latency", "_slot"})
_warned: set[str] = set()


class RequestCodecError(ValueError):
    """A stored request could not be turned back into a Request."""


def encode_request(request: Request, spider: Spider, drop_meta: frozenset[str]) -> str:
    """JSON text for ``request``; its callback and errback must be methods of ``spider``.

    Headers and body are bytes; latin-1 maps every byte to one code point, so they
    survive the trip through JSON text unchanged.
    """
    data = request.to_dict(spider=spider)
    data["headers"] = {
        _latin1(name): [_latin1(value) for value in values]
        for name, values in data["headers"].items()
    }
    data["body"] = _latin1(data["body"])
    data["meta"] = _portable_meta(data["meta"], drop_meta | PROCESS_LOCAL_META)
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def decode_request(text: str, spider: Spider) -> Request:
    try:
        data: dict[str, Any] = json.loads(text)
        data["headers"] = {
            name.encode("latin-1"): [value.encode("latin-1") for value in values]
            for name, values in data["headers"].items()
        }
        data["body"] = data["body"].encode("latin-1")
        return request_from_dict(data, spider=spider)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RequestCodecError(f"stored request is unreadable: {exc}") from exc


def _latin1(value: bytes | str) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else value


def _portable_meta(meta: dict[str, Any], drop: frozenset[str]) -> dict[str, Any]:
    # A value another process cannot rebuild (a live object a middleware attached) is
    # left out rather than failing the crawl; it is logged so a surprise is visible.
    portable = {}
    for key, value in meta.items():
        if key in drop:
            continue
        try:
            json.dumps(value)
        except (TypeError, ValueError):
            if key not in _warned:
                _warned.add(key)
                logger.warning("request meta %r is not JSON; it stays in this process", key)
            continue
        portable[key] = value
    return portable

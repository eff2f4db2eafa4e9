"""A loopback HTTP server that answers like Elasticsearch for the endpoints moneytrail uses.

No Elasticsearch can run on the development machines, so the backend is checked against
this: it records every request (method, path, headers, parsed body) and answers the
way a real server does where the backend's behaviour depends on it — version info and
the product header, refusal of a foreign ``compatible-with`` major, real-time document
GETs and bulk writes against an in-memory store, and the two entity aggregations. Other
searches return canned answers the test queues.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

_COMPAT = re.compile(r"compatible-with=(\d+)")


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any  # parsed JSON, a list of parsed NDJSON lines, or None


@dataclass
class FakeElasticsearch:
    version: str = "9.1.0"
    port: int = 0
    product_header: bool = True
    requests: list[Request] = field(default_factory=list)
    docs: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    indices: set[str] = field(default_factory=set)
    templates: dict[str, Any] = field(default_factory=dict)
    # While set, every bulk request is answered with this status (503, 429...).
    bulk_refusal: int | None = None
    # While set, every request is answered with this status (401, 403...).
    refusal: int | None = None
    # Document id -> (status, error type) for bulk items, answered once each.
    item_failures: dict[str, tuple[int, str]] = field(default_factory=dict)
    # Index -> queued answers for searches this fake does not compute.
    search_answers: dict[str, deque[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(deque)
    )

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), _handler(self))
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        """Stop like a killed server: kept-alive client connections are cut too."""
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            for connection in self._connections:
                with contextlib.suppress(OSError):  # already closed by the client
                    connection.shutdown(socket.SHUT_RDWR)

    def requests_to(self, method: str, path_pattern: str) -> list[Request]:
        return [
            r for r in self.requests if r.method == method and re.fullmatch(path_pattern, r.path)
        ]

    # -- request handling ----------------------------------------------------------------

    def handle(self, request: Request) -> tuple[int, Any]:
        major = int(self.version.split(".")[0])
        for name in ("accept", "content-type"):
            found = _COMPAT.search(request.headers.get(name, ""))
            if found and int(found.group(1)) not in (major, major - 1):
                return 400, _error(
                    "media_type_header_exception",
                    "Invalid media-type value on headers [Accept, Content-Type]",
                )
        with self._lock:
            self.requests.append(request)
            if self.refusal is not None:
                return self.refusal, _error("security_exception", f"answering {self.refusal}")
            return self._route(request)

    def _route(self, request: Request) -> tuple[int, Any]:
        method, parts = request.method, [p for p in request.path.split("/") if p]
        if method == "GET" and not parts:
            return 200, {
                "name": "fake",
                "cluster_name": "moneytrail-test",
                "version": {"number": self.version, "build_flavor": "default"},
                "tagline": "You Know, for Search",
            }
        if method == "HEAD" and len(parts) == 1:
            return (200 if all(i in self.indices for i in parts[0].split(",")) else 404), None
        if (
            method == "PUT"
            and len(parts) == 2
            and parts[0] in ("_component_template", "_index_template")
        ):
            self.templates[f"{parts[0]}/{parts[1]}"] = request.body
            return 200, {"acknowledged": True}
        if method in ("GET", "POST") and len(parts) == 2 and parts[1] == "_mget":
            docs = [self._get(parts[0], i, request.query)[1] for i in request.body["ids"]]
            return 200, {"docs": docs}
        if method in ("PUT", "POST") and parts == ["_bulk"]:
            return self._bulk(request.body)
        if method == "PUT" and len(parts) == 1:
            if parts[0] in self.indices:
                return 400, _error(
                    "resource_already_exists_exception", f"index [{parts[0]}] exists"
                )
            self.indices.add(parts[0])
            return 200, {"acknowledged": True, "index": parts[0]}
        if (
            method == "DELETE"
            and len(parts) == 2
            and parts[0] in ("_component_template", "_index_template")
        ):
            found = self.templates.pop(f"{parts[0]}/{parts[1]}", None) is not None
            return (
                (200, {"acknowledged": True})
                if found
                else (404, _error("resource_not_found_exception", parts[1]))
            )
        if method == "DELETE" and len(parts) == 1:
            for name in parts[0].split(","):
                self.indices.discard(name)
                self.docs.pop(name, None)
            return 200, {"acknowledged": True}
        if method == "PUT" and len(parts) == 2 and parts[1] == "_mapping":
            return 200, {"acknowledged": True}
        if method == "GET" and len(parts) == 3 and parts[1] == "_doc":
            return self._get(parts[0], parts[2], request.query)
        if method == "POST" and len(parts) == 2 and parts[1] == "_refresh":
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        if method == "POST" and len(parts) == 2 and parts[1] == "_search":
            return 200, self._search(parts[0], request.body)
        return 404, _error("fake_not_implemented", f"{method} {request.path}")

    def _get(self, index: str, doc_id: str, query: dict[str, list[str]]) -> tuple[int, Any]:
        doc = self.docs[index].get(doc_id)
        if doc is None:
            return 404, {"_index": index, "_id": doc_id, "found": False}
        includes = query.get("_source_includes", [""])[0].split(",")
        source = {k: v for k, v in doc.items() if k in includes} if includes != [""] else doc
        return 200, {"_index": index, "_id": doc_id, "found": True, "_source": source}

    def _bulk(self, lines: list[dict[str, Any]]) -> tuple[int, Any]:
        if self.bulk_refusal is not None:
            status = self.bulk_refusal
            return status, _error("fake_overload", f"answering {status} on purpose")
        items = []
        position = 0
        while position < len(lines):
            ((op, meta),) = lines[position].items()
            position += 1
            source = None
            if op != "delete":
                source = lines[position]
                position += 1
            index, doc_id = meta["_index"], meta["_id"]
            if doc_id in self.item_failures:
                status, kind = self.item_failures.pop(doc_id)
                items.append(
                    {
                        op: {
                            "_index": index,
                            "_id": doc_id,
                            "status": status,
                            "error": {"type": kind, "reason": "on purpose"},
                        }
                    }
                )
                continue
            store = self.docs[index]
            status = 200
            if op == "index":
                status = 200 if doc_id in store else 201
                store[doc_id] = source
            elif op == "update":
                store[doc_id] = {**store[doc_id], **source["doc"]}
            elif op == "delete":
                status = 200 if store.pop(doc_id, None) is not None else 404
            items.append({op: {"_index": index, "_id": doc_id, "status": status}})
        errors = any(not 200 <= next(iter(i.values()))["status"] < 300 for i in items)
        return 200, {"took": 1, "errors": errors, "items": items}

    def _search(self, index: str, body: dict[str, Any]) -> dict[str, Any]:
        terms = body.get("aggs", {}).get("entity", {}).get("terms", {})
        if "include" in terms:
            return self._entity_aggregation(index, terms["field"], terms["include"])
        if self.search_answers[index]:
            return self.search_answers[index].popleft()
        return {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}

    def _entity_aggregation(self, index: str, field_name: str, keys: list[str]) -> dict[str, Any]:
        buckets = []
        for key in keys:
            docs = [
                d
                for d in self.docs[index].values()
                if key in (d[field_name] if isinstance(d[field_name], list) else [d[field_name]])
            ]
            if not docs:
                continue
            bucket: dict[str, Any] = {"key": key, "doc_count": len(docs)}
            if field_name == "entities":
                latest = max(docs, key=lambda d: datetime.fromisoformat(d["fetched_at"]))
                bucket["last_seen"] = _top_hit({"fetched_at": latest["fetched_at"]})
                sites = sorted({d["site"] for d in docs})
                bucket["sites"] = {
                    "buckets": [
                        {"key": s, "doc_count": sum(d["site"] == s for d in docs)} for s in sites
                    ]
                }
            else:
                earliest = min(docs, key=lambda d: datetime.fromisoformat(d["first_seen"]))
                bucket["first_seen"] = _top_hit({"first_seen": earliest["first_seen"]})
            buckets.append(bucket)
        return {
            "hits": {"total": {"value": len(buckets), "relation": "eq"}, "hits": []},
            "aggregations": {"entity": {"buckets": buckets}},
        }


def _top_hit(source: dict[str, Any]) -> dict[str, Any]:
    return {"hits": {"total": {"value": 1, "relation": "eq"}, "hits": [{"_source": source}]}}


def _error(kind: str, reason: str) -> dict[str, Any]:
    return {
        "error": {"root_cause": [{"type": kind, "reason": reason}], "type": kind, "reason": reason},
        "status": 400,
    }


def _handler(fake: FakeElasticsearch) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as separate writes

        def setup(self) -> None:
            super().setup()
            with fake._lock:
                fake._connections.add(self.connection)

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            parts = urlsplit(self.path)
            body: Any = None
            if raw:
                if "ndjson" in headers.get("content-type", ""):
                    body = [json.loads(line) for line in raw.decode().splitlines() if line.strip()]
                else:
                    body = json.loads(raw)
            request = Request(
                self.command, unquote(parts.path), parse_qs(parts.query), headers, body
            )
            status, answer = fake.handle(request)
            payload = b"" if answer is None else json.dumps(answer).encode()
            self.send_response(status)
            found = _COMPAT.search(headers.get("accept", ""))
            if found:
                content_type = (
                    f"application/vnd.elasticsearch+json;compatible-with={found.group(1)}"
                )
            else:
                content_type = "application/json"
            self.send_header("Content-Type", content_type)
            if fake.product_header:
                self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = _serve

        def log_message(self, *args: object) -> None:
            pass

    return Handler

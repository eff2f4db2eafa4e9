"""IndexBackend on Elasticsearch 8.x / 9.x, with the official client.

Request bodies are built in index.elastic_bodies; this module sends them, decides what
is unavailable (spool and retry later) and what is refused, and reads answers back into
the model. Semantics are those of index.sqlite (tests/index/ checks both).

Writing: pages are batched. Each write reads the stored page with a real-time GET (body
hash, mention ids, entities), so its outcome is known at once and a changed page's old
mentions are deleted by id without waiting for a refresh. A batch is sent in three bulk
steps: the mentions, then the page documents of the pages whose mentions all landed,
then the recomputed aggregates of every entity the batch touched. Anything that fails
goes to the spool (index.spool) and is replayed when Elasticsearch answers again; a
connectivity problem never raises out of write_page, so the crawl goes on.

Compatibility: elasticsearch-py 9 asks for ``compatible-with=9`` media types, which an 8.x
server refuses (400 media_type_header_exception). The client cannot be told otherwise —
every API method sets its own Accept/Content-Type — so a Transport subclass rewrites the
``compatible-with`` parameter of those two headers: first to plain JSON to read the
server's version, then to the server's major version.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from elastic_transport import ApiError, HttpHeaders, Transport, TransportError
from elastic_transport.client_utils import DEFAULT
from elasticsearch import BadRequestError, Elasticsearch, UnsupportedProductError
from elasticsearch import __versionstr__ as CLIENT_VERSION
from elasticsearch.helpers import streaming_bulk

from index import elastic_bodies as bodies
from index.folding import alias_match_score, fold_alias
from index.model import (
    ConnectedEntity,
    Cooccurrence,
    EntityHit,
    EntityView,
    Evidence,
    IndexStats,
    KindCount,
    Mention,
    Page,
    PageHit,
    WriteOutcome,
)
from index.spool import DeliveryDeferred, Rejection, ReplayReport, Spool, SpoolItem

log = logging.getLogger(__name__)

CLIENT_MAJOR = int(CLIENT_VERSION.partition(".")[0])
OLDEST_SERVER_MAJOR = 8
_INDEX_PREFIX = re.compile(r"[a-z0-9][a-z0-9._-]{0,200}")
_COMPAT_PARAMETER = re.compile(r"compatible-with=\d+")
_COMPAT_MEDIA_TYPE = re.compile(
    r"application/vnd\.elasticsearch\+([\w-]+)\s*;\s*compatible-with=\d+"
)


class ElasticIndexError(RuntimeError):
    """Elasticsearch is unavailable for a read, or refused what we asked; the message says."""


class CompatibilityTransport(Transport):
    """Rewrites the ``compatible-with`` media type parameter the client sends.

    ``compatible_with`` None: plain ``application/json`` (every server since 7.x accepts
    it; used to read the version). An int: ask for that major's REST API format.
    """

    compatible_with: int | None = None

    def perform_request(  # type: ignore[override]
        self, method: str, target: str, *, headers: Any = DEFAULT, **kwargs: Any
    ) -> Any:
        if headers is not DEFAULT and headers is not None:
            headers = compatibility_headers(headers, self.compatible_with)
        return super().perform_request(method, target, headers=headers, **kwargs)


def compatibility_headers(headers: Mapping[str, str], major: int | None) -> HttpHeaders:
    rewritten = HttpHeaders(headers)
    for name in ("accept", "content-type"):
        value = rewritten.get(name)
        if value is None:
            continue
        if major is None:
            rewritten[name] = _COMPAT_MEDIA_TYPE.sub(r"application/\1", value)
        else:
            rewritten[name] = _COMPAT_PARAMETER.sub(f"compatible-with={major}", value)
    return rewritten


def compatibility_for(server_version: str) -> int:
    """The compatible-with major to send to a server of this version."""
    try:
        major = int(server_version.split(".")[0])
    except ValueError:
        raise ElasticIndexError(f"unreadable Elasticsearch version {server_version!r}") from None
    if major < OLDEST_SERVER_MAJOR:
        raise ElasticIndexError(
            f"Elasticsearch {server_version} is too old: moneytrail needs 8.x or 9.x"
        )
    # A newer server still speaks the previous major's format (compatible-with=N-1).
    return min(major, CLIENT_MAJOR)


def _unavailable_status(status: object) -> bool:
    """Statuses that mean "not now" rather than "not this": no answer, overloaded, down,
    or credentials refused (fixing them later must not cost the pages written meanwhile)."""
    return not isinstance(status, int) or status in (401, 403, 429) or status >= 500


def _is_unavailable(exc: BaseException) -> bool:
    if isinstance(exc, ApiError):
        return _unavailable_status(exc.status_code)
    return isinstance(exc, TransportError)  # connection refused, timeout, TLS, ...


# What a write can meet without it being a bug of ours: spooled, never raised.
_WRITE_ERRORS = (ApiError, TransportError, ElasticIndexError)


@dataclass(slots=True)
class _Delivery:
    """What happened to each item of a batch (by position)."""

    unavailable: dict[int, str] = field(default_factory=dict)
    rejected: dict[int, str] = field(default_factory=dict)

    def fail(self, positions: Iterable[int], reason: str, unavailable: bool) -> None:
        target = self.unavailable if unavailable else self.rejected
        for position in positions:
            if position not in self.unavailable and position not in self.rejected:
                target[position] = reason

    def failed(self, position: int) -> bool:
        return position in self.unavailable or position in self.rejected


class ElasticIndex:
    def __init__(
        self,
        client: Elasticsearch,
        *,
        url: str,
        prefix: str = "moneytrail",
        spool: Spool,
        templates_dir: Path = bodies.TEMPLATES_DIR,
        batch_pages: int = 500,
        bulk_max_retries: int = 3,
        bulk_initial_backoff: float = 2.0,
        reconnect_interval: float = 30.0,
        replay_on_connect: bool = True,
    ) -> None:
        if batch_pages < 1:
            raise ValueError("batch_pages must be at least 1")
        if not _INDEX_PREFIX.fullmatch(prefix):
            raise ValueError(
                f"index prefix {prefix!r} must be lowercase letters, digits, '.', '_' or '-'"
                " and start with a letter or digit (Elasticsearch index names)"
            )
        self.url = url
        self.names = bodies.IndexNames.for_prefix(prefix)
        self.templates = bodies.load_templates(prefix, templates_dir)
        self.spool = spool
        self.server_version: str | None = None
        self._client = client
        self._transport: CompatibilityTransport = client.transport  # type: ignore[assignment]
        self._batch_pages = batch_pages
        self._bulk_max_retries = bulk_max_retries
        self._bulk_initial_backoff = bulk_initial_backoff
        self._reconnect_interval = reconnect_interval
        self._reconnect_at = 0.0
        self._pending: list[tuple[SpoolItem, bodies.PageWrite]] = []
        self._known: dict[str, bodies.StoredPage | None] = {}  # page_sha256 read-ahead
        self._unrefreshed = False
        self._replay_on_connect = replay_on_connect
        self._spooling = False  # pages have been spooled since the last connection

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        prefix: str = "moneytrail",
        api_key: str | None = None,
        username: str | None = None,
        password: str | None = None,
        ca_certs: Path | str | None = None,
        verify_certs: bool = True,
        spool_dir: Path | str = Path("state/spool"),
        request_timeout: float = 30.0,
        max_retries: int = 2,
        replay_on_open: bool = True,
        **options: Any,
    ) -> ElasticIndex:
        """Connect (or start offline, spooling, if the server does not answer yet).

        Spooled items are replayed as soon as the server answers, unless
        ``replay_on_open`` is False (``moneytrail index replay`` replays itself, to report).
        """
        if api_key and (username or password):
            raise ElasticIndexError("give either an API key or a username/password, not both")
        if (username is None) != (password is None):
            raise ElasticIndexError("basic authentication needs both a username and a password")
        client = Elasticsearch(
            url,
            api_key=api_key,
            basic_auth=(username, password) if username is not None else None,
            ca_certs=str(ca_certs) if ca_certs else None,
            verify_certs=verify_certs,
            request_timeout=request_timeout,
            max_retries=max_retries,
            retry_on_timeout=True,
            transport_class=CompatibilityTransport,
        )
        index = cls(
            client,
            url=url,
            prefix=prefix,
            spool=Spool(Path(spool_dir)),
            replay_on_connect=replay_on_open,
            **options,
        )
        index._connect_for_writing()
        return index

    # -- connection ----------------------------------------------------------------------

    def _connect(self) -> None:
        """Read the server version, pick the compatibility headers, make sure indices exist.

        Raises what the client raises when the server is unavailable, ElasticIndexError
        when it answers but is not a usable Elasticsearch.
        """
        self._transport.compatible_with = None
        try:
            info = self._client.info()
        except UnsupportedProductError:
            raise ElasticIndexError(f"{self.url} answers, but is not Elasticsearch") from None
        except ApiError as exc:
            if _is_unavailable(exc):
                raise
            raise ElasticIndexError(f"Elasticsearch at {self.url} refused us: {exc}") from None
        version = str(info["version"]["number"])
        self._transport.compatible_with = compatibility_for(version)
        if not self._client.indices.exists(index=self.names.all()):
            self._install()
        self.server_version = version

    def _connect_for_writing(self) -> bool:
        """True when connected; False (offline, writes spool) when unavailable."""
        if self.server_version is not None:
            return True
        if time.monotonic() < self._reconnect_at:
            return False
        try:
            self._connect()
        except _WRITE_ERRORS as exc:
            if not _is_unavailable(exc):
                raise
            self._go_offline(exc)
            return False
        log.info("connected to Elasticsearch %s at %s", self.server_version, self.url)
        self._spooling = False
        if self._replay_on_connect and self.spool.segments():
            report = self.replay_spool()
            log.info("spool replay: %s", report)
            if report.deferred is not None:
                self._go_offline(ElasticIndexError(report.deferred))
                return False
        return True

    def _go_offline(self, exc: BaseException) -> None:
        if self.server_version is not None or not self._reconnect_at:
            log.warning(
                "Elasticsearch at %s unavailable (%s); spooling to %s",
                self.url,
                exc,
                self.spool.directory,
            )
        self.server_version = None
        self._reconnect_at = time.monotonic() + self._reconnect_interval

    def _require_connection(self) -> None:
        if self.server_version is None:
            with self._reading():
                self._connect()

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Reads and explicit commands do not spool: they fail with a clear message."""
        try:
            yield
        except (ApiError, TransportError) as exc:
            if _is_unavailable(exc):
                raise ElasticIndexError(
                    f"Elasticsearch at {self.url} is unavailable: {exc}"
                ) from None
            raise ElasticIndexError(f"Elasticsearch at {self.url} refused: {exc}") from None

    def _note_failure(self, exc: BaseException) -> None:
        if _is_unavailable(exc):
            self._go_offline(exc)
        else:
            log.error("Elasticsearch at %s refused a write: %s", self.url, exc)

    # -- templates and indices -----------------------------------------------------------

    def init(self) -> None:
        """Install (or update) the templates and create missing indices. Idempotent."""
        self._require_connection()
        with self._reading():
            self._install()

    def _install(self) -> None:
        try:
            for name, body in self.templates.component.items():
                self._client.cluster.put_component_template(name=name, body=body)
            for name, body in self.templates.index.items():
                self._client.indices.put_index_template(name=name, body=body)
            for name in self.names.all():
                if self._client.indices.exists(index=name):
                    # New fields of an upgraded template reach existing indices here.
                    self._client.indices.put_mapping(
                        index=name, body=bodies.index_mappings_update(self.templates, name)
                    )
                else:
                    self._create_index(name)
        except ApiError as exc:
            if _is_unavailable(exc):
                raise
            raise ElasticIndexError(
                f"Elasticsearch refused the moneytrail templates: {exc}"
            ) from None

    def drop(self) -> None:
        """Delete this prefix's indices and templates: everything indexed is gone.

        For test suites and deliberate rebuilds (``moneytrail index init`` recreates them).
        """
        self._require_connection()
        self._pending.clear()
        with self._reading():
            self._client.options(ignore_status=404).indices.delete(index=self.names.all())
            for name in self.templates.index:
                self._client.options(ignore_status=404).indices.delete_index_template(name=name)
            for name in self.templates.component:
                self._client.options(ignore_status=404).cluster.delete_component_template(name=name)

    def _create_index(self, name: str) -> None:
        try:
            self._client.indices.create(index=name)
        except BadRequestError as exc:
            # Another process created it between our check and our request.
            if exc.error != "resource_already_exists_exception":
                raise

    # -- writing -------------------------------------------------------------------------

    def write_page(self, page: Page, mentions: Sequence[Mention]) -> WriteOutcome:
        """Queue one page; never raises because of Elasticsearch (it spools instead).

        A page that had to be spooled is reported NEW: its outcome is decided on replay.
        """
        bodies.validate(page, mentions)
        item = SpoolItem(page=page, mentions=tuple(mentions))
        if any(queued.page.url == page.url for queued, _ in self._pending):
            # One write per URL per batch: the second is planned against the first.
            self._send_pending()
        try:
            if not self._connect_for_writing():
                self._spool([item], "Elasticsearch unavailable")
                return WriteOutcome.NEW
            known = page.url in self._known
            stored = self._known.pop(page.url) if known else self._stored(page.url)
        except _WRITE_ERRORS as exc:
            self._note_failure(exc)
            self._spool([item], str(exc))
            return WriteOutcome.NEW
        plan = bodies.plan_page_write(self.names, page, mentions, stored)
        self._pending.append((item, plan))
        if len(self._pending) >= self._batch_pages:
            self._send_pending()
        return plan.outcome

    def page_sha256(self, url: str) -> str | None:
        """Stored body hash; None when never seen or when the index cannot be asked."""
        for item, _ in reversed(self._pending):
            if item.page.url == url:
                return item.page.sha256
        try:
            if not self._connect_for_writing():
                return None
            stored = self._stored(url)
        except _WRITE_ERRORS as exc:
            self._note_failure(exc)
            return None
        if len(self._known) >= self._batch_pages:
            self._known.clear()  # read-ahead for pages that were never written
        self._known[url] = stored
        return stored.sha256 if stored is not None else None

    def _stored(self, url: str) -> bodies.StoredPage | None:
        response = self._client.options(ignore_status=404).get(
            index=self.names.pages,
            id=bodies.page_id(url),
            source_includes=bodies.STORED_PAGE_FIELDS,
        )
        if not response.body.get("found"):
            return None
        return bodies.stored_page_from_source(response.body["_source"])

    def flush(self) -> None:
        """Send what is queued and make it searchable; what cannot be sent is spooled."""
        self._send_pending()
        if self.server_version is None:
            return
        try:
            self._refresh(self.names.all())
        except (ApiError, TransportError) as exc:
            self._note_failure(exc)

    def close(self) -> None:
        self.flush()
        self.spool.close()
        self._client.close()

    def replay_spool(self) -> ReplayReport:
        """Send spooled items (oldest first); they stay spooled while the index is down."""
        self._require_connection()
        self._send_pending()
        report = self.spool.replay(self._deliver_spooled, batch_size=self._batch_pages)
        if report.delivered:
            with self._reading():
                self._refresh(self.names.all())
        return report

    def _send_pending(self) -> None:
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        self._known.clear()
        delivery = self._deliver(batch)
        if delivery.unavailable:
            self._go_offline(ElasticIndexError(next(iter(delivery.unavailable.values()))))
        failed = sorted({*delivery.unavailable, *delivery.rejected})
        if failed:
            # A refused item is spooled too: replay sets it aside with the reason.
            reasons = sorted({*delivery.unavailable.values(), *delivery.rejected.values()})
            self._spool([batch[i][0] for i in failed], "; ".join(reasons))

    def _spool(self, items: Sequence[SpoolItem], reason: str) -> None:
        self.spool.append(items)
        # One warning per outage, not one per page of a crawl that goes on without us.
        level = logging.DEBUG if self._spooling else logging.WARNING
        log.log(level, "spooled %d page(s) to %s: %s", len(items), self.spool.directory, reason)
        self._spooling = True

    def _deliver_spooled(self, items: Sequence[SpoolItem]) -> list[Rejection]:
        """Spool.replay's deliver: raises DeliveryDeferred instead of spooling again.

        Items come in runs without a repeated URL (a page spooled twice is written twice,
        in order); each run's stored pages are read with one real-time mget.
        """
        rejections: list[Rejection] = []
        for run in _runs_of_distinct_urls(items):
            try:
                stored = self._stored_many([item.page.url for item in run])
            except (ApiError, TransportError) as exc:
                raise DeliveryDeferred(str(exc)) from None
            batch = [
                (item, bodies.plan_page_write(self.names, item.page, item.mentions, stored[i]))
                for i, item in enumerate(run)
            ]
            rejections += self._deliver_or_defer(batch)
        return rejections

    def _stored_many(self, urls: Sequence[str]) -> list[bodies.StoredPage | None]:
        response = self._client.mget(
            index=self.names.pages,
            ids=[bodies.page_id(url) for url in urls],
            source_includes=bodies.STORED_PAGE_FIELDS,
        )
        return [
            bodies.stored_page_from_source(doc["_source"]) if doc.get("found") else None
            for doc in response.body["docs"]
        ]

    def _deliver_or_defer(
        self, batch: Sequence[tuple[SpoolItem, bodies.PageWrite]]
    ) -> list[Rejection]:
        delivery = self._deliver(batch)
        if delivery.unavailable:
            raise DeliveryDeferred(next(iter(delivery.unavailable.values())))
        return [Rejection(batch[i][0], reason) for i, reason in sorted(delivery.rejected.items())]

    def _deliver(self, batch: Sequence[tuple[SpoolItem, bodies.PageWrite]]) -> _Delivery:
        delivery = _Delivery()
        if not batch:
            return delivery
        try:
            content = [(i, a) for i, (_, plan) in enumerate(batch) for a in plan.content]
            self._bulk_step(content, delivery)
            pages = [
                (i, plan.page)
                for i, (_, plan) in enumerate(batch)
                if plan.page is not None and not delivery.failed(i)
            ]
            self._bulk_step(pages, delivery)
            written = [i for i in range(len(batch)) if not delivery.failed(i)]
            touched = sorted({key for i in written for key in batch[i][1].touched})
            if touched:
                self._refresh([self.names.pages, self.names.mentions])
                entity_failures = _Delivery()
                for chunk in _chunks(touched, bodies.ENTITY_CHUNK):
                    self._bulk_step([(0, a) for a in self._entity_actions(chunk)], entity_failures)
                problems = {**entity_failures.unavailable, **entity_failures.rejected}
                if problems:
                    # Replaying these pages recomputes their entities (outcome unchanged).
                    reason = f"entity aggregates: {next(iter(problems.values()))}"
                    delivery.fail(written, reason, bool(entity_failures.unavailable))
            self._unrefreshed = True
        except (ApiError, TransportError) as exc:
            delivery.fail(range(len(batch)), str(exc), _is_unavailable(exc))
        return delivery

    def _entity_actions(self, keys: Sequence[str]) -> list[dict[str, Any]]:
        pages = self._client.search(
            index=self.names.pages, body=bodies.entity_pages_aggregation(keys)
        )
        mentions = self._client.search(
            index=self.names.mentions, body=bodies.entity_mentions_aggregation(keys)
        )
        return bodies.entity_actions(self.names, keys, pages.body, mentions.body)

    def _bulk_step(
        self, actions: Sequence[tuple[int, dict[str, Any]]], delivery: _Delivery
    ) -> None:
        """Send actions tagged with their item's position; record each failed item once."""
        if not actions:
            return
        positions: dict[tuple[str, str, str], list[int]] = {}
        for position, action in actions:
            positions.setdefault(_action_key(action), []).append(position)
        results = streaming_bulk(
            self._client,
            [action for _, action in actions],
            chunk_size=1000,
            max_retries=self._bulk_max_retries,
            initial_backoff=self._bulk_initial_backoff,
            raise_on_error=False,
            raise_on_exception=False,
        )
        for ok, result in results:
            op_type, info = next(iter(result.items()))
            key = (op_type, info.get("_index", ""), info.get("_id", ""))
            position = positions[key].pop(0) if positions.get(key) else None
            status = info.get("status")
            if ok or (op_type == "delete" and status == 404) or position is None:
                continue
            reason = _reason(info)
            delivery.fail([position], reason, _unavailable_status(status))

    def _refresh(self, indices: Sequence[str]) -> None:
        self._client.indices.refresh(index=list(indices))

    # -- reading -------------------------------------------------------------------------

    def _ready_for_reading(self) -> None:
        """Reads see every write made so far, as in the SQLite backend."""
        self._require_connection()
        self._send_pending()
        if self._unrefreshed:
            with self._reading():
                self._refresh(self.names.all())
            self._unrefreshed = False

    def _search(self, index: str, body: dict[str, Any]) -> dict[str, Any]:
        with self._reading():
            return self._client.search(index=index, body=body).body

    def lookup(self, value: str, kind: str | None = None, limit: int = 20) -> list[EntityHit]:
        self._ready_for_reading()
        response = self._search(self.names.entities, bodies.lookup_query(value, kind, limit))
        return [_entity_hit(hit["_source"], 1.0) for hit in response["hits"]["hits"]]

    def search_alias(self, name: str, limit: int = 20) -> list[EntityHit]:
        query = bodies.alias_candidates_query(name)
        if query is None:
            return []
        self._ready_for_reading()
        folded = fold_alias(name)
        scored = []
        for hit in self._search(self.names.entities, query)["hits"]["hits"]:
            source = hit["_source"]
            score = alias_match_score(folded, source["alias_folded"])
            if score is not None:
                scored.append((score, source))
        # Exact (folded) first, then closer spellings, then the more active alias.
        scored.sort(key=lambda pair: (-pair[0], -pair[1]["page_count"], pair[1]["value"]))
        return [_entity_hit(source, score) for score, source in scored[:limit]]

    def search_text(self, query: str, limit: int = 20) -> list[PageHit]:
        body = bodies.text_query(query, limit)
        if body is None:
            return []
        self._ready_for_reading()
        response = self._search(self.names.pages, body)
        return [
            PageHit(
                url=hit["_source"]["url"],
                site=hit["_source"]["site"],
                title=hit["_source"]["title"],
                fetched_at=bodies.from_iso(hit["_source"]["fetched_at"]),
                snippet=bodies.snippet_from_hit(hit),
                score=float(hit["_score"]),
            )
            for hit in response["hits"]["hits"]
        ]

    def entity(
        self, kind: str, value: str, evidence_limit: int = 100, cooccurring_limit: int = 50
    ) -> EntityView | None:
        self._ready_for_reading()
        key = bodies.entity_key(kind, value)
        with self._reading():
            response = self._client.options(ignore_status=404).get(
                index=self.names.entities, id=bodies.entity_id(kind, value)
            )
        if not response.body.get("found"):
            return None
        hit = _entity_hit(response.body["_source"], 1.0)
        return EntityView(
            kind=hit.kind,
            value=hit.value,
            first_seen=hit.first_seen,
            last_seen=hit.last_seen,
            sites=hit.sites,
            page_count=hit.page_count,
            mention_count=hit.mention_count,
            evidence=self._evidence(key, evidence_limit) if evidence_limit > 0 else (),
            cooccurring=self._cooccurring(key, cooccurring_limit) if cooccurring_limit > 0 else (),
        )

    def _evidence(self, key: str, limit: int) -> tuple[Evidence, ...]:
        query = bodies.evidence_pages_query(key, limit)
        pages = [hit["_source"] for hit in self._search(self.names.pages, query)["hits"]["hits"]]
        if not pages:
            return ()
        mentions = self._search(
            self.names.mentions,
            bodies.evidence_mentions_query(key, [p["url"] for p in pages], limit),
        )["hits"]["hits"]
        by_url: dict[str, list[dict[str, Any]]] = {}
        for hit in mentions:
            by_url.setdefault(hit["_source"]["url"], []).append(hit["_source"])
        evidence = [
            Evidence(
                url=page["url"],
                site=page["site"],
                fetched_at=bodies.from_iso(page["fetched_at"]),
                sha256=page["sha256"],
                raw=m["raw"],
                start=m["start"],
                end=m["end"],
                context=m["context"],
                extractor=m["extractor"],
                confidence=m["confidence"],
            )
            for page in pages
            for m in by_url.get(page["url"], ())
        ]
        return tuple(evidence[:limit])

    def _cooccurring(self, key: str, limit: int) -> tuple[Cooccurrence, ...]:
        response = self._search(self.names.pages, bodies.cooccurrence_query(key, limit))
        return tuple(
            Cooccurrence(*bodies.split_entity_key(b["key"]), pages=b["doc_count"])
            for b in response["aggregations"]["cooccurring"]["buckets"]
        )

    def stats(self) -> IndexStats:
        self._ready_for_reading()
        kinds = self._search(self.names.entities, bodies.kinds_query())
        by_kind = tuple(
            KindCount(
                kind=b["key"], mentions=round(b["mentions"]["value"]), entities=b["doc_count"]
            )
            for b in kinds["aggregations"]["kind"]["buckets"]
        )
        first = self._search(self.names.pages, bodies.sites_query())
        return IndexStats(
            pages=first["hits"]["total"]["value"],
            mentions=sum(k.mentions for k in by_kind),
            entities=sum(k.entities for k in by_kind),
            by_kind=by_kind,
            sites=tuple(self._all_sites(first)),
        )

    def _all_sites(self, first: dict[str, Any]) -> list[str]:
        sites: list[str] = []
        response = first
        while True:
            composite = response["aggregations"]["sites"]
            sites += [bucket["key"]["site"] for bucket in composite["buckets"]]
            after = composite.get("after_key")
            if not composite["buckets"] or after is None:
                return sites
            response = self._search(self.names.pages, bodies.sites_query(after))

    def first_seen_between(
        self,
        since: datetime | None,
        until: datetime,
        sites: Sequence[str] = (),
        limit: int = 1000,
    ) -> list[EntityHit]:
        self._ready_for_reading()
        body = bodies.first_seen_query(since, until, sites, limit)
        response = self._search(self.names.entities, body)
        return [_entity_hit(hit["_source"], 1.0) for hit in response["hits"]["hits"]]

    def most_connected(self, limit: int = 10) -> list[ConnectedEntity]:
        self._ready_for_reading()
        response = self._search(self.names.pages, bodies.most_connected_query(limit))
        connected = []
        for bucket in response["aggregations"]["entity"]["buckets"]:
            links = bucket["links"]["value"] - 1  # the entity itself is among the values
            if links > 0:
                kind, value = bodies.split_entity_key(bucket["key"])
                connected.append(
                    ConnectedEntity(
                        kind=kind, value=value, links=links, page_count=bucket["doc_count"]
                    )
                )
        return connected


def _entity_hit(source: Mapping[str, Any], score: float) -> EntityHit:
    return EntityHit(
        kind=source["kind"],
        value=source["value"],
        first_seen=bodies.from_iso(source["first_seen"]),
        last_seen=bodies.from_iso(source["last_seen"]),
        sites=tuple(source["sites"]),
        page_count=source["page_count"],
        mention_count=source["mention_count"],
        score=score,
    )


def _action_key(action: Mapping[str, Any]) -> tuple[str, str, str]:
    return (action["_op_type"], action["_index"], action["_id"])


def _reason(info: Mapping[str, Any]) -> str:
    error = info.get("error")
    if isinstance(error, Mapping):
        return f"{error.get('type', 'error')}: {error.get('reason', '')}".strip(": ")
    return str(error or f"status {info.get('status')}")


def _runs_of_distinct_urls(items: Sequence[SpoolItem]) -> Iterator[list[SpoolItem]]:
    run: list[SpoolItem] = []
    urls: set[str] = set()
    for item in items:
        if item.page.url in urls:
            yield run
            run, urls = [], set()
        run.append(item)
        urls.add(item.page.url)
    if run:
        yield run


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]

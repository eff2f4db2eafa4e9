"""Every request body the Elasticsearch backend sends, as pure functions.

Nothing here performs I/O except reading the template files, so tests can compare the
exact documents, bulk actions and queries with what they should be, without a server.

Layout (config/elasticsearch/ holds the templates):

- ``<prefix>-pages``: one document per URL. ``entities`` lists the page's entities as
  ``kind:value`` keys; an entity's page count, last seen, sites and co-occurrence are
  aggregated from it. ``page_entities`` keeps when this page first showed each entity,
  so that a changed page that still shows it keeps that date (as SQLite does).
- ``<prefix>-mentions``: one document per occurrence, the evidence.
- ``<prefix>-entities``: one document per entity, recomputed from the two above after
  every batch; lookups and alias searches read it.

Timestamps are ``date_nanos`` and written as ISO strings with microseconds; exact minima
and maxima are read back from ``_source`` through ``top_hits`` (a ``min``/``max``
aggregation returns a double of milliseconds, which would lose the microseconds that the
SQLite backend keeps).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from index.folding import fold_alias, typo_budget
from index.model import Mention, Page, WriteOutcome

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "config" / "elasticsearch"
PREFIX_PLACEHOLDER = "${prefix}"
ALIAS = "alias"
SNIPPET_MARKS = ("«", "»")  # the SQLite backend's marks around matched words

# Fuzzy alias candidates fetched per search: far more than the names one or two typos
# away from any query (the SQLite backend bounds its trigram candidates the same way).
ALIAS_CANDIDATES = 5000
# Distinct folded spellings a fuzzy query expands to. Lucene caps a top-terms rewrite at
# the boolean clause limit, which is never below 1024 on Elasticsearch 8 and 9.
FUZZY_EXPANSIONS = 1000
# Sites listed per entity; an entity on more sites than this is listed with the first ones.
SITES_PER_ENTITY = 10_000
# Entities recomputed per aggregation request (terms include lists stay small).
ENTITY_CHUNK = 500
# Largest page of hits Elasticsearch returns by default (index.max_result_window).
MAX_RESULT_WINDOW = 10_000
SNIPPET_CHARS = 160
# Highlighting refuses texts longer than index.highlight.max_analyzed_offset (1,000,000)
# unless the request caps the analysis itself.
HIGHLIGHT_MAX_OFFSET = 999_999

Body = dict[str, Any]


# -- names and ids -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndexNames:
    pages: str
    mentions: str
    entities: str

    @classmethod
    def for_prefix(cls, prefix: str) -> IndexNames:
        return cls(
            pages=f"{prefix}-pages", mentions=f"{prefix}-mentions", entities=f"{prefix}-entities"
        )

    def all(self) -> list[str]:
        return [self.pages, self.mentions, self.entities]


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def page_id(url: str) -> str:
    return _sha1(url)


def mention_id(url: str, kind: str, value: str, start: int, end: int) -> str:
    return _sha1(f"{url}|{kind}|{value}|{start}|{end}")


def entity_id(kind: str, value: str) -> str:
    return _sha1(f"{kind}|{value}")


def entity_key(kind: str, value: str) -> str:
    """``kind:value``: one keyword per entity. Kinds contain no colon and none is a prefix
    of another, so sorting keys sorts by (kind, value) exactly as SQLite's ORDER BY."""
    return f"{kind}:{value}"


def split_entity_key(key: str) -> tuple[str, str]:
    kind, _, value = key.partition(":")
    return kind, value


def to_iso(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"timestamp {moment.isoformat()} has no timezone (expected UTC)")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


# -- templates ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Templates:
    """Component and index templates, by name, with the prefix filled in."""

    component: dict[str, Body]
    index: dict[str, Body]

    def mappings(self, index_name: str) -> Body:
        """The mappings an index template gives the index of that name."""
        return self.index[index_name]["template"]["mappings"]


def load_templates(prefix: str, directory: Path = TEMPLATES_DIR) -> Templates:
    names = IndexNames.for_prefix(prefix)
    component = {
        f"{prefix}-{path.stem}": _with_prefix(_read_json(path), prefix)
        for path in sorted((directory / "component_templates").glob("*.json"))
    }
    index = {
        getattr(names, kind): _with_prefix(
            _read_json(directory / "index_templates" / f"{kind}.json"), prefix
        )
        for kind in ("pages", "mentions", "entities")
    }
    return Templates(component=component, index=index)


def _read_json(path: Path) -> Body:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read index template: {exc}") from None


def _with_prefix(node: Any, prefix: str) -> Any:
    if isinstance(node, str):
        return node.replace(PREFIX_PLACEHOLDER, prefix)
    if isinstance(node, list):
        return [_with_prefix(item, prefix) for item in node]
    if isinstance(node, dict):
        return {key: _with_prefix(value, prefix) for key, value in node.items()}
    return node


# -- what a write needs to know about the stored page ------------------------------------

STORED_PAGE_FIELDS = [
    "sha256",
    "fetched_at",
    "mention_ids",
    "entities",
    "entities_removed",
    "page_entities",
]


@dataclass(frozen=True, slots=True)
class StoredPage:
    sha256: str
    fetched_at: datetime
    mention_ids: tuple[str, ...]
    entities: tuple[str, ...]
    entities_removed: tuple[str, ...]
    first_seen: Mapping[str, datetime]  # entity key -> when this page first showed it


def stored_page_from_source(source: Mapping[str, Any]) -> StoredPage:
    return StoredPage(
        sha256=source["sha256"],
        fetched_at=from_iso(source["fetched_at"]),
        mention_ids=tuple(source.get("mention_ids", ())),
        entities=tuple(source.get("entities", ())),
        entities_removed=tuple(source.get("entities_removed", ())),
        first_seen={
            row["entity"]: from_iso(row["first_seen"]) for row in source.get("page_entities", ())
        },
    )


# -- writing a page ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageWrite:
    """The bulk actions for one page, in the order they must be confirmed.

    ``content`` (mention deletes and indexes) goes first; ``page`` only once all of
    ``content`` succeeded, so the stored page document (body hash, mention ids) never
    describes mentions that are not there. ``touched`` are the entities to recompute.
    """

    outcome: WriteOutcome
    content: tuple[Body, ...]
    page: Body | None
    touched: frozenset[str]


def validate(page: Page, mentions: Sequence[Mention]) -> None:
    """The same checks as the SQLite backend: a contradiction is a bug, not bad input."""
    to_iso(page.fetched_at)
    for mention in mentions:
        if mention.url != page.url:
            raise ValueError(f"mention of {mention.value!r} is for {mention.url}, not {page.url}")
        if not 0 <= mention.start <= mention.end <= len(page.text):
            raise ValueError(
                f"mention of {mention.value!r} on {page.url} has offsets {mention.start}:"
                f"{mention.end} outside the page text (length {len(page.text)})"
            )


def plan_page_write(
    names: IndexNames, page: Page, mentions: Sequence[Mention], stored: StoredPage | None
) -> PageWrite:
    if stored is not None and stored.sha256 == page.sha256:
        return _plan_unchanged(names, page, stored)
    outcome = WriteOutcome.NEW if stored is None else WriteOutcome.CHANGED
    fetched = page.fetched_at
    keys = sorted({entity_key(m.kind, m.value) for m in mentions})
    old_first_seen = stored.first_seen if stored is not None else {}
    # An entity still on a changed page keeps the first_seen it had there.
    first_seen = {key: min(old_first_seen.get(key, fetched), fetched) for key in keys}

    mention_actions = []
    for mention in mentions:
        key = entity_key(mention.kind, mention.value)
        doc_id = mention_id(page.url, mention.kind, mention.value, mention.start, mention.end)
        mention_actions.append(
            {
                "_op_type": "index",
                "_index": names.mentions,
                "_id": doc_id,
                "_source": mention_document(page, mention, first_seen[key]),
            }
        )
    new_ids = [action["_id"] for action in mention_actions]
    stale = sorted(set(stored.mention_ids) - set(new_ids)) if stored is not None else []
    deletes = [{"_op_type": "delete", "_index": names.mentions, "_id": i} for i in stale]

    old_keys = set(stored.entities) if stored is not None else set()
    removed = sorted(old_keys - set(keys))
    document = page_document(page, keys, first_seen, sorted(set(new_ids)), removed)
    page_action = {
        "_op_type": "index",
        "_index": names.pages,
        "_id": page_id(page.url),
        "_source": document,
    }
    return PageWrite(
        outcome=outcome,
        content=(*deletes, *mention_actions),
        page=page_action,
        touched=frozenset(keys) | old_keys,
    )


def _plan_unchanged(names: IndexNames, page: Page, stored: StoredPage) -> PageWrite:
    # Seen again: only the page's fetch fields move, and only forward in time (a late,
    # older fetch changes nothing). Entities are recomputed for their last_seen; the ones
    # the last change removed are included in case that recomputation never happened.
    page_action = None
    if page.fetched_at >= stored.fetched_at:
        page_action = {
            "_op_type": "update",
            "_index": names.pages,
            "_id": page_id(page.url),
            "doc": {
                "fetched_at": to_iso(page.fetched_at),
                "status": page.status,
                "crawl_run": page.crawl_run,
                "via": page.via,
            },
        }
    return PageWrite(
        outcome=WriteOutcome.UNCHANGED,
        content=(),
        page=page_action,
        touched=frozenset(stored.entities) | frozenset(stored.entities_removed),
    )


def page_document(
    page: Page,
    keys: Sequence[str],
    first_seen: Mapping[str, datetime],
    mention_ids: Sequence[str],
    removed: Sequence[str],
) -> Body:
    return {
        "url": page.url,
        "site": page.site,
        "title": page.title,
        "text": page.text,
        "lang": page.lang,
        "status": page.status,
        "fetched_at": to_iso(page.fetched_at),
        "sha256": page.sha256,
        "crawl_run": page.crawl_run,
        "via": page.via,
        "fields": dict(page.fields),
        "entities": list(keys),
        "non_alias_entities": [k for k in keys if split_entity_key(k)[0] != ALIAS],
        "entities_removed": list(removed),
        "page_entities": [{"entity": k, "first_seen": to_iso(first_seen[k])} for k in keys],
        "mention_ids": list(mention_ids),
    }


def mention_document(page: Page, mention: Mention, first_seen: datetime) -> Body:
    # Site and fetch time are the page's, as in the SQLite backend.
    return {
        "kind": mention.kind,
        "value": mention.value,
        "entity": entity_key(mention.kind, mention.value),
        "raw": mention.raw,
        "start": mention.start,
        "end": mention.end,
        "context": mention.context,
        "extractor": mention.extractor,
        "confidence": mention.confidence,
        "url": page.url,
        "site": page.site,
        "fetched_at": to_iso(page.fetched_at),
        "first_seen": to_iso(first_seen),
        "sha256": page.sha256,
    }


# -- entity aggregates -------------------------------------------------------------------


def _latest(field: str, order: str) -> Body:
    return {
        "top_hits": {
            "size": 1,
            "sort": [{field: {"order": order}}],
            "_source": {"includes": [field]},
        }
    }


def entity_pages_aggregation(keys: Sequence[str]) -> Body:
    """Per entity: pages (doc_count), last seen and sites, from the pages index."""
    return {
        "size": 0,
        "query": {"terms": {"entities": list(keys)}},
        "aggs": {
            "entity": {
                "terms": {"field": "entities", "include": list(keys), "size": len(keys)},
                "aggs": {
                    "last_seen": _latest("fetched_at", "desc"),
                    "sites": {
                        "terms": {
                            "field": "site",
                            "size": SITES_PER_ENTITY,
                            "order": {"_key": "asc"},
                        }
                    },
                },
            }
        },
    }


def entity_mentions_aggregation(keys: Sequence[str]) -> Body:
    """Per entity: mentions (doc_count) and first seen, from the mentions index."""
    return {
        "size": 0,
        "query": {"terms": {"entity": list(keys)}},
        "aggs": {
            "entity": {
                "terms": {"field": "entity", "include": list(keys), "size": len(keys)},
                "aggs": {"first_seen": _latest("first_seen", "asc")},
            }
        },
    }


def _buckets(response: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {b["key"]: b for b in response["aggregations"]["entity"]["buckets"]}


def _top_source(bucket: Mapping[str, Any], name: str, field: str) -> str:
    return bucket[name]["hits"]["hits"][0]["_source"][field]


def entity_actions(
    names: IndexNames,
    keys: Iterable[str],
    pages_response: Mapping[str, Any],
    mentions_response: Mapping[str, Any],
) -> list[Body]:
    """Index the recomputed entity documents; delete the ones no page mentions any more."""
    by_pages = _buckets(pages_response)
    by_mentions = _buckets(mentions_response)
    actions: list[Body] = []
    for key in sorted(set(keys)):
        kind, value = split_entity_key(key)
        doc_id = entity_id(kind, value)
        page_bucket = by_pages.get(key)
        mention_bucket = by_mentions.get(key)
        if page_bucket is None or mention_bucket is None:
            actions.append({"_op_type": "delete", "_index": names.entities, "_id": doc_id})
            continue
        document = {
            "kind": kind,
            "value": value,
            "entity": key,
            "first_seen": _top_source(mention_bucket, "first_seen", "first_seen"),
            "last_seen": _top_source(page_bucket, "last_seen", "fetched_at"),
            "sites": [site["key"] for site in page_bucket["sites"]["buckets"]],
            "page_count": page_bucket["doc_count"],
            "mention_count": mention_bucket["doc_count"],
        }
        if kind == ALIAS:
            document["alias"] = value
            document["alias_folded"] = fold_alias(value)
        actions.append(
            {"_op_type": "index", "_index": names.entities, "_id": doc_id, "_source": document}
        )
    return actions


# -- searches ----------------------------------------------------------------------------

ENTITY_SOURCE = ["kind", "value", "first_seen", "last_seen", "sites", "page_count", "mention_count"]


def lookup_query(value: str, kind: str | None, limit: int) -> Body:
    filters: list[Body] = [{"term": {"value": value}}]
    if kind is not None:
        filters.append({"term": {"kind": kind}})
    return {
        "size": limit,
        "query": {"bool": {"filter": filters}},
        "sort": [{"page_count": {"order": "desc"}}, {"kind": {"order": "asc"}}],
        "_source": ENTITY_SOURCE,
    }


def alias_candidates_query(name: str) -> Body | None:
    """Aliases whose folded form is the query's or within its typo budget (None: no query).

    Lucene's fuzzy query with transpositions measures optimal string alignment, the
    distance index.folding.alias_match_score judges by; the backend scores and ranks the
    candidates with that function so both backends agree exactly.
    """
    folded = fold_alias(name)
    if not folded:
        return None
    should: list[Body] = [{"term": {"alias_folded": folded}}]
    budget = typo_budget(folded)
    if budget:
        should.append(
            {
                "fuzzy": {
                    "alias_folded": {
                        "value": folded,
                        "fuzziness": budget,
                        "transpositions": True,
                        "prefix_length": 0,
                        "max_expansions": FUZZY_EXPANSIONS,
                    }
                }
            }
        )
    return {
        "size": ALIAS_CANDIDATES,
        "query": {
            "bool": {
                "filter": [{"term": {"kind": ALIAS}}],
                "should": should,
                "minimum_should_match": 1,
            }
        },
        "_source": [*ENTITY_SOURCE, "alias_folded"],
    }


def text_query(query: str, limit: int) -> Body | None:
    """Every word must occur, as a phrase of its tokens, in the title or the text.

    The SQLite backend quotes each word for FTS5 and ranks with bm25 weighting the title
    3 to 1; a phrase multi_match per word with title^3 is the same request here.
    """
    words = query.split()
    if not words:
        return None
    return {
        "size": limit,
        "query": {
            "bool": {
                "must": [
                    {
                        "multi_match": {
                            "query": word,
                            "type": "phrase",
                            "fields": ["title^3", "text"],
                        }
                    }
                    for word in words
                ]
            }
        },
        "sort": [{"_score": {"order": "desc"}}, {"url": {"order": "asc"}}],
        "_source": ["url", "site", "title", "fetched_at"],
        "highlight": {
            "pre_tags": [SNIPPET_MARKS[0]],
            "post_tags": [SNIPPET_MARKS[1]],
            "max_analyzed_offset": HIGHLIGHT_MAX_OFFSET,
            "fields": {
                "text": {
                    "fragment_size": SNIPPET_CHARS,
                    "number_of_fragments": 1,
                    "no_match_size": SNIPPET_CHARS,
                },
                "title": {"number_of_fragments": 0},
            },
        },
    }


def snippet_from_hit(hit: Mapping[str, Any]) -> str:
    """The highlighted text fragment; the title's when only the title matched."""
    highlight = hit.get("highlight", {})
    text = (highlight.get("text") or [""])[0]
    if SNIPPET_MARKS[0] not in text and highlight.get("title"):
        return highlight["title"][0]
    return " ".join(text.split())


def evidence_pages_query(key: str, limit: int) -> Body:
    """The entity's pages, newest fetch first (SQLite: ORDER BY p.fetched_at DESC, p.url)."""
    return {
        "size": limit,
        "query": {"term": {"entities": key}},
        "sort": [{"fetched_at": {"order": "desc"}}, {"url": {"order": "asc"}}],
        "_source": ["url", "site", "fetched_at", "sha256"],
    }


def evidence_mentions_query(key: str, urls: Sequence[str], limit: int) -> Body:
    return {
        # No page contributes more than `limit` mentions to the evidence.
        "size": min(MAX_RESULT_WINDOW, limit * len(urls)),
        "query": {"bool": {"filter": [{"term": {"entity": key}}, {"terms": {"url": list(urls)}}]}},
        "sort": [{"url": {"order": "asc"}}, {"start": {"order": "asc"}}, {"end": {"order": "asc"}}],
        "_source": ["url", "raw", "start", "end", "context", "extractor", "confidence"],
    }


def cooccurrence_query(key: str, limit: int) -> Body:
    """Entities on the entity's pages, by pages shared, then kind and value.

    Computed at query time from the pages' entity lists: a terms aggregation counts each
    page once, and on a single shard its counts and order are exact.
    """
    return {
        "size": 0,
        "query": {"term": {"entities": key}},
        "aggs": {
            "cooccurring": {
                "terms": {
                    "field": "entities",
                    "exclude": [key],
                    "size": limit,
                    "order": [{"_count": "desc"}, {"_key": "asc"}],
                }
            }
        },
    }


def first_seen_query(
    since: datetime | None, until: datetime, sites: Sequence[str], limit: int
) -> Body:
    window = {"lte": to_iso(until)} | ({"gt": to_iso(since)} if since is not None else {})
    filters: list[Body] = [{"range": {"first_seen": window}}]
    if sites:
        filters.append({"terms": {"sites": list(sites)}})
    return {
        "size": limit,
        "query": {"bool": {"filter": filters}},
        "sort": [
            {"first_seen": {"order": "asc"}},
            {"kind": {"order": "asc"}},
            {"value": {"order": "asc"}},
        ],
        "_source": ENTITY_SOURCE,
    }


def most_connected_query(limit: int) -> Body:
    """Non-alias entities by distinct non-alias entities sharing a page with them.

    The cardinality counts the entity itself too (links = value - 1). Below its
    precision threshold a cardinality is exact but for hash collisions, which at these
    sizes do not happen in practice.
    """
    return {
        "size": 0,
        "query": {"exists": {"field": "non_alias_entities"}},
        "aggs": {
            "entity": {
                "terms": {
                    "field": "non_alias_entities",
                    "size": limit,
                    "order": [{"links": "desc"}, {"_count": "desc"}, {"_key": "asc"}],
                },
                "aggs": {
                    "links": {
                        "cardinality": {
                            "field": "non_alias_entities",
                            "precision_threshold": 40_000,
                        }
                    }
                },
            }
        },
    }


def kinds_query() -> Body:
    return {
        "size": 0,
        "aggs": {
            "kind": {
                "terms": {"field": "kind", "size": 1000, "order": {"_key": "asc"}},
                "aggs": {"mentions": {"sum": {"field": "mention_count"}}},
            }
        },
    }


def sites_query(after: Mapping[str, Any] | None = None) -> Body:
    composite: Body = {"size": 1000, "sources": [{"site": {"terms": {"field": "site"}}}]}
    if after is not None:
        composite["after"] = dict(after)
    return {"size": 0, "track_total_hits": True, "aggs": {"sites": {"composite": composite}}}


def index_mappings_update(templates: Templates, index_name: str) -> Body:
    """Mappings to put on an existing index after a template upgrade (additive only)."""
    return copy.deepcopy(templates.mappings(index_name))

"""ElasticIndex end to end against a loopback server that answers like Elasticsearch."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from elasticsearch import BadRequestError, Elasticsearch

from index import elastic_bodies as bodies
from index.elastic import ElasticIndex, ElasticIndexError, compatibility_for, compatibility_headers
from index.model import ConnectedEntity, Cooccurrence, Mention, Page, WriteOutcome
from tests.unit.elastic_fake import FakeElasticsearch

T0 = datetime(2025, 6, 1, 12, 0, 0, 250000, tzinfo=UTC)
T1 = T0 + timedelta(hours=6)
BTC = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"


@pytest.fixture
def fake() -> Iterator[FakeElasticsearch]:
    server = FakeElasticsearch(version="9.1.0")
    yield server
    server.stop()


def open_index(fake: FakeElasticsearch, tmp_path, **options) -> ElasticIndex:
    return ElasticIndex.from_url(
        fake.url,
        prefix="mt",
        spool_dir=tmp_path / "spool",
        max_retries=0,
        bulk_max_retries=1,
        bulk_initial_backoff=0.01,
        **options,
    )


def make_page(url: str, text: str, sha: str, at: datetime = T0, site: str = "shop.onion") -> Page:
    return Page(
        url=url,
        site=site,
        title=f"title of {url}",
        text=text,
        lang="en",
        status=200,
        fetched_at=at,
        sha256=sha,
        crawl_run="run-1",
        via="tor",
    )


def mentions_of(page: Page, *found: tuple[str, str]) -> list[Mention]:
    result = []
    for kind, value in found:
        start = page.text.index(value)
        result.append(
            Mention(
                kind=kind,
                value=value,
                raw=value,
                start=start,
                end=start + len(value),
                context=page.text,
                extractor="test",
                confidence=1.0,
                url=page.url,
                site=page.site,
                fetched_at=page.fetched_at,
            )
        )
    return result


def entity_doc(fake: FakeElasticsearch, kind: str, value: str) -> dict | None:
    return fake.docs["mt-entities"].get(bodies.entity_id(kind, value))


# -- compatibility headers ---------------------------------------------------------------


def test_the_fake_refuses_a_foreign_major_like_elasticsearch_8_does():
    server = FakeElasticsearch(version="8.15.3")
    try:
        with pytest.raises(BadRequestError, match="media_type_header_exception"):
            Elasticsearch(server.url).info()  # the plain 9.x client asks for compatible-with=9
    finally:
        server.stop()


@pytest.mark.parametrize(("version", "expected"), [("8.15.3", 8), ("9.1.0", 9)])
def test_compatibility_headers_follow_the_server_major(version, expected, tmp_path):
    server = FakeElasticsearch(version=version)
    try:
        index = open_index(server, tmp_path)
        page = make_page("http://shop.onion/1", f"pay {BTC}", "1" * 64)
        index.write_page(page, mentions_of(page, ("btc", BTC)))
        index.flush()
        index.close()
    finally:
        server.stop()
    info, *rest = server.requests
    assert info.path == "/" and info.headers["accept"] == "application/json"
    assert index.server_version == version
    assert rest, "nothing was sent after the version check"
    for request in rest:
        assert (
            request.headers["accept"]
            == f"application/vnd.elasticsearch+json; compatible-with={expected}"
        )
        if request.body is not None:
            kind = "x-ndjson" if request.path == "/_bulk" else "json"
            assert request.headers["content-type"] == (
                f"application/vnd.elasticsearch+{kind}; compatible-with={expected}"
            )
    assert server.docs["mt-pages"], "the write never reached the server"


def test_compatibility_rules():
    assert compatibility_for("8.19.2") == 8
    assert compatibility_for("9.0.0") == 9
    assert compatibility_for("10.1.0") == 9  # a newer server still speaks compatible-with=9
    with pytest.raises(ElasticIndexError, match=r"7\.17\.9 is too old"):
        compatibility_for("7.17.9")
    with pytest.raises(ElasticIndexError, match="unreadable Elasticsearch version"):
        compatibility_for("banana")
    sent = {
        "Accept": "application/vnd.elasticsearch+json; compatible-with=9",
        "Content-Type": "application/vnd.elasticsearch+x-ndjson; compatible-with=9",
        "Authorization": "ApiKey abc",
    }
    assert compatibility_headers(sent, 8) == {  # HttpHeaders: names compare case-insensitively
        "Accept": "application/vnd.elasticsearch+json; compatible-with=8",
        "Content-Type": "application/vnd.elasticsearch+x-ndjson; compatible-with=8",
        "Authorization": "ApiKey abc",
    }
    assert compatibility_headers(sent, None) == {
        "Accept": "application/json",
        "Content-Type": "application/x-ndjson",
        "Authorization": "ApiKey abc",
    }


def test_too_old_or_foreign_servers_are_refused_at_open(tmp_path):
    old = FakeElasticsearch(version="7.17.9")
    foreign = FakeElasticsearch(version="9.1.0", product_header=False)
    try:
        with pytest.raises(ElasticIndexError, match="too old"):
            open_index(old, tmp_path)
        with pytest.raises(ElasticIndexError, match="is not Elasticsearch"):
            open_index(foreign, tmp_path)
    finally:
        old.stop()
        foreign.stop()


def test_api_key_and_basic_auth_headers(fake, tmp_path):
    open_index(fake, tmp_path, api_key="a2V5OnNlY3JldA==").close()
    assert {r.headers["authorization"] for r in fake.requests} == {"ApiKey a2V5OnNlY3JldA=="}
    fake.requests.clear()
    open_index(fake, tmp_path, username="elastic", password="changeme").close()
    expected = "Basic " + base64.b64encode(b"elastic:changeme").decode()
    assert {r.headers["authorization"] for r in fake.requests} == {expected}
    with pytest.raises(ElasticIndexError, match="not both"):
        open_index(fake, tmp_path, api_key="k", username="u", password="p")
    with pytest.raises(ElasticIndexError, match="both a username and a password"):
        open_index(fake, tmp_path, username="u")


# -- templates and indices ---------------------------------------------------------------


def test_open_installs_templates_and_creates_indices_once(fake, tmp_path):
    open_index(fake, tmp_path).close()
    templates = bodies.load_templates("mt")
    assert fake.templates == {
        "_component_template/mt-settings": templates.component["mt-settings"],
        "_component_template/mt-analysis": templates.component["mt-analysis"],
        "_index_template/mt-pages": templates.index["mt-pages"],
        "_index_template/mt-mentions": templates.index["mt-mentions"],
        "_index_template/mt-entities": templates.index["mt-entities"],
    }
    assert fake.indices == {"mt-pages", "mt-mentions", "mt-entities"}
    assert len(fake.requests_to("PUT", r"/mt-(pages|mentions|entities)")) == 3

    fake.requests.clear()
    open_index(fake, tmp_path).close()  # indices exist: nothing installed on open
    assert not fake.requests_to("PUT", r"/_(component|index)_template/.*")

    index = open_index(fake, tmp_path)
    fake.requests.clear()
    index.init()  # explicit init updates templates and existing mappings, creates nothing
    assert len(fake.requests_to("PUT", r"/_(component|index)_template/.*")) == 5
    mapping_updates = fake.requests_to("PUT", r"/mt-\w+/_mapping")
    assert [r.path for r in mapping_updates] == [
        "/mt-pages/_mapping",
        "/mt-mentions/_mapping",
        "/mt-entities/_mapping",
    ]
    assert mapping_updates[0].body == templates.mappings("mt-pages")
    assert not fake.requests_to("PUT", r"/mt-(pages|mentions|entities)")
    index.close()


# -- writing -----------------------------------------------------------------------------


def bulk_requests(fake: FakeElasticsearch) -> list[list[dict]]:
    return [r.body for r in fake.requests_to("PUT", "/_bulk")]


def expected_lines(actions) -> list[dict]:
    lines = []
    for action in actions:
        meta = {"_index": action["_index"], "_id": action["_id"]}
        lines.append({action["_op_type"]: meta})
        if action["_op_type"] == "index":
            lines.append(action["_source"])
        elif action["_op_type"] == "update":
            lines.append({"doc": action["doc"]})
    return lines


def test_a_new_page_is_sent_as_mentions_then_page_then_entities(fake, tmp_path):
    index = open_index(fake, tmp_path)
    page = make_page("http://shop.onion/1", f"vendor DarkLord pay {BTC}", "1" * 64)
    mentions = mentions_of(page, ("alias", "DarkLord"), ("btc", BTC))
    fake.requests.clear()

    assert index.write_page(page, mentions) is WriteOutcome.NEW
    index.flush()

    plan = bodies.plan_page_write(index.names, page, mentions, None)
    steps = [(r.method, r.path) for r in fake.requests]
    assert steps == [
        ("GET", f"/mt-pages/_doc/{bodies.page_id(page.url)}"),
        ("PUT", "/_bulk"),
        ("PUT", "/_bulk"),
        ("POST", "/mt-pages,mt-mentions/_refresh"),
        ("POST", "/mt-pages/_search"),
        ("POST", "/mt-mentions/_search"),
        ("PUT", "/_bulk"),
        ("POST", "/mt-pages,mt-mentions,mt-entities/_refresh"),
    ]
    content, pages, entities = bulk_requests(fake)
    assert content == expected_lines(plan.content)
    assert pages == expected_lines([plan.page])
    keys = sorted(plan.touched)
    assert fake.requests[4].body == bodies.entity_pages_aggregation(keys)
    assert fake.requests[5].body == bodies.entity_mentions_aggregation(keys)
    assert [next(iter(line)) for line in entities[::2]] == ["index", "index"]
    assert entity_doc(fake, "alias", "DarkLord") == {
        "kind": "alias",
        "value": "DarkLord",
        "entity": "alias:DarkLord",
        "first_seen": bodies.to_iso(T0),
        "last_seen": bodies.to_iso(T0),
        "sites": ["shop.onion"],
        "page_count": 1,
        "mention_count": 1,
        "alias": "DarkLord",
        "alias_folded": "darkiord",
    }
    index.close()


def test_outcomes_and_aggregates_over_a_recrawl(fake, tmp_path):
    index = open_index(fake, tmp_path)
    first = make_page("http://shop.onion/1", f"vendor DarkLord pay {BTC}", "1" * 64)
    other = make_page("http://mirror.onion/9", f"also {BTC}", "9" * 64, site="mirror.onion")
    assert index.page_sha256(first.url) is None
    assert (
        index.write_page(first, mentions_of(first, ("alias", "DarkLord"), ("btc", BTC)))
        is WriteOutcome.NEW
    )
    assert index.write_page(other, mentions_of(other, ("btc", BTC))) is WriteOutcome.NEW
    assert index.page_sha256(first.url) == "1" * 64  # still queued: answered from the batch
    index.flush()
    assert index.page_sha256(first.url) == "1" * 64  # stored

    again = make_page(first.url, first.text, first.sha256, at=T1)
    assert index.write_page(again, []) is WriteOutcome.UNCHANGED
    index.flush()
    assert len(fake.docs["mt-mentions"]) == 3  # mentions left as they were
    btc = entity_doc(fake, "btc", BTC)
    assert (btc["first_seen"], btc["last_seen"]) == (bodies.to_iso(T0), bodies.to_iso(T1))
    assert btc["sites"] == ["mirror.onion", "shop.onion"] and btc["page_count"] == 2

    changed = make_page(first.url, f"now only {BTC}", "2" * 64, at=T1 + timedelta(hours=1))
    assert index.write_page(changed, mentions_of(changed, ("btc", BTC))) is WriteOutcome.CHANGED
    index.flush()
    assert entity_doc(fake, "alias", "DarkLord") is None  # no page mentions it any more
    btc = entity_doc(fake, "btc", BTC)
    assert btc["first_seen"] == bodies.to_iso(T0)  # still on the changed page since T0
    assert btc["last_seen"] == bodies.to_iso(T1 + timedelta(hours=1))
    assert btc["mention_count"] == 2
    urls = sorted(m["url"] for m in fake.docs["mt-mentions"].values())
    assert urls == ["http://mirror.onion/9", "http://shop.onion/1"]
    index.close()


def test_writing_the_same_url_twice_in_a_batch_plans_the_second_against_the_first(fake, tmp_path):
    index = open_index(fake, tmp_path)
    page = make_page("http://shop.onion/1", f"pay {BTC}", "1" * 64)
    assert index.write_page(page, mentions_of(page, ("btc", BTC))) is WriteOutcome.NEW
    assert index.write_page(page, mentions_of(page, ("btc", BTC))) is WriteOutcome.UNCHANGED
    index.close()


def test_a_batch_is_sent_when_full(fake, tmp_path):
    index = open_index(fake, tmp_path, batch_pages=2)
    for n in range(5):
        page = make_page(f"http://shop.onion/{n}", f"pay {BTC}", f"{n}" * 64)
        index.write_page(page, mentions_of(page, ("btc", BTC)))
    assert len(fake.docs["mt-pages"]) == 4  # two full batches; the fifth page waits
    index.close()
    assert len(fake.docs["mt-pages"]) == 5


def test_a_429_item_is_retried_by_the_bulk_helper(fake, tmp_path):
    index = open_index(fake, tmp_path)
    page = make_page("http://shop.onion/1", f"pay {BTC}", "1" * 64)
    mentions = mentions_of(page, ("btc", BTC))
    fake.item_failures[bodies.mention_id(page.url, "btc", BTC, 4, 4 + len(BTC))] = (
        429,
        "es_rejected_execution_exception",
    )
    index.write_page(page, mentions)
    index.close()
    assert len(fake.docs["mt-mentions"]) == 1 and len(fake.docs["mt-pages"]) == 1
    assert index.spool.pending_items() == 0


def test_a_refused_mention_keeps_its_page_out_and_spools_it(fake, tmp_path):
    index = open_index(fake, tmp_path)
    page = make_page("http://shop.onion/1", f"pay {BTC}", "1" * 64)
    fake.item_failures[bodies.mention_id(page.url, "btc", BTC, 4, 4 + len(BTC))] = (
        400,
        "mapper_parsing_exception",
    )
    index.write_page(page, mentions_of(page, ("btc", BTC)))
    index.flush()
    assert fake.docs["mt-pages"] == {}  # the page document waits for all its mentions
    assert index.spool.pending_items() == 1
    report = index.replay_spool()  # the fake refuses once; the replay goes through
    assert report.delivered == 1 and report.complete
    assert len(fake.docs["mt-pages"]) == 1
    index.close()


# -- reading -----------------------------------------------------------------------------


def entity_hit_source(kind: str, value: str, pages: int, folded: str | None = None) -> dict:
    source = {
        "kind": kind,
        "value": value,
        "first_seen": bodies.to_iso(T0),
        "last_seen": bodies.to_iso(T1),
        "sites": ["a.onion", "b.onion"],
        "page_count": pages,
        "mention_count": pages * 2,
    }
    if folded is not None:
        source["alias_folded"] = folded
    return {"_source": source}


def hits(*items: dict, total: int | None = None) -> dict:
    return {
        "hits": {
            "total": {"value": total if total is not None else len(items), "relation": "eq"},
            "hits": list(items),
        }
    }


def test_lookup_sends_the_exact_query_and_reads_hits(fake, tmp_path):
    index = open_index(fake, tmp_path)
    fake.search_answers["mt-entities"].append(hits(entity_hit_source("btc", BTC, 3)))
    (hit,) = index.lookup(BTC, kind="btc", limit=5)
    assert fake.requests_to("POST", "/mt-entities/_search")[-1].body == bodies.lookup_query(
        BTC, "btc", 5
    )
    assert (hit.kind, hit.value, hit.page_count, hit.mention_count, hit.score) == (
        "btc",
        BTC,
        3,
        6,
        1.0,
    )
    assert (hit.first_seen, hit.last_seen, hit.sites) == (T0, T1, ("a.onion", "b.onion"))
    index.close()


def test_alias_search_ranks_like_sqlite(fake, tmp_path):
    index = open_index(fake, tmp_path)
    fake.search_answers["mt-entities"].append(
        hits(
            entity_hit_source("alias", "DarkLord", 1, "darkiord"),
            entity_hit_source("alias", "D4rk_L0rd", 5, "darkiord"),
            entity_hit_source("alias", "DarkLords", 9, "darkiords"),
            entity_hit_source("alias", "DorkLard", 9, "dorkiard"),  # 2 typos: within budget
            entity_hit_source("alias", "Zanzibar", 9, "zanzibar"),  # fuzzy noise: dropped
        )
    )
    found = index.search_alias("darklord")
    assert [(h.value, round(h.score, 3)) for h in found] == [
        ("D4rk_L0rd", 1.0),
        ("DarkLord", 1.0),
        ("DarkLords", 0.889),
        ("DorkLard", 0.75),
    ]
    assert fake.requests_to("POST", "/mt-entities/_search")[
        -1
    ].body == bodies.alias_candidates_query("darklord")
    assert index.search_alias("___") == []
    index.close()


def test_text_search_reads_snippets_and_scores(fake, tmp_path):
    index = open_index(fake, tmp_path)
    fake.search_answers["mt-pages"].append(
        hits(
            {
                "_score": 4.5,
                "_source": {
                    "url": "http://a/",
                    "site": "a",
                    "title": "Escrow",
                    "fetched_at": bodies.to_iso(T0),
                },
                "highlight": {"text": ["use «escrow» here"]},
            }
        )
    )
    (hit,) = index.search_text("escrow", limit=3)
    assert (hit.url, hit.site, hit.title, hit.fetched_at, hit.snippet, hit.score) == (
        "http://a/",
        "a",
        "Escrow",
        T0,
        "use «escrow» here",
        4.5,
    )
    assert fake.requests_to("POST", "/mt-pages/_search")[-1].body == bodies.text_query("escrow", 3)
    assert index.search_text("  ") == []
    index.close()


def test_entity_view_joins_evidence_with_pages_and_cooccurrence(fake, tmp_path):
    index = open_index(fake, tmp_path)
    newer = make_page(
        "http://b.onion/2", f"again DarkLord {BTC} DarkLord", "2" * 64, at=T1, site="b.onion"
    )
    older = make_page("http://a.onion/1", f"DarkLord here {BTC}", "1" * 64, site="a.onion")
    index.write_page(older, mentions_of(older, ("alias", "DarkLord"), ("btc", BTC)))
    second = [*mentions_of(newer, ("alias", "DarkLord"), ("btc", BTC))]
    last = newer.text.rindex("DarkLord")
    second.append(
        Mention(
            "alias",
            "DarkLord",
            "DarkLord",
            last,
            last + 8,
            "ctx",
            "test",
            0.5,
            newer.url,
            newer.site,
            T1,
        )
    )
    index.write_page(newer, second)
    index.flush()
    pages = fake.docs["mt-pages"]
    mentions = fake.docs["mt-mentions"]

    def page_hit(url: str) -> dict:
        source = pages[bodies.page_id(url)]
        return {"_source": {k: source[k] for k in ("url", "site", "fetched_at", "sha256")}}

    alias_mentions = sorted(
        (m for m in mentions.values() if m["entity"] == "alias:DarkLord"),
        key=lambda m: (m["url"], m["start"]),
    )
    fake.search_answers["mt-pages"].extend(
        [
            hits(page_hit(newer.url), page_hit(older.url)),
            {
                "hits": hits()["hits"],
                "aggregations": {
                    "cooccurring": {"buckets": [{"key": f"btc:{BTC}", "doc_count": 2}]}
                },
            },
        ]
    )
    fake.search_answers["mt-mentions"].append(hits(*({"_source": m} for m in alias_mentions)))

    view = index.entity("alias", "DarkLord", evidence_limit=2)
    assert (view.page_count, view.mention_count, view.sites) == (2, 3, ("a.onion", "b.onion"))
    assert (view.first_seen, view.last_seen) == (T0, T1)
    assert [(e.url, e.start, e.sha256, e.fetched_at) for e in view.evidence] == [
        (newer.url, 6, "2" * 64, T1),
        (newer.url, last, "2" * 64, T1),
    ]
    assert view.cooccurring == (Cooccurrence("btc", BTC, 2),)
    searches = fake.requests_to("POST", r"/mt-(pages|mentions)/_search")[-3:]
    assert searches[0].body == bodies.evidence_pages_query("alias:DarkLord", 2)
    assert searches[1].body == bodies.evidence_mentions_query(
        "alias:DarkLord", [newer.url, older.url], 2
    )
    assert searches[2].body == bodies.cooccurrence_query("alias:DarkLord", 50)
    assert index.entity("alias", "Nobody") is None
    index.close()


def test_stats_pages_through_sites(fake, tmp_path):
    index = open_index(fake, tmp_path)
    fake.search_answers["mt-entities"].append(
        {
            **hits(),
            "aggregations": {
                "kind": {
                    "buckets": [
                        {"key": "alias", "doc_count": 2, "mentions": {"value": 5.0}},
                        {"key": "btc", "doc_count": 1, "mentions": {"value": 3.0}},
                    ]
                }
            },
        }
    )
    fake.search_answers["mt-pages"].extend(
        [
            {
                **hits(total=7),
                "aggregations": {
                    "sites": {
                        "buckets": [{"key": {"site": "a"}, "doc_count": 3}],
                        "after_key": {"site": "a"},
                    }
                },
            },
            {
                **hits(total=7),
                "aggregations": {
                    "sites": {
                        "buckets": [{"key": {"site": "b"}, "doc_count": 4}],
                        "after_key": {"site": "b"},
                    }
                },
            },
            {**hits(total=7), "aggregations": {"sites": {"buckets": []}}},
        ]
    )
    stats = index.stats()
    assert (stats.pages, stats.mentions, stats.entities, stats.sites) == (7, 8, 3, ("a", "b"))
    assert [(k.kind, k.mentions, k.entities) for k in stats.by_kind] == [
        ("alias", 5, 2),
        ("btc", 3, 1),
    ]
    site_queries = [r.body for r in fake.requests_to("POST", "/mt-pages/_search")]
    assert site_queries[-2:] == [
        bodies.sites_query({"site": "a"}),
        bodies.sites_query({"site": "b"}),
    ]
    index.close()


def test_most_connected_subtracts_the_entity_itself_and_drops_the_unlinked(fake, tmp_path):
    index = open_index(fake, tmp_path)
    fake.search_answers["mt-pages"].append(
        {
            **hits(),
            "aggregations": {
                "entity": {
                    "buckets": [
                        {"key": f"btc:{BTC}", "doc_count": 4, "links": {"value": 3}},
                        {"key": "phone:+15125550123", "doc_count": 2, "links": {"value": 2}},
                        {"key": "email:x@y.z", "doc_count": 9, "links": {"value": 1}},
                    ]
                }
            },
        }
    )
    assert index.most_connected(3) == [
        ConnectedEntity("btc", BTC, links=2, page_count=4),
        ConnectedEntity("phone", "+15125550123", links=1, page_count=2),
    ]
    assert fake.requests_to("POST", "/mt-pages/_search")[-1].body == bodies.most_connected_query(3)
    index.close()


def test_reads_see_queued_writes(fake, tmp_path):
    index = open_index(fake, tmp_path)
    page = make_page("http://shop.onion/1", f"pay {BTC}", "1" * 64)
    index.write_page(page, mentions_of(page, ("btc", BTC)))
    assert fake.docs["mt-pages"] == {}
    index.lookup(BTC)
    assert len(fake.docs["mt-pages"]) == 1
    refreshes = fake.requests_to("POST", r"/[\w,-]+/_refresh")
    search = fake.requests_to("POST", "/mt-entities/_search")[-1]
    assert fake.requests.index(refreshes[-1]) < fake.requests.index(search)
    index.close()


def test_non_ascii_pages_survive_the_bulk_body(fake, tmp_path):
    index = open_index(fake, tmp_path)
    page = make_page("http://shop.onion/ü", f"pay {BTC} — ok", "1" * 64)
    index.write_page(page, mentions_of(page, ("btc", BTC)))
    index.close()
    (stored,) = fake.docs["mt-pages"].values()
    # Non-ASCII survives the NDJSON bulk body.
    assert stored["url"] == "http://shop.onion/ü" and stored["text"].endswith("— ok")


def test_refused_credentials_mid_crawl_spool_instead_of_raising(fake, tmp_path):
    index = open_index(fake, tmp_path)
    fake.refusal = 401
    page = make_page("http://shop.onion/1", f"pay {BTC}", "1" * 64)
    assert index.page_sha256(page.url) is None
    assert index.write_page(page, mentions_of(page, ("btc", BTC))) is WriteOutcome.NEW
    index.flush()
    assert index.spool.pending_items() == 1
    with pytest.raises(ElasticIndexError, match=r"is unavailable: .*401"):
        index.lookup(BTC)
    fake.refusal = None
    assert index.replay_spool().delivered == 1
    assert len(fake.docs["mt-pages"]) == 1
    index.close()


def test_drop_deletes_indices_and_templates(fake, tmp_path):
    index = open_index(fake, tmp_path)
    page = make_page("http://shop.onion/1", f"pay {BTC}", "1" * 64)
    index.write_page(page, mentions_of(page, ("btc", BTC)))
    index.drop()
    assert fake.indices == set() and fake.templates == {}
    assert not fake.docs.get("mt-pages")
    deletes = [r.path for r in fake.requests_to("DELETE", ".*")]
    assert deletes[0] == "/mt-pages,mt-mentions,mt-entities"
    assert len(deletes) == 6  # the indices, 3 index templates, 2 component templates
    index.init()
    assert fake.indices == {"mt-pages", "mt-mentions", "mt-entities"}
    index.close()


@pytest.mark.parametrize("prefix", ["MoneyTrail", "-mt", "mt/x", "", "mt,other"])
def test_prefixes_that_are_not_index_names_are_refused(fake, tmp_path, prefix):
    with pytest.raises(ValueError, match="index prefix"):
        ElasticIndex.from_url(fake.url, prefix=prefix, spool_dir=tmp_path / "spool")
    assert fake.requests == []

"""ElasticIndex.first_seen_between against the loopback fake: the query sent and the
hits read back. The same semantics run on a real server in tests/index/test_first_seen.py
when MONEYTRAIL_ES_URL is set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from index import elastic_bodies as bodies
from index.elastic import ElasticIndex
from tests.unit.elastic_fake import FakeElasticsearch

T0 = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)
BTC = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"


@pytest.fixture
def fake() -> Iterator[FakeElasticsearch]:
    server = FakeElasticsearch(version="9.1.0")
    yield server
    server.stop()


def test_query_is_a_first_seen_window_on_the_sites_oldest_first() -> None:
    body = bodies.first_seen_query(T0, T0 + timedelta(hours=2), ["a.onion", "b.onion"], 50)
    assert body["size"] == 50
    assert body["query"]["bool"]["filter"] == [
        {
            "range": {
                "first_seen": {
                    "gt": "2026-03-01T06:00:00.000000+00:00",
                    "lte": "2026-03-01T08:00:00.000000+00:00",
                }
            }
        },
        {"terms": {"sites": ["a.onion", "b.onion"]}},
    ]
    assert [next(iter(s)) for s in body["sort"]] == ["first_seen", "kind", "value"]
    unbounded = bodies.first_seen_query(None, T0, [], 10)
    assert unbounded["query"]["bool"]["filter"] == [
        {"range": {"first_seen": {"lte": "2026-03-01T06:00:00.000000+00:00"}}}
    ]


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        bodies.first_seen_query(None, datetime(2026, 3, 1), [], 10)


def test_hits_are_read_as_entity_hits(fake: FakeElasticsearch, tmp_path) -> None:
    index = ElasticIndex.from_url(fake.url, prefix="mt", spool_dir=tmp_path / "spool")
    source = {
        "kind": "btc",
        "value": BTC,
        "first_seen": bodies.to_iso(T0),
        "last_seen": bodies.to_iso(T0 + timedelta(hours=1)),
        "sites": ["a.onion"],
        "page_count": 2,
        "mention_count": 3,
    }
    fake.search_answers["mt-entities"].append(
        {"hits": {"total": {"value": 1, "relation": "eq"}, "hits": [{"_source": source}]}}
    )
    (hit,) = index.first_seen_between(None, T0 + timedelta(hours=2), ["a.onion"], limit=7)
    sent = fake.requests_to("POST", "/mt-entities/_search")[-1].body
    assert sent == bodies.first_seen_query(None, T0 + timedelta(hours=2), ["a.onion"], 7)
    assert (hit.kind, hit.value, hit.first_seen, hit.sites) == ("btc", BTC, T0, ("a.onion",))
    assert (hit.page_count, hit.mention_count, hit.score) == (2, 3, 1.0)
    index.close()

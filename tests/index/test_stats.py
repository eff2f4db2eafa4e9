"""Conformance: index statistics and the most connected entities."""

from __future__ import annotations

from index.model import ConnectedEntity, IndexStats, KindCount
from tests.index.builders import BTC, BTC_2, EMAIL, PHONE, PHONE_2, listing, write_all


def test_stats_count_pages_mentions_entities_per_kind_and_sites(backend):
    write_all(
        backend,
        listing("http://a.onion/1", [("btc", BTC), ("btc", BTC), ("phone", PHONE)]),
        listing("http://b.onion/2", [("btc", BTC_2), ("alias", "DarkLord")]),
        listing("http://b.onion/3", []),
    )

    assert backend.stats() == IndexStats(
        pages=3,
        mentions=5,
        entities=4,
        by_kind=(
            KindCount("alias", mentions=1, entities=1),
            KindCount("btc", mentions=3, entities=2),
            KindCount("phone", mentions=1, entities=1),
        ),
        sites=("a.onion", "b.onion"),
    )


def test_stats_of_an_empty_index(backend):
    assert backend.stats() == IndexStats(pages=0, mentions=0, entities=0, by_kind=(), sites=())


def test_most_connected_counts_distinct_non_alias_neighbours(backend):
    write_all(
        backend,
        # The alias is on every page: it must not count, nor be ranked.
        listing(
            "http://a.onion/1",
            [("btc", BTC), ("phone", PHONE), ("email", EMAIL), ("alias", "Admin")],
        ),
        listing("http://a.onion/2", [("btc", BTC), ("phone", PHONE_2), ("alias", "Admin")]),
        listing("http://b.onion/3", [("phone", PHONE), ("email", EMAIL), ("alias", "Admin")]),
        listing("http://b.onion/4", [("btc", BTC_2), ("alias", "Admin")]),  # no links
    )

    assert backend.most_connected() == [
        ConnectedEntity("btc", BTC, links=3, page_count=2),
        ConnectedEntity("email", EMAIL, links=2, page_count=2),  # ties: kind, then value
        ConnectedEntity("phone", PHONE, links=2, page_count=2),
        ConnectedEntity("phone", PHONE_2, links=1, page_count=1),
    ]
    assert [entity.value for entity in backend.most_connected(limit=2)] == [BTC, EMAIL]


def test_most_connected_prefers_more_pages_on_equal_links(backend):
    write_all(
        backend,
        listing("http://a.onion/1", [("btc", BTC), ("phone", PHONE)]),
        listing("http://a.onion/2", [("btc", BTC), ("phone", PHONE)]),
        listing("http://a.onion/3", [("btc", BTC)]),
    )

    assert backend.most_connected() == [
        ConnectedEntity("btc", BTC, links=1, page_count=3),
        ConnectedEntity("phone", PHONE, links=1, page_count=2),
    ]


def test_most_connected_follows_changed_pages(backend):
    write_all(
        backend,
        listing("http://a.onion/1", [("btc", BTC), ("phone", PHONE), ("email", EMAIL)]),
    )

    write_all(backend, listing("http://a.onion/1", [("btc", BTC), ("phone", PHONE)], words="v2"))

    assert backend.most_connected() == [
        ConnectedEntity("btc", BTC, links=1, page_count=1),
        ConnectedEntity("phone", PHONE, links=1, page_count=1),
    ]
    assert backend.most_connected(limit=0) == []

"""Conformance: re-crawling a page, unchanged or changed.

Decided semantics (index/backend.py): an unchanged page keeps its mentions and moves
last_seen; a changed page's mentions are replaced and every aggregate follows; an entity
that no stored page mentions any more is gone (lookup finds nothing, stats do not count
it), and first/last seen come from the pages that still show it.
"""

from __future__ import annotations

from index.model import Cooccurrence, WriteOutcome
from tests.index.builders import BTC, BTC_2, EMAIL, PHONE, at, listing, write_all


def test_unchanged_recrawl_adds_nothing_and_moves_last_seen(backend):
    url = "http://a.onion/1"
    write_all(backend, listing(url, [("btc", BTC), ("phone", PHONE)], fetched_at=at(1)))
    before = backend.stats()

    outcomes = write_all(backend, listing(url, [("btc", BTC), ("phone", PHONE)], fetched_at=at(9)))

    assert outcomes == [WriteOutcome.UNCHANGED]
    (hit,) = backend.lookup(BTC)
    assert (hit.first_seen, hit.last_seen) == (at(1), at(9))
    assert (hit.page_count, hit.mention_count) == (1, 1)
    assert backend.stats() == before
    view = backend.entity("btc", BTC)
    assert len(view.evidence) == 1
    assert view.cooccurring == (Cooccurrence("phone", PHONE, 1),)
    assert backend.lookup(PHONE)[0].last_seen == at(9)


def test_unchanged_recrawl_moves_only_that_pages_entities(backend):
    write_all(
        backend,
        listing("http://a.onion/1", [("btc", BTC)], fetched_at=at(1)),
        listing("http://a.onion/2", [("phone", PHONE)], fetched_at=at(1)),
    )

    write_all(backend, listing("http://a.onion/1", [("btc", BTC)], fetched_at=at(5)))

    assert backend.lookup(BTC)[0].last_seen == at(5)
    assert backend.lookup(PHONE)[0].last_seen == at(1)


def test_changed_page_replaces_its_mentions(backend):
    url = "http://a.onion/1"
    write_all(backend, listing(url, [("btc", BTC), ("phone", PHONE)], fetched_at=at(1)))

    outcomes = write_all(
        backend, listing(url, [("phone", PHONE), ("email", EMAIL)], fetched_at=at(2))
    )

    assert outcomes == [WriteOutcome.CHANGED]
    # The address is on no page any more: it is gone.
    assert backend.lookup(BTC) == []
    assert backend.entity("btc", BTC) is None
    (phone,) = backend.lookup(PHONE)
    assert (phone.page_count, phone.mention_count) == (1, 1)
    assert (phone.first_seen, phone.last_seen) == (at(1), at(2))
    (email,) = backend.lookup(EMAIL)
    assert (email.first_seen, email.last_seen) == (at(2), at(2))
    assert backend.entity("phone", PHONE).cooccurring == (Cooccurrence("email", EMAIL, 1),)
    stats = backend.stats()
    assert (stats.pages, stats.mentions, stats.entities) == (1, 2, 2)
    assert [count.kind for count in stats.by_kind] == ["email", "phone"]


def test_changed_page_corrects_counts_sites_and_seen_times_of_shared_entities(backend):
    write_all(
        backend,
        listing("http://a.onion/1", [("btc", BTC), ("btc", BTC)], fetched_at=at(1)),
        listing("http://b.onion/2", [("btc", BTC)], fetched_at=at(2)),
    )

    write_all(backend, listing("http://a.onion/1", [("btc", BTC_2)], fetched_at=at(3)))

    (hit,) = backend.lookup(BTC)
    assert (hit.page_count, hit.mention_count) == (1, 1)
    assert hit.sites == ("b.onion",)
    assert (hit.first_seen, hit.last_seen) == (at(2), at(2))
    assert [e.url for e in backend.entity("btc", BTC).evidence] == ["http://b.onion/2"]


def test_changed_page_keeps_first_seen_of_entities_it_still_shows(backend):
    url = "http://a.onion/1"
    write_all(backend, listing(url, [("btc", BTC)], fetched_at=at(1)))

    write_all(backend, listing(url, [("btc", BTC)], words="Price drop!", fetched_at=at(4)))

    (hit,) = backend.lookup(BTC)
    assert (hit.first_seen, hit.last_seen) == (at(1), at(4))
    assert (hit.page_count, hit.mention_count) == (1, 1)


def test_changed_page_text_is_searched_as_it_is_now(backend):
    url = "http://a.onion/1"
    write_all(backend, listing(url, [], words="spring sale on everything", fetched_at=at(1)))

    write_all(backend, listing(url, [], words="winter restock arrived", fetched_at=at(2)))

    assert backend.search_text("spring") == []
    assert [hit.url for hit in backend.search_text("winter")] == [url]
    assert backend.search_text("winter")[0].fetched_at == at(2)


def test_alias_that_vanished_is_not_found_by_fuzzy_search(backend):
    url = "http://a.onion/1"
    write_all(backend, listing(url, [("alias", "GhostPlug")], fetched_at=at(1)))

    write_all(backend, listing(url, [("alias", "SnowWhite")], fetched_at=at(2)))

    assert backend.search_alias("ghostplug") == []
    assert [hit.value for hit in backend.search_alias("snow white")] == ["SnowWhite"]

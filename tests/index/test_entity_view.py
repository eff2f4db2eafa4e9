"""Conformance: the entity view (aggregates, evidence, co-occurring entities)."""

from __future__ import annotations

from index.model import Cooccurrence
from tests.index.builders import BTC, EMAIL, ETH, PHONE, PHONE_2, at, listing, write_all


def test_entity_view_shows_aggregates_evidence_and_cooccurrence(backend):
    first = listing(
        "http://a.onion/1",
        [("btc", BTC), ("phone", PHONE), ("alias", "DarkLord")],
        fetched_at=at(1),
    )
    second = listing(
        "http://b.onion/2", [("phone", PHONE), ("btc", BTC), ("email", EMAIL)], fetched_at=at(2)
    )
    third = listing("http://b.onion/3", [("btc", BTC), ("email", EMAIL)], fetched_at=at(3))
    unrelated = listing("http://c.onion/4", [("phone", PHONE_2)], fetched_at=at(4))
    write_all(backend, first, second, third, unrelated)

    view = backend.entity("btc", BTC)

    assert (view.kind, view.value) == ("btc", BTC)
    assert (view.first_seen, view.last_seen) == (at(1), at(3))
    assert view.sites == ("a.onion", "b.onion")
    assert (view.page_count, view.mention_count) == (3, 3)
    assert [evidence.url for evidence in view.evidence] == [
        "http://b.onion/3",
        "http://b.onion/2",
        "http://a.onion/1",
    ]
    assert view.cooccurring == (
        Cooccurrence("email", EMAIL, 2),
        Cooccurrence("phone", PHONE, 2),
        Cooccurrence("alias", "DarkLord", 1),
    )


def test_evidence_is_enough_to_show_what_the_page_said(backend):
    built, mentions = listing("http://a.onion/1", [("eth", ETH, ETH.lower())], fetched_at=at(7))
    write_all(backend, (built, mentions))

    (evidence,) = backend.entity("eth", ETH).evidence

    assert (evidence.url, evidence.site, evidence.fetched_at) == (built.url, "a.onion", at(7))
    assert evidence.sha256 == built.sha256
    assert evidence.raw == ETH.lower()
    assert built.text[evidence.start : evidence.end] == evidence.raw
    assert evidence.context == mentions[0].context
    assert (evidence.extractor, evidence.confidence) == ("test.eth", 1.0)


def test_every_mention_on_a_page_is_evidence(backend):
    built, mentions = listing("http://a.onion/1", [("phone", PHONE), ("phone", PHONE)])
    write_all(backend, (built, mentions))

    evidence = backend.entity("phone", PHONE).evidence

    assert sorted(e.start for e in evidence) == sorted(m.start for m in mentions)


def test_limits_cap_evidence_and_cooccurring(backend):
    write_all(
        backend,
        *(
            listing(
                f"http://a.onion/{n}",
                [("btc", BTC), ("phone", f"+1512555{n:04d}")],
                fetched_at=at(n),
            )
            for n in range(12)
        ),
    )

    view = backend.entity("btc", BTC, evidence_limit=4, cooccurring_limit=3)

    assert [e.url for e in view.evidence] == [f"http://a.onion/{n}" for n in (11, 10, 9, 8)]
    # Equal counts are ordered by kind, then value.
    assert view.cooccurring == tuple(Cooccurrence("phone", f"+1512555{n:04d}", 1) for n in range(3))
    assert view.page_count == 12


def test_unknown_entity_is_none(backend):
    write_all(backend, listing("http://a.onion/1", [("btc", BTC)]))

    assert backend.entity("btc", "bc1qnothere") is None
    assert backend.entity("eth", BTC) is None

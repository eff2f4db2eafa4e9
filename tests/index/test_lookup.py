"""Conformance: exact lookup of normalised values."""

from __future__ import annotations

from tests.index.builders import (
    BTC,
    BTC_2,
    EMAIL,
    ETH,
    PHONE,
    PHONE_2,
    XMR,
    at,
    listing,
    mention,
    page,
    write_all,
)


def test_lookup_finds_an_address_with_its_aggregates(backend):
    write_all(
        backend,
        listing("http://a.onion/1", [("btc", BTC), ("phone", PHONE)], fetched_at=at(0)),
        listing("http://b.onion/7", [("btc", BTC)], fetched_at=at(5)),
        listing("http://b.onion/8", [("btc", BTC_2)], fetched_at=at(6)),
    )

    (hit,) = backend.lookup(BTC)

    assert (hit.kind, hit.value) == ("btc", BTC)
    assert (hit.first_seen, hit.last_seen) == (at(0), at(5))
    assert hit.sites == ("a.onion", "b.onion")
    assert (hit.page_count, hit.mention_count) == (2, 2)
    assert hit.score == 1.0


def test_lookup_finds_phones_emails_and_long_addresses(backend):
    write_all(
        backend,
        listing(
            "http://a.onion/1",
            [("phone", PHONE), ("email", EMAIL), ("xmr", XMR), ("eth", ETH, ETH.lower())],
        ),
    )

    assert [hit.kind for hit in backend.lookup(PHONE)] == ["phone"]
    assert [hit.kind for hit in backend.lookup(EMAIL)] == ["email"]
    assert [hit.kind for hit in backend.lookup(XMR)] == ["xmr"]
    assert [hit.value for hit in backend.lookup(ETH, kind="eth")] == [ETH]


def test_lookup_is_exact(backend):
    write_all(backend, listing("http://a.onion/1", [("btc", BTC), ("phone", PHONE)]))

    assert backend.lookup(BTC[:-1]) == []
    assert backend.lookup(BTC + "x") == []
    assert backend.lookup(BTC.upper()) == []
    assert backend.lookup(PHONE.removeprefix("+")) == []
    assert backend.lookup("") == []


def test_kind_filter_separates_one_value_under_two_kinds(backend):
    write_all(
        backend,
        listing("http://a.onion/1", [("alias", "darkvendor"), ("telegram", "darkvendor")]),
        listing("http://a.onion/2", [("telegram", "darkvendor")]),
    )

    both = backend.lookup("darkvendor")
    only_telegram = backend.lookup("darkvendor", kind="telegram")

    # Without a kind: every kind, the most active first.
    assert [(hit.kind, hit.page_count) for hit in both] == [("telegram", 2), ("alias", 1)]
    assert [(hit.kind, hit.page_count) for hit in only_telegram] == [("telegram", 2)]
    assert backend.lookup("darkvendor", kind="email") == []


def test_repeats_on_one_page_count_as_mentions_not_pages(backend):
    built = page("http://a.onion/1", f"Pay {PHONE} or call {PHONE} or text {PHONE}.")
    mentions = [mention(built, "phone", PHONE, occurrence=n) for n in range(3)]
    write_all(backend, (built, mentions))

    (hit,) = backend.lookup(PHONE, kind="phone")

    assert (hit.page_count, hit.mention_count) == (1, 3)


def test_lookup_limit(backend):
    write_all(
        backend,
        listing(
            "http://a.onion/1",
            [("alias", "samename"), ("telegram", "samename"), ("wickr", "samename")],
        ),
    )

    assert len(backend.lookup("samename")) == 3
    assert len(backend.lookup("samename", limit=2)) == 2


def test_lookup_of_an_unknown_value_on_an_empty_index(backend):
    assert backend.lookup(PHONE_2) == []
    assert backend.lookup(PHONE_2, kind="phone") == []


def test_zero_and_negative_limits_return_nothing(backend):
    write_all(backend, listing("http://a.onion/1", [("btc", BTC), ("alias", "DarkLord")]))

    assert backend.lookup(BTC, limit=0) == []
    assert backend.lookup(BTC, limit=-1) == []
    assert backend.search_alias("darklord", limit=-1) == []
    assert backend.search_text("contact", limit=-1) == []
    view = backend.entity("btc", BTC, evidence_limit=-1, cooccurring_limit=0)
    assert (view.evidence, view.cooccurring, view.page_count) == ((), (), 1)
    assert backend.most_connected(limit=-1) == []

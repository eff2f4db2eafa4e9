"""Conformance: entities first seen in a time window, on some sites (what a run found)."""

from __future__ import annotations

from tests.index.builders import BTC, BTC_2, EMAIL, ETH, PHONE, at, listing, write_all


def _crawls(backend):
    write_all(
        backend,
        # Run 1 (hours 0-1): a.onion and b.onion.
        listing("http://a.onion/1", [("btc", BTC), ("phone", PHONE)], fetched_at=at(0)),
        listing("http://b.onion/1", [("email", EMAIL)], fetched_at=at(1)),
        # Run 2 (hours 10-11): a.onion again, with something new; c.onion for the first time.
        listing("http://a.onion/2", [("btc", BTC), ("eth", ETH)], fetched_at=at(10)),
        listing("http://c.onion/1", [("btc", BTC_2), ("phone", PHONE)], fetched_at=at(11)),
    )


def test_window_is_after_since_and_up_to_until(backend):
    _crawls(backend)
    first_run = backend.first_seen_between(None, at(1))
    assert [(h.kind, h.value) for h in first_run] == [
        ("btc", BTC),
        ("phone", PHONE),
        ("email", EMAIL),
    ]
    second_run = backend.first_seen_between(at(1), at(11))
    assert [(h.kind, h.value) for h in second_run] == [("eth", ETH), ("btc", BTC_2)]
    assert all(h.score == 1.0 for h in second_run)
    assert backend.first_seen_between(at(11), at(99)) == []


def test_sites_filter_keeps_entities_seen_on_any_of_them(backend):
    _crawls(backend)
    on_c = backend.first_seen_between(at(1), at(11), sites=["c.onion"])
    assert [(h.kind, h.value, h.sites) for h in on_c] == [("btc", BTC_2, ("c.onion",))]
    everything_on_a_or_b = backend.first_seen_between(None, at(11), sites=["a.onion", "b.onion"])
    assert {h.value for h in everything_on_a_or_b} == {BTC, PHONE, EMAIL, ETH}
    assert backend.first_seen_between(None, at(11), sites=["nowhere.onion"]) == []


def test_hits_carry_aggregates_and_the_limit_applies(backend):
    _crawls(backend)
    (phone,) = [h for h in backend.first_seen_between(None, at(11)) if h.kind == "phone"]
    assert (phone.first_seen, phone.last_seen) == (at(0), at(11))
    assert phone.sites == ("a.onion", "c.onion")
    assert phone.page_count == 2
    assert len(backend.first_seen_between(None, at(11), limit=2)) == 2

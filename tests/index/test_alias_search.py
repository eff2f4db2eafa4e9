"""Conformance: fuzzy alias search (index.folding defines the matching both backends use)."""

from __future__ import annotations

import pytest

from tests.index.builders import BTC, listing, write_all


def aliases_on_pages(backend, *per_page: list[str]) -> None:
    write_all(
        backend,
        *(
            listing(f"http://market.onion/vendor/{n}", [("alias", name) for name in names])
            for n, names in enumerate(per_page)
        ),
    )


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("darklord", "D4rkL0rd"),  # leetspeak and case
        ("DarkLord", "darklord"),  # case
        ("Dárklord", "darklord"),  # accents
        ("dark_lord", "Dark Lord"),  # separators
        ("dark.lord", "darklord"),
        ("k1ller", "KILLER"),  # 1 stands for i and l
        ("$ilk@road", "silkaroad"),
        ("ＤａｒｋＬｏｒｄ", "darklord"),  # fullwidth forms
    ],
)
def test_spellings_of_one_name_match_exactly(backend, stored, query):
    aliases_on_pages(backend, [stored])

    (hit,) = backend.search_alias(query)

    assert (hit.kind, hit.value, hit.score) == ("alias", stored, 1.0)


@pytest.mark.parametrize(
    "query",
    [
        "darklrod",  # two neighbours swapped
        "darkord",  # one letter missing
        "darkloard",  # one letter extra
        "dxrklorx",  # two substitutions (8 letters allow two typos)
        "drklod",  # two letters missing
    ],
)
def test_typos_still_find_the_alias(backend, query):
    aliases_on_pages(backend, ["darklord"])

    (hit,) = backend.search_alias(query)

    assert hit.value == "darklord"
    assert 0 < hit.score < 1.0


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("darklord", "dxrxlorx"),  # three typos is another name
        ("bob", "bxx"),  # three letters allow one typo
        ("ab", "ac"),  # two letters allow none
        ("darklord", "lightlord"),
    ],
)
def test_names_beyond_the_typo_budget_do_not_match(backend, stored, query):
    aliases_on_pages(backend, [stored])

    assert backend.search_alias(query) == []


def test_short_names_allow_one_typo(backend):
    aliases_on_pages(backend, ["bob"])

    assert [hit.value for hit in backend.search_alias("rob")] == ["bob"]


def test_ranking_is_exact_then_closer_then_more_active(backend):
    aliases_on_pages(
        backend,
        ["DarkLord", "darklords", "darkIords2"],
        ["DarkLord", "darklords"],
        ["DarkLord", "darklords"],
        ["dark_lord", "darklords"],
        ["darklords"],
        ["D4RKL0RD"],
        ["darklxrdz"],
    )

    hits = backend.search_alias("darklord")

    assert [(hit.value, hit.page_count) for hit in hits] == [
        ("DarkLord", 3),  # exact, most active
        ("D4RKL0RD", 1),  # exact, ties broken by value
        ("dark_lord", 1),
        ("darklords", 5),  # one typo away
        ("darkIords2", 1),  # capital i for l is no typo; 's' and '2' are two
        ("darklxrdz", 1),
    ]
    assert [hit.score for hit in hits[:3]] == [1.0, 1.0, 1.0]
    assert hits[2].score > hits[3].score > hits[4].score
    assert hits[4].score >= hits[5].score


def test_alias_search_returns_only_aliases(backend):
    write_all(
        backend,
        listing(
            "http://market.onion/1",
            [("telegram", "darklord"), ("email", "darklord@proton.me"), ("btc", BTC)],
        ),
    )

    assert backend.search_alias("darklord") == []


def test_hits_carry_aggregates(backend):
    write_all(
        backend,
        listing("http://a.onion/1", [("alias", "GhostPlug")]),
        listing("http://b.onion/2", [("alias", "GhostPlug"), ("alias", "GhostPlug")]),
    )

    (hit,) = backend.search_alias("ghost plug")

    assert hit.sites == ("a.onion", "b.onion")
    assert (hit.page_count, hit.mention_count) == (2, 3)


def test_limit_and_empty_queries(backend):
    aliases_on_pages(backend, ["vendor1", "vendor2", "vendor3", "vendor4"])

    assert len(backend.search_alias("vendor", limit=2)) == 2
    assert len(backend.search_alias("vendor")) == 4
    assert backend.search_alias("") == []
    assert backend.search_alias("___ ...") == []
    assert backend.search_alias("nobody-like-this") == []

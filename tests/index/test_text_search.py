"""Conformance: full-text search over page titles and text."""

from __future__ import annotations

import pytest

from tests.index.builders import at, page, write_all


@pytest.fixture
def shop(backend):
    write_all(
        backend,
        (
            page(
                "http://shop.onion/item/1",
                "Premium product, worldwide stealth shipping. Escrow accepted, pay in bitcoin.",
                title="Premium listing",
                fetched_at=at(1),
            ),
            [],
        ),
        (
            page(
                "http://shop.onion/item/2",
                "Bulk discount for resellers. Finalize early only for trusted buyers.",
                title="Bulk escrow deal",
                fetched_at=at(2),
            ),
            [],
        ),
        (
            page(
                "http://forum.onion/thread/3",
                "Which market has the best escrow? Asking for a friend.",
                title="Question",
                fetched_at=at(3),
            ),
            [],
        ),
    )
    return backend


def test_a_word_in_the_text_finds_the_page_with_a_snippet(shop):
    (hit,) = shop.search_text("stealth")

    assert (hit.url, hit.site, hit.title) == (
        "http://shop.onion/item/1",
        "shop.onion",
        "Premium listing",
    )
    assert hit.fetched_at == at(1)
    assert "stealth" in hit.snippet.lower()


def test_a_word_in_the_title_only_finds_the_page(shop):
    assert [hit.url for hit in shop.search_text("question")] == ["http://forum.onion/thread/3"]


def test_matching_ignores_case(shop):
    assert [hit.url for hit in shop.search_text("BITCOIN")] == ["http://shop.onion/item/1"]


def test_every_word_must_match(shop):
    assert [hit.url for hit in shop.search_text("escrow bitcoin")] == ["http://shop.onion/item/1"]
    assert {hit.url for hit in shop.search_text("escrow")} == {
        "http://shop.onion/item/1",
        "http://shop.onion/item/2",
        "http://forum.onion/thread/3",
    }


def test_hits_come_best_first(shop):
    hits = shop.search_text("escrow")

    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_limit(shop):
    assert len(shop.search_text("escrow", limit=2)) == 2


@pytest.mark.parametrize(
    "query", ['"', "escrow OR", "AND", "(", "escrow*", "NEAR(escrow", "-", "title:escrow", "^"]
)
def test_query_syntax_characters_are_searched_as_text_not_errors(shop, query):
    hits = shop.search_text(query)

    assert isinstance(hits, list)


def test_no_match_and_empty_queries(shop):
    assert shop.search_text("heroin") == []
    assert shop.search_text("") == []
    assert shop.search_text("   ") == []

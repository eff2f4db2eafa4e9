"""Conformance: writing pages, write outcomes, body hashes, volume and unicode."""

from __future__ import annotations

from index.model import WriteOutcome
from tests.index.builders import BTC, PHONE, at, listing, page, write_all


def test_a_new_page_is_new_and_its_hash_is_kept(backend):
    built, mentions = listing("http://shop.onion/item/1", [("btc", BTC)])

    assert write_all(backend, (built, mentions)) == [WriteOutcome.NEW]
    assert backend.page_sha256(built.url) == built.sha256
    assert backend.page_sha256("http://shop.onion/never-seen") is None


def test_same_body_again_is_unchanged_and_another_body_is_changed(backend):
    first, mentions = listing("http://shop.onion/item/1", [("btc", BTC)])
    again, _ = listing("http://shop.onion/item/1", [("btc", BTC)], fetched_at=at(1))
    edited, edited_mentions = listing(
        "http://shop.onion/item/1", [("phone", PHONE)], fetched_at=at(2)
    )

    outcomes = write_all(backend, (first, mentions), (again, mentions))
    outcomes += write_all(backend, (edited, edited_mentions))

    assert outcomes == [WriteOutcome.NEW, WriteOutcome.UNCHANGED, WriteOutcome.CHANGED]
    assert backend.page_sha256(first.url) == edited.sha256


def test_a_page_written_twice_before_a_flush_ends_as_the_second_version(backend):
    first, first_mentions = listing("http://shop.onion/item/1", [("btc", BTC)])
    second, second_mentions = listing(
        "http://shop.onion/item/1", [("phone", PHONE)], fetched_at=at(1)
    )

    outcomes = [
        backend.write_page(first, first_mentions),
        backend.write_page(second, second_mentions),
    ]
    backend.flush()

    assert outcomes == [WriteOutcome.NEW, WriteOutcome.CHANGED]
    assert backend.lookup(BTC) == []
    assert [hit.page_count for hit in backend.lookup(PHONE)] == [1]


def test_a_page_without_mentions_is_stored_and_searchable(backend):
    built = page("http://forum.onion/t/9", "Nothing to sell here, only a discussion of escrow.")

    assert write_all(backend, (built, [])) == [WriteOutcome.NEW]
    assert [hit.url for hit in backend.search_text("discussion")] == [built.url]
    assert backend.stats().mentions == 0


def test_many_pages_share_one_entity(backend):
    pages = [
        listing(
            f"http://market{n % 3}.onion/item/{n}",
            [("btc", BTC), ("phone", f"+1512555{n:04d}")],
            fetched_at=at(n),
        )
        for n in range(300)
    ]

    outcomes = write_all(backend, *pages)

    assert outcomes == [WriteOutcome.NEW] * 300
    (hit,) = backend.lookup(BTC, kind="btc")
    assert (hit.page_count, hit.mention_count) == (300, 300)
    assert hit.sites == ("market0.onion", "market1.onion", "market2.onion")
    assert (hit.first_seen, hit.last_seen) == (at(0), at(299))
    stats = backend.stats()
    assert (stats.pages, stats.mentions, stats.entities) == (300, 600, 301)
    view = backend.entity("btc", BTC, evidence_limit=5)
    assert [evidence.url for evidence in view.evidence] == [
        f"http://market{n % 3}.onion/item/{n}" for n in range(299, 294, -1)
    ]


def test_unicode_text_titles_and_aliases_round_trip(backend):
    built, mentions = listing(
        "http://рынок.onion/товар/1",
        [("alias", "Тёмный_Лорд"), ("alias", "黑暗领主"), ("btc", BTC)],
        title="Лучший товар 🔥",
        words="Доставка по всему миру, 安全",
        site="рынок.onion",
    )

    write_all(backend, (built, mentions))

    (hit,) = backend.lookup("Тёмный_Лорд", kind="alias")
    assert hit.sites == ("рынок.onion",)
    assert [h.value for h in backend.search_alias("тёмный лорд")] == ["Тёмный_Лорд"]
    assert [h.value for h in backend.search_alias("黑暗领主")] == ["黑暗领主"]
    (found,) = backend.search_text("Доставка")
    assert (found.url, found.title) == (built.url, "Лучший товар 🔥")
    view = backend.entity("alias", "Тёмный_Лорд")
    (evidence,) = view.evidence
    assert built.text[evidence.start : evidence.end] == "Тёмный_Лорд"

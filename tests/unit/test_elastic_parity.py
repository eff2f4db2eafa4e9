"""Write semantics: the Elasticsearch backend's entity documents equal SQLite's aggregates.

The same random crawl (new, changed, unchanged and late pages; entities appearing and
vanishing) goes to a real SQLite index and to ElasticIndex over the loopback server,
whose two entity aggregations are computed from the documents the backend wrote. After
every flush, outcomes, body hashes and every entity's first/last seen, page and mention
counts and sites must be the same.
"""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta

import pytest

from index import elastic_bodies as bodies
from index.elastic import ElasticIndex
from index.model import Mention, Page
from index.sqlite import SQLiteIndex
from tests.unit.elastic_fake import FakeElasticsearch

T0 = datetime(2025, 9, 1, tzinfo=UTC)
VALUES = [
    ("btc", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
    ("btc", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),
    ("phone", "+15125550123"),
    ("email", "darklord@proton.me"),
    ("alias", "DarkLord"),
    ("alias", "GhostPlug"),
]
URLS = [f"http://{site}/item/{n}" for site in ("a.onion", "b.onion") for n in range(3)]


def random_page(rng: random.Random, url: str, hour: int) -> tuple[Page, list[Mention]]:
    chosen = rng.sample(VALUES, rng.randint(0, 4))
    text = "listing"
    spots = []
    for kind, value in chosen:
        for _ in range(rng.randint(1, 2)):
            text += " contact "
            spots.append((kind, value, len(text)))
            text += value
    # Few distinct bodies per URL, so that unchanged re-fetches happen often.
    body = f"{url}|{sorted(chosen)}"
    page = Page(
        url=url,
        site=url.split("/")[2],
        title="t",
        text=text,
        lang="en",
        status=200,
        fetched_at=T0 + timedelta(hours=hour, microseconds=rng.randint(0, 999_999)),
        sha256=hashlib.sha256(body.encode()).hexdigest(),
        crawl_run="run",
        via="tor",
    )
    mentions = [
        Mention(
            kind,
            value,
            value,
            start,
            start + len(value),
            "ctx",
            "t",
            1.0,
            url,
            page.site,
            page.fetched_at,
        )
        for kind, value, start in spots
    ]
    return page, mentions


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_crawls_give_the_same_aggregates(seed, tmp_path):
    rng = random.Random(seed)
    fake = FakeElasticsearch(version="9.1.0")
    sqlite = SQLiteIndex.from_url(f"sqlite:///{tmp_path / 'index.db'}", batch_pages=7)
    elastic = ElasticIndex.from_url(
        fake.url, prefix="mt", spool_dir=tmp_path / "spool", batch_pages=5
    )
    last_body: dict[str, tuple[Page, list[Mention]]] = {}
    try:
        for step in range(60):
            url = rng.choice(URLS)
            # Hours go back and forth: late fetches of an unchanged body must change nothing.
            hour = step + rng.choice([0, 0, 0, -5])
            if url in last_body and rng.random() < 0.4:
                previous, mentions = last_body[url]
                fetched = T0 + timedelta(hours=hour, microseconds=rng.randint(0, 999_999))
                page = Page(**{**_fields(previous), "fetched_at": fetched})
            else:
                page, mentions = random_page(rng, url, hour)
            last_body[url] = (page, mentions)
            assert elastic.write_page(page, mentions) == sqlite.write_page(page, mentions), step
            if step % 9 == 8:
                compare(sqlite, elastic, fake)
        compare(sqlite, elastic, fake)
        assert elastic.spool.pending_items() == 0
    finally:
        sqlite.close()
        elastic.close()
        fake.stop()


def compare(sqlite: SQLiteIndex, elastic: ElasticIndex, fake: FakeElasticsearch) -> None:
    sqlite.flush()
    elastic.flush()
    for url in URLS:
        assert elastic.page_sha256(url) == sqlite.page_sha256(url)
    stored = {(doc["kind"], doc["value"]): doc for doc in fake.docs["mt-entities"].values()}
    for kind, value in VALUES:
        expected = sqlite.lookup(value, kind=kind)
        doc = stored.get((kind, value))
        if not expected:
            assert doc is None, (kind, value)
            continue
        (hit,) = expected
        assert doc is not None, (kind, value)
        assert (
            bodies.from_iso(doc["first_seen"]),
            bodies.from_iso(doc["last_seen"]),
            tuple(doc["sites"]),
            doc["page_count"],
            doc["mention_count"],
        ) == (hit.first_seen, hit.last_seen, hit.sites, hit.page_count, hit.mention_count), (
            kind,
            value,
        )


def _fields(page: Page) -> dict:
    return {name: getattr(page, name) for name in Page.__slots__}

"""Elasticsearch down or refusing: pages spool to disk, nothing is lost, replay sends them."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest

from index import elastic_bodies as bodies
from index.elastic import ElasticIndex, ElasticIndexError
from index.model import Mention, Page, WriteOutcome
from index.spool import CORRUPT_DIR, Spool, SpoolItem
from tests.unit.elastic_fake import FakeElasticsearch

T0 = datetime(2025, 7, 1, 9, 0, tzinfo=UTC)
BTC = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pages(count: int, start: int = 0) -> list[tuple[Page, list[Mention]]]:
    written = []
    for n in range(start, start + count):
        text = f"listing {n}: pay {BTC}"
        page = Page(
            url=f"http://shop.onion/{n}",
            site="shop.onion",
            title=f"listing {n}",
            text=text,
            lang="en",
            status=200,
            fetched_at=T0 + timedelta(minutes=n),
            sha256=f"{n:064d}",
            crawl_run="run-1",
            via="tor",
        )
        begin = text.index(BTC)
        mention = Mention(
            "btc",
            BTC,
            BTC,
            begin,
            begin + len(BTC),
            text,
            "test",
            1.0,
            page.url,
            page.site,
            page.fetched_at,
        )
        written.append((page, [mention]))
    return written


def open_index(url: str, tmp_path, **options) -> ElasticIndex:
    return ElasticIndex.from_url(
        url,
        prefix="mt",
        spool_dir=tmp_path / "spool",
        max_retries=1,
        request_timeout=5,
        bulk_max_retries=1,
        bulk_initial_backoff=0.01,
        reconnect_interval=0,
        **options,
    )


def test_unreachable_at_start_everything_spools_then_replays_on_the_next_open(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    index = open_index(url, tmp_path)  # no server: opens offline instead of failing
    assert index.server_version is None
    for page, mentions in pages(4):
        assert index.page_sha256(page.url) is None
        assert index.write_page(page, mentions) is WriteOutcome.NEW
    index.flush()
    index.close()
    assert Spool(tmp_path / "spool").pending_items() == 4

    fake = FakeElasticsearch(version="8.15.0", port=port)
    try:
        reopened = open_index(url, tmp_path)
        assert sorted(d["url"] for d in fake.docs["mt-pages"].values()) == [
            f"http://shop.onion/{n}" for n in range(4)
        ]
        assert len(fake.docs["mt-mentions"]) == 4
        entity = fake.docs["mt-entities"][bodies.entity_id("btc", BTC)]
        assert entity["page_count"] == 4 and entity["first_seen"] == bodies.to_iso(T0)
        assert Spool(tmp_path / "spool").segments() == []
        reopened.close()
    finally:
        fake.stop()


def test_reads_while_unreachable_fail_with_a_clear_error(tmp_path):
    index = open_index(f"http://127.0.0.1:{free_port()}", tmp_path)
    with pytest.raises(
        ElasticIndexError, match=r"Elasticsearch at http://127\.0\.0\.1:\d+ is unavailable"
    ):
        index.lookup(BTC)
    with pytest.raises(ElasticIndexError, match="unavailable"):
        index.init()
    index.close()


def test_server_going_away_mid_crawl_spools_the_rest_and_reconnects(tmp_path):
    port = free_port()
    fake = FakeElasticsearch(version="9.1.0", port=port)
    index = open_index(fake.url, tmp_path, batch_pages=2)
    batch = pages(6)
    for page, mentions in batch[:2]:
        index.write_page(page, mentions)
    fake.stop()  # the batch of two went out; the server is gone now
    for page, mentions in batch[2:]:
        index.write_page(page, mentions)
    index.flush()
    assert index.spool.pending_items() == 4
    assert len(fake.docs["mt-pages"]) == 2

    back = FakeElasticsearch(version="9.1.0", port=port)
    try:
        back.indices |= fake.indices
        for name, docs in fake.docs.items():
            back.docs[name].update(docs)
        later, mentions = pages(1, start=6)[0]
        index.write_page(later, mentions)  # reconnects, replays the spool, then writes
        index.close()
        assert sorted(d["url"] for d in back.docs["mt-pages"].values()) == [
            f"http://shop.onion/{n}" for n in range(7)
        ]
        assert index.spool.pending_items() == 0
    finally:
        back.stop()


@pytest.mark.parametrize("status", [503, 429])
def test_refused_batches_spool_and_a_segment_goes_only_after_a_successful_replay(status, tmp_path):
    fake = FakeElasticsearch(version="9.1.0")
    try:
        index = open_index(fake.url, tmp_path)
        fake.bulk_refusal = status  # outlasts the transport's and the bulk helper's retries
        for page, mentions in pages(3):
            index.write_page(page, mentions)
        index.flush()
        assert fake.docs["mt-pages"] == {}
        assert index.spool.pending_items() == 3
        (segment,) = index.spool.segments()

        report = index.replay_spool()
        assert report.deferred is not None and report.delivered == 0
        assert segment.exists() and index.spool.pending_items() == 3

        fake.bulk_refusal = None
        report = index.replay_spool()
        assert report.complete and report.delivered == 3
        assert not segment.exists()
        assert len(fake.docs["mt-pages"]) == 3 and len(fake.docs["mt-mentions"]) == 3
        index.close()
    finally:
        fake.stop()


def test_a_corrupt_spool_line_is_reported_and_kept_aside(tmp_path, caplog):
    spool = Spool(tmp_path / "spool")
    good = [SpoolItem(page, tuple(mentions)) for page, mentions in pages(2)]
    spool.append(good)
    spool.close()
    (segment,) = spool.segments()
    segment.write_bytes(segment.read_bytes() + b'{"v": 1, "page": {"url": "trunc\n')

    fake = FakeElasticsearch(version="9.1.0")
    try:
        index = open_index(fake.url, tmp_path)  # replays on open
        assert len(fake.docs["mt-pages"]) == 2
        assert (tmp_path / "spool" / CORRUPT_DIR / segment.name).read_bytes() == (
            b'{"v": 1, "page": {"url": "trunc\n'
        )
        assert f"{segment.name} line 3" in caplog.text
        assert index.spool.segments() == []
        index.close()
    finally:
        fake.stop()


def test_a_server_that_is_not_elasticsearch_is_an_error_not_a_reason_to_spool(tmp_path):
    fake = FakeElasticsearch(version="9.1.0", product_header=False)
    try:
        with pytest.raises(ElasticIndexError, match="not Elasticsearch"):
            open_index(fake.url, tmp_path)
    finally:
        fake.stop()


def test_replay_reads_stored_pages_with_one_mget_per_run_and_keeps_order(tmp_path):
    (first, first_mentions), (other, other_mentions) = pages(2)
    text = f"changed listing: pay {BTC}"
    begin = text.index(BTC)
    later = Page(**{**_fields(first), "text": text, "sha256": "f" * 64})
    later_mention = Mention(
        "btc", BTC, BTC, begin, begin + len(BTC), text, "test", 1.0, later.url, later.site, T0
    )
    spool = Spool(tmp_path / "spool")
    spool.append(
        [
            SpoolItem(first, tuple(first_mentions)),
            SpoolItem(other, tuple(other_mentions)),
            SpoolItem(later, (later_mention,)),  # the same URL again: a new run
        ]
    )
    spool.close()
    fake = FakeElasticsearch(version="9.1.0")
    try:
        index = open_index(fake.url, tmp_path)
        mgets = fake.requests_to("POST", "/mt-pages/_mget")
        assert [len(r.body["ids"]) for r in mgets] == [2, 1]
        stored = fake.docs["mt-pages"][bodies.page_id(first.url)]
        assert stored["sha256"] == "f" * 64  # the later version won, as it was spooled last
        starts = sorted(
            m["start"] for m in fake.docs["mt-mentions"].values() if m["url"] == first.url
        )
        assert starts == [begin]
        index.close()
    finally:
        fake.stop()


def _fields(record: Page) -> dict:
    return {name: getattr(record, name) for name in Page.__slots__}

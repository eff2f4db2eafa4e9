"""The on-disk spool: durable append, replay oldest first, nothing lost on any failure."""

from __future__ import annotations

import fcntl
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from index import open_index
from index.model import Mention, Page
from index.spool import (
    CORRUPT_DIR,
    REJECTED_DIR,
    REPLAY_LOCK,
    CorruptRecord,
    DeliveryDeferred,
    Rejection,
    Spool,
    SpoolError,
    SpoolItem,
    decode_item,
    deliver_to,
    encode_item,
)

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def make_item(n: int) -> SpoolItem:
    url = f"http://market{n}.example/item/{n}"
    page = Page(
        url=url,
        site=f"market{n}.example",
        title=f"Listing nº{n}",
        text=f"pay to bc1qexample{n} — contact vendor Ünïcode\u2028line",
        lang="en",
        status=200,
        fetched_at=T0 + timedelta(minutes=n),
        sha256=f"{n:064x}",
        crawl_run="run-1",
        via="tor",
        fields={"vendor": f"vendor{n}", "price": "0.1 BTC"},
    )
    mention = Mention(
        kind="btc",
        value=f"bc1qexample{n}",
        raw=f"bc1qexample{n}",
        start=7,
        end=7 + len(f"bc1qexample{n}"),
        context=page.text[:40],
        extractor="crypto",
        confidence=0.99,
        url=url,
        site=page.site,
        fetched_at=page.fetched_at,
    )
    return SpoolItem(page=page, mentions=(mention,))


class Collector:
    """A deliver callable that records what it was given and can defer or reject."""

    def __init__(self, defer_on_call: int | None = None, reject_urls: frozenset[str] = frozenset()):
        self.defer_on_call = defer_on_call
        self.reject_urls = reject_urls
        self.calls = 0
        self.delivered: list[SpoolItem] = []

    def __call__(self, items: Sequence[SpoolItem]) -> list[Rejection]:
        self.calls += 1
        if self.calls == self.defer_on_call:
            raise DeliveryDeferred("index unreachable: connection refused")
        rejected = [
            Rejection(i, "mapper_parsing_exception")
            for i in items
            if i.page.url in self.reject_urls
        ]
        self.delivered.extend(i for i in items if i.page.url not in self.reject_urls)
        return rejected


def test_encode_decode_round_trip_keeps_every_field():
    item = make_item(3)
    line = encode_item(item)
    assert line.isascii() and len(line.splitlines()) == 1  # U+2028 in the text is escaped
    assert decode_item(line) == item
    assert decode_item(line.encode("utf-8")) == item


def test_decode_converts_offsets_to_utc():
    item = make_item(1)
    record = json.loads(encode_item(item))
    record["page"]["fetched_at"] = "2025-03-01T14:01:00+02:00"
    decoded = decode_item(json.dumps(record))
    assert decoded.page.fetched_at == item.page.fetched_at
    assert decoded.page.fetched_at.utcoffset() == timedelta(0)
    assert decoded.page.fetched_at.tzinfo == UTC


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: "not json at all", "not JSON"),
        (lambda r: {**r, "v": 99}, "version 1"),
        (lambda r: {**r, "mentions": "x"}, "not a list"),
        (lambda r: {**r, "page": {**r["page"], "fetched_at": "2025-03-01T12:00:00"}}, "timezone"),
        (lambda r: {**r, "page": {**r["page"], "fetched_at": "yesterday"}}, "ISO datetime"),
        (lambda r: {**r, "page": {**r["page"], "colour": "red"}}, "unknown fields"),
        (lambda r: {**r, "page": {k: v for k, v in r["page"].items() if k != "url"}}, "url"),
        (lambda r: {**r, "mentions": [5]}, "Mention is not an object"),
    ],
)
def test_decode_rejects_bad_records_with_a_reason(mutate, message):
    record = mutate(json.loads(encode_item(make_item(1))))
    line = record if isinstance(record, str) else json.dumps(record)
    with pytest.raises(CorruptRecord, match=message):
        decode_item(line)


def test_append_then_replay_delivers_everything_in_order_and_removes_segments(tmp_path):
    spool = Spool(tmp_path)
    items = [make_item(n) for n in range(7)]
    assert spool.append(items[:4]) == 4
    spool.seal()
    spool.append(items[4:])
    assert spool.pending_items() == 7
    assert len(spool.segments()) == 2

    collector = Collector()
    report = spool.replay(collector, batch_size=3)

    assert collector.delivered == items
    assert report.delivered == 7
    assert report.segments_done == 2
    assert report.complete
    assert spool.segments() == []
    assert spool.pending_items() == 0


def test_append_nothing_creates_no_segment(tmp_path):
    spool = Spool(tmp_path / "spool")
    assert spool.append([]) == 0
    assert spool.segments() == []
    assert spool.replay(Collector()).complete


def test_deferred_replay_keeps_exactly_what_is_still_owed(tmp_path):
    spool = Spool(tmp_path)
    items = [make_item(n) for n in range(5)]
    spool.append(items[:3])
    spool.seal()
    spool.append(items[3:])

    first = Collector(defer_on_call=2)
    report = spool.replay(first, batch_size=2)
    assert first.delivered == items[:2]
    assert report.deferred == "index unreachable: connection refused"
    assert not report.complete
    assert report.segments_left == 2
    assert spool.pending_items() == 3  # the undelivered third item and the second segment

    second = Collector()
    report = spool.replay(second, batch_size=2)
    assert second.delivered == items[2:]
    assert report.complete
    assert spool.segments() == []


def test_corrupt_lines_are_reported_and_kept_aside_not_lost(tmp_path):
    spool = Spool(tmp_path)
    items = [make_item(n) for n in range(3)]
    spool.append(items)
    spool.seal()
    (segment,) = spool.segments()
    good = segment.read_bytes().splitlines()
    garbage = b'{"v": 1, "page": {"url": "half a reco'
    segment.write_bytes(b"\n".join([good[0], b"#!binary\xff junk", good[1], good[2], garbage]))

    collector = Collector()
    report = spool.replay(collector)

    assert collector.delivered == items
    assert report.corrupt == 2
    assert report.complete
    assert any(f"{segment.name} line 2: not JSON" in p for p in report.problems)
    assert any(f"{segment.name} line 5" in p for p in report.problems)
    kept = (tmp_path / CORRUPT_DIR / segment.name).read_bytes()
    assert kept == b"#!binary\xff junk\n" + garbage + b"\n"
    assert not segment.exists()


def test_corrupt_lines_are_set_aside_once_even_if_replay_is_deferred(tmp_path):
    spool = Spool(tmp_path)
    spool.append([make_item(1)])
    spool.seal()
    (segment,) = spool.segments()
    segment.write_bytes(segment.read_bytes() + b"not a record\n")

    spool.replay(Collector(defer_on_call=1))
    report = spool.replay(Collector())

    assert report.delivered == 1 and report.corrupt == 0
    assert (tmp_path / CORRUPT_DIR / segment.name).read_bytes() == b"not a record\n"


def test_rejected_items_are_kept_with_their_reason(tmp_path):
    spool = Spool(tmp_path)
    items = [make_item(n) for n in range(3)]
    spool.append(items)
    spool.seal()
    (segment,) = spool.segments()

    collector = Collector(reject_urls=frozenset({items[1].page.url}))
    report = spool.replay(collector)

    assert collector.delivered == [items[0], items[2]]
    assert report.rejected == 1 and report.delivered == 2 and report.complete
    (line,) = (tmp_path / REJECTED_DIR / segment.name).read_text("utf-8").splitlines()
    record = json.loads(line)
    assert record["reason"] == "mapper_parsing_exception"
    del record["reason"]
    assert decode_item(json.dumps(record)) == items[1]
    assert not segment.exists()


def test_a_segment_still_being_written_by_another_spool_is_left_alone(tmp_path):
    writer = Spool(tmp_path)
    writer.append([make_item(1)])  # writer keeps its segment open and locked

    replayer = Spool(tmp_path)
    collector = Collector()
    report = replayer.replay(collector)
    assert collector.delivered == []
    assert report.skipped_busy == 1 and report.segments_left == 1

    writer.close()
    report = replayer.replay(collector)
    assert collector.delivered == [make_item(1)]
    assert report.complete


def test_replay_seals_its_own_active_segment_first(tmp_path):
    spool = Spool(tmp_path)
    spool.append([make_item(1)])
    collector = Collector()
    assert spool.replay(collector).complete
    assert collector.delivered == [make_item(1)]
    spool.append([make_item(2)])  # a fresh segment after the sealed one was replayed
    assert spool.pending_items() == 1


def test_only_one_replayer_at_a_time(tmp_path):
    spool = Spool(tmp_path)
    spool.append([make_item(1)])
    spool.seal()
    with (tmp_path / REPLAY_LOCK).open("ab") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        report = spool.replay(Collector())
    assert report.deferred == "another process is replaying this spool"
    assert spool.pending_items() == 1


def test_unwritable_spool_directory_raises_spool_error(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the spool directory should be")
    with pytest.raises(SpoolError, match="cannot write spool segment"):
        Spool(blocker).append([make_item(1)])


def test_pending_items_counts_a_torn_last_line(tmp_path):
    path: Path = tmp_path / "20250101T000000000000Z-1-0001.jsonl"
    path.write_bytes(encode_item(make_item(1)).encode() + b"\n" + b'{"v":1,"pa')
    assert Spool(tmp_path).pending_items() == 2


def test_deliver_to_a_backend_sets_aside_contradictions_and_defers_on_storage_errors(tmp_path):
    backend = open_index(f"sqlite:///{tmp_path / 'index.db'}")
    good = make_item(1)
    page = good.page
    outside = SpoolItem(
        page=Page(**{**_fields(page), "url": "http://other.example/"}),
        mentions=(
            Mention(**{**_fields(good.mentions[0]), "url": "http://other.example/", "end": 10**6}),
        ),
    )
    spool = Spool(tmp_path / "spool")
    spool.append([good, outside])
    report = spool.replay(deliver_to(backend))
    assert report.delivered == 1 and report.rejected == 1 and report.complete
    assert "outside the page text" in report.problems[0]
    assert backend.page_sha256(page.url) == page.sha256

    backend.close()  # a store that cannot take writes: the replay stops, nothing is lost
    spool.append([make_item(2)])
    report = spool.replay(deliver_to(backend))
    assert report.deferred is not None and "ProgrammingError" in report.deferred
    assert spool.pending_items() == 1


def _fields(record: Page | Mention) -> dict:
    return {name: getattr(record, name) for name in type(record).__slots__}

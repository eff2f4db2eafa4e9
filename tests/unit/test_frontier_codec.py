from __future__ import annotations

import json

import pytest
import scrapy

from crawler.frontier.codec import RequestCodecError, decode_request, encode_request


class _Spider(scrapy.Spider):
    name = "codec"

    def parse(self, response):
        return None

    def failed(self, failure):
        return None


SPIDER = _Spider()


def test_round_trip_keeps_everything_the_crawl_needs() -> None:
    body = bytes(range(256))  # every byte value, not valid UTF-8
    request = scrapy.Request(
        "http://127.0.0.1:8001/listing?id=7",
        method="POST",
        body=body,
        headers={"X-Thing": "caf\xe9", "Accept": ["a", "b"]},
        callback=SPIDER.parse,
        errback=SPIDER.failed,
        priority=-3,
        dont_filter=True,
        meta={"moneytrail_site": "market", "depth": 3, "redirect_urls": ["http://x/"]},
    )
    back = decode_request(encode_request(request, SPIDER, frozenset()), SPIDER)
    assert back.url == request.url
    assert back.method == "POST"
    assert back.body == body
    assert back.headers.getlist("Accept") == [b"a", b"b"]
    assert back.headers.get("X-Thing") == request.headers.get("X-Thing") == "café".encode()
    assert back.callback == SPIDER.parse
    assert back.errback == SPIDER.failed
    assert back.priority == -3
    assert back.dont_filter is True
    assert back.meta == {"moneytrail_site": "market", "depth": 3, "redirect_urls": ["http://x/"]}


def test_meta_that_is_not_json_or_is_process_local_stays_behind() -> None:
    request = scrapy.Request(
        "http://example.test/",
        callback=SPIDER.parse,
        meta={"route": object(), "download_latency": 0.2, "secret_key": "k", "depth": 1},
    )
    text = encode_request(request, SPIDER, frozenset({"secret_key"}))
    assert json.loads(text)["meta"] == {"depth": 1}


def test_callbacks_must_be_spider_methods() -> None:
    request = scrapy.Request("http://example.test/", callback=lambda response: None)
    with pytest.raises(ValueError):
        encode_request(request, SPIDER, frozenset())


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "{}",
        json.dumps({"url": "http://x/", "headers": {}, "body": "", "callback": "nope"}),
        json.dumps({"url": "no scheme", "headers": {}, "body": ""}),
    ],
)
def test_unreadable_payloads_raise_one_error_type(text: str) -> None:
    with pytest.raises(RequestCodecError):
        decode_request(text, SPIDER)

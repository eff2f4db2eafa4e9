"""The fixture sites: deterministic, valid identifiers only, honest ground truth, reachable
pages, working traps, and a real HTTP server on 127.0.0.1 that counts what clients did."""

from __future__ import annotations

import base64
import hashlib
import html
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import unicodedata
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import base58
import lxml.html
import parsel
import pgpy
import phonenumbers
import pytest
from bip_utils import (
    Base58ChecksumError,
    Base58Decoder,
    BchBech32Decoder,
    EthAddrDecoder,
    SegwitBech32Decoder,
    SolAddrDecoder,
    XmrAddrDecoder,
)
from email_validator import validate_email

from crawler.config import SiteConfig, load_sites
from extractors import kinds
from moneytrail.fixtures import (
    TRAPS,
    FixtureServer,
    PlantedEntity,
    build_sites,
    is_media_url,
    site_config,
    write_ground_truth,
    write_site_configs,
)
from moneytrail.fixtures.pgp_pool import pgp_keys
from moneytrail.fixtures.traps import (
    HUGE_PAGE_BYTES,
    HUGE_PAGE_PATH,
    IMAGE_BY_TYPE_BYTES,
    VIDEO_BY_TYPE_BYTES,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def small_sites():
    return build_sites(7, 120)


@pytest.fixture(scope="module")
def small_truth(small_sites):
    return [entity for site in small_sites for entity in site.ground_truth()]


def _body(site, path: str) -> bytes:
    return site.respond(path).body


def _hrefs(body: bytes) -> list[str]:
    document = lxml.html.fromstring(body)
    return [
        value for _, attribute, value, _ in document.iterlinks() if attribute in ("href", "src")
    ]


# --- size and determinism ----------------------------------------------------------------


@pytest.mark.parametrize("pages", [50, 137, 1000])
def test_each_site_has_exactly_the_requested_pages_and_all_render(pages):
    for site in build_sites(3, pages):
        paths = list(site.paths())
        assert len(paths) == pages
        assert len(set(paths)) == pages
        for path in paths:
            response = site.respond(path)
            assert response.status == 200, (site.name, path)
            assert response.content_type == "text/html; charset=utf-8"
            assert response.body.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("pages", [0, 49, 100_001, -5])
def test_sizes_outside_50_to_100k_are_refused(pages):
    with pytest.raises(ValueError, match="between 50 and 100000"):
        build_sites(7, pages)


def test_same_seed_gives_same_pages_and_ground_truth(small_sites, small_truth):
    again = build_sites(7, 120)
    for first, second in zip(small_sites, again, strict=True):
        assert list(first.paths()) == list(second.paths())
        for path in first.paths():
            assert _body(first, path) == _body(second, path), (first.name, path)
    assert [e for site in again for e in site.ground_truth()] == small_truth


def test_different_seed_gives_different_sites(small_sites, small_truth):
    other = build_sites(8, 120)
    other_truth = [e for site in other for e in site.ground_truth()]
    assert {(e.kind, e.value) for e in other_truth}.isdisjoint(
        {(e.kind, e.value) for e in small_truth if e.kind in kinds.CRYPTO}
    )
    for mine, theirs in zip(small_sites, other, strict=True):
        same = sum(_body(mine, p) == _body(theirs, p) for p in list(mine.paths())[:40])
        assert same < 5, mine.name


def test_a_page_depends_on_seed_and_path_not_on_site_size():
    small, large = build_sites(7, 50), build_sites(7, 5000)
    for path in ("/vendor/" + small[0].world.vendor(1).alias, "/mirrors", "/wallet"):
        assert _body(small[0], path) == _body(large[0], path)
    assert _body(small[1], "/contact") == _body(large[1], "/contact")


def test_100k_pages_enumerate_and_ground_truth_is_written(tmp_path):
    sites = build_sites(11, 100_000)
    for site in sites:
        paths = list(site.paths())
        assert len(paths) == len(set(paths)) == 100_000
        # Deep pagination and high ids render too (every 211th page).
        for path in paths[::211]:
            assert site.respond(path).status == 200, (site.name, path)
    market = sites[0]
    out = tmp_path / "market.jsonl"
    count = write_ground_truth([market], out)
    assert count > 200_000
    with out.open(encoding="utf-8") as lines:
        assert sum(1 for _ in lines) == count


# --- identifiers are valid -----------------------------------------------------------------


def _assert_address_valid(kind: str, value: str) -> None:
    if kind in (kinds.BTC, kinds.LTC):
        hrp = "bc" if kind == kinds.BTC else "ltc"
        if value.startswith(hrp + "1"):
            assert value == value.lower()
            version, program = SegwitBech32Decoder.Decode(hrp, value)
            assert (version, len(program)) in ((0, 20), (1, 32))
        else:
            decoded = Base58Decoder.CheckDecode(value)
            versions = (b"\x00", b"\x05") if kind == kinds.BTC else (b"\x30", b"\x32")
            assert len(decoded) == 21 and decoded[:1] in versions
    elif kind == kinds.BCH:
        assert value.startswith("bitcoincash:") and value == value.lower()
        version, payload = BchBech32Decoder.Decode("bitcoincash", value)
        assert version in (b"\x00", b"\x08") and len(payload) == 20
    elif kind == kinds.ETH:
        assert value.startswith("0x") and value != value.lower()
        assert len(EthAddrDecoder.DecodeAddr(value)) == 20  # verifies the EIP-55 checksum
    elif kind == kinds.XMR:
        network = {"4": b"\x12", "8": b"\x2a"}[value[0]]
        assert len(XmrAddrDecoder.DecodeAddr(value, net_ver=network)) == 64
    elif kind == kinds.SOL:
        assert len(SolAddrDecoder.DecodeAddr(value)) == 32  # a point on ed25519
    else:
        version = {kinds.DOGE: b"\x1e", kinds.DASH: b"\x4c", kinds.TRX: b"\x41"}
        decoded = base58.b58decode_check(value)
        if kind == kinds.ZEC:
            assert decoded[:2] in (b"\x1c\xb8", b"\x1c\xbd") and len(decoded) == 22
        else:
            assert decoded[:1] == version[kind] and len(decoded) == 21


def test_every_planted_crypto_address_verifies(small_truth):
    crypto = [e for e in small_truth if e.kind in kinds.CRYPTO]
    assert {e.kind for e in crypto} == set(kinds.CRYPTO)
    for entity in crypto:
        _assert_address_valid(entity.kind, entity.value)
        if entity.form == "lowercase":
            assert entity.raw == entity.value.lower()
        elif entity.form == "no-prefix":
            assert "bitcoincash:" + entity.raw == entity.value
        else:
            assert entity.raw == entity.value


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (kinds.BTC, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"),  # last character changed
        (kinds.ETH, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"),  # checksum case flipped
        (kinds.XMR, "4" + "A" * 94),
    ],
)
def test_the_address_check_itself_rejects_bad_addresses(kind, value):
    with pytest.raises((ValueError, AssertionError, KeyError, Base58ChecksumError)):
        _assert_address_valid(kind, value)


_SPOKEN = {
    "zero": "0", "oh": "0", "zer0": "0", "one": "1", "0ne": "1", "two": "2", "tw0": "2",
    "three": "3", "thr33": "3", "four": "4", "f0ur": "4", "five": "5", "f1ve": "5",
    "six": "6", "s1x": "6", "seven": "7", "sev3n": "7", "eight": "8", "e1ght": "8",
    "nine": "9", "n1ne": "9",
}  # fmt: skip


def _digits_of(raw: str) -> str:
    """Undo the ad-board obfuscations independently of the generator."""
    digits = []
    for token in re.findall(r"[A-Za-z0-9]+|\S", raw):
        if token.lower() in _SPOKEN:
            digits.append(_SPOKEN[token.lower()])
        elif token.isalpha() and token.isascii():
            continue  # a filler word ("call", "me"), not letters standing in for digits
        else:
            for char in token:
                if unicodedata.category(char) == "Nd":
                    digits.append(str(unicodedata.digit(char)))
                elif char in "OlI":
                    digits.append({"O": "0", "l": "1", "I": "1"}[char])
    return "".join(digits)


def test_every_planted_phone_is_valid_and_its_raw_text_spells_it(small_truth):
    phones = [e for e in small_truth if e.kind == kinds.PHONE]
    forms = {e.form for e in phones}
    assert {"spelled", "keycap-emoji", "fullwidth", "dot-every-digit", "word-split"} <= forms
    assert {"letters-for-digits", "leet-words", "national"} <= forms
    for entity in phones:
        number = phonenumbers.parse(entity.value)
        assert phonenumbers.is_valid_number(number), entity
        assert (
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == entity.value
        )
        if entity.obfuscated:
            national = str(number.national_number)
            assert _digits_of(entity.raw) == national, entity
            assert not re.search(r"\d{3}\D{0,2}\d{3}\D{0,2}\d{4}", entity.raw, re.ASCII), entity
        else:
            parsed = phonenumbers.parse(entity.raw, "US")
            assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == (
                entity.value
            )


def _undo_email(raw: str) -> str:
    text = raw
    for at in (" (at) ", " [at] ", " at ", " @ "):
        text = text.replace(at, "@")
    for dot in (" (dot) ", " [dot] ", " dot ", " . "):
        text = text.replace(dot, ".")
    return text.lower()


def test_planted_emails_are_valid_and_deobfuscate_to_the_value(small_truth):
    emails = [e for e in small_truth if e.kind == kinds.EMAIL]
    assert any(e.obfuscated for e in emails) and any(not e.obfuscated for e in emails)
    for entity in emails:
        assert entity.value == entity.value.lower()
        validate_email(entity.value, check_deliverability=False)
        assert _undo_email(entity.raw) == entity.value


def test_planted_onions_are_v3_with_a_correct_checksum(small_truth):
    onions = [e for e in small_truth if e.kind == kinds.ONION]
    assert onions
    for entity in onions:
        host = entity.value
        assert host.endswith(".onion") and host == host.lower() and len(host) == 62
        assert host in entity.raw
        raw = base64.b32decode(host[:-6].upper())
        public_key, checksum, version = raw[:32], raw[32:34], raw[34:]
        assert version == b"\x03"
        expected = hashlib.sha3_256(b".onion checksum" + public_key + version).digest()[:2]
        assert checksum == expected


def test_handles_and_session_ids_have_their_formats(small_truth):
    by_kind = {kind: [e for e in small_truth if e.kind == kind] for kind in kinds.CONTACTS}
    for kind in (kinds.TELEGRAM, kinds.WICKR, kinds.SESSION, kinds.JABBER):
        assert by_kind[kind], kind
    for entity in by_kind[kinds.TELEGRAM]:
        assert re.fullmatch(r"[a-z][a-z0-9_]{4,31}", entity.value)
        assert entity.raw.lower().lstrip("@").removeprefix("t.me/") == entity.value
    for entity in by_kind[kinds.SESSION]:
        assert re.fullmatch(r"05[0-9a-f]{64}", entity.value)
    for entity in by_kind[kinds.JABBER]:
        assert re.fullmatch(r"[a-z0-9]+@[a-z0-9.-]+\.[a-z]+", entity.value)
    for entity in by_kind[kinds.WICKR]:
        assert entity.value == entity.value.lower() == entity.raw


def test_pgp_pool_keys_are_real_and_fingerprints_match(small_truth):
    pool = pgp_keys()
    assert len(pool) >= 16
    for key in pool:
        parsed, _ = pgpy.PGPKey.from_blob(key.armored)
        assert str(parsed.fingerprint).replace(" ", "") == key.fingerprint
        assert parsed.userids[0].email == key.email
    planted = {e.value for e in small_truth if e.kind == kinds.PGP_FINGERPRINT}
    assert planted and planted <= {key.fingerprint for key in pool}


# --- ground truth matches the pages ----------------------------------------------------------


def test_every_planted_entity_is_written_on_its_page(small_sites, small_truth):
    sites = {site.name: site for site in small_sites}
    bodies: dict[tuple[str, str], bytes] = {}
    for entity in small_truth:
        key = (entity.site, entity.path)
        if key not in bodies:
            site = sites[entity.site]
            response = site.respond(entity.path)
            if response.stream is not None:
                bodies[key] = response.stream.tail
            else:
                bodies[key] = response.body
        if entity.trap is None:
            assert entity.raw in html.unescape(bodies[key].decode("utf-8")), entity
        else:
            assert entity.raw.encode("ascii") in bodies[key], entity


def test_visible_text_keeps_each_entity_apart_from_its_neighbours(small_sites, small_truth):
    """In the page's visible text, a planted entity is not glued to the words around it
    (block elements without whitespace between them would do that)."""
    texts = {
        (site.name, path): lxml.html.fromstring(_body(site, path)).text_content()
        for site in small_sites
        for path in site.paths()
    }
    for entity in small_truth:
        if entity.trap is not None or entity.form == "armored-key":
            continue
        text = texts[(entity.site, entity.path)]
        pattern = rf"(?<![\w@.]){re.escape(entity.raw)}(?![\w@])"
        assert re.search(pattern, text), entity


def test_ground_truth_has_one_record_per_page_kind_value(small_truth):
    keys = [(e.site, e.path, e.kind, e.value) for e in small_truth]
    assert len(keys) == len(set(keys))
    assert all(kind in kinds.ALL for _, _, kind, _ in keys)


def test_unreachable_entities_are_exactly_those_behind_the_slow_and_huge_traps(small_truth):
    unreachable = {(e.path, e.trap) for e in small_truth if not e.reachable}
    assert unreachable == {("/slow/1", "slow"), (HUGE_PAGE_PATH, "huge-page")}
    trap_paths = {e.path for e in small_truth if e.trap is not None}
    assert {"/broken/1", "/charset/cp1251-as-utf8", "/charset/invalid-bytes"} <= trap_paths


def test_ground_truth_jsonl_round_trips(small_sites, small_truth, tmp_path):
    out = tmp_path / "truth.jsonl"
    assert write_ground_truth(small_sites, out) == len(small_truth)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [PlantedEntity(**json.loads(line)) for line in lines] == small_truth


def test_cross_site_correlations_are_planted(small_truth):
    """Vendors' addresses and aliases recur on the forum; ad phones show up there too."""
    by_site: dict[str, set[tuple[str, str]]] = {}
    for entity in small_truth:
        by_site.setdefault(entity.site, set()).add((entity.kind, entity.value))
    shared = by_site["market"] & by_site["forum"]
    assert {kind for kind, _ in shared} >= {kinds.ALIAS, kinds.XMR}
    assert any(kind == kinds.PHONE for kind, _ in by_site["adboard"] & by_site["forum"])


# --- links, reachability, traps, selectors -----------------------------------------------------


def test_every_link_is_host_relative(small_sites):
    for site in small_sites:
        trap_pages = ["/loop/a/", "/session/abc/home", "/calendar/2024/05", "/broken/1"]
        for path in [*site.paths(), *trap_pages]:
            for href in _hrefs(_body(site, path)):
                parts = urlsplit(href)
                assert not parts.scheme and not parts.netloc, (site.name, path, href)


@pytest.mark.parametrize("pages", [50, 1000])
def test_all_content_pages_are_reachable_within_the_default_depth(pages):
    depth_limit = SiteConfig.model_fields["max_depth"].default
    for site in build_sites(5, pages):
        content = set(site.paths())
        depth = {"/": 0}
        queue = deque(["/"])
        while queue:
            path = queue.popleft()
            for href in _hrefs(_body(site, path)):
                target = urlsplit(urljoin(path, href)).path
                if target in content and target not in depth:
                    depth[target] = depth[path] + 1
                    queue.append(target)
        assert set(depth) == content, site.name
        assert max(depth.values()) <= depth_limit, site.name


def test_home_page_links_into_every_trap(small_sites):
    for site in small_sites:
        assert site.traps == TRAPS
        linked = {site.trap_for(href) for href in _hrefs(_body(site, "/"))} - {None}
        assert linked == set(TRAPS), site.name


def test_trap_paths_behave(small_sites):
    site = small_sites[0]
    deeper = [h for h in _hrefs(_body(site, "/loop/a/")) if not h.startswith("/")]
    assert "older/" in deeper
    ids = {h.split("/")[2] for h in _hrefs(_body(site, "/session/x/home"))}
    ids_next = {h.split("/")[2] for h in _hrefs(_body(site, "/session/y/browse"))}
    assert ids and ids.isdisjoint(ids_next)
    assert "/calendar/2024/06" in _hrefs(_body(site, "/calendar/2024/05"))
    assert "/calendar/9999/11" in _hrefs(_body(site, "/calendar/9999/12"))
    for bad in ("/calendar/2024/13", "/calendar/0/1", "/calendar/x/y", "/media/abc", "/slow/2"):
        assert site.respond(bad).status == 404, bad
    assert is_media_url("/img/a.JPG") and is_media_url("/files/x.7z?dl=1")
    assert not is_media_url("/media/3") and not is_media_url("/listing/1")


def test_selectors_pick_the_structured_fields(small_sites):
    market, adboard, forum = small_sites
    page = parsel.Selector(text=_body(market, "/listing/2").decode())
    selectors = market.selectors()
    assert page.css(selectors["listing_title"]["css"]).get()
    assert page.css(selectors["vendor"]["css"]).get() == market.world.vendor(1).alias
    assert page.css(selectors["price"]["css"]).get().startswith("$")
    ad = parsel.Selector(text=_body(adboard, "/ad/3").decode())
    assert ad.css(adboard.selectors()["vendor"]["css"]).get() == adboard.world.poster(2).name
    assert ad.css(adboard.selectors()["price"]["css"]).get().startswith("$")
    thread = parsel.Selector(text=_body(forum, "/thread/1").decode())
    assert thread.css(forum.selectors()["listing_title"]["css"]).get()
    assert len(thread.css(forum.selectors()["vendor"]["css"]).getall()) == 10


def test_site_configs_validate_and_load(small_sites, tmp_path):
    for site in small_sites:
        config = SiteConfig.model_validate(site_config(site, "http://127.0.0.1:8401"))
        assert config.hosts() == ["127.0.0.1:8401"]
        assert config.max_pages == site.page_count + 1_000
        onion = "http://" + "a" * 56 + ".onion"
        assert site_config(site, onion, via="tor", max_depth=3)["max_depth"] == 3
    urls = {site.name: f"http://127.0.0.1:{8401 + i}" for i, site in enumerate(small_sites)}
    written = write_site_configs(small_sites, urls, tmp_path / "sites")
    loaded = load_sites(tmp_path / "sites")
    assert len(written) == len(loaded) == 3
    assert {s.name: s.start_urls[0] for s in loaded} == {n: u + "/" for n, u in urls.items()}
    assert loaded[0].selectors.vendor is not None


def test_site_config_refuses_an_onion_without_tor(small_sites):
    with pytest.raises(ValueError, match="via: tor"):
        site_config(small_sites[0], "http://" + "a" * 56 + ".onion", via="direct")


# --- the HTTP server ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(small_sites):
    with FixtureServer(small_sites, slow_seconds=0.2) as running:
        yield running


def _get(server: FixtureServer, site: str, path: str, method: str = "GET"):
    connection = http.client.HTTPConnection("127.0.0.1", server.port(site), timeout=30)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def _wait_until_idle(server: FixtureServer) -> None:
    """Wait for handler threads to notice a client hung up (not a timing assertion).

    Also needed after a complete response: the client may have read the last byte
    before the handler thread, back from sendall, has counted it.
    """
    deadline = time.monotonic() + 30
    while server.stats().open_connections and time.monotonic() < deadline:
        time.sleep(0.02)


def test_server_urls_are_loopback_with_distinct_ports(server):
    urls = server.urls()
    assert set(urls) == {"market", "adboard", "forum"}
    assert len({server.port(name) for name in urls}) == 3
    assert all(url.startswith("http://127.0.0.1:") for url in urls.values())
    with pytest.raises(KeyError, match="no fixture site"):
        server.url("nope")


def test_server_serves_pages_over_one_keep_alive_connection(server, small_sites):
    server.reset_stats()
    _wait_until_idle(server)
    connection = http.client.HTTPConnection("127.0.0.1", server.port("forum"), timeout=30)
    paths = list(small_sites[2].paths())[:5]
    for path in paths:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        assert response.status == 200
        assert response.getheader("Content-Type") == "text/html; charset=utf-8"
        assert int(response.getheader("Content-Length")) == len(body)
        assert body == small_sites[2].respond(path).body
    connection.close()
    stats = server.stats()
    assert stats.connections == 1
    assert stats.requests == 5 and stats.site_requests("forum") == 5
    assert stats.path_requests("forum", paths[0]) == 1


def test_server_head_has_length_but_no_body(server):
    status, headers, body = _get(server, "market", "/", method="HEAD")
    assert status == 200 and int(headers["Content-Length"]) > 1000 and body == b""


def test_server_errors_and_redirects(server, small_sites):
    assert _get(server, "market", "/missing/1")[0] == 404
    assert _get(server, "market", "/no/such/page")[0] == 404
    assert _get(server, "market", "/listing/999999")[0] == 404
    assert _get(server, "market", "/error/1")[0] == 500
    status, headers, _ = _get(server, "market", "/go/1")
    assert (status, headers["Location"]) == (301, "/go/1/next")
    status, headers, _ = _get(server, "market", "/go/1/next")
    assert (status, headers["Location"]) == (302, "/listing/1")
    assert _get(server, "market", "/listing/1")[0] == 200
    assert _get(server, "adboard", "/redirect-loop/a")[1]["Location"] == "/redirect-loop/b"
    assert _get(server, "adboard", "/redirect-loop/b")[1]["Location"] == "/redirect-loop/a"
    status, headers, _ = _get(server, "forum", "/out/7")
    assert status == 302 and urlsplit(headers["Location"]).hostname == "elsewhere.invalid"


def test_server_sends_the_broken_charsets(server):
    _, headers, body = _get(server, "market", "/charset/cp1251-as-utf8")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert "Продаю" in body.decode("cp1251")
    _, headers, body = _get(server, "market", "/charset/latin1-as-utf8")
    assert "charset" not in body.decode("latin-1").split("<title>")[0]
    assert "Müller" in body.decode("latin-1")
    _, headers, body = _get(server, "market", "/charset/no-charset")
    assert headers["Content-Type"] == "text/html" and b"charset" not in body
    _, headers, body = _get(server, "market", "/charset/meta-contradicts-header")
    assert "windows-1252" in headers["Content-Type"] and b'<meta charset="utf-8">' in body
    _, _, body = _get(server, "market", "/charset/invalid-bytes")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    _, _, body = _get(server, "market", "/broken/1")
    assert b"\x00" in body and b"</html>" not in body


def test_server_counts_media_url_requests(server):
    server.reset_stats()
    for path, content_type in [
        ("/img/banner.jpg", "image/jpeg"),
        ("/img/x.webp?size=2", "image/webp"),
        ("/video/promo.mp4", "video/mp4"),
        ("/files/backup.zip", "application/zip"),
    ]:
        status, headers, _ = _get(server, "adboard", path)
        assert (status, headers["Content-Type"]) == (200, content_type)
    assert _get(server, "adboard", "/img/banner.txt")[0] == 404
    _get(server, "adboard", "/")
    assert server.stats().media_url_requests == 4


def _read_headers(sock: socket.socket) -> tuple[bytes, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        assert chunk, "server closed before the headers ended"
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def _open_stream(server: FixtureServer, site: str, path: str) -> tuple[socket.socket, bytes, bytes]:
    sock = socket.socket()
    # A fixed small receive buffer, like a client that stops reading: without it loopback
    # autotuning lets the kernel swallow megabytes before the close, more so under load.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
    sock.settimeout(30)
    sock.connect(("127.0.0.1", server.port(site)))
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: fixture\r\n\r\n".encode())
    head, rest = _read_headers(sock)
    return sock, head, rest


def test_media_by_content_type_stops_when_the_client_aborts_at_the_headers(server):
    server.reset_stats()
    sock, head, _ = _open_stream(server, "forum", "/media/1")
    assert b"Content-Type: image/jpeg" in head
    assert f"Content-Length: {IMAGE_BY_TYPE_BYTES}".encode() in head
    sock.close()
    _wait_until_idle(server)
    aborted = server.stats().media_body_bytes_sent
    assert aborted < IMAGE_BY_TYPE_BYTES / 2
    _, headers, body = _get(server, "forum", "/media/2")
    assert headers["Content-Type"] == "video/mp4" and len(body) == VIDEO_BY_TYPE_BYTES
    _wait_until_idle(server)
    assert server.stats().media_body_bytes_sent == aborted + VIDEO_BY_TYPE_BYTES
    assert server.stats().media_url_requests == 0


def test_huge_page_is_streamed_and_stops_when_the_client_disconnects(server, small_truth):
    server.reset_stats()
    sock, head, rest = _open_stream(server, "market", HUGE_PAGE_PATH)
    assert f"Content-Length: {HUGE_PAGE_BYTES}".encode() in head
    assert b"Content-Type: text/html; charset=utf-8" in head
    received = len(rest)
    while received < 256 * 1024:
        received += len(sock.recv(65536))
    sock.close()
    _wait_until_idle(server)
    assert server.stats().huge_page_bytes_sent < HUGE_PAGE_BYTES / 5

    server.reset_stats()
    status, _, body = _get(server, "market", HUGE_PAGE_PATH)
    assert status == 200 and len(body) == HUGE_PAGE_BYTES
    _wait_until_idle(server)
    assert server.stats().huge_page_bytes_sent == HUGE_PAGE_BYTES
    tail_entities = [e for e in small_truth if e.site == "market" and e.path == HUGE_PAGE_PATH]
    assert tail_entities and all(e.raw.encode() in body[-2000:] for e in tail_entities)


def test_slow_page_answers_after_the_configured_time(server):
    status, _, body = _get(server, "adboard", "/slow/1")
    assert status == 200 and b"Status" in body


def test_server_counts_correctly_under_concurrent_clients(server, small_sites):
    server.reset_stats()
    paths = list(small_sites[1].paths())[:40]
    failures: list[str] = []

    def fetch_all() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", server.port("adboard"), timeout=30)
        for path in paths:
            connection.request("GET", path)
            response = connection.getresponse()
            if response.status != 200 or len(response.read()) == 0:
                failures.append(path)
        connection.close()

    workers = [threading.Thread(target=fetch_all) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    stats = server.stats()
    assert stats.requests == 8 * len(paths)
    assert stats.connections == 8
    assert all(stats.path_requests("adboard", path) == 8 for path in paths)


def test_stop_returns_without_waiting_for_a_sleeping_slow_request():
    sites = build_sites(7, 50)
    server = FixtureServer(sites, slow_seconds=600)
    outcome: list[object] = []

    def slow_client() -> None:
        try:
            outcome.append(_get(server, "market", "/slow/1")[0])
        except (http.client.HTTPException, OSError) as exc:
            outcome.append(exc)

    client = threading.Thread(target=slow_client)
    client.start()
    deadline = time.monotonic() + 30
    while not server.stats().path_requests("market", "/slow/1") and time.monotonic() < deadline:
        time.sleep(0.01)
    stopper = threading.Thread(target=server.stop)
    stopper.start()
    stopper.join(60)  # far below the 600 s sleep: stop() must not wait for it
    assert not stopper.is_alive()
    client.join(60)
    assert len(outcome) == 1 and isinstance(outcome[0], (http.client.HTTPException, OSError))
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", server.port("market")), timeout=5).close()
    server.stop()  # a second stop is harmless


def test_server_refuses_bad_arguments(small_sites):
    with pytest.raises(ValueError, match="ports"):
        FixtureServer(small_sites, ports=[0])
    with pytest.raises(ValueError, match="unique"):
        FixtureServer([small_sites[0], small_sites[0]])
    with FixtureServer(small_sites[:1]) as first, pytest.raises(OSError):
        FixtureServer(small_sites[:1], ports=[first.port("market")])


# --- command line --------------------------------------------------------------------------------


def _run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    # A wide terminal keeps typer from wrapping its error messages.
    env = {**os.environ, "PYTHONHASHSEED": "123", "COLUMNS": "300"}
    return subprocess.run(
        [sys.executable, "-m", "moneytrail.fixtures", *args],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=300, **kwargs,
    )  # fmt: skip


def test_cli_generate_writes_the_same_ground_truth_in_another_process(tmp_path):
    out = tmp_path / "truth.jsonl"
    result = _run_cli("generate", "--seed", "4", "--pages", "50", "--ground-truth", str(out))
    assert result.returncode == 0, result.stderr
    expected = [e for site in build_sites(4, 50) for e in site.ground_truth()]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [PlantedEntity(**json.loads(line)) for line in lines] == expected


def test_cli_rejects_bad_sizes_and_ports(tmp_path):
    result = _run_cli("generate", "--pages", "10", "--ground-truth", str(tmp_path / "x"))
    assert result.returncode != 0 and "between 50 and 100000" in result.stderr
    result = _run_cli("serve", "--pages", "50", "--ports", "1,2")
    assert result.returncode != 0 and "ports" in result.stderr


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_cli_serve_prints_urls_writes_configs_and_stops_on_a_signal(tmp_path, stop_signal):
    sites_dir = tmp_path / "sites"
    process = subprocess.Popen(
        [sys.executable, "-m", "moneytrail.fixtures", "serve", "--seed", "7", "--pages", "50",
         "--sites", "adboard,forum", "--sites-dir", str(sites_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
    )  # fmt: skip
    try:
        urls = {}
        while len(urls) < 2:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            name, _, url = line.strip().partition(" ")
            if url.startswith("http://127.0.0.1:"):
                urls[name] = url
        assert set(urls) == {"adboard", "forum"}
        port = urlsplit(urls["forum"]).port
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        connection.close()
        configs = 0
        while configs < 2:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            configs += line.startswith("site config:")
        assert {s.name for s in load_sites(sites_dir)} == {"adboard", "forum"}
        process.send_signal(stop_signal)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

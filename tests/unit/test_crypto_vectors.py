"""The crypto family against every public test vector in ../shared/testdata/vectors/.

vectors.json says which strings are valid mainnet addresses (BIP-350 rules for segwit);
the upstream files are read too, so that no vector is left out.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from extractors.crypto import find

VECTORS = Path(__file__).resolve().parents[2].parent / "shared" / "testdata" / "vectors"
MAINNET_COINS = {"btc", "eth", "xmr", "bch"}


def _load(relative: str):
    return json.loads((VECTORS / relative).read_text(encoding="utf-8"))


@cache
def _normalised() -> list[dict]:
    return _load("vectors.json")


@cache
def _expected() -> dict[str, tuple[str, str]]:
    """Valid mainnet string -> (kind, normalised value)."""
    expected = {}
    for entry in _normalised():
        if entry["valid"] and entry["coin"] in MAINNET_COINS:
            expected[entry["string"]] = _kind_and_value(entry)
    return expected


def _kind_and_value(entry: dict) -> tuple[str, str]:
    string, coin, form = entry["string"], entry["coin"], entry.get("format")
    if form == "legacy-base58":
        # Byte-identical to Bitcoin's: reported as btc (DESIGN.md, base58check.py).
        return "btc", string
    if coin == "btc":
        return "btc", string.lower() if string.lower().startswith("bc1") else string
    if coin == "bch":
        payload = string.lower().removeprefix("bitcoincash:")
        return "bch", "bitcoincash:" + payload
    if coin == "eth":
        return "eth", entry["note"].rsplit("canonical form ", 1)[1]
    return coin, string


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(m.kind, m.value, m.raw) for m in find(text)]


def _check(string: str) -> None:
    """A valid string is found alone and whole, as written and inside a sentence; any
    other string yields nothing."""
    expected = _expected().get(string)
    if expected is None:
        assert _found(string) == [], string
        return
    kind, value = expected
    assert _found(string) == [(kind, value, string)]
    sentence = f"Send it to {string}, then write."
    (match,) = find(sentence)
    assert (match.kind, match.value, match.start, match.end) == (kind, value, 11, 11 + len(string))
    assert sentence[match.start : match.end] == match.raw == string


def test_vectors_json_has_every_kind_of_entry() -> None:
    coins = {entry["coin"] for entry in _normalised()}
    assert coins >= MAINNET_COINS
    assert sum(entry["valid"] for entry in _normalised()) > 50


@pytest.mark.parametrize("index", range(len(_normalised())))
def test_vectors_json_entry(index: int) -> None:
    entry = _normalised()[index]
    _check(entry["string"])
    if entry["valid"] and entry["coin"] in MAINNET_COINS:
        (match,) = find(entry["string"])
        assert match.confidence >= 0.9
        assert match.extractor == f"crypto.{match.kind}"


@pytest.mark.parametrize("path", ["bip173/test_vectors.json", "bip350/test_vectors.json"])
def test_bip_vectors(path: str) -> None:
    vectors = _load(path)["vectors"]
    for vector in vectors:
        _check(vector["string"])
    found = [v["string"] for v in vectors if v["string"] in _expected()]
    assert found, "the segwit examples must be among the valid mainnet strings"


def test_bitcoin_key_io_valid_mainnet() -> None:
    entries = _load("bitcoin_key_io/key_io_valid_mainnet_addresses.json")
    assert len(entries) == 14
    for address, _script, _meta in entries:
        value = address.lower() if address.lower().startswith("bc1") else address
        assert _found(address) == [("btc", value, address)]
        if _meta.get("tryCaseFlip"):
            assert _found(address.upper()) == [("btc", value, address.upper())]


def test_bitcoin_key_io_invalid() -> None:
    entries = _load("bitcoin_key_io/key_io_invalid.json")
    assert len(entries) == 79
    for (string,) in entries:
        assert _found(string) == [], string
        assert _found(f"pay {string} now") == [], string


def test_cashaddr_vectors() -> None:
    vectors = _load("cashaddr/cashaddr_vectors.json")["vectors"]
    for vector in vectors:
        cashaddr = vector["cashaddr"]
        is_mainnet_address = (
            vector["kind"] != "checksum-only"
            and cashaddr.startswith("bitcoincash:")
            and vector.get("type", 0) in (0, 1)
        )
        if not is_mainnet_address:
            assert _found(cashaddr) == [], cashaddr
            continue
        payload = cashaddr.removeprefix("bitcoincash:")
        assert _found(cashaddr) == [("bch", cashaddr, cashaddr)]
        assert _found(payload) == [("bch", cashaddr, payload)]
        assert _found(cashaddr.upper()) == [("bch", cashaddr, cashaddr.upper())]
        if "legacy" in vector:
            assert _found(vector["legacy"]) == [("btc", vector["legacy"], vector["legacy"])]


def test_eip55_vectors() -> None:
    cases = _load("eip55/eip55_test_cases.json")["test_cases"]
    assert len(cases) == 8
    for case in cases:
        address = case["address"]
        # The spec's cases are all in checksummed form already (all-caps ones too).
        assert _found(address) == [("eth", address, address)]
        assert _found(address.lower()) == [("eth", address, address.lower())]
        assert _found("0x" + address[2:].upper()) == [("eth", address, "0x" + address[2:].upper())]


def test_monero_vectors() -> None:
    entries = _load("monero/monero_mainnet_addresses.json")["addresses"]
    for entry in entries:
        expected = [("xmr", entry["string"], entry["string"])] if entry["valid"] else []
        assert _found(entry["string"]) == expected
    types = {entry["type"] for entry in entries if entry["valid"]}
    assert types == {"standard", "integrated", "subaddress"}


def test_monero_subaddress_lists() -> None:
    groups = _load("monero/mainnet-subaddrs.json")
    strings = [address for group in groups for address in group]
    assert len(strings) == 50
    text = "\n".join(strings)
    assert [(m.kind, m.raw) for m in find(text)] == [("xmr", s) for s in strings]

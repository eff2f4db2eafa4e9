"""The crypto family: the coins without shared vectors, hard negatives, offsets, options."""

from __future__ import annotations

import hashlib

import pytest

from extractors import kinds
from extractors.base import ExtractOptions
from extractors.crypto import FAMILY, find

# Addresses from bip-utils' own tests (github.com/ebellocchia/bip_utils, MIT):
# tests/addr/test_P2PKH.py, test_P2SH.py, test_P2WPKH.py, test_trx_addr.py, test_sol_addr.py.
OTHER_COINS = [
    ("ltc", "LX4YojYdeBk3TtUcryCcgAqYxjicKfK7AD"),
    ("ltc", "LVYs6bw81eLpkqGtsHWDNFbssZPPdNcL4G"),
    ("ltc", "MJfELhwt9S6Sr9hadHGsnTELZzFUVjMrFc"),
    ("ltc", "MQJA6RzwpcX4BWUCqSqxDCLfYHzgYna6cr"),
    ("ltc", "ltc1qwlezpr3890hcp6vva9twqh27mr6edadreqvhnn"),
    ("ltc", "ltc1qdjtr2jc5uu6r0ss2fcey3djvkhlu7jux420fhr"),
    ("doge", "DAcDAtJRztxBHyA6D6h8du1HguyTR43Mas"),
    ("doge", "DTdrvUHbk5oMyi62tM7LqrjAcXfqB7eaad"),
    ("doge", "9xzLEaWbi3eVzRzv6YdGcXbXQMHydntSq7"),
    ("doge", "ABxNotFnVaS85dcyXY76d2Fbr12qph6UTy"),
    ("dash", "XnLyZhQDr3JqFQi7UPC8LddHMgbAyQWiZo"),
    ("dash", "XykvvzP3nK2KRLKkpCe6hHV6p2w5DNQD56"),
    ("dash", "7Y5u3566rd7s3dcyDXwDHgvK5VLVhzoeoy"),
    ("dash", "7obR8rAq66A24U7wwbBk35AFD5ThFjLcLH"),
    ("zec", "t1Msw6c7mLQbPnHRyTC6NB3y2U2HjcrHiRM"),
    ("zec", "t1T6t4H4zerrZRtkPVuu7fgVBCjRjNMY295"),
    ("zec", "t3PDRLn9XNChQHFJ3826hT7yvv1or9gg52H"),
    ("zec", "t3aFk4wDnEgJ1HB1yKXhmqsGZDAcrvpEGXv"),
    ("trx", "TDvr6Jpwfp1wDiV7PhaB19YMsMHRSXmY7p"),
    ("trx", "TXJ2Z9VAwDpQ4W6zwTpXxRUpwFVDetPQuC"),
    ("trx", "TNdfXv6WTTyS2ohkTu8YA62WmLTNWqK46i"),
    ("btc", "37VucYSaXLCAsxYyAPfbSi9eh4iEcbShgf"),
    ("btc", "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g"),
]
# Test-network addresses and strings bip-utils' tests use as invalid ones.
NOT_MAINNET = [
    "mkpZhYtJu2r87Js3pDiWJDmPte2NRZ8bJV",  # btc testnet
    "ygAN9888Yy9thRdvaFuGqHa3Qm4M3Cvrj9",  # dash testnet
    "nprZmJBRhatuwtUXBSjjd3nCG9R8DDm3y3",  # doge testnet
    "QNE4UhQ5mF8HhBEQYijn7V6pT2mgKExQCy",  # ltc testnet
    "tmSEwQYGh3dzFu2boSfVeemmqHTjv4LMQFd",  # zec testnet
    "t2LfG2nqiWh2u3JkRvYCG4KUKJER5qHhegm",  # zec testnet
    "tltc1q677973lw0w796gttpy52f296jqaaksz0duklcr",  # ltc testnet
    "3gymQMPFy9VJ5nGaUc6iB4hewGQN9pYuDh",  # unknown version byte
    "3HeARF5yFy2RGM8VTBmPgwRsJm9RSe2zsb",  # bad checksum
    "T94nw3xoTjXXqBzLNUwmYhLovg4nNVZKB6",  # trx: wrong prefix
    "TLc6WnRN9DxA4uygPrHGr9A1DhVMxx2w45",  # trx: bad checksum
    "bc1ppgmhz30d29akc670hkaje398hl6hvh0cy3gp7w",  # v1 program with a Bech32 checksum
    "bc1qpgmhz30d29akc670hkaje398hl6hvh0chf364x",  # bad checksum
    "bc1qxac5tm230dkxhnaahvkvffal74m9m7qvzkhtl",  # bad length
]
SOL_KEYS = [
    "GjJyeC1r2RgkuoCWMyPYkCWSGSGLcz266EaAkLA27AhL",
    "ANf3TEKFL6jPWjzkndo4CbnNdUNkBk4KHPggJs2nu8Xi",
    "G5DnnAkA9jV3WZ25xh1Z6FcH3vtSyLi6p9nmPpr6dQMX",
    "GS8RquhotKk9sDguxzjg5sJPM8RhfmKXWNEW61Jzjvvu",
    "7UVttrLkRkZFn4FsTuihX5zCJ1ounF5Ts8CkSqPGN2Dh",
]
BTC = "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo"
BECH32 = "bc1qvyq0cc6rahyvsazfdje0twl7ez82ndmuac2lhv"
ETH = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
XMR = "47ewoP19TN7JEEnFKUJHAYhGxkeTRH82sf36giEp9AcNfDBfkAtRLX7A6rZz18bbNHPNV7ex6WYbMN3aKisFRJZ8Ebsmgef"  # noqa: E501
CASHADDR = "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a"
CASHADDR_PAYLOAD = CASHADDR.removeprefix("bitcoincash:")
EVERY_VALID = [BTC, BECH32, ETH, XMR, CASHADDR_PAYLOAD] + [address for _, address in OTHER_COINS]
# As written, with the prefix: gluing a letter to it leaves a payload bounded by ':'.
EVERY_WRITTEN = [*EVERY_VALID, CASHADDR]


def _found(text: str, options: ExtractOptions | None = None) -> list[tuple[str, str]]:
    matches = find(text) if options is None else find(text, options)
    return [(m.kind, m.value) for m in matches]


def test_family_shape() -> None:
    assert FAMILY.name == "crypto"
    assert FAMILY.kinds == kinds.CRYPTO
    assert not FAMILY.is_alias_family


@pytest.mark.parametrize(("kind", "address"), OTHER_COINS)
def test_other_coins_are_found_as_written(kind: str, address: str) -> None:
    (match,) = find(f"wallet: {address}.")
    assert (match.kind, match.value, match.raw) == (kind, address, address)
    assert (match.start, match.end, match.confidence) == (8, 8 + len(address), 1.0)
    assert match.extractor == f"crypto.{kind}"


@pytest.mark.parametrize("string", NOT_MAINNET)
def test_test_networks_and_invalid_strings_are_rejected(string: str) -> None:
    assert _found(string) == []
    assert _found(f"sol {string} solana") == []


def test_ltc_bech32_is_lowercased() -> None:
    upper = "LTC1QWLEZPR3890HCP6VVA9TWQH27MR6EDADREQVHNN"
    assert _found(upper) == [("ltc", upper.lower())]


@pytest.mark.parametrize(
    "digest",
    [
        hashlib.md5(b"moneytrail").hexdigest(),
        hashlib.sha1(b"moneytrail").hexdigest(),
        hashlib.sha256(b"moneytrail").hexdigest(),
        hashlib.sha256(b"moneytrail").hexdigest().upper(),
        "0x" + hashlib.sha256(b"tx").hexdigest(),
        "0x" + hashlib.sha512(b"tx").hexdigest(),
        # Hex without a zero digit is all base58 characters too.
        "".join(c for c in hashlib.sha512(b"moneytrail").hexdigest() if c != "0")[:44],
        "".join(c for c in hashlib.sha512(b"moneytrail").hexdigest() if c != "0")[:34],
    ],
)
def test_hex_digests_are_never_addresses(digest: str) -> None:
    assert _found(f"tx {digest} sol solana") == []


def test_eth_inside_a_longer_hex_run_is_not_an_address() -> None:
    tx_hash = ETH.lower() + "ab" * 12
    assert _found(tx_hash) == []
    assert _found(ETH + "0") == []


def test_eth_checksum_must_match_when_mixed_case() -> None:
    flipped = ETH[:3] + ETH[3].swapcase() + ETH[4:]
    assert _found(flipped) == []
    assert _found(ETH.lower()) == [("eth", ETH)]
    (match,) = find(ETH.lower())
    assert match.confidence < 1.0
    assert _found("0X" + ETH[2:]) == []


def test_mixed_case_bech32_is_rejected() -> None:
    assert _found(BECH32[:10] + BECH32[10:].upper()) == []
    assert _found("bC1" + BECH32[3:]) == []
    assert _found(BECH32.upper()) == [("btc", BECH32)]


def test_mixed_case_cashaddr_payload_is_rejected() -> None:
    payload = CASHADDR_PAYLOAD
    assert _found(payload[:20] + payload[20:].upper()) == []
    assert _found("bitcoincash:" + payload[:20] + payload[20:].upper()) == []


def test_cashaddr_prefix_in_another_case_falls_back_to_the_payload() -> None:
    text = "BitcoinCash:" + CASHADDR_PAYLOAD
    (match,) = find(text)
    assert (match.value, match.start, match.raw) == (CASHADDR, 12, text[12:])


def test_cashaddr_prefix_glued_to_a_word_is_not_part_of_the_address() -> None:
    # The payload is still an address of its own: the colon bounds it.
    text = "xbitcoincash:" + CASHADDR_PAYLOAD
    (match,) = find(text)
    assert (match.value, match.start, match.raw) == (CASHADDR, 13, CASHADDR_PAYLOAD)
    assert _found("xbitcoincash:" + CASHADDR_PAYLOAD + "x") == []


def test_cashaddr_of_other_networks_is_rejected() -> None:
    assert _found("bchtest:qqaz6s295ncfs53m86qj0uw6sl8u2kuw0ymst35fx4") == []


def test_prefix_before_a_legacy_address_leaves_it_btc() -> None:
    legacy = "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu"
    (match,) = find("bitcoincash:" + legacy)
    assert (match.kind, match.value, match.start) == ("btc", legacy, 12)


@pytest.mark.parametrize("address", EVERY_WRITTEN)
def test_one_changed_character_is_rejected(address: str) -> None:
    # Checksummed encodings detect any single substitution (Bech32 and CashAddr
    # guarantee it; base58check and Monero miss one in 2**32).
    position = len(address) - 5
    for replacement in "2Ab9":
        if replacement.lower() == address[position].lower():
            continue
        changed = address[:position] + replacement + address[position + 1 :]
        assert _found(changed) == [], changed


@pytest.mark.parametrize("address", EVERY_VALID)
def test_addresses_glued_into_longer_tokens_are_rejected(address: str) -> None:
    for glued in (f"x{address}", f"{address}x", f"7{address}", f"{address}7", f"é{address}x"):
        assert _found(glued) == [], glued


@pytest.mark.parametrize("address", EVERY_WRITTEN)
def test_any_non_alphanumeric_neighbour_is_a_boundary(address: str) -> None:
    for left, right in [("(", ")"), ("_", "_"), ("/", "?"), ("é", "ü"), ("\n", "\t"), (">", "<")]:
        text = f"{left}{address}{right}"
        (match,) = find(text)
        assert (match.start, match.end) == (len(left), len(left) + len(address)), text


def test_base58_junk_of_address_length_is_rejected() -> None:
    junk = [
        "1" + "z" * 33,
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy".swapcase(),
        "4" + "A" * 94,
        "8" + "Ab" * 47,
        "t1" + "Ab" * 16 + "c",
        "T" + "xY" * 16 + "z",
    ]
    for string in junk:
        assert _found(f"{string} sol") == [], string


def test_sol_needs_a_cue_nearby() -> None:
    key = SOL_KEYS[0]
    assert _found(key) == []
    for cue in ("SOL", "Solana", "sol address:", "Phantom wallet", "(sol)"):
        (match,) = find(f"{cue} {key}")
        assert (match.kind, match.value, match.raw) == ("sol", key, key)
        assert match.confidence < 1.0
    assert _found(f"{key} -- send SOL only") == [("sol", key)]


def test_sol_cue_must_be_close_and_a_whole_word() -> None:
    key = SOL_KEYS[1]
    assert _found("Solana" + " " * 61 + key) == []
    assert _found(key + " " * 61 + "SOL") == []
    assert _found("Solana" + " " * 60 + key) == [("sol", key)]
    assert _found(key + " " * 60 + "phantom") == [("sol", key)]
    for near_miss in ("soldier", "console", "consol", "solar", "phantoms", "Solanas"):
        assert _found(f"{near_miss} {key} x") == [], near_miss
        assert _found(f"{key} {near_miss}") == [], near_miss
    # A word cut by the end of the searched window is not a cue.
    assert _found(key + " " * 60 + "phantoms") == []


@pytest.mark.parametrize("key", SOL_KEYS)
def test_sol_vectors(key: str) -> None:
    assert _found(f"SOL: {key}") == [("sol", key)]


def test_sol_rejects_off_curve_single_case_and_wrong_size_tokens() -> None:
    for token in (
        "F9vSypJrvid1y1ckLUJoT1Ke4R5TgeMiyoZdFKBAA91j",  # not an ed25519 point
        "kkqJgedV2iZeiLdU9qa8SFT5Zv13JRorbW87bjAnkb",  # 31 bytes
        "17UVttrLkRkZFn4FsTuihX5zCJ1ounF5Ts8CkSqPGN2Dh",  # 33 bytes
        SOL_KEYS[0].lower(),
        "internationalizationcharacterizationsz",
    ):
        assert _found(f"Solana {token}") == [], token


def test_offsets_in_a_mixed_document() -> None:
    parts = [
        "Vendor <b>acme</b> takes BTC: ",
        BTC,
        " or bech32 ",
        BECH32.upper(),
        ";\nETH=",
        ETH.lower(),
        " XMR «",
        XMR,
        "» BCH ",
        CASHADDR,
        " and SOL ",
        SOL_KEYS[2],
        " — tx 0x" + "ab" * 32 + " ends.",
    ]
    text = "".join(parts)
    matches = list(find(text))
    assert [m.kind for m in matches] == ["btc", "btc", "eth", "xmr", "bch", "sol"]
    for match in matches:
        assert text[match.start : match.end] == match.raw
    written = [BTC, BECH32.upper(), ETH.lower(), XMR, CASHADDR, SOL_KEYS[2]]
    assert [m.raw for m in matches] == written
    assert matches == sorted(matches, key=lambda m: m.start)


@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\u200c\u200d", "\u2060", "\ufeff"])
def test_invisible_characters_inside_an_address_are_read_through(hidden: str) -> None:
    # Copied from the browser the address pays; read as text it is two short strings.
    written = {
        BTC: BTC[:9] + hidden + BTC[9:20] + hidden + BTC[20:],
        ETH: ETH[:2] + hidden + ETH[2:],
        XMR: XMR[:50] + hidden + XMR[50:],
    }
    text = "Pay to: " + " or ".join(written.values()) + " — thanks «é»"
    matches = list(find(text))
    assert [m.value for m in matches] == list(written)
    for match, raw in zip(matches, written.values(), strict=True):
        assert match.raw == raw == text[match.start : match.end]


def test_invisible_characters_join_no_address_that_is_not_there() -> None:
    # Halves of two different addresses stay nothing; an address that ends at an
    # invisible character is still the address written there.
    assert _found(BTC[:17] + "\u200b" + BECH32[17:] + " é") == []
    assert _found("\u200b" * 50 + "é") == []
    [match] = find(BTC + "\u200bextra é")
    assert (match.value, match.start, match.end) == (BTC, 0, len(BTC))


def test_options_restrict_kinds() -> None:
    text = f"{BTC} {ETH} {XMR}"
    assert _found(text, ExtractOptions(kinds=frozenset({"eth"}))) == [("eth", ETH)]
    assert _found(text, ExtractOptions(kinds=frozenset({"phone", "email"}))) == []
    assert len(_found(text, ExtractOptions(kinds=None))) == 3


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x",
        "bitcoincash:",
        "bitcoincash:bitcoincash:",
        "0x",
        "bc1",
        ":" * 100,
        "\x00\xff" * 50,
        "😀" * 40,
        "1" * 34,
        "q" * 42,
        "bitcoincash:" + "q" * 42,
        "4" * 95,
        "A12UEL5L bc1 ltc1 0x0x0x",
    ],
)
def test_degenerate_input_yields_nothing(text: str) -> None:
    assert _found(text) == []


def test_0x_fingerprint_after_a_pgp_cue_is_not_an_eth_address() -> None:
    from extractors.registry import extract

    fingerprint = "0x1528B77FA6C3E1D2B4F5A6C7D8E9F0A1B2C3D4E5"
    assert [(m.kind, m.value) for m in extract(f"PGP fingerprint: {fingerprint}")] == [
        ("pgp_fingerprint", fingerprint[2:])
    ]
    # A verified EIP-55 checksum wins over the cue: that is an address.
    checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    assert [m.kind for m in extract(f"key id {checksummed}")] == ["eth"]
    # Without a cue an unchecksummed 0x+40 hex stays an address.
    assert [m.kind for m in extract(f"pay {fingerprint.lower()}")] == ["eth"]


@pytest.mark.parametrize(
    "text",
    [
        "verify the signed mirror list with my key {fpr}.",
        "- verify PGP fingerprints (mine: {fpr})",
        "Ordered twice. Their fingerprint is {fpr}.",
    ],
)
def test_pgp_words_a_little_before_make_a_fingerprint_not_an_address(text: str) -> None:
    from extractors.registry import extract

    fingerprint = "0xD95AFDD27B682DE9BBFCEA297EA6309B3CF3733D"
    found = [(m.kind, m.value) for m in extract(text.format(fpr=fingerprint))]
    assert found == [("pgp_fingerprint", fingerprint[2:])]


def test_a_payment_word_after_the_pgp_words_makes_it_an_address() -> None:
    from extractors.registry import extract

    address = "0x9DF32E42A98E6F00D7A376ECF37D5C3639EA2C96"
    found = [m.kind for m in extract(f"PGP key changed, send to {address}")]
    assert found == ["eth"]
    assert [m.kind for m in extract(f"my API key {address}")] == ["eth"]

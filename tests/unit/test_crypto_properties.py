"""Seeded random checks of the crypto family: planted addresses come back exactly,
mutated ones never do, and junk never breaks the offsets contract."""

from __future__ import annotations

import random

import pytest

from extractors import kinds
from extractors.crypto import find

# (kind, as written, normalised value), one or more of every kind.
PLANTED = [
    ("btc", "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo", "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo"),
    ("btc", "36j4NfKv6Akva9amjWrLG6MuSQym1GuEmm", "36j4NfKv6Akva9amjWrLG6MuSQym1GuEmm"),
    (
        "btc",
        "BC1P83N3AU0RJYLEFXQ2NC2XH2Y4JZZ4PM6ZXJ4MW5PAGDJJR2A9F36S6JJNNU",
        "bc1p83n3au0rjylefxq2nc2xh2y4jzz4pm6zxj4mw5pagdjjr2a9f36s6jjnnu",
    ),
    (
        "ltc",
        "ltc1qwlezpr3890hcp6vva9twqh27mr6edadreqvhnn",
        "ltc1qwlezpr3890hcp6vva9twqh27mr6edadreqvhnn",
    ),
    ("ltc", "MJfELhwt9S6Sr9hadHGsnTELZzFUVjMrFc", "MJfELhwt9S6Sr9hadHGsnTELZzFUVjMrFc"),
    (
        "bch",
        "qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy",
        "bitcoincash:qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy",
    ),
    (
        "eth",
        "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    ),
    (
        "eth",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ),
    (
        "xmr",
        "84LooD7i35SFppgf4tQ453Vi3q5WexSUXaVgut69ro8MFnmHwuezAArEZTZyLr9fS6QotjqkSAxSF6d1aDgsPoX849izJ7m",
        "84LooD7i35SFppgf4tQ453Vi3q5WexSUXaVgut69ro8MFnmHwuezAArEZTZyLr9fS6QotjqkSAxSF6d1aDgsPoX849izJ7m",
    ),
    ("doge", "DTdrvUHbk5oMyi62tM7LqrjAcXfqB7eaad", "DTdrvUHbk5oMyi62tM7LqrjAcXfqB7eaad"),
    ("dash", "7obR8rAq66A24U7wwbBk35AFD5ThFjLcLH", "7obR8rAq66A24U7wwbBk35AFD5ThFjLcLH"),
    ("zec", "t1T6t4H4zerrZRtkPVuu7fgVBCjRjNMY295", "t1T6t4H4zerrZRtkPVuu7fgVBCjRjNMY295"),
    ("trx", "TF7cowibxyJdMyGtjP2yP7oyN5ZmSMPnWd", "TF7cowibxyJdMyGtjP2yP7oyN5ZmSMPnWd"),
]
WORDS = ["the", "vendor", "ships", "from", "EU", "escrow", "pay", "to", "wallet", "BTC", "XMR"]
SEPARATORS = [" ", "\n", ", ", ": ", " (", ") ", " — ", "\t", " «", "» ", "<br>", "/"]
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


@pytest.mark.parametrize("seed", range(20))
def test_planted_addresses_come_back_exactly(seed: int) -> None:
    rng = random.Random(seed)
    pieces: list[str] = []
    expected = []
    position = 0
    for _ in range(200):
        if rng.random() < 0.1:
            kind, written, value = rng.choice(PLANTED)
            piece = written
            expected.append((kind, value, position, position + len(written)))
        else:
            piece = rng.choice(WORDS)
        piece += rng.choice(SEPARATORS)
        pieces.append(piece)
        position += len(piece)
    text = "".join(pieces)
    assert [(m.kind, m.value, m.start, m.end) for m in find(text)] == expected


@pytest.mark.parametrize(("kind", "written", "value"), PLANTED)
def test_every_single_substitution_is_rejected(kind: str, written: str, value: str) -> None:
    rng = random.Random(written)
    for _ in range(60):
        position = rng.randrange(len(written))
        if kind == "eth" and position < 2:
            continue
        replacement = rng.choice(BASE58)
        if replacement.lower() == written[position].lower():
            continue
        mutated = written[:position] + replacement + written[position + 1 :]
        # A single-case Ethereum address has no checksum: any hex change is as valid.
        if kind == "eth" and not _is_mixed_case(mutated[2:]):
            continue
        assert list(find(mutated)) == [], mutated


def _is_mixed_case(text: str) -> bool:
    return text != text.lower() and text != text.upper()


@pytest.mark.parametrize("seed", range(10))
def test_junk_keeps_the_offsets_contract(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = BASE58 + "0OIl:x_ -.\n"
    text = "".join(rng.choices(alphabet, k=20_000))
    for match in find(text):
        assert match.kind in kinds.CRYPTO
        assert text[match.start : match.end] == match.raw

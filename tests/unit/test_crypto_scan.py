"""crypto.scan: the candidate runs are exactly the maximal ASCII-alphanumeric runs of
address length, at character offsets, whatever scripts surround them."""

from __future__ import annotations

import random
import re

import pytest

from extractors.crypto import find
from extractors.crypto.scan import MAX_LENGTH, MIN_LENGTH, tokens

# The definition, written the slow obvious way.
REFERENCE_RUN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?![A-Za-z0-9])")
BTC = "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo"
# ASCII, Latin-1, other BMP scripts, astral characters, a lone surrogate, letters that
# str.isalnum() accepts but addresses never contain.
PIECES = ["a", "Z", "7", "0x", " ", ":", "\n", "é", "ß", "ÿ", "€", "Ж", "中", "😀", "\ud800"]


def _reference(text: str) -> list[tuple[str, int, int]]:
    return [
        (m.group(), m.start(), m.end())
        for m in REFERENCE_RUN.finditer(text)
        if MIN_LENGTH <= m.end() - m.start() <= MAX_LENGTH
    ]


def _scanned(text: str) -> list[tuple[str, int, int]]:
    return [(t.text, t.start, t.end) for t in tokens(text)]


@pytest.mark.parametrize("seed", range(30))
def test_runs_match_the_reference_definition(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        parts = []
        for _ in range(rng.randint(0, 10)):
            run_length = rng.choice([1, MIN_LENGTH - 1, MIN_LENGTH, 40, MAX_LENGTH, MAX_LENGTH + 1])
            parts.append("".join(rng.choices("abXY09", k=run_length)))
            parts.append("".join(rng.choices(PIECES, k=rng.randint(0, 3))))
        text = "".join(parts)
        assert _scanned(text) == _reference(text), repr(text)


@pytest.mark.parametrize("length", [MIN_LENGTH - 1, MIN_LENGTH, MAX_LENGTH, MAX_LENGTH + 1])
def test_length_bounds(length: int) -> None:
    run = "k" * length
    expected = [(run, 1, 1 + length)] if MIN_LENGTH <= length <= MAX_LENGTH else []
    assert _scanned(f" {run} ") == expected


@pytest.mark.parametrize("before", ["😀", "中文 ", "\ud800", "€€ ", "Жж:", "ÿ"])
def test_offsets_are_character_offsets_after_any_script(before: str) -> None:
    text = before * 3 + BTC + before
    (match,) = find(text)
    assert text[match.start : match.end] == BTC


def test_cashaddr_prefix_is_found_behind_the_run() -> None:
    payload = "qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy"
    (token,) = tokens(f"pay bitcoincash:{payload} now")
    assert token.prefix_start == 4
    (token,) = tokens(f"pay xbitcoincash:{payload} now")
    assert token.prefix_start is None
    (token,) = tokens(f"pay {payload} now")
    assert token.prefix_start is None

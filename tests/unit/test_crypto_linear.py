"""crypto.find stays linear on pathological input.

Compares the time for N and 2N megabytes of the same pattern (a ratio, not an absolute
time): quadratic behaviour, such as a regex re-scanning long runs from every position,
would make the ratio about 4 and grow from there.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from extractors.crypto import find
from tests.linear_time import growth_ratio, limit

BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
MEGABYTE = 1_000_000


def _random_run(alphabet: str) -> Callable[[int], str]:
    # One maximal run; a random block repeated is as hard as a random run and quicker
    # to build.
    block = "".join(random.Random(alphabet).choices(alphabet, k=MEGABYTE // 4))
    return _repeated(block)


def _repeated(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _address_shaped_tokens(size: int) -> str:
    # Every token is a candidate that reaches a decoder, and fails in it.
    rng = random.Random(size)
    shapes = ["1" + "".join(rng.choices(BASE58, k=33)) for _ in range(50)]
    shapes += ["bc1q" + "".join(rng.choices("qpzry9x8gf2tvdw0s3jn54khce6mua7l", k=38))]
    shapes += ["4" + "".join(rng.choices(BASE58, k=94)), "0x" + "aB" * 20]
    return _repeated(" ".join(shapes) + " ")(size)


# name -> (input maker, N): N is chosen so that N takes tens of milliseconds, well
# above timer noise (long runs are consumed at about a gigabyte a second).
PATHOLOGICAL = {
    "base58 run": (_random_run(BASE58), 16 * MEGABYTE),
    "hex run": (_random_run("0123456789abcdef"), 16 * MEGABYTE),
    "bech32 run": (_repeated("bc1"), 16 * MEGABYTE),
    "0x separators": (_repeated("0x"), 16 * MEGABYTE),
    "prefix separators": (_repeated("bitcoincash:"), 2 * MEGABYTE),
    "colons": (_repeated(":"), 2 * MEGABYTE),
    "13-character words": (_repeated("abcdefghijklm "), 2 * MEGABYTE),
    "address-shaped tokens": (_address_shaped_tokens, MEGABYTE // 10),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_time_grows_linearly(name: str) -> None:
    make, size = PATHOLOGICAL[name]
    ratio = growth_ratio(find, make, size, growth=2)  # inputs of many megabytes
    assert ratio < limit(2), f"{name}: {ratio:.2f}"


def test_a_ten_megabyte_line_of_base58_is_one_rejected_run() -> None:
    text = _random_run(BASE58)(10 * MEGABYTE)
    assert list(find(text)) == []

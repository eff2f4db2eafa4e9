"""The linear-time check itself: it must still fail quadratic work after its retries."""

from __future__ import annotations

from collections.abc import Iterator

from extractors.base import Match
from tests.linear_time import growth_ratio, limit


def _quadratic(text: str) -> Iterator[Match]:
    # Each position rescans everything before it, as a regex backtracking to the line's
    # start would.
    total = 0
    for end in range(0, len(text), 8):
        total += text.count("a", 0, end)
    yield from ()


def _linear(text: str) -> Iterator[Match]:
    total = 0
    for char in text:
        total += char == "a"
    yield from ()


def _text(size: int) -> str:
    return "ab" * (size // 2)


def test_quadratic_work_exceeds_the_limit_in_every_round() -> None:
    assert growth_ratio(_quadratic, _text, 20_000, repeats=2) > limit()


def test_linear_work_passes() -> None:
    assert growth_ratio(_linear, _text, 100_000, repeats=3) < limit()

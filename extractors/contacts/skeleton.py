"""A fast, offset-exact lower-case view of a text for finding cue words.

Case-insensitive regexes cannot use the regex engine's fast skip and scan a page
at a few tens of MB/s; ``bytes.find`` on a lower-cased ASCII copy runs at hundreds.
Every non-ASCII character becomes one "?", so offsets in the skeleton are offsets
in the text.
"""

from __future__ import annotations

from collections.abc import Iterator


def ascii_lower(text: str) -> bytes:
    return text.encode("ascii", "replace").lower()


def positions(low: bytes, word: bytes) -> Iterator[int]:
    """Every offset where ``word`` (lower-case ASCII) occurs in the skeleton."""
    pos = low.find(word)
    while pos != -1:
        yield pos
        pos = low.find(word, pos + 1)

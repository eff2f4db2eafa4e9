"""A fast, offset-exact lower-case view of a text for finding cue words.

Case-insensitive regexes cannot use the regex engine's fast skip and scan a page
at a few tens of MB/s; ``bytes.find`` on a lower-cased ASCII copy runs at hundreds.
Every non-ASCII character becomes one "?", so offsets in the skeleton are offsets
in the text.
"""

from __future__ import annotations

from collections.abc import Iterator

# The registry hands one page to the pgp family and then to the contacts family, and
# both read its skeleton: the last one made is kept (with its text, so the identity test
# cannot match a new string at a reused address) and the second family gets it free.
_last: tuple[str, bytes] = ("", b"")


def ascii_lower(text: str) -> bytes:
    global _last
    last_text, last_low = _last  # one read: another thread may replace the pair
    if text is last_text:
        return last_low
    low = text.encode("ascii", "replace").lower()
    _last = (text, low)
    return low


def positions(low: bytes, word: bytes) -> Iterator[int]:
    """Every offset where ``word`` (lower-case ASCII) occurs in the skeleton."""
    pos = low.find(word)
    while pos != -1:
        yield pos
        pos = low.find(word, pos + 1)

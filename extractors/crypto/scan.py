"""Candidate tokens: maximal alphanumeric runs of address length, found in one linear pass.

Every address kind we extract is an ASCII-alphanumeric run (``0x…`` included); CashAddr
may carry a ``bitcoincash:`` prefix, which is looked up behind the run rather than put
in the scan. A run glued to other letters or digits is one run, so an address inside a
longer token never comes out: the run as a whole fails every codec. Runs longer than any
address are dropped without decoding, which keeps megabyte runs of base58 or hex linear.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from extractors.crypto.charsets import ALNUM

# Shortest: a segwit v1+ address with a 2-byte program ("bc1z2rksukkjr8", 14 chars).
MIN_LENGTH = 14
# Longest: a CashAddr payload of 64 bytes without its prefix (112 chars).
MAX_LENGTH = 112

CASHADDR_PREFIX = "bitcoincash:"

# Why not a regex: ``[A-Za-z0-9]{14,}`` makes sre start a match at every word of prose
# and give up after a few letters (about 75 MB/s, a third of the crypto family's time).
# Instead the text is flattened to one byte per character (anything outside Latin-1
# becomes "?", so offsets stay character offsets), every ASCII letter or digit becomes
# "a" and everything else " ", and bytes.find looks for 14 "a"s in a row: C-speed
# substring search that skips most short words outright (about 350 MB/s).
_IN_RUN, _OUTSIDE = b"a", b" "
_MASK = bytes((_IN_RUN if chr(byte) in ALNUM else _OUTSIDE)[0] for byte in range(256))
_SHORTEST_RUN = _IN_RUN * MIN_LENGTH


# Not frozen: a frozen dataclass's __init__ goes through object.__setattr__ and costs
# three times as much, on every candidate of every page.
@dataclass(slots=True)
class Token:
    text: str  # the run itself, text[start:end]
    start: int
    end: int
    # Where a "bitcoincash:" prefix written right before the run starts (any case).
    prefix_start: int | None


def tokens(text: str) -> Iterator[Token]:
    mask = text.encode("latin-1", "replace").translate(_MASK)
    find = mask.find
    start = find(_SHORTEST_RUN)
    while start >= 0:
        # The search resumes past the previous run's end, which is not in a run, so the
        # first window found is where a run starts.
        end = find(_OUTSIDE, start + MIN_LENGTH)
        if end < 0:
            end = len(mask)
        if end - start <= MAX_LENGTH:
            prefix_start = _cashaddr_prefix_start(text, start) if text[start - 1] == ":" else None
            yield Token(text[start:end], start, end, prefix_start)
        start = find(_SHORTEST_RUN, end)


def _cashaddr_prefix_start(text: str, start: int) -> int | None:
    prefix_start = start - len(CASHADDR_PREFIX)
    if prefix_start < 0 or text[prefix_start:start].lower() != CASHADDR_PREFIX:
        return None
    if prefix_start > 0 and text[prefix_start - 1] in ALNUM:
        return None
    return prefix_start

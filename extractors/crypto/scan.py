"""Candidate tokens: maximal alphanumeric runs of address length, found in one linear pass.

Every address kind we extract is an ASCII-alphanumeric run (``0x…`` included); CashAddr
may carry a ``bitcoincash:`` prefix, which is looked up behind the run rather than put
in the regex (an optional prefix group halves the scan speed). A run glued to other
letters or digits is one run, so an address inside a longer token never comes out:
the run as a whole fails every codec. Runs longer than any address are dropped without
decoding, which keeps megabyte runs of base58 or hex linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.crypto.charsets import ALNUM

# Shortest: a segwit v1+ address with a 2-byte program ("bc1z2rksukkjr8", 14 chars).
MIN_LENGTH = 14
# Longest: a CashAddr payload of 64 bytes without its prefix (112 chars).
MAX_LENGTH = 112

# One sweep per run: the lookbehind fails at once inside a run, so a run is only tried
# from its first character, and the unbounded greedy repeat takes it whole.
_RUN = re.compile(rf"(?<![A-Za-z0-9])[A-Za-z0-9]{{{MIN_LENGTH},}}")

CASHADDR_PREFIX = "bitcoincash:"


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # the run itself, text[start:end]
    start: int
    end: int
    # Where a "bitcoincash:" prefix written right before the run starts (any case).
    prefix_start: int | None


def tokens(text: str) -> Iterator[Token]:
    for run in _RUN.finditer(text):
        start, end = run.span()
        if end - start > MAX_LENGTH:
            continue
        yield Token(run.group(), start, end, _cashaddr_prefix_start(text, start))


def _cashaddr_prefix_start(text: str, start: int) -> int | None:
    prefix_start = start - len(CASHADDR_PREFIX)
    if prefix_start < 0 or text[prefix_start:start].lower() != CASHADDR_PREFIX:
        return None
    if prefix_start > 0 and text[prefix_start - 1] in ALNUM:
        return None
    return prefix_start

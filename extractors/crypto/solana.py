"""Solana addresses: a base58 ed25519 public key (32 bytes). There is no checksum.

Any random-looking 43..44 character base58 token decodes to 32 bytes, so a token only
counts when the text around it names Solana, when its bytes are a point on the curve
(bip-utils checks that), and even then with a lower confidence. Program-derived
addresses are off the curve by design and are therefore missed: people hand out their
wallet's own key for payments, and a miss is cheaper than a false address.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bip_utils import SolAddrDecoder

from extractors import kinds
from extractors.crypto.address import Address
from extractors.crypto.charsets import ALNUM, is_base58, is_mixed_case

NO_CHECKSUM = 0.6
CUE_DISTANCE = 60
_MIN_LENGTH, _MAX_LENGTH = 32, 44
_CUE_WORDS = ("sol", "solana", "phantom")
_CUE = re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(_CUE_WORDS)})(?![A-Za-z0-9])", re.IGNORECASE)
_LONGEST_CUE = max(map(len, _CUE_WORDS))


def decode(token: str, text: str, start: int, end: int) -> Address | None:
    if not _MIN_LENGTH <= len(token) <= _MAX_LENGTH or not is_base58(token):
        return None
    # A real key is random base58, so single-case tokens are words or ids: a 32-byte
    # key with no upper-case letter in 43 characters has odds around 1e-10.
    if not is_mixed_case(token):
        return None
    if not has_cue(text, start, end) or not _is_curve_point(token):
        return None
    return Address(kinds.SOL, token, NO_CHECKSUM)


# The curve check is pure-Python big-integer arithmetic (~0.2 ms); a key handed out for
# payments is repeated on many pages, so recent answers are remembered.
@lru_cache(maxsize=4096)
def _is_curve_point(token: str) -> bool:
    try:
        SolAddrDecoder.DecodeAddr(token)
    except ValueError:
        return False
    return True


def has_cue(text: str, start: int, end: int) -> bool:
    """Whether "SOL", "Solana" or "Phantom" is written at most CUE_DISTANCE characters
    before or after the span."""
    search_end = min(len(text), end + CUE_DISTANCE + _LONGEST_CUE)
    for cue in _CUE.finditer(text, max(0, start - CUE_DISTANCE - _LONGEST_CUE), search_end):
        if cue.end() < start - CUE_DISTANCE or cue.start() > end + CUE_DISTANCE:
            continue
        # The search stops at search_end as if the text ended there; a word cut by it
        # ("sol|dier") is not a cue.
        if cue.end() == len(text) or text[cue.end()] not in ALNUM:
            return True
    return False

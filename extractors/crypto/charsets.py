"""Character-set tests shared by the codecs: cheap rejections before any decoding."""

from __future__ import annotations

import re

BASE58 = re.compile(r"[1-9A-HJ-NP-Za-km-z]+")
HEX = re.compile(r"[0-9a-fA-F]+")
# ASCII only: a letter from another script next to an address does not glue to it.
ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def is_base58(token: str) -> bool:
    return BASE58.fullmatch(token) is not None


def is_hex(token: str) -> bool:
    return HEX.fullmatch(token) is not None


def is_mixed_case(token: str) -> bool:
    return token != token.lower() and token != token.upper()

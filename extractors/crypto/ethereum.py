"""Ethereum addresses: ``0x`` + 40 hex digits, EIP-55 mixed-case checksum."""

from __future__ import annotations

from Crypto.Hash import keccak

from extractors import kinds
from extractors.crypto.address import Address
from extractors.crypto.charsets import is_hex, is_mixed_case

_LENGTH = 42
# All-lower / all-upper addresses carry no checksum: the shape is exact (an isolated
# 0x + 40 hex run), but nothing verified the digits.
UNCHECKSUMMED = 0.9


def decode(token: str) -> Address | None:
    if len(token) != _LENGTH or not token.startswith("0x"):
        return None
    digits = token[2:]
    if not is_hex(digits):
        return None
    checksummed = eip55(digits)
    if is_mixed_case(digits):
        return Address(kinds.ETH, checksummed) if checksummed == token else None
    return Address(kinds.ETH, checksummed, UNCHECKSUMMED)


def eip55(hex_digits: str) -> str:
    """The EIP-55 form: a letter is upper case where its Keccak-256 nibble is >= 8.

    Hand-written because it is four lines; the hash is pycryptodome's original Keccak
    (Ethereum predates NIST's SHA3 padding, so hashlib.sha3_256 would be wrong).
    """
    lower = hex_digits.lower()
    digest = keccak.new(digest_bits=256, data=lower.encode("ascii")).hexdigest()
    nibbles = digest[: len(lower)]
    cased = (c.upper() if int(n, 16) >= 8 else c for c, n in zip(lower, nibbles, strict=True))
    return "0x" + "".join(cased)

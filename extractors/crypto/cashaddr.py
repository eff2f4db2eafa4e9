"""Bitcoin Cash CashAddr addresses, with or without the ``bitcoincash:`` prefix.

Legacy (base58) BCH addresses are byte-identical to Bitcoin ones, so nothing in the
text can tell them apart; base58check reports them as btc.
"""

from __future__ import annotations

from bip_utils.bech32 import BchBech32Decoder, Bech32ChecksumError

from extractors import kinds
from extractors.crypto.address import Address
from extractors.crypto.charsets import is_mixed_case
from extractors.crypto.scan import CASHADDR_PREFIX

_HRP = CASHADDR_PREFIX.rstrip(":")
# Version byte: bit 7 reserved, bits 6..3 type, bits 2..0 hash size.
_P2PKH, _P2SH = 0, 1
_HASH_SIZES = (20, 24, 28, 32, 40, 48, 56, 64)
# A payload starts with the version byte's top 5 bits: type 0 -> 'q', type 1 -> 'p'.
_FIRST_CHARS = frozenset("qpQP")


def decode(token: str) -> Address | None:
    """A payload written without its prefix (the spec's default network is assumed)."""
    if token[0] not in _FIRST_CHARS:
        return None
    prefix = CASHADDR_PREFIX.upper() if token.isupper() else CASHADDR_PREFIX
    return decode_prefixed(prefix + token)


def decode_prefixed(written: str) -> Address | None:
    """``bitcoincash:<payload>``; the whole string must be one case (spec)."""
    if is_mixed_case(written):
        return None
    try:
        version, payload = BchBech32Decoder.Decode(_HRP, written)
    # IndexError: bip-utils reads the version byte without checking a payload has one.
    except (ValueError, IndexError, Bech32ChecksumError):
        return None
    version_byte = version[0]
    kind_bits, size_bits = version_byte >> 3, version_byte & 0b111
    if version_byte & 0x80 or kind_bits not in (_P2PKH, _P2SH):
        return None
    if len(payload) != _HASH_SIZES[size_bits]:
        return None
    return Address(kinds.BCH, written.lower())

"""Versioned Base58Check addresses: a version prefix, a 20-byte hash, a 4-byte checksum.

Covers btc, ltc, doge, dash, trx and zec (transparent). Version bytes shared by several
chains are reported as the chain that defined them: 0x00/0x05 are Bitcoin's, and legacy
Bitcoin Cash addresses and Litecoin's old '3…' P2SH addresses use the very same bytes,
so nothing in the string tells them apart from btc.
"""

from __future__ import annotations

import base58

from extractors import kinds
from extractors.crypto.address import Address
from extractors.crypto.charsets import is_base58

_HASH_LENGTH = 20
_ONE_BYTE_VERSIONS = {
    0x00: kinds.BTC,  # 1… P2PKH
    0x05: kinds.BTC,  # 3… P2SH
    0x30: kinds.LTC,  # L… P2PKH
    0x32: kinds.LTC,  # M… P2SH
    0x1E: kinds.DOGE,  # D… P2PKH
    0x16: kinds.DOGE,  # 9…/A… P2SH
    0x4C: kinds.DASH,  # X… P2PKH
    0x10: kinds.DASH,  # 7… P2SH
    0x41: kinds.TRX,  # T… (TRON hashes a secp256k1 key like Ethereum, encodes like Bitcoin)
}
_TWO_BYTE_VERSIONS = {
    b"\x1c\xb8": kinds.ZEC,  # t1… transparent P2PKH
    b"\x1c\xbd": kinds.ZEC,  # t3… transparent P2SH
}
# 25 bytes (1-byte version) encode to 25..35 characters, 26 bytes (zec) to 35..36.
_MIN_LENGTH, _MAX_LENGTH = 25, 36


def decode(token: str) -> Address | None:
    if not _MIN_LENGTH <= len(token) <= _MAX_LENGTH or not is_base58(token):
        return None
    try:
        payload = base58.b58decode_check(token)
    except ValueError:
        return None
    if len(payload) == 1 + _HASH_LENGTH:
        kind = _ONE_BYTE_VERSIONS.get(payload[0])
    elif len(payload) == 2 + _HASH_LENGTH:
        kind = _TWO_BYTE_VERSIONS.get(payload[:2])
    else:
        kind = None
    return Address(kind, token) if kind else None

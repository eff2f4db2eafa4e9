"""Monero mainnet addresses: Monero base58 (8-byte blocks -> 11 chars), Keccak-256 checksum.

Layout: network prefix (1 byte) + public spend key (32) + public view key (32)
[+ payment id (8), integrated only] + the first 4 bytes of Keccak-256 over the rest.
bip-utils' full address decoder also checks that both keys are ed25519 points, in pure
Python at ~0.5 ms an address; the 32-bit checksum already makes a false hit a one in
four billion event, so only the codec is borrowed and the checksum is checked here.
"""

from __future__ import annotations

from bip_utils import Base58XmrDecoder
from Crypto.Hash import keccak

from extractors import kinds
from extractors.crypto.address import Address
from extractors.crypto.charsets import is_base58

_CHECKSUM_LENGTH = 4
# (first character, length) -> (network prefix, decoded length including the checksum)
_FORMS = {
    ("4", 95): (b"\x12", 69),  # standard
    ("8", 95): (b"\x2a", 69),  # subaddress
    ("4", 106): (b"\x13", 77),  # integrated: 8-byte payment id after the keys
}


def decode(token: str) -> Address | None:
    form = _FORMS.get((token[0], len(token)))
    if form is None or not is_base58(token):
        return None
    prefix, decoded_length = form
    try:
        decoded = Base58XmrDecoder.Decode(token)
    except ValueError:
        return None
    if len(decoded) != decoded_length or decoded[:1] != prefix:
        return None
    body, checksum = decoded[:-_CHECKSUM_LENGTH], decoded[-_CHECKSUM_LENGTH:]
    if keccak.new(digest_bits=256, data=body).digest()[:_CHECKSUM_LENGTH] != checksum:
        return None
    return Address(kinds.XMR, token)

"""Native segwit addresses (BIP-173 Bech32 for witness v0, BIP-350 Bech32m for v1+)."""

from __future__ import annotations

from bip_utils.bech32 import Bech32ChecksumError, SegwitBech32Decoder

from extractors import kinds
from extractors.crypto.address import Address

# Human-readable part -> kind. Mainnet only: tb/tltc/bcrt are test networks.
_NETWORKS = (("bc", kinds.BTC), ("ltc", kinds.LTC))
# BIP-173's limit; bip-utils checks program length but not the string's.
_MAX_LENGTH = 90


def decode(token: str) -> Address | None:
    if len(token) > _MAX_LENGTH:
        return None
    lowered = token.lower()
    for hrp, kind in _NETWORKS:
        if lowered.startswith(hrp + "1"):
            # The decoder rejects mixed case, picks Bech32 or Bech32m by witness
            # version, and checks program length (v0: 20/32 bytes, else 2..40).
            try:
                SegwitBech32Decoder.Decode(hrp, token)
            except (ValueError, Bech32ChecksumError):
                return None
            return Address(kind, lowered)
    return None

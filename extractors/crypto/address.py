"""What a codec returns when a token is a valid address."""

from __future__ import annotations

from dataclasses import dataclass

# An address whose checksum verified; nothing less is reported as 1.0.
VERIFIED = 1.0


@dataclass(frozen=True, slots=True)
class Address:
    kind: str  # one of extractors.kinds.CRYPTO
    value: str  # normalised as DESIGN.md's table says
    confidence: float = VERIFIED

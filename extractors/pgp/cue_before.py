"""Whether the words before a "0x" + 40 hex string make it a PGP fingerprint.

A fingerprint is 160 bits, like an Ethereum address, and "0x" + 40 hex digits is a common
way to write one. Without an EIP-55 mixed-case checksum nothing tells them apart but the
words before it. The crypto family skips such a string when this says "fingerprint", and
the pgp family takes it on the same test (unless the words between name another hash,
"commit" or "sha1"): one rule, so that the string is not claimed by both.
"""

from __future__ import annotations

import re

# "PGP", "GPG", "fingerprint(s)", "fpr", "key ID" up to REACH characters before the string.
_CUE = re.compile(r"\b(?:pgp|gpg|fingerprints?|fpr|fp|key[ -]?id)\b", re.IGNORECASE)
REACH = 40
_PAYMENT = re.compile(
    r"(?i)\b(?:send|pay|payment|deposit|wallet|address|eth|ethereum|erc-?20|usdt|donate)\b"
)
# Keys of other things than PGP ("API key", "license key"), for both families.
OTHER_KEYS = ("api", "license", "licence", "secret", "private", "access", "product", "serial")
# "my key 0x…": "key" counts only right before the digits, and not another thing's key.
_KEY_RIGHT_BEFORE = re.compile(
    r"(?i)(?<![\w-])" + "".join(f"(?<!{word} )" for word in OTHER_KEYS) + r"key[\s:=#-]*\Z"
)
_KEY_REACH = 24


def pgp_cue_before(text: str, start: int) -> bool:
    """A PGP cue on the same line within REACH characters before ``start``, or "key"
    right before it."""
    line_start = text.rfind("\n", 0, start) + 1
    cue = _CUE.search(text, max(line_start, start - REACH), start)
    if cue is not None:
        # "PGP key changed, send to 0x…": a payment word after the cue makes it an address.
        return _PAYMENT.search(text, cue.end(), start) is None
    return _KEY_RIGHT_BEFORE.search(text, max(0, start - _KEY_REACH), start) is not None

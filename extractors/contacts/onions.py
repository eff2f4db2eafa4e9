"""Tor v3 onion hosts, checksum-verified (rend-spec-v3, "Encoding onion addresses").

    onion_address = base32(PUBKEY | CHECKSUM | VERSION) + ".onion"
    CHECKSUM = SHA3-256(".onion checksum" | PUBKEY | VERSION)[:2],  VERSION = 0x03

v2 hosts (16 characters) are dead since 2021 and are ignored. Obfuscated
separators ("xxxx[.]onion", "xxxx dot onion") are read too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from extractors import kinds
from extractors.base import Match
from extractors.contacts.skeleton import positions

V3_LABEL_LENGTH = 56
_VERSION = 3
_CHECKSUM_PREFIX = b".onion checksum"

CONFIDENCE_PLAIN = 0.99
CONFIDENCE_OBFUSCATED = 0.9

_PLAIN_BASE32_LABEL = re.compile(f"[A-Z2-7]{{{V3_LABEL_LENGTH}}}")
_RFC4648_TO_INT_DIGITS = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", b"0123456789abcdefghijklmnopqrstuv"
)
_DECODED_LENGTH = V3_LABEL_LENGTH * 5 // 8  # 35 bytes: public key, checksum, version

# What stands before "onion": a dot (or a fullwidth, ideographic, halfwidth ideographic or
# small full stop), or a written-out / bracketed / spaced dot.
_SEPARATOR_BEFORE = re.compile(
    r"(?:[.\uff0e\u3002\uff61\ufe52]|\s*[\[({]\s*(?:\.|(?i:dot))\s*[\])}]\s*|\s+(?i:dot)\s+"
    r"|\s+\.\s+)$"
)
# A label broken into groups ("abcd efgh ... wxyd.onion"), read backwards from its end.
_LABEL_GROUPS_REVERSED = re.compile(r"[A-Za-z2-7]+(?:[ \t]{1,2}[A-Za-z2-7]+)+")
_LABEL_GROUP = re.compile(r"[A-Za-z2-7]+")
_MAX_SPACED_LABEL = 3 * V3_LABEL_LENGTH  # one- or two-space gaps between groups
_SEPARATOR_WINDOW = 12


def is_v3_label(label: str) -> bool:
    """True when ``label`` is a 56-character v3 onion label whose checksum verifies."""
    if len(label) != V3_LABEL_LENGTH:
        return False
    raw = _base32_decoded(label.upper())
    if raw is None:
        return False
    pubkey, checksum, version = raw[:32], raw[32:34], raw[34]
    if version != _VERSION:
        return False
    digest = hashlib.sha3_256(_CHECKSUM_PREFIX + pubkey + bytes([version])).digest()
    return digest[:2] == checksum


def _base32_decoded(upper: str) -> bytes | None:
    """The 35 bytes a 56-character label encodes, or None if it is not plain base32.

    base64.b32decode works character by character in Python; base32 is a big-endian
    number in base 32, which int() reads in C once the RFC 4648 alphabet is renamed to
    int()'s digits. Padding ("=") cannot occur: a padded label holds fewer bytes.
    """
    if not _PLAIN_BASE32_LABEL.fullmatch(upper):
        return None
    digits = upper.encode("ascii").translate(_RFC4648_TO_INT_DIGITS)
    return int(digits, 32).to_bytes(_DECODED_LENGTH, "big")


def find(text: str, low: bytes) -> Iterator[Match]:
    for pos in positions(low, b"onion"):
        end = pos + len("onion")
        if end < len(text) and text[end].isalnum():
            continue  # "onions"
        separator = _SEPARATOR_BEFORE.search(text, max(0, pos - _SEPARATOR_WINDOW), pos)
        if separator is None:
            continue
        label_end = separator.start()
        label_start = label_end - V3_LABEL_LENGTH
        label = text[max(0, label_start) : label_end]
        # Too short, or part of a longer run: not a v3 label as written.
        if label_start < 0 or (label_start > 0 and text[label_start - 1].isalnum()):
            label = ""
        spaced = False
        if not is_v3_label(label):
            found = _spaced_label(text, label_end)
            if found is None:
                continue
            label_start, label = found
            spaced = True
        plain = separator.group() == "." and not spaced
        yield Match(
            kind=kinds.ONION,
            value=label.lower() + ".onion",
            raw=text[label_start:end],
            start=label_start,
            end=end,
            confidence=CONFIDENCE_PLAIN if plain else CONFIDENCE_OBFUSCATED,
            extractor="contacts.onion" if plain else "contacts.onion_obfuscated",
        )


def _spaced_label(text: str, label_end: int) -> tuple[int, str] | None:
    """Start and label of a v3 label written in space-separated groups that ends at
    ``label_end``. Words before the label are base32 too, so groups are taken from
    the end until exactly 56 characters; the checksum then decides. A space may also
    stand before the dot ("... r7kexid .onion")."""
    if label_end > 0 and text[label_end - 1] in " \t":
        label_end -= 1
    window_start = max(0, label_end - _MAX_SPACED_LABEL)
    groups = _LABEL_GROUPS_REVERSED.match(text[window_start:label_end][::-1])
    if groups is None:
        return None
    label_chars = 0
    for group in _LABEL_GROUP.finditer(groups.group()):
        label_chars += len(group.group())
        if label_chars < V3_LABEL_LENGTH:
            continue
        start = label_end - group.end()
        if label_chars > V3_LABEL_LENGTH or (start > 0 and text[start - 1].isalnum()):
            return None
        label = "".join(text[start:label_end].split())
        return (start, label) if group.start() > 0 and is_v3_label(label) else None
    return None

"""Fingerprints written out in text ("Fingerprint: 1A2B 3C4D ... 9F0E").

Forty hex digits are also SHA-1 hashes, commit ids and Ethereum addresses (with
"0x"), so only one next to a PGP cue counts: the first one after the cue, or one
right before it. "0x" + 40 ungrouped hex digits is an Ethereum address unless a
cue stands directly before it and the digits are in one case (an address written
with mixed case carries an EIP-55 checksum).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# "key" alone is a cue only right before the digits ("verify with my key <fpr>"),
# and not for the keys of other things.
_CUE = re.compile(rb"pgp|gpg|fingerprint|fpr|key(?P<id>[ -]?id)?")
_OTHER_KEYS = re.compile(rb"(?:api|license|licence|secret|private|access|product|serial)\W*$")
_CUE_BEFORE_MAX = 80  # "Fingerprint: <fpr>", "PGP key (fingerprint 0x<fpr>)"
_CUE_AFTER_MAX = 30  # "<fpr> (PGP)"
_TIGHT = re.compile(r"[\s:=#\-]*")
_FINGERPRINT = re.compile(
    r"(?<![0-9A-Za-z])(?:(?P<grouped>(?:0x)?(?:[0-9A-Fa-f]{4}[ \u00a0]{1,2}){9}[0-9A-Fa-f]{4})"
    r"|(?P<prefix>0x)?(?P<plain>[0-9A-Fa-f]{40}))(?![0-9A-Za-z])"
)


@dataclass(frozen=True, slots=True)
class WrittenFingerprint:
    start: int
    end: int
    value: str  # 40 hex digits, upper case, no spaces


def written_fingerprints(text: str, low: bytes) -> Iterator[WrittenFingerprint]:
    seen: set[int] = set()
    for cue_start, cue_end, tight_only in sorted(_cues(low)):
        for found in (_first_after(text, cue_end, tight_only), _last_before(text, cue_start)):
            if found is None or found.start() in seen:
                continue
            tight = found.start() >= cue_end and _TIGHT.fullmatch(text, cue_end, found.start())
            if found["prefix"] and not (tight and _one_case(found["plain"])):
                continue  # "0x" + 40 hex: an Ethereum address
            seen.add(found.start())
            digits = re.sub(r"[^0-9A-Fa-f]", "", found.group().removeprefix("0x"))
            yield WrittenFingerprint(found.start(), found.end(), digits.upper())


def _cues(low: bytes) -> Iterator[tuple[int, int, bool]]:
    """(start, end, only_tight) of every cue word."""
    for cue in _CUE.finditer(low):
        start, end = cue.span()
        if cue.group() != b"key" or cue["id"]:
            yield start, end, False
        elif low[start - 1 : start].isalnum() or low[end : end + 1].isalnum():
            continue  # "keys", "monkey"
        elif not _OTHER_KEYS.search(low, max(0, start - 16), start):
            yield start, end, True


def _first_after(text: str, cue_end: int, tight_only: bool) -> re.Match[str] | None:
    found = _FINGERPRINT.search(text, cue_end, min(len(text), cue_end + _CUE_BEFORE_MAX + 50))
    if found is None or found.start() - cue_end > _CUE_BEFORE_MAX:
        return None
    if tight_only and _TIGHT.fullmatch(text, cue_end, found.start()) is None:
        return None
    return found


def _last_before(text: str, cue_start: int) -> re.Match[str] | None:
    before = list(_FINGERPRINT.finditer(text, max(0, cue_start - _CUE_AFTER_MAX - 50), cue_start))
    if not before or cue_start - before[-1].end() > _CUE_AFTER_MAX:
        return None
    return before[-1]


def _one_case(hex_digits: str) -> bool:
    return hex_digits == hex_digits.upper() or hex_digits == hex_digits.lower()

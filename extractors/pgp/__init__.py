"""PGP: fingerprints of ASCII-armored public keys (with their user ids) and
fingerprints written out next to a PGP cue."""

from __future__ import annotations

from collections.abc import Iterator

from extractors import kinds
from extractors.base import DEFAULT_OPTIONS, ExtractOptions, Family, Match
from extractors.contacts.emails import normalized_email
from extractors.contacts.skeleton import ascii_lower
from extractors.pgp.armor import ArmoredBlock, armored_blocks
from extractors.pgp.fingerprints import written_fingerprints

CONFIDENCE_ARMOR = 0.99
CONFIDENCE_USER_ID = 0.9
CONFIDENCE_WRITTEN = 0.9


def find(text: str, options: ExtractOptions = DEFAULT_OPTIONS) -> Iterator[Match]:
    for block in armored_blocks(text):
        yield from _block_matches(text, block)
    low = ascii_lower(text)
    for written in written_fingerprints(text, low):
        yield Match(
            kind=kinds.PGP_FINGERPRINT,
            value=written.value,
            raw=text[written.start : written.end],
            start=written.start,
            end=written.end,
            confidence=CONFIDENCE_WRITTEN,
            extractor="pgp.fingerprint",
        )


def _block_matches(text: str, block: ArmoredBlock) -> Iterator[Match]:
    raw = text[block.start : block.end]

    def match(kind: str, value: str, extractor: str, confidence: float) -> Match:
        # User ids are inside the base64, not in the text: they take the block's span.
        return Match(kind, value, raw, block.start, block.end, confidence, extractor)

    for key in block.keys:
        yield match(kinds.PGP_FINGERPRINT, key.fingerprint, "pgp.armor", CONFIDENCE_ARMOR)
        for user_id in key.user_ids:
            if user_id.name:
                yield match(kinds.ALIAS, user_id.name, "pgp.uid", CONFIDENCE_USER_ID)
            email = normalized_email(user_id.email) if user_id.email else None
            if email:
                yield match(kinds.EMAIL, email, "pgp.uid", CONFIDENCE_USER_ID)


FAMILY = Family(
    name="pgp",
    kinds=frozenset({kinds.PGP_FINGERPRINT, kinds.ALIAS, kinds.EMAIL}),
    find=find,
)

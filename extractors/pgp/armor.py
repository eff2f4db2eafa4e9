"""ASCII-armored PGP public key blocks -> primary key fingerprints and user ids.

Pages mangle armor: CRLF, leading spaces, lines joined by HTML whitespace into one,
markup left in ("<br>"), headers run into the body. So the block is not handed to an
armor parser as is; its base64 body is recovered token by token, decoded, and the
binary packets are parsed by pgpy. Anything that does not parse is skipped.
"""

from __future__ import annotations

import base64
import binascii
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

with warnings.catch_warnings():
    # pgpy 0.6 imports the deprecated imghdr module.
    warnings.simplefilter("ignore")
    import pgpy

_BEGIN = re.compile(r"-{3,}\s*BEGIN PGP PUBLIC KEY BLOCK\s*-{3,}")
_END_WORDS = "END PGP PUBLIC KEY BLOCK"
_END = re.compile(rf"-{{3,}}\s*{_END_WORDS}\s*-{{3,}}")
# A key with many signatures runs to tens of kilobytes; beyond this the END line
# is missing and the block is not a key.
MAX_BLOCK = 512 * 1024
# Line breaks that survived as markup when a page showed its source ("<br>", "&#10;").
_HTML_LINE_BREAK = re.compile(r"(?i)</?(?:br|p|div|pre)\s*/?>|&(?:nbsp|#160|#10|#13);")
_BASE64_TOKEN = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_CHECKSUM_TOKEN = re.compile(r"=[A-Za-z0-9+/]{4}")
# Header values ("Version: GnuPG v2", "Comment: GPGTools") end up among the body's
# tokens when line breaks are lost: the body starts at one of the first few.
_MAX_HEADER_TOKENS = 16


@dataclass(frozen=True, slots=True)
class UserId:
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class PublicKey:
    fingerprint: str  # 40 hex digits, upper case, no spaces
    user_ids: tuple[UserId, ...]


@dataclass(frozen=True, slots=True)
class ArmoredBlock:
    start: int
    end: int
    keys: tuple[PublicKey, ...]


def armored_blocks(text: str) -> Iterator[ArmoredBlock]:
    """Every public key block in ``text`` that holds at least one parseable key."""
    pos = text.find("BEGIN PGP PUBLIC KEY BLOCK")
    while pos != -1:
        begin = _BEGIN.search(text, max(0, pos - 16), pos + 64)
        next_pos = text.find("BEGIN PGP PUBLIC KEY BLOCK", pos + 1)
        if begin is not None:
            limit = min(len(text), begin.end() + MAX_BLOCK)
            if next_pos != -1:
                limit = min(limit, next_pos)  # a second BEGIN first: this one is truncated
            end = _end_line(text, begin.end(), limit)
            if end is not None:
                keys = parse_keys(text[begin.end() : end.start()])
                if keys:
                    yield ArmoredBlock(begin.start(), end.end(), keys)
        pos = next_pos


def _end_line(text: str, lo: int, limit: int) -> re.Match[str] | None:
    """What ``_END.search(text, lo, limit)`` finds. The pattern opens with a repeat, so
    a search tries it at every position of the base64 body; instead the literal words
    are found (str.find, C), and the pattern is matched where the dashes and spaces
    before them begin. An END line for a later occurrence cannot start before an
    earlier occurrence ends, so the first that matches is the search's answer, and
    no character is walked over twice."""
    floor = lo
    pos = text.find(_END_WORDS, lo, limit)
    while pos != -1:
        start = pos
        while start > floor and text[start - 1].isspace():
            start -= 1
        while start > floor and text[start - 1] == "-":
            start -= 1
        found = _END.match(text, start, limit)
        if found is not None:
            return found
        floor = pos + len(_END_WORDS)
        pos = text.find(_END_WORDS, floor, limit)
    return None


# A vendor's key is repeated on every page of the vendor's; parsing costs milliseconds.
@lru_cache(maxsize=512)
def parse_keys(body: str) -> tuple[PublicKey, ...]:
    """The keys in an armor body (headers, base64 lines, checksum), however mangled."""
    tokens = _HTML_LINE_BREAK.sub(" ", body).split()
    if tokens and _CHECKSUM_TOKEN.fullmatch(tokens[-1]):
        tokens.pop()
    # The body is the trailing run of base64 tokens; header lines ("Comment:
    # https://...") break that run, header words ("GnuPG v2") may not.
    first = len(tokens)
    while first > 0 and _BASE64_TOKEN.fullmatch(tokens[first - 1]):
        first -= 1
    for skip in range(first, min(len(tokens), first + _MAX_HEADER_TOKENS)):
        keys = _decode_keys("".join(tokens[skip:]))
        if keys:
            return keys
    return ()


def _decode_keys(data: str) -> tuple[PublicKey, ...]:
    try:
        packets = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return ()
    if not packets:
        return ()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            first, loaded = pgpy.PGPKey.from_blob(bytearray(packets))
        except Exception:  # pgpy raises many types on garbage; all mean "not a key"
            return ()
    # A keyring export holds several keys: the first, and all of them by key id.
    by_fingerprint = {str(k.fingerprint): k for k in (first, *loaded.values()) if k.is_primary}
    return tuple(_public_key(k) for k in by_fingerprint.values())


def _public_key(key: pgpy.PGPKey) -> PublicKey:
    user_ids = tuple(
        UserId(name=(uid.name or "").strip(), email=(uid.email or "").strip())
        for uid in key.userids
    )
    return PublicKey(str(key.fingerprint).replace(" ", "").upper(), user_ids)

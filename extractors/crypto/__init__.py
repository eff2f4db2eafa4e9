"""Crypto addresses: btc, ltc, bch, eth, xmr, doge, trx, sol, zec, dash.

A false address is worse than a missed one, so only checksum-verified strings count
(Solana has no checksum: it needs a cue word nearby and gets a lower confidence).
One regex pass finds candidate tokens (scan.py); each token then goes to the codecs
whose cheap shape tests it passes, one module per encoding.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from extractors import kinds
from extractors.base import DEFAULT_OPTIONS, ExtractOptions, Family, Match
from extractors.crypto import base58check, cashaddr, ethereum, monero, segwit, solana
from extractors.crypto.address import Address
from extractors.crypto.charsets import is_hex
from extractors.crypto.scan import Token, tokens
from extractors.crypto.visible import VisibleText
from extractors.pgp.cue_before import pgp_cue_before

# Codecs that need only the token; tried in order, the first valid reading wins.
# Their shape tests do not overlap, except that anything may look like a Solana key,
# which is why solana (the one without a checksum) comes last, outside this list.
_CODECS = (
    ethereum.decode,
    segwit.decode,
    cashaddr.decode,
    monero.decode,
    base58check.decode,
)


def find(text: str, options: ExtractOptions = DEFAULT_OPTIONS) -> Iterator[Match]:
    if options.kinds is not None and not options.kinds & kinds.CRYPTO:
        return
    as_written = list(_find_in(text, text, options, None))
    yield from as_written
    hidden = None if text.isascii() else VisibleText.of(text)
    if hidden is not None:
        # Also read what a browser shows, for addresses split by invisible characters;
        # an address the text as written already holds keeps its reading.
        taken = [(m.start, m.end) for m in as_written]
        for match in _find_in(text, hidden.text, options, hidden):
            if not any(start < match.end and match.start < end for start, end in taken):
                yield match


def _find_in(
    original: str, text: str, options: ExtractOptions, hidden: VisibleText | None
) -> Iterator[Match]:
    """Addresses in ``text``: the original, or its visible characters (``hidden``
    maps their offsets back, and the raw string keeps what the page wrote)."""
    for token in tokens(text):
        found = _read(text, token)
        if found is None:
            continue
        start, address = found
        end = token.end
        if address.kind == kinds.ETH and _pgp_fingerprint_in_disguise(text, start, address):
            continue
        if not options.wants(address.kind):
            continue
        if hidden is not None:
            start, end = hidden.original_span(start, end)
        yield Match(
            kind=address.kind,
            value=address.value,
            raw=original[start:end],
            start=start,
            end=end,
            confidence=address.confidence,
            extractor=f"crypto.{address.kind}",
        )


def _pgp_fingerprint_in_disguise(text: str, start: int, address: Address) -> bool:
    """An unchecksummed "0x" + 40 hex after PGP words is the pgp family's fingerprint."""
    if address.confidence >= 1.0:  # a verified EIP-55 checksum: an address
        return False
    return pgp_cue_before(text, start)


def _read(text: str, token: Token) -> tuple[int, Address] | None:
    """The address a token stands for and where it starts (before a written prefix)."""
    if token.prefix_start is not None:
        prefixed = _decode_prefixed(text[token.prefix_start : token.end])
        if prefixed is not None:
            return token.prefix_start, prefixed
    address = _decode_alone(token.text)
    if address is not None:
        return token.start, address
    address = solana.decode(token.text, text, token.start, token.end)
    return (token.start, address) if address is not None else None


# Sites repeat their vendors' addresses on page after page, and decoding is the costly
# part (big-integer base58, Keccak, bech32 checksums, all pure Python), so the readings of
# recent token strings are remembered. The decoders are pure functions of the string;
# the bound keeps a crawl of millions of distinct tokens at a few megabytes.
_DECODE_CACHE_SIZE = 8192


@lru_cache(maxsize=_DECODE_CACHE_SIZE)
def _decode_alone(token: str) -> Address | None:
    # Hex digests (tx ids, MD5/SHA-1/SHA-256) are never addresses. Ethereum's "0x…"
    # is not all hex, and the other encodings practically never are.
    if is_hex(token):
        return None
    for decode in _CODECS:
        address = decode(token)
        if address is not None:
            return address
    return None


_decode_prefixed = lru_cache(maxsize=_DECODE_CACHE_SIZE)(cashaddr.decode_prefixed)


FAMILY = Family(name="crypto", kinds=kinds.CRYPTO, find=find)

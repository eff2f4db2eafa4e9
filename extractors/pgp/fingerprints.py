"""Fingerprints written out in text ("Fingerprint: 1A2B 3C4D ... 9F0E").

Forty hex digits are also SHA-1 hashes, commit ids and Ethereum addresses (with
"0x"), so only one next to a PGP cue counts: the first one after the cue, or one
right before it. "0x" + 40 ungrouped hex digits is an Ethereum address unless a
cue stands directly before it and the digits are in one case (an address written
with mixed case carries an EIP-55 checksum).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from extractors.pgp.cue_before import OTHER_KEYS, pgp_cue_before
from extractors.tables import DELIMITERS, labelled_cells, lines_holding

# "key" alone is a cue only right before the digits ("verify with my key <fpr>"),
# and not for the keys of other things. The cue words are pgp, gpg, fingerprint, fpr,
# key and key id. As one alternation the regex engine tries them at every position of
# the page; each of these three literal scans instead skips to its first letter at
# memchr-like speed, and together they find every cue word: "pg" lies inside both
# "pgp" and "gpg".
_PG = re.compile(rb"pg")
# "FP" alone abbreviates fingerprint too ("Aktueller FP: 3F3E ...", "full fp: 9F69 ..."),
# as a word of its own; so does "fpr" now. The look-behinds at the end check the byte
# before the "f" of "fpr" and of "fp" (a pattern opening with a look-behind would be
# tried at every byte of the page instead of skipping to each "f").
_F_CUE = re.compile(rb"f(?:pr|ingerprint|p(?![a-z0-9]))(?<![a-z0-9]fpr)(?<![a-z0-9]fp)")
_KEY_CUE = re.compile(rb"key(?P<id>[ -]?id)?")
_OTHER_KEYS = re.compile(rb"(?:" + "|".join(OTHER_KEYS).encode() + rb")\W*$")
_CUE_BEFORE_MAX = 80  # "Fingerprint: <fpr>", "PGP key (fingerprint 0x<fpr>)"
_CUE_AFTER_MAX = 30  # "<fpr> (PGP)"
_TIGHT = re.compile(r"[\s:=#\-(]*")  # "my key (B0 65 64 ...)" too
_IN_A_PATH = re.compile(r"[-_.][A-Za-z0-9]")
_OTHER_HASHES = re.compile(
    r"(?i)\b(?:commit|sha-?1|sha-?256|sha|md5|hash|checksum|digest|revision|rev|tree|blob|merge)\b"
)
# Forty hex digits, alone or in ten groups of four, either with a "0x" before them (or
# grouped by eight, by four with colons, or in byte pairs), and
# no letter or digit either side. The first digit (or the "0" of "0x") is matched before
# the look-behind, which then checks the character before it: a pattern that opens with
# a character class is skipped through by the regex engine's set scan, one that opens
# with a look-behind is tried at every position, three times slower. The first four
# alternatives are the two shapes with and without "0x", in the order the plain
# "(?:0x)?(grouped)|(0x)?(plain)" tries them; at most one of all fits at any position.
_HEX = "[0-9A-Fa-f]"
_GAP = "[ \u00a0]{1,2}"
_FINGERPRINT = re.compile(
    rf"{_HEX}(?<![0-9A-Za-z].)"
    rf"(?:(?<=0)x(?:{_HEX}{{4}}{_GAP}){{9}}{_HEX}{{4}}"
    rf"|{_HEX}{{3}}{_GAP}(?:{_HEX}{{4}}{_GAP}){{8}}{_HEX}{{4}}"
    rf"|(?<=0)x{_HEX}{{40}}"
    rf"|{_HEX}{{39}}"
    # Less common groupings: five groups of eight, two halves (GnuPG's wide gap between
    # its fifth and sixth groups, with the groups' own spaces left out), colons, byte pairs.
    rf"|{_HEX}{{7}}{_GAP}(?:{_HEX}{{8}}{_GAP}){{3}}{_HEX}{{8}}"
    rf"|{_HEX}{{19}}{_GAP}{_HEX}{{20}}"
    rf"|{_HEX}{{3}}:(?:{_HEX}{{4}}:){{8}}{_HEX}{{4}}"
    rf"|{_HEX}(?:[ :]{_HEX}{{2}}){{19}})"
    r"(?![0-9A-Za-z])"
)
_NEXT_LINE_AFTER_CUE = re.compile(r"[^\n]{0,30}\r?\n[ \t]*")
_COLUMN_HEADINGS = frozenset(
    {"pgp", "gpg", "fingerprint", "pgp fingerprint", "gpg fingerprint", "fpr", "pgp fpr"}
)
# A cue's line that ends in a colon is a heading over what the next lines list
# ("PGP fingerprints (as posted on their profiles):", "PGP-Fingerprint zum Prüfen:").
_HEADING_END = re.compile(r"[^\n:]{0,60}:[ \t]*\r?\n")
_MAX_LIST = 2000
# "0x" and forty digits in one run: the only candidate of this length (a grouped one
# has at least nine spaces, a plain one without "0x" is forty long).
_PREFIXED_PLAIN_LENGTH = 42


@dataclass(frozen=True, slots=True)
class WrittenFingerprint:
    start: int
    end: int
    value: str  # 40 hex digits, upper case, no spaces


class _Cue(NamedTuple):  # a named tuple: built for every cue word, cheaper than a dataclass
    start: int
    end: int
    only_right_before: bool  # "key": counts only directly before the digits


def written_fingerprints(text: str, low: bytes) -> Iterator[WrittenFingerprint]:
    cues = list(_cues(low))  # in text order
    if not cues:
        return  # most pages: nothing below is worth setting up
    candidates = _candidates_near(text, cues)
    starts = [c.start() for c in candidates]
    seen: set[int] = set()
    for cue in cues:
        for candidate in _next_to(cue, candidates, starts):
            if candidate.start() in seen or not _acceptable(text, candidate, cue):
                continue
            seen.add(candidate.start())
            yield _written(candidate)
        if cue.only_right_before:
            continue
        for candidate in _listed_under(text, cue):
            if (
                candidate.start() not in seen
                and not _in_a_file_name(text, candidate)
                and len(candidate.group()) != _PREFIXED_PLAIN_LENGTH  # an Ethereum address
            ):
                seen.add(candidate.start())
                yield _written(candidate)
    if any(delimiter in text for delimiter in DELIMITERS):
        for candidate in _in_columns(text, cues):
            if candidate.start() not in seen:
                seen.add(candidate.start())
                yield _written(candidate)


def _in_columns(text: str, cues: list[_Cue]) -> Iterator[re.Match[str]]:
    """Fingerprints in a table's column headed by a cue ("vendor | jabber | pgp
    fingerprint"), one per cell."""
    heading_lines = lines_holding(text, (cue.start for cue in cues))  # cues in text order
    for _, value, at in labelled_cells(text, heading_lines, _fingerprint_column):
        cell = _FINGERPRINT.fullmatch(text, at, at + len(value))
        if cell is not None:
            yield cell


def _fingerprint_column(heading: str) -> bool | None:
    return True if heading.strip().lower() in _COLUMN_HEADINGS else None


def _written(candidate: re.Match[str]) -> WrittenFingerprint:
    digits = re.sub(r"[^0-9A-Fa-f]", "", candidate.group().removeprefix("0x"))
    return WrittenFingerprint(candidate.start(), candidate.end(), digits.upper())


def _listed_under(text: str, cue: _Cue) -> Iterator[re.Match[str]]:
    """Fingerprints on the lines under a heading the cue opens, down to a blank line:

    PGP fingerprints (as posted on their profiles):
    SnowWhite_DE   2DF95B67FB0575ADB32C3B47DA46E11433B02988
    Apothecary420  F663 F82C F600 9D76 1494 AB7F D5CC EC8E 713A 7183
    """
    heading = _HEADING_END.match(text, cue.end)
    if heading is None or _OTHER_HASHES.search(text, cue.end, heading.end()):
        return
    block_start = heading.end()
    if text.startswith(("\n", "\r\n"), block_start):
        return  # a blank line: the heading's list is empty
    blank_line = text.find("\n\n", block_start, block_start + _MAX_LIST)
    block_end = blank_line if blank_line != -1 else min(len(text), block_start + _MAX_LIST)
    yield from _FINGERPRINT.finditer(text, block_start, block_end)


def _cues(low: bytes) -> Iterator[_Cue]:
    for start, end in _cue_words(low):
        if low[start - 1 : start] in (b".", b"/", b"\\") or low[end : end + 1] == b"/":
            continue  # a file extension or a path: "key.gpg", "tests/openpgp/"
        if low[start:end] != b"key":
            yield _Cue(start, end, only_right_before=False)
        elif low[start - 1 : start].isalnum() or low[end : end + 1].isalnum():
            continue  # "keys", "monkey"
        elif not _OTHER_KEYS.search(low, max(0, start - 16), start):
            yield _Cue(start, end, only_right_before=True)


def _cue_words(low: bytes) -> list[tuple[int, int]]:
    """Spans of the cue words as one scan of the alternation
    ``pgp|gpg|fingerprint|fpr|key([ -]?id)?`` reports them: left to right, none
    overlapping an earlier one ("gpgp" is "gpg" only). No two cue words begin at the
    same position, so taking every occurrence in order of start and dropping those that
    overlap the last one kept gives exactly the alternation's matches."""
    words = [m.span() for m in _F_CUE.finditer(low)]
    words += [m.span() for m in _KEY_CUE.finditer(low)]
    for m in _PG.finditer(low):
        pos = m.start()
        if pos > 0 and low[pos - 1] == ord("g"):
            words.append((pos - 1, pos + 2))  # "gpg"
        if low[pos + 2 : pos + 3] == b"p":
            words.append((pos, pos + 3))  # "pgp"
    words.sort()
    kept: list[tuple[int, int]] = []
    kept_until = 0
    for start, end in words:
        if start >= kept_until:
            kept.append((start, end))
            kept_until = end
    return kept


def _candidates_near(text: str, cues: list[_Cue]) -> list[re.Match[str]]:
    """Fingerprint-shaped strings near any cue, in text order.

    One scan over the merged stretches around the cues, not one per cue: a page of
    cue words ("PGP ... PGP ...") would otherwise read the same text again and again.
    """
    reach_before, reach_after = _CUE_AFTER_MAX + 50, _CUE_BEFORE_MAX + 50
    candidates: list[re.Match[str]] = []
    lo = hi = 0
    for cue in cues:
        if cue.start - reach_before > hi:
            candidates += _FINGERPRINT.finditer(text, lo, hi)
            lo = max(0, cue.start - reach_before)
        hi = min(len(text), max(hi, cue.end + reach_after))
    candidates += _FINGERPRINT.finditer(text, lo, hi)
    return candidates


def _next_to(
    cue: _Cue, candidates: list[re.Match[str]], starts: list[int]
) -> Iterator[re.Match[str]]:
    """The first candidate after the cue and the last one before it, when close enough."""
    after = bisect_left(starts, cue.end)
    if after < len(candidates) and candidates[after].start() - cue.end <= _CUE_BEFORE_MAX:
        yield candidates[after]
    before = bisect_left(starts, cue.start) - 1
    if before >= 0 and 0 <= cue.start - candidates[before].end() <= _CUE_AFTER_MAX:
        yield candidates[before]


def _in_a_file_name(text: str, candidate: re.Match[str]) -> bool:
    """ "cross-sigs/1938...77E-1.gpg" """
    return bool(
        _IN_A_PATH.match(text, candidate.end())
        or text[candidate.start() - 1 : candidate.start()] == "/"
    )


def _acceptable(text: str, candidate: re.Match[str], cue: _Cue) -> bool:
    if _in_a_file_name(text, candidate):
        return False
    right_before = (
        candidate.start() >= cue.end
        and _TIGHT.fullmatch(text, cue.end, candidate.start()) is not None
    )
    if cue.only_right_before and not right_before:
        return False
    if not right_before:
        # Cue and digits on one line, and nothing between that names another hash:
        # "gpg: fix the agent, commit <sha1>" is a commit id.
        between = text[cue.end : candidate.start()] or text[candidate.end() : cue.start]
        if _OTHER_HASHES.search(between):
            return False
        # Or the digits open the next line, after a short end of the cue's line:
        # "my pgp did not change, fingerprint is still\n6704B9F7...".
        if "\n" in between and not _NEXT_LINE_AFTER_CUE.fullmatch(between):
            return False
    if len(candidate.group()) == _PREFIXED_PLAIN_LENGTH:
        # An Ethereum address, unless it is in one case (no EIP-55 checksum) and the PGP
        # words before it are the ones the crypto family yields to.
        hex_digits = candidate.group()[2:]
        return _one_case(hex_digits) and (right_before or pgp_cue_before(text, candidate.start()))
    return True


def _one_case(hex_digits: str) -> bool:
    return hex_digits == hex_digits.upper() or hex_digits == hex_digits.lower()

"""Digit strings -> valid E.164 numbers, by phonenumbers' metadata."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

# E.164 allows 15 digits; an international dialling prefix ("011", "00") adds up to 3.
MAX_DIGITS = 18


class Reading(enum.Enum):
    """How the digits were read as a number, strongest evidence first."""

    INTERNATIONAL = "international"  # written with "+", or "00"/"011"-style prefix
    NATIONAL = "national"  # valid in the caller's default region
    BARE_COUNTRY_CODE = "bare_country_code"  # "447911123456": a country code, no "+"


@dataclass(frozen=True, slots=True)
class Number:
    e164: str
    reading: Reading


@lru_cache(maxsize=8192)
def read_number(digits: str, plus: bool, region: str, bare_allowed: bool) -> Number | None:
    """The valid number these digits spell, or None. Cached: pages repeat their numbers.

    ``bare_allowed``: the digits may be an international number written without
    "+" ("447911123456"), which callers allow only where the writing suggests it.
    """
    if not 7 <= len(digits) <= MAX_DIGITS:
        return None
    if plus:
        return _international(digits, Reading.INTERNATIONAL)
    # parse() with a region also reads that region's own international prefix
    # ("011 44 ..." in the US); "00" is the prefix nearly everywhere else.
    if digits[0] == "0" or _national_length_possible(region, len(digits)):
        national = _valid(digits, region, Reading.NATIONAL)
        if national is not None:
            return national
    if digits.startswith("00"):
        return _international(digits[2:], Reading.INTERNATIONAL)
    if bare_allowed and 11 <= len(digits) <= 15:
        return _international(digits, Reading.BARE_COUNTRY_CODE)
    return None


def is_country_code(digits: str) -> bool:
    return len(digits) <= 3 and int(digits) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE


@lru_cache(maxsize=64)
def _national_lengths(region: str) -> tuple[int, int]:
    """Shortest and longest digit string that can be a national number in ``region``.

    A cheap filter before parse(), which costs tens of microseconds and is mostly
    called on digit strings that are no number at all. The upper bound leaves room
    for the national prefix and a carrier code.
    """
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None or not metadata.general_desc.possible_length:
        return (1, 0)
    lengths = metadata.general_desc.possible_length
    prefix = len(metadata.national_prefix or "")
    return min(lengths), max(lengths) + prefix + 2


def _national_length_possible(region: str, length: int) -> bool:
    shortest, longest = _national_lengths(region)
    return shortest <= length <= longest


def _valid(number: str, region: str | None, reading: Reading) -> Number | None:
    try:
        parsed = phonenumbers.parse(number, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed) or _is_placeholder(parsed.national_number):
        return None
    return Number(phonenumbers.format_number(parsed, PhoneNumberFormat.E164), reading)


# "(305) 000-0000", a form's or a scraper's blank: no one's line ends in seven zeros,
# though the metadata of some countries calls such a number valid (Colombia's 305).
_PLACEHOLDER_DIVISOR = 10_000_000


def _is_placeholder(national_number: int) -> bool:
    return national_number % _PLACEHOLDER_DIVISOR == 0


# Mexico dropped the "1" that mobile numbers carried after +52 in 2019; ads and
# WhatsApp links still write "+52 1 55 5555 0199", which phonenumbers calls invalid.
_MEXICO_OLD_MOBILE = "521"
_MEXICO_OLD_MOBILE_LENGTH = 13  # 52 + 1 + ten national digits


def _international(digits: str, reading: Reading) -> Number | None:
    """Digits that start with a country code, read as the number they stand for."""
    number = _valid("+" + digits, None, reading)
    old_mexican_mobile = len(digits) == _MEXICO_OLD_MOBILE_LENGTH and digits.startswith(
        _MEXICO_OLD_MOBILE
    )
    if number is None and old_mexican_mobile:
        return _valid("+52" + digits[3:], None, reading)
    return number

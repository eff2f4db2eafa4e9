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
def read_number(digits: str, plus: bool, region: str) -> Number | None:
    """The valid number these digits spell, or None. Cached: pages repeat their numbers."""
    if not 7 <= len(digits) <= MAX_DIGITS:
        return None
    if plus:
        return _valid("+" + digits, None, Reading.INTERNATIONAL)
    # parse() with a region also reads that region's own international prefix
    # ("011 44 ..." in the US); "00" is the prefix nearly everywhere else.
    national = _valid(digits, region, Reading.NATIONAL)
    if national is not None:
        return national
    if digits.startswith("00"):
        return _valid("+" + digits[2:], None, Reading.INTERNATIONAL)
    if 11 <= len(digits) <= 15:
        return _valid("+" + digits, None, Reading.BARE_COUNTRY_CODE)
    return None


def _valid(number: str, region: str | None, reading: Reading) -> Number | None:
    try:
        parsed = phonenumbers.parse(number, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return Number(phonenumbers.format_number(parsed, PhoneNumberFormat.E164), reading)

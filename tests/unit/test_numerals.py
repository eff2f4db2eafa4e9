"""Number words above nine, read back into digits (extractors/phones/numerals.py)."""

from __future__ import annotations

import re

import pytest

from extractors.phones.numerals import NUMERAL, read

_NUMERAL = re.compile(NUMERAL)


@pytest.mark.parametrize(
    ("written", "digits", "language"),
    [
        ("seventy-seven", "77", "en"),
        ("Fifty Two", "52", "en"),
        ("two hundred and five", "205", "en"),
        ("quatre-vingt-deux", "82", "fr"),
        ("soixante et onze", "71", "fr"),
        ("quatre-vingt-dix-neuf", "99", "fr"),
        ("deux cents", "200", "fr"),
        ("cuarenta y cinco", "45", "es"),
        ("veintitrés", "23", "es"),
        ("doscientos treinta", "230", "es"),
        ("vinte e cinco", "25", "pt"),
        ("quarantasei", "46", "it"),
        ("ventotto", "28", "it"),
        ("două sute nouăsprezece", "219", "ro"),
        ("doua sute nouasprezece", "219", "ro"),
        ("o sută", "100", "ro"),
        ("siebenundvierzig", "47", "de"),
        ("tweeëntwintig", "22", "nl"),
        ("pięćdziesiąt dwa", "52", "pl"),
        ("девятьсот шестнадцать", "916", "ru"),
        ("сорок два", "42", "ru"),
        ("double five", "55", "en"),
        ("triple oh", "000", "en"),
    ],
)
def test_a_numeral_is_read_whole(written: str, digits: str, language: str) -> None:
    match = _NUMERAL.fullmatch(written)
    assert match is not None, written
    numeral = read(written)
    assert numeral is not None
    assert numeral.digits == digits
    assert language in numeral.languages


def test_a_word_two_languages_share_names_both() -> None:
    numeral = read("onze")
    assert numeral is not None
    assert {"fr", "pt"} <= set(numeral.languages)


@pytest.mark.parametrize("written", ["vingt cinco", "seventy sept", "four ten", "seven"])
def test_words_no_language_puts_together_are_no_numeral(written: str) -> None:
    assert read(written) is None


@pytest.mark.parametrize("text", ["tenant", "seventyish", "vingtaine", "ones", "dixie"])
def test_a_numeral_ends_with_its_word(text: str) -> None:
    assert _NUMERAL.match(text) is None

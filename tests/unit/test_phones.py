"""The phones family: plain and obfuscated numbers, what only looks like one, offsets."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from extractors import kinds
from extractors.base import ExtractOptions, Match
from extractors.phones import (
    CONFIDENCE_GUESSED,
    CONFIDENCE_OBFUSCATED,
    CONFIDENCE_PLAIN,
    FAMILY,
    find,
)
from tests.linear_time import growth_ratio, limit

US = "+15125550123"


def _values(text: str, options: ExtractOptions | None = None) -> list[str]:
    return [m.value for m in _matches(text, options)]


def _matches(text: str, options: ExtractOptions | None = None) -> list[Match]:
    found = list(find(text) if options is None else find(text, options))
    for match in found:
        assert match.kind == kinds.PHONE
        assert match.raw == text[match.start : match.end], match
    return found


def test_family_shape() -> None:
    assert FAMILY.name == "phones"
    assert FAMILY.kinds == frozenset({kinds.PHONE})
    assert FAMILY.find is find


@pytest.mark.parametrize(
    "written",
    [
        "512-555-0123",
        "(512) 555-0123",
        "512.555.0123",
        "512 555 0123",
        "512 555 01 23",
        "5125550123",
        "1-512-555-0123",
        "+1 512 555 0123",
        "+1 (512) 555-0123",
        "+15125550123",
    ],
)
def test_plain_us_formats(written: str) -> None:
    text = f"Call or text {written} anytime."
    [match] = _matches(text)
    assert match.value == US
    assert match.raw == written
    assert match.confidence == CONFIDENCE_PLAIN
    assert match.extractor == "phones.plain"


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("+44 20 7946 0958", "+442079460958"),
        ("+44 7911 123456", "+447911123456"),
        ("+7 495 123-45-67", "+74951234567"),
        ("+49 30 12345678", "+493012345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+61 4 1234 5678", "+61412345678"),
        ("+52 55 1234 5678", "+525512345678"),
        ("+91 98765 43210", "+919876543210"),
        ("+234 802 123 4567", "+2348021234567"),
        ("+63.905.123.4567", "+639051234567"),
        ("+66 81 234 5678", "+66812345678"),
        ("+90 501 234 56 78", "+905012345678"),
        ("+55 11 98765-4321", "+5511987654321"),
        ("+86 138 1234 5678", "+8613812345678"),
        ("0044 7911 123456", "+447911123456"),
        ("00 44 7911 123456", "+447911123456"),
        ("＋44 7911 123456", "+447911123456"),
        # Mexican mobiles as written before 2019, with the "1" that is gone now
        ("+52 1 55 5555 0199", "+525555550199"),
        ("0052 1 55 5555 0199", "+525555550199"),
        ("+52 55 5555 0199", "+525555550199"),
    ],
)
def test_international_numbers_in_any_region(written: str, e164: str) -> None:
    for region in ("US", "GB", "DE"):
        text = f"WhatsApp: {written}."
        assert _values(text, ExtractOptions(default_region=region)) == [e164], region


@pytest.mark.parametrize(
    ("region", "written", "e164"),
    [
        ("GB", "07911 123456", "+447911123456"),
        ("GB", "020 7946 0958", "+442079460958"),
        ("DE", "030 12345678", "+493012345678"),
        ("FR", "06 12 34 56 78", "+33612345678"),
        ("AU", "0412 345 678", "+61412345678"),
    ],
)
def test_national_numbers_follow_the_default_region(region: str, written: str, e164: str) -> None:
    assert _values(f"tel {written}", ExtractOptions(default_region=region)) == [e164]
    assert _values(f"tel {written}") == []  # not a US number


def test_the_regions_own_international_prefix() -> None:
    assert _values("011 44 7911 123456") == ["+447911123456"]  # NANP's prefix, in the US


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("London Paddington incalls, £150. Call or WhatsApp 07911 123456", "+447911123456"),
        ("Anuncios Madrid. Chicas en Madrid centro. Llámame al 612 34 56 78", "+34612345678"),
        ("Lucía 🇪🇸 22 años. Llámame al 612 34 56 78", "+34612345678"),
        ("Escort Berlin, Privatwohnung in Berlin. Tel.: 0151 / 234 567 89", "+4915123456789"),
    ],
)
def test_national_numbers_of_the_country_the_page_names(text: str, e164: str) -> None:
    [match] = _matches(text)
    assert match.value == e164
    assert match.confidence == CONFIDENCE_GUESSED  # the region is read off the page


@pytest.mark.parametrize(
    "text",
    [
        "Ships from Madrid. Text 612 34 56 78",  # one mention is not enough
        "London, London, £5. Order 07911 123456",  # an identifier cue still rules it out
        "Madrid, Madrid. Ref 612 34 56 78 20",
        "Berlin Berlin. 0 1 2 3 4 5 6 7 8 9",  # counting
    ],
)
def test_the_page_names_no_clear_region_or_the_digits_are_no_number(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # Ten digits without a trunk "0": no US number (area code 300), a Colombian
        # mobile on a page with Colombia's flag and a city of Colombia.
        ("Prepagos Medellín 🇨🇴 WhatsApp 300 714 2986", "+573007142986"),
        ("CDMX y Guadalajara, México. WhatsApp 55 1234 8765", "+525512348765"),
        ("São Paulo, Brasil. Zap: 11 98723 4951", "+5511987234951"),
    ],
)
def test_national_numbers_of_ten_and_eleven_digits(text: str, e164: str) -> None:
    assert _values(text) == [e164]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # A city once, and its currency: the euro counts for a euro country named.
        ("Chica en Madrid centro. 120€ la hora. Llámame al 612 34 56 78", "+34612345678"),
        ("Bangkok Sukhumvit soi 11, 3000฿. Call 081 234 5678", "+66812345678"),
        ("Makati condo, ₱5000. Text 0917 123 4567", "+639171234567"),
        ("Prepagos Medellín. $250.000 COP la hora. WhatsApp 300 714 2986", "+573007142986"),
        ("Moscow. 5000 руб. Звони 8 916 123-45-67", "+79161234567"),
    ],
)
def test_a_city_and_its_currency_name_the_country(text: str, e164: str) -> None:
    assert _values(text) == [e164]


@pytest.mark.parametrize(
    "text",
    [
        "Ships from Madrid. Call 612 34 56 78",  # one city, no currency
        "Ships from Madrid, €20. Order 612 34 56 78",  # an identifier cue
        "Pay 20 cop or 30 ars, text 300 714 2986",  # currency codes written as words
    ],
)
def test_what_does_not_name_a_country_clearly(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Annonce n° 06 12 34 56 78 · publiée le 10/03", []),  # the ad's number
        ("Anuncio nº 06 12 34 56 78", []),
        ("Tel. n° 06 12 34 56 78", ["+33612345678"]),  # a phone word before "n°"
        ("Téléphone n° 06 12 34 56 78", ["+33612345678"]),
        ("Il fait 25° 06 12 34 56 78", ["+33612345678"]),  # degrees are no number sign
    ],
)
def test_the_number_sign_of_other_languages(text: str, expected: list[str]) -> None:
    assert _values(text, ExtractOptions(default_region="FR")) == expected


@pytest.mark.parametrize(
    ("region", "text", "e164"),
    [
        ("ES", "Llámame: seis uno cuatro nueve ocho dos siete cero tres", "+34614982703"),
        ("CO", "WhatsApp: tres cero cero siete uno dos cuatro nueve ocho seis", "+573007124986"),
        ("BR", "Zap: um um nove oito sete dois três quatro nove cinco um", "+5511987234951"),
        ("IT", "chiamami tre tre tre sette due otto quattro nove cinque sei", "+393337284956"),
        (
            "DE",
            "Ruf an: null eins fünf eins sieben drei neun vier zwei acht sechs null",
            "+4915173942860",
        ),
        ("FR", "zéro six quatre deux sept neuf huit trois cinq un", "+33642798351"),
        ("FR", "appelle zero six quatre deux sept neuf huit trois cinq un", "+33642798351"),
        # Mixed with digits and look-alike letters, as English ones are.
        ("ES", "Llámame: 6 uno 4 nueve 8 dos siete cero tres", "+34614982703"),
        ("ES", "seis-uno-cuatro / n u e v e? no: 6I4 982 7O3", "+34614982703"),
    ],
)
def test_digits_spelled_in_other_languages(region: str, text: str, e164: str) -> None:
    assert _values(text, ExtractOptions(default_region=region)) == [e164]


@pytest.mark.parametrize(
    "text",
    [
        "due to the delay we ship tres cinco",  # too few digits
        "null and void: 5 null pointers, 44 items",
        "un deux trois, nous irons au bois",
        "The Otto cycle and Sept. 2024",
    ],
)
def test_other_languages_digit_words_in_prose_are_no_number(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("CaII/Text: 3l2-S55-Ol78 (no calls before 11am)", "3l2-S55-Ol78"),
        ("☎ 7I3.555.O1Z8 ☎", "7I3.555.O1Z8"),
        ("Reply: 9S4-553-7355", "9S4-553-7355"),
    ],
)
def test_capital_s_and_z_for_five_and_two(text: str, raw: str) -> None:
    [match] = _matches(text)
    assert match.raw == raw and match.confidence == CONFIDENCE_OBFUSCATED


@pytest.mark.parametrize(
    "text",
    [
        "the 1990s and her early 20s, size 12s",  # lower-case s is a plural
        "iPhone 5S, Galaxy S21 and Z10 for sale",
        "Model SZ-512 5550 OSZ",
    ],
)
def test_s_and_z_elsewhere_are_letters(text: str) -> None:
    assert _values(text) == []


def test_spelled_out_digits_may_count_up() -> None:
    # Pagination is written in digits; a number spelled out digit by digit may hold an
    # ascending run ("one two three four five").
    assert _values("Call: five one two two three four five six seven eight") == ["+15122345678"]
    assert _values("Pages 1 2 3 4 5 6 7 8 9") == []


def test_the_default_region_reads_its_own_numbers_without_guessing() -> None:
    [match] = _matches("London, London, £150: 07911 123456", ExtractOptions(default_region="GB"))
    assert (match.value, match.confidence) == ("+447911123456", CONFIDENCE_PLAIN)


def test_the_old_mexican_mobile_one_is_dropped_only_where_it_makes_a_number() -> None:
    assert _values("https://wa.me/5215555550199") == ["+525555550199"]
    assert _values("WhatsApp: +52 1 55 5555 019") == []  # one digit short either way


def test_country_code_without_plus_only_where_written_so() -> None:
    [match] = _matches("WhatsApp 447911123456 any time")
    assert (match.value, match.raw) == ("+447911123456", "447911123456")
    assert match.confidence < CONFIDENCE_OBFUSCATED
    assert _values("WhatsApp 44 7911 123456") == ["+447911123456"]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        # spelled digits, in any case, and their misspellings
        ("call five one two five five five zero one two three", None),
        ("call FIVE ONE TWO FIVE FIVE FIVE ZERO ONE TWO THREE", None),
        ("call fIve 0ne tw0 f1ve fiv3 FIV3 zer0 0ne tw0 thr33", None),
        ("call five one two five five five oh one two three", None),
        ("call f!ve one two f|ve five five zero one two three", None),
        ("call FiveOneTwo FiveFiveFive ZeroOneTwoThree", None),
        ("call five one two 555 zero one 2 3", None),
        ("call 5 one 2 five 5 five 0 one 2 three", None),
        # spelled digits mixed with digit groups
        ("call five one two 555 oh one two three", None),
        ("call 512 five five five 0123", None),
        ("call five12-555-oh123", None),
        ("call 5 one 2 555 0 1 2 3", None),
        ("call FIVE.ONE.TWO 555 01 two 3", None),
        ("call f1ve 0ne tw0 555 0123", None),
        # misspelled beyond look-alikes
        ("call fiev one too fyve fiev five zer0 one two thre", None),
        ("call fyve one two - fiev fiev fyve - zero one two thre", None),
        # a spelled digit led by its own digit
        ("call 5ive 1ne 2wo 5ive 5ive 5ive 0ero 1ne 2wo 3hree", None),
        ("call 5ive1ne2wo-555-0123", None),
        ("call 5IVE 1NE 2WO 555 0123", None),
        ("call 5l2 f!ve f!ve f!ve 0l23", None),
        ("call (five one two) 555-0123", None),
        ("call 512-555-oh-one-two-three", None),
        # letters written for digits inside digit groups
        ("call 5l2-555-Ol23", None),
        ("call 5I2.555.0I23", None),
        ("call 512-555-o123", None),
        # separators between every digit
        ("call 5.1.2.5.5.5.0.1.2.3", None),
        ("call 5 1 2 5 5 5 0 1 2 3", None),
        ("call 5-1-2-5-5-5-0-1-2-3", None),
        ("call 5/1/2/5/5/5/0/1/2/3", None),
        ("call 5_1_2_5_5_5_0_1_2_3", None),
        ("call 5*1*2*5*5*5*0*1*2*3", None),
        ("call 5 1 2 / 5 5 5 / 0 1 2 3", None),
        ("call 5 . 1 . 2 . 5 . 5 . 5 . 0 . 1 . 2 . 3", None),
        ("call five one two. five five five. zero one two three", None),
        ("call 5 1 2. 5 5 5. 0 1 2 3", None),
        ("call 5\u200b1\u200b2\u200b5\u200b5\u200b5\u200b0\u200b1\u200b2\u200b3", None),
        ("call 5\u00ad1\u00ad2\u00ad5\u00ad5\u00ad5\u00ad0\u00ad1\u00ad2\u00ad3", None),
        ("call 512\ufeff555\ufeff0123", None),
        ("call 5🔥1🔥2🔥5🔥5🔥5🔥0🔥1🔥2🔥3", None),
        ("call 5♥1♥2♥5♥5♥5♥0♥1♥2♥3", None),
        # digits split by words
        ("call 512 call 555 me 0123", "512 call 555 me 0123"),
        ("call five one two - text - 555 - 0123", "five one two - text - 555 - 0123"),
        ("call 512 only 555 hmu 0123", "512 only 555 hmu 0123"),
        # keycap emoji, fullwidth and other Unicode digits
        ("call 5️⃣1️⃣2️⃣5️⃣5️⃣5️⃣0️⃣1️⃣2️⃣3️⃣", None),
        ("call 5️⃣ 1️⃣ 2️⃣ 5️⃣ 5️⃣ 5️⃣ 0️⃣ 1️⃣ 2️⃣ 3️⃣", None),
        ("call 5⃣1⃣2⃣5⃣5⃣5⃣0⃣1⃣2⃣3⃣", None),
        ("call ５１２－５５５－０１２３", None),
        ("call ٥١٢٥٥٥٠١٢٣", None),
        ("call 𝟓𝟏𝟐𝟓𝟓𝟓𝟎𝟏𝟐𝟑", None),
        ("call ⑤①②⑤⑤⑤⓪①②③", None),
        ("call ❺❶❷❺❺❺⓿❶❷❸", None),
    ],
)
def test_obfuscated_numbers(text: str, raw: str | None) -> None:
    [match] = _matches(text)
    assert match.value == US
    # The span covers exactly what the page wrote, from the first digit to the last.
    assert match.raw == (raw or text.removeprefix("call "))
    assert match.confidence == CONFIDENCE_OBFUSCATED < CONFIDENCE_PLAIN
    assert match.extractor == "phones.obfuscated"


@pytest.mark.parametrize(
    "text",
    [
        "6ix9ine is on tour with 2wo dates",  # words led by their digit, too few of them
        "4our 5ive 6ix 7even 8ight 9ine 0ero",  # digit words, but no valid number
        "call 5ive 1ne 2wo",
    ],
)
def test_words_led_by_their_digit_are_no_number_alone(text: str) -> None:
    assert _matches(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I am 25. 5 foot 2, 120 lbs, 34C",  # a plain number ends its sentence
        "Rated five. Two stars for shipping. Three orders, one lost.",
        "call 512. 555. 0123 is not how anyone writes it",
    ],
)
def test_a_full_stop_still_ends_a_sentence_next_to_plain_numbers(text: str) -> None:
    assert _values(text) == []


def test_sevn_and_nyne_are_digits_too() -> None:
    assert _values("call nyne one sevn 555 0123") == ["+19175550123"]


def test_a_phone_word_before_an_identifier_word_keeps_the_number() -> None:
    assert _values("Number on ad: 305.555.0163.") == ["+13055550163"]
    assert _values("Ad: 3055550163") == []  # the ad's own id


def test_two_numbers_in_a_row_stay_two() -> None:
    text = "5125550123 5125550199 or (512) 555-0188, 512.555.0177"
    assert _values(text) == [US, "+15125550199", "+15125550188", "+15125550177"]


def test_two_obfuscated_numbers_separated_only_by_spaces() -> None:
    text = "three 0 fIve 210 FOUR 0 SIX 7   7️⃣0️⃣2️⃣6️⃣1️⃣3️⃣5️⃣4️⃣6️⃣2️⃣"
    assert _values(text) == ["+13052104067", "+17026135462"]


def test_list_numbering_is_not_part_of_the_number() -> None:
    text = "1. 702.419.8867 - female\n2. 3 four 6361 f1ve five 73\n3. +63 905 123 4567"
    found = _matches(text)
    assert [(m.value, m.raw) for m in found] == [
        ("+17024198867", "702.419.8867"),
        ("+13463615573", "3 four 6361 f1ve five 73"),
        ("+639051234567", "+63 905 123 4567"),
    ]


def test_words_that_are_digits_only_between_digits() -> None:
    # "I" after the number is the pronoun, not a trailing 1; "oh" may end a number.
    assert _values("Call me now: 4 zero 76 NINE 7176 FIVE\nI'm available") == ["+14076971765"]
    assert _values("seven 0ne eight nine oh seven oh ONE SEVEN oh") == ["+17189070170"]
    assert _values("two girls five one two five five five zero one two three") == [US]


@pytest.mark.parametrize(
    "text",
    [
        "Rates: $300 hh, $500/hr, 300 roses, 1,500 USD, 1.500,00 EUR, $1,250.00",
        "Prices 250$ 350€ £400 600 dollars 0.025 BTC",
        "Available 24/7 incall & outcall, 24x7, 24 / 7",
        "Posted 2026-11-21, updated 11/21/2026 and 21.11.2026 at 10:30-11:45",
        "Hours 17:00-17:52, 09:15:00",
        "5'6\" 34D-24-36, 120 lbs, 36-24-36, 5 ft 6, 168cm 52kg",
        "Order #5125550123",
        "Order ID: 5125550123",
        "Listing #4412 and ref 5125550123",
        "Tracking: 9400 1446 3632 4429 6987 12",
        "Order IDs ORD-2025-74393 and ORD-2020-70384. ZIPs 57917, 66451.",
        "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "tx 5125550123abcdef5125550123 and a3f5125550123bcd",
        "BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 XMR 4AfUP827TeRZ1cck3tZThgZbRCEwBrpcJTkA1LCiyF"
        "VuMH4b5y59bKMZHGb9y58K3gSjWDCBsB4RkGsGDhsmMG5R2qmbLeW",
        "Austin, TX 78701 and 10001-1234",
        "panel at 192.168.100.200:8080 and 10.0.0.1",
        "Patch 7.4.2231 (after 7.4.2229), version 8.1.1759",
        "Page 1 2 3 4 5 6 7 8 9 10 11 12 next",
        "someone said one or two things about seven or eight people",
        "call 555-0123",
        "call 123-456-7890 or 000 000 0000",
        "ID5125550123 and 5125550123ID",
        # found in software changelogs, which are full of numbers
        "Author: TORRI <torri@alf94-3-82-66-248-160.fbx.proxad.net>",
        "(do_aes_4_128/192/256): Split",
        "Date: 2017-12-01.13 and 20140202, archive 2013-September/008659",
        "released 29 June 2007, updated June 29, 2007",
        "took 52:13.133319 wall",
        "5708\t 251403\n19044\t 256164",
        "ISO/IEC TS 18661-3:2014 and 1:2014 and TS 18661-3",
        "524287 eval in 1896 ms, 30199 -> 37361 pages",
        "from 81758 to 9004",
        "80 642 76 642, 2.693 F 2.693(yi)-.05",
        # forum post headers and price lines: digits enough, but around a date or price
        "loud_43 2024-03-13 #15",
        "echo_7 2024-05-15 #5\nFine",
        "$1,596.13 = 0.02484 BTC = 13.589 XMR",
    ],
)
def test_what_only_looks_like_a_phone(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "five 100 roses",
        "two 300 hh",
        "one 24/7",
        "Order #5125550123",
        "I'm 5'6 one twenty lbs",
        "five 100 roses two 300 hh, one 24/7",
        "Order #5125550123 one",
        "I'm 5'6 one twenty lbs five six",
        # "oh" beside a digit group is a word unless single digits or glue say otherwise
        "from 81758 oh 9004",
        "two girls, 555 oh my 123",
    ],
)
def test_number_words_beside_quantities_are_no_phone(text: str) -> None:
    assert _values(text) == []


def test_a_mixed_phone_beside_quantities_is_still_found() -> None:
    assert _values("five 100 roses, two 300 hh: five one two 555 oh one two three") == [US]
    assert _values("Order #4412 or 512 five five five 0123") == [US]


def test_a_phone_next_to_prices_and_measures_is_still_found() -> None:
    text = (
        "32 yo, 35B-24-38, 5'5, 137lbs. Available 24/7 incall & outcall.\n"
        "Call or text 1-210-970-8254\n$350/hr - no rushing."
    )
    assert _values(text) == ["+12109708254"]
    assert _values("Phone #: 512 555 0123") == [US]
    assert _values("call 512 555 0123 in Dallas, am available") == [US]


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-13 512 555 0123 2024-03-14",
        "seen 2024-03-13, 512 555 0123 at 10:30",
        "$40 5125550123 $50",
        # clusters that begin or end with something other than a digit
        "2024-03-13 five one two five five five zero one two three",
        "2024-03-13 512 555 Ol23",
    ],
)
def test_a_phone_between_dates_and_prices_is_still_found(text: str) -> None:
    assert _values(text) == [US]


def test_an_identifier_cue_covers_only_its_own_digits() -> None:
    assert _values("Order #1234 call 5125550123") == [US]


def test_unknown_region_finds_only_international_numbers() -> None:
    options = ExtractOptions(default_region="XX")
    assert _values("512-555-0123 or +44 7911 123456", options) == ["+447911123456"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "+",
        "----------",
        "five",
        "0" * 40,
        "1" * 5000,
        "5" + "\u0301" * 50,
        "İİİ 512-555-0123",  # lower() changes the length of this text
        "\ud800 512",  # a lone surrogate
        "\x00\x01 512\x00555\x000123",
        "O4\ufe0f\u20e3192.168.1.1 555 0123",  # a look-alike letter before a keycap
    ],
)
def test_bad_input_does_not_break_the_family(text: str) -> None:
    found = _matches(text)
    assert all(m.value.startswith("+") for m in found)


def test_offsets_with_wide_characters_before() -> None:
    text = "😀👍🏽 Ünïcödé — call 𝟓𝟏𝟐 555 0123 now"
    [match] = _matches(text)
    assert match.raw == "𝟓𝟏𝟐 555 0123"


# Linear time on hostile input: the time for 2N characters over the time for N (CPU
# time, best of several, alternating) stays near 2; quadratic behaviour makes it 4.
# N is chosen per input so that it takes tens of milliseconds.
_RANDOM_DIGITS = "".join(random.Random(7).choices("0123456789", k=250_000))


def _repeated(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


PATHOLOGICAL: dict[str, tuple[Callable[[int], str], int]] = {
    "one run of digits": (_repeated(_RANDOM_DIGITS), 400_000),
    "digits between spaces": (_repeated("5 "), 10_000),
    "digits between dots": (_repeated("5."), 10_000),
    "separators only": (_repeated("-. /"), 2_000_000),
    "spelled digits": (_repeated("five "), 25_000),
    "spelled digits glued": (_repeated("one"), 400_000),
    "other languages' digits": (_repeated("cinco "), 25_000),
    "other languages' weak digits": (_repeated("uno dos "), 25_000),
    "other languages' digits glued": (_repeated("quattro"), 400_000),
    "digits joined by filler words": (_repeated("1 a "), 10_000),
    "look-alike letters": (_repeated("5o"), 100_000),
    "digits glued to letters": (_repeated("1a"), 100_000),
    "hex": (_repeated("0123456789abcdef"), 100_000),
    "valid numbers": (_repeated("512-555-0123 "), 10_000),
    "keycaps": (_repeated("5\ufe0f\u20e3"), 20_000),
    "decimals": (_repeated("1.5 "), 20_000),
    "times": (_repeated("10:30 "), 20_000),
    "numbers above nine in words": (_repeated("quatre-vingt-dix-neuf "), 20_000),
    "numbers above nine joined": (_repeated("cuarenta y cinco y "), 20_000),
    "hundreds in words": (_repeated("opt sute șaizeci și "), 20_000),
    "kanji digits": (_repeated("一二三 "), 20_000),
    "Russian digits and numerals": (_repeated("восемь девятьсот "), 20_000),
    "digits said twice": (_repeated("oh double one "), 20_000),
    "Indonesian digits": (_repeated("kosong lima "), 20_000),
    "upper-case hex": (_repeated("FBD0 454B "), 20_000),
    "Cyrillic capitals for digits": (_repeated("9З7-ЗЗ-ОЗ."), 20_000),
    "Arabic and Hindi digit words": (_repeated("صفر خمسة aath nau ek "), 20_000),
    "a lone o after digits": (_repeated("5️⃣ o al "), 20_000),
    "national numbers of a named country": (
        _repeated("Nairobi KES 5,000. Call 0722 987 654 or 0110 482 375 or "),
        60_000,
    ),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_time_grows_linearly(name: str) -> None:
    make, size = PATHOLOGICAL[name]
    ratio = growth_ratio(find, make, size, growth=2)
    assert ratio < limit(2), f"{name}: {ratio:.2f}"


def test_numbers_read_where_their_language_is_spoken_take_linear_time() -> None:
    # One long run of numbers spelled in Italian, each read in Italy first: nothing per
    # number may look at the whole run (4N against N, where quadratic gives about 16).
    make = _repeated("Chiamami: tre quattro sette / 2 1 8 / cinque cinque zero nove. ")
    assert growth_ratio(find, make, 80_000, repeats=3) < limit()


def test_a_ten_megabyte_line_of_digits_is_no_number() -> None:
    assert list(find(_repeated(_RANDOM_DIGITS)(10_000_000))) == []


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # Romanian spelled digits, with comma-below and ASCII letters.
        ("Lucru în Italia, plecare din Iași, România. Sună: zero șapte doi unu - "
         "trei patru cinci - șase șapte opt", "+40721345678"),
        ("Bucuresti, Romania. Suna la zero sapte doi unu trei patru cinci sase sapte opt",
         "+40721345678"),
        # Read aloud with commas between the spelled groups.
        ("Lagos office, Lagos. Call: zero eight zero three, one two three, four five six seven",
         "+2348031234567"),
        # Kenya named by its shilling and its people; two numbers joined by "or".
        ("Kenyans abroad beware, she asked KSh 90,000. Uses 0733 186 421 too.", "+254733186421"),
    ],
)  # fmt: skip
def test_national_numbers_in_more_languages_and_regions(text: str, e164: str) -> None:
    assert e164 in _values(text)


def test_a_run_of_two_national_numbers_joined_by_a_word() -> None:
    text = "Nairobi office, fee KES 8,500. Call 0722 987 654 or 0110 482 376"
    assert _values(text) == ["+254722987654", "+254110482376"]


def test_a_flag_on_the_numbers_line_says_whose_number_it_is() -> None:
    # The page names Thailand most, but each line's flag decides for its own number.
    text = (
        "Bangkok • Manila • Hanoi tours, Bangkok, baht ฿\n"
        "🇹🇭 TH: 081 703 5529\n"
        "🇻🇳 VN: Zalo 0908 441 274\n"
        "🇵🇭 PH: Viber 0 9 9 5 – 6 1 3 – 8 8 4 3\n"
    )
    assert _values(text) == ["+66817035529", "+84908441274", "+639956138843"]


def test_a_place_on_the_line_of_a_number_with_a_trunk_zero() -> None:
    assert _values("Ships from London. Text 07911 123456") == ["+447911123456"]
    assert _values("Call 0161 496 0239 (English number, Manchester)") == ["+441614960239"]


def test_a_country_code_in_brackets_after_a_number() -> None:
    text = "Roster Madrid, Madrid:\n1 | Bella | 19 | 0757 318 903 (RO sim) | Madrid\n"
    assert _values(text) == ["+40757318903"]


def test_the_country_of_the_pages_dialled_numbers_comes_first() -> None:
    # Italy is named more often, but the page's own number with a country code is
    # Nigerian, and so is the one written the national way.
    text = (
        "Jobs in Italy (Torino, Napoli), Italy! Office in Lagos, Ikeja, Lagos.\n"
        "Call 0803 216 4409 or +234 905 718 2046"
    )
    assert _values(text) == ["+2348032164409", "+2349057182046"]


@pytest.mark.parametrize(
    "text",
    [
        # A tracking number holds a stretch valid in the country the line names.
        "Ships from the Netherlands. Tracked & signed: 9400 8587 7758 0405 5493 12",
        # A salary in zloty next to a Polish number.
        "Praca w Niemczech – 8000-15000 zł/mies. Kontakt: +48 512 804 317",
        # A place named before a number without a trunk "0" is only the line's.
        "Ships from Madrid. Text 612 34 56 78",
    ],
)
def test_guessed_regions_do_not_read_other_identifiers(text: str) -> None:
    assert [v for v in _values(text) if not v.startswith("+48")] == []


def test_a_number_written_digit_by_digit_may_end_in_a_count() -> None:
    # "123456" ends the number; pagination is nothing but the count.
    assert _values("Leeds, UK. £100. Phone: 0 7 5 1 2 - 3 4 5 - 6 7 8") == ["+447512345678"]
    assert _values("Pages: 1 2 3 4 5 6 7 8 9 10 Next") == []
    assert _values("« 4 5 6 7 8 9 10 ... 57 »") == []


def test_digits_dotted_one_by_one_in_dashed_groups_are_no_versions() -> None:
    assert _values("Call for appt: 4.1.6 - 5.5.5 - 0.1.9.8") == ["+14165550198"]
    assert _values("version 7.4.226 and server 192.168.1.10:8080") == []


def test_cyrillic_look_alikes_for_zero_and_three() -> None:
    assert _values("Москва. Звони: 8 (916) 47З-21-О8") == ["+79164732108"]
    assert _values("вайбер +380 67 ЗЗ9 4О 58 або") == ["+380673394058"]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # An Italian mobile is a valid New York number too; the page is Italian.
        ("Milano, zona Città Studi. Chiamami: tre quattro sette / 2 1 8 / cinque cinque "
         "zero nove", "+393472185509"),
        ("Medellín, modelos webcam. Pregunta por Karen 👉 3I5 7O4 22 98", "+573157042298"),
        # No accent anywhere: the page's words say it is Italian.
        ("Milano zona Navigli. Su WhatsApp mi scrive dal numero 336 282 7395 e mi chiede "
         "una ricarica di 100 euro", "+393362827395"),
    ],
)  # fmt: skip
def test_a_page_about_another_country_reads_its_numbers_there_first(text: str, e164: str) -> None:
    assert _values(text) == [e164]


def test_a_page_in_english_or_naming_the_default_region_reads_them_at_home() -> None:
    assert _values("New in Milano! Call 347 218 5509") == ["+13472185509"]
    text = "New in Milano for the week, and you can call me at 347 218 5509 per favore"
    assert _values(text) == ["+13472185509"]
    assert _values("Latina recién llegada a Houston, Houston: 713 555 0123") == ["+17135550123"]


def test_a_dialled_number_counts_as_a_mention_of_its_country() -> None:
    text = "Hamburg. Private: +49 176 2918 4307\nBusiness: 0162 / 7 3 9 - 1 5 0 8"
    assert _values(text) == ["+4917629184307", "+491627391508"]


def test_an_identifier_cue_with_a_word_of_its_own() -> None:
    assert _values("ID ogłoszenia: 891123476 | Kontakt: +48 512 804 317") == ["+48512804317"]
    assert _values("Order number: 5125550123") == []
    assert _values("Order phone: 512 555 0123") == ["+15125550123"]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("Amsterdam, Amsterdam. Bel of app: nul zes – 4 één – 8 3 – twee 7 – 9 vijf",
         "+31641832795"),
        ("Warszawa, Polska. Kontakt: tel. pięć jeden dwa / 738 / 294", "+48512738294"),
        ("Warszawa, Polska. Kontakt: piec jeden dwa siedem trzy osiem dwa dziewiec cztery",
         "+48512738294"),
    ],
)  # fmt: skip
def test_dutch_and_polish_spelled_digits(text: str, e164: str) -> None:
    assert _values(text) == [e164]


def test_dutch_een_is_a_word_outside_single_digits() -> None:
    assert _values("Ik heb een 2 kamer appartement, 120 euro per nacht") == []


def test_a_spelled_number_right_after_an_emoji() -> None:
    # Words led by a non-ASCII letter ("één", "șase") must not hide the word after an emoji.
    text = "Call me PAOLA 😈 NINE ZERO one three FIVE 0ne ONE ONE THREE SIX"
    assert _values(text) == ["+19013511136"]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # Spelled in Polish on a page about jobs in Germany: a Polish number.
        ("PRACA 🇩🇪🇳🇱 Niemcy, Berlin.\nKontakt: tel. pięć jeden dwa / 738 / 294", "+48512738294"),
        # Spelled in Italian, on a page that names no country: an Italian mobile, though
        # also a valid New York number.
        ("Chiamami: tre quattro sette / 2 1 8 / cinque cinque zero nove", "+393472185509"),
        # Spelled in Spanish, read in the default region as a Dominican number: where
        # Spanish is spoken already.
        ("Punta Cana. WhatsApp: ocho dos nueve – 555 – cero uno siete siete", "+18295550177"),
    ],
)
def test_the_language_of_spelled_digits_says_where_the_number_is(text: str, e164: str) -> None:
    assert _values(text) == [e164]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # Read aloud in tens and pairs, the way each country reads its numbers.
        ("Dublin. Other number: zero eight three, four ten, seventy-seven twenty-five",
         "+353834107725"),
        ("Booking WhatsApp: +971 fifty-two 864 30 91", "+971528643091"),
        ("Paris. Appelez-moi au zéro six, quarante-sept, quatre-vingt-deux, dix-neuf, trente",
         "+33647821930"),
        ("Paris 06 soixante-dix-neuf quatre-vingt-onze 20 soixante et onze", "+33679912071"),
        ("Milano. Chiamami al tre quattro sette punto otto otto due punto diciannove "
         "quarantasei", "+393478821946"),
        ("Sunați-o pe doamna Mirela: zero șapte patru cinci — două sute nouăsprezece — "
         "opt sute șaizeci și trei", "+40745219863"),
        ("Whatsapp: seis cuarenta y cinco, veintitrés, doce, treinta y cuatro. Madrid",
         "+34645231234"),
        # Brazil's area code read as one number opens the cluster.
        ("São Paulo, ligue (onze) nove oito sete seis cinco quatro três dois um",
         "+5511987654321"),
        ("Berlin, Handy: null eins sieben sechs, zweiundvierzig, achtzehn, dreißig, neunzehn",
         "+4917642183019"),
    ],
)  # fmt: skip
def test_numbers_read_in_tens_pairs_and_hundreds(text: str, e164: str) -> None:
    assert _values(text) == [e164]


@pytest.mark.parametrize(
    "text",
    [
        "I'm twenty-five, 5'6 and 130 lbs, available seven days a week",
        "Twenty five dollars for fifteen minutes, forty for thirty, seventy for the hour",
        "Bought 3 g for eighty, reship took ten days and twenty-one hours",
        "Quarante-cinq minutes = 150 €, une heure = 200 €, deux heures = 350 €",
    ],
)
def test_numbers_in_words_in_prose_are_no_phone(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("Toronto. Call or txt Coco: 4l6-B39-22O7", "+14168392207"),
        ("Montreal, her line: (514) six nine two - O three B one", "+15146920381"),
        ("Αθήνα. Τηλέφωνο: 694 3Β1 22Ο7 (μόνο κλήσεις)", "+306943812207"),
        ("Турецкий номер: +9О 53Z 418 2б 93 (WhatsApp)", "+905324182693"),
        ("Vegas ☎ seven zero too . nine one sevn . four fore ate two ☎", "+17029174482"),
    ],
)
def test_more_look_alikes_and_homophones(text: str, e164: str) -> None:
    assert _values(text) == [e164]


def test_b_in_upper_case_hex_is_a_hex_digit() -> None:
    assert _values("PGP fingerprint: 26D3 C4E6 F2C5 CEAE FBD0 4457 2E32 D9B4 454B 2007") == []


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("Booking via WA: kosong delapan satu dua – delapan tiga enam empat – dua kosong "
         "sembilan satu", "+6281283642091"),
        ("ご応募・お問い合わせ：担当 ユウキ\n📞 〇九〇-四八二一-七七三六", "+819048217736"),
    ],
)  # fmt: skip
def test_indonesian_words_and_kanji_digits(text: str, e164: str) -> None:
    assert _values(text) == [e164]


def test_kanji_digits_in_prose_are_no_number() -> None:
    assert _values("我一个人在家，三天后去上海，五月七日回来。") == []


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("ΝΕΑ ΚΟΠΕΛΑ ΣΤΗΝ ΑΘΗΝΑ 🌺 Η Ελένη, 24 χρονών, ξανθιά\nΤηλέφωνο: 694 3Β1 22Ο7",
         "+306943812207"),
        ("Пишите: менеджер Алина — О67-482-9l-О7 (Viber / Telegram)", "+380674829107"),
    ],
)  # fmt: skip
def test_a_page_in_a_script_of_few_countries_reads_its_numbers_there(text: str, e164: str) -> None:
    assert _values(text) == [e164]


def test_a_look_alike_letter_before_a_whole_number_is_a_prefix() -> None:
    assert _values("Reported to IC3 (complaint I2405201839) and my bank.") == []
    assert _values("Call 5l2-555-Ol23") == ["+15125550123"]


def test_a_listing_entry_places_its_number_on_the_line_above() -> None:
    text = (
        "🔥 CHICAS VIP LIMA & SANTIAGO 🔥\n"
        "💃 Lima (Miraflores / San Isidro): Kiara 🇻🇪\n"
        "📲 WhatsApp: 9️⃣8️⃣7️⃣ 2️⃣4️⃣5️⃣ 6️⃣1️⃣3️⃣\n"
        "💃 Santiago (Providencia): Camila 🇨🇱 — solo hotel\n"
        "📲 +56 9 7384 1925"
    )
    assert _values(text) == ["+51987245613", "+56973841925"]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("Апартаменты в центре\nЗвони: 8 (девять один шесть) 47З-21-О8", "+79164732108"),
        ("Звони: восемь девятьсот шестнадцать четыреста семьдесят три двадцать один ноль "
         "восемь", "+79164732108"),
        ("Пишіть: нуль шість сім чотири вісім два дев'ять один нуль сім", "+380674829107"),
    ],
)  # fmt: skip
def test_russian_and_ukrainian_spelled_numbers(text: str, e164: str) -> None:
    assert _values(text) == [e164]


def test_a_place_named_once_places_a_number_with_a_trunk_zero() -> None:
    text = "Sakura 🌸 Japanese student, NEW to Sydney\nWhatsApp or SMS ➜ 0️⃣4️⃣9️⃣1️⃣ 5️⃣7️⃣0️⃣ 2️⃣6️⃣3️⃣"
    assert _values(text) == ["+61491570263"]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("London. Call oh seven nine double one, one two three, four five six",
         "+447911123456"),
        ("London, UK. Ring 07 triple nine 123 456", "+447999123456"),
    ],
)  # fmt: skip
def test_a_digit_said_twice_or_three_times(text: str, e164: str) -> None:
    assert _values(text) == [e164]


def test_a_weak_word_after_a_spelled_number_is_not_its_end() -> None:
    # "I" is a weak 1: a run ending in it held the number inside, where a number read
    # in the page's region may not end.
    text = "Sydney. Text oh four one three, seven seven three, nine three nine — I don't"
    assert _values(text) == ["+61413773939"]


@pytest.mark.parametrize(
    "text",
    [
        "Sample row: 414720******3391|09/27|***|JOHN D***|TX|77002",  # a masked card
        "carta PostePay dato: 5333 17** **** 4521 (non mettetelo intero)",
        "card 4147 20\u2022\u2022 \u2022\u2022\u2022\u2022 3391 expired",
        'Miami,"call now",Kitty,(305) 000-0000,23',  # a blank: valid in Colombia
        "Bogotá. Llama 305 000 0000",
    ],
)
def test_masked_cards_and_blank_numbers_are_no_phone(text: str) -> None:
    assert _values(text) == []


def test_a_number_beside_a_mask_or_with_zeros_inside_is_still_found() -> None:
    assert _values("call 512-555-0123 ** new girls **") == [US]
    assert _values("call 5*1*2*5*5*5*0*1*2*3") == [US]
    assert _values("Bogotá. Llama +57 305 000 0001") == ["+573050000001"]


def test_oh_opening_prose_is_no_number() -> None:
    assert _values("Oh my god, 5 stars, 10/10 would visit again") == []
    assert _values("a double room for two nights, three stars") == []


def test_german_number_cues_for_identifiers() -> None:
    assert _values("Berlin. Anzeigen-Nr.: 884302117 | online seit 02.03.2024") == []
    assert _values("Berlin. Handy-Nr.: 0176 43891027") == ["+4917643891027"]


def test_a_number_dialled_beside_says_whose_the_national_one_is() -> None:
    text = (
        "ANGAJĂM DANSATOARE ÎN ELVEȚIA (ZÜRICH) – 4000-6000 CHF\n\n"
        "Info la 072 803 5048 sau WhatsApp +40 728 O35 048\n"
        "Număr Elveția (doar WhatsApp): 0041 78 784 60 28"
    )
    assert _values(text) == ["+40728035048", "+40728035048", "+41787846028"]


def test_the_country_most_dialled_numbers_are_of_comes_first() -> None:
    text = (
        "Madam Joy: When you reach Italy my brother go receive you. Save +39 320 210 6023\n"
        "Madam Joy: Call your mama from this number 0706 092 8458\n"
        "+234 803 661 1269 joined\n+234 803 661 1269: Na me be Osas"
    )
    assert "+2347060928458" in _values(text)


def test_another_languages_weak_digit_after_a_spelled_one() -> None:
    assert _values("Madrid. Llámame al seis ocho dos 96 22 25") == ["+34682962225"]
    assert _values("Transfer from 81758 to 9004 done") == []


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # Chinese digits with 零, on a Vancouver page: a Canadian number.
        ("温哥华 › 分类广告 › 列治文 Richmond\n美女按摩师 New girls\n"
         "电话/短信: 六零四-573-零一三五", "+16045730135"),
        ("上海 按摩 新到 美女 服务 电话 一三八 一二三四 五六七八 微信同号", "+8613812345678"),
        # A Saudi page writes its riyal in Arabic.
        ("مكتب الخليج 🇸🇦🇦🇪🇶🇦\n💰 السعر من 4500 ريال\nللتواصل واتساب: ٠٥٠٤٤٤١٣٨٣",
         "+966504441383"),
    ],
)  # fmt: skip
def test_chinese_digits_and_arabic_currency(text: str, e164: str) -> None:
    assert _values(text) == [e164]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # Digits spelled in Czech, Turkish, Greek, Vietnamese and Swahili: each language
        # also says where the number is from.
        ("Privát Brno — Lucie, SMS: šest nula osm 212 447 — jen WhatsApp", "+420608212447"),
        (
            "Ayşe 24 yaş — aramak için: sıfır beş üç iki dört bir sekiz yedi altı beş iki",
            "+905324187652",
        ),
        # After her age and a dash, the spelled number is a part of its own.
        ("Κατερίνα, 28 — έξι εννιά τέσσερα 512 3370", "+306945123370"),
        ("✿ Hương 21t — gọi: không chín tám bốn năm hai sáu bảy một tám", "+84984526718"),
        ("Achieng 25 — piga: sifuri saba mbili tatu nne tano sita saba nane tisa", "+254723456789"),
        # Romanian "nouă" (nine, and "new") describes the SIM card before the number.
        (
            "ai cartele UK pt Londra?\nLondra: cartela nouă zero seven four one two 555 801",
            "+447412555801",
        ),
        # A Turkish page that names only its district, told by its letters.
        (
            "ŞİŞLİ - MECİDİYEKÖY escort bayanlar\n🌹 Ece 22 yaş, üniversiteli — 0532 418 76 52",
            "+905324187652",
        ),
        # "): " ends the note before the number: "10 до 19" is opening hours.
        ("Работа в Дубае\n📞 Москва (звонки с 10 до 19): 8 (917) 115-61-40", "+79171156140"),
    ],
)
def test_more_languages_letters_and_notes_before_a_number(text: str, e164: str) -> None:
    assert _values(text) == [e164]


@pytest.mark.parametrize(
    "text",
    [
        # Amounts written with thousands separators, the last group "000".
        "Оборот за неделю: 318 000 000 ₽, комиссия 1 500 000 руб",
        "Prix: 2 500 000 € négociable",
        # M-Pesa's merchant numbers.
        "Lipa na M-Pesa Till No. 5123456 · Paybill 247247 acc 0078 (Nairobi, Kenya)",
        # Dutch "het" and English "pet", "hat" are no digits by themselves.
        "het is 24/7 open, pet friendly, hat size 7",
    ],
)
def test_amounts_merchant_numbers_and_words_are_no_phone(text: str) -> None:
    assert _values(text) == []


def test_a_bot_token_is_no_phone() -> None:
    text = "TELEGRAM_BOT_TOKEN=6123456789:AAHfakeTokenValue_xyzxyzxyzxyz\ncall 612-345-6789: Mia"
    assert _values(text) == ["+16123456789"]


def test_a_rows_country_cell_says_whose_its_number_is() -> None:
    text = (
        "name,country,phone,notes\nIvan,RU,89161234567,driver\nAna,Moldova,069 123 456,new\n"
        "Maria,MX,55 1234 5678,client\nJoe,US,(305) 412-7788,ok\nLan,VN,0905 309 985,\n"
    )
    assert _values(text) == [
        "+79161234567",
        "+37369123456",
        "+525512345678",
        "+13054127788",
        "+84905309985",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # "IN" and "US" in prose are words, not a row's cells.
        "Call 55 1234 5678 IN the evening, MX style",
        # A row without a country cell keeps the default region.
        "Maria,client,(305) 412-7788,ok",
    ],
)
def test_no_row_country_outside_a_rows_cells(text: str) -> None:
    assert all(value.startswith("+1") for value in _values(text))


def test_one_long_row_of_numbers_takes_linear_time() -> None:
    def make(size: int) -> str:
        return "RU,89161234567," * (size // 15)

    assert growth_ratio(lambda text: list(find(text)), make, 20_000) < limit()


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # A page in Italian or Portuguese that names no country: its numbers are read
        # where the language is spoken first (each is also a valid New York number).
        (
            "Ciao, sono Giulia e mi trovi in centro, per un incontro chiamami al 347 218 5509,"
            " non rispondo agli anonimi",
            "+393472185509",
        ),
        # Spanish is spoken in the default region too: its numbers stay there.
        (
            "Hola, soy Giulia y estoy en el centro, para una cita llama al 347 218 5509, no"
            " contesto a los privados",
            "+13472185509",
        ),
    ],
)
def test_a_pages_language_by_its_common_words(text: str, e164: str) -> None:
    assert _values(text) == [e164]


def test_the_digits_of_a_message_id_are_no_phone() -> None:
    assert _values("Message-ID: <9102283196.WUen9Xd3@mail.bulk-relay7.net>") == []
    assert _values("call 910-228-3196.Thanks") == ["+19102283196"]


@pytest.mark.parametrize(
    "text",
    [
        "Lagos girls, lavoro in Italia. Contact Madam Joy on WhatsApp 0802 263 8885\n"
        "or call her Italy line +39 310 679 5706 (Italia)",
        "Jobs in Italy for Lagos girls. Contact Madam Joy: 0802 263 8885 (call/WhatsApp)\n"
        "Our Italy office: +39 310 679 5706",
    ],
)
def test_a_messengers_number_is_read_where_it_is_a_mobile(text: str) -> None:
    # 0802 263 8885 is a landline in Bari and a Nigerian mobile: WhatsApp needs a mobile.
    assert _values(text)[0] == "+2348022638885"


def test_without_a_messenger_the_nearest_place_still_says_whose_it_is() -> None:
    text = "Lagos girls, lavoro in Italia. Contact Madam Joy on 0802 263 8885"
    assert _values(text) == ["+3908022638885"]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # A page in Cyrillic that names no place is read where Cyrillic is written
        # before the default region ("(912) 692-45-36" is also a valid US number).
        ("Пишите менеджеру Алина:\n📞 8 (912) 692-45-36 (WhatsApp, Viber)", "+79126924536"),
        # Cyrillic capitals for digits, also a whole group of them.
        (
            "Индивидуалка Алина, апартаменты\nЗвонить с 12:00 до 02:00: 8 (9З7) 782-ЗЗ-2З",
            "+79377823323",
        ),
        # The common words of a Portuguese page name Brazil, for a number with no country.
        (
            "Agende seu teste com a booker Paty: (11) 96246-6614 (só WhatsApp), não é"
            " preciso pagar nada, você paga depois com os trabalhos",
            "+5511962466614",
        ),
    ],
)
def test_a_pages_script_and_words_say_where_it_is(text: str, e164: str) -> None:
    assert _values(text) == [e164]


def test_the_page_dialled_numbers_say_where_its_spelled_number_is() -> None:
    # Spanish is spoken in Mexico and in Colombia: the chat's "+57" senders decide.
    text = (
        "5/8/24, 21:07 - +57 311 1049561: yo tengo cliente a las 9\n"
        "5/8/24, 21:09 - +57 311 2968758: Sara cuadra con el taxista, el número es tres dos"
        " uno 9235993\n"
    )
    assert "+573219235993" in _values(text)


def test_a_french_number_dialled_once_does_not_make_a_belgian_one_french() -> None:
    text = (
        "Mehdi (+33 6 19 66 68 02)  ↔  Tonton\n"
        "Tonton 23:05 : et pour Bruxelles c'est qui\n"
        "Mehdi 23:07 : Samir le belge, 0454 73 87 76, il est à Bruxelles avec les filles\n"
    )
    assert "+32454738776" in _values(text)


def test_serbian_is_not_french() -> None:
    # "je" is Serbo-Croatian's "is": a Serbian chat names no French-speaking country.
    text = "Viktor: koji broj da je zovem, ovo je njegov, kad je predaš, je li jasno: 0668 898461"
    assert not any(value.startswith(("+33", "+32", "+41")) for value in _values(text))


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("Anrufe & SMS: nur WhatsApp wa.me/4917021528939 und das ist nicht mit", "+4917021528939"),
        ("https://api.whatsapp.com/send?phone=447911123456&text=hi", "+447911123456"),
    ],
)
def test_a_whatsapp_links_digits_hold_the_country_code(text: str, e164: str) -> None:
    assert _values(text) == [e164]


@pytest.mark.parametrize(
    "text",
    [
        # Tax and company numbers.
        "P.IVA 08812730961 · © 2025 Dolce Vita Milano",
        "ООО «Ромашка», ИНН 7707083893",
        # A JSON key.
        '{\n "name": "Oleg",\n "type": "personal_chat",\n "id": 5518830021,\n}',
        # Every digit in order: a placeholder.
        "tracking provided (1234 5678 90)",
        "Phone: +44 1234 567890 (example)",
    ],
)
def test_registration_numbers_keys_and_placeholders_are_no_phone(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # Hindi digits as Hinglish spells them.
        ("Call/WA: aath aath nau paanch 0 2 0 6 2 8 (Riya), Mumbai", "+918895020628"),
        # Arabic digit words, on a page that names Riyadh.
        (
            "للتواصل: صفر خمسة صفر صفر ستة ستة ثمانية تسعة تسعة خمسة\nالرياض – حي النسيم",
            "+966500668995",
        ),
        # Kanji digits with Japanese's middle dot between the groups.
        ("ご予約はお電話で → 〇八〇・四〇一八・七八三九", "+818040187839"),
        # A lone "o" after keycaps is "or".
        (
            "Informes con la Lic. Karla al 9️⃣9️⃣8️⃣ 4️⃣8️⃣3️⃣ 2️⃣4️⃣2️⃣8️⃣ o al correo. Cancún, Cancún, México",
            "+529984832428",
        ),
    ],
)
def test_more_scripts_and_languages_spelling_digits(text: str, e164: str) -> None:
    assert _values(text) == [e164]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # An Italian ad's common words ("anni") say Italy; the next list item's number is
        # no part of the phone.
        (
            "Agenzia Roma — le nostre ragazze disponibili\n1) Aurora, 22 anni, rumena — tel."
            " 3️⃣2️⃣0️⃣ 693 9280\n2) Ludmila, 28 anni, ucraina — per tutte le prenotazioni",
            "+393206939280",
        ),
        # Bulgarian: a hard sign inside words and none of Russian's own letters.
        (
            "Момичетата са сервитьорки за сезона. Ако има проблем звъниш на другия ми номер"
            " 0 88 791 2626",
            "+359887912626",
        ),
        # Malay's common words say Malaysia (or Indonesia).
        (
            "Bilik aircond, ada shower, parking percuma untuk tetamu yang datang dengan kereta.\n"
            "Tempahan WhatsApp: Ol2-326 5232",
            "+60123265232",
        ),
        # Read without its "oh" the run is a US number; with it, a British one.
        (
            "Leeds city centre, Leeds, £80 half hour\nRing me on oh double seven two triple"
            " three two oh one oh",
            "+447723332010",
        ),
    ],
)
def test_where_a_page_is_from_by_its_words_and_letters(text: str, e164: str) -> None:
    assert _values(text) == [e164]


@pytest.mark.parametrize(
    "text",
    [
        "TEXT ONLY ☎ seven one three - five five five - O one four two\n(do not call",
        "Her teen years, we do 5 things; saat 10 22 00 da",
    ],
)
def test_english_words_are_no_hindi_digits(text: str) -> None:
    assert not any(value.startswith("+91") for value in _values(text))


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        # A spelled digit hyphened to the last group is no order code ("ORD-3423").
        (
            "Agende com o Rodrigo: (71) nove seis sete cinco cinco-3423, você não paga nada",
            "+5571967553423",
        ),
        # "Kontakt laut Anzeige:" is the contact as the ad gives it, no ad number.
        (
            "Kontakt laut Anzeige: 0170 / 200 null acht 672 (Anzeige schreibt die Zahlen halb"
            " aus), und das ist nicht mein Problem",
            "+4917020008672",
        ),
    ],
)
def test_spelled_codes_and_contact_cues(text: str, e164: str) -> None:
    assert _values(text) == [e164]


def test_a_code_and_an_ad_number_stay_no_phone() -> None:
    assert _values("Order ORD-3423, ref SKU-5551234") == []
    assert _values("Anzeige: 884302117 · online seit 03.04.2024") == []


def test_spelled_digits_after_a_filler_word_need_no_chunk_size() -> None:
    text = "Hoặc nhắn Zalo em Tuấn: 0978 (Zalo) sáu chín một 855\nMã tin: TD-2024-0871"
    assert _values(text) == ["+84978691855"]
    # Plain digits a word joins still come in a phone's chunks.
    assert _values("524287 eval in 1896") == []


def test_a_number_written_as_a_phone_beats_an_id_label() -> None:
    text = "Provider: Cherry\nAd number: (312) 555-0130\nAd number: 88231907"
    assert _values(text) == ["+13125550130"]


def test_a_numbers_carrier_on_its_line_says_whose_it_is() -> None:
    text = (
        "Nanny jobs in Hong Kong! Hong Kong employers, Hong Kong salary.\n"
        "Interested? PM or text Ma'am Joy: 0905 129 1287 (Globe/Viber)"
    )
    assert _values(text) == ["+639051291287"]

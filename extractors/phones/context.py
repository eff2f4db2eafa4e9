"""What only looks like a phone number: prices, dates, times, body measurements,
counters and identifiers. Checked on the few clusters that survive the scan,
never on the whole text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from extractors.phones.tokens import LOOKALIKE_CHARS, MIN_DIGITS, Group

# Shapes that are something else when they stand alone (not inside a longer run
# of digits and separators, which is how "5.1.2.5.5.5..." obfuscations look).
_ALONE_BEFORE = r"(?<![\w])(?<!\d[-/.:])"
_ALONE_AFTER = r"(?![\w])(?![-/.:]\d)"
_OCTET = r"(?:25[0-5]|2[0-4]\d|1?\d?\d)"
_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_YEAR = r"(?:19|20)\d{2}"
# Every shape begins with a digit, a "." or a letter (a month may begin with U+017F,
# the long s that IGNORECASE reads as "s"): checking that first spares the whole alternation
# at each space and punctuation mark of the window.
_NOT_CHAINED_BEFORE = r"(?<!\d[ \t][-–][ \t])(?<!\d[-–])"
_NOT_CHAINED_AFTER = r"(?![ \t]?[-–][ \t]?\d)"
_SHAPE_START = r"(?=[\d.]|(?i:[a-z]))"
_NOT_A_PHONE = re.compile(
    _ALONE_BEFORE
    + _SHAPE_START
    + r"(?:(?:"
    + r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"  # 2026-11-21
    + rf"|{_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"  # 20140202
    + r"|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})"  # 11/21/2026, 21.11.26
    + r"|\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,6})?"  # 10:30, 52:13.1333
    + r"(?:\s?[-\u2013]\s?\d{1,2}:\d{2}(?::\d{2})?)?"  # 10:30-11:00
    + r"|24\s?[/x]\s?7"  # 24/7
    + r"|\d\s?['’]\s?\d{1,2}(?:\s?[\"”]|\s?(?:''|’’))?"  # 5'6"
    + r"|\d{2}(?i:[a-h]{1,3})?[-/]\d{2}[-/]\d{2}"  # 34D-24-36
    + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,500
    + r"|\d*\.\d{1,3}"  # 3.5, 0.25, .125
    # Versions and addresses, unless one of a chain ("4.1.6 - 5.5.5 - 0.1.9.8" is a
    # phone number dotted digit by digit).
    + rf"|{_NOT_CHAINED_BEFORE}[vV]?\d{{1,2}}\.\d{{1,3}}\.\d{{1,4}}{_NOT_CHAINED_AFTER}"  # 7.4.226
    + rf"|{_NOT_CHAINED_BEFORE}{_OCTET}(?:\.{_OCTET}){{3}}(?::\d{{1,5}})?{_NOT_CHAINED_AFTER}"
    + rf"|{_OCTET}(?:-{_OCTET}){{3}}"  # 82-66-248-160 (in host names)
    + r"|[A-Za-z]{2,10}[-_#]\d+(?:[-_/]\d+)*"  # ORD-2020-70384
    + r"|[A-Z]{2}\s\d{5}(?:-\d{4})?"  # TX 78701 (US state + ZIP)
    + r")"
    + _ALONE_AFTER
    # Dates that are dates whatever follows them: "2017-12-01.13", "2013-September/..."
    + rf"|{_YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
    + rf"|{_YEAR}[-/ ]?{_MONTH}"
    + rf"|\d{{1,2}}(?:st|nd|rd|th)?[-/ ]{_MONTH}[-/ ,]{{1,2}}{_YEAR}"  # 29 June 2007
    + rf"|{_MONTH}[-/ ]\d{{1,2}}(?:st|nd|rd|th)?,?[-/ ]{_YEAR}"  # June 29, 2007
    + r")"
)

# A short number next to these is a quantity (price, duration, size), not phone digits.
_QUANTITY_MAX_DIGITS = 5
_CURRENCY_SIGNS = "$€£¥₿₽₹₦₱฿₫₴₺₪₵"
_CURRENCY_BEFORE = re.compile(rf"[{_CURRENCY_SIGNS}]\s?$")
_UNIT_AFTER = re.compile(
    rf"[ \t]?(?:[{_CURRENCY_SIGNS}%]|(?i:usd|eur|gbp|cad|aud|btc|xmr|eth|ltc|dollars?|bucks|euros?|"
    # Other currencies, less those that are names or words too ("Ron", "Nok", "lei").
    r"zł|zl|pln|kč|czk|ksh|kes|naira|ngn|vnd|baht|thb|pesos?|reais|soles|rub|руб|грн|chf|"
    r"sek|dkk|huf|mxn|brl|aed|"
    r"roses?|hh|hr|hrs|hours?|mins?|minutes?|nights?|days?|weeks?|y/o|yrs?|years?|"
    r"lbs?|kgs?|grams?|mg|ml|oz|cm|mm|ft|feet|inch|inches|pcs|pills?|tabs?|sats?|percent)"
    r"(?![^\W\d_]))"
)
# Also units, but ordinary words too ("0123 in Dallas", "pm me"): they only make a
# quantity of a number that stands alone, not of the last group of "512 555 0123".
_AMBIGUOUS_UNIT_AFTER = re.compile(r"[ \t]?(?i:k|h|am|pm|yo|in|x|g|gr|off|st|nd|rd|th)(?![^\W\d_])")

# An explicit identifier cue right before the digits: "Order #5125550123".
_ID_CUE_WORDS = (
    "order|ord|id|ref|reference|invoice|inv|listing|item|sku|tracking|tracked|"
    "track|trk|usps|ups|fedex|dhl|parcel|shipment|waybill|txid|tx|post|thread|ticket|case|"
    "serial|lot|isbn|acct|account|block|pin|code|zips?|postal|postcode|vin|upc|ean|ad|"
    "product|pid|uid|user|member|room|annonce|anuncio|anúncio|annuncio|anzeige|inserat|"
    "anzeigen|bestell|bestellung|kunden|auftrags|rechnungs|artikel|complaint|claim|"
    # M-Pesa's merchant numbers: "Lipa na M-Pesa Till No. 5123456 · Paybill 247247".
    r"till[ \t]no|paybill|acc|"
    # Tax and company registration numbers: Italy's "P.IVA 08812730961", Spain's CIF and
    # NIF, Poland's NIP, France's SIRET, Brazil's CNPJ and CPF, Russia's INN (ИНН).
    r"iva|vat|cif|nif|nip|siret|siren|cnpj|cpf|ssn|инн|огрн"
)
# German writes "Nr." after the word, often joined: "Anzeigen-Nr.: 884302117".
# A JSON or YAML key is quoted: '"id": 5518830021'.
_ID_CUE = re.compile(rf"(?i)\b(?:{_ID_CUE_WORDS})(?:[ \t-]?(?:nr|no)\b)?[\s#№:.\-=\"']*$")
_ID_CUE_AND_WORD = re.compile(
    rf"(?i)\b(?:{_ID_CUE_WORDS})[ \t]+(?!(?:phone|tel|cell|mobile|whatsapp|contact)\b)"
    r"[^\W\d_]{2,14}[ \t]*[#№:=][\s#№:.\-=]*$"
)
# How far back the cue word of _ID_CUE_AND_WORD may start, besides its own word.
_OWN_WORD = 16
_ID_CUE_SEPARATORS = "#№:.-=\"'"
# The cue word ends where the separators before the digits begin, so the search
# needs to start no further back than the longest cue word ("reference", "postcode").
_LONGEST_CUE_WORD = max(map(len, _ID_CUE_WORDS.split("|")))
_NR_SUFFIX = len("-Nr")
# "Phone #: 512 555 0123" is a phone despite the "#".
_PHONE_WORD_BEFORE_HASH = re.compile(
    r"(?i)\b(?:phone|ph|tel|tell|cell|mobile|mob|number|num|call|text|txt|whatsapp|wa|"
    r"sms|contact|line|t[ée]l[ée]phone|tel[ée]fono|telefone|numero|número|numéro)\.?\s*"
    r"(?:[#№]|[nN][°º])[\s:.]*$"
)
_CUE_WINDOW = 40
# "Kontakt laut Anzeige: 0170 ...": the contact as the ad gives it.
_PHONE_WORD_BEFORE_CUE = re.compile(
    r"(?i)\b(?:phone|number|tel|cell|mobile|whatsapp|contact|kontakt|contacto|contatto)\b"
    r"[^\n\d]{0,12}$"
)
_PHONE_WORD_REACH = 24


def is_one_non_phone(text: str, start: int, end: int) -> bool:
    """The whole cluster is one date, time, price, address... shape."""
    return _NOT_A_PHONE.fullmatch(text, start, end) is not None


# How far around a cluster's groups non-phone shapes are looked for.
_SHAPE_MARGIN = 12


@dataclass(frozen=True, slots=True)
class NonPhoneShapes:
    """The non-phone shapes found in text[lo:hi], as (start, end) spans in text order."""

    lo: int
    hi: int
    spans: list[tuple[int, int]]


def non_phone_shapes(text: str, start: int, end: int) -> NonPhoneShapes:
    """Non-phone shapes around the groups that span text[start:end]."""
    lo = max(0, start - _SHAPE_MARGIN)
    hi = min(len(text), end + _SHAPE_MARGIN)
    return NonPhoneShapes(lo, hi, [m.span() for m in _NOT_A_PHONE.finditer(text, lo, hi)])


def shapes_before_reading(text: str, start: int, end: int) -> NonPhoneShapes | None:
    """The shapes blocked_groups will see, when they are known before reading groups.

    They are when the cluster begins and ends with a digit (its first and last
    groups then start and end right there: no look-alike letters taken before it,
    no word read as a digit dropped at its end).
    """
    if not (text[start] in _ASCII_DIGITS and text[end - 1] in _ASCII_DIGITS):
        return None
    if start > 0 and text[start - 1] in _LOOKALIKE_LETTERS:
        return None
    return non_phone_shapes(text, start, end)


_ASCII_DIGITS = frozenset("0123456789")
_LOOKALIKE_LETTERS = frozenset(LOOKALIKE_CHARS)
_ALNUM = re.compile(r"[^\W_]")


def room_for_a_number(text: str, start: int, end: int, shapes: NonPhoneShapes) -> bool:
    """Whether text[start:end] outside the non-phone shapes could hold MIN_DIGITS digits.

    Every shape holds a digit, so it blocks a group, and groups of one run lie
    between two shapes; each digit a group stands for is written with at least
    one letter or digit of its own. So a stretch with fewer letters and digits
    than a number has digits cannot hold one, whatever the groups turn out to be.
    """
    piece_start = start
    for span_start, span_end in [*shapes.spans, (end, end)]:
        piece_end = min(span_start, end)
        if piece_end - piece_start >= MIN_DIGITS and (
            len(_ALNUM.findall(text, piece_start, piece_end)) >= MIN_DIGITS
        ):
            return True
        piece_start = max(piece_start, span_end)
        if piece_start >= end:
            break
    return False


# A spelled digit and one group of digits, the whole of a code-shaped span.
_SPELLED_THEN_DIGITS = re.compile(r"[^\W\d_]{2,10}-\d{2,4}")


def blocked_groups(text: str, groups: list[Group], shapes: NonPhoneShapes | None) -> set[int]:
    """Indices of groups that are part of a price, date, time, measure or quantity.

    ``shapes``: found already, if they were (used only if they cover the same stretch).
    """
    lo = max(0, groups[0].start - _SHAPE_MARGIN)
    hi = min(len(text), groups[-1].end + _SHAPE_MARGIN)
    if shapes is None or (shapes.lo, shapes.hi) != (lo, hi):
        shapes = non_phone_shapes(text, groups[0].start, groups[-1].end)
    blocked: set[int] = set()
    # A code's letters that are a spelled digit of the run are digits: "cinco-3423" ends
    # "(71) nove seis sete cinco cinco-3423", no order number like "ORD-3423".
    spelled_starts = {
        group.start for group in groups if not group.plain and group.end - group.start > 1
    }
    spans = iter(
        span
        for span in shapes.spans
        if not (span[0] in spelled_starts and _SPELLED_THEN_DIGITS.fullmatch(text, *span))
    )
    span = next(spans, None)
    # Groups and spans both come in text order: one sweep, not groups x spans.
    for index, group in enumerate(groups):
        while span is not None and span[1] <= group.start:
            span = next(spans, None)
        in_span = span is not None and span[0] < group.end
        if in_span or (len(group.digits) <= _QUANTITY_MAX_DIGITS and _is_quantity(text, group)):
            blocked.add(index)
        elif _ends_thousands_before_unit(text, groups, index):
            # "318 000 000 ₽": the amount's groups of three, back to its first.
            blocked.add(index)
            before = index - 1
            while before >= 0 and _thousands_gap(text, groups[before], groups[before + 1]):
                blocked.add(before)
                if len(groups[before].digits) < 3:
                    break
                before -= 1
    return blocked


# Between the groups of an amount written with thousands separators: one space (or a
# no-break or thin space), a dot or an apostrophe, and three digits after it.
_THOUSANDS_SEPARATORS = frozenset(" \u00a0\u202f\u2009.'’")


def _ends_thousands_before_unit(text: str, groups: list[Group], index: int) -> bool:
    """The group is the last "000" of an amount with its currency or unit after it;
    a leading zero keeps _is_quantity from saying so ("1 500 000 ₽")."""
    group = groups[index]
    return (
        len(group.digits) == 3
        and group.plain
        and index > 0
        and _thousands_gap(text, groups[index - 1], group)
        and _UNIT_AFTER.match(text, group.end) is not None
    )


def _thousands_gap(text: str, before: Group, after: Group) -> bool:
    return (
        after.start - before.end == 1
        and text[before.end] in _THOUSANDS_SEPARATORS
        and len(after.digits) == 3
        and before.plain
        and len(before.digits) <= 3
    )


def _is_quantity(text: str, group: Group) -> bool:
    if len(group.digits) > 1 and group.digits[0] == "0":
        return False  # prices and sizes are not written with a leading zero
    return bool(
        _CURRENCY_BEFORE.search(text, max(0, group.start - 2), group.start)
        or _UNIT_AFTER.match(text, group.end)
        or (not group.tight_before and _AMBIGUOUS_UNIT_AFTER.match(text, group.end))
    )


def has_id_cue(text: str, start: int) -> bool:
    """An order / listing / reference cue sits right before ``start``."""
    lo = max(0, start - _CUE_WINDOW)
    # The cue patterns end in a run of separators; finding where it begins by hand
    # lets each search try a few positions instead of the whole 40-character window.
    word_end = start
    while word_end > lo and (
        text[word_end - 1].isspace() or text[word_end - 1] in _ID_CUE_SEPARATORS
    ):
        word_end -= 1
    cue = _ID_CUE.search(text, max(lo, word_end - _LONGEST_CUE_WORD - _NR_SUFFIX), start)
    if cue is None and word_end < start and text[word_end] in "#№:=" and word_end > lo:
        # The cue may have one word of its own ("ID ogłoszenia: ...", "Order number: "),
        # unless that word is a phone's; only looked for when a label's mark is there.
        at = max(lo, word_end - _LONGEST_CUE_WORD - _OWN_WORD)
        cue = _ID_CUE_AND_WORD.search(text, at, start)
    if cue is not None:
        # "Number on ad: 305.555.0163": the identifier word says where the number was
        # written, the phone word before it what the number is.
        lookback = max(0, cue.start() - _PHONE_WORD_REACH)
        return _PHONE_WORD_BEFORE_CUE.search(text, lookback, cue.start()) is None
    hash_end = start
    while hash_end > lo and (text[hash_end - 1].isspace() or text[hash_end - 1] == ":"):
        hash_end -= 1
    # "#", "№", and the "n°" / "nº" of French, Spanish, Italian and Portuguese.
    numero = hash_end - lo >= 2 and text[hash_end - 1] in "°º" and text[hash_end - 2] in "nN"
    if hash_end == lo or (text[hash_end - 1] not in "#№" and not numero):
        return False
    return not _PHONE_WORD_BEFORE_HASH.search(text, lo, start)


# Pagination ("1 2 3 4 5 6 7 8 9 10") spells valid numbers; phones often hold a
# short ascending run ("555-0123" written digit by digit), so only longer runs count.
_COUNTING_RUN = 5
# Groups besides the count that pagination may hold ("« 1 2 3 4 5 6 7 »", "... 9 10 42").
_OTHER_GROUPS_BESIDE_A_COUNT = 2


def is_counting(groups: list[Group]) -> bool:
    """Groups counting up by one: pagination, a list, a table.

    Only groups written as digits count: nobody spells out pagination, and a number
    spelled out digit by digit may well hold "one two three four five". And the count
    must be (nearly) all of the groups: pagination is nothing but the count, where
    "0 7 9 1 1 1 2 3 4 5 6" is a number written digit by digit that ends in one."""
    run = longest = 1
    for prev, cur in itertools.pairwise(groups):
        counting = prev.plain and cur.plain and int(cur.digits) == int(prev.digits) + 1
        run = run + 1 if counting else 1
        longest = max(longest, run)
    return longest >= max(_COUNTING_RUN, len(groups) - _OTHER_GROUPS_BESIDE_A_COUNT)


# Every digit in order: the placeholder forms and pages fill in ("1234 5678 90",
# "+44 1234 567890"), never a number anyone was given.
_PLACEHOLDER_DIGITS = ("1234567890", "0123456789")


def is_placeholder(groups: list[Group]) -> bool:
    digits = "".join(group.digits for group in groups)
    return any(run in digits for run in _PLACEHOLDER_DIGITS)


def tainted(text: str, groups: list[Group]) -> set[int]:
    """Groups that are part of a longer token rather than of a number: glued to
    letters ("ID512", "120lbs", hex), or hyphenated into one that is
    ("alf94-3-82-66-248-160.fbx" in a host name, "aes_4_128")."""
    bad: set[int] = set()
    for index, group in enumerate(groups):
        before_is_neighbour = index > 0 and groups[index - 1].end == group.start
        after_is_neighbour = index + 1 < len(groups) and groups[index + 1].start == group.end
        glued_before = group.start > 0 and text[group.start - 1].isalnum()
        glued_after = group.end < len(text) and text[group.end].isalnum()
        glued = (glued_before and not before_is_neighbour) or (
            glued_after and not after_is_neighbour
        )
        # ... unless the letters are the neighbouring group's ("555-Ol23").
        next_adjacent = index + 1 < len(groups) and groups[index + 1].start == group.end + 1
        previous_adjacent = index > 0 and groups[index - 1].end == group.start - 1
        hyphenated = (
            not previous_adjacent
            and _JOINED_TO_WORD_BEFORE.search(text, max(0, group.start - 2), group.start)
        ) or (not next_adjacent and _JOINED_TO_WORD_AFTER.match(text, group.end))
        if glued or hyphenated:
            bad.add(index)
    # The taint spreads along "-", "_" and "." written without spaces: one token.
    for index in range(1, len(groups)):
        if index - 1 in bad and _joined(text, groups[index - 1], groups[index]):
            bad.add(index)
    for index in range(len(groups) - 2, -1, -1):
        if index + 1 in bad and _joined(text, groups[index], groups[index + 1]):
            bad.add(index)
    return bad


_JOINED_TO_WORD_BEFORE = re.compile(r"[^\W\d_][_\-]$")
# ".fbx" (a host name) but not ".Thanks" (a sentence typed without a space); and a
# token after a colon: a Telegram bot's token is its id, ":" and 35 characters
# ("6123456789:AAHf...").
# ".WUen9Xd3@" (a Message-ID's random part) as well; ".THANKS" is rarer than that.
_JOINED_TO_WORD_AFTER = re.compile(r"[_\-][^\W\d_]|\.[a-z]|\.[A-Z][A-Z0-9]|:[\w\-]{20}")


def _joined(text: str, left: Group, right: Group) -> bool:
    return right.start - left.end == 1 and text[left.end] in "-_."

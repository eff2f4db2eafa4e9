"""Phone numbers, plain or obfuscated the way escort and vendor ads write them.

The text is scanned for digit clusters (tokens.py), and only those are read:
groups that are prices, dates, measures or glued to letters are cut out
(context.py), whole groups are assembled into candidate digit strings, and
phonenumbers decides which are valid numbers (numbers.py). Where several
readings overlap, the one whose ends fall on the clearest boundaries wins.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType

from extractors import kinds
from extractors.base import DEFAULT_OPTIONS, ExtractOptions, Family, Match
from extractors.phones import context
from extractors.phones.numbers import MAX_DIGITS, Number, Reading, is_country_code, read_number
from extractors.phones.regions import (
    dialled,
    line_regions,
    page_elsewhere,
    page_regions,
    region_counts,
    region_of,
    regions_named_once,
    row_region,
    supported,
)
from extractors.phones.tokens import MIN_DIGITS, Group, cluster_spans, read_groups

CONFIDENCE_PLAIN = 0.95
CONFIDENCE_OBFUSCATED = 0.8
# Valid, but read without a "+" or with an end in the middle of a run of digits.
CONFIDENCE_GUESSED = 0.7

# How clearly a number may begin or end between two groups.
_NO_BOUNDARY = 0  # "5 1 2": inside a run of single obfuscated digits
_WEAK_BOUNDARY = 1  # "512 555": between formatted groups, or a wide gap
_STRONG_BOUNDARY = 2  # edge of a run, a filler word, a "+", a line break


@dataclass(frozen=True, slots=True)
class _Candidate:
    first: int
    last: int
    number: Number
    score: int
    digit_count: int
    # Ends inside a run of single obfuscated digits ("5 1 2 5 ..."): a guess.
    cuts_run: bool


def find(text: str, options: ExtractOptions = DEFAULT_OPTIONS) -> Iterator[Match]:
    found: list[Match] = []
    # Runs that are no number in the default region but may be one elsewhere: read
    # last, once the page's numbers with a country code are known.
    national: list[list[Group]] = []
    # On a page about another country only, numbers read in the default region are
    # read there first (kept here with the default reading to fall back on).
    elsewhere: tuple[str, ...] | None = None
    read_elsewhere: list[tuple[list[Group], list[Match]]] = []
    # A one-byte test: rows with a country cell need delimiters (see row_region).
    in_table = "," in text or "\t" in text or ";" in text or "|" in text
    for start, end in cluster_spans(text):
        if context.is_one_non_phone(text, start, end):
            continue  # "2025-05-18", "10:00-22:00": decided before reading groups
        shapes = context.shapes_before_reading(text, start, end)
        if shapes is not None and not context.room_for_a_number(text, start, end, shapes):
            continue  # "user_43 2024-03-13 #15": read no groups around a date
        groups = read_groups(text, start, end)
        if sum(len(g.digits) for g in groups) < MIN_DIGITS:
            continue
        for run in _clean_runs(text, groups, shapes):
            in_default = list(_numbers_in_run(text, run, options.default_region))
            if in_default and not any(dialled(m) for m in in_default):
                row = row_region(text, run[0].start) if in_table else None
                if row is not None and row != options.default_region:
                    # The row's country cell says whose the number is.
                    in_row = list(_numbers_in_run(text, run, row))
                    if in_row:
                        found += in_row
                        continue
                if _trunk_zero_left_out(run, in_default):
                    # "oh double seven two ...": read without its "oh", a number at
                    # home; with it, a national one of the country the page names.
                    read_elsewhere.append((run, in_default))
                    continue
                spoken = _spoken_in(run)
                if spoken and not _read_where_spoken(in_default, spoken):
                    # Spelled in a language not spoken in the default region ("tre
                    # quattro sette ..."): a number of where it is spoken first.
                    read_elsewhere.append((run, in_default))
                    continue
                if elsewhere is None:
                    elsewhere = page_elsewhere(text, options.default_region)
                if elsewhere:
                    read_elsewhere.append((run, in_default))
                    continue
            found += in_default
            national += [rest for rest in _left_over(run, in_default) if _national_elsewhere(rest)]
    if read_elsewhere:
        # Counted once a page: each count reads the whole page. The countries of the
        # page's dialled numbers count as its mentions: a Medellín chat's "+57 311 ..."
        # senders make its "tres dos uno ..." Colombian, not Mexican.
        dialled_regions = supported(region_of(m.value) for m in found if dialled(m))
        page = elsewhere or page_regions(text, options.default_region, dialled_regions)
        for run, in_default in read_elsewhere:
            guessed = _in_regions_the_page_names(text, run, _regions_for(text, run, page))
            found += guessed or in_default
    if national:
        found += _national_numbers(text, national, found, options.default_region)
    if national or read_elsewhere:
        found.sort(key=lambda match: match.start)
    yield from found


def _national_numbers(
    text: str, runs: list[list[Group]], found: list[Match], default_region: str
) -> list[Match]:
    """Numbers written the national way of a country other than the default region.

    The region is a guess, tried in this order: what the number's own line names (a
    flag, "(RO sim)", a city), then the countries the page names, those of its numbers
    written with a country code first ("+234 905 ..." beside "0803 ...": a Nigerian
    page about jobs in Italy names Italy more often than Nigeria). Each such number
    counts as one mention of its country.
    """
    # Each dialled number's country and line, read once (a parse each).
    dialled_numbers = [
        (text.rfind("\n", 0, number.start) + 1, region_of(number.value))
        for number in found
        if dialled(number)
    ]
    dialled_regions = supported(region for _, region in dialled_numbers)
    counts = region_counts(text)
    named = page_regions(text, default_region, dialled_regions, counts)
    # The country most of the page's dialled numbers are of first: a Nigerian madam's
    # chat dials two Nigerian numbers and her brother's in Italy. Only among countries
    # the page names: one French number dialled on a French page about Brussels says
    # nothing about the Belgian one.
    mentioned = page_regions(text, default_region, dialled_regions, counts, by_writing=False)
    dialled_counts = Counter(dialled_regions)
    dialled_first = sorted(
        (region for region in dialled_counts if region in mentioned),
        key=lambda r: -dialled_counts[r],
    )
    page = tuple(dict.fromkeys((*dialled_first, *named)))
    # "Info la 072 803 5048 sau WhatsApp +40 728 035 048": a number with its country
    # code on the same line says whose the other one is, before anything the page names.
    dialled_on_line: dict[int, list[str]] = {}
    for line, region in dialled_numbers:
        dialled_on_line.setdefault(line, []).append(region)
    named_once = regions_named_once(counts, default_region)
    numbers: list[Match] = []
    for run in runs:
        beside = dialled_on_line.get(text.rfind("\n", 0, run[0].start) + 1, ())
        row = row_region(text, run[0].start)
        regions = _regions_for(text, run, page, (*((row,) if row else ()), *beside))
        if run[0].digits[0] == "0":
            regions = tuple(dict.fromkeys((*regions, *named_once)))
        numbers += _in_regions_the_page_names(text, run, regions)
    return numbers


def _regions_for(
    text: str, run: list[Group], page: tuple[str, ...], beside: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """What the run's own line names first (and the countries of the numbers dialled
    beside it), then where the language the digits are spelled in is spoken (the page's
    regions among those first), then the page's."""
    trunk = run[0].digits[0] == "0"
    own = (*line_regions(text, run[0].start, run[-1].end, trunk), *beside)
    spoken = _spoken_in(run)
    if not spoken:
        return tuple(dict.fromkeys((*own, *page)))
    speaking_pages = [region for region in page if region in spoken]
    return tuple(dict.fromkeys((*own, *speaking_pages, *spoken, *page)))


def _trunk_zero_left_out(run: list[Group], numbers: list[Match]) -> bool:
    """Whether the run opens with a spelled zero ("oh", "zero") that the numbers read in
    the default region leave out."""
    first = run[0]
    return first.digits == "0" and not first.plain and all(n.start > first.start for n in numbers)


def _read_where_spoken(numbers: list[Match], spoken: tuple[str, ...]) -> bool:
    """Whether numbers read in the default region belong to a region where the language
    of their spelled digits is spoken (a Dominican "ocho dos nueve ..." is +1 829)."""
    return all(region_of(number.value) in spoken for number in numbers)


def _spoken_in(run: list[Group]) -> tuple[str, ...]:
    """Where the languages the run's spelled groups are written in are spoken."""
    return tuple(dict.fromkeys(region for group in run for region in group.spoken_in))


def _left_over(run: list[Group], numbers: list[Match]) -> list[list[Group]]:
    """The stretches of a run that no number found in it covers ("0803 216 4409" in
    "0803 216 4409 or +234 905 718 2046")."""
    if not numbers:
        return [run]
    stretches: list[list[Group]] = [[]]
    spans = iter(sorted((number.start, number.end) for number in numbers))
    span = next(spans)
    for group in run:  # groups and spans both in text order: one sweep
        while span is not None and span[1] <= group.start:
            span = next(spans, None)
        if span is not None and span[0] <= group.start:
            stretches.append([])
        else:
            stretches[-1].append(group)
    return [stretch for stretch in stretches if stretch]


def _national_elsewhere(run: list[Group]) -> bool:
    """Digits that may hold a national number of another country, when they were no
    number in the default region: a trunk "0" then 8 to 11 digits ("07911 123456"),
    also where one run holds two numbers ("0722 987 654 or 0110 482 375"), or 9 to 11
    digits without one (Spain's 9, the 10 of Mexico, Colombia or Italy's mobiles,
    Brazil's 11)."""
    length = sum(len(group.digits) for group in run)
    if length < 9:
        return False
    trunk = any(group.digits[0] == "0" and group.digits[1:2] != "0" for group in run)
    if trunk or length <= 11:
        return True
    # Or a part of the run, after a word or a change of writing: "28 — έξι εννιά ..."
    # is an age and a number spelled after it.
    for before, after in itertools.pairwise(run):
        length -= len(before.digits)
        if length < 9:
            return False
        if length <= 11 and _opens_part_by_writing(before, after):
            return True
    return False


def _in_regions_the_page_names(
    text: str, run: list[Group], regions: tuple[str, ...]
) -> list[Match]:
    # The region is read off the page's words, not written with the number: a guess.
    # So the number must also stand apart in the run: a stretch cut out of a longer
    # row of groups ("9400 8587 7758 0405 5493 12", a parcel's tracking number) is
    # some other identifier that happens to be valid somewhere.
    parts = [pair for pair in itertools.pairwise(run) if _opens_part(text, *pair)]
    starts = {run[0].start} | {after.start for before, after in parts}
    ends = {run[-1].end} | {before.end for before, after in parts}
    group_starts = [group.start for group in run]
    # "WhatsApp 0802 263 8885" on a page about Italy is a Nigerian mobile, not a landline
    # in Bari: a messenger needs a mobile, so a landline reading waits for a mobile one.
    start, end = run[0].start, run[-1].end
    messenger = _MESSENGER_BEFORE.search(
        text, max(0, start - _MESSENGER_REACH), start
    ) or _MESSENGER_AFTER.match(text, end)
    landline: list[Match] = []
    for region in regions:
        found = [
            m
            for m in _numbers_in_run(text, run, region)
            if _group_start_at(group_starts, m.start) in starts and m.end in ends
        ]
        if found and messenger is not None and not all(map(_is_mobile, found)):
            landline = landline or found
            continue
        if found:
            return _guessed(found)
    return _guessed(landline)


_MESSENGER_BEFORE = re.compile(
    r"\b(?i:whats\s?app|viber|telegram|signal|sms|text|txt|zap|wa)\b[^\n]*$"
)
_MESSENGER_AFTER = re.compile(r"[^\n]{0,40}?\b(?i:whats\s?app|viber|telegram|signal|sms|zap)\b")
_MESSENGER_REACH = 60


def _is_mobile(number: Match) -> bool:
    kind = phonenumbers.number_type(phonenumbers.parse(number.value))
    return kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _guessed(found: list[Match]) -> list[Match]:
    return [
        Match(m.kind, m.value, m.raw, m.start, m.end, CONFIDENCE_GUESSED, m.extractor)
        for m in found
    ]


def _opens_part(text: str, before: Group, after: Group) -> bool:
    """Whether a run's group begins a part of its own: after a word, a line break or a
    table's cell border, or where the writing changes from digits to spelled ones."""
    return _opens_part_by_writing(before, after) or "|" in text[before.end : after.start]


def _opens_part_by_writing(before: Group, after: Group) -> bool:
    return (
        after.word_before
        or after.newline_before
        or (before.plain and not after.plain and not after.tight_before)
    )


def _group_start_at(group_starts: list[int], start: int) -> int:
    """The start of the first group at or after ``start`` (a match may begin with the
    "(" before its first group)."""
    at = bisect_left(group_starts, start)
    return group_starts[at] if at < len(group_starts) else start


def _clean_runs(
    text: str, groups: list[Group], shapes: context.NonPhoneShapes | None
) -> Iterator[list[Group]]:
    """Split a cluster at sentence breaks and at groups that cannot be phone digits."""
    bad = context.blocked_groups(text, groups, shapes)
    # Most clusters that get this far are a date or price between other numbers;
    # when those alone leave no stretch long enough for a number, more cuts cannot.
    if not _room_for_a_number(groups, bad):
        return
    bad |= context.tainted(text, groups)
    run: list[Group] = []
    for index, group in enumerate(groups):
        if index in bad or group.break_before:
            if run:
                yield from _without_weak_ends(run)
            run = []
        if index not in bad:
            run.append(group)
    if run:
        yield from _without_weak_ends(run)


def _without_weak_ends(run: list[Group]) -> Iterator[list[Group]]:
    """The run without the weak words at its ends, which no number begins or ends with:
    in "nine three nine — I don't" the "I" would make the number end inside the run."""
    first, last = 0, len(run)
    while first < last and run[first].weak:
        first += 1
    while last > first and run[last - 1].weak:
        last -= 1
    if first < last:
        yield run[first:last] if last - first < len(run) else run


def _room_for_a_number(groups: list[Group], bad: set[int]) -> bool:
    """Whether some stretch of groups between ``bad`` ones and sentence breaks holds
    MIN_DIGITS digits, the fewest any number has."""
    digits = 0
    for index, group in enumerate(groups):
        if index in bad or group.break_before:
            digits = 0
        if index not in bad:
            digits += len(group.digits)
            if digits >= MIN_DIGITS:
                return True
    return False


def _numbers_in_run(text: str, run: list[Group], region: str) -> Iterator[Match]:
    boundaries = [_STRONG_BOUNDARY] + [_boundary(a, b) for a, b in itertools.pairwise(run)]
    boundaries.append(_STRONG_BOUNDARY)  # after the last group
    first_free = _after_cued_identifier(text, run)
    candidates = list(_candidates(run, boundaries, region, first_free))
    taken = [False] * len(run)
    chosen: list[Match] = []
    for cand in sorted(candidates, key=_preference):
        if any(taken[cand.first : cand.last + 1]):
            continue
        match = _to_match(text, run, cand)
        if match is not None:
            taken[cand.first : cand.last + 1] = [True] * (cand.last + 1 - cand.first)
            chosen.append(match)
    yield from sorted(chosen, key=lambda m: m.start)


def _preference(cand: _Candidate) -> tuple[int, bool, int, int]:
    """Clearest boundaries first, then a "+"/national reading, then the longest."""
    bare = cand.number.reading is Reading.BARE_COUNTRY_CODE
    return (-cand.score, bare, -cand.digit_count, cand.first)


def _after_cued_identifier(text: str, run: list[Group]) -> int:
    """Index of the first group not part of an identifier the run starts with.

    "Tracking: 9400 1446 3632 4429 6987 12" holds a valid number in its tail; the
    cue covers every group written tight after it, up to a word or a wider gap.
    """
    if not context.has_id_cue(text, run[0].start):
        return 0
    index = 1
    while index < len(run) and run[index].tight_before and not run[index].word_before:
        index += 1
    return index


def _boundary(before: Group, after: Group) -> int:
    if after.word_before or after.plus_before or after.newline_before:
        return _STRONG_BOUNDARY
    if after.spaced_before or len(before.digits) > 1 or len(after.digits) > 1:
        return _WEAK_BOUNDARY
    return _NO_BOUNDARY


def _candidates(
    run: list[Group], boundaries: list[int], region: str, first_free: int
) -> Iterator[_Candidate]:
    for first in range(first_free, len(run)):
        group = run[first]
        if boundaries[first] == _NO_BOUNDARY or group.weak:
            continue
        plus = group.plus_before
        # Without "+", a country code is believable all in one run of digits
        # ("447911123456") or as a group of its own ("44 7911 123456").
        cc_group = len(group.digits) <= 3 and is_country_code(group.digits)
        digits = ""
        part = 0  # digits since the last filler word
        # Spelled digits in the part since the filler: "0978 (Zalo) sáu chín một 855"
        # is written to dodge filters, not two numbers a word happens to join.
        part_spelled = False
        has_filler = False
        tight = True  # written as one formatted number so far
        for last in range(first, len(run)):
            if last > first and run[last].plus_before:
                break
            tight = tight and (last == first or run[last].tight_before)
            if last > first and run[last].word_before:
                if not (part_spelled or _chunk_sized(part)):
                    break
                has_filler, part, part_spelled = True, 0, False
            digits += run[last].digits
            part += len(run[last].digits)
            part_spelled = part_spelled or not run[last].plain
            if len(digits) > MAX_DIGITS:
                break
            if run[last].weak or (has_filler and not (part_spelled or _chunk_sized(part))):
                continue
            # No number is shorter; checked here so that the cache behind read_number
            # keeps real candidates instead of filling up with every short prefix.
            if len(digits) < MIN_DIGITS:
                continue
            bare_allowed = last == first or (cc_group and tight)
            number = read_number(digits, plus, region, bare_allowed)
            if number is not None:
                after = boundaries[last + 1]
                score = boundaries[first] + after
                yield _Candidate(first, last, number, score, len(digits), after == _NO_BOUNDARY)


def _chunk_sized(digits: int) -> bool:
    """Whether a stretch between filler words looks like a piece of a phone number.

    "512 call 555 me 0123" is written in pieces of 3 and 4 digits; "524287 eval in
    1896" or "TS 18661-3:2014 and" are other numbers that words happen to join.
    """
    return 2 <= digits <= 4 or digits >= 7


# A number written the way phones are, whatever label is before it: "Ad number: (312)
# 555-0130" on a review board is the ad's phone; "Ad number: 88231907" is the ad's id.
_AREA_CODE_IN_BRACKETS = re.compile(r"\(\d{2,4}\)[ \t]?\d{3}[ \t.-]\d{4}(?!\d)")


def _to_match(text: str, run: list[Group], cand: _Candidate) -> Match | None:
    groups = run[cand.first : cand.last + 1]
    start, end = groups[0].start, groups[-1].end
    if groups[0].plus_before:
        start = _plus_position(text, start)
    if start > 0 and text[start - 1] == "(" and ")" in text[start:end]:
        start -= 1
    written_as_phone = text.startswith("+", start) or _AREA_CODE_IN_BRACKETS.match(text, start)
    if (
        (not written_as_phone and context.has_id_cue(text, start))
        or context.is_counting(groups)
        or context.is_placeholder(groups)
    ):
        return None
    if _breaks_nanp_grouping(groups, cand.number):
        return None
    plain = all(g.plain for g in groups) and all(
        g.tight_before and len(g.digits) > 1 for g in groups[1:]
    )
    if cand.number.reading is Reading.BARE_COUNTRY_CODE or cand.cuts_run:
        confidence = CONFIDENCE_GUESSED
    else:
        confidence = CONFIDENCE_PLAIN if plain else CONFIDENCE_OBFUSCATED
    return Match(
        kind=kinds.PHONE,
        value=cand.number.e164,
        raw=text[start:end],
        start=start,
        end=end,
        confidence=confidence,
        extractor="phones.plain" if plain else "phones.obfuscated",
    )


def _breaks_nanp_grouping(groups: list[Group], number: Number) -> bool:
    """A North American number in plain digit groups is grouped 3-3-4 ("512 555 0123",
    "1-512-555-0123", at most "512 555 01 23"); "30199 -> 37361" or "80 642 76 642"
    are other numbers.

    Runs of single digits ("5 1 2 5 ...") are obfuscation, not grouping, and are left
    alone; so are numbers of other countries, whose groupings vary too much.
    """
    if not number.e164.startswith("+1") or len(groups) == 1:
        return False
    if not all(g.plain for g in groups) or any(len(g.digits) < 2 for g in groups[1:]):
        return False
    national_start = sum(len(g.digits) for g in groups) - 10
    position = 0
    for group in groups[:-1]:
        position += len(group.digits)
        if 0 < position - national_start < 10 and position - national_start not in (3, 6, 8):
            return True
    return False


def _plus_position(text: str, start: int) -> int:
    """Where the "+" written before a group is (it is in the gap right before it)."""
    for pos in range(start - 1, max(-1, start - 8), -1):
        if text[pos] in "+\uff0b":
            return pos
        if text[pos].isalnum():
            break
    return start


FAMILY = Family(name="phones", kinds=frozenset({kinds.PHONE}), find=find)

"""Aliases that a listing's layout gives away: vendor tables, lists of vendors or ladies,
a vendor header with its rating and an ad title that opens with a name and an age.

    Vendor | Rating | Sales      vendor_id,vendor_name       Top 5 vendors this month:
    DrKush | 4.9    | 1,203      4471,DrKush                 1. DrKush
                                                             2. PepperNitroNL
    DrKush (98.5%) | Level 5     Our ladies this week        Banned accounts:
    Ivy 💋 26                    - Ingrid (24) - Thai        green_guru, StonedSailor

    👸 Aom – Bangkok (Sukhumvit 22) – 22y – 165cm           (a roster line with an age)

Most pages have none of these. Tables and lists are looked for only on lines where
str.find has seen a heading word, and the other shapes open with a literal or sit behind
one, so the cost on other pages is a few scans in C.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.aliases import lexicon
from extractors.aliases.cues import Candidate
from extractors.aliases.given_names import is_given_name
from extractors.lines import LinePattern
from extractors.tables import labelled_cells, line_end_at, lines_holding

TABLE_CONFIDENCE = 0.8
LIST_CONFIDENCE = 0.65
RATED_HEADER_CONFIDENCE = 0.7
AGED_TITLE_CONFIDENCE = 0.6

_HANDLE = r"[^\W_][\w.\-']{0,30}[^\W_]|[^\W_]"

# Column headings whose cells are aliases, and the words each of them contains.
_COLUMN_LABELS = frozenset(
    {
        "vendor", "vendors", "vendor name", "vendor_name", "seller", "sellers", "seller_name",
        "user", "username", "user_name", "alias", "nick", "nickname", "handle", "author",
        "display_name", "screen_name", "stage_name", "working_name", "working name",
    }
)  # fmt: skip
# Columns of people's names ("name", "girl"): a product or a city has a name too, so
# these are read only where they hold given names.
# A dispatch sheet's drivers are named in theirs ("| hora | chofer | cel |").
_NAME_COLUMN_LABELS = frozenset(
    {
        "name", "first_name", "firstname", "first name", "girl", "model", "nombre", "nome",
        "imię", "imie", "nume", "jméno", "jmeno", "név", "имя", "ім'я", "naam", "nama", "isim",
        "driver", "chofer", "conductor", "motorista", "autista", "șofer", "sofer", "kierowca",
        "водитель", "водій",
    }
)  # fmt: skip
_COLUMN_LABEL_STEMS = (
    "vendor", "seller", "user", "alias", "nick", "handle", "author", "name", "girl", "model",
    "nombre", "nome", "imi", "working", "display", "screen", "stage", "nume", "jm", "név",
    "имя", "ім'я", "naam", "nama", "isim", "driver", "chofer", "conductor", "motorista",
    "autista", "șofer", "sofer", "kierowca", "водит", "водій",
)  # fmt: skip
_LABELS = "|".join(_COLUMN_LABEL_STEMS)
_LINE_OPENING_LABEL = re.compile(rf"\n[ \t]*(?:{_LABELS})", re.IGNORECASE)
_COMMA_LABEL = re.compile(rf",(?:{_LABELS})", re.IGNORECASE)
_DELIMITED_LABEL = re.compile(rf"[|\t;][ \t]*(?:{_LABELS})", re.IGNORECASE)

# A heading over a list of people or shops.
_LIST_HEADING = re.compile(
    r"\b(?:vendors|sellers|shops|stores|ladies|girls|models|escorts|companions|members|"
    r"accounts|(?:vendor|seller|shop)[ \t]+list)\b",
    re.IGNORECASE,
)
# The shapes a line can open with, in one pattern so each line is tried once:
# a list item "1. DrKush", "- Ingrid (24) - Thai" or without a bullet "DrKush - MDMA";
# a comma list "green_guru, StonedSailor"; an ad title "Ivy 💋 26", a name, an emoji or
# two (not ASCII punctuation: "Gelato | 20" is a table row) and an adult's age.
#
# Here a handle is runs of letters and digits joined by "_", ".", "-" or "'", matched
# possessively: on a prose line the first word is read once, not again at every length
# for each shape. (Length is checked afterwards by the lexicon.)
_LINE_HANDLE = r"[^\W_]++(?:[_.\-']++[^\W_]++)*+"
_EMOJI = lexicon.EMOJI
# What stands between a name and an age in an ad's title: those, or a bullet ("Jade • 21
# • Exotic"); not a currency sign ("Counterfeit 50€ notes").
_AGE_MARK = rf"(?:{_EMOJI}|[•·])"
_LINE_SHAPES = LinePattern.compile(
    rf"[ \t]*+(?:(?:\d{{1,2}}[.)]|[-*•·])[ \t]+(?P<item>{_LINE_HANDLE})"
    r"[ \t]*(?=$|[(|:,]|[-–—][ \t])"
    rf"|(?P<first>{_LINE_HANDLE})(?:"
    r"(?P<rated>)[ \t]*\((?:\d{1,3}(?:[.,]\d{1,2})?[ \t]?%|\d(?:[.,]\d{1,2})?[ \t]?/[ \t]?5)\)"
    rf"|(?P<aged>)(?:[ \t]*{_AGE_MARK}{{1,8}}[ \t]*(?:1[89]|[2-5]\d)(?!\w)"
    rf"|[ \t]+(?:1[89]|[2-5]\d)[ \t]*{_AGE_MARK})"
    rf"|(?P<commas>(?:[ \t]*,[ \t]*{_LINE_HANDLE})+)[ \t]*\.?[ \t]*$"
    r"|[ \t]*(?=[(|:]|[-–—][ \t])))"
)
_LIST_ENTRY = re.compile(_HANDLE)
# A roster line: a name, a dash, then the lady's details with her age among them.
#   👸 Aom – Bangkok (Sukhumvit 22) – 22y – 165cm       • Linh | HCMC District 1 | 21 yo
_ROSTER_AGE = rf"(?:1[89]|[2-5]\d)[ \t]?{lexicon.AGE_UNITS}"
_ROSTER_LINE = LinePattern.compile(
    r"[ \t]*+(?:[\u2600-\u27bf\ufe0f\u200d\U0001f000-\U0001faff]+[ \t]*|[-*•·][ \t]+)?"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,15})[ \t]+[-–—|][ \t]+"
    rf"[^\n]{{0,60}}?(?<![\w.]){_ROSTER_AGE}(?![^\W\d_])"
)


# A directory's card: her name alone on a line after a blank one, her details under it
# with her age among them.
#
#     Mila
#     1070 Wien · 23 J. · 165 cm · ab 150 €
_CARD_NAME = LinePattern.compile(
    r"[ \t]*+(?P<name>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,15}(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,15})?)[ \t]*\n"
    rf"[^\n]{{0,60}}?(?<![\w.])(?:1[89]|[2-5]\d)[ \t]?(?:{lexicon.AGE_UNITS}|J\.|г\.)"
    r"(?![^\W\d_])"
)


# A name with her age in brackets, and a flag or emoji beside it (or a known given name):
# "Fern 🇹🇭 (21) · Ploy 🇹🇭 (23)", "Aom (22) 🇹🇭 —". "Reviews (24)" counts something.
# The bracketed age is found first (a literal the engine skips to), the name before it
# then read from a short window: a scan from every capital costs several times more.
_BRACKETED_AGE = re.compile(r"\((?:1[89]|[2-5]\d)\)")
_NAME_BEFORE_AGE = re.compile(
    rf"(?<![^\W\d_])(?P<name>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{{2,15}})(?P<before>(?:[ \t]*{_EMOJI})+)?[ \t]*$"
)
_EMOJI_AFTER_AGE = re.compile(rf"[ \t]*{_EMOJI}")
_NAME_REACH = 48


def find_listing_aliases(text: str) -> Iterator[Candidate]:
    yield from _table_cells(text)
    yield from _line_shapes(text)
    if "(" in text:
        for age in _BRACKETED_AGE.finditer(text):
            found = _NAME_BEFORE_AGE.search(text, max(0, age.start() - _NAME_REACH), age.start())
            if found is None:
                continue
            flagged = found.group("before") or _EMOJI_AFTER_AGE.match(text, age.end())
            if flagged or is_given_name(found.group("name")):
                yield from candidate_from_match(found, AGED_TITLE_CONFIDENCE, "name_age")
    for line in _ROSTER_LINE.finditer(text):
        yield from candidate_from_match(line, AGED_TITLE_CONFIDENCE, "roster_line")
    for card in _CARD_NAME.finditer(text):
        name_start = card.start("name")
        line_start = text.rfind("\n", 0, name_start) + 1
        if line_start < 2 or text[line_start - 2] == "\n":  # a blank line (or none) before
            yield from candidate_from_match(card, AGED_TITLE_CONFIDENCE, "card_name")


def _table_cells(text: str) -> Iterator[Candidate]:
    """Cells under an alias column heading, down to the first row that is not the table's."""
    names: list[tuple[str, int]] = []
    for column, value, at in labelled_cells(text, _heading_cell_lines(text), _alias_column):
        if column == "name":
            names.append((value, at))
        # A column heading says what its cells are, so no name shape is asked of them.
        elif _acceptable(value):
            yield Candidate(value, at, at + len(value), TABLE_CONFIDENCE, "table")
    # A "name" column is one of people's names when it holds two given names at least;
    # then its other name-shaped cells are names too ("Minji", "Yari").
    # A phone book's display names count by their first word ("Vika Odessa").
    if sum(is_given_name(value.split()[0]) for value, _ in names if value.strip()) >= 2:
        for value, at in names:
            if lexicon.is_name_shaped(value) and _acceptable(value):
                yield Candidate(value, at, at + len(value), TABLE_CONFIDENCE, "name_column")


def _alias_column(heading: str) -> str | None:
    label = heading.strip().strip('"').lower()
    if label in _COLUMN_LABELS:
        return "alias"
    return "name" if label in _NAME_COLUMN_LABELS else None


def _line_shapes(text: str) -> Iterator[Candidate]:
    """Vendor headers, ad titles, and list items right under a heading that names people
    or shops.

    Lines are matched first (a prose page has few, each tried once from its "\n");
    only the line before each block of items is read for a heading."""
    block_end = -1  # where the last list item line ended
    under_heading = False
    for line in _LINE_SHAPES.finditer(text):
        if line.group("rated") is not None:
            yield from candidate_from_match(line, RATED_HEADER_CONFIDENCE, "rated_header", "first")
            continue
        if line.group("aged") is not None:
            if not line.group("first")[0].isdigit():
                yield from candidate_from_match(line, AGED_TITLE_CONFIDENCE, "aged_title", "first")
            continue
        line_start = _line_start(text, line.start())
        line_end = line_end_at(text, line_start)
        if line.group("commas"):
            # A comma list is the one line under its heading.
            if _follows_heading(text, line_start):
                yield from _comma_list(text, line.start("first"), line.end("commas"))
            continue
        if line_start != block_end + 1:
            under_heading = _follows_heading(text, line_start)
        block_end = line_end
        if under_heading:
            group = "item" if line.group("item") else "first"
            yield from candidate_from_match(line, LIST_CONFIDENCE, "list_item", group)


def _line_start(text: str, match_start: int) -> int:
    """The start of a line a LinePattern matched: its matches after the first line open
    with the line's "\n"."""
    return match_start + 1 if text.startswith("\n", match_start) else match_start


def _follows_heading(text: str, line_start: int) -> bool:
    if line_start == 0:
        return False
    heading_start = text.rfind("\n", 0, line_start - 1) + 1
    return bool(_LIST_HEADING.search(text, heading_start, line_start - 1))


def _comma_list(text: str, start: int, end: int) -> Iterator[Candidate]:
    """ "green_guru, StonedSailor, Stoned_stoned11": only made-up handles, since a line of
    ordinary capitalised words separated by commas is as often prose."""
    for entry in _LIST_ENTRY.finditer(text, start, end):
        value = entry.group()
        if lexicon.is_handle_shaped(value) and _acceptable(value):
            yield Candidate(value, entry.start(), entry.end(), LIST_CONFIDENCE, "list_item")


def _heading_cell_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line where a column label may open a cell, in text order.

    Three patterns, each opening with a literal or a rare class the engine skips ahead
    to: a label opening a line, one right after a comma (CSV headers have no space
    there; prose does) and, on pages that have "|", tabs or ";", one after those."""
    found = [_LINE_OPENING_LABEL.finditer("\n" + text), _COMMA_LABEL.finditer(text)]
    if "|" in text or "\t" in text or ";" in text:
        found.append(_DELIMITED_LABEL.finditer(text))
    # Offsets from "\n" + text are one past the text's, which the line search absorbs.
    ends = sorted({min(label.end(), len(text)) - 1 for labels in found for label in labels})
    return lines_holding(text, ends)


def candidate_from_match(
    found: re.Match[str], confidence: float, rule: str, group: str = "name"
) -> Iterator[Candidate]:
    value = found.group(group)
    if lexicon.is_name_shaped(value) and _acceptable(value):
        yield Candidate(value, found.start(group), found.end(group), confidence, rule)


def _acceptable(value: str) -> bool:
    return not lexicon.is_rejected(value) and any(ch.isalpha() for ch in value)

"""Messenger handles in a table column headed by the messenger's name.

    vendor       | wickr          | telegram
    NightOwlRx   | nightowlrx     | -
    DutchDreams  | dutchdreams_nl | @DutchDreamsNL

A cell has no cue beside it, but its column heading says which app the handle is for,
as plainly as "Wickr: x" would. Pastes of leaked contact lists and vendor directories are
written this way. Only pages that name an app and have a delimiter are read; every row is
read once, so the work stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors import kinds
from extractors.base import Match
from extractors.contacts.messengers import TELEGRAM_USER, WICKR_USER
from extractors.contacts.skeleton import positions

CONFIDENCE = 0.8

_HEADINGS: dict[str, str] = {
    "telegram": kinds.TELEGRAM,
    "tg": kinds.TELEGRAM,
    "telegram username": kinds.TELEGRAM,
    "telegram handle": kinds.TELEGRAM,
    "telegram id": kinds.TELEGRAM,
    "wickr": kinds.WICKR,
    "wickr id": kinds.WICKR,
    "wickr me": kinds.WICKR,
    "wickr username": kinds.WICKR,
}
_APP_WORDS = (b"telegram", b"wickr", b"tg")
_DELIMITERS = ("|", "\t", ";", ",")
_CELL = {
    kinds.TELEGRAM: re.compile(rf"@?{TELEGRAM_USER}"),
    kinds.WICKR: re.compile(rf"@?{WICKR_USER}"),
}


def find(text: str, low: bytes) -> Iterator[Match]:
    if not any(delimiter in text for delimiter in _DELIMITERS):
        return
    read_up_to = 0  # rows already read as a table's are not read again as headings
    for line_start in _lines_naming_an_app(text, low):
        if line_start < read_up_to:
            continue
        line_end = _line_end(text, line_start)
        for delimiter in _DELIMITERS:
            headings = text[line_start:line_end].split(delimiter)
            columns = {
                index: _HEADINGS[cell.strip().strip("#*").strip().lower()]
                for index, cell in enumerate(headings)
                if cell.strip().strip("#*").strip().lower() in _HEADINGS
            }
            if len(headings) < 2 or not columns:
                continue
            row_start = line_end + 1
            while row_start < len(text):
                row_end = _line_end(text, row_start)
                cells = text[row_start:row_end].split(delimiter)
                if len(cells) != len(headings):
                    break
                yield from _cells(text, row_start, cells, columns)
                read_up_to = row_end
                row_start = row_end + 1
            break


_CELL_PADDING = b" \t#*"
_CELL_OPENINGS = b"|\t;,\n"
_LONGEST_PADDING = 4


def _opens_cell(low: bytes, start: int, end: int) -> bool:
    """The word is whole and opens a cell: only padding between it and a delimiter or
    the start of its line."""
    if end < len(low) and (low[end : end + 1].isalnum() or low[end] == ord("_")):
        return False
    at = start
    while at > 0 and start - at < _LONGEST_PADDING and low[at - 1] in _CELL_PADDING:
        at -= 1
    return at == 0 or low[at - 1] in _CELL_OPENINGS


def _cells(text: str, offset: int, cells: list[str], columns: dict[int, str]) -> Iterator[Match]:
    start = offset
    for index, cell in enumerate(cells):
        kind = columns.get(index)
        value = cell.strip()
        if kind is not None and value and _CELL[kind].fullmatch(value):
            at = start + cell.index(value)
            user = value.removeprefix("@")
            yield Match(
                kind=kind,
                value=user.lower(),
                raw=text[at : at + len(value)],
                start=at,
                end=at + len(value),
                confidence=CONFIDENCE,
                extractor=f"contacts.{kind}_column",
            )
        start += len(cell) + 1


def _lines_naming_an_app(text: str, low: bytes) -> list[int]:
    """The start of each line where an app's name opens a cell, in text order.

    Most pages name an app in prose ("ask on telegram") or inside other words ("outgoing"
    holds "tg"): a word that does not open its line or follow a delimiter is passed over
    before any line is split. Each search for a line's start goes back no further than
    the previous name: on a page that is one long line, searching back to its start each
    time would make the work quadratic."""
    starts: list[int] = []
    previous, previous_start = 0, 0
    opening_cells = (
        at
        for word in _APP_WORDS
        for at in positions(low, word)
        if _opens_cell(low, at, at + len(word))
    )
    for at in sorted(opening_cells):
        newline = text.rfind("\n", previous, at)
        start = newline + 1 if newline != -1 else previous_start
        if not starts or starts[-1] != start:
            starts.append(start)
        previous, previous_start = at, start
    return starts


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end == -1 else end

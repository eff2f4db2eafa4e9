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
from extractors.tables import DELIMITERS, labelled_cells, line_end_at

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
_CELL = {
    kinds.TELEGRAM: re.compile(rf"@?{TELEGRAM_USER}"),
    kinds.WICKR: re.compile(rf"@?{WICKR_USER}"),
}


def find(text: str, low: bytes) -> Iterator[Match]:
    if not any(delimiter in text for delimiter in DELIMITERS):
        return
    heading_lines = [(start, line_end_at(text, start)) for start in _lines_naming_an_app(text, low)]
    for kind, value, at in labelled_cells(text, heading_lines, _app_column):
        if _CELL[kind].fullmatch(value):
            yield Match(
                kind=kind,
                value=value.removeprefix("@").lower(),
                raw=text[at : at + len(value)],
                start=at,
                end=at + len(value),
                confidence=CONFIDENCE,
                extractor=f"contacts.{kind}_column",
            )


def _app_column(heading: str) -> str | None:
    return _HEADINGS.get(heading.strip().strip("#*").strip().lower())


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

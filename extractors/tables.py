"""Delimited tables in page text: the cells under the columns a heading row labels.

    vendor       | wickr          | telegram
    NightOwlRx   | nightowlrx     | -

Shared by the families that read a column's heading as its cells' cue: the alias family
(a "vendor" column) and the contacts family (a "telegram" column). Every row is read
once, so the work stays linear however many heading candidates a page has.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Label = TypeVar("Label")

DELIMITERS = ("|", "\t", ";", ",")
# A line that only draws the table: dashes, pluses, equals signs, colons and bars.
_RULE_LINE = re.compile(r"[ \t]*[-+=:|]{3,}[-+=:| \t]*")


def labelled_cells(
    text: str,
    heading_lines: Iterable[tuple[int, int]],
    label_of: Callable[[str], Label | None],
) -> Iterator[tuple[Label, str, int]]:
    """(label, stripped value, its start) for each non-empty cell in a labelled column.

    ``heading_lines``: (start, end) of candidate heading lines, in text order.
    ``label_of``: a heading cell as written -> its column's label, or None. The first
    delimiter that splits a heading line into labelled columns is the table's; its rows
    run down to the first line with another number of cells.
    """
    read_up_to = 0  # rows already read are not read again as headings: linear work
    for line_start, line_end in heading_lines:
        if line_start < read_up_to:
            continue
        line = text[line_start:line_end]
        for delimiter in DELIMITERS:
            if delimiter not in line:
                continue
            headings = _split(line, delimiter)
            columns: dict[int, Label] = {}
            for index, heading in enumerate(headings):
                label = label_of(heading)
                if label is not None:
                    columns[index] = label
            if not columns:
                continue
            for row_start, row_end in lines_after(text, line_end):
                if _RULE_LINE.fullmatch(text, row_start, row_end):
                    continue  # "-----+-----", "|---|---|": the heading's underline
                cells = _split(text[row_start:row_end], delimiter)
                if len(cells) != len(headings):
                    break
                read_up_to = row_end
                yield from _cells(row_start, cells, columns)
            break


def _split(line: str, delimiter: str) -> list[str]:
    """The line's cells as written. In comma-separated rows a quoted cell may hold commas
    ('"₩200,000/h"'), as CSV exports write prices; the csv module reads values but not
    where each cell is written, which the offsets need."""
    if delimiter != "," or '"' not in line:
        return line.split(delimiter)
    cells: list[str] = []
    cell_start = 0
    quoted = False
    for at, char in enumerate(line):
        if char == '"':
            quoted = not quoted  # a doubled quote inside a cell toggles twice
        elif char == "," and not quoted:
            cells.append(line[cell_start:at])
            cell_start = at + 1
    cells.append(line[cell_start:])
    return cells


def _cells(
    offset: int, cells: list[str], columns: dict[int, Label]
) -> Iterator[tuple[Label, str, int]]:
    start = offset
    for index, cell in enumerate(cells):
        value = cell.strip().strip('"').strip()
        if index in columns and value:
            yield columns[index], value, start + cell.index(value)
        start += len(cell) + 1


def lines_after(text: str, line_end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the lines after the one ending at ``line_end``."""
    start = line_end + 1
    while start < len(text):
        end = line_end_at(text, start)
        yield start, end
        start = end + 1


def lines_holding(text: str, positions: Iterable[int]) -> list[tuple[int, int]]:
    """(start, end) of each line holding one of ``positions`` (ascending), once each.

    Each line is searched for once, back to the end of the one before: on a page that is
    one long line with a label or cue every few characters, searching from each position
    to the line's start and end would make the work quadratic."""
    lines: list[tuple[int, int]] = []
    line_end = -1
    for at in positions:
        if at <= line_end:
            continue  # on the line found last
        line_start = text.rfind("\n", line_end + 1, at) + 1 or line_end + 1
        line_end = line_end_at(text, at)
        lines.append((line_start, line_end))
    return lines


def line_end_at(text: str, at: int) -> int:
    """Where the line holding ``at`` ends (its "\\n", or the end of the text)."""
    end = text.find("\n", at)
    return len(text) if end == -1 else end

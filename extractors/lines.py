"""Patterns matched at the start of each line of a page.

Shared by the families that read a page's layout line by line: the alias family
(roster entries, chat speakers, post headers), the contacts family (a config's
settings) and the phone family (a number's own line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LinePattern:
    """A pattern matched at the start of every line.

    A multi-line "^" makes the regex engine try the pattern at every character; a
    leading newline, a literal, lets it jump from line to line (~2.5x faster). The
    pattern never spans lines, so the matches are those of "^" + pattern.
    """

    first_line: re.Pattern[str]
    later_lines: re.Pattern[str]

    @classmethod
    def compile(cls, pattern: str) -> LinePattern:
        return cls(re.compile(pattern, re.MULTILINE), re.compile("\n" + pattern, re.MULTILINE))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        first = self.first_line.match(text)
        if first is not None:
            yield first
        yield from self.later_lines.finditer(text)  # group offsets are the line's


def line_near(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """The bounds of the line holding text[start:end], at most ``reach`` characters
    before start and after end: a line of megabytes is read in windows, never whole."""
    window_start = max(0, start - reach)
    line_start = text.rfind("\n", window_start, start) + 1 or window_start
    window_end = min(len(text), end + reach)
    newline = text.find("\n", end, window_end)
    return line_start, window_end if newline == -1 else newline

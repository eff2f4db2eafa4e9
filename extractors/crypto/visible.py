"""The text as a reader sees it: without the characters that do not show.

Markets put zero-width characters or soft hyphens inside an address, so that it still
pays when copied from the browser (which drops them) while a scraper reading the page
finds two strings too short to be anything. The address is read from the visible
characters; its span and raw text are the page's own, invisible characters included.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Soft hyphen, zero-width space / non-joiner / joiner, word joiner, zero-width no-break
# space (BOM): format characters a browser renders as nothing between two letters.
_INVISIBLE_CHARACTERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]+")


@dataclass(frozen=True, slots=True)
class VisibleText:
    text: str  # the original with every invisible character removed
    # Pieces of the original between invisible runs: where each starts in ``text``
    # and in the original.
    visible_starts: tuple[int, ...]
    original_starts: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> VisibleText | None:
        """None when nothing is hidden (the usual case)."""
        # One-character "in" tests run at memchr speed; a character-class scan of a
        # non-ASCII page costs several times as much.
        if not any(char in original for char in _INVISIBLE_CHARACTERS):
            return None
        runs = [match.span() for match in _INVISIBLE.finditer(original)]
        visible_starts, original_starts, pieces = [0], [0], []
        piece_start = 0
        for run_start, run_end in runs:
            pieces.append(original[piece_start:run_start])
            visible_starts.append(visible_starts[-1] + run_start - piece_start)
            original_starts.append(run_end)
            piece_start = run_end
        pieces.append(original[piece_start:])
        return cls("".join(pieces), tuple(visible_starts), tuple(original_starts))

    def original_offset(self, position: int) -> int:
        """Where the visible character at ``position`` is in the original."""
        piece = bisect_right(self.visible_starts, position) - 1
        return self.original_starts[piece] + position - self.visible_starts[piece]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the visible characters start..end (end exclusive)."""
        return self.original_offset(start), self.original_offset(end - 1) + 1

"""Trigrams of folded aliases: the SQLite backend's candidate filter for fuzzy search.

Padding with two markers on each side makes short names and the first and last letters
count: a name of n letters has n + 2 trigrams and one typo breaks at most 3 of them (4 for
a swap of neighbours). So a candidate within the typo budget of index.folding shares at
least one trigram with the query; the one exception is a six-letter name with two swaps
at opposite ends ("abcdef" / "bacdfe"), which is not found.
"""

from __future__ import annotations

_START = "^^"
_END = "$$"  # markers are never in a folded alias, which keeps only letters and digits


def padded_trigrams(folded: str) -> set[str]:
    padded = f"{_START}{folded}{_END}"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}

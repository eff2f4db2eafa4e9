"""Text -> entities. Pure functions, no I/O, imports nothing else of moneytrail."""

from extractors.base import ExtractOptions, Match

__all__ = ["ExtractOptions", "Match"]

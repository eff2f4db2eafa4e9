"""Vendor names a site's selectors pulled out of the page structure.

They are trusted (the page's markup says "this is the vendor"), so they are reported
wherever they occur in the text with high confidence; the crawler stores the
structured field itself, so a name that is absent from the text yields nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from extractors.aliases import lexicon
from extractors.aliases.cues import Candidate

CONFIDENCE = 0.95
_WRITTEN_PREFIX = re.compile(r"^(?:@|/?u/)")
_EDGE_PUNCTUATION = " \t\r\n.,;:!?\"'()[]{}<>|~*-–—"


def normalise(name: str) -> str:
    """ "@DrWhite", "/u/DrWhite", " DrWhite. " -> "DrWhite"."""
    return _WRITTEN_PREFIX.sub("", name.strip()).strip(_EDGE_PUNCTUATION)


def find_structured(text: str, names: Iterable[str]) -> Iterator[Candidate]:
    """Each occurrence of each structured name, as a whole word (with "@"/"u/" if written)."""
    for value in {normalise(name) for name in names}:
        if not value or _is_never_an_alias(value):
            continue
        pattern = re.compile(r"(?<![\w@/])(?:@|/?u/)?" + re.escape(value) + r"(?![\w@])")
        for hit in pattern.finditer(text):
            yield Candidate(value, hit.start(), hit.end(), CONFIDENCE, "structured")


def _is_never_an_alias(value: str) -> bool:
    # Site data is trusted about *who* sold, so generic-looking vendor names stay; but a
    # selector that caught a market's or agency's name, or an address, caught the wrong node.
    lowered = value.lower()
    return (
        lowered in lexicon.ORGANISATIONS
        or lowered in lexicon.ORGANISATION_PHRASES
        or lexicon.looks_like_other_identifier(value)
    )

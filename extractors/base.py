"""The boundary types every extractor family shares.

A family is a module with ``find(text, options) -> Iterator[Match]``: pure, no I/O.
Offsets always point into the text the caller passed in, even when a family
normalised the text internally (it keeps its own offset map).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from extractors import kinds as _kinds

CONTEXT_WIDTH = 60


@dataclass(frozen=True, slots=True)
class Match:
    """One entity found in a text."""

    kind: str
    value: str  # normalised as DESIGN.md's table says
    raw: str  # exactly text[start:end]
    start: int
    end: int
    confidence: float
    extractor: str
    context: str = ""

    def __post_init__(self) -> None:
        if self.kind not in _kinds.ALL:
            raise ValueError(f"unknown entity kind {self.kind!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad offsets {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """What a caller may tell the families about the text's origin."""

    # Region used by phonenumbers for numbers written without a country code.
    default_region: str = "US"
    # Vendor / author names a site's selectors pulled out of the page structure;
    # the alias family reports them as aliases where they occur in the text.
    structured_aliases: tuple[str, ...] = ()
    # Restrict to these kinds (None = every kind).
    kinds: frozenset[str] | None = None
    # Aliases are by far the slowest family; callers that only want
    # identifiers can turn them off.
    aliases: bool = True
    # Name of an installed spaCy model to add NER-based aliases (never downloaded).
    spacy_model: str | None = None

    def wants(self, kind: str) -> bool:
        return self.kinds is None or kind in self.kinds


DEFAULT_OPTIONS = ExtractOptions()

FindFunction = Callable[[str, ExtractOptions], Iterator[Match]]


@dataclass(frozen=True, slots=True)
class Family:
    """A registered extractor family."""

    name: str
    kinds: frozenset[str]
    find: FindFunction
    # Families that only look at cue phrases can be skipped cheaply.
    is_alias_family: bool = False
    extra: dict[str, object] = field(default_factory=dict)


def snippet(text: str, start: int, end: int, width: int = CONTEXT_WIDTH) -> str:
    """A one-line window of ``width`` characters either side of a match."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    window = text[left:right]
    return " ".join(window.split())

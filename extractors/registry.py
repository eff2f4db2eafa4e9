"""Runs every extractor family over a text and settles overlaps between families."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import accumulate

from extractors import aliases, contacts, crypto, pgp, phones
from extractors.base import DEFAULT_OPTIONS, ExtractOptions, Family, Match, snippet

# Earlier families win when two families claim overlapping text: a checksummed
# address is stronger evidence than a phone-shaped run of digits inside it, and
# any identifier is stronger than a name guessed from a cue phrase.
DEFAULT_FAMILIES: tuple[Family, ...] = (
    crypto.FAMILY,
    pgp.FAMILY,
    contacts.FAMILY,
    phones.FAMILY,
    aliases.FAMILY,
)

# Matches that stand for a whole block (an armored PGP key) contain other
# entities legitimately (the key's user-id e-mail) and must not suppress them.
CONTAINER_EXTRACTORS = frozenset({"pgp.armor", "pgp.uid"})


class Registry:
    def __init__(self, families: Sequence[Family] = DEFAULT_FAMILIES) -> None:
        self.families = tuple(families)

    def extract(self, text: str, options: ExtractOptions = DEFAULT_OPTIONS) -> list[Match]:
        """Every entity in ``text``, sorted by position, one per (kind, value, span)."""
        per_family: list[list[Match]] = []
        for family in self.families:
            if family.is_alias_family and not options.aliases:
                continue
            if options.kinds is not None and not (family.kinds & options.kinds):
                continue
            found = list(family.find(text, options))
            if options.kinds is not None:
                found = [m for m in found if m.kind in options.kinds]
            if found:
                per_family.append(found)
        if not per_family:
            return []
        return _with_context(text, _settle(per_family))


def _settle(per_family: Iterable[list[Match]]) -> list[Match]:
    kept: list[Match] = []
    claimed = _ClaimedSpans()  # spans owned by higher-priority families
    for matches in per_family:
        family_kept = [m for m in matches if not claimed.overlaps(m.start, m.end)]
        kept.extend(family_kept)
        claimed.add(
            [(m.start, m.end) for m in family_kept if m.extractor not in CONTAINER_EXTRACTORS]
        )
    if len(kept) == 1:
        return kept
    unique = {(m.kind, m.value, m.start, m.end): m for m in kept}
    return sorted(unique.values(), key=lambda m: (m.start, m.end, m.kind))


class _ClaimedSpans:
    """Spans sorted by start, with the running maximum of their ends, so that "does
    ``start..end`` overlap any of them" is one bisection instead of a scan of every span
    (which would make a page with many entities quadratic).

    Most pages claim a handful of spans; up to _FEW of them are checked one by one,
    which costs less than keeping the sorted lists up to date."""

    _FEW = 16

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._furthest_ends: list[int] = []

    def add(self, spans: list[tuple[int, int]]) -> None:
        if not spans:
            return
        self._spans.extend(spans)
        if len(self._spans) <= self._FEW:
            return
        self._spans.sort()
        self._starts = [start for start, _ in self._spans]
        self._furthest_ends = list(accumulate((end for _, end in self._spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        # Spans starting before ``end`` overlap when one of them ends after ``start``.
        if len(self._spans) <= self._FEW:
            return any(s < end and e > start for s, e in self._spans)
        before_end = bisect_left(self._starts, end)
        return before_end > 0 and self._furthest_ends[before_end - 1] > start


def _with_context(text: str, matches: list[Match]) -> list[Match]:
    # A plain constructor: dataclasses.replace re-inspects the fields on every call and
    # cost more than the snippet itself.
    return [
        m
        if m.context
        else Match(
            m.kind,
            m.value,
            m.raw,
            m.start,
            m.end,
            m.confidence,
            m.extractor,
            snippet(text, m.start, m.end),
        )
        for m in matches
    ]


_default_registry: Registry | None = None


def default_registry() -> Registry:
    global _default_registry
    if _default_registry is None:
        _default_registry = Registry()
    return _default_registry


def extract(text: str, options: ExtractOptions = DEFAULT_OPTIONS) -> list[Match]:
    return default_registry().extract(text, options)

"""Runs every extractor family over a text and settles overlaps between families."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

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
CONTAINER_EXTRACTORS = frozenset({"pgp.armor"})


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
            found = [m for m in family.find(text, options) if options.wants(m.kind)]
            per_family.append(found)
        return _with_context(text, _settle(per_family))


def _settle(per_family: Iterable[list[Match]]) -> list[Match]:
    kept: list[Match] = []
    claimed: list[tuple[int, int]] = []  # spans owned by higher-priority families
    for matches in per_family:
        family_kept = [m for m in matches if not _overlaps_any(m, claimed)]
        kept.extend(family_kept)
        claimed.extend(
            (m.start, m.end) for m in family_kept if m.extractor not in CONTAINER_EXTRACTORS
        )
    unique = {(m.kind, m.value, m.start, m.end): m for m in kept}
    return sorted(unique.values(), key=lambda m: (m.start, m.end, m.kind))


def _overlaps_any(match: Match, spans: list[tuple[int, int]]) -> bool:
    return any(match.start < end and start < match.end for start, end in spans)


def _with_context(text: str, matches: list[Match]) -> list[Match]:
    return [m if m.context else replace(m, context=snippet(text, m.start, m.end)) for m in matches]


_default_registry: Registry | None = None


def default_registry() -> Registry:
    global _default_registry
    if _default_registry is None:
        _default_registry = Registry()
    return _default_registry


def extract(text: str, options: ExtractOptions = DEFAULT_OPTIONS) -> list[Match]:
    return default_registry().extract(text, options)

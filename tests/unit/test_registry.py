"""The registry's settling of overlaps between families, against the rule written out
the slow obvious way: a family keeps a match unless it overlaps a span kept by an
earlier family (container matches such as armored key blocks claim nothing)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from extractors.base import DEFAULT_OPTIONS, ExtractOptions, Family, Match, snippet
from extractors.registry import CONTAINER_EXTRACTORS, Registry

TEXT = "".join(random.Random(0).choices("abc def\n", k=400))
KINDS = ("btc", "phone", "email", "alias")


def _family(name: str, matches: list[Match], alias: bool = False) -> Family:
    def find(text: str, options: ExtractOptions = DEFAULT_OPTIONS) -> Iterator[Match]:
        return iter(matches)

    return Family(name=name, kinds=frozenset(KINDS), find=find, is_alias_family=alias)


def _match(kind: str, start: int, end: int, extractor: str = "test") -> Match:
    return Match(kind, f"v{start}", TEXT[start:end], start, end, 0.5, extractor)


def _reference(per_family: list[list[Match]]) -> list[Match]:
    kept: list[Match] = []
    claimed: list[tuple[int, int]] = []
    for matches in per_family:
        own = [m for m in matches if not any(m.start < e and s < m.end for s, e in claimed)]
        kept += own
        claimed += [(m.start, m.end) for m in own if m.extractor not in CONTAINER_EXTRACTORS]
    unique = {(m.kind, m.value, m.start, m.end): m for m in kept}
    return sorted(unique.values(), key=lambda m: (m.start, m.end, m.kind))


def _random_matches(rng: random.Random, kind: str) -> list[Match]:
    matches = []
    for _ in range(rng.randint(0, 25)):
        start = rng.randrange(len(TEXT))
        end = min(len(TEXT), start + rng.choice([0, 1, 2, 5, 30, 120]))
        extractor = "pgp.armor" if rng.random() < 0.1 else f"test.{kind}"
        matches.append(_match(kind, start, end, extractor))
    return matches


@pytest.mark.parametrize("seed", range(200))
def test_settling_follows_the_rule(seed: int) -> None:
    rng = random.Random(seed)
    per_family = [_random_matches(rng, kind) for kind in KINDS]
    registry = Registry([_family(k, ms) for k, ms in zip(KINDS, per_family, strict=True)])
    found = registry.extract(TEXT)
    expected = _reference(per_family)
    assert [(m.kind, m.start, m.end) for m in found] == [(m.kind, m.start, m.end) for m in expected]
    assert [m.context for m in found] == [snippet(TEXT, m.start, m.end) for m in expected]


def test_touching_spans_do_not_overlap() -> None:
    first = _family("crypto", [_match("btc", 10, 20)])
    second = _family("phones", [_match("phone", 20, 30), _match("phone", 5, 10)])
    assert [(m.start, m.end) for m in Registry([first, second]).extract(TEXT)] == [
        (5, 10),
        (10, 20),
        (20, 30),
    ]


def test_a_container_claims_nothing_but_is_kept() -> None:
    armor = _match("btc", 0, 300, "pgp.armor")
    inside = _match("email", 50, 60)
    registry = Registry([_family("pgp", [armor]), _family("contacts", [inside])])
    assert registry.extract(TEXT) == [
        Match(**{**_fields(armor), "context": snippet(TEXT, 0, 300)}),
        Match(**{**_fields(inside), "context": snippet(TEXT, 50, 60)}),
    ]


def test_a_context_given_by_the_family_is_kept() -> None:
    given = Match("btc", "v", TEXT[1:5], 1, 5, 1.0, "test", context="own words")
    assert Registry([_family("crypto", [given])]).extract(TEXT) == [given]


def test_alias_family_is_skipped_when_aliases_are_off() -> None:
    registry = Registry([_family("aliases", [_match("alias", 1, 5)], alias=True)])
    assert registry.extract(TEXT, ExtractOptions(aliases=False)) == []
    assert len(registry.extract(TEXT)) == 1


def _fields(match: Match) -> dict[str, object]:
    return {name: getattr(match, name) for name in Match.__slots__}

"""Names set off by an ad's layout (extractors/aliases/ad_names.py)."""

from __future__ import annotations

import pytest

from extractors.aliases import find
from extractors.aliases.ad_names import find_ad_names
from extractors.base import ExtractOptions
from tests.linear_time import growth_ratio, limit


def values(text: str) -> list[str]:
    return [m.value for m in find(text, ExtractOptions())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NYC Escorts\n✨ Jade ✨ Exotic Asian Doll", ["Jade"]),
        ("Kendra 💎 Upscale Blonde 💎", ["Kendra"]),
        ("Nadia 🇷🇺 European Princess", ["Nadia"]),
        (
            "chicas: Daniela (22, Venezuela), Sofia (25, Ukraine), Katya (21)",
            ["Daniela", "Sofia", "Katya"],
        ),
        ("Angel (19), Rose (20), Mai (18)", ["Angel", "Rose", "Mai"]),
    ],
)
def test_names_the_layout_sets_off(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "⭐ Grand Opening ⭐ New young staff",  # two words framed
        "🌸 Sweet & Young 🌸",
        "🔥 Special 🔥\n📍 Downtown 📍\n🕐 Hours 🕐",  # words the lexicon knows
        "Fraud › Personal Information\nDrugs • Fraud • Services",  # breadcrumbs and menus
        "Comments (23), Likes (45)",
        "Ingrid (24) only",  # one aged name is no list
    ],
)
def test_what_the_layout_does_not_make_a_name(text: str) -> None:
    assert [c.value for c in find_ad_names(text)] == []


def test_confidence_is_below_a_cue() -> None:
    [candidate] = find_ad_names("✨ Jade ✨")
    assert candidate.confidence < 0.7


@pytest.mark.parametrize("unit", ["✨ Jade ✨\n", "Angel (19), ", "(2", "✨✨✨ "])
def test_time_grows_linearly(unit: str) -> None:
    def make(size: int) -> str:
        return unit * (size // len(unit))

    assert growth_ratio(lambda text: find(text, ExtractOptions()), make, 20_000) < limit()

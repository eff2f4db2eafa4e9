"""Names opening the entries of an ad's roster (extractors/aliases/rosters.py)."""

from __future__ import annotations

import pytest

from extractors.aliases import find
from extractors.aliases.rosters import find_roster_names
from extractors.base import ExtractOptions
from tests.linear_time import growth_ratio, limit


def roster(text: str) -> list[str]:
    return [candidate.value for candidate in find_roster_names(text)]


def values(text: str) -> list[str]:
    return [m.value for m in find(text, ExtractOptions())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The same emoji opens each entry; the last one gives no age, only a contact.
        (
            "🌷 Selin 23 yaş, sarışın — 0532 111 22 33\n"
            "🌷 Melis 25 yaş — WhatsApp 0533 444 55 66\n"
            "🌷 Dilara Rus, yeni — sadece Telegram @dilara_ist",
            ["Selin", "Melis", "Dilara"],
        ),
        # Names the lexicon does not know, of two words, and of two letters.
        (
            "✿ Vy 20t, cao 1m60 — Zalo 0905 123 456\n"
            "✿ Bảo Anh 22t — gọi: không chín ba năm\n"
            "✿ Quỳnh 24t — Telegram @quynh_q1",
            ["Vy", "Bảo Anh", "Quỳnh"],
        ),
        # A Spanish article opens a working name.
        (
            "👉 La Flaca rubia — +57 315 000 1122\n👉 Valentina trigueña — llamar al 347 20 73",
            ["La Flaca", "Valentina"],
        ),
        # Bullets, and a name in a script without capitals, told by its bracketed age.
        ("・Rina（26）スレンダー\n・さくら（24）新人 18:00〜\n", ["Rina", "さくら"]),
        # No bullet: each name set off by a bracket, a dash or her age.
        (
            "Amara 22 — curvy — 0722 131 965\nZawadi 20 — campus babe — +254 114 440166",
            ["Amara", "Zawadi"],
        ),
        (
            "Lily (Taiwan) 21yo slim — 0415 259 988\nKiko (Osaka) brand new — SMS 0456 973 416",
            ["Lily", "Kiko"],
        ),
    ],
)
def test_names_opening_a_rosters_entries(text: str, expected: list[str]) -> None:
    assert roster(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # One entry is no roster.
        "🌹 Selin 23 yaş — 0532 111 22 33\nFiyatlar: 1 saat 2.500 TL",
        # Lines that label a contact or a place, not a lady.
        "📞 Москва (звонки с 10 до 19): 8 (917) 115-61-40\n📞 Дубай: +971 50 313 3512",
        "👉 Liên hệ Chị Hằng: 0913.328.174 (Zalo)\n👉 Nhóm chat: t.me/joinchat/abc",
        "• Telegram: @shop_support\n• Wickr: shopwickr\n• Email: shop@example.net",
        # A market's bullet list: no age, no contact, no given name.
        "✅ Fast shipping — 24h\n✅ Reship guarantee — always\n✅ Stealth packaging",
        # Prose lines opening with a capital, and a place set off by a number.
        "Tramvaj 22 zastávka Náměstí Míru\nCześć, jestem Roksana, mam 22 lata",
        # A table's first column, and an onion link list.
        'Brickell | "Luna" | 305.555.0114\nDoral | "Kiara" | (305) 555-0199',
        "  Velvet Road (OLD v2, DEAD) . hxxp://efnabf2vhinnwf7.onion\n"
        "  La Cueva (ES) ...... hxxp://fqkd3bt4iumjx6a.onion",
    ],
)
def test_lines_that_are_no_roster(text: str) -> None:
    assert roster(text) == []


def test_the_longer_name_wins_over_one_word_found_elsewhere() -> None:
    text = (
        "💋 Kandi — 5'4 petite, 23 y/o\n"
        "💋 Jazmine — thick latina, bilingual\n"
        "💋 Lexxi Rae — brand new, only here till Sunday!!"
    )
    assert "Lexxi Rae" in values(text)


@pytest.mark.parametrize(
    "unit",
    ["🌹 Selin 23 yaş — 0532 111 22 33\n", "Amara 22 — 0722 131 965\n", "🌹 Selin Ayla Nur "],
)
def test_time_grows_linearly(unit: str) -> None:
    def make(size: int) -> str:
        return unit * (size // len(unit))

    assert growth_ratio(find_roster_names, make, 40_000) < limit()

"""Given names set apart by a page's layout (extractors/aliases/known_names.py) and the
given-name lexicon behind them (extractors/aliases/given_names.py)."""

from __future__ import annotations

import pytest

from extractors.aliases import find
from extractors.aliases.given_names import given_names, is_given_name
from extractors.aliases.known_names import find_known_names
from extractors.base import ExtractOptions
from tests.linear_time import growth_ratio, limit


def known(text: str) -> list[tuple[str, str]]:
    return [(c.value, c.rule) for c in find_known_names(text)]


def values(text: str) -> set[str]:
    return {m.value for m in find(text, ExtractOptions())}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lists that hold two known names take every member, named or not.
        ("Ladies on shift today: Tamara, Noelle, Zuzu", ["Tamara", "Noelle", "Zuzu"]),
        ("Brandi & Keisha just landed, duo available", ["Brandi", "Keisha"]),
        ("Nuevas chicas: Valeria y Ximena", ["Valeria", "Ximena"]),
        ("Heute da: Anja und Marlene", ["Anja", "Marlene"]),
        ("Featured: Irina (UA, 23) · Paula (ES, 25)", ["Irina", "Paula"]),
        ("MONICA 🇨🇴 and LETICIA 🇧🇷 this weekend", ["MONICA", "LETICIA"]),
    ],
)
def test_lists_of_names(text: str, expected: list[str]) -> None:
    assert known(text) == [(name, "name_list") for name in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name | phone | city\nRenata | 305-555-0141 | Miami", "Renata"),
        ("New this week\n• Sakura — Japanese, 22, petite", "Sakura"),
        ("Priscilla - upscale GFE - Midtown", "Priscilla"),
        ("3) Lorena / (646) 555-0117 / outcall only", "Lorena"),
        ("Scam Reports › Odalys – deposit then blocked", "Odalys"),
        ("| Yolanda   | 212 555 0187 | Queens |", "Yolanda"),
    ],
)
def test_names_opening_a_row(text: str, expected: str) -> None:
    assert known(text) == [(expected, "name_row")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Re: Marisol (Westside) still around?", "Marisol"),
        ("REVIEW: Giselle — hotel outcall — 02/11", "Giselle"),
        ("[REVIEW] Tatiana (visiting) — 702", "Tatiana"),
        ("Review #4412: Carmela — Uptown incall", "Carmela"),
        ("Thread: Anastasia still posting?", "Anastasia"),
    ],
)
def test_names_in_review_and_thread_titles(text: str, expected: str) -> None:
    assert known(text) == [(expected, "name_title")]


def test_a_quoted_name() -> None:
    assert known("Same pics, but this time she called herself 'Rosalind'.") == [
        ("Rosalind", "quoted_name")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Lists of words that are not names, or hold one name only.
        "We accept Visa, Mastercard and Bitcoin",
        "Touring: Houston, Dallas, Austin",
        "Tonight only: Renata, incall",
        # Capitalised phrases in a list are strains, hotels, products: not names.
        "Exotics: Gary Payton, Lemon Cherry Gelato, Zushi",
        # Labels and headings that open a row.
        "Author: DesertFox · 12 Jan\nZona: Centro, Norte",
        "LINE / WhatsApp: +66 81 234 5678",
        "Handy/WhatsApp: +49 1512 3456789",
        "Rates | Incall | Outcall\nMonday | 10am | 4am",
        "Summer Special - 20% off",
        # A known name inside prose, with nothing setting it apart.
        "I met Renata at the bar last week and she was lovely.",
        # Not standing alone: handles, hosts, e-mails, possessives.
        "renata@example.com, keisha.example.org, Renata's place, DrRenata",
        # Titles of reviews about things that are not names.
        "Re: Shipping delays this week",
    ],
)
def test_what_is_not_taken(text: str) -> None:
    assert known(text) == []


def test_the_lexicon_leaves_out_words_that_are_something_else() -> None:
    names = given_names()
    assert {"jade", "svetlana", "yesenia", "mia", "ruby"} <= names
    # Places, months, products, generic words and everyday English words.
    assert not {"houston", "april", "molly", "honey", "will", "young", "chase"} & names
    assert is_given_name("Jade") and is_given_name("JADE")
    assert not is_given_name("jade")  # a stone, written in lower case
    assert not is_given_name("JaDe")


def test_names_reach_the_alias_family() -> None:
    text = "Girls this week: Fernanda, Celeste\nFernanda | 786-555-0133 | Brickell"
    assert {"Fernanda", "Celeste"} <= values(text)


def test_confidence_is_below_a_cue() -> None:
    for candidate in find_known_names("Re: Marisol\nTamara, Noelle\n'Rosalind'"):
        assert candidate.confidence <= 0.6


@pytest.mark.parametrize(
    "unit",
    [
        "Tamara, Noelle, ",
        "Re: Marisol ",
        "Renata | 1 |\n",
        "'Rosalind' ",
        "Gary Payton ",
        "A" * 40 + " ",
        "x — Giulia, ",
        "agent Henry Collins ",
        "★ ★ ",
        "Алина, 24 лет ",
        "@abc (Кирилл) ",
    ],
)
def test_time_grows_linearly(unit: str) -> None:
    def make(size: int) -> str:
        return unit * (size // len(unit))

    assert growth_ratio(lambda text: list(find_known_names(text)), make, 20_000) < limit()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title's segment after a dash, then a comma, a bracket or her age.
        ("MILANO CENTRALE — Giulia, splendida italiana 28enne", [("Giulia", "name_segment")]),
        ("Massage naturiste Paris 17e — Chloé, 26 ans", [("Chloé", "name_age")]),
        ("New profile this week — Riya (22, Delhi)", [("Riya", "name_segment")]),
        # A row opened by a star or an emoji.
        ("★ Anastasia — Russian, 24, 5'8\"", [("Anastasia", "name_row")]),
        # A role or courtesy word before the name, and a surname after it.
        ("Manager: Henry Collins. Reply within 2 hrs.", [("Henry Collins", "name_role")]),
        ("Oder SMS an meine Kollegin Nicole: 0176", [("Nicole", "name_role")]),
        ("Sunați-o pe doamna Mirela: zero", [("Mirela", "name_role")]),
        ("Nama: Cindy, 21th, tinggi 160", [("Cindy", "name_field")]),
    ],
)
def test_names_in_title_segments_and_after_roles(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert known(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Shipping — Germany, Austria (EU)",
        "Prices — Gelato, OG Kush",
        "New York — Brooklyn, Queens",
        "Contact the agent (name provided after order)",
    ],
)
def test_places_and_products_in_title_segments_are_no_names(text: str) -> None:
    assert known(text) == []


def test_a_title_naming_a_business_is_no_name() -> None:
    assert known("Thread: Jade Garden Spa (Bellaire Blvd) — new girls?") == []
    assert known("Re: Sasha (Capitol Hill) new number?") == [("Sasha", "name_title")]


def test_a_known_name_beside_her_flag() -> None:
    text = "💃 Lima (Miraflores): Kiara 🇻🇪\n💃 Santiago (Providencia): Camila 🇨🇱 — solo hotel"
    assert known(text) == [("Kiara", "name_flag"), ("Camila", "name_flag")]
    assert known("Shipping from Germany 🇩🇪 to Austria 🇦🇹") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Пишите: менеджер Алина — О67-482-9l-О7 (Viber / Telegram)", [("Алина", "name_role")]),
        ("Оператор: @ChistyOperator (Кирилл), отвечаем с 10:00", [("Кирилл", "name_role")]),
        ("ΝΕΑ ΚΟΠΕΛΑ ΣΤΗΝ ΑΘΗΝΑ 🌺 Η Ελένη, 24 χρονών, ξανθιά", [("Ελένη", "name_age")]),
        ("Москва и Казань, Россия — Вакансии", []),
    ],
)
def test_names_in_cyrillic_and_greek(text: str, expected: list[tuple[str, str]]) -> None:
    assert known(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bruna Ferraz — acompanhante de luxo em Moema 💎", [("Bruna Ferraz", "name_row")]),
        ("ACOMPANHANTE EM SÃO PAULO 💎 Bianca Ferraz — Moema", [("Bianca Ferraz", "name_segment")]),
        ("NOUVELLE ✨ Lina, masseuse asiatique douce", [("Lina", "name_segment")]),
        ("Анжелика 💋 индивидуалка, м. Курская", [("Анжелика", "name_row")]),
        ("Rates — Paris Hilton, Ritz", []),
        # A market's name ends in "Road".
        ("abc.onion   (slow)\n  Velvet Road (OLD v2, DEAD) . hxxp://x.onion", []),
    ],
)
def test_names_between_emoji_and_with_a_surname(text: str, expected: list[tuple[str, str]]) -> None:
    assert known(text) == expected


def test_a_numbered_roster_with_column_gaps() -> None:
    text = (
        "Today's available models:\n"
        "  1. Mia        Thai       1.58 m / 46 kg   AED 900/hr\n"
        "  2. Anastasia  Ukrainian  1.74 m / 55 kg   AED 1000/hr\n"
    )
    assert values(text) == {"Mia", "Anastasia"}


def test_short_forms_people_go_by_are_known_names() -> None:
    assert values("Drivers this week: Dima, Chuy & Laci") == {"Dima", "Chuy", "Laci"}


def test_a_page_opening_with_her_name_and_a_comma() -> None:
    assert values("Valentina, venezolana 🇻🇪 recién llegada a Madrid") == {"Valentina"}
    # Further down the page the same shape is prose.
    assert "Valentina" not in values("Hola amor.\nValentina, la de ayer, no viene")


@pytest.mark.parametrize(
    "text",
    ["Dnes tu jsou Katka a Veronika", "Hari ini ada Siti dan Dewi", "bugün Merve ve Zeynep burada"],
)
def test_and_in_more_languages_joins_a_list(text: str) -> None:
    assert len(values(text)) == 2

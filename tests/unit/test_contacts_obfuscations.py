"""Obfuscated contact details: look-alike "@" and ".", dots written "period", onion labels
in groups, bracketed Telegram link hosts. Positives and the prose they must not match."""

from __future__ import annotations

import random

import pytest

from extractors import contacts, kinds
from extractors.base import Match
from tests.unit.test_contacts import ONIONS

ONION = ONIONS[0]


def _found(text: str) -> list[Match]:
    matches = list(contacts.find(text))
    for match in matches:
        assert match.raw == text[match.start : match.end]
    return matches


def _found_one(text: str, kind: str) -> Match:
    matches = [m for m in _found(text) if m.kind == kind]
    assert len(matches) == 1, matches
    return matches[0]


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        ("PM me: name＠proton．me today", "name@proton.me", "name＠proton．me"),
        ("mail name﹫mail.com for prices", "name@mail.com", "name﹫mail.com"),
        ("mail name@proton。me for prices", "name@proton.me", "name@proton。me"),
        ("mail name@tutanota｡com for prices", "name@tutanota.com", "name@tutanota｡com"),
        ("write name {at} domain {dot} com", "name@domain.com", "name {at} domain {dot} com"),
        ("write name @ domain . com", "name@domain.com", "name @ domain . com"),
        ("write name(@)domain(.)com", "name@domain.com", "name(@)domain(.)com"),
        ("email: vendor at tutanota period com", "vendor@tutanota.com", None),
        ("email: vendor at shopdomain period com", "vendor@shopdomain.com", None),
        ("email: VENDOR AT PROTONMAIL PERIOD COM", "vendor@protonmail.com", None),
    ],
)
def test_obfuscated_emails(text: str, value: str, raw: str | None) -> None:
    match = _found_one(text, kinds.EMAIL)
    assert match.value == value
    assert match.extractor == "contacts.email_obfuscated"
    if raw is not None:
        assert match.raw == raw


def test_a_period_after_an_address_is_the_end_of_a_sentence() -> None:
    for text in ("write x@gmail.com period for refunds", "x@gmail.com period in the day"):
        match = _found_one(text, kinds.EMAIL)
        assert (match.value, match.raw, match.extractor) == (
            "x@gmail.com",
            "x@gmail.com",
            "contacts.email",
        )


@pytest.mark.parametrize(
    "text",
    [
        "payments are processed at checkout period to the vendor",
        "sold at auction period by the house",
        "the trial runs at cost period in march",
        "contact ＠vendor on the forum",  # a handle, no local part
        "price 5＠10 each",
        "name＠example．txt",  # not a real top-level domain
        "meet me at the mall period com on friday",  # "me at": prose
    ],
)
def test_no_address_in_prose(text: str) -> None:
    assert [m for m in _found(text) if m.kind in (kinds.EMAIL, kinds.JABBER)] == []


def _grouped(label: str, size: int, gap: str = " ") -> str:
    return gap.join(label[i : i + size] for i in range(0, len(label), size))


@pytest.mark.parametrize(
    "written",
    [
        _grouped(ONION, 8) + ".onion",
        _grouped(ONION, 4, "  ") + ".onion",
        _grouped(ONION, 7) + " [.] onion",
        ONION + " . onion",
        ONION + "．onion",
        ONION + "[.]onion",
    ],
)
def test_obfuscated_onions(written: str) -> None:
    text = f"new mirror is {written} (bookmark it)"
    match = _found_one(text, kinds.ONION)
    assert match.value == ONION + ".onion"
    assert match.raw == written
    assert match.extractor == "contacts.onion_obfuscated"


@pytest.mark.parametrize(
    "text",
    [
        # one character changed: the checksum fails
        "mirror "
        + _grouped(ONION[:10] + ("b" if ONION[10] != "b" else "c") + ONION[11:], 8)
        + ".onion",
        # a group too many or too few
        "mirror " + _grouped(ONION[:-8], 8) + ".onion",
        "mirror " + _grouped(ONION, 8) + "x.onion",
        "visit the best market on the dark web at this new address dot onion",
        "onion onion onion . onion",
    ],
)
def test_no_onion(text: str) -> None:
    assert [m for m in _found(text) if m.kind == kinds.ONION] == []


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("tg: @dark_vendor for orders", "@dark_vendor"),
        ("telegram - dark_vendor for orders", "dark_vendor"),
        ("find us at t[.]me/dark_vendor now", "t[.]me/dark_vendor"),
        ("find us at https://t(.)me/dark_vendor now", "https://t(.)me/dark_vendor"),
        ("find us at telegram[dot]me/dark_vendor now", "telegram[dot]me/dark_vendor"),
        ("find us at telegram{.}dog/dark_vendor now", "telegram{.}dog/dark_vendor"),
    ],
)
def test_obfuscated_telegram(text: str, raw: str) -> None:
    match = _found_one(text, kinds.TELEGRAM)
    assert (match.value, match.raw) == ("dark_vendor", raw)


@pytest.mark.parametrize(
    "text",
    [
        "join t[.]me/joinchat now",  # an invite, not a user
        "see next[.]me/dark_vendor",  # another host
        "see t[.]me/ab",  # too short for a username
    ],
)
def test_no_telegram(text: str) -> None:
    assert [m for m in _found(text) if m.kind == kinds.TELEGRAM] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mail x@period.com now", "x@period.com"),
        ("mail x@gmail.com period", "x@gmail.com"),
        ("mail x＠gmail.com period in the day", "x@gmail.com"),
    ],
)
def test_period_as_a_label_or_at_the_end(text: str, value: str) -> None:
    assert _found_one(text, kinds.EMAIL).value == value


def test_fragments_of_every_form_never_break_the_family() -> None:
    pieces = [
        *"＠﹫．。｡﹒@. \n_-",
        "\ud800",
        "at",
        " at ",
        "period",
        " period ",
        "dot",
        "[.]",
        "(.)",
        "{dot}",
        "me/",
        "t[.]me/",
        "telegram(dot)me/",
        "onion",
        ".onion",
        "name",
        "gmail",
        "com",
        "tg:",
        "wickr",
        ONION[:8],
        ONION[8:16],
        ONION,
    ]
    rng = random.Random(3)
    for _ in range(5_000):
        _found("".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))))


def test_an_onion_label_in_groups_with_a_space_before_its_dot() -> None:
    spaced = " ".join(ONION[i : i + 14] for i in range(0, 56, 14))
    match = _found_one(f"own shop {spaced} .onion | Wickr", kinds.ONION)
    assert (match.value, match.raw) == (f"{ONION}.onion", f"{spaced} .onion")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("contacto: lola_bcn(arroba)gmail(punto)com", "lola_bcn@gmail.com"),
        ("email: lola [arroba] hotmail [ponto] com", "lola@hotmail.com"),
    ],
)
def test_the_at_sign_and_the_dot_named_in_spanish_and_portuguese(text: str, value: str) -> None:
    assert _found_one(text, kinds.EMAIL).value == value


def test_the_word_arroba_in_prose_is_no_address() -> None:
    assert _found("la arroba (@) es un símbolo, escribe al correo") == []


def test_the_at_sign_and_the_dot_named_in_french() -> None:
    text = "ou par mail : lina.massage75 arobase gmail point com"
    assert _found_one(text, kinds.EMAIL).value == "lina.massage75@gmail.com"
    assert _found("rendez-vous au point de vente, arobase du clavier") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ел. пошта: praca.warszawa24 собака gmail крапка com", "praca.warszawa24@gmail.com"),
        ("почта: ivan.petrov СОБАКА yandex ТОЧКА ru", "ivan.petrov@yandex.ru"),
        ("пиши на kira_msk собака mail.ru", "kira_msk@mail.ru"),
    ],
)
def test_the_at_sign_and_the_dot_named_in_russian_and_ukrainian(text: str, value: str) -> None:
    match = _found_one(text, kinds.EMAIL)
    assert match.value == value
    assert text[match.start : match.end] == match.raw
    assert match.raw.startswith(value.split("@")[0])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("valentina.madrid99 ARROBA hotmail PUNTO es", "valentina.madrid99@hotmail.es"),
        ("CV ze zdjęciem: biuro.praca.de (małpa) wp.pl", "biuro.praca.de@wp.pl"),
        ("Mail : chloe.massage75 [at] laposte [point] net", "chloe.massage75@laposte.net"),
    ],
)
def test_the_at_sign_named_in_capitals_in_polish_and_a_bracketed_point(
    text: str, value: str
) -> None:
    assert _found_one(text, kinds.EMAIL).value == value


def test_the_word_for_monkey_in_prose_is_no_address() -> None:
    assert _found("małpa (małpa) zoo, małpa w zoo.pl") == []


def test_the_word_for_dog_in_prose_is_no_address() -> None:
    assert _found("моя собака gmail не знает, а собака лает") == []
    assert _found("у Олі є собака Рекс крапка") == []


@pytest.mark.parametrize(
    "header",
    ["Message-ID: ", "In-Reply-To: ", "References: <a1@x.org> ", "> Message-Id: "],
)
def test_a_mail_header_naming_a_message_is_no_address(header: str) -> None:
    text = f"From: kasia@wp.pl\n{header}<9102283196.WUen9Xd3@mail.bulk-relay7.net>\n"
    assert [m.value for m in _found(text)] == ["kasia@wp.pl"]

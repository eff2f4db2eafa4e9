"""The quick yes for plain addresses never says yes where email_validator says no."""

from __future__ import annotations

import random

import pytest
from email_validator import EmailNotValidError, validate_email

from extractors.contacts.plain_address import is_plain_valid


def _validator_normalised(address: str) -> str | None:
    try:
        return validate_email(address, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


@pytest.mark.parametrize(
    "address",
    [
        "crypto.tiger@tuta.io",
        "Night_Dealer313@GMX.de",
        "a+b%c@mail.example.com",
        "x@" + "a" * 63 + ".com",
        "o'brien@post.ie",
    ],
)
def test_plain_addresses_take_the_quick_path(address: str) -> None:
    assert is_plain_valid(address)
    assert _validator_normalised(address) == address.lower()


@pytest.mark.parametrize(
    "address",
    [
        "",
        "@",
        "name@",
        "@proton.me",
        "name@localhost",
        "name@mail",  # no dot
        "name@host.local",
        "name@" + "a" * 56 + ".onion",
        "name@x.test",
        "name@example.arpa",
        "name@host.c0m1",  # a top-level domain ends with a letter
        "name@xn--bcher-kva.example",
        "name@ab--cd.com",
        "name@-host.com",
        "name@host-.com",
        "name@host..com",
        "name.@host.com",
        ".name@host.com",
        "na..me@host.com",
        '"quoted"@host.com',
        "Name <name@host.com>",
        "name@[127.0.0.1]",
        "name@host.com.",
        "näme@host.com",
        "name@hóst.com",
        "a@b@host.com",
        "x@" + "a" * 64 + ".com",  # a label longer than 63
        "x@" + ".".join(["a" * 60] * 5) + ".com",  # a domain longer than 253
    ],
)
def test_anything_else_goes_to_email_validator(address: str) -> None:
    assert not is_plain_valid(address)


def _random_address(rng: random.Random) -> str:
    def run(ordinary: str, special: str, longest: int) -> str:
        return "".join(
            rng.choice(ordinary if rng.random() < 0.85 else special)
            for _ in range(rng.randint(0, longest))
        )

    local = run("abcXYZ019", "._%+-!#$&'*/=?^`{|}~\"@ é", 12)
    labels = [run("abcXYZ019", ".-_ é@", 8) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.3:
        labels.append(rng.choice(["com", "onion", "local", "test", "arpa", "xn--p1ai", "c0", "me"]))
    if rng.random() < 0.1:
        labels.insert(0, "a" * rng.choice([62, 63, 64, 65]))
    return local + "@" + ".".join(labels)


def test_agrees_with_email_validator_on_generated_addresses() -> None:
    rng = random.Random(20240611)
    quick = 0
    for _ in range(20_000):
        address = _random_address(rng)
        if is_plain_valid(address):
            quick += 1
            assert _validator_normalised(address) == address.lower(), address
    assert quick > 1_000  # the generator reaches the quick path, not only refusals

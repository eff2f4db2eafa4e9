"""is_v3_label against the rend-spec-v3 check written with base64.b32decode."""

from __future__ import annotations

import base64
import binascii
import hashlib
import random

import pytest

from extractors import contacts
from extractors.contacts.onions import is_v3_label
from tests.unit.test_contacts import ONIONS

_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"


def _reference(label: str) -> bool:
    if len(label) != 56:
        return False
    try:
        raw = base64.b32decode(label.upper())
    except (binascii.Error, ValueError):
        return False
    if len(raw) != 35:
        return False  # padded: too short for a key, checksum and version
    pubkey, checksum, version = raw[:32], raw[32:34], raw[34:35]
    digest = hashlib.sha3_256(b".onion checksum" + pubkey + version).digest()
    return version == b"\x03" and digest[:2] == checksum


def _labels(rng: random.Random) -> list[str]:
    labels = list(ONIONS)
    for onion in ONIONS:
        for _ in range(20):
            i = rng.randrange(56)
            labels.append(onion[:i] + rng.choice(_ALPHABET) + onion[i + 1 :])
    labels += ["".join(rng.choice(_ALPHABET) for _ in range(56)) for _ in range(500)]
    return labels


def test_agrees_with_the_reference() -> None:
    labels = _labels(random.Random(7))
    assert sum(map(_reference, labels)) >= len(ONIONS)
    for label in labels:
        assert is_v3_label(label) == _reference(label), label
        assert is_v3_label(label.upper()) == _reference(label.upper()), label


@pytest.mark.parametrize(
    "label",
    [
        ONIONS[0][:-1],
        ONIONS[0] + "a",
        ONIONS[0][:-1] + "1",  # not base32
        ONIONS[0][:-1] + "=",
        ONIONS[0][:-1] + "é",
        ONIONS[0].replace("i", "\u0131", 1),  # dotless i: upper-cases to "I"
        "",
    ],
)
def test_odd_labels_match_the_reference(label: str) -> None:
    assert is_v3_label(label) == _reference(label)


def test_a_padded_label_before_onion_is_no_address() -> None:
    # b32decode accepts the padding and returns too few bytes for a v3 label.
    assert list(contacts.find(f"mirror: {ONIONS[0][:-1]}=.onion")) == []

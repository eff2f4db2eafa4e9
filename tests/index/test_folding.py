"""Alias folding, the typo policy and trigram candidates (shared by both backends)."""

from __future__ import annotations

import random
import string

import pytest

from index.folding import alias_match_score, fold_alias, typo_budget
from index.trigrams import padded_trigrams


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("DarkLord", "darkiord"),
        ("D4rkL0rd", "darkiord"),
        ("dark_lord", "darkiord"),
        ("Dark-Lord.", "darkiord"),
        ("Dárklörd", "darkiord"),
        ("$ilk@R0ad", "siikaroad"),
        ("h3r0in_5eller7", "heroinseiiert"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("Ｄ４ｒｋ", "dark"),
        ("Тёмный_Лорд", "темныилорд"),
        ("黑暗 领主", "黑暗领主"),
        ("___", ""),
        ("", ""),
    ],
)
def test_fold_alias(written, folded):
    assert fold_alias(written) == folded


def test_folding_is_idempotent():
    for name in ("D4rkL0rd", "Dárk_Lörd", "$ilk@R0ad", "Тёмный_Лорд"):
        assert fold_alias(fold_alias(name)) == fold_alias(name)


@pytest.mark.parametrize(
    ("query", "budget"), [("", 0), ("ab", 0), ("abc", 1), ("abcde", 1), ("abcdef", 2)]
)
def test_typo_budget_follows_the_length_of_the_name(query, budget):
    assert typo_budget(query) == budget


def test_match_scores():
    assert alias_match_score("darkiord", "darkiord") == 1.0
    assert alias_match_score("darkiord", "darkiords") == pytest.approx(8 / 9)
    assert alias_match_score("darkiord", "darkirod") == pytest.approx(7 / 8)  # one swap
    assert alias_match_score("darkiord", "dxrkiorx") == pytest.approx(6 / 8)
    assert alias_match_score("darkiord", "dxrxiorx") is None
    assert alias_match_score("ab", "ac") is None
    assert alias_match_score("bob", "rob") == pytest.approx(2 / 3)


def test_padded_trigrams():
    assert padded_trigrams("abc") == {"^^a", "^ab", "abc", "bc$", "c$$"}
    assert padded_trigrams("a") == {"^^a", "^a$", "a$$"}


def random_edit(word: str, rng: random.Random) -> str:
    position = rng.randrange(len(word))
    operation = rng.randrange(4)
    letter = rng.choice(string.ascii_lowercase)
    if operation == 0:
        return word[:position] + letter + word[position + 1 :]
    if operation == 1:
        return word[:position] + word[position + 1 :]
    if operation == 2:
        return word[:position] + letter + word[position:]
    if position == len(word) - 1:
        return word
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


def test_names_within_the_typo_budget_share_a_trigram():
    rng = random.Random(1)
    for _ in range(5000):
        name = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 14)))
        typo = name
        for _ in range(typo_budget(name)):
            typo = random_edit(typo, rng) or typo
        if alias_match_score(name, typo) is None or len(name) == 6:
            continue  # more edits than the budget, or the documented six-letter gap
        assert padded_trigrams(name) & padded_trigrams(typo), (name, typo)


def test_the_documented_gap_of_two_swaps_in_six_letters():
    assert alias_match_score("abcdef", "bacdfe") is not None
    assert not padded_trigrams("abcdef") & padded_trigrams("bacdfe")
